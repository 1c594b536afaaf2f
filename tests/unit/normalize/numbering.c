/*
 * numbering.c — ogi_norm_numbering() on folded text.
 */
#include <criterion/criterion.h>

#include "util.h"

#include <string.h>

struct num_case {
	const char *text;  /* folded text */
	size_t span;       /* bytes of the numbering, trailing spaces included */
	int ordinal, style;
};

static const struct num_case cases[] = {
	/* Chinese with 、 (and 一. ) */
	{"一、总体情况", 6, 1, 1},
	{"六、其他需要报告的事项", 6, 6, 1},
	{"十、x", 6, 10, 1},
	{"十二、x", 9, 12, 1},
	{"二十、x", 9, 20, 1},
	{"二十三、x", 12, 23, 1},
	{"九十九、x", 12, 99, 1},
	{"三.总体", 4, 3, 1},
	{"一、  总体", 8, 1, 1},
	/* Chinese in parentheses */
	{"(一)主动公开", 5, 1, 2},
	{"(二十)x", 8, 20, 2},
	{"(十一)x", 8, 11, 2},
	{"( 三 ) x", 8, 3, 2},
	{"(六)、其他处理", 8, 6, 2},
	/* Arabic */
	{"1.收到", 2, 1, 3},
	{"1、收到", 4, 1, 3},
	{"12. x", 4, 12, 3},
	{"3.", 2, 3, 3},
	{"(1)属于国家秘密", 3, 1, 4},
	{"(12) x", 5, 12, 4},
	{"1)x", 2, 1, 5},
	/* circled, 第, 是 */
	{"①x", 3, 1, 5},
	{"⑳ x", 4, 20, 5},
	{"❶x", 3, 1, 5},
	{"㉑x", 3, 21, 5},
	{"第一,加强", 7, 1, 5},
	{"第二部分 概述", 13, 2, 5},
	{"第三章x", 9, 3, 5},
	{"第1、x", 7, 1, 5},
	{"一是加强", 6, 1, 5},
	{"三是 x", 7, 3, 5},
	{"一)x", 4, 1, 5},
	/* values and words, not numberings */
	{"1234", 0, 0, 0},
	{"2021年", 0, 0, 0},
	{"2021.", 0, 0, 0},
	{"1.5万元", 0, 0, 0},
	{"1,234", 0, 0, 0},
	{"0.", 0, 0, 0},
	{"(2021)", 0, 0, 0},
	{"(1.5)", 0, 0, 0},
	{"(一", 0, 0, 0},
	{"一般", 0, 0, 0},
	{"十分", 0, 0, 0},
	{"一二、", 0, 0, 0},
	{"第一季度", 0, 0, 0},
	{"第x", 0, 0, 0},
	{"总体情况", 0, 0, 0},
	{"", 0, 0, 0},
	{"(", 0, 0, 0},
	{"一", 0, 0, 0},
	{"第", 0, 0, 0},
	{"\xE4\xB8", 0, 0, 0},
	{"\xEF\xBF\xBD", 0, 0, 0},
};

Test(numbering, styles)
{
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		const struct num_case *c = &cases[k];
		int ord = -1, style = -1;
		size_t span = ogi_norm_numbering(c->text, strlen(c->text), &ord, &style);
		cr_assert_eq(span, c->span, "\"%s\": span %zu, want %zu", c->text, span, c->span);
		cr_assert_eq(ord, c->ordinal, "\"%s\": ordinal %d, want %d", c->text, ord, c->ordinal);
		cr_assert_eq(style, c->style, "\"%s\": style %d, want %d", c->text, style, c->style);
	}
}

/* The length bounds the reading: a prefix of a numbering is not one. */
Test(numbering, respects_length)
{
	int ord, style;
	cr_assert_eq(ogi_norm_numbering("一、总体", 3, &ord, &style), 0);
	cr_assert_eq(ogi_norm_numbering("(一)", 4, &ord, &style), 0);
	cr_assert_eq(ogi_norm_numbering("1.5", 2, &ord, &style), 2); /* "1." then the end */
	cr_assert_eq(ord, 1);
	cr_assert_eq(ogi_norm_numbering(NULL, 0, &ord, &style), 0);
	cr_assert_eq(ogi_norm_numbering("1.", 2, NULL, NULL), 2);
}

/* Numberings as documents print them, after folding. */
Test(numbering, after_folding)
{
	static const struct {
		const char *raw;
		int ordinal, style;
	} raw[] = {
		{"（一）主动公开", 1, 2}, {"〔二〕x", 2, 2}, {"１．收到", 1, 3}, {"（１）x", 1, 4},
		{"⑴x", 1, 4}, {"⒉x", 2, 3}, {"㈢x", 3, 2}, {"三、\u3000x", 3, 1}, {"第四，x", 4, 5},
	};
	for (size_t k = 0; k < sizeof(raw) / sizeof(raw[0]); k++) {
		char *f = fold_str(raw[k].raw, 0, NULL);
		int ord, style;
		size_t span = ogi_norm_numbering(f, strlen(f), &ord, &style);
		cr_assert_gt(span, 0, "%s (folded %s)", raw[k].raw, f);
		cr_assert_eq(ord, raw[k].ordinal, "%s", raw[k].raw);
		cr_assert_eq(style, raw[k].style, "%s", raw[k].raw);
		ogi__free(f);
	}
}

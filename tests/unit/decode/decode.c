/*
 * decode.c — ogi_decode(): detection, conversion, replacement and its diagnostic.
 */
#include <criterion/criterion.h>

#include "decode.h"
#include "normalize.h"
#include "ogi/diagnostics.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* Converts UTF-8 text to `to` with iconv (test data); owned result in b. */
static void encode(ogi__buf *b, const char *to, const char *utf8)
{
	iconv_t cd = iconv_open(to, "UTF-8");
	cr_assert_neq(cd, (iconv_t)-1, "iconv cannot make %s", to);
	size_t inleft = strlen(utf8);
	cr_assert_eq(ogi__buf_grow(b, inleft * 4 + 16), 0);
	char *ip = (char *)(uintptr_t)utf8, *op = b->ptr + b->len;
	size_t oleft = b->cap - b->len - 1;
	cr_assert_neq(iconv(cd, &ip, &inleft, &op, &oleft), (size_t)-1, "errno %d", errno);
	b->len = (size_t)(op - b->ptr);
	b->ptr[b->len] = '\0';
	iconv_close(cd);
}

typedef struct result {
	ogi__buf out;
	const char *enc;
	ogi_diagnostics *diags;
	int rc;
} result;

static void run(result *r, const char *in, size_t len, const char *forced)
{
	memset(r, 0, sizeof(*r));
	cr_assert_eq(ogi_diagnostics_new(&r->diags), 0);
	r->rc = ogi_decode(&r->out, &r->enc, in, len, forced, r->diags);
}

static void done(result *r)
{
	ogi__buf_free(&r->out);
	ogi_diagnostics_free(r->diags);
}

/* Checks that r holds exactly one PARSE-ENCODING diagnostic of `sev` at line/col. */
static void expect_diag(const result *r, ogi_severity sev, uint32_t line, uint32_t col)
{
	cr_assert_eq(ogi_diagnostics_count(r->diags), 1, "%zu diagnostics",
	             ogi_diagnostics_count(r->diags));
	const ogi_diagnostic *d = ogi_diagnostics_get(r->diags, 0);
	cr_assert_str_eq(ogi_diagnostic_rule(d), "PARSE-ENCODING");
	cr_assert_eq(ogi_diagnostic_severity(d), sev);
	ogi_position pos = ogi_diagnostic_position(d);
	cr_assert_eq(pos.line, line, "line %u, want %u", pos.line, line);
	cr_assert_eq(pos.column, col, "column %u, want %u", pos.column, col);
	cr_assert_str_neq(ogi_diagnostic_message(d, "zh"), "");
	cr_assert_str_neq(ogi_diagnostic_message(d, "en"), "");
}

static const char TEXT[] =
	"2021年资兴市政府信息公开工作年度报告\n"
	"一、总体情况\n"
	"（一）主动公开。全年主动公开政府信息1234条，行政复议0件。\n";

Test(decode, utf8)
{
	result r;
	run(&r, TEXT, strlen(TEXT), NULL);
	cr_assert_eq(r.rc, 0);
	cr_assert_str_eq(r.enc, "UTF-8");
	cr_assert_eq(r.out.len, strlen(TEXT));
	cr_assert_str_eq(r.out.ptr, TEXT);
	cr_assert_eq(ogi_diagnostics_count(r.diags), 0);
	done(&r);
}

Test(decode, utf8_bom_dropped)
{
	result r;
	const char in[] = "\xEF\xBB\xBF报告\n";
	run(&r, in, strlen(in), NULL);
	cr_assert_eq(r.rc, 0);
	cr_assert_str_eq(r.enc, "UTF-8");
	cr_assert_str_eq(r.out.ptr, "报告\n");
	done(&r);
}

Test(decode, ascii_only_is_utf8)
{
	result r;
	run(&r, "Hello 2021\r\n", 12, NULL);
	cr_assert_eq(r.rc, 0);
	cr_assert_str_eq(r.enc, "UTF-8");
	cr_assert_str_eq(r.out.ptr, "Hello 2021\r\n");
	done(&r);
}

Test(decode, empty)
{
	result r;
	run(&r, "", 0, NULL);
	cr_assert_eq(r.rc, 0);
	cr_assert_str_eq(r.enc, "UTF-8");
	cr_assert_not_null(r.out.ptr);
	cr_assert_eq(r.out.len, 0);
	cr_assert_eq(r.out.ptr[0], '\0');
	done(&r);
	run(&r, NULL, 0, NULL);
	cr_assert_eq(r.rc, 0);
	done(&r);
}

Test(decode, appends)
{
	result r;
	memset(&r, 0, sizeof(r));
	cr_assert_eq(ogi__buf_puts(&r.out, "head:"), 0);
	r.rc = ogi_decode(&r.out, &r.enc, "报告", strlen("报告"), NULL, NULL);
	cr_assert_eq(r.rc, 0);
	cr_assert_str_eq(r.out.ptr, "head:报告");
	ogi__buf_free(&r.out);
}

static void check_utf16(const char *enc, const char *bom)
{
	ogi__buf b = {0};
	cr_assert_eq(ogi__buf_put(&b, bom, 2), 0);
	encode(&b, enc, TEXT);
	result r;
	run(&r, b.ptr, b.len, NULL);
	cr_assert_eq(r.rc, 0, "%s: rc %d (%s)", enc, r.rc, ogi_error_last());
	cr_assert_str_eq(r.enc, enc);
	cr_assert_str_eq(r.out.ptr, TEXT);
	cr_assert_eq(ogi_diagnostics_count(r.diags), 0);
	done(&r);
	ogi__buf_free(&b);
}

Test(decode, utf16_with_bom)
{
	check_utf16("UTF-16LE", "\xFF\xFE");
	check_utf16("UTF-16BE", "\xFE\xFF");
}

Test(decode, utf16_without_bom)
{
	static const char *const encs[] = {"UTF-16LE", "UTF-16BE"};
	for (size_t k = 0; k < 2; k++) {
		ogi__buf b = {0};
		encode(&b, encs[k], TEXT);
		result r;
		run(&r, b.ptr, b.len, NULL);
		cr_assert_eq(r.rc, 0, "%s: %s", encs[k], ogi_error_last());
		cr_assert_str_eq(r.enc, encs[k]);
		cr_assert_str_eq(r.out.ptr, TEXT);
		done(&r);
		ogi__buf_free(&b);
	}
}

Test(decode, utf16_truncated_and_unpaired)
{
	/* "报告" in UTF-16LE, an unpaired high surrogate, then 'A', then half a code unit */
	const char in[] = "\xFF\xFE" "\xA5\x62\x4A\x54" "\x00\xD8" "A\x00" "\x42";
	result r;
	run(&r, in, sizeof(in) - 1, NULL);
	cr_assert_eq(r.rc, 0);
	cr_assert_str_eq(r.enc, "UTF-16LE");
	cr_assert_str_eq(r.out.ptr, "报告\xEF\xBF\xBD" "A\xEF\xBF\xBD");
	expect_diag(&r, OGI_SEVERITY_WARNING, 1, 3);
	cr_assert_not_null(strstr(ogi_diagnostic_message(ogi_diagnostics_get(r.diags, 0), "en"),
	                          "2 invalid"));
	done(&r);
}

Test(decode, gbk_detected)
{
	ogi__buf b = {0};
	encode(&b, "GBK", TEXT);
	result r;
	run(&r, b.ptr, b.len, NULL);
	cr_assert_eq(r.rc, 0);
	cr_assert_str_eq(r.enc, "GB18030");
	cr_assert_str_eq(r.out.ptr, TEXT);
	cr_assert_eq(ogi_diagnostics_count(r.diags), 0);
	done(&r);
	ogi__buf_free(&b);
}

Test(decode, short_gbk_detected)
{
	ogi__buf b = {0};
	encode(&b, "GBK", "中文");
	result r;
	run(&r, b.ptr, b.len, NULL);
	cr_assert_eq(r.rc, 0);
	cr_assert_str_eq(r.enc, "GB18030");
	cr_assert_str_eq(r.out.ptr, "中文");
	done(&r);
	ogi__buf_free(&b);
}

Test(decode, gb18030_four_byte)
{
	/* € and an Extension B ideograph need GB18030's four-byte sequences */
	const char *text = "金额€，𠀀字，第二行\n";
	ogi__buf b = {0};
	encode(&b, "GB18030", text);
	result r;
	run(&r, b.ptr, b.len, NULL);
	cr_assert_eq(r.rc, 0);
	cr_assert_str_eq(r.enc, "GB18030");
	cr_assert_str_eq(r.out.ptr, text);
	done(&r);
	ogi__buf_free(&b);
}

Test(decode, gbk_with_bad_bytes)
{
	/* a GBK document with a stray byte and cut in the middle of a character */
	ogi__buf b = {0};
	encode(&b, "GBK", "第一行政府信息公开\n第二行");
	cr_assert_eq(ogi__buf_put(&b, "\xFF", 1), 0);
	encode(&b, "GBK", "年度报告工作");
	cr_assert_eq(ogi__buf_put(&b, "\xB1", 1), 0);
	result r;
	run(&r, b.ptr, b.len, NULL);
	cr_assert_eq(r.rc, 0);
	cr_assert_str_eq(r.enc, "GB18030");
	cr_assert_str_eq(r.out.ptr, "第一行政府信息公开\n第二行\xEF\xBF\xBD年度报告工作\xEF\xBF\xBD");
	expect_diag(&r, OGI_SEVERITY_WARNING, 2, 4);
	done(&r);
	ogi__buf_free(&b);
}

Test(decode, forced_encoding)
{
	ogi__buf b = {0};
	encode(&b, "GBK", TEXT);
	const char *forced = "gbk";
	result r;
	run(&r, b.ptr, b.len, forced);
	cr_assert_eq(r.rc, 0);
	cr_assert_eq(r.enc, forced, "the forced name is returned as given");
	cr_assert_str_eq(r.out.ptr, TEXT);
	done(&r);
	/* forcing a wrong encoding is obeyed */
	run(&r, TEXT, strlen(TEXT), "GB18030");
	cr_assert_eq(r.rc, 0);
	cr_assert_str_neq(r.out.ptr, TEXT);
	done(&r);
	/* forced UTF-8 with a BOM */
	run(&r, "\xEF\xBB\xBFok\xFF", 6, "utf8");
	cr_assert_eq(r.rc, 0);
	cr_assert_str_eq(r.out.ptr, "ok\xEF\xBF\xBD");
	expect_diag(&r, OGI_SEVERITY_WARNING, 1, 3);
	done(&r);
	/* forced UTF-16 with its own BOM handling */
	ogi__buf u = {0};
	cr_assert_eq(ogi__buf_put(&u, "\xFE\xFF", 2), 0);
	encode(&u, "UTF-16BE", "报告");
	run(&r, u.ptr, u.len, "UTF-16");
	cr_assert_eq(r.rc, 0);
	cr_assert_str_eq(r.out.ptr, "报告");
	done(&r);
	/* forced BIG5 */
	ogi__buf big = {0};
	encode(&big, "BIG5", "政府資訊公開");
	run(&r, big.ptr, big.len, "BIG5");
	cr_assert_eq(r.rc, 0);
	cr_assert_str_eq(r.out.ptr, "政府資訊公開");
	done(&r);
	ogi__buf_free(&big);
	ogi__buf_free(&u);
	ogi__buf_free(&b);
}

Test(decode, unknown_forced_encoding)
{
	result r;
	run(&r, TEXT, strlen(TEXT), "NO-SUCH-ENCODING-X");
	cr_assert_eq(r.rc, OGI_EENCODING);
	cr_assert_eq(ogi_error_last_code(), OGI_EENCODING);
	cr_assert_not_null(strstr(ogi_error_last(), "NO-SUCH-ENCODING-X"));
	cr_assert_eq(r.out.len, 0);
	done(&r);
}

Test(decode, invalid_utf8_replaced)
{
	/* line 3, column 5 (characters) holds the bad byte */
	const char in[] = "2021年资兴市政府信息公开工作年度报告\n"
	                  "一、总体情况全年主动公开政府信息\n"
	                  "（一）主\xFF动公开。全年主动公开政府信息条，行政复议件。\n";
	result r;
	run(&r, in, strlen(in), NULL);
	cr_assert_eq(r.rc, 0);
	cr_assert_str_eq(r.enc, "UTF-8");
	cr_assert_not_null(strstr(r.out.ptr, "（一）主\xEF\xBF\xBD动公开"));
	cr_assert_eq(r.out.len, strlen(in) + 2);
	expect_diag(&r, OGI_SEVERITY_WARNING, 3, 5);
	const ogi_diagnostic *d = ogi_diagnostics_get(r.diags, 0);
	cr_assert_not_null(strstr(ogi_diagnostic_message(d, "en"), "1 invalid UTF-8 byte sequence"));
	cr_assert_not_null(strstr(ogi_diagnostic_message(d, "zh"), "第 3 行第 5 列"));
	done(&r);
}

Test(decode, many_invalid_one_diagnostic)
{
	const char in[] = "ab\xFF" "cd\xFE\n\xC0\x80 报告报告报告报告报告报告报告报告报告报告报告报告报告报告";
	result r;
	run(&r, in, strlen(in), NULL);
	cr_assert_eq(r.rc, 0);
	cr_assert_str_eq(r.enc, "UTF-8");
	expect_diag(&r, OGI_SEVERITY_WARNING, 1, 3);
	cr_assert_not_null(strstr(ogi_diagnostic_message(ogi_diagnostics_get(r.diags, 0), "en"),
	                          "4 invalid"));
	done(&r);
}

Test(decode, truncated_multibyte_at_end)
{
	const char in[] = "政府信息公开\xE4\xB8";
	result r;
	run(&r, in, strlen(in), NULL);
	cr_assert_eq(r.rc, 0);
	cr_assert_str_eq(r.enc, "UTF-8");
	cr_assert_str_eq(r.out.ptr, "政府信息公开\xEF\xBF\xBD");
	expect_diag(&r, OGI_SEVERITY_WARNING, 1, 7);
	done(&r);
}

Test(decode, binary_refused)
{
	static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
	result r;
	run(&r, png, sizeof(png) - 1, NULL);
	cr_assert_eq(r.rc, OGI_EFORMAT);
	cr_assert_eq(ogi_error_last_code(), OGI_EFORMAT);
	cr_assert_eq(r.out.len, 0);
	done(&r);
	/* no NUL, but mostly control bytes */
	char ctl[200];
	for (size_t i = 0; i < sizeof(ctl); i++)
		ctl[i] = (char)(i % 3 ? 'a' : 1 + (char)(i % 7));
	run(&r, ctl, sizeof(ctl), NULL);
	cr_assert_eq(r.rc, OGI_EFORMAT);
	done(&r);
	/* a NUL in otherwise good text */
	run(&r, "abc\0def", 7, NULL);
	cr_assert_eq(r.rc, OGI_EFORMAT);
	done(&r);
	run(&r, "abc\0de", 6, NULL); /* not UTF-16 either */
	cr_assert_eq(r.rc, OGI_EFORMAT);
	done(&r);
	/* forced encodings are checked on their output */
	run(&r, "abc\0def", 7, "GB18030");
	cr_assert_eq(r.rc, OGI_EFORMAT);
	done(&r);
	/* text with tabs, form feeds and CRLF is text */
	run(&r, "a\tb\fc\r\nd\x1b" "efghijklmnopqrstuvwxyz", 30, NULL);
	cr_assert_eq(r.rc, 0);
	done(&r);
}

static void check_declared(const char *head, const char *want_enc)
{
	ogi__buf b = {0};
	cr_assert_eq(ogi__buf_puts(&b, head), 0);
	encode(&b, "GBK", "<body>资兴市政府信息公开工作年度报告</body>");
	result r;
	run(&r, b.ptr, b.len, NULL);
	cr_assert_eq(r.rc, 0);
	cr_assert_str_eq(r.enc, want_enc, "%s", head);
	cr_assert_not_null(strstr(r.out.ptr, "资兴市政府信息公开工作年度报告"));
	cr_assert_eq(ogi_diagnostics_count(r.diags), 0);
	done(&r);
	ogi__buf_free(&b);
}

Test(decode, html_charset)
{
	check_declared("<html><head><meta charset=\"gbk\"></head>", "GB18030");
	check_declared("<HTML><HEAD><META HTTP-EQUIV=\"Content-Type\" "
	               "CONTENT=\"text/html; Charset=GB2312\"></HEAD>", "GB18030");
	check_declared("<?xml version=\"1.0\" encoding='x-gbk'?><html>", "GB18030");
	check_declared("<meta charset=cp936>", "GB18030");
}

Test(decode, html_charset_big5)
{
	ogi__buf b = {0};
	cr_assert_eq(ogi__buf_puts(&b, "<meta charset=\"big5\">"), 0);
	encode(&b, "BIG5", "政府資訊公開工作年度報告");
	result r;
	run(&r, b.ptr, b.len, NULL);
	cr_assert_eq(r.rc, 0);
	cr_assert_str_eq(r.enc, "BIG5");
	cr_assert_not_null(strstr(r.out.ptr, "政府資訊公開工作年度報告"));
	done(&r);
	ogi__buf_free(&b);
}

Test(decode, declared_gbk_but_utf8)
{
	char in[512];
	snprintf(in, sizeof(in), "<html>\n<head><meta charset=\"gbk\"></head><body>%s</body>", TEXT);
	result r;
	run(&r, in, strlen(in), NULL);
	cr_assert_eq(r.rc, 0);
	cr_assert_str_eq(r.enc, "UTF-8");
	cr_assert_str_eq(r.out.ptr, in);
	expect_diag(&r, OGI_SEVERITY_INFO, 2, 13); /* where the declaration is */
	done(&r);
	/* pure ASCII under a gbk declaration: no diagnostic */
	run(&r, "<meta charset=gbk>hello", 23, NULL);
	cr_assert_eq(r.rc, 0);
	cr_assert_str_eq(r.enc, "UTF-8");
	cr_assert_eq(ogi_diagnostics_count(r.diags), 0);
	done(&r);
}

Test(decode, charset_outside_tags_ignored)
{
	/* "charset=utf-8" in running text is not a declaration; the bytes are GBK */
	ogi__buf b = {0};
	cr_assert_eq(ogi__buf_puts(&b, "see charset=utf-8 "), 0);
	encode(&b, "GBK", "政府信息公开工作年度报告");
	result r;
	run(&r, b.ptr, b.len, NULL);
	cr_assert_eq(r.rc, 0);
	cr_assert_str_eq(r.enc, "GB18030");
	done(&r);
	ogi__buf_free(&b);
}

Test(decode, no_diagnostics_list)
{
	ogi__buf out = {0};
	const char *enc = NULL;
	cr_assert_eq(ogi_decode(&out, &enc, "a\xFF", 2, NULL, NULL), 0);
	cr_assert_str_eq(out.ptr, "a\xEF\xBF\xBD");
	ogi__buf_free(&out);
	cr_assert_eq(ogi_decode(NULL, &enc, "a", 1, NULL, NULL), OGI_EINVAL);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A 50 MB line with a bad byte at its end: linear time, and the column counts characters. */
Test(decode, fifty_megabyte_line, .timeout = 60)
{
	const size_t unit = strlen("政府信息公开abc"); /* 9 characters, 21 bytes */
	size_t reps = 50u * 1000 * 1000 / unit;
	ogi__buf in = {0};
	cr_assert_eq(ogi__buf_grow(&in, reps * unit + 2), 0);
	for (size_t i = 0; i < reps; i++)
		memcpy(in.ptr + i * unit, "政府信息公开abc", unit);
	in.len = reps * unit;
	in.ptr[in.len++] = '\xFF';
	double t0 = now();
	result r;
	run(&r, in.ptr, in.len, NULL);
	double t1 = now();
	cr_assert_eq(r.rc, 0);
	cr_assert_str_eq(r.enc, "UTF-8");
	cr_assert_eq(r.out.len, in.len + 2);
	uint64_t col = (uint64_t)reps * 9 + 1;
	expect_diag(&r, OGI_SEVERITY_WARNING, 1, (uint32_t)col);
	done(&r);
	cr_log_info("50 MB line with a bad byte: %.3f s", t1 - t0);
	cr_assert_lt(t1 - t0, 20.0);
	/* the same line in GBK */
	ogi__buf gb = {0};
	encode(&gb, "GBK", "政府信息公开abc");
	size_t gunit = gb.len;
	cr_assert_eq(ogi__buf_grow(&gb, reps * gunit + 2), 0);
	for (size_t i = 1; i < reps; i++)
		memcpy(gb.ptr + i * gunit, gb.ptr, gunit);
	gb.len = reps * gunit;
	gb.ptr[gb.len++] = '\xFF';
	t0 = now();
	run(&r, gb.ptr, gb.len, NULL);
	t1 = now();
	cr_assert_eq(r.rc, 0);
	cr_assert_str_eq(r.enc, "GB18030");
	expect_diag(&r, OGI_SEVERITY_WARNING, 1, (uint32_t)col);
	done(&r);
	cr_log_info("the same in GBK: %.3f s", t1 - t0);
	cr_assert_lt(t1 - t0, 30.0);
	ogi__buf_free(&gb);
	ogi__buf_free(&in);
}

Test(decode, declaration_after_4k_ignored)
{
	ogi__buf b = {0};
	for (int i = 0; i < 4100; i++)
		cr_assert_eq(ogi__buf_put(&b, " ", 1), 0);
	cr_assert_eq(ogi__buf_puts(&b, "<meta charset=\"big5\">"), 0);
	encode(&b, "GBK", "政府信息公开工作年度报告");
	result r;
	run(&r, b.ptr, b.len, NULL);
	cr_assert_eq(r.rc, 0);
	cr_assert_str_eq(r.enc, "GB18030");
	cr_assert_not_null(strstr(r.out.ptr, "政府信息公开工作年度报告"));
	done(&r);
	ogi__buf_free(&b);
}

static uint64_t rng_state = 0x2545F4914F6CDD1Du;

static uint32_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state >> 11);
}

static int valid_utf8(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = ogi_utf8_next(s + i, len - i, &cp);
		if (cp == 0xFFFD && !(n == 3 && !memcmp(s + i, "\xEF\xBF\xBD", 3)))
			return 0;
		i += n;
	}
	return 1;
}

/* Whatever the bytes, the result is valid UTF-8 text or OGI_EFORMAT, with at most one
 * replacement warning and at most one info diagnostic. */
Test(decode, random_inputs)
{
	static const char *const pieces[] = {"报告", "\xB1\xA8\xB8\xE6", "<meta charset=gbk>",
	                                     "<meta charset=\"big5\">", "<?xml encoding='utf-8'?>",
	                                     "\xFF\xFE", "\xFE\xFF", "\xEF\xBB\xBF", "\n", "a"};
	static const char *const forced[] = {NULL, NULL, NULL, "GB18030", "UTF-16LE", "UTF-8",
	                                     "BIG5", "UTF-32"};
	for (int iter = 0; iter < 2000; iter++) {
		char in[600];
		size_t len = 0, want = rnd() % 300;
		while (len < want) {
			if (rnd() % 3 == 0) {
				in[len++] = (char)(0x80 | (rnd() & 0x7F));
			} else {
				const char *p = pieces[rnd() % (sizeof(pieces) / sizeof(pieces[0]))];
				size_t n = strlen(p);
				memcpy(in + len, p, n);
				len += n;
			}
		}
		const char *f = forced[rnd() % (sizeof(forced) / sizeof(forced[0]))];
		result r;
		run(&r, in, len, f);
		if (r.rc == OGI_EFORMAT) {
			cr_assert_eq(r.out.len, 0);
		} else {
			cr_assert_eq(r.rc, 0, "iteration %d: rc %d", iter, r.rc);
			cr_assert(valid_utf8(r.out.ptr, r.out.len), "iteration %d (%s): not UTF-8", iter,
			          f ? f : "detect");
			cr_assert_eq(r.out.ptr[r.out.len], '\0');
			cr_assert_leq(ogi_diagnostics_count(r.diags), 2);
			cr_assert_leq(ogi_diagnostics_count_severity(r.diags, OGI_SEVERITY_WARNING), 1);
		}
		done(&r);
	}
}

/* The seeds: UTF-8 as they are, and the same text in GB18030 and UTF-16, decode to the same. */
Test(decode, seeds_in_three_encodings)
{
	static const char *const names[] = {"000_b985c30617af32aa", "001_cfdc63feca2d6a4b",
	                                    "002_160b56923f520945", "003_18ca986f9f3aea6e",
	                                    "004_638f110a7a5407ec"};
	for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
		char path[4096];
		snprintf(path, sizeof(path), "%s/../shared/seeds/%s.txt", OGI_SOURCE_DIR, names[k]);
		FILE *fp = fopen(path, "rb");
		if (!fp)
			cr_skip_test("seed %s not found beside the source tree", names[k]);
		ogi__buf text = {0};
		char tmp[4096];
		size_t n;
		while ((n = fread(tmp, 1, sizeof(tmp), fp)) > 0)
			cr_assert_eq(ogi__buf_put(&text, tmp, n), 0);
		fclose(fp);
		result r;
		run(&r, text.ptr, text.len, NULL);
		cr_assert_eq(r.rc, 0);
		cr_assert_str_eq(r.enc, "UTF-8");
		cr_assert_str_eq(r.out.ptr, text.ptr);
		cr_assert_eq(ogi_diagnostics_count(r.diags), 0, "%s", names[k]);
		done(&r);
		static const char *const encs[][2] = {{"GB18030", "GB18030"}, {"UTF-16LE", "UTF-16LE"}};
		for (size_t e = 0; e < 2; e++) {
			ogi__buf b = {0};
			if (e == 1)
				cr_assert_eq(ogi__buf_put(&b, "\xFF\xFE", 2), 0);
			encode(&b, encs[e][0], text.ptr);
			run(&r, b.ptr, b.len, NULL);
			cr_assert_eq(r.rc, 0);
			cr_assert_str_eq(r.enc, encs[e][1], "%s in %s", names[k], encs[e][0]);
			cr_assert_str_eq(r.out.ptr, text.ptr, "%s in %s", names[k], encs[e][0]);
			cr_assert_eq(ogi_diagnostics_count(r.diags), 0);
			done(&r);
			ogi__buf_free(&b);
		}
		ogi__buf_free(&text);
	}
}

/* iconv's UTF-8 for `len` bytes of GB18030 (0 when it reports an error), in out. */
static int iconv_gb18030(ogi__buf *out, const char *in, size_t len)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	cr_assert_neq(cd, (iconv_t)-1);
	out->len = 0;
	cr_assert_eq(ogi__buf_grow(out, len * 4 + 16), 0);
	char *ip = (char *)(uintptr_t)in, *op = out->ptr;
	size_t il = len, ol = out->cap - 1;
	size_t res = iconv(cd, &ip, &il, &op, &ol);
	iconv_close(cd);
	out->len = (size_t)(op - out->ptr);
	out->ptr[out->len] = '\0';
	return res != (size_t)-1 && il == 0;
}

/* Every two-byte code, alone between ASCII and all in one document (runs of ASCII of every
 * length between them), decodes as iconv decodes it: the table of gb_fast() and iconv. */
Test(decode, gb_two_byte_codes_as_iconv, .timeout = 60)
{
	ogi__buf all = {0}, want = {0}, one = {0};
	size_t covered = 0;
	for (unsigned int lead = 0x81; lead <= 0xFE; lead++)
		for (unsigned int trail = 0x40; trail <= 0xFE; trail++) {
			char in[4] = {'x', (char)lead, (char)trail, '\n'};
			result r;
			run(&r, in, sizeof(in), "GB18030");
			cr_assert_eq(r.rc, 0);
			if (iconv_gb18030(&one, in, sizeof(in))) {
				cr_assert_eq(r.out.len, one.len, "%02X %02X", lead, trail);
				cr_assert_eq(memcmp(r.out.ptr, one.ptr, one.len), 0, "%02X %02X", lead, trail);
				cr_assert_eq(ogi_diagnostics_count(r.diags), 0);
				uint32_t cp;
				if (ogi_utf8_next(one.ptr + 1, one.len - 2, &cp) == one.len - 2 &&
				    cp != 0xFFFD) {
					cr_assert_eq(ogi__buf_put(&all, in + 1, 2), 0);
					cr_assert_eq(ogi__buf_put(&all, "abcdefghijklmnopq", covered++ % 18),
					             0);
				}
			} else {
				cr_assert_eq(ogi_diagnostics_count(r.diags), 1, "%02X %02X", lead, trail);
			}
			done(&r);
		}
	cr_assert_gt(covered, 20000);
	cr_assert(iconv_gb18030(&want, all.ptr, all.len));
	for (int forced = 0; forced < 2; forced++) {
		result r;
		run(&r, all.ptr, all.len, forced ? "gb18030" : NULL);
		cr_assert_eq(r.rc, 0);
		cr_assert_str_eq(r.enc, forced ? "gb18030" : "GB18030");
		cr_assert_eq(r.out.len, want.len);
		cr_assert_eq(memcmp(r.out.ptr, want.ptr, want.len), 0);
		cr_assert_eq(ogi_diagnostics_count(r.diags), 0);
		done(&r);
	}
	ogi__buf_free(&all);
	ogi__buf_free(&want);
	ogi__buf_free(&one);
}

/* UTF-8 with damage stays UTF-8 while it has at least twice as many valid multi-byte
 * characters as invalid sequences: g ideographs and m GBK characters (two invalid sequences
 * each, and GB18030 reads the lot without an error) are UTF-8 for g = 4m, GB18030 for
 * g = 4m - 1, at the sizes of the scalar and of the vector code. */
Test(decode, gbk_or_utf8_at_the_boundary)
{
	static const size_t ms[] = {1, 2, 5, 40, 1000};
	for (size_t k = 0; k < sizeof(ms) / sizeof(ms[0]); k++)
		for (size_t g = 4 * ms[k] - 1; g <= 4 * ms[k]; g++) {
			ogi__buf b = {0};
			for (size_t i = 0; i < g; i++)
				cr_assert_eq(ogi__buf_puts(&b, "中"), 0);
			for (size_t i = 0; i < ms[k]; i++)
				cr_assert_eq(ogi__buf_puts(&b, "a\xB1\xA8"), 0);
			result r;
			run(&r, b.ptr, b.len, NULL);
			cr_assert_eq(r.rc, 0);
			if (g == 4 * ms[k]) {
				cr_assert_str_eq(r.enc, "UTF-8", "g %zu, m %zu", g, ms[k]);
				expect_diag(&r, OGI_SEVERITY_WARNING, 1, (uint32_t)g + 2);
			} else {
				ogi__buf want = {0};
				cr_assert(iconv_gb18030(&want, b.ptr, b.len));
				cr_assert_str_eq(r.enc, "GB18030", "g %zu, m %zu", g, ms[k]);
				cr_assert_str_eq(r.out.ptr, want.ptr);
				cr_assert_eq(ogi_diagnostics_count(r.diags), 0);
				ogi__buf_free(&want);
			}
			done(&r);
			ogi__buf_free(&b);
		}
}

/* A sequence cut by the end of the input is not held against UTF-8; cut anywhere else, it
 * is (and then GB18030 does better). */
Test(decode, truncated_sequence_at_the_end)
{
	static const struct {
		const char *in, *enc;
	} cases[] = {
		{"中中\xFF\xE4\xB8", "UTF-8"},   {"中中\xFF\xE4", "UTF-8"},
		{"中中\xFF\xF0\x9F\x98", "UTF-8"}, {"中中\xFF\xF0\x9F", "UTF-8"},
		{"中中\xFF\xC3", "UTF-8"},       {"中中\xFF\xE4\x41", "GB18030"},
		{"中中\xFF\xF0\x8F", "GB18030"},  {"中中\xFF\xE4\xB8\x41", "GB18030"},
	};
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		result r;
		run(&r, cases[k].in, strlen(cases[k].in), NULL);
		cr_assert_eq(r.rc, 0);
		cr_assert_str_eq(r.enc, cases[k].enc, "case %zu", k);
		done(&r);
	}
}

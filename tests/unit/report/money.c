/*
 * money.c — exact money: formatting and parsing of amounts in 万元 held as 1e-4 units.
 */
#include <criterion/criterion.h>

#include "ogi.h"

#include <string.h>

static const struct {
	int64_t value;
	const char *text;
} cases[] = {
	{0, "0"},
	{41582100, "4158.21"},
	{5000, "0.5"},
	{-30000, "-3"},
	{-5, "-0.0005"},
	{1, "0.0001"},
	{10, "0.001"},
	{12345, "1.2345"},
	{10000, "1"},
	{100000000, "10000"},
	{INT64_MAX, "922337203685477.5807"},
	{INT64_MIN, "-922337203685477.5808"},
	{-INT64_MAX, "-922337203685477.5807"},
};

Test(money, format)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char buf[24];
		int n = ogi_money_format(buf, sizeof(buf), cases[i].value);
		cr_assert_eq(n, (int)strlen(cases[i].text));
		cr_assert_str_eq(buf, cases[i].text);
	}
}

Test(money, format_small_buffers)
{
	char buf[24];
	cr_assert_eq(ogi_money_format(buf, 8, 41582100), 7);
	cr_assert_str_eq(buf, "4158.21");
	cr_assert_eq(ogi_money_format(buf, 7, 41582100), OGI_EINVAL);
	cr_assert_str_eq(buf, ""); /* never left unterminated */
	cr_assert_eq(ogi_money_format(buf, 0, 1), OGI_EINVAL);
	cr_assert_eq(ogi_money_format(NULL, 24, 1), OGI_EINVAL);
	/* 24 bytes always suffice */
	cr_assert_gt(ogi_money_format(buf, 24, INT64_MIN), 0);
}

Test(money, parse)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int64_t v = 12345678;
		cr_assert_eq(ogi_money_parse(&v, cases[i].text, strlen(cases[i].text)), 0, "%s",
		             cases[i].text);
		cr_assert_eq(v, cases[i].value, "%s", cases[i].text);
	}
	static const struct {
		const char *text;
		int64_t value;
	} more[] = {
		{"-0", 0}, {"007.50", 75000}, {"1.50000", 15000}, {"0.00010", 1}, {"4158.2100", 41582100},
	};
	for (size_t i = 0; i < sizeof(more) / sizeof(more[0]); i++) {
		int64_t v;
		cr_assert_eq(ogi_money_parse(&v, more[i].text, strlen(more[i].text)), 0, "%s",
		             more[i].text);
		cr_assert_eq(v, more[i].value, "%s", more[i].text);
	}
	/* length, not NUL, ends the text */
	int64_t v;
	cr_assert_eq(ogi_money_parse(&v, "12.5xyz", 4), 0);
	cr_assert_eq(v, 125000);
}

Test(money, parse_rejects)
{
	static const char *const bad[] = {
		"", "-", ".", "1.", ".5", "-.5", "+1", " 1", "1 ", "1,000", "0.00001", "1.23456",
		"1e3", "1E-2", "0x10", "NaN", "inf", "1.2.3", "--1", "１", "922337203685477.5808",
		"-922337203685477.5809", "99999999999999999999", "100000000000000000000000.0",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int64_t v = 77;
		cr_assert_eq(ogi_money_parse(&v, bad[i], strlen(bad[i])), OGI_EINVAL, "%s", bad[i]);
		cr_assert_eq(v, 77, "%s", bad[i]);
	}
	int64_t v;
	cr_assert_eq(ogi_money_parse(NULL, "1", 1), OGI_EINVAL);
	cr_assert_eq(ogi_money_parse(&v, NULL, 1), OGI_EINVAL);
	cr_assert_eq(ogi_money_parse(&v, NULL, 0), OGI_EINVAL);
}

Test(money, round_trip_many)
{
	/* format then parse gives the value back, across magnitudes and signs */
	int64_t v = 1;
	for (int i = 0; i < 60; i++, v = v * 2 + (i % 3)) {
		for (int sign = -1; sign <= 1; sign += 2) {
			char buf[24];
			int64_t x = sign * v, back;
			int n = ogi_money_format(buf, sizeof(buf), x);
			cr_assert_gt(n, 0);
			cr_assert_eq(ogi_money_parse(&back, buf, (size_t)n), 0, "%s", buf);
			cr_assert_eq(back, x, "%s", buf);
		}
	}
}

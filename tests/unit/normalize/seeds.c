/*
 * seeds.c — folding real reports: traditional seeds fold to the simplified catalog labels,
 * simplified seeds and the catalog itself are left alone, folding is idempotent, and the
 * test generator's simplified -> traditional table folds back.
 */
#include <criterion/criterion.h>

#include "util.h"
#include "gen/s2t_table.h"

#include <string.h>

static char *seed_or_skip(const char *prefix, size_t *len)
{
	char *text = read_seed(prefix, len);
	if (!text)
		cr_skip_test("seed %s* not found beside the source tree", prefix);
	return text;
}

static char *fold_len(const char *s, size_t len, unsigned int flags)
{
	ogi__buf out = {0};
	cr_assert_eq(ogi_norm_fold(&out, s, len, flags, NULL), 0);
	return out.ptr;
}

Test(seeds, traditional_002_folds_to_catalog_labels)
{
	size_t len;
	char *text = seed_or_skip("002_", &len);
	cr_assert_not_null(strstr(text, "主動公開政府信息數"), "the seed is traditional");
	char *f = fold_len(text, len, OGI_NORM_DROP_SPACE);
	cr_assert_not_null(strstr(f, "主动公开政府信息数"));
	cr_assert_not_null(strstr(f, "申请办结数"));
	cr_assert_not_null(strstr(f, "政府信息公开情况统计表"));
	cr_assert_not_null(strstr(f, "于潜镇2018年度政府信息公开工作报告"));
	cr_assert_null(strstr(f, "於潛鎮"));
	ogi__free(f);
	ogi__free(text);
}

Test(seeds, traditional_003_folds_to_catalog_labels)
{
	size_t len;
	char *text = seed_or_skip("003_", &len);
	char *f = fold_len(text, len, OGI_NORM_DROP_SPACE);
	cr_assert_not_null(strstr(f, "主动公开政府信息数"));
	cr_assert_not_null(strstr(f, "收到申请数"));
	cr_assert_not_null(strstr(f, "行政复议数量"));
	cr_assert_not_null(strstr(f, "衡山县城市管理和综合执法局2020年政府信息公开工作年度报告"));
	cr_assert_not_null(strstr(f, "编制说明:"));
	cr_assert_not_null(strstr(f, "所列数据的统计期限"));
	cr_assert_not_null(strstr(f, "《中华人民共和国政府信息公开条例》"));
	ogi__free(f);
	ogi__free(text);
}

/* The simplified seeds keep every ideograph. */
Test(seeds, simplified_seeds_keep_their_ideographs)
{
	static const char *const prefixes[] = {"000_", "001_", "004_"};
	for (size_t k = 0; k < 3; k++) {
		size_t len;
		char *text = seed_or_skip(prefixes[k], &len);
		char *f = fold_len(text, len, 0);
		char *a = cjk_only(text, len), *b = cjk_only(f, strlen(f));
		cr_assert_str_eq(b, a, "seed %s", prefixes[k]);
		ogi__free(a);
		ogi__free(b);
		ogi__free(f);
		ogi__free(text);
	}
}

Test(seeds, folding_is_idempotent)
{
	static const char *const prefixes[] = {"000_", "001_", "002_", "003_", "004_"};
	for (size_t k = 0; k < 5; k++) {
		size_t len;
		char *text = seed_or_skip(prefixes[k], &len);
		char *f1 = fold_len(text, len, 0);
		char *f2 = fold_len(f1, strlen(f1), 0);
		cr_assert_str_eq(f2, f1, "seed %s", prefixes[k]);
		ogi__free(f1);
		ogi__free(f2);
		ogi__free(text);
	}
}

/* ---- the catalog --------------------------------------------------------------------------- */

static const char *const labels[] = {
#define OGI_BLOCK(id, key, label) label,
#define OGI_SECTION(id, key, label, aliases) label, aliases,
#define OGI_COL(id, key, kind, label, aliases) label, aliases,
#define OGI_ROW(id, block, key, label, aliases) label, aliases,
#define OGI_HEADER(block, editions, label, aliases) label, aliases,
#include "ogi/cells.def"
};

Test(seeds, catalog_labels_are_fixed_points)
{
	size_t n = 0;
	for (size_t k = 0; k < sizeof(labels) / sizeof(labels[0]); k++) {
		const char *l = labels[k];
		if (!*l)
			continue;
		char *f = fold_str(l, 0, NULL);
		cr_assert_str_eq(f, l, "catalog label \"%s\" changes when folded", l);
		ogi__free(f);
		n++;
	}
	cr_assert_gt(n, 100);
}

/* ---- the generator's table -------------------------------------------------------------------- */

/* Renders UTF-8 text in traditional characters with ogi_gen_s2t(). */
static char *to_traditional(const char *s, size_t len)
{
	ogi__buf b = {0};
	size_t i = 0;
	cr_assert_eq(ogi__buf_put(&b, "", 0), 0);
	while (i < len) {
		uint32_t cp;
		size_t n = ogi_utf8_next(s + i, len - i, &cp);
		char u[4];
		cr_assert_eq(ogi__buf_put(&b, u, put_utf8(u, ogi_gen_s2t(cp))), 0);
		i += n;
	}
	return b.ptr;
}

Test(seeds, s2t_table_folds_back)
{
	/* every pair */
	for (size_t k = 0; k < OGI_GEN_S2T_NPAIRS; k++) {
		char s[8] = {0}, t[8] = {0};
		put_utf8(s, ogi_gen_s2t_pairs[k].simp);
		put_utf8(t, ogi_gen_s2t_pairs[k].trad);
		cr_assert_str_neq(s, t);
		char *f = fold_str(t, 0, NULL);
		cr_assert_str_eq(f, s, "s2t(%s) = %s folds to %s", s, t, f);
		ogi__free(f);
		if (k)
			cr_assert_lt(ogi_gen_s2t_pairs[k - 1].simp, ogi_gen_s2t_pairs[k].simp);
	}
	cr_assert_eq(ogi_gen_s2t(0x53BF), 0x7E23); /* 县 -> 縣 */
	cr_assert_eq(ogi_gen_s2t('a'), 'a');
	/* the catalog rendered in traditional characters folds back to itself */
	size_t changed = 0;
	for (size_t k = 0; k < sizeof(labels) / sizeof(labels[0]); k++) {
		const char *l = labels[k];
		char *t = to_traditional(l, strlen(l));
		changed += strcmp(t, l) != 0;
		char *f = fold_str(t, 0, NULL);
		cr_assert_str_eq(f, l, "label %s rendered as %s folds to %s", l, t, f);
		ogi__free(f);
		ogi__free(t);
	}
	cr_assert_gt(changed, 100);
}

Test(seeds, simplified_seed_round_trip)
{
	size_t len;
	char *text = seed_or_skip("000_", &len);
	char *t = to_traditional(text, len);
	cr_assert_str_neq(t, text);
	char *f1 = fold_len(text, len, 0), *f2 = fold_len(t, strlen(t), 0);
	/* rendered in traditional characters, 资料 becomes 資料, which folds as the Taiwan word
	 * 資料 -> 数据; so do 档案 and 资讯 (all three words are six bytes in both forms) */
	static const char *const words[][2] = {{"资料", "数据"}, {"资讯", "信息"}, {"档案", "文件"}};
	size_t replaced = 0;
	for (size_t k = 0; k < 3; k++)
		for (char *q = f1; (q = strstr(q, words[k][0])) != NULL; q += 6, replaced++)
			memcpy(q, words[k][1], 6);
	cr_assert_gt(replaced, 0, "the seed has one of the words");
	cr_assert_str_eq(f2, f1);
	ogi__free(f1);
	ogi__free(f2);
	ogi__free(t);
	ogi__free(text);
}

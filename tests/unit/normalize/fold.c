/*
 * fold.c — ogi_norm_fold(): every folding class, with exact map offsets.
 */
#include <criterion/criterion.h>

#include "util.h"

#include <string.h>

/* Folds `in` and checks the output and, when `map` is given, every map entry. */
static void check_fold(const char *in, unsigned int flags, const char *want, const uint32_t *map,
                       size_t nmap)
{
	ogi__buf m = {0};
	char *got = fold_str(in, flags, &m);
	cr_assert_str_eq(got, want, "fold(\"%s\")", in);
	if (map) {
		cr_assert_eq(m.len / 4, nmap, "fold(\"%s\"): %zu map entries, want %zu", in, m.len / 4,
		             nmap);
		const uint32_t *mm = (const uint32_t *)(const void *)m.ptr;
		for (size_t i = 0; i < nmap; i++)
			cr_assert_eq(mm[i], map[i], "fold(\"%s\"): map[%zu] = %u, want %u", in, i, mm[i],
			             map[i]);
	}
	/* without a map the output is the same */
	char *again = fold_str(in, flags, NULL);
	cr_assert_str_eq(again, want);
	ogi__free(again);
	ogi__free(got);
	ogi__buf_free(&m);
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

Test(fold, ascii_copied_with_identity_map)
{
	static const uint32_t map[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17};
	check_fold("Report 2021 (ok)\n", 0, "Report 2021 (ok)\n", map, 17);
	check_fold("", 0, "", NULL, 0);
}

Test(fold, full_width_ascii)
{
	/* Ａ１（：） are three bytes each */
	static const uint32_t map[] = {0, 3, 6, 9, 12, 15, 18};
	check_fold("Ａ１（：）．－", 0, "A1(:).-", map, N(map));
	check_fold("！～", 0, "!~", NULL, 0);
}

Test(fold, spaces)
{
	/* U+3000, NBSP (2 bytes), ZWSP, BOM, soft hyphen -> ' ' */
	static const uint32_t map[] = {0, 1, 4, 5, 7, 8, 11, 12, 15, 16, 18};
	check_fold("a\u3000b\u00A0c\u200Bd\uFEFFe\u00ADf", 0, "a b c d e f", map, N(map));
	/* other spaces through the tables too */
	check_fold("a\u2002b\u202Fc", 0, "a b c", NULL, 0);
}

Test(fold, cjk_punctuation)
{
	check_fold("（一）【二】〔三〕", 0, "(一)[二](三)", NULL, 0);
	check_fold("甲，乙：丙；丁、戊。己．", 0, "甲,乙:丙;丁、戊。己.", NULL, 0);
	check_fold("“一”‘二’「三」『四』〝五〞", 0, "\"一\"\"二\"\"三\"\"四\"\"五\"", NULL, 0);
	check_fold("—–－―", 0, "----", NULL, 0);
	check_fold("《条例》〈一〉", 0, "《条例》〈一〉", NULL, 0);
	/* offsets: each 3-byte source character gives one byte */
	static const uint32_t map[] = {0, 3, 3, 3, 6, 9};
	check_fold("（一）", 0, "(一)", map, 5);
	check_fold("（一）“", 0, "(一)\"", map, 6);
}

Test(fold, traditional_to_simplified)
{
	check_fold("衡山縣城市管理和綜合執法局", 0, "衡山县城市管理和综合执法局", NULL, 0);
	check_fold("於潛鎮", 0, "于潜镇", NULL, 0);
	check_fold("複議", 0, "复议", NULL, 0);
	check_fold("數據", 0, "数据", NULL, 0);
	check_fold("條例", 0, "条例", NULL, 0);
	check_fold("說明", 0, "说明", NULL, 0);
	check_fold("説明", 0, "说明", NULL, 0); /* a variant form */
	check_fold("爲民", 0, "为民", NULL, 0);
	check_fold("幾方麵", 0, "几方面", NULL, 0);
	check_fold("衞生", 0, "卫生", NULL, 0); /* HK variant through 衛 */
	check_fold("政府信息公開工作年度報告", 0, "政府信息公开工作年度报告", NULL, 0);
	/* the map: one entry per output byte, pointing at the source character */
	static const uint32_t map[] = {0, 0, 0, 3, 3, 3, 6, 6, 6};
	check_fold("於潛鎮", 0, "于潜镇", map, N(map));
}

Test(fold, simplified_unchanged)
{
	const char *s = "主动公开政府信息数、收到申请数、行政复议数量:行政诉讼,于潜镇干部著作显著。";
	check_fold(s, 0, s, NULL, 0);
	check_fold("档案资讯资料", 0, "档案资讯资料", NULL, 0);
}

Test(fold, taiwan_words)
{
	check_fold("資訊公開", 0, "信息公开", NULL, 0);
	check_fold("檔案管理", 0, "文件管理", NULL, 0);
	check_fold("覆議", 0, "复议", NULL, 0);
	check_fold("覆议", 0, "复议", NULL, 0);
	check_fold("資料", 0, "数据", NULL, 0);
	check_fold("程式", 0, "程序", NULL, 0);
	check_fold("釋出時間", 0, "发布时间", NULL, 0);
	check_fold("解釋", 0, "解释", NULL, 0); /* 釋 alone is 释 */
	check_fold("資產", 0, "资产", NULL, 0); /* 資 alone is 资 */
	check_fold("覆蓋", 0, "覆盖", NULL, 0);
	check_fold("程序", 0, "程序", NULL, 0);
	/* a word at the very end, a lone first character at the very end */
	check_fold("x資", 0, "x资", NULL, 0);
	static const uint32_t map[] = {0, 1, 1, 1, 4, 4, 4, 7};
	check_fold("a資訊b", 0, "a信息b", map, N(map));
	static const uint32_t map2[] = {0, 0, 0, 3, 3, 3, 6, 6, 6, 9, 9, 9};
	check_fold("檔案檔案", 0, "文件文件", map2, N(map2));
	check_fold("資資訊", 0, "资信息", NULL, 0);
	/* across what the flags drop, not across what they keep */
	static const uint32_t map3[] = {0, 0, 0, 6, 6, 6};
	check_fold("資\u3000訊", OGI_NORM_DROP_SPACE, "信息", map3, N(map3));
	check_fold("資 訊", 0, "资 讯", NULL, 0);
	check_fold("程.式", OGI_NORM_DROP_PUNCT, "程序", NULL, 0);
	check_fold("程.式", 0, "程.式", NULL, 0);
	check_fold("資a訊", OGI_NORM_DROP_SPACE | OGI_NORM_DROP_PUNCT, "资a讯", NULL, 0);
}

Test(fold, compatibility_by_utf8proc)
{
	check_fold("⑴⒈㈠", 0, "(1)1.(一)", NULL, 0);
	static const uint32_t map[] = {0, 0, 0, 3, 3, 6, 6, 6, 6, 6, 9};
	/* ⑴ -> "(1)", ⒈ -> "1.", ㈠ -> "(一)" (5 bytes), then 'x' */
	check_fold("⑴⒈㈠x", 0, "(1)1.(一)x", map, N(map));
	check_fold("\u2F00\u2FA8", 0, "一门", NULL, 0); /* Kangxi radicals ⼀ ⾨: 門 then 门 */
	check_fold("\uF900", 0, "岂", NULL, 0);       /* CJK compatibility 豈 -> 豈 -> 岂 */
	check_fold("…", 0, "...", NULL, 0);
	check_fold("℃", 0, "°C", NULL, 0);
	check_fold("ﬁ", 0, "fi", NULL, 0);
	check_fold("ｶ", 0, "カ", NULL, 0);             /* half-width katakana */
	check_fold("\uFF64\uFF62", 0, "、\"", NULL, 0); /* half-width 、「 */
	check_fold("\uFE41x\uFE42", 0, "\"x\"", NULL, 0); /* vertical 「」 then the tables */
	check_fold("e\u0301", 0, "e\u0301", NULL, 0);  /* a combining sequence across characters */
	check_fold("é", 0, "é", NULL, 0);
	check_fold("×·°", 0, "×·°", NULL, 0);
}

Test(fold, circled_numbers_kept)
{
	check_fold("①②⑳❶㉑", 0, "①②⑳❶㉑", NULL, 0);
}

Test(fold, astral)
{
	check_fold("\U00020000", 0, "\U00020000", NULL, 0);
	/* a supplementary-plane traditional character with a BMP simplified form: 𨋢 -> 𫐍? check
	 * the generated table instead of naming one: every astral pair folds */
	check_fold("😀", 0, "😀", NULL, 0);
	check_fold("\U0002F800", 0, "丽", NULL, 0); /* CJK compatibility supplement -> U+4E3D */
}

Test(fold, invalid_bytes)
{
	static const uint32_t map[] = {0, 1, 1, 1, 2, 3, 3, 3};
	check_fold("a\xFF" "b\xE4\xB8", 0, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD", map, N(map));
	/* an overlong and a surrogate: one U+FFFD per byte that cannot start a character */
	check_fold("\xC0\x80", 0, "\xEF\xBF\xBD\xEF\xBF\xBD", NULL, 0);
	check_fold("\xED\xA0\x80", 0, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", NULL, 0);
	/* a real U+FFFD stays */
	check_fold("\xEF\xBF\xBD", 0, "\xEF\xBF\xBD", NULL, 0);
}

Test(fold, drop_space)
{
	static const uint32_t map[] = {0, 0, 0, 3, 3, 3, 7, 7, 7, 10, 10, 10, 17, 17, 17, 20, 20, 20};
	check_fold("行政 复议\t\u3000数量\n", OGI_NORM_DROP_SPACE, "行政复议数量", map, N(map));
	check_fold("a\u00A0b\u200Bc\u2028d", OGI_NORM_DROP_SPACE, "abcd", NULL, 0);
	check_fold("（一） 收到", OGI_NORM_DROP_SPACE, "(一)收到", NULL, 0);
}

Test(fold, drop_punct)
{
	check_fold("（一）行政复议、数量：5", OGI_NORM_DROP_PUNCT, "一行政复议数量5", NULL, 0);
	check_fold("“三安全一稳定”", OGI_NORM_DROP_PUNCT, "三安全一稳定", NULL, 0);
	check_fold("《条例》…", OGI_NORM_DROP_PUNCT, "条例", NULL, 0);
	check_fold("a +b", OGI_NORM_DROP_PUNCT, "a b", NULL, 0);
	check_fold("a\xFF" "b", OGI_NORM_DROP_PUNCT, "a\xEF\xBF\xBD" "b", NULL, 0);
	check_fold("（一） 收到", OGI_NORM_DROP_SPACE | OGI_NORM_DROP_PUNCT, "一收到", NULL, 0);
	check_fold("①", OGI_NORM_DROP_PUNCT, "①", NULL, 0); /* a number, not a symbol */
}

Test(fold, appends_to_buffer)
{
	ogi__buf out = {0}, map = {0};
	cr_assert_eq(ogi__buf_puts(&out, "x:"), 0);
	cr_assert_eq(ogi__buf_put(&map, "\0\0\0\0\0\0\0\0", 8), 0);
	cr_assert_eq(ogi_norm_fold(&out, "縣ａ", strlen("縣ａ"), 0, &map), 0);
	cr_assert_str_eq(out.ptr, "x:县a");
	cr_assert_eq(map.len, 4 * out.len);
	const uint32_t *m = (const uint32_t *)(const void *)map.ptr;
	cr_assert_eq(m[2], 0);
	cr_assert_eq(m[4], 0);
	cr_assert_eq(m[5], 3);
	ogi__buf_free(&out);
	ogi__buf_free(&map);
}

Test(fold, rejects_misuse)
{
	ogi__buf out = {0}, map = {0};
	cr_assert_eq(ogi_norm_fold(NULL, "a", 1, 0, NULL), OGI_EINVAL);
	cr_assert_eq(ogi_norm_fold(&out, NULL, 1, 0, NULL), OGI_EINVAL);
	cr_assert_eq(ogi__buf_put(&map, "abc", 3), 0);
	cr_assert_eq(ogi_norm_fold(&out, "a", 1, 0, &map), OGI_EINVAL);
	cr_assert_eq(ogi_norm_fold(&out, NULL, 0, 0, NULL), 0);
	cr_assert_str_eq(out.ptr, "");
	ogi__buf_free(&out);
	ogi__buf_free(&map);
}

/* Every map entry points at the first byte of a source character, never decreases, and the
 * characters of ASCII and unchanged CJK text map to themselves. */
Test(fold, map_is_consistent_on_mixed_text)
{
	const char *in = "（二）2021年，資訊公開ＡＢ①…⑴\xFF 資料\u3000檔案。";
	size_t len = strlen(in);
	ogi__buf m = {0};
	char *got = fold_str(in, 0, &m);
	const uint32_t *mm = (const uint32_t *)(const void *)m.ptr;
	size_t n = m.len / 4;
	for (size_t i = 0; i < n; i++) {
		cr_assert_lt(mm[i], len);
		cr_assert_neq((unsigned char)in[mm[i]] & 0xC0, 0x80, "map[%zu] inside a character", i);
		if (i)
			cr_assert_geq(mm[i], mm[i - 1]);
	}
	cr_assert_str_eq(got, "(二)2021年,信息公开AB①...(1)\xEF\xBF\xBD 数据 文件。");
	ogi__free(got);
	ogi__buf_free(&m);
}

Test(fold, utf8_next)
{
	uint32_t cp;
	cr_assert_eq(ogi_utf8_next("a", 1, &cp), 1);
	cr_assert_eq(cp, 'a');
	cr_assert_eq(ogi_utf8_next("\xC2\xA0", 2, &cp), 2);
	cr_assert_eq(cp, 0xA0);
	cr_assert_eq(ogi_utf8_next("縣", 3, &cp), 3);
	cr_assert_eq(cp, 0x7E23);
	cr_assert_eq(ogi_utf8_next("\xF0\x9F\x98\x80", 4, &cp), 4);
	cr_assert_eq(cp, 0x1F600);
	/* invalid: maximal subparts */
	cr_assert_eq(ogi_utf8_next("\x80", 1, &cp), 1);
	cr_assert_eq(cp, 0xFFFD);
	cr_assert_eq(ogi_utf8_next("\xC1\xBF", 2, &cp), 1);
	cr_assert_eq(ogi_utf8_next("\xE0\x9F\x80", 3, &cp), 1);
	cr_assert_eq(ogi_utf8_next("\xED\xA0\x80", 3, &cp), 1);
	cr_assert_eq(ogi_utf8_next("\xF4\x90\x80\x80", 4, &cp), 1);
	cr_assert_eq(ogi_utf8_next("\xF5", 1, &cp), 1);
	cr_assert_eq(ogi_utf8_next("\xE7\xB8", 2, &cp), 2); /* truncated by the length */
	cr_assert_eq(cp, 0xFFFD);
	cr_assert_eq(ogi_utf8_next("\xE7\xB8\x41", 3, &cp), 2); /* broken by 'A' */
	cr_assert_eq(ogi_utf8_next("\xF0\x9F\x98", 3, &cp), 3);
	cr_assert_eq(cp, 0xFFFD);
}

/* Random bytes, biased towards UTF-8 lead and continuation bytes and the characters the fast
 * paths care about: the output is valid UTF-8, the map is consistent, folding is idempotent
 * on valid input. */
static uint64_t rng_state = 0x9E3779B97F4A7C15u;

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

Test(fold, random_inputs)
{
	static const char *const pieces[] = {"資", "訊", "檔", "案", "程", "式", "覆", "議", "縣", "（",
	                                     "一", "、", "ﷺ", "⑴", "①", "\u3000", "\xFF", "\xE4\xB8",
	                                     "\xF0\x9F", "a", " ", "1", ".", "…", "\U0002F800"};
	const size_t np = sizeof(pieces) / sizeof(pieces[0]);
	for (int iter = 0; iter < 3000; iter++) {
		char in[512];
		size_t len = 0, want = rnd() % 200;
		while (len < want) {
			if (rnd() % 4 == 0) {
				in[len++] = (char)(rnd() & 0xFF);
			} else {
				const char *p = pieces[rnd() % np];
				size_t n = strlen(p);
				memcpy(in + len, p, n);
				len += n;
			}
		}
		unsigned int flags = rnd() % 4;
		ogi__buf out = {0}, map = {0};
		cr_assert_eq(ogi_norm_fold(&out, in, len, flags, &map), 0);
		cr_assert_eq(map.len, 4 * out.len);
		cr_assert(valid_utf8(out.ptr, out.len), "iteration %d: output is not UTF-8", iter);
		const uint32_t *m = (const uint32_t *)(const void *)map.ptr;
		for (size_t i = 0; i < out.len; i++) {
			cr_assert_lt(m[i], len);
			if (i)
				cr_assert_geq(m[i], m[i - 1]);
		}
		ogi__buf again = {0};
		cr_assert_eq(ogi_norm_fold(&again, out.ptr, out.len, flags, NULL), 0);
		cr_assert_eq(again.len, out.len, "iteration %d: not idempotent", iter);
		cr_assert_eq(memcmp(again.ptr, out.ptr, out.len), 0, "iteration %d: not idempotent",
		             iter);
		ogi__buf_free(&again);
		ogi__buf_free(&out);
		ogi__buf_free(&map);
	}
}

/* Buffers reused from document to document, as the parser does. */
Test(fold, reused_buffers)
{
	ogi__buf out = {0}, map = {0};
	const char *docs[] = {"資訊公開（一）", "ab", "", "縣ａ①\xFF", "資訊公開（一）"};
	const char *want[] = {"信息公开(一)", "ab", "", "县a①\xEF\xBF\xBD", "信息公开(一)"};
	for (size_t k = 0; k < 5; k++) {
		out.len = 0;
		map.len = 0;
		cr_assert_eq(ogi_norm_fold(&out, docs[k], strlen(docs[k]), 0, &map), 0);
		cr_assert_str_eq(out.ptr, want[k]);
		cr_assert_eq(map.len, 4 * out.len);
	}
	const uint32_t *m = (const uint32_t *)(const void *)map.ptr;
	cr_assert_eq(m[0], 0);
	cr_assert_eq(m[3], 3);
	cr_assert_eq(m[12], 12);
	ogi__buf_free(&out);
	ogi__buf_free(&map);
}

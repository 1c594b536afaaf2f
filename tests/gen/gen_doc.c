/*
 * gen_doc.c — one random document of a random edition, layout, flags and variants, for
 * corpora (benchmarks, gen_corpus).
 */
#include "gen_int.h"

int ogi_gen_document(ogi__buf *out, ogi_report **expected, uint64_t seed, int html)
{
	gen_rng r;
	ogi_report *rep = NULL;
	unsigned int flags = 0, variants = 0;
	int rc;
	if (!out || !expected)
		return OGI_EINVAL;
	*expected = NULL;
	gen_rng_init(&r, seed, 0x646F63ull);
	static const struct {
		unsigned int bit, percent;
	} fl[] = {{OGI_GEN_BLANKS, 30}, {OGI_GEN_NA, 30},         {OGI_GEN_ABSENT, 15},
	          {OGI_GEN_NO_SECTION, 10}, {OGI_GEN_OTHER_KIND, 3}, {OGI_GEN_ALL_ZERO, 5},
	          {OGI_GEN_NO_DATE, 5}},
	  va[] = {{OGI_GEN_TRADITIONAL, 15}, {OGI_GEN_FULLWIDTH, 10}, {OGI_GEN_GBK, 15},
	          {OGI_GEN_PAGE_BREAK, 20},  {OGI_GEN_RUN_TOGETHER, 15}, {OGI_GEN_LABEL_ALIASES, 25},
	          {OGI_GEN_NBSP_ZERO, 30},   {OGI_GEN_DROP_VALUE, 15}};
	for (size_t i = 0; i < GEN_COUNT_OF(fl); i++)
		if (gen_chance(&r, fl[i].percent))
			flags |= fl[i].bit;
	for (size_t i = 0; i < GEN_COUNT_OF(va); i++)
		if (gen_chance(&r, va[i].percent))
			variants |= va[i].bit;
	ogi_gen_layout layout = html ? OGI_GEN_HTML : (ogi_gen_layout)gen_below(&r, OGI_GEN_HTML);
	if ((rc = ogi_gen_report(&rep, gen_next(&r), OGI_EDITION_UNKNOWN, flags)))
		return rc;
	if ((rc = ogi_gen_render_expected(out, rep, layout, variants, gen_next(&r), NULL))) {
		ogi_report_free(rep);
		return rc;
	}
	*expected = rep;
	return 0;
}

/*
 * catalog.c — the schema catalog: cell counts per edition, paths, lookups, sum equations.
 */
#include <criterion/criterion.h>

#include "catalog_int.h"
#include "ogi.h"

#include <stdio.h>
#include <string.h>

static size_t count_cells(unsigned int editions)
{
	size_t n = 0;
	for (ogi_cell_id c = ogi_cell_next(editions, OGI_CELL_NONE); c != OGI_CELL_NONE;
	     c = ogi_cell_next(editions, c))
		n++;
	return n;
}

Test(catalog, cells_per_edition)
{
	cr_assert_eq(count_cells(OGI_EDITION_2021), 200);
	cr_assert_eq(count_cells(OGI_EDITION_2019), 198);
	cr_assert_eq(count_cells(OGI_EDITION_LEGACY), 61);
	cr_assert_eq(count_cells(OGI_EDITION_UNKNOWN), 0);
	cr_assert_eq(count_cells(~0u), (size_t)OGI_CELL_COUNT);
	/* 2021 and 2019 share Tables 3 and 4 and a few Table 2 cells; legacy shares nothing */
	cr_assert_eq(count_cells(OGI_EDITION_2021 | OGI_EDITION_2019) +
	                 count_cells(OGI_EDITION_LEGACY),
	             (size_t)OGI_CELL_COUNT);
}

Test(catalog, every_path_round_trips)
{
	for (int i = 0; i < OGI_CELL_COUNT; i++) {
		ogi_cell_id c = (ogi_cell_id)i, found = OGI_CELL_NONE;
		const char *path = ogi_cell_path(c);
		cr_assert_not_null(path);
		cr_assert_eq(ogi_cell_find(&found, path, strlen(path)), 0, "%s", path);
		cr_assert_eq(found, c, "%s", path);
		/* a path need not be NUL-terminated: a longer buffer cut at len */
		char buf[128];
		snprintf(buf, sizeof(buf), "%sXYZ", path);
		cr_assert_eq(ogi_cell_find(&found, buf, strlen(path)), 0);
		cr_assert_eq(found, c);
	}
}

Test(catalog, path_is_block_row_col)
{
	for (int i = 0; i < OGI_CELL_COUNT; i++) {
		ogi_cell_id c = (ogi_cell_id)i;
		char want[128];
		const char *col = ogi_col_key(ogi_cell_col(c));
		snprintf(want, sizeof(want), "%s.%s%s%s", ogi_block_key(ogi_cell_block(c)),
		         ogi_row_key(ogi_cell_row(c)), col ? "." : "", col ? col : "");
		cr_assert_str_eq(ogi_cell_path(c), want);
		cr_assert_eq(ogi_row_block(ogi_cell_row(c)), ogi_cell_block(c));
		/* legacy cells have no column, all others have one */
		cr_assert_eq(ogi_cell_block(c) == OGI_BLOCK_LEGACY, ogi_cell_col(c) == OGI_COL_NONE);
		cr_assert_neq(ogi_cell_editions(c), 0u);
		cr_assert_eq(ogi_cell_editions(c) & ~(unsigned int)(OGI_E21 | OGI_E19 | OGI_ELG), 0u);
		cr_assert(ogi_row_editions(ogi_cell_row(c)) & ogi_cell_editions(c));
	}
}

/* The JSON writer nests block / row / column in catalog order: rows and blocks must be
 * contiguous runs of cells in every edition. */
Test(catalog, rows_and_blocks_are_contiguous)
{
	for (unsigned int ed = 1; ed <= OGI_EDITION_LEGACY; ed <<= 1) {
		int seen_block[OGI_BLOCK_COUNT] = {0}, seen_row[OGI_ROW_COUNT] = {0};
		ogi_block_id pb = OGI_BLOCK_COUNT;
		ogi_row_id pr = OGI_ROW_COUNT;
		for (ogi_cell_id c = ogi_cell_next(ed, OGI_CELL_NONE); c != OGI_CELL_NONE;
		     c = ogi_cell_next(ed, c)) {
			ogi_block_id b = ogi_cell_block(c);
			ogi_row_id r = ogi_cell_row(c);
			if (b != pb) {
				cr_assert_not(seen_block[b], "block %s split", ogi_block_key(b));
				seen_block[b] = 1;
				pb = b;
			}
			if (r != pr) {
				cr_assert_not(seen_row[r], "row %s split", ogi_row_key(r));
				seen_row[r] = 1;
				pr = r;
			}
		}
	}
}

Test(catalog, lookups_reject_unknown_paths)
{
	ogi_cell_id c = OGI_CELL_NONE;
	static const char *const bad[] = {
		"", ".", "..", "applications", "applications.", "applications.new_received",
		"applications.new_received.", "applications.new_received.total.x",
		"applications.nope.total", "nope.new_received.total", "legacy.fees.amount",
		"active.fees", "APPLICATIONS.new_received.total", "legacy.proactive_total.x",
		"applications.new_received.upheld",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		cr_assert_eq(ogi_cell_find(&c, bad[i], strlen(bad[i])), OGI_ENOTFOUND, "%s", bad[i]);
	cr_assert_eq(ogi_cell_find(NULL, "legacy.fees", 11), OGI_EINVAL);
	cr_assert_eq(ogi_cell_find(&c, NULL, 3), OGI_EINVAL);
	cr_assert_eq(ogi_cell_find(&c, "legacy.fees", 11), 0);
	cr_assert_eq(c, OGI_CELL_LEGACY_FEES);
}

Test(catalog, out_of_range_ids)
{
	cr_assert_null(ogi_cell_path(OGI_CELL_NONE));
	cr_assert_null(ogi_cell_path(OGI_CELL_COUNT));
	cr_assert_eq(ogi_cell_row(OGI_CELL_COUNT), OGI_ROW_COUNT);
	cr_assert_eq(ogi_cell_col(OGI_CELL_COUNT), OGI_COL_NONE);
	cr_assert_eq(ogi_cell_block(OGI_CELL_NONE), OGI_BLOCK_COUNT);
	cr_assert_eq(ogi_cell_editions(OGI_CELL_COUNT), 0u);
	cr_assert_null(ogi_row_key(OGI_ROW_COUNT));
	cr_assert_null(ogi_col_key(OGI_COL_NONE));
	cr_assert_null(ogi_col_label(OGI_COL_COUNT));
	cr_assert_null(ogi_block_key(OGI_BLOCK_COUNT));
	cr_assert_null(ogi_section_key(OGI_SECTION_COUNT));
	cr_assert_eq(ogi_row_block(OGI_ROW_COUNT), OGI_BLOCK_COUNT);
	cr_assert_eq(ogi_row_editions(OGI_ROW_COUNT), 0u);
	cr_assert_eq(ogi_cell_next(~0u, OGI_CELL_COUNT), OGI_CELL_NONE);
	cr_assert_eq(ogi_cell_next(~0u, (ogi_cell_id)(OGI_CELL_COUNT - 1)), OGI_CELL_NONE);
	cr_assert_eq(ogi_sum_get(ogi_sum_count(), NULL, NULL, NULL, NULL, NULL, NULL),
	             OGI_ENOTFOUND);
}

Test(catalog, names)
{
	ogi_edition ed;
	static const ogi_edition all[] = {OGI_EDITION_2021, OGI_EDITION_2019, OGI_EDITION_LEGACY,
	                                  OGI_EDITION_UNKNOWN};
	for (size_t i = 0; i < 4; i++) {
		cr_assert_eq(ogi_edition_from_name(&ed, ogi_edition_name(all[i])), 0);
		cr_assert_eq(ed, all[i]);
	}
	cr_assert_str_eq(ogi_edition_name(OGI_EDITION_2021), "2021");
	cr_assert_str_eq(ogi_edition_name((ogi_edition)3), "unknown");
	cr_assert_eq(ogi_edition_from_name(&ed, "2020"), OGI_ENOTFOUND);
	cr_assert_str_eq(ogi_value_type_name(OGI_VALUE_MONEY), "money");
	cr_assert_eq(ogi_cell_value_type(OGI_CELL_ACTIVE_FEES_AMOUNT), OGI_VALUE_MONEY);
	cr_assert_eq(ogi_cell_value_type(OGI_CELL_ACTIVE_PROCUREMENT_AMOUNT), OGI_VALUE_MONEY);
	cr_assert_eq(ogi_cell_value_type(OGI_CELL_LEGACY_FUNDING), OGI_VALUE_MONEY);
	cr_assert_eq(ogi_cell_value_type(OGI_CELL_ACTIVE_LICENSING_CHANGE), OGI_VALUE_SIGNED);
	cr_assert_eq(ogi_cell_value_type(OGI_CELL_LEGACY_TRAINEES), OGI_VALUE_COUNT);
	ogi_section_id s;
	for (int i = 0; i < OGI_SECTION_COUNT; i++) {
		const char *k = ogi_section_key((ogi_section_id)i);
		cr_assert_eq(ogi_section_find(&s, k, strlen(k)), 0);
		cr_assert_eq(s, (ogi_section_id)i);
	}
	cr_assert_eq(ogi_section_find(&s, "overviewx", 9), OGI_ENOTFOUND);
}

/* Counts every equation of a rule and checks each one's shape. */
static size_t equations_of(const char *rule, unsigned int editions)
{
	size_t n = 0;
	for (size_t i = 0; i < ogi_sum_count(); i++) {
		const char *r;
		unsigned int e;
		cr_assert_eq(ogi_sum_get(i, &r, &e, NULL, NULL, NULL, NULL), 0);
		if (!strcmp(r, rule) && e == editions)
			n++;
	}
	return n;
}

Test(catalog, sums_expand_as_expected)
{
	/* T3-ROW-TOTAL: one per row of Table 3 (26 rows): 22 rows in both editions, the 2019
	 * row `other` and the three 2021 rows `other_*` */
	cr_assert_eq(equations_of("T3-ROW-TOTAL", OGI_E21 | OGI_E19), 22);
	cr_assert_eq(equations_of("T3-ROW-TOTAL", OGI_E19), 1);
	cr_assert_eq(equations_of("T3-ROW-TOTAL", OGI_E21), 3);
	/* T4-SUM: three groups; T3-BALANCE: seven columns */
	cr_assert_eq(equations_of("T4-SUM", OGI_E21 | OGI_E19), 3);
	cr_assert_eq(equations_of("T3-BALANCE", OGI_E21 | OGI_E19), 7);
	/* T3-RESULT-SUM differs per edition: 7 columns each */
	cr_assert_eq(equations_of("T3-RESULT-SUM", OGI_E21), 7);
	cr_assert_eq(equations_of("T3-RESULT-SUM", OGI_E19), 7);
	/* LEGACY-SUM: parent = children in the legacy table; every equation lies in that edition */
	size_t legacy = equations_of("LEGACY-SUM", OGI_ELG);
	cr_assert_geq(legacy, 4);
	cr_assert_eq(ogi_sum_count(), 22 + 1 + 3 + 3 + 7 + 14 + legacy);

	for (size_t i = 0; i < ogi_sum_count(); i++) {
		const char *rule;
		unsigned int e;
		const ogi_cell_id *lhs, *rhs;
		size_t nl, nr;
		ogi_sum_get(i, &rule, &e, &lhs, &nl, &rhs, &nr);
		for (size_t j = 0; j < nl; j++)
			cr_assert_eq(ogi_cell_editions(lhs[j]) & e, e, "%s lhs", rule);
		for (size_t j = 0; j < nr; j++)
			cr_assert_eq(ogi_cell_editions(rhs[j]) & e, e, "%s rhs", rule);
		if (!strcmp(rule, "T3-ROW-TOTAL")) {
			cr_assert_eq(nl, 1);
			cr_assert_eq(nr, 6);
			cr_assert_eq(ogi_cell_col(lhs[0]), OGI_COL_TOTAL);
		} else if (!strcmp(rule, "T4-SUM")) {
			cr_assert_eq(nl, 1);
			cr_assert_eq(nr, 4);
		} else if (!strcmp(rule, "T3-BALANCE")) {
			cr_assert_eq(nl, 2);
			cr_assert_eq(nr, 2);
			cr_assert_eq(ogi_cell_row(lhs[0]), OGI_ROW_APPLICATIONS_NEW_RECEIVED);
			cr_assert_eq(ogi_cell_row(rhs[1]), OGI_ROW_APPLICATIONS_CARRIED_FORWARD);
		} else if (!strcmp(rule, "T3-RESULT-SUM")) {
			cr_assert_eq(nl, 1);
			cr_assert_eq(ogi_cell_row(lhs[0]), OGI_ROW_APPLICATIONS_TOTAL_HANDLED);
			/* 2021: granted, partially, 8 denied, 3 unable, 5 declined, 3 other = 21;
			 * 2019: the same with one `other` row = 19 */
			cr_assert_eq(nr, e == OGI_E21 ? 21u : 19u);
		} else {
			cr_assert_str_eq(rule, "LEGACY-SUM");
			cr_assert_eq(nl, 1);
			cr_assert_geq(nr, 2);
			cr_assert_eq(ogi_cell_block(lhs[0]), OGI_BLOCK_LEGACY);
		}
	}
	/* the equation of T3-ROW-TOTAL on new_received, by path */
	int found = 0;
	for (size_t i = 0; i < ogi_sum_count(); i++) {
		const char *rule;
		const ogi_cell_id *lhs, *rhs;
		size_t nl, nr;
		ogi_sum_get(i, &rule, NULL, &lhs, &nl, &rhs, &nr);
		if (strcmp(rule, "T3-ROW-TOTAL") || lhs[0] != OGI_CELL_APPLICATIONS_NEW_RECEIVED_TOTAL)
			continue;
		found = 1;
		cr_assert_str_eq(ogi_cell_path(rhs[0]), "applications.new_received.natural_person");
		cr_assert_str_eq(ogi_cell_path(rhs[5]), "applications.new_received.other_org");
	}
	cr_assert(found);
	/* the legacy sums SPEC §4 names: received = channels, concluded = on time + extended,
	 * review and litigation totals */
	static const ogi_cell_id parents[] = {OGI_CELL_LEGACY_REQUESTS_RECEIVED,
	                                      OGI_CELL_LEGACY_REQUESTS_CONCLUDED,
	                                      OGI_CELL_LEGACY_REVIEW_TOTAL,
	                                      OGI_CELL_LEGACY_LITIGATION_TOTAL};
	for (size_t p = 0; p < 4; p++) {
		int has = 0;
		for (size_t i = 0; i < ogi_sum_count(); i++) {
			const char *rule;
			const ogi_cell_id *lhs, *rhs;
			size_t nl, nr;
			ogi_sum_get(i, &rule, NULL, &lhs, &nl, &rhs, &nr);
			if (strcmp(rule, "LEGACY-SUM") || lhs[0] != parents[p])
				continue;
			has = 1;
			if (p == 1) {
				cr_assert_eq(nr, 2);
				cr_assert_eq(rhs[0], OGI_CELL_LEGACY_CONCLUDED_ON_TIME);
				cr_assert_eq(rhs[1], OGI_CELL_LEGACY_CONCLUDED_EXTENDED);
			}
		}
		cr_assert(has, "no LEGACY-SUM for %s", ogi_cell_path(parents[p]));
	}
}

Test(catalog, private_row_cells)
{
	ogi_cell_id out[8];
	cr_assert_eq(ogi_catalog__row_cells(OGI_ROW_ACTIVE_FEES, OGI_E21, out, 8), 1);
	cr_assert_eq(out[0], OGI_CELL_ACTIVE_FEES_AMOUNT);
	cr_assert_eq(ogi_catalog__row_cells(OGI_ROW_ACTIVE_FEES, OGI_E19, out, 8), 2);
	/* never more than the room given */
	cr_assert_eq(ogi_catalog__row_cells(OGI_ROW_APPLICATIONS_GRANTED, OGI_E21, out, 2), 2);
	cr_assert_eq(out[1], OGI_CELL_APPLICATIONS_GRANTED_COMMERCIAL);
	cr_assert_eq(ogi_catalog__row_cells(OGI_ROW_APPLICATIONS_GRANTED, OGI_E21, out, 8), 7);
	cr_assert_eq(ogi_catalog__cell_at(OGI_ROW_LEGACY_FEES, OGI_COL_NONE), OGI_CELL_LEGACY_FEES);
	cr_assert_eq(ogi_catalog__cell_at(OGI_ROW_LEGACY_FEES, OGI_COL_TOTAL), OGI_CELL_NONE);
}

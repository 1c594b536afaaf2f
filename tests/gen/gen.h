/*
 * gen.h — the test document generator: random consistent reports, rendered into the layouts
 * that real portals publish (modelled on the seed documents), with the expected report of
 * every rendering.
 *
 * The pipeline of one test document:
 *
 *     ogi_gen_report()           a random report of an edition whose cells satisfy every sum
 *                                equation of the catalog; flags leave some cells blank, na or
 *                                absent (the states are recorded in the report)
 *     ogi_gen_render_expected()  renders it as a document in a layout with variants, and
 *                                updates the report to what a correct parser can read from
 *                                that rendering (cells dropped or shown as &nbsp; become
 *                                inferred or blank; traditional characters change the agency)
 *     ogi_parse()                the library under test
 *     ogi_gen_compare()          the differences between the expected and the parsed report
 *
 * Invariants of a generated (expected) report, which ogi_gen_compare() relies on:
 *  - a cell in state VALUE or INFERRED holds the true value;
 *  - a cell in state BLANK has the true value 0 (blank cells are only made of zeros, or of
 *    cells whose value no sum rule determines: these are rendered from zero cells too);
 *  - a cell in state INFERRED is rendered blank (or dropped) and is determined by the sum
 *    equations of the catalog from the cells that are rendered, by repeatedly solving
 *    equations that have one unknown cell (what any parser that infers can do);
 *  - a cell in state NA is rendered as a placeholder (——, —, /, -, 无, N/A) and belongs to no
 *    sum equation of the edition; ABSENT cells are not rendered at all.
 *
 * Everything is deterministic: the same arguments give the same bytes.
 */
#ifndef OGI_GEN_H
#define OGI_GEN_H

#include "common_int.h"
#include "ogi/catalog.h"
#include "ogi/report.h"

#include <stddef.h>
#include <stdint.h>

/* Document layouts (see gen_render.c for what each one looks like). */
typedef enum ogi_gen_layout {
	OGI_GEN_ONE_PER_LINE = 0,     /* one cell per line, blank lines between (seed 000) */
	OGI_GEN_TABS = 1,             /* tab-separated rows, merged header cells (seed 004) */
	OGI_GEN_PIPES = 2,            /* "| a | b | c |" rows (seed 002) */
	OGI_GEN_LABEL_UNIT_VALUE = 3, /* label, unit and value on separate lines (seed 003) */
	OGI_GEN_SPACES = 4,           /* cells separated by runs of spaces */
	OGI_GEN_HTML = 5,             /* a portal page with the official <table> markup */
	OGI_GEN_LAYOUT_COUNT = 6
} ogi_gen_layout;

/* Flags of ogi_gen_report(): which cell states besides VALUE the report uses. */
enum ogi_gen_flags {
	OGI_GEN_BLANKS = 1u << 0,       /* some cells blank (zeros, and some determinable totals) */
	OGI_GEN_NA = 1u << 1,           /* placeholders in cells that no sum rule involves */
	OGI_GEN_ABSENT = 1u << 2,       /* legacy: the child rows of one sum left out (seed 002) */
	OGI_GEN_NO_SECTION = 1u << 3,   /* one of the later narrative sections missing */
	OGI_GEN_OTHER_KIND = 1u << 4,   /* not an annual report: a work summary or a notice */
	OGI_GEN_ALL_ZERO = 1u << 5,     /* every table cell 0 (an agency with nothing to report) */
	OGI_GEN_NO_DATE = 1u << 6,      /* no publication date anywhere in the document */
	OGI_GEN_FLAGS_ALL = (1u << 7) - 1
};

/* Variants of the rendering (bit flags, combinable with every layout). */
enum ogi_gen_variant {
	OGI_GEN_TRADITIONAL = 1u << 0,   /* all Chinese text in traditional characters */
	OGI_GEN_FULLWIDTH = 1u << 1,     /* digits and ASCII punctuation full-width, U+3000 spaces */
	OGI_GEN_GBK = 1u << 2,           /* the document encoded as GBK / GB18030 */
	OGI_GEN_PAGE_BREAK = 1u << 3,    /* a page-break artefact in the middle of Table 3 */
	OGI_GEN_RUN_TOGETHER = 1u << 4,  /* one row's digits run together (uniquely splittable) */
	OGI_GEN_LABEL_ALIASES = 1u << 5, /* alias labels and other numbering styles */
	OGI_GEN_NBSP_ZERO = 1u << 6,     /* HTML: some zero cells written as &nbsp; (then blank) */
	OGI_GEN_DROP_VALUE = 1u << 7,    /* one value missing from a row (then inferred) */
	OGI_GEN_VARIANTS_ALL = (1u << 8) - 1
};

/* What a rendering did, for the self-tests. */
typedef struct ogi_gen_info {
	ogi_cell_id dropped;           /* the cell left out by OGI_GEN_DROP_VALUE, or NONE */
	ogi_cell_id run_cells[16];     /* the cells whose values a run-together line holds */
	size_t run_ncells;             /* 0 when OGI_GEN_RUN_TOGETHER found no usable row */
	char run_tokens[16][48];       /* the tokens of that line as printed (ASCII digits) */
	size_t run_ntokens;
	int page_break;                /* 1 when a page-break artefact was written */
	size_t nbsp_cells;             /* cells written as &nbsp; */
	const char *encoding;          /* "UTF-8", "GBK" or "GB18030" (static) */
} ogi_gen_info;

/*
 * A random report of an edition (2021, 2019 or legacy; OGI_EDITION_UNKNOWN picks one).
 * Every cell of the edition is set; the values satisfy every sum equation of the catalog for
 * that edition. Meta (title, agency, year, published), kind, format and the narrative
 * sections are set too. @p flags is an OR of ::ogi_gen_flags.
 * Returns 0, OGI_EINVAL or OGI_ENOMEM; *out is owned by the caller (ogi_report_free()).
 */
int ogi_gen_report(ogi_report **out, uint64_t seed, ogi_edition edition, unsigned int flags);

/*
 * Renders a report as a whole document (title, date, the sections with their narrative and
 * the tables at their sections) into @p out (appended; NUL-terminated; GBK bytes with
 * OGI_GEN_GBK). Deterministic for (report, layout, variants, seed). Variants that change
 * what can be read from the document (OGI_GEN_NBSP_ZERO, OGI_GEN_DROP_VALUE,
 * OGI_GEN_TRADITIONAL, OGI_GEN_FULLWIDTH, blank cells in layouts that cannot show them) are
 * applied to a copy: use ogi_gen_render_expected() to get the matching expected report.
 */
int ogi_gen_render(ogi__buf *out, const ogi_report *r, ogi_gen_layout layout,
                   unsigned int variants, uint64_t seed);

/*
 * As ogi_gen_render(), and updates @p expected (the report being rendered) to what the
 * rendering shows: cells written as &nbsp; become BLANK (or INFERRED where the sum rules
 * determine them), a dropped value becomes INFERRED, blank cells in the spaces layout (which
 * cannot show a blank) become values, and title, agency and section texts take the
 * characters of the document. @p info may be NULL.
 */
int ogi_gen_render_expected(ogi__buf *out, ogi_report *expected, ogi_gen_layout layout,
                            unsigned int variants, uint64_t seed, ogi_gen_info *info);

/*
 * Compares an expected (generated) report with a parsed one. Returns the number of
 * differences (0 when the parse is correct) and appends one line per difference to @p diff
 * (may be NULL). What is compared:
 *  - kind; for annual reports also the edition, and every cell of the expected edition:
 *      expected VALUE v     got VALUE v
 *      expected INFERRED v  got INFERRED v (the document shows no number there)
 *      (in a row that lost a value, VALUE v and INFERRED v are equally right: when printed
 *      figures repeat, 0 0 0 …, no parser can tell which cell the missing one was)
 *      expected BLANK       got BLANK, or got INFERRED 0 (blank cells hold 0 in truth, and a
 *                           parser that also uses non-negativity may prove it)
 *      expected NA          got NA
 *      expected ABSENT      got ABSENT
 *    a cell outside the expected edition must be ABSENT in the parse;
 *  - year; published (both unset, or the same date);
 *  - agency as compare.py does: expected contained in got, or got (at least 3 characters)
 *    contained in expected; unset agency only matches unset;
 *  - sections: each expected section is present in the parse and an expected missing section
 *    is missing (texts are not compared: where a parser ends a section's text is its own
 *    choice); the title is not compared either.
 */
int ogi_gen_compare(const ogi_report *expected, const ogi_report *got, ogi__buf *diff);

/*
 * Changes one cell's value so that at least one sum equation of the edition no longer holds
 * (a cell with a value in an equation whose other cells all hold values). *mutated receives
 * the cell. Returns 0, or OGI_ENOTFOUND when the report has no such cell.
 */
int ogi_gen_mutate(ogi_report *r, uint64_t seed, ogi_cell_id *mutated);

/*
 * Counts the sum equations of the report's edition that fail among those whose cells all
 * hold numbers (VALUE or INFERRED); appends one line per failure to @p diff (may be NULL).
 */
int ogi_gen_check_equations(const ogi_report *r, ogi__buf *diff);

/*
 * One random document: a random edition, layout (HTML when @p html, else a text layout),
 * flags and variants. *expected receives its expected report (owned by the caller).
 */
int ogi_gen_document(ogi__buf *out, ogi_report **expected, uint64_t seed, int html);

/*
 * The number of ways (at most @p limit) to read the digit tokens @p tokens as the values of
 * @p ncells cells (every token one or more numbers without leading zeros, in order) such that
 * every sum equation of the report's edition whose cells all hold numbers still holds when
 * those cells take these values. Used by the RUN_TOGETHER variant and its self-test.
 */
size_t ogi_gen_count_splits(const ogi_report *r, const char *const *tokens, size_t ntokens,
                            const ogi_cell_id *cells, size_t ncells, size_t limit);

/* Names: "one_per_line", "tabs", "pipes", "label_unit_value", "spaces", "html". */
const char *ogi_gen_layout_name(ogi_gen_layout layout);
int ogi_gen_layout_from_name(ogi_gen_layout *out, const char *name);

/* Names of variant and flag bits ("traditional", "fullwidth", "gbk", "page_break",
 * "run_together", "aliases", "nbsp", "drop"; "blanks", "na", "absent", "no_section", "other",
 * "all_zero", "no_date"), and parsing of a comma-separated list of them into the two sets. */
const char *ogi_gen_variant_name(unsigned int bit);
const char *ogi_gen_flag_name(unsigned int bit);
int ogi_gen_names_parse(unsigned int *variants, unsigned int *flags, const char *list);

/* Appends "name,name" for a set of variants and flags ("plain" when empty). */
int ogi_gen_names_format(ogi__buf *out, unsigned int variants, unsigned int flags);

#endif /* OGI_GEN_H */

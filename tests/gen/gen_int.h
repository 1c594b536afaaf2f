/*
 * gen_int.h — private parts of the test document generator shared by its files: the random
 * number generator, UTF-8 helpers, and the sum-equation machinery (solving, inference,
 * consistency) over a vector of cell values.
 */
#ifndef OGI_GEN_INT_H
#define OGI_GEN_INT_H

#include "gen.h"
#include "catalog_int.h"

#include <stddef.h>
#include <stdint.h>

#define GEN_COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* ---- random numbers (splitmix64: small, fast, good enough, stable across platforms) ---- */

typedef struct gen_rng {
	uint64_t s;
} gen_rng;

uint64_t gen_mix(uint64_t a, uint64_t b);
void gen_rng_init(gen_rng *r, uint64_t seed, uint64_t stream);
uint64_t gen_next(gen_rng *r);
uint32_t gen_below(gen_rng *r, uint32_t n);           /* 0 .. n-1 (0 when n == 0) */
int gen_chance(gen_rng *r, unsigned int percent);      /* 1 with probability percent/100 */
int64_t gen_range(gen_rng *r, int64_t lo, int64_t hi); /* lo .. hi inclusive */
int64_t gen_logu(gen_rng *r, int64_t max);             /* 1 .. max, log-uniform */
const char *gen_pick(gen_rng *r, const char *const *list, size_t n);
#define GEN_PICK(r, arr) gen_pick((r), (arr), GEN_COUNT_OF(arr))

/* ---- UTF-8 ------------------------------------------------------------------------------ */

size_t gen_utf8_dec(const char *s, size_t len, uint32_t *cp); /* >= 1; U+FFFD on bad bytes */
int gen_utf8_put(ogi__buf *b, uint32_t cp);
size_t gen_utf8_count(const char *s, size_t len);

/* ---- sum equations over a vector of values ----------------------------------------------- */

/* Knowledge of a cell in a gen_vec. */
enum gen_know {
	GEN_K = 0, /* known: the number is in the document */
	GEN_U = 1, /* unknown, but a parser may infer it (blank or missing in the document) */
	GEN_X = 2, /* unknown and not to be inferred (na, absent, outside the edition) */
	GEN_I = 3  /* was unknown, solved from the equations */
};

typedef struct gen_vec {
	int64_t v[OGI_CELL_COUNT];
	unsigned char st[OGI_CELL_COUNT];
} gen_vec;

/* VALUE and INFERRED cells are known, BLANK unknown (GEN_U), everything else GEN_X. With
 * @p infer_as_unknown, INFERRED cells are GEN_U (their value is kept in v for reference). */
void gen_vec_from_report(gen_vec *vec, const ogi_report *r, unsigned int edition,
                         int infer_as_unknown);

/* Solves, until nothing changes, every equation of the edition with exactly one GEN_U cell
 * and no GEN_X cell; solved cells become GEN_I. Returns 0, or -1 when an equation whose cells
 * are all known fails or a solved count cell is negative. */
int gen_propagate(gen_vec *vec, unsigned int edition);

/* 0 when every equation of the edition whose cells are all known (K or I) holds. */
int gen_consistent(const gen_vec *vec, unsigned int edition);

/* 1 when the cell is in at least one sum equation of the edition. */
int gen_in_equation(ogi_cell_id c, unsigned int edition);

/* Settles the states of blank cells (st holds an ogi_cell_state per cell): blank or inferred
 * cells that the equations determine from the VALUE cells become INFERRED; the others BLANK,
 * except that a cell whose true value (@p truth) is not 0 gets its value back (VALUE). */
void gen_settle(unsigned char *st, const int64_t *truth, unsigned int edition);

/* The equations of the catalog (cached pointer). */
const ogi_equation *gen_equations(size_t *count);

/* ---- number formatting ---------------------------------------------------------------- */

/* Formats a cell value: counts as integers, money (1e-4 units) with at least the decimals it
 * needs and at most 4; @p decimals asks for a fixed number (-1: as few as needed). */
void gen_format_value(char *buf, size_t size, int64_t v, ogi_value_type type, int decimals);

/* The narrative sections a report of an edition has, in printed order (gen_report.c). */
size_t gen_edition_sections(ogi_edition ed, ogi_section_id *out);

/* ---- narrative and names (gen_text.c) --------------------------------------------------- */

/* A realistic agency name, e.g. 资兴市教育局; *is_gov receives 1 for a people's government
 * (deadline 31 March) and 0 for a department (31 January). */
void gen_agency(ogi__buf *out, gen_rng *r, int *is_gov);

/* The narrative of a section (paragraphs separated by '\n'), stating only figures that agree
 * with the report's cells. */
int gen_section_text(ogi__buf *out, gen_rng *r, const ogi_report *rep, ogi_section_id s);

/* The text and the title of a document that is not an annual report (paragraphs separated
 * by '\n'). */
int gen_other_text(ogi__buf *out, gen_rng *r, const ogi_report *rep);
void gen_other_title(ogi__buf *out, gen_rng *r, const ogi_report *rep);

#endif /* OGI_GEN_INT_H */

/*
 * recognize.h — the recognisers shared by text and HTML: tokens, the catalog label index,
 * table recognition, the sum-rule solver, and meta/sections.
 *
 *   blocks (rows of cells)
 *     -> tokens (labels, values, placeholders, blanks, units)        tokens.c
 *     -> logical rows (a label and the values that follow it)         tokens.c
 *     -> label matching against the catalog (exact keys, then fuzzy)  labels.c
 *     -> edition, per-block alignment of rows with the catalog order  tables.c
 *     -> placement of values, sum-rule inference                      solve.c
 *     -> title, agency, year, published date, kind, sections          meta.c
 */
#ifndef OGI_RECOGNIZE_H
#define OGI_RECOGNIZE_H

#include "blocks.h"
#include "catalog_int.h"
#include "common_int.h"
#include "report_int.h"
#include "ogi/parse.h"

/* Entry point: fills `r` from `b`. flags: ogi_parse_flags. Returns 0 or OGI_ENOMEM. */
int ogi_recognize(ogi_report *r, const ogi_blocks *b, unsigned int flags);

/* ---- labels.c -------------------------------------------------------------------------- */

/* The matching key of a label: folded (width, traditional, punctuation), leading junk and
 * numbering stripped, white space and punctuation dropped. `base` (may be NULL) receives the
 * key without a trailing parenthetical remark. `ordinal` (may be NULL) receives the number
 * of the numbering prefix (0 when none). Appends to the buffers. */
int ogi_label__key(ogi__buf *key, ogi__buf *base, int *ordinal, const char *s, size_t len);

#define OGI_LABEL_MAX_HITS 8

typedef struct ogi_label_hits {
	int16_t items[OGI_LABEL_MAX_HITS]; /* indexes into ogi_catalog__items() */
	uint8_t nitems;
	int16_t cols[OGI_LABEL_MAX_HITS]; /* column ids whose label or alias this is */
	uint8_t ncols;
} ogi_label_hits;

/* The same for text that is already folded (ogi_norm_fold output). */
int ogi_label__key_folded(ogi__buf *key, ogi__buf *base, const char *s, size_t len);

/* Looks a key up among the labels and aliases of the catalog's rows, headers and columns.
 * Returns 0 (hits may be empty) or OGI_ENOMEM (index could not be built). */
int ogi_label__lookup(ogi_label_hits *hits, const char *key, size_t len);

/* Builds the index of catalog labels once (thread-safe). Returns 0 or OGI_ENOMEM. */
int ogi_label__index(void);

/* The same as a hit set: the id of the key's hits in the index (>= 0), or -1 when the key
 * is not there (or the index could not be built). ogi_label__hits() gives the hits of an id
 * (an empty set for -1); they live as long as the process. */
int ogi_label__find(const char *key, size_t len);
const ogi_label_hits *ogi_label__hits(int id);

/* The length of the longest key in the index (0 when it could not be built). */
size_t ogi_label__max_key(void);

/* Dice coefficient of the character bigrams of two keys, in [0, 1]. */
double ogi_label__similarity(const char *a, size_t alen, const char *b, size_t blen);

/* The section whose label or alias key is contained in `key` (the longest), or -1. */
int ogi_label__section(const char *key, size_t len);

/* The main key of catalog item `item` (the folded label). */
const char *ogi_label__item_key(size_t item, size_t *len);

/* ---- tokens.c -------------------------------------------------------------------------- */

typedef enum ogi_tok_kind {
	OGI_TOK_LABEL = 0,
	OGI_TOK_VALUE = 1,   /* a number */
	OGI_TOK_NA = 2,      /* a placeholder: — / - 无 N/A */
	OGI_TOK_BLANK = 3,   /* an empty cell of a table row (text tab/pipe rows, HTML) */
	OGI_TOK_INVALID = 4, /* text in a value position that is not a number */
	OGI_TOK_UNIT = 5     /* a unit word: 条 件 次 个 人 人次 篇 万元 元 ... */
} ogi_tok_kind;

enum ogi_tok_flags {
	OGI_TOKF_DECIMAL = 1,  /* the number had a fraction part */
	OGI_TOKF_YUAN = 2,     /* the number or its unit says 元 (not 万元) */
	OGI_TOKF_DIGITRUN = 4, /* a bare run of >= 2 digits that may be several values run together */
	OGI_TOKF_STRONG = 8    /* came from a table row (tabs, pipes, HTML) */
};

/* A token: 24 bytes, one per cell of most documents. Its source position is not kept: it
 * follows from its row, cell and raw offset (ogi_tokens__pos()). */
typedef struct ogi_tok {
	int64_t num;              /* VALUE: the number times 10^4 (fixed point) */
	uint32_t row;             /* index of the physical row in the blocks */
	uint32_t raw_off;         /* raw text in blocks.text */
	uint32_t raw_len;
	unsigned int kind : 4;    /* ogi_tok_kind */
	unsigned int flags : 4;   /* ogi_tok_flags */
	unsigned int ndigits : 8; /* digits of a DIGITRUN (at most 64) */
	unsigned int cell : 16;   /* index of the cell in its physical row (HTML: grid column),
	                           * UINT16_MAX for the cells after it */
} ogi_tok;

/* A logical row: a label token and the value tokens after it, up to the next label. Values
 * before the first label have label == -1. */
typedef struct ogi_lrow {
	int32_t label;     /* token index of the label, or -1 */
	uint32_t first;    /* first value token */
	uint32_t count;    /* value tokens (including blanks and units) */
	uint32_t nvalues;  /* VALUE, NA and INVALID tokens */
	uint32_t key_at;   /* the label's text in the folded copy of its cell: offset ... */
	uint16_t key_flen; /* ... and length (ogi_tokens__key() makes the key again from them) */
	uint16_t key_len;  /* length of the label's matching key; 0 when it has none (long
	                    * sentences, rows without a label). Exact up to 90 bytes (what the
	                    * recognisers compare it with); a sentence whose key is longer than
	                    * 90 and than every catalog key may give a smaller length above 90
	                    * (see sentence() in tokens.c), and has key_flen 0 */
	int16_t hits;      /* the label's hit set in the catalog index (ogi_label__hits()), -1 */
	int16_t item;      /* matched catalog item, -1 when none */
	uint8_t used;      /* consumed by a table */
	uint8_t chrome;    /* from page chrome (HTML) */
} ogi_lrow;

static inline const ogi_label_hits *ogi_lrow_hits(const ogi_lrow *lr)
{
	return ogi_label__hits(lr->hits);
}

typedef struct ogi_tokens {
	ogi_tok *tok;
	size_t ntok, cap;
	ogi_lrow *rows;
	size_t nrows, caprows;
	ogi__buf fold, map;          /* working buffers (no allocation per cell or label) */
	ogi__buf scratch, key, base;
	ogi__buf segs, outs;         /* the segments of a cell (any number of them) */
	const ogi_blocks *b;
} ogi_tokens;

/* Builds the tokens and the logical rows of `b` (label keys looked up in the catalog). The
 * arrays are sized to what they hold when it returns. */
int ogi_tokens__build(ogi_tokens *t, const ogi_blocks *b);
void ogi_tokens__free(ogi_tokens *t);

/* Source position of token `ti` (see ogi_blocks_pos()). */
ogi_position ogi_tokens__pos(const ogi_tokens *t, uint32_t ti);

/* The matching key of the label of logical row `lr` (the one the build looked up), appended
 * to `out`. Returns 0 or OGI_ENOMEM. */
int ogi_tokens__key(const ogi_tokens *t, const ogi_lrow *lr, ogi__buf *out);

/* Parses a value text (already folded: ASCII digits) into fixed point; returns the token kind
 * (VALUE, NA, UNIT, INVALID or LABEL) and fills num/flags/ndigits. */
ogi_tok_kind ogi_tokens__classify(const char *s, size_t len, int64_t *num, uint8_t *flags,
                                  uint16_t *ndigits);

/* ---- tables.c -------------------------------------------------------------------------- */

/* Recognises the tables: sets the edition and the cells of `r`. Marks the logical rows it
 * used (so that meta/sections leave them out of the narrative). */
int ogi_tables__recognize(ogi_report *r, ogi_tokens *t, unsigned int flags);

/* ---- solve.c --------------------------------------------------------------------------- */

/* A value for one cell as the recogniser proposes it. */
typedef struct ogi_slot_value {
	ogi_cell_state state; /* VALUE, NA, BLANK, INVALID, INFERRED */
	int64_t value;        /* in the cell's own unit */
	int32_t tok;          /* token it came from, -1 for none */
	uint32_t part_off;    /* raw sub-range of a split DIGITRUN token */
	uint32_t part_len;
} ogi_slot_value;

/* Converts a VALUE token to a cell's unit. Returns 0, or -1 when the number does not fit the
 * cell (a fraction in a count, more than 4 decimals of 万元). */
int ogi_solve__convert(const ogi_tok *tok, ogi_cell_id cell, int64_t *out);

/* Places `ntok` tokens (indexes in `toks`) into the `ncells` cells, in order, choosing which
 * cells stay blank and how DIGITRUN tokens split, so that the report's sum equations hold.
 * Writes the placement to the report (values, states, raw text, positions) when it is unique
 * or all feasible placements agree, and returns 0. Otherwise, unless `final`, writes nothing
 * and returns 1 (try again once other rows are placed); when `final`, leaves the cells
 * invalid/blank, adds a diagnostic and returns 0. OGI_ENOMEM on allocation failure. */
int ogi_solve__place(ogi_report *r, const ogi_tokens *t, unsigned int edition,
                     const ogi_cell_id *cells, size_t ncells, const uint32_t *toks, size_t ntok,
                     int final);

/* Writes one token to a cell (value, state, raw text, position). */
int ogi_solve__write(ogi_report *r, const ogi_tokens *t, ogi_cell_id cell, uint32_t tok);

/* Fills blank and invalid cells that the sum equations determine (state inferred), adding a
 * CELL-INFERRED-style parse diagnostic for each. */
int ogi_solve__infer(ogi_report *r, unsigned int edition);

/* ---- meta.c ---------------------------------------------------------------------------- */

/* Title, agency, year, published date, kind, narrative sections. Runs after the tables. */
int ogi_meta__recognize(ogi_report *r, const ogi_tokens *t, int tables_found);

/* Adds a parse diagnostic (severity, rule id, zh/en messages, position of token `tok` or of
 * `pos`). */
int ogi_recognize__diag(ogi_report *r, ogi_severity sev, const char *rule, const ogi_position *pos,
                        const char *fmt_zh, const char *fmt_en, ...);

#endif /* OGI_RECOGNIZE_H */

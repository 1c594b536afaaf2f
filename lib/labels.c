/*
 * labels.c — matching keys for labels, and the index of the catalog's labels and aliases
 * (rows, headers, columns), built once from cells.def through the catalog.
 */
#include "normalize.h"
#include "recognize.h"

#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

/* ---- keys ------------------------------------------------------------------------------ */

/* Leading junk of a scraped label: '?' and U+FFFD from failed conversions, bullets, spaces,
 * and punctuation other than an opening parenthesis (which starts a numbering). */
static size_t skip_junk(const char *s, size_t n)
{
	size_t i = 0;
	const unsigned char *u = (const unsigned char *)s;
	if (n >= 3 && u[0] >= 0xE4 && u[0] <= 0xE9 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80)
		return 0; /* an ideograph: the common case */
	while (i < n) {
		uint32_t cp;
		size_t l = ogi_utf8_next(s + i, n - i, &cp);
		int junk = (cp < 0x80 && cp != '(' && !(cp >= '0' && cp <= '9') &&
		            !((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) ||
		           cp == 0xFFFD || cp == 0x3002 /* 。 */ || cp == 0x3001 /* 、 */ ||
		           (cp >= 0x2000 && cp <= 0x206F) /* general punctuation, bullets */ ||
		           (cp >= 0x25A0 && cp <= 0x25FF) /* geometric shapes ■□●○ */ ||
		           (cp >= 0x2605 && cp <= 0x2606) /* ★☆ */;
		if (!junk)
			break;
		i += l;
	}
	return i;
}

/* Appends `s` to `out` keeping only letters, digits and CJK (the folded text is already
 * ASCII where it can be; drop ASCII punctuation and spaces, and CJK punctuation left). */
static int keep_word_chars(ogi__buf *out, const char *s, size_t n)
{
	if (ogi__buf_grow(out, n))
		return OGI_ENOMEM;
	for (size_t i = 0; i < n;) {
		unsigned char ch = (unsigned char)s[i];
		if (ch < 0x80) {
			if ((ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z'))
				out->ptr[out->len++] = (char)ch;
			i++;
			continue;
		}
		if (ch >= 0xE4 && ch <= 0xE9 && i + 2 < n) {
			/* CJK Unified Ideographs (U+4000..U+9FFF): always kept, copied as they are */
			out->ptr[out->len] = (char)ch;
			out->ptr[out->len + 1] = s[i + 1];
			out->ptr[out->len + 2] = s[i + 2];
			out->len += 3;
			i += 3;
			continue;
		}
		uint32_t cp;
		size_t l;
		if ((ch & 0xF0) == 0xE0 && i + 2 < n && ((unsigned char)s[i + 1] & 0xC0) == 0x80 &&
		    ((unsigned char)s[i + 2] & 0xC0) == 0x80) {
			/* the common case: a 3-byte character (CJK), decoded inline */
			cp = ((uint32_t)(ch & 0x0F) << 12) | ((uint32_t)(s[i + 1] & 0x3F) << 6) |
			     (uint32_t)(s[i + 2] & 0x3F);
			l = 3;
		} else {
			l = ogi_utf8_next(s + i, n - i, &cp);
		}
		int keep;
		if (cp < 0x80)
			keep = (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
		else
			keep = !(cp >= 0x3000 && cp <= 0x303F) && !(cp >= 0xFF00 && cp <= 0xFF0F) &&
			       !(cp >= 0xFF1A && cp <= 0xFF20) && !(cp >= 0x2000 && cp <= 0x206F) &&
			       cp != 0xFFFD && cp != 0x00A0 && cp != 0x00B7;
		if (keep)
			memcpy(out->ptr + out->len, s + i, l), out->len += l;
		i += l;
	}
	out->ptr[out->len] = '\0';
	return 0;
}

/* Length of `s` without a trailing parenthetical group "(...)" (folded: ASCII parens). */
static size_t strip_trailing_paren(const char *s, size_t n)
{
	while (n && s[n - 1] == ' ')
		n--;
	if (!n || s[n - 1] != ')')
		return n;
	int depth = 0;
	for (size_t i = n; i-- > 0;) {
		if (s[i] == ')')
			depth++;
		else if (s[i] == '(' && --depth == 0)
			return i;
	}
	return n;
}

static int key_of_folded(ogi__buf *key, ogi__buf *base, int *ordinal, const char *p, size_t n);

int ogi_label__key(ogi__buf *key, ogi__buf *base, int *ordinal, const char *s, size_t len)
{
	ogi__buf f = {0};
	int rc = ogi_norm_fold(&f, s, len, OGI_NORM_DEFAULT, NULL);
	if (!rc)
		rc = key_of_folded(key, base, ordinal, f.ptr ? f.ptr : "", f.len);
	ogi__buf_free(&f);
	return rc;
}

int ogi_label__key_folded(ogi__buf *key, ogi__buf *base, const char *s, size_t len)
{
	return key_of_folded(key, base, NULL, s, len);
}

/* Are s[0..n) ideographs U+4000..U+9FFF only (three bytes each)? */
static int all_ideographs(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	if (n % 3)
		return 0;
	for (size_t i = 0; i < n; i += 3)
		if (p[i] < 0xE4 || p[i] > 0xE9 || (p[i + 1] & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80)
			return 0;
	return 1;
}

static int key_of_folded(ogi__buf *key, ogi__buf *base, int *ordinal, const char *p, size_t n)
{
	int rc;
	if (!ordinal && all_ideographs(p, n) && !ogi_norm_numbering(p, n, NULL, NULL)) {
		/* the common label: no junk, no numbering, nothing to drop, no parenthesis */
		return ogi__buf_put(key, p, n);
	}
	size_t i = skip_junk(p, n);
	int ord = 0, style = 0;
	size_t num = ogi_norm_numbering(p + i, n - i, &ord, &style);
	i += num;
	i += skip_junk(p + i, n - i);
	if (ordinal)
		*ordinal = num ? ord : 0;
	rc = keep_word_chars(key, p + i, n - i);
	if (!rc && base) {
		size_t bl = strip_trailing_paren(p + i, n - i);
		if (bl < n - i) /* only labels with a trailing remark have a different base */
			rc = keep_word_chars(base, p + i, bl);
	}
	return rc;
}

/* ---- the index ---------------------------------------------------------------------------- */

#define POOL_SIZE 49152
#define MAX_KEYS 1024
#define HASH_SIZE 2048 /* power of two, > 2 * MAX_KEYS */

typedef struct entry {
	uint32_t off, len;  /* key in pool */
	int16_t item;       /* catalog item, or -1 */
	int16_t col;        /* column, or -1 */
	int32_t next;       /* next entry with the same key, -1 */
} entry;

static char pool[POOL_SIZE];
static size_t pool_used;
static size_t longest_key; /* of the hashed keys */
static entry entries[MAX_KEYS];
static size_t nentries;
static int32_t table[HASH_SIZE];
static uint32_t item_key_off[512], item_key_len[512];
/* section labels and aliases: keys in the pool, matched by containment */
#define MAX_SECTION_KEYS 96
static struct {
	uint32_t off, len;
	int section;
} section_keys[MAX_SECTION_KEYS];
static size_t nsection_keys;
/* the section keys by their first two bytes (a key of one byte in sec_short) */
#define SEC_BUCKETS 256
static int16_t sec_bucket[SEC_BUCKETS], sec_next[MAX_SECTION_KEYS], sec_short;

static unsigned int sec_hash(const char *k)
{
	return ((unsigned int)(unsigned char)k[0] * 31u + (unsigned char)k[1]) & (SEC_BUCKETS - 1);
}
/* the hits of every key, by the index of its first entry (a hit set id) */
static ogi_label_hits hitsets[MAX_KEYS];
static const ogi_label_hits no_hits;
static atomic_int index_ready;
static pthread_mutex_t index_lock = PTHREAD_MUTEX_INITIALIZER;

/* A hash of a key, eight bytes at a time. */
static uint32_t hash(const char *s, size_t n)
{
	uint64_t h = UINT64_C(0x9E3779B97F4A7C15) ^ n;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		h = (h ^ w) * UINT64_C(0xFF51AFD7ED558CCD);
		h ^= h >> 29;
	}
	if (i < n) {
		uint64_t w = 0;
		memcpy(&w, s + i, n - i);
		h = (h ^ w) * UINT64_C(0xC4CEB9FE1A85EC53);
	}
	h ^= h >> 32;
	return (uint32_t)h;
}

static int32_t find_key(const char *s, size_t n)
{
	for (uint32_t h = hash(s, n) & (HASH_SIZE - 1);; h = (h + 1) & (HASH_SIZE - 1)) {
		int32_t e = table[h];
		if (e < 0)
			return -1;
		if (entries[e].len == n && !memcmp(pool + entries[e].off, s, n))
			return e;
	}
}

/* Adds one key (already a key) for an item or a column; duplicates chain. */
static void add_key(const char *s, size_t n, int16_t item, int16_t col)
{
	if (!n || nentries >= MAX_KEYS || pool_used + n > POOL_SIZE)
		return; /* sizes are checked by the unit tests */
	int32_t head = find_key(s, n);
	entry *e = &entries[nentries];
	if (head >= 0) {
		/* reuse the stored key; skip exact duplicates */
		for (int32_t x = head; x >= 0; x = entries[x].next)
			if (entries[x].item == item && entries[x].col == col)
				return;
		e->off = entries[head].off;
		e->len = entries[head].len;
		e->next = entries[head].next;
		entries[head].next = (int32_t)nentries;
	} else {
		memcpy(pool + pool_used, s, n);
		e->off = (uint32_t)pool_used;
		e->len = (uint32_t)n;
		pool_used += n;
		if (n > longest_key)
			longest_key = n;
		e->next = -1;
		uint32_t h = hash(s, n) & (HASH_SIZE - 1);
		while (table[h] >= 0)
			h = (h + 1) & (HASH_SIZE - 1);
		table[h] = (int32_t)nentries;
	}
	e->item = item;
	e->col = col;
	nentries++;
}

/* Adds the label and each '|'-separated alias. Returns the main key's pool offset/length
 * through off and len when asked. */
static int add_labels(const char *label, const char *aliases, int16_t item, int16_t col,
                      uint32_t *off, uint32_t *len)
{
	const char *parts[2] = {label, aliases};
	for (int p = 0; p < 2; p++) {
		const char *s = parts[p];
		while (s && *s) {
			const char *bar = strchr(s, '|');
			size_t n = bar ? (size_t)(bar - s) : strlen(s);
			ogi__buf k = {0}, base = {0};
			int rc = ogi_label__key(&k, &base, NULL, s, n);
			if (rc) {
				ogi__buf_free(&k);
				ogi__buf_free(&base);
				return rc;
			}
			if (k.len) {
				add_key(k.ptr, k.len, item, col);
				if (p == 0 && s == label && off) {
					int32_t e = find_key(k.ptr, k.len);
					*off = e >= 0 ? entries[e].off : 0;
					*len = e >= 0 ? entries[e].len : 0;
				}
			}
			ogi__buf_free(&k);
			ogi__buf_free(&base);
			s = bar ? bar + 1 : NULL;
		}
	}
	return 0;
}

static int build_index(void)
{
	for (size_t i = 0; i < HASH_SIZE; i++)
		table[i] = -1;
	pool_used = nentries = 0;
	longest_key = 0;
	size_t nitems;
	const ogi_item *items = ogi_catalog__items(&nitems);
	for (size_t i = 0; i < nitems && i < 512; i++) {
		int rc = add_labels(items[i].label, items[i].aliases, (int16_t)i, -1, &item_key_off[i],
		                    &item_key_len[i]);
		if (rc)
			return rc;
	}
	nsection_keys = 0;
	for (int sct = 0; sct < OGI_SECTION_COUNT; sct++) {
		const char *parts[2] = {ogi_section_label((ogi_section_id)sct),
		                        ogi_section_aliases((ogi_section_id)sct)};
		for (int p = 0; p < 2; p++)
			for (const char *a = parts[p]; a && *a;) {
				const char *bar = strchr(a, '|');
				size_t al = bar ? (size_t)(bar - a) : strlen(a);
				ogi__buf k = {0};
				int rc = ogi_label__key(&k, NULL, NULL, a, al);
				if (!rc && k.len && nsection_keys < MAX_SECTION_KEYS &&
				    pool_used + k.len <= POOL_SIZE) {
					memcpy(pool + pool_used, k.ptr, k.len);
					section_keys[nsection_keys].off = (uint32_t)pool_used;
					section_keys[nsection_keys].len = (uint32_t)k.len;
					section_keys[nsection_keys].section = sct;
					nsection_keys++;
					pool_used += k.len;
				}
				ogi__buf_free(&k);
				if (rc)
					return rc;
				a = bar ? bar + 1 : NULL;
			}
	}
	for (size_t h = 0; h < SEC_BUCKETS; h++)
		sec_bucket[h] = -1;
	sec_short = -1;
	for (size_t i = nsection_keys; i-- > 0;) { /* lists in key order */
		const char *k = pool + section_keys[i].off;
		int16_t *head = section_keys[i].len >= 2 ? &sec_bucket[sec_hash(k)] : &sec_short;
		sec_next[i] = *head;
		*head = (int16_t)i;
	}
	for (int c = 0; c < OGI_COL_COUNT; c++) {
		int rc = add_labels(ogi_col_label((ogi_col_id)c), ogi_col_aliases((ogi_col_id)c), -1,
		                    (int16_t)c, NULL, NULL);
		if (rc)
			return rc;
	}
	for (size_t h = 0; h < HASH_SIZE; h++) {
		if (table[h] < 0)
			continue;
		ogi_label_hits *hits = &hitsets[table[h]];
		memset(hits, 0, sizeof(*hits));
		for (int32_t e = table[h]; e >= 0; e = entries[e].next) {
			if (entries[e].item >= 0 && hits->nitems < OGI_LABEL_MAX_HITS)
				hits->items[hits->nitems++] = entries[e].item;
			if (entries[e].col >= 0 && hits->ncols < OGI_LABEL_MAX_HITS)
				hits->cols[hits->ncols++] = entries[e].col;
		}
	}
	return 0;
}

/* Built once; a failed build (out of memory) is retried on the next call. The flag is read
 * without the lock on the hot path (acquire/release pairs with the build). */
static int ensure_index(void)
{
	if (atomic_load_explicit(&index_ready, memory_order_acquire))
		return 0;
	int rc = 0;
	pthread_mutex_lock(&index_lock);
	if (!atomic_load_explicit(&index_ready, memory_order_relaxed)) {
		rc = build_index();
		if (!rc)
			atomic_store_explicit(&index_ready, 1, memory_order_release);
	}
	pthread_mutex_unlock(&index_lock);
	return rc;
}

int ogi_label__index(void)
{
	return ensure_index();
}

int ogi_label__lookup(ogi_label_hits *hits, const char *key, size_t len)
{
	memset(hits, 0, sizeof(*hits));
	int rc = ensure_index();
	if (rc)
		return rc;
	int32_t e = find_key(key, len);
	if (e >= 0)
		*hits = hitsets[e];
	return 0;
}

int ogi_label__find(const char *key, size_t len)
{
	if (ensure_index())
		return -1;
	int32_t e = find_key(key, len);
	return e >= 0 && (hitsets[e].nitems || hitsets[e].ncols) ? (int)e : -1;
}

size_t ogi_label__max_key(void)
{
	return ensure_index() ? 0 : longest_key;
}

const ogi_label_hits *ogi_label__hits(int id)
{
	return id >= 0 && id < MAX_KEYS ? &hitsets[id] : &no_hits;
}

const char *ogi_label__item_key(size_t item, size_t *len)
{
	if (ensure_index() || item >= 512) {
		*len = 0;
		return "";
	}
	*len = item_key_len[item];
	return pool + item_key_off[item];
}

/* ---- similarity ------------------------------------------------------------------------- */

#define MAX_BIGRAMS 96

static size_t bigrams(const char *s, size_t n, uint64_t *out)
{
	uint32_t prev = 0;
	size_t k = 0;
	int have = 0;
	for (size_t i = 0; i < n && k < MAX_BIGRAMS;) {
		uint32_t cp;
		i += ogi_utf8_next(s + i, n - i, &cp);
		if (have)
			out[k++] = ((uint64_t)prev << 32) | cp;
		prev = cp;
		have = 1;
	}
	return k;
}

double ogi_label__similarity(const char *a, size_t alen, const char *b, size_t blen)
{
	uint64_t ga[MAX_BIGRAMS], gb[MAX_BIGRAMS];
	uint8_t used[MAX_BIGRAMS] = {0};
	size_t na = bigrams(a, alen, ga), nb = bigrams(b, blen, gb);
	if (!na || !nb)
		return 0.0;
	size_t common = 0;
	for (size_t i = 0; i < na; i++)
		for (size_t j = 0; j < nb; j++)
			if (!used[j] && ga[i] == gb[j]) {
				used[j] = 1;
				common++;
				break;
			}
	return 2.0 * (double)common / (double)(na + nb);
}

int ogi_label__section(const char *key, size_t len)
{
	if (ensure_index())
		return -1;
	/* the longest key contained in `key`, the first in key order among the longest: each
	 * position is looked up among the keys that start with its two bytes */
	size_t best_len = 0, best_i = SIZE_MAX;
	for (size_t j = 0; j < len; j++) {
		int16_t i = j + 1 < len ? sec_bucket[sec_hash(key + j)] : -1;
		for (int pass = 0; pass < 2; pass++, i = sec_short) {
			for (; i >= 0; i = sec_next[i]) {
				size_t m = section_keys[i].len;
				const char *k = pool + section_keys[i].off;
				if (m > len - j || m < best_len || (m == best_len && (size_t)i >= best_i) ||
				    memcmp(key + j, k, m))
					continue;
				best_len = m;
				best_i = (size_t)i;
			}
		}
	}
	return best_i == SIZE_MAX ? -1 : section_keys[best_i].section;
}

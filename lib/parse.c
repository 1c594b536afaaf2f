/*
 * parse.c — the parse driver: bytes -> decode -> blocks (text or HTML) -> recognisers -> report.
 */
#include "blocks.h"
#include "common_int.h"
#include "decode.h"
#include "recognize.h"
#include "ogi/json.h"
#include "ogi/parse.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#define DEFAULT_MAX_INPUT ((size_t)1 << 30)

int ogi_parse_options_init(ogi_parse_options *opts, unsigned int version)
{
	if (!opts || version != OGI_PARSE_OPTIONS_VERSION)
		return ogi__error(OGI_EINVAL, "ogi_parse_options_init: unsupported version %u", version);
	ogi_parse_options init = OGI_PARSE_OPTIONS_INIT;
	*opts = init;
	return 0;
}

static int lower_ascii(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

static ogi_format sniff(const char *s, size_t n)
{
	size_t i = 0;
	if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
		i++;
	if (i < n && (s[i] == '{' || s[i] == '['))
		return OGI_FORMAT_JSON;
	/* count HTML tags among the '<' of the first 8 KiB: one pass */
	static const char *const tags[] = {"!doctype html", "html", "body", "table", "head",
	                                   "meta", "div", "p>", "p ", "td", "tr", "br"};
	size_t end = n - i < 8192 ? n : i + 8192;
	int hits = 0;
	for (const char *p = memchr(s + i, '<', end - i); p; p = memchr(p + 1, '<', (size_t)(s + end - p - 1))) {
		size_t rest = (size_t)(s + end - p - 1);
		for (size_t k = 0; k < sizeof(tags) / sizeof(tags[0]); k++) {
			size_t m = strlen(tags[k]), j = 0;
			while (j < m && j < rest && lower_ascii((unsigned char)p[1 + j]) == tags[k][j])
				j++;
			if (j == m) {
				hits++;
				break;
			}
		}
		if (hits >= 2 || p + 1 >= s + end)
			break;
	}
	if (i < n && s[i] == '<' && hits >= 1)
		return OGI_FORMAT_HTML;
	return hits >= 2 ? OGI_FORMAT_HTML : OGI_FORMAT_TEXT;
}

int ogi_parse(ogi_report **out, const char *buf, size_t len, const ogi_parse_options *opts)
{
	ogi_parse_options o = OGI_PARSE_OPTIONS_INIT;
	if (!out || (!buf && len))
		return ogi__error(OGI_EINVAL, "ogi_parse: NULL argument");
	*out = NULL;
	if (opts) {
		if (opts->version != OGI_PARSE_OPTIONS_VERSION)
			return ogi__error(OGI_EINVAL, "ogi_parse: unsupported options version %u",
			                  opts->version);
		o = *opts;
	}
	size_t max = o.max_input ? o.max_input : DEFAULT_MAX_INPUT;
	if (len > max)
		return ogi__error(OGI_ELIMIT, "input of %zu bytes exceeds the limit of %zu", len, max);
	if (!buf)
		buf = "";

	ogi_format fmt = o.format;
	if (fmt == OGI_FORMAT_AUTO)
		fmt = sniff(buf, len);
	if (fmt < OGI_FORMAT_AUTO || fmt > OGI_FORMAT_JSON)
		return ogi__error(OGI_EINVAL, "ogi_parse: unknown format %d", (int)fmt);

	ogi_report *r = NULL;
	int rc = ogi_report_new(&r);
	if (rc)
		return rc;
	/* valid UTF-8 is read in place; other encodings are converted into `text` */
	ogi__buf text = {0};
	const char *encoding = NULL, *utf8 = NULL;
	size_t utf8_len = 0;
	rc = ogi_decode_view(&text, &utf8, &utf8_len, &encoding, buf, len, o.encoding,
	                     ogi_report_diagnostics_mut(r));
	if (rc)
		goto fail;
	if (!utf8)
		utf8 = "";

	if (fmt == OGI_FORMAT_JSON) {
		ogi_report *j = NULL;
		rc = ogi_report_from_json(&j, utf8, utf8_len);
		if (rc)
			goto fail;
		ogi_report_free(r);
		r = j;
		ogi__buf_free(&text);
		*out = r;
		return 0;
	}

	ogi_blocks b;
	ogi_blocks_init(&b, utf8, utf8_len, ogi_report_diagnostics_mut(r));
	if (fmt == OGI_FORMAT_HTML) {
		rc = ogi_blocks_from_html(&b);
		ogi__buf_free(&text); /* the builder made its own text: the source is not needed */
	} else {
		rc = ogi_blocks_from_text(&b);
	}
	if (!rc)
		rc = ogi_recognize(r, &b, o.flags);
	if (!rc && encoding)
		rc = ogi_report_set_meta(r, OGI_META_ENCODING, encoding, strlen(encoding));
	if (!rc)
		rc = ogi_report_set_format(r, fmt);
	ogi_blocks_free(&b);
	if (rc)
		goto fail;
	ogi__buf_free(&text);
	*out = r;
	return 0;
fail:
	ogi__buf_free(&text);
	ogi_report_free(r);
	return rc;
}

int ogi_parse_file(ogi_report **out, const char *path, const ogi_parse_options *opts)
{
	if (!out || !path)
		return ogi__error(OGI_EINVAL, "ogi_parse_file: NULL argument");
	*out = NULL;
	FILE *f = fopen(path, "rb");
	if (!f)
		return ogi__error(OGI_EIO, "%s: %s", path, strerror(errno));
	ogi__buf data = {0};
	char chunk[65536];
	size_t n;
	int rc = 0;
	size_t max = (opts && opts->max_input) ? opts->max_input : DEFAULT_MAX_INPUT;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (data.len + n > max) {
			rc = ogi__error(OGI_ELIMIT, "%s: larger than the limit of %zu bytes", path, max);
			break;
		}
		if ((rc = ogi__buf_put(&data, chunk, n)))
			break;
	}
	if (!rc && ferror(f))
		rc = ogi__error(OGI_EIO, "%s: read error", path);
	fclose(f);
	if (!rc)
		rc = ogi_parse(out, data.ptr ? data.ptr : "", data.len, opts);
	ogi__buf_free(&data);
	return rc;
}

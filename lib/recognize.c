/*
 * recognize.c — runs the recognisers over the blocks of a document (see recognize.h).
 */
#include "recognize.h"

#include <stdarg.h>
#include <stdio.h>

int ogi_recognize__diag(ogi_report *r, ogi_severity sev, const char *rule, const ogi_position *pos,
                        const char *fmt_zh, const char *fmt_en, ...)
{
	char zh[512], en[512];
	va_list ap, aq;
	va_start(ap, fmt_en);
	va_copy(aq, ap);
	/* both templates take the same arguments; they are literals at every call site */
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
	vsnprintf(zh, sizeof(zh), fmt_zh, ap);
	vsnprintf(en, sizeof(en), fmt_en, aq);
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
	va_end(aq);
	va_end(ap);
	return ogi_diagnostics_add(ogi_report_diagnostics_mut(r), rule, sev, zh, en, pos);
}

int ogi_recognize(ogi_report *r, const ogi_blocks *b, unsigned int flags)
{
	ogi_tokens t;
	int rc = ogi_tokens__build(&t, b);
	int found = 0;
	if (!rc) {
		found = ogi_tables__recognize(r, &t, flags);
		rc = found < 0 ? found : 0;
	}
	if (!rc)
		rc = ogi_meta__recognize(r, &t, found > 0);
	ogi_tokens__free(&t);
	return rc;
}

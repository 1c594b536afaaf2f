/*
 * errors.c — error codes, error strings, and the thread-local last error.
 */
#include <criterion/criterion.h>

#include "ogi.h"

#include <pthread.h>
#include <string.h>

Test(errors, strerror_every_code)
{
	static const int codes[] = {OGI_OK,        OGI_ERROR,     OGI_ENOMEM,   OGI_EINVAL,
	                            OGI_ENOTFOUND, OGI_EENCODING, OGI_EIO,      OGI_EJSON,
	                            OGI_EFORMAT,   OGI_ENOVALUE,  OGI_ELIMIT};
	const size_t n = sizeof(codes) / sizeof(codes[0]);
	const char *unknown = ogi_strerror(-1000);
	cr_assert_not_null(unknown);
	for (size_t i = 0; i < n; i++) {
		const char *s = ogi_strerror(codes[i]);
		cr_assert_not_null(s);
		cr_assert_gt(strlen(s), 0);
		cr_assert_str_neq(s, unknown, "code %d has no text", codes[i]);
		for (size_t j = 0; j < i; j++)
			cr_assert_str_neq(s, ogi_strerror(codes[j]), "codes %d and %d", codes[i], codes[j]);
	}
	cr_assert_str_eq(ogi_strerror(1), unknown);
	cr_assert_str_eq(ogi_strerror(-11), unknown);
	cr_assert_str_eq(ogi_strerror(OGI_ENOMEM), "out of memory");
}

Test(errors, last_error)
{
	ogi_error_clear();
	cr_assert_eq(ogi_error_last_code(), 0);
	cr_assert_not_null(ogi_error_last());
	cr_assert_eq(ogi_report_set_year(NULL, 2021), OGI_EINVAL);
	cr_assert_eq(ogi_error_last_code(), OGI_EINVAL);
	cr_assert_not_null(strstr(ogi_error_last(), "ogi_report_set_year"));
	ogi_error_clear();
	cr_assert_eq(ogi_error_last_code(), 0);

	ogi_report *r = NULL;
	cr_assert_eq(ogi_report_from_json(&r, "{", 1), OGI_EJSON);
	cr_assert_eq(ogi_error_last_code(), OGI_EJSON);
	cr_assert_not_null(strstr(ogi_error_last(), "line 1"));
}

static void *fail_in_thread(void *arg)
{
	(void)arg;
	ogi_report *r = NULL;
	int rc = ogi_report_from_json(&r, "[1,", 3);
	static char msg[512];
	strncpy(msg, ogi_error_last(), sizeof(msg) - 1);
	return rc == OGI_EJSON && ogi_error_last_code() == OGI_EJSON ? msg : NULL;
}

static void *clean_thread(void *arg)
{
	(void)arg;
	/* a new thread starts without an error */
	return ogi_error_last_code() == 0 ? (void *)1 : NULL;
}

Test(errors, last_error_is_thread_local)
{
	ogi_error_clear();
	cr_assert_eq(ogi_report_set_edition(NULL, OGI_EDITION_2021), OGI_EINVAL);
	char mine[512];
	strncpy(mine, ogi_error_last(), sizeof(mine) - 1);
	mine[sizeof(mine) - 1] = '\0';

	pthread_t t;
	void *res = NULL;
	cr_assert_eq(pthread_create(&t, NULL, fail_in_thread, NULL), 0);
	cr_assert_eq(pthread_join(t, &res), 0);
	cr_assert_not_null(res, "the thread saw its own error");
	cr_assert_not_null(strstr((const char *)res, "JSON"));
	/* the other thread's error is not visible here */
	cr_assert_eq(ogi_error_last_code(), OGI_EINVAL);
	cr_assert_str_eq(ogi_error_last(), mine);

	cr_assert_eq(pthread_create(&t, NULL, clean_thread, NULL), 0);
	cr_assert_eq(pthread_join(t, &res), 0);
	cr_assert_not_null(res, "a new thread has no error");
}

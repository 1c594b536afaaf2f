/**
 * @file ogi/errors.h
 * @brief Error codes, the thread-local last error and error strings.
 *
 * Fallible calls return `int`: 0 on success or a negative ::ogi_error_code. The message of the
 * most recent failure on the calling thread is available from ogi_error_last().
 */
#ifndef OGI_ERRORS_H
#define OGI_ERRORS_H

#include "common.h"

OGI_BEGIN_DECL

/** Return codes of fallible calls. */
typedef enum ogi_error_code {
	OGI_OK = 0,          /**< success */
	OGI_ERROR = -1,      /**< generic failure */
	OGI_ENOMEM = -2,     /**< memory allocation failed */
	OGI_EINVAL = -3,     /**< invalid argument or misuse of the API */
	OGI_ENOTFOUND = -4,  /**< no such cell, path, section or rule */
	OGI_EENCODING = -5,  /**< the input could not be decoded in the detected or given encoding */
	OGI_EIO = -6,        /**< reading or writing a file failed */
	OGI_EJSON = -7,      /**< malformed JSON, or JSON not in the ogi-report layout */
	OGI_EFORMAT = -8,    /**< the input is not in a format libogi reads (e.g. binary data) */
	OGI_ENOVALUE = -9,   /**< the cell exists but holds no number (blank, na, absent, invalid) */
	OGI_ELIMIT = -10     /**< the input exceeds a configured limit */
} ogi_error_code;

/**
 * The message of the last error on this thread.
 * @return a string owned by the library, valid until the next libogi call on this thread;
 *         never NULL ("no error" when there was none).
 */
OGI_EXTERN(const char *) ogi_error_last(void);

/**
 * The code of the last error on this thread (0 when there was none).
 */
OGI_EXTERN(int) ogi_error_last_code(void);

/** Clears the last error of this thread. */
OGI_EXTERN(void) ogi_error_clear(void);

/**
 * A static description of an error code.
 * @param code an ::ogi_error_code (any int is accepted)
 * @return a static string; never NULL.
 */
OGI_EXTERN(const char *) ogi_strerror(int code);

OGI_END_DECL

#endif /* OGI_ERRORS_H */

/*
 * python.i — the Python-only part of the SWIG interface of libogi (included by ogi.i before
 * any header is wrapped).
 *
 * Typemaps turn the C conventions into Python ones:
 *   - an `int` return is a status: negative codes raise the exception ogi._errors maps the
 *     code to (message from ogi_error_last()), 0 gives None so that out-parameters become the
 *     result. Functions whose int is a value are listed in OGI_INT_VALUE below.
 *   - `T **out` of an owned object becomes the returned proxy, owning the object;
 *     `char **out, size_t *out_len` becomes a str (the C string is freed at once);
 *     scalar and enum out-parameters become ints.
 *   - `(const char *buf, size_t len)` and the other (text, length) pairs take bytes, any
 *     buffer, str (encoded as UTF-8) or None (NULL, 0).
 *   - ::ogi_position is a tuple (line, column, table, row, col) both ways.
 *   - OGI_RELEASE_GIL(fn) runs fn without the GIL: parsing, validation and JSON conversion
 *     let other Python threads run.
 */

%begin %{
#define PY_SSIZE_T_CLEAN
%}

%{
#include <limits.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* "<package>._errors", from the name this module was imported under (ogi.__ogi). */
static char ogi_py_errors_module[256] = "ogi._errors";

/* Raises the exception of a libogi error code. The hierarchy lives in ogi/_errors.py
 * (error_from_code); this module only asks it for the exception object. */
static void ogi_py_raise(int code)
{
	const char *msg = ogi_error_last_code() == code ? ogi_error_last() : ogi_strerror(code);
	PyObject *text = PyUnicode_DecodeUTF8(msg, (Py_ssize_t)strlen(msg), "replace");
	PyObject *mod = NULL, *exc = NULL;
	if (!text)
		return;
	mod = PyImport_ImportModule(ogi_py_errors_module);
	if (!mod) {
		PyErr_Clear();
		PyErr_Format(PyExc_RuntimeError, "libogi error %d: %U", code, text);
	} else {
		exc = PyObject_CallMethod(mod, "error_from_code", "iO", code, text);
		if (exc)
			PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
	}
	Py_XDECREF(exc);
	Py_XDECREF(mod);
	Py_DECREF(text);
}

/* Converts str (UTF-8), any simple buffer, or None into a (pointer, length) pair. On success
 * *view is filled when a buffer was taken and must be released with PyBuffer_Release(). */
static int ogi_py_text_arg(PyObject *obj, const char **ptr, size_t *len, Py_buffer *view,
                           int *have_view, const char *what)
{
	*have_view = 0;
	if (obj == Py_None) {
		*ptr = NULL;
		*len = 0;
		return 0;
	}
	if (PyUnicode_Check(obj)) {
		Py_ssize_t n;
		const char *p = PyUnicode_AsUTF8AndSize(obj, &n);
		if (!p)
			return -1;
		*ptr = p;
		*len = (size_t)n;
		return 0;
	}
	if (PyObject_CheckBuffer(obj)) {
		if (PyObject_GetBuffer(obj, view, PyBUF_SIMPLE) != 0)
			return -1;
		*have_view = 1;
		*ptr = (const char *)view->buf;
		*len = (size_t)view->len;
		return 0;
	}
	PyErr_Format(PyExc_TypeError, "%s must be str, bytes or a buffer, not %.100s", what,
	             Py_TYPE(obj)->tp_name);
	return -1;
}

/* ---- test support: counting allocator hooks that can be told to fail ------------------ */
static atomic_llong ogi_py_live_blocks;
static atomic_llong ogi_py_gil_allocs;   /* allocations made holding the GIL */
static atomic_llong ogi_py_nogil_allocs; /* allocations made with the GIL released */
static atomic_llong ogi_py_alloc_budget = -1; /* allocations left before failing; -1: never */

static int ogi_py_take_budget(void)
{
	long long b = atomic_load(&ogi_py_alloc_budget);
	atomic_fetch_add(PyGILState_Check() ? &ogi_py_gil_allocs : &ogi_py_nogil_allocs, 1);
	while (b >= 0) {
		if (b == 0)
			return 0;
		if (atomic_compare_exchange_weak(&ogi_py_alloc_budget, &b, b - 1))
			return 1;
	}
	return 1;
}

static void *ogi_py_test_malloc(size_t size, void *ctx)
{
	void *p;
	(void)ctx;
	if (!ogi_py_take_budget())
		return NULL;
	p = malloc(size);
	if (p)
		atomic_fetch_add(&ogi_py_live_blocks, 1);
	return p;
}

static void *ogi_py_test_realloc(void *ptr, size_t size, void *ctx)
{
	if (!ptr)
		return ogi_py_test_malloc(size, ctx);
	if (!ogi_py_take_budget())
		return NULL;
	return realloc(ptr, size);
}

static void ogi_py_test_free(void *ptr, void *ctx)
{
	(void)ctx;
	if (ptr) {
		atomic_fetch_sub(&ogi_py_live_blocks, 1);
		free(ptr);
	}
}
%}

%init %{
	{
		const char *name = PyModule_GetName(m);
		const char *dot = name ? strrchr(name, '.') : NULL;
		if (dot && (size_t)(dot - name) + sizeof("._errors") <= sizeof(ogi_py_errors_module))
			snprintf(ogi_py_errors_module, sizeof(ogi_py_errors_module), "%.*s._errors",
			         (int)(dot - name), name);
		PyErr_Clear();
	}
%}

/* ---- status and value ints ----------------------------------------------------------- */
%typemap(out, noblock=1) int {
	if ($1 < 0) {
		ogi_py_raise($1);
		SWIG_fail;
	}
	$result = SWIG_Py_Void();
}

/* Functions whose int return is a value, not a status. */
%define OGI_INT_VALUE(fn)
%typemap(out, noblock=1) int fn { $result = PyLong_FromLong((long)$1); }
%enddef
OGI_INT_VALUE(ogi_version_number)
OGI_INT_VALUE(ogi_error_last_code)
OGI_INT_VALUE(ogi_report_year)
%typemap(out, noblock=1) int ogi_report_equal { $result = PyBool_FromLong((long)$1); }

/* Every call starts with a clean last error so that the message raised belongs to it. */
%exception {
	ogi_error_clear();
	$action
}

%define OGI_RELEASE_GIL(fn)
%exception fn {
	ogi_error_clear();
	Py_BEGIN_ALLOW_THREADS
	$action
	Py_END_ALLOW_THREADS
}
%enddef

/* ---- owned objects through T **out ---------------------------------------------------- */
%define OGI_OWNED_OUT(TYPE, FREE)
%typemap(in, numinputs=0, noblock=1) TYPE **out (TYPE *tmp = NULL) { $1 = &tmp; }
%typemap(argout, noblock=1) TYPE **out {
	%append_output(SWIG_NewPointerObj(SWIG_as_voidptr(tmp$argnum), $*1_descriptor, SWIG_POINTER_OWN));
	tmp$argnum = NULL;
}
%typemap(freearg, noblock=1) TYPE **out { FREE(tmp$argnum); }
%enddef

/* ---- strings the caller owns ----------------------------------------------------------- */
%typemap(in, numinputs=0, noblock=1) (char **out, size_t *out_len) (char *str = NULL, size_t n = 0) {
	$1 = &str;
	$2 = &n;
}
%typemap(argout, noblock=1) (char **out, size_t *out_len) {
	{
		PyObject *o;
		if (str$argnum) {
			o = PyUnicode_DecodeUTF8(str$argnum, (Py_ssize_t)n$argnum, "strict");
		} else {
			o = SWIG_Py_Void();
		}
		ogi_string_free(str$argnum);
		str$argnum = NULL;
		if (!o)
			SWIG_fail;
		%append_output(o);
	}
}
%typemap(freearg, noblock=1) (char **out, size_t *out_len) { ogi_string_free(str$argnum); }
%apply (char **out, size_t *out_len) { (char **out, size_t *len) };

/* ---- scalar out-parameters ------------------------------------------------------------ */
%typemap(in, numinputs=0, noblock=1) int64_t *out (int64_t tmp = 0) { $1 = &tmp; }
%typemap(argout, noblock=1) int64_t *out { %append_output(PyLong_FromLongLong((long long)tmp$argnum)); }
%apply int64_t *out { int64_t *value };
%typemap(in, numinputs=0, noblock=1) size_t *out (size_t tmp = 0) { $1 = &tmp; }
%typemap(argout, noblock=1) size_t *out { %append_output(PyLong_FromSize_t(tmp$argnum)); }

%define OGI_ENUM_OUT(TYPE, NAME)
%typemap(in, numinputs=0, noblock=1) TYPE *NAME (TYPE tmp) { tmp = (TYPE)0; $1 = &tmp; }
%typemap(argout, noblock=1) TYPE *NAME { %append_output(PyLong_FromLong((long)tmp$argnum)); }
%enddef
OGI_ENUM_OUT(ogi_edition, out)
OGI_ENUM_OUT(ogi_section_id, out)
OGI_ENUM_OUT(ogi_cell_id, out)
OGI_ENUM_OUT(ogi_cell_state, out)
OGI_ENUM_OUT(ogi_cell_state, state)
OGI_ENUM_OUT(ogi_severity, out)

/* ogi_sum_get(): every out-parameter is returned (rule, editions, lhs, rhs). */
%typemap(in, numinputs=0, noblock=1) const char **rule (const char *tmp = NULL) { $1 = ($1_ltype)&tmp; }
%typemap(argout, noblock=1) const char **rule {
	%append_output(tmp$argnum ? PyUnicode_FromString(tmp$argnum) : SWIG_Py_Void());
}
%typemap(in, numinputs=0, noblock=1) unsigned int *editions (unsigned int tmp = 0) { $1 = &tmp; }
%typemap(argout, noblock=1) unsigned int *editions {
	%append_output(PyLong_FromUnsignedLong((unsigned long)tmp$argnum));
}
%typemap(in, numinputs=0, noblock=1) (const ogi_cell_id **lhs, size_t *nlhs)
	(const ogi_cell_id *cells = NULL, size_t n = 0) { $1 = ($1_ltype)&cells; $2 = &n; }
%typemap(argout, noblock=1) (const ogi_cell_id **lhs, size_t *nlhs) {
	{
		PyObject *t = PyTuple_New((Py_ssize_t)n$argnum);
		size_t i;
		if (!t)
			SWIG_fail;
		for (i = 0; i < n$argnum; i++)
			PyTuple_SET_ITEM(t, (Py_ssize_t)i, PyLong_FromLong((long)cells$argnum[i]));
		%append_output(t);
	}
}
%apply (const ogi_cell_id **lhs, size_t *nlhs) { (const ogi_cell_id **rhs, size_t *nrhs) };

/* ogi_report_section(): the length is not needed, the string is NUL-terminated. */
%typemap(in, numinputs=0, noblock=1) size_t *len (size_t tmp = 0) { $1 = &tmp; }

/* ogi_money_format(): returns the text. */
%typemap(in, numinputs=0, noblock=1) (char *buf, size_t size) (char tmp[32]) {
	$1 = tmp;
	$2 = sizeof(tmp);
}
%typemap(argout, noblock=1) (char *buf, size_t size) { %append_output(PyUnicode_FromString(tmp$argnum)); }

/* ---- inputs --------------------------------------------------------------------------- */
%typemap(in, noblock=1) (const char *buf, size_t len) (Py_buffer view, int have_view = 0) {
	{
		const char *p = NULL;
		size_t n = 0;
		if (ogi_py_text_arg($input, &p, &n, &view, &have_view, "$1_name") != 0)
			SWIG_fail;
		$1 = ($1_ltype)p;
		$2 = n;
	}
}
%typemap(freearg, noblock=1) (const char *buf, size_t len) {
	if (have_view$argnum)
		PyBuffer_Release(&view$argnum);
}
%apply (const char *buf, size_t len) {
	(const char *path, size_t len),
	(const char *key, size_t len),
	(const char *text, size_t len),
	(const char *raw, size_t len)
};

/* A file name: str, bytes or os.PathLike, in the file system encoding. */
%typemap(in, noblock=1) const char *path (PyObject *fs = NULL) {
	if (!PyUnicode_FSConverter($input, &fs))
		SWIG_fail;
	$1 = PyBytes_AS_STRING(fs);
}
%typemap(freearg, noblock=1) const char *path { Py_XDECREF(fs$argnum); }

/* A list of cell ids. */
%typemap(in, noblock=1) (const ogi_cell_id *paths, size_t npaths) (ogi_cell_id *ids = NULL) {
	{
		PyObject *seq = PySequence_Fast($input, "paths must be a sequence of cell ids");
		Py_ssize_t i, n;
		if (!seq)
			SWIG_fail;
		n = PySequence_Fast_GET_SIZE(seq);
		ids = n ? (ogi_cell_id *)malloc((size_t)n * sizeof(*ids)) : NULL;
		if (n && !ids) {
			Py_DECREF(seq);
			PyErr_NoMemory();
			SWIG_fail;
		}
		for (i = 0; i < n; i++) {
			long v = PyLong_AsLong(PySequence_Fast_GET_ITEM(seq, i));
			if (v == -1 && PyErr_Occurred()) {
				Py_DECREF(seq);
				SWIG_fail;
			}
			ids[i] = (ogi_cell_id)v;
		}
		Py_DECREF(seq);
		$1 = ids;
		$2 = (size_t)n;
	}
}
%typemap(freearg, noblock=1) (const ogi_cell_id *paths, size_t npaths) { free(ids$argnum); }

/* ---- positions ------------------------------------------------------------------------ */
%typemap(out, noblock=1) ogi_position {
	$result = Py_BuildValue("(kkiii)", (unsigned long)$1.line, (unsigned long)$1.column,
	                        (int)$1.table, (int)$1.row, (int)$1.col);
}
%typemap(in, noblock=1) const ogi_position *pos (ogi_position tmp) {
	if ($input == Py_None) {
		$1 = NULL;
	} else {
		long long line = 0, column = 0;
		int table = -1, row = -1, col = -1, ok;
		PyObject *t = PySequence_Tuple($input);
		if (!t)
			SWIG_fail;
		ok = PyArg_ParseTuple(t, "LLiii;a position is (line, column, table, row, col)", &line,
		                      &column, &table, &row, &col);
		Py_DECREF(t);
		if (!ok)
			SWIG_fail;
		if (line < 0 || line > (long long)UINT32_MAX || column < 0 || column > (long long)UINT32_MAX) {
			PyErr_SetString(PyExc_OverflowError, "line and column must be in 0..4294967295");
			SWIG_fail;
		}
		tmp.line = (uint32_t)line;
		tmp.column = (uint32_t)column;
		tmp.table = table;
		tmp.row = row;
		tmp.col = col;
		$1 = &tmp;
	}
}

/* Proxy constructors that run out of memory raise MemoryError. */
%define OGI_NEW_OR_NOMEMORY(fn)
%exception fn {
	$action
	if (!result) {
		PyErr_NoMemory();
		SWIG_fail;
	}
}
%enddef
OGI_NEW_OR_NOMEMORY(new_ogi_parse_options)
OGI_NEW_OR_NOMEMORY(new_ogi_validate_options)

/* ---- test support (private; used by tests/python) ------------------------------------- */
%inline %{
/* Routes libogi's allocations through counting hooks (malloc underneath). After
 * @p fail_after further allocations every allocation fails; -1 never fails.
 * Test support only: install when no other thread is calling libogi. */
int ogi_py_test_allocator(long long fail_after)
{
	static const ogi_allocator hooks = {ogi_py_test_malloc, ogi_py_test_realloc, ogi_py_test_free,
	                                    NULL};
	atomic_store(&ogi_py_alloc_budget, fail_after < 0 ? -1 : fail_after);
	return ogi_set_allocator(&hooks);
}

/* Restores the C library's allocator (see ogi_py_test_allocator()). */
int ogi_py_test_allocator_reset(void)
{
	atomic_store(&ogi_py_alloc_budget, -1);
	return ogi_set_allocator(NULL);
}

/* Counters of the test hooks: (blocks allocated and not yet freed, allocations made
 * holding the GIL, allocations made with the GIL released). */
PyObject *ogi_py_test_alloc_stats(void)
{
	return Py_BuildValue("(LLL)", (long long)atomic_load(&ogi_py_live_blocks),
	                     (long long)atomic_load(&ogi_py_gil_allocs),
	                     (long long)atomic_load(&ogi_py_nogil_allocs));
}
%}

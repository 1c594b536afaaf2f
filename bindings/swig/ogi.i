/*
 * ogi.i — the language-neutral SWIG interface of libogi.
 *
 * Wraps the public headers as they are; the friendly API is written in the target language
 * on top of this module (Python: the package `ogi` over the private module `ogi._ogi`).
 * Run SWIG with -doxygen so that the header comments become docstrings.
 *
 * Conventions every target language's part (python.i ...) must provide, before the headers:
 *   - OGI_OWNED_OUT(TYPE, FREE): typemaps for `TYPE **out` returning an object the caller
 *     owns (freed by FREE when the target object dies);
 *   - OGI_RELEASE_GIL(fn): lets fn run without the interpreter lock, or expands to nothing;
 *   - negative `int` returns raise the language's exception, always.
 *
 * Ownership: every object the C API hands over (`**out`) is owned by the proxy that wraps it;
 * the proxies of ogi_report and ogi_diagnostics free it with their _free function. Borrowed
 * pointers (ogi_report_diagnostics(), ogi_diagnostics_get()) live as long as their parent:
 * the language layer copies what it needs out of them while it holds the parent.
 */
%module(package="ogi", docstring="Private SWIG module of libogi; use the package `ogi`.") _ogi

%{
#include "ogi.h"
#include "ogi/validate.h"
%}

%include <stdint.i>

#if defined(SWIGPYTHON)
%include "python.i"
#else
#error "ogi.i: no typemaps for this target language (add a <language>.i beside python.i)"
#endif

/* ---- opaque handles, owned through their proxies ------------------------------------- */
%nodefaultctor ogi_report;
struct ogi_report {};
%extend ogi_report {
	~ogi_report() { ogi_report_free($self); }
}

%nodefaultctor ogi_diagnostics;
struct ogi_diagnostics {};
%extend ogi_diagnostics {
	~ogi_diagnostics() { ogi_diagnostics_free($self); }
}

/* A diagnostic is always borrowed from its list. */
%nodefaultctor ogi_diagnostic;
%nodefaultdtor ogi_diagnostic;
struct ogi_diagnostic {};

OGI_OWNED_OUT(ogi_report, ogi_report_free)
OGI_OWNED_OUT(ogi_diagnostics, ogi_diagnostics_free)

/* ---- calls that may take long run without the interpreter lock ------------------------ */
OGI_RELEASE_GIL(ogi_parse)
OGI_RELEASE_GIL(ogi_parse_file)
OGI_RELEASE_GIL(ogi_report_from_json)
OGI_RELEASE_GIL(ogi_report_to_json)
OGI_RELEASE_GIL(ogi_report_dup)
OGI_RELEASE_GIL(ogi_report_equal)
OGI_RELEASE_GIL(ogi_diagnostics_to_json)
OGI_RELEASE_GIL(ogi_schema_to_json)
OGI_RELEASE_GIL(ogi_validate)
OGI_RELEASE_GIL(ogi_validate_pair)
OGI_RELEASE_GIL(ogi_rules_to_json)

/* ---- not wrapped ------------------------------------------------------------------------ */
/* Allocator hooks are C function pointers (the module offers test hooks of its own). */
%ignore ogi_allocator;
%ignore ogi_set_allocator;
/* Positions are converted to and from the language's tuples. */
%ignore ogi_position;
/* The proxy constructor of ogi_parse_options initialises it; initialising again would drop
 * the proxy's copy of the encoding name. */
%ignore ogi_parse_options_init;
%ignore ogi_validate_options_init;

/* ---- parse options: a proxy that owns its encoding string ---------------------------- */
%immutable ogi_parse_options::version;
%immutable ogi_parse_options::encoding;
%extend ogi_parse_options {
	/** Options with every field at its default (OGI_PARSE_OPTIONS_INIT). */
	ogi_parse_options()
	{
		ogi_parse_options *o = (ogi_parse_options *)calloc(1, sizeof(*o));
		if (o)
			ogi_parse_options_init(o, OGI_PARSE_OPTIONS_VERSION);
		return o;
	}
	~ogi_parse_options()
	{
		free((char *)$self->encoding);
		free($self);
	}
	/**
	 * Forces an encoding (an iconv name), or detects it again when @p name is NULL.
	 * @return 0 or OGI_ENOMEM
	 */
	int set_encoding(const char *name)
	{
		char *copy = NULL;
		if (name) {
			size_t n = strlen(name) + 1;
			copy = (char *)malloc(n);
			if (!copy)
				return OGI_ENOMEM;
			memcpy(copy, name, n);
		}
		free((char *)$self->encoding);
		$self->encoding = copy;
		return 0;
	}
}

/* ---- validation options: a proxy that owns its list of suppressed rules ------------- */
%immutable ogi_validate_options::version;
%immutable ogi_validate_options::nsuppress;
%ignore ogi_validate_options::suppress;
%extend ogi_validate_options {
	/** Options with every field at its default (OGI_VALIDATE_OPTIONS_INIT). */
	ogi_validate_options()
	{
		ogi_validate_options *o = (ogi_validate_options *)calloc(1, sizeof(*o));
		if (o)
			ogi_validate_options_init(o, OGI_VALIDATE_OPTIONS_VERSION);
		return o;
	}
	~ogi_validate_options()
	{
		size_t i;
		for (i = 0; i < $self->nsuppress; i++)
			free((char *)$self->suppress[i]);
		free((void *)$self->suppress);
		free($self);
	}
	/**
	 * Leaves out the diagnostics of a rule (an id ending in '*' is a prefix: "PARSE-*").
	 * @return 0, OGI_EINVAL for NULL, or OGI_ENOMEM
	 */
	int add_suppress(const char *id)
	{
		size_t n;
		char *copy;
		const char **list;
		if (!id)
			return OGI_EINVAL;
		n = strlen(id) + 1;
		copy = (char *)malloc(n);
		list = (const char **)realloc((void *)$self->suppress,
		                              ($self->nsuppress + 1) * sizeof(*list));
		if (!copy || !list) {
			free(copy);
			if (list)
				$self->suppress = list;
			return OGI_ENOMEM;
		}
		memcpy(copy, id, n);
		list[$self->nsuppress++] = copy;
		$self->suppress = list;
		return 0;
	}
}

/* ---- the headers ------------------------------------------------------------------------- */
%include "ogi/common.h"
%include "ogi/version.h"
%include "ogi/errors.h"
%include "ogi/catalog.h"

/*
 * SWIG does not follow the `#include "cells.def"` inside the enums of ogi/catalog.h, so those
 * enums reach it with their sentinels only. Expand the catalog once more, here, into one
 * constant per block, section, column, row and cell; the values come from the C enums when
 * the wrapper is compiled. Nothing is listed by hand.
 */
#undef OGI_BLOCK
#undef OGI_SECTION
#undef OGI_COL
#undef OGI_ROW
#undef OGI_CELL
#undef OGI_CELL1
#define OGI_BLOCK(id, key, label) %constant ogi_block_id OGI_BLOCK_##id = OGI_BLOCK_##id;
#define OGI_SECTION(id, key, label, aliases) %constant ogi_section_id OGI_SECTION_##id = OGI_SECTION_##id;
#define OGI_COL(id, key, kind, label, aliases) %constant ogi_col_id OGI_COL_##id = OGI_COL_##id;
#define OGI_ROW(id, block, key, label, aliases) %constant ogi_row_id OGI_ROW_##id = OGI_ROW_##id;
#define OGI_CELL(row, col, editions) %constant ogi_cell_id OGI_CELL_##row##_##col = OGI_CELL_##row##_##col;
#define OGI_CELL1(row, editions, kind) %constant ogi_cell_id OGI_CELL_##row = OGI_CELL_##row;
%include "ogi/cells.def"

%include "ogi/report.h"
%include "ogi/diagnostics.h"
%include "ogi/json.h"
%include "ogi/parse.h"
%include "ogi/validate.h"

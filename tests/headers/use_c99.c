/*
 * use_c99.c — the public headers compile as strict C99 (tests/cmake/headers.cmake) and every
 * declaration can be used.
 */
#include "ogi.h"

int main(void)
{
	ogi_report *r = 0;
	ogi_parse_options opts = OGI_PARSE_OPTIONS_INIT;
	ogi_position pos = OGI_POSITION_INIT;
	ogi_cell_id c = OGI_CELL_APPLICATIONS_NEW_RECEIVED_TOTAL;
	(void)opts;
	(void)pos;
	(void)c;
	return r == 0 && OGI_VERSION_NUMBER >= 0 ? 0 : 1;
}

// use_cxx.cpp — the public headers compile as C++11 (tests/cmake/headers.cmake): C linkage,
// no C-only constructs.
#include "ogi.h"

#include <cstdio>

int main()
{
	ogi_report *r = nullptr;
	ogi_parse_options opts = OGI_PARSE_OPTIONS_INIT;
	ogi_position pos = OGI_POSITION_INIT;
	const char *(*fn)(ogi_cell_id) = ogi_cell_path;
	(void)opts;
	(void)pos;
	(void)fn;
	std::printf("%s\n", OGI_VERSION);
	return r == nullptr ? 0 : 1;
}

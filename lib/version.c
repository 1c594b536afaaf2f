/*
 * version.c — run-time version.
 */
#include "ogi/version.h"

const char *ogi_version(void)
{
	return OGI_VERSION;
}

int ogi_version_number(void)
{
	return OGI_VERSION_NUMBER;
}

/**
 * @file ogi/version.h
 * @brief Compile-time and run-time version of libogi.
 */
#ifndef OGI_VERSION_H
#define OGI_VERSION_H

#include "common.h"

/** Major version: changes on incompatible API changes. */
#define OGI_VERSION_MAJOR 0
/** Minor version: changes when API is added. */
#define OGI_VERSION_MINOR 1
/** Patch version: changes on fixes only. */
#define OGI_VERSION_PATCH 0
/** The version as a string literal. */
#define OGI_VERSION "0.1.0"
/** The version as one comparable number: major * 10000 + minor * 100 + patch. */
#define OGI_VERSION_NUMBER (OGI_VERSION_MAJOR * 10000 + OGI_VERSION_MINOR * 100 + OGI_VERSION_PATCH)

OGI_BEGIN_DECL

/**
 * The version of the library linked at run time, e.g. "0.1.0".
 * @return a static string; never NULL, never freed.
 */
OGI_EXTERN(const char *) ogi_version(void);

/**
 * The version number of the library linked at run time (see OGI_VERSION_NUMBER).
 * @return major * 10000 + minor * 100 + patch.
 */
OGI_EXTERN(int) ogi_version_number(void);

OGI_END_DECL

#endif /* OGI_VERSION_H */

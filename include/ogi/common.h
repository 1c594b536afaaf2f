/**
 * @file ogi/common.h
 * @brief Export macros, C/C++ linkage guards and the basic scalar types of libogi.
 */
#ifndef OGI_COMMON_H
#define OGI_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
/** Opens a block of declarations with C linkage. */
#define OGI_BEGIN_DECL extern "C" {
/** Closes a block opened with OGI_BEGIN_DECL. */
#define OGI_END_DECL }
#else
/** Opens a block of declarations with C linkage. */
#define OGI_BEGIN_DECL
/** Closes a block opened with OGI_BEGIN_DECL. */
#define OGI_END_DECL
#endif

/** Declares a public API function returning @p type (visible from the shared library). */
#if defined(_WIN32) && defined(OGI_SHARED_BUILD)
#define OGI_EXTERN(type) extern __declspec(dllexport) type
#elif defined(__GNUC__) || defined(__clang__)
#define OGI_EXTERN(type) extern __attribute__((visibility("default"))) type
#else
#define OGI_EXTERN(type) extern type
#endif

#endif /* OGI_COMMON_H */

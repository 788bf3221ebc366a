#ifndef CICU_H
#define CICU_H

// The ICU converter functions the charset module needs, behind a header that names no ICU type.
//
// Two reasons: ICU renames every symbol with its version (ucnv_open_72, ...) through macros,
// which Swift's importer does not expand; and Foundation on Linux carries its own copy of the
// ICU headers, so a module that saw both definitions of `UErrorCode` would not compile. With
// plain C types here, clients of the library can import Foundation and it alike.

#include <stdint.h>

/// An open `UConverter`.
typedef struct cicu_converter cicu_converter;

/// A `UErrorCode` value; 0 is `U_ZERO_ERROR`.
typedef int32_t cicu_status;

cicu_converter *cicu_ucnv_open(const char *name, cicu_status *err);
void cicu_ucnv_close(cicu_converter *converter);
const char *cicu_ucnv_getName(const cicu_converter *converter, cicu_status *err);
const char *cicu_ucnv_getStandardName(const char *name, const char *standard, cicu_status *err);

/// Makes conversion to Unicode stop at the first illegal or unmappable byte sequence instead of
/// substituting U+FFFD, so that callers can tell a lossless conversion from a lossy one.
void cicu_ucnv_setToUStop(cicu_converter *converter, cicu_status *err);

/// Makes conversion from Unicode stop at the first unmappable character.
void cicu_ucnv_setFromUStop(cicu_converter *converter, cicu_status *err);

void cicu_ucnv_toUnicode(cicu_converter *converter, uint16_t **target, const uint16_t *targetLimit,
                         const char **source, const char *sourceLimit, int8_t flush, cicu_status *err);
void cicu_ucnv_fromUnicode(cicu_converter *converter, char **target, const char *targetLimit,
                           const uint16_t **source, const uint16_t *sourceLimit, int8_t flush, cicu_status *err);
void cicu_ucnv_reset(cicu_converter *converter);
void cicu_ucnv_resetFromUnicode(cicu_converter *converter);

/// The length of the sequence that made the last conversion to Unicode stop, so that the caller
/// can locate the first bad byte: the source pointer is already past it.
int8_t cicu_ucnv_invalidCharsLength(const cicu_converter *converter);

/// The largest number of bytes one character takes in this charset, to size output buffers.
int8_t cicu_ucnv_getMaxCharSize(const cicu_converter *converter);

/// 1 when `err` is `U_BUFFER_OVERFLOW_ERROR`.
int cicu_isBufferOverflow(cicu_status err);

/// 1 when `err` is a failure (`U_FAILURE`).
int cicu_failure(cicu_status err);

#endif

#ifndef CICU_SHIM_H
#define CICU_SHIM_H

// ICU renames every symbol with its version (ucnv_open_72, ...) through macros, which Swift's
// importer does not expand; these static inline wrappers give Swift stable names.

#include <unicode/utypes.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

static inline UConverter *cicu_ucnv_open(const char *name, UErrorCode *err) {
    return ucnv_open(name, err);
}

static inline void cicu_ucnv_close(UConverter *converter) {
    ucnv_close(converter);
}

static inline const char *cicu_ucnv_getName(const UConverter *converter, UErrorCode *err) {
    return ucnv_getName(converter, err);
}

static inline const char *cicu_ucnv_getStandardName(const char *name, const char *standard, UErrorCode *err) {
    return ucnv_getStandardName(name, standard, err);
}

/// Makes conversion to Unicode stop at the first illegal or unmappable byte sequence instead of
/// substituting U+FFFD, so that callers can tell a lossless conversion from a lossy one.
static inline void cicu_ucnv_setToUStop(UConverter *converter, UErrorCode *err) {
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, err);
}

/// Makes conversion from Unicode stop at the first unmappable character.
static inline void cicu_ucnv_setFromUStop(UConverter *converter, UErrorCode *err) {
    ucnv_setFromUCallBack(converter, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, err);
}

static inline int32_t cicu_ucnv_toUChars(UConverter *converter, UChar *dest, int32_t destCapacity,
                                         const char *src, int32_t srcLength, UErrorCode *err) {
    return ucnv_toUChars(converter, dest, destCapacity, src, srcLength, err);
}

static inline int32_t cicu_ucnv_fromUChars(UConverter *converter, char *dest, int32_t destCapacity,
                                           const UChar *src, int32_t srcLength, UErrorCode *err) {
    return ucnv_fromUChars(converter, dest, destCapacity, src, srcLength, err);
}

static inline void cicu_ucnv_toUnicode(UConverter *converter, UChar **target, const UChar *targetLimit,
                                       const char **source, const char *sourceLimit,
                                       UBool flush, UErrorCode *err) {
    ucnv_toUnicode(converter, target, targetLimit, source, sourceLimit, NULL, flush, err);
}

static inline void cicu_ucnv_reset(UConverter *converter) {
    ucnv_reset(converter);
}

static inline void cicu_ucnv_fromUnicode(UConverter *converter, char **target, const char *targetLimit,
                                         const UChar **source, const UChar *sourceLimit,
                                         UBool flush, UErrorCode *err) {
    ucnv_fromUnicode(converter, target, targetLimit, source, sourceLimit, NULL, flush, err);
}

/// The bytes of the sequence that made the last conversion to Unicode stop, so that the caller can
/// locate the first bad byte: the source pointer is already past them.
static inline int8_t cicu_ucnv_invalidCharsLength(const UConverter *converter) {
    char bytes[32];
    int8_t length = (int8_t)sizeof(bytes);
    UErrorCode err = U_ZERO_ERROR;
    ucnv_getInvalidChars(converter, bytes, &length, &err);
    return U_FAILURE(err) ? 0 : length;
}

/// The largest number of bytes one character takes in this charset, to size output buffers.
static inline int8_t cicu_ucnv_getMaxCharSize(const UConverter *converter) {
    return ucnv_getMaxCharSize(converter);
}

static inline void cicu_ucnv_resetFromUnicode(UConverter *converter) {
    ucnv_resetFromUnicode(converter);
}

static inline int cicu_isBufferOverflow(UErrorCode err) { return err == U_BUFFER_OVERFLOW_ERROR ? 1 : 0; }

static inline int cicu_failure(UErrorCode err) { return U_FAILURE(err) ? 1 : 0; }

#endif

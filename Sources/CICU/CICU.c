#include "CICU.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#define CONVERTER(c) ((UConverter *)(c))
#define STATUS(e) ((UErrorCode *)(e))

_Static_assert(sizeof(UErrorCode) == sizeof(cicu_status), "UErrorCode must fit cicu_status");
_Static_assert(sizeof(UChar) == sizeof(uint16_t), "UChar must be 16 bits");

cicu_converter *cicu_ucnv_open(const char *name, cicu_status *err) {
    return (cicu_converter *)ucnv_open(name, STATUS(err));
}

void cicu_ucnv_close(cicu_converter *converter) {
    ucnv_close(CONVERTER(converter));
}

const char *cicu_ucnv_getName(const cicu_converter *converter, cicu_status *err) {
    return ucnv_getName((const UConverter *)converter, STATUS(err));
}

const char *cicu_ucnv_getStandardName(const char *name, const char *standard, cicu_status *err) {
    return ucnv_getStandardName(name, standard, STATUS(err));
}

void cicu_ucnv_setToUStop(cicu_converter *converter, cicu_status *err) {
    ucnv_setToUCallBack(CONVERTER(converter), UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, STATUS(err));
}

void cicu_ucnv_setFromUStop(cicu_converter *converter, cicu_status *err) {
    ucnv_setFromUCallBack(CONVERTER(converter), UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, STATUS(err));
}

void cicu_ucnv_toUnicode(cicu_converter *converter, uint16_t **target, const uint16_t *targetLimit,
                         const char **source, const char *sourceLimit, int8_t flush, cicu_status *err) {
    ucnv_toUnicode(CONVERTER(converter), (UChar **)target, (const UChar *)targetLimit, source, sourceLimit,
                   NULL, (UBool)flush, STATUS(err));
}

void cicu_ucnv_fromUnicode(cicu_converter *converter, char **target, const char *targetLimit,
                           const uint16_t **source, const uint16_t *sourceLimit, int8_t flush, cicu_status *err) {
    ucnv_fromUnicode(CONVERTER(converter), target, targetLimit, (const UChar **)source, (const UChar *)sourceLimit,
                     NULL, (UBool)flush, STATUS(err));
}

void cicu_ucnv_reset(cicu_converter *converter) {
    ucnv_reset(CONVERTER(converter));
}

void cicu_ucnv_resetFromUnicode(cicu_converter *converter) {
    ucnv_resetFromUnicode(CONVERTER(converter));
}

int8_t cicu_ucnv_invalidCharsLength(const cicu_converter *converter) {
    char bytes[32];
    int8_t length = (int8_t)sizeof(bytes);
    UErrorCode err = U_ZERO_ERROR;
    ucnv_getInvalidChars((const UConverter *)converter, bytes, &length, &err);
    return U_FAILURE(err) ? 0 : length;
}

int8_t cicu_ucnv_getMaxCharSize(const cicu_converter *converter) {
    return ucnv_getMaxCharSize((const UConverter *)converter);
}

int cicu_isBufferOverflow(cicu_status err) {
    return err == U_BUFFER_OVERFLOW_ERROR ? 1 : 0;
}

int cicu_failure(cicu_status err) {
    return U_FAILURE((UErrorCode)err) ? 1 : 0;
}

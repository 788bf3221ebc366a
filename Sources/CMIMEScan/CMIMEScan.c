#define _GNU_SOURCE
#include <string.h>
#include "CMIMEScan.h"

long cmime_memmem(const unsigned char *haystack, size_t haystackLength,
                  const unsigned char *needle, size_t needleLength) {
    if (needleLength == 0) return 0;
    if (haystackLength < needleLength) return -1;
    const void *hit = memmem(haystack, haystackLength, needle, needleLength);
    return hit ? (long)((const unsigned char *)hit - haystack) : -1;
}

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

long cmime_memchr2(const unsigned char *haystack, unsigned char first, unsigned char second, size_t length) {
    size_t index = 0;
#if defined(__SSE2__)
    const __m128i firsts = _mm_set1_epi8((char)first);
    const __m128i seconds = _mm_set1_epi8((char)second);
    for (; index + 16 <= length; index += 16) {
        __m128i block = _mm_loadu_si128((const __m128i *)(haystack + index));
        int mask = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(block, firsts), _mm_cmpeq_epi8(block, seconds)));
        if (mask != 0) return (long)(index + (size_t)__builtin_ctz((unsigned)mask));
    }
#endif
    for (; index < length; index++) {
        if (haystack[index] == first || haystack[index] == second) return (long)index;
    }
    return -1;
}

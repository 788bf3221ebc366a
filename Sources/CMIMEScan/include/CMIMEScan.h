#ifndef CMIMESCAN_H
#define CMIMESCAN_H

#include <stddef.h>

/// Returns the offset of the first `needle` byte in `haystack[0..<length]`, or -1.
/// glibc's memchr is vectorized and runs far faster than a Swift byte loop.
static inline long cmime_memchr(const unsigned char *haystack, unsigned char needle, size_t length) {
    if (length == 0) return -1;
    const void *hit = __builtin_memchr(haystack, needle, length);
    return hit ? (long)((const unsigned char *)hit - haystack) : -1;
}

/// Returns the offset of the first byte in `haystack[0..<length]` that is `first` or `second`,
/// or -1: one pass where two memchr calls would read the bytes twice (line scanners look for
/// CR and LF together).
long cmime_memchr2(const unsigned char *haystack, unsigned char first, unsigned char second, size_t length);

/// Returns the offset of the first occurrence of `needle` in `haystack`, or -1.
long cmime_memmem(const unsigned char *haystack, size_t haystackLength,
                  const unsigned char *needle, size_t needleLength);

#endif

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

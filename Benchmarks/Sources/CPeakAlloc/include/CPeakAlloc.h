#ifndef CPEAKALLOC_H
#define CPEAKALLOC_H

#include <stddef.h>

/// Bytes currently allocated through malloc and friends (usable sizes), process-wide.
size_t peak_alloc_current(void);
/// The highest value `peak_alloc_current` reached since the last `peak_alloc_reset`.
size_t peak_alloc_peak(void);
/// Starts a new measurement: the peak becomes the current allocation.
void peak_alloc_reset(void);

#endif

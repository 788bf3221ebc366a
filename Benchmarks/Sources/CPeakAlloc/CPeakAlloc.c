// A malloc interposer that tracks the bytes allocated and their high-water mark, so that the
// pathological benchmark measures peak memory exactly instead of reading the noisy RSS: the
// executable's definitions of malloc, free, calloc, realloc and the aligned allocators take
// precedence over glibc's, and forward to glibc's internal entry points.
#define _GNU_SOURCE
#include "CPeakAlloc.h"

#include <errno.h>
#include <malloc.h>
#include <stdatomic.h>
#include <stdint.h>

extern void *__libc_malloc(size_t);
extern void __libc_free(void *);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);

static _Atomic size_t current;
static _Atomic size_t peak;

static void grew(void *pointer) {
    if (!pointer) return;
    size_t now = atomic_fetch_add(&current, malloc_usable_size(pointer)) + malloc_usable_size(pointer);
    size_t seen = atomic_load(&peak);
    while (now > seen && !atomic_compare_exchange_weak(&peak, &seen, now)) {}
}

static void shrinking(void *pointer) {
    if (pointer) atomic_fetch_sub(&current, malloc_usable_size(pointer));
}

void *malloc(size_t size) {
    void *pointer = __libc_malloc(size);
    grew(pointer);
    return pointer;
}

void free(void *pointer) {
    shrinking(pointer);
    __libc_free(pointer);
}

void *calloc(size_t count, size_t size) {
    void *pointer = __libc_calloc(count, size);
    grew(pointer);
    return pointer;
}

void *realloc(void *old, size_t size) {
    shrinking(old);
    void *pointer = __libc_realloc(old, size);
    if (pointer) {
        grew(pointer);
    } else if (old && size) {
        grew(old); // failed: the old block is still there
    }
    return pointer;
}

void *memalign(size_t alignment, size_t size) {
    void *pointer = __libc_memalign(alignment, size);
    grew(pointer);
    return pointer;
}

void *aligned_alloc(size_t alignment, size_t size) {
    return memalign(alignment, size);
}

int posix_memalign(void **result, size_t alignment, size_t size) {
    void *pointer = memalign(alignment, size);
    if (!pointer && size) return ENOMEM;
    *result = pointer;
    return 0;
}

size_t peak_alloc_current(void) { return atomic_load(&current); }
size_t peak_alloc_peak(void) { return atomic_load(&peak); }
void peak_alloc_reset(void) { atomic_store(&peak, atomic_load(&current)); }

/* arena.h - bump allocator: one per document (or per model load), freed or
 * reset all at once, so per-token code never calls malloc/free. */
#ifndef DY_ARENA_H
#define DY_ARENA_H
#include <stddef.h>
#include "dyad.h"

dyad_arena *arena_new(size_t first_block_bytes);
void arena_free(dyad_arena *a);
/* Forget all allocations but keep the largest block for reuse. */
void arena_reset(dyad_arena *a);
/* 16-byte aligned; NULL only when malloc fails. */
void *arena_alloc(dyad_arena *a, size_t bytes);
void *arena_calloc(dyad_arena *a, size_t n, size_t size);
char *arena_strndup(dyad_arena *a, const char *s, size_t len);
char *arena_strdup(dyad_arena *a, const char *s);
char *arena_printf(dyad_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Grow an array living in the arena (old copy is abandoned). */
void *arena_grow(dyad_arena *a, void *old, size_t old_n, size_t new_n, size_t elem);
size_t arena_used(const dyad_arena *a);
#endif

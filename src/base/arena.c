/* arena.c - bump allocator with a chain of blocks. */
#include "arena.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct block {
    struct block *next;
    size_t cap, used;
    /* data follows, 16-byte aligned */
} block;

struct dyad_arena {
    block *head;
    size_t first_cap;
    size_t total_used;
};

#define HDR ((sizeof(block) + 15) & ~(size_t)15)

static block *block_new(size_t cap) {
    block *b = malloc(HDR + cap);
    if (!b) return NULL;
    b->next = NULL;
    b->cap = cap;
    b->used = 0;
    return b;
}

dyad_arena *arena_new(size_t first) {
    dyad_arena *a = calloc(1, sizeof *a);
    if (!a) return NULL;
    a->first_cap = first ? first : 64 * 1024;
    return a;
}

void arena_free(dyad_arena *a) {
    if (!a) return;
    for (block *b = a->head, *n; b; b = n) {
        n = b->next;
        free(b);
    }
    free(a);
}

void arena_reset(dyad_arena *a) {
    if (!a || !a->head) return;
    /* keep the biggest block: the head is always the newest and largest */
    block *keep = a->head;
    for (block *b = keep->next, *n; b; b = n) {
        n = b->next;
        free(b);
    }
    keep->next = NULL;
    keep->used = 0;
    a->total_used = 0;
}

void *arena_alloc(dyad_arena *a, size_t n) {
    n = (n + 15) & ~(size_t)15;
    if (n == 0) n = 16;
    block *b = a->head;
    if (!b || b->cap - b->used < n) {
        size_t cap = b ? b->cap * 2 : a->first_cap;
        if (cap < n) cap = n;
        block *nb = block_new(cap);
        if (!nb) return NULL;
        nb->next = b;
        a->head = b = nb;
    }
    void *p = (char *)b + HDR + b->used;
    b->used += n;
    a->total_used += n;
    return p;
}

void *arena_calloc(dyad_arena *a, size_t n, size_t size) {
    if (size && n > (size_t)-1 / size) return NULL;
    void *p = arena_alloc(a, n * size);
    if (p) memset(p, 0, n * size);
    return p;
}

char *arena_strndup(dyad_arena *a, const char *s, size_t len) {
    char *p = arena_alloc(a, len + 1);
    if (!p) return NULL;
    if (len) memcpy(p, s, len);
    p[len] = 0;
    return p;
}

char *arena_strdup(dyad_arena *a, const char *s) { return arena_strndup(a, s, strlen(s)); }

char *arena_printf(dyad_arena *a, const char *fmt, ...) {
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = n >= 0 ? arena_alloc(a, (size_t)n + 1) : NULL;
    if (p) vsnprintf(p, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return p;
}

void *arena_grow(dyad_arena *a, void *old, size_t old_n, size_t new_n, size_t elem) {
    void *p = arena_calloc(a, new_n, elem);
    if (p && old && old_n) memcpy(p, old, old_n * elem);
    return p;
}

size_t arena_used(const dyad_arena *a) { return a->total_used; }

/* util.h - small shared helpers: growable buffer, hashing, files, JSON string
 * output, dates. One implementation of each, used everywhere. */
#ifndef DY_UTIL_H
#define DY_UTIL_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "dyad.h"

/* Growable byte buffer (malloc-backed; always NUL-terminated after a push). */
typedef struct dy_buf { char *data; size_t len, cap; } dy_buf;
int buf_reserve(dy_buf *b, size_t extra);         /* 0 ok, -1 no memory */
int buf_push(dy_buf *b, const void *p, size_t n);
int buf_putc(dy_buf *b, int c);
int buf_printf(dy_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_clear(dy_buf *b);
void buf_free(dy_buf *b);

/* FNV-1a 64 and a fast mixing hash for feature hashing */
uint64_t hash_bytes(const void *p, size_t n);
static inline uint64_t hash_mix(uint64_t h, uint64_t v) {
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdULL;
}

/* Whole file into memory (malloc). path "-" reads stdin. Fills err on failure. */
char *file_read_all(const char *path, size_t *len, size_t limit, dyad_error *err);
/* Read-only memory map; falls back to file_read_all for pipes. */
typedef struct dy_map { const unsigned char *data; size_t len; int mapped; } dy_map;
int file_map(const char *path, dy_map *m, dyad_error *err);
void file_unmap(dy_map *m);
int path_is_dir(const char *path);
int path_exists(const char *path);

/* JSON: write a quoted, escaped string (invalid UTF-8 bytes become U+FFFD). */
void json_put_str(FILE *out, const char *s, size_t len);
void json_put_cstr(FILE *out, const char *s); /* NULL -> null */
void buf_json_str(dy_buf *b, const char *s, size_t len);

/* Dates: parse the leading YYYY-MM-DD (or YYYYMMDD) of s into days since
 * 1970-01-01; returns 0 on success. */
int date_parse(const char *s, int32_t *days);
void date_format(int32_t days, char out[11]);
/* Normalise any ISO-8601-ish or RFC-822-ish date to YYYY-MM-DD in out; 0 ok */
int date_normalize(const char *s, char out[11]);

/* UTF-8 helpers */
int utf8_valid(const char *s, size_t n);      /* 1 if valid */
/* Decode one code point at s (n bytes left); returns bytes used (1 for an
 * invalid byte, *cp = 0xFFFD). */
int utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
int utf8_encode(uint32_t cp, char out[4]);

/* Number of online cores (>= 1) */
int cpu_count(void);
/* Monotonic seconds */
double now_seconds(void);
#endif

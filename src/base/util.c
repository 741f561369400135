/* util.c - implementations of the shared helpers declared in util.h. */
#include "util.h"
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int buf_reserve(dy_buf *b, size_t extra) {
    if (b->len + extra + 1 <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1) {
        if (cap > ((size_t)-1) / 2) return -1;
        cap *= 2;
    }
    char *p = realloc(b->data, cap);
    if (!p) return -1;
    b->data = p;
    b->cap = cap;
    return 0;
}

int buf_push(dy_buf *b, const void *p, size_t n) {
    if (buf_reserve(b, n)) return -1;
    if (n) memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = 0;
    return 0;
}

int buf_putc(dy_buf *b, int c) {
    char ch = (char)c;
    return buf_push(b, &ch, 1);
}

int buf_printf(dy_buf *b, const char *fmt, ...) {
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || buf_reserve(b, (size_t)n)) {
        va_end(ap2);
        return -1;
    }
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    b->len += (size_t)n;
    return 0;
}

void buf_clear(dy_buf *b) {
    b->len = 0;
    if (b->data) b->data[0] = 0;
}

void buf_free(dy_buf *b) {
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

uint64_t hash_bytes(const void *p, size_t n) {
    const unsigned char *s = p;
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

char *file_read_all(const char *path, size_t *len, size_t limit, dyad_error *err) {
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        dyad_error_set(err, DYAD_EIO, path, 0, -1, "cannot open: %s", strerror(errno));
        return NULL;
    }
    dy_buf b = {0};
    char tmp[65536];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0) {
        if (limit && b.len + n > limit) {
            dyad_error_set(err, DYAD_ENOMEM, path, 0, (long long)b.len,
                           "input larger than the %zu-byte limit", limit);
            buf_free(&b);
            if (f != stdin) fclose(f);
            return NULL;
        }
        if (buf_push(&b, tmp, n)) {
            dyad_error_set(err, DYAD_ENOMEM, path, 0, (long long)b.len, "out of memory");
            buf_free(&b);
            if (f != stdin) fclose(f);
            return NULL;
        }
    }
    int bad = ferror(f);
    if (f != stdin) fclose(f);
    if (bad) {
        dyad_error_set(err, DYAD_EIO, path, 0, (long long)b.len, "read error");
        buf_free(&b);
        return NULL;
    }
    if (!b.data) {
        b.data = malloc(1);
        if (!b.data) return NULL;
        b.data[0] = 0;
    }
    *len = b.len;
    return b.data;
}

int file_map(const char *path, dy_map *m, dyad_error *err) {
    memset(m, 0, sizeof *m);
    int fd = strcmp(path, "-") == 0 ? -1 : open(path, O_RDONLY);
    struct stat st;
    if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
        close(fd);
        if (p != MAP_FAILED) {
            m->data = p;
            m->len = (size_t)st.st_size;
            m->mapped = 1;
            return 0;
        }
    } else if (fd >= 0) {
        close(fd);
    }
    size_t len = 0;
    char *d = file_read_all(path, &len, 0, err);
    if (!d) return -1;
    m->data = (const unsigned char *)d;
    m->len = len;
    return 0;
}

void file_unmap(dy_map *m) {
    if (!m->data) return;
    if (m->mapped) munmap((void *)m->data, m->len);
    else free((void *)m->data);
    memset(m, 0, sizeof *m);
}

int path_is_dir(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int path_exists(const char *path) {
    struct stat st;
    return stat(path, &st) == 0;
}

int utf8_decode(const unsigned char *s, size_t n, uint32_t *cp) {
    unsigned c = s[0];
    if (c < 0x80) { *cp = c; return 1; }
    int need;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) { need = 1; v = c & 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { need = 2; v = c & 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { need = 3; v = c & 0x07; min = 0x10000; }
    else { *cp = 0xFFFD; return 1; }
    if ((size_t)need >= n) { *cp = 0xFFFD; return 1; }
    for (int i = 1; i <= need; i++) {
        if ((s[i] & 0xC0) != 0x80) { *cp = 0xFFFD; return 1; }
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) { *cp = 0xFFFD; return 1; }
    *cp = v;
    return need + 1;
}

int utf8_encode(uint32_t cp, char out[4]) {
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) { out[0] = (char)(0xC0 | (cp >> 6)); out[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12)); out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F)); return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18)); out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

int utf8_valid(const char *s, size_t n) {
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        if (p[i] < 0x80) { i++; continue; }
        uint32_t cp;
        int k = utf8_decode(p + i, n - i, &cp);
        if (cp == 0xFFFD && k == 1) return 0;
        i += (size_t)k;
    }
    return 1;
}

static void json_str_common(void (*put)(void *, const char *, size_t), void *ctx, const char *s,
                            size_t len) {
    put(ctx, "\"", 1);
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, run = 0;
    while (i < len) {
        unsigned c = p[i];
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') { i++; run++; continue; }
        if (run) put(ctx, (const char *)p + i - run, run);
        run = 0;
        char esc[8];
        if (c == '"') put(ctx, "\\\"", 2);
        else if (c == '\\') put(ctx, "\\\\", 2);
        else if (c == '\n') put(ctx, "\\n", 2);
        else if (c == '\r') put(ctx, "\\r", 2);
        else if (c == '\t') put(ctx, "\\t", 2);
        else if (c < 0x20) { snprintf(esc, sizeof esc, "\\u%04x", c); put(ctx, esc, 6); }
        else {
            uint32_t cp;
            int k = utf8_decode(p + i, len - i, &cp);
            if (cp == 0xFFFD && k == 1) put(ctx, "\xEF\xBF\xBD", 3);
            else put(ctx, (const char *)p + i, (size_t)k);
            i += (size_t)k;
            continue;
        }
        i++;
    }
    if (run) put(ctx, (const char *)p + i - run, run);
    put(ctx, "\"", 1);
}

static void put_file(void *ctx, const char *s, size_t n) { fwrite(s, 1, n, (FILE *)ctx); }
static void put_buf(void *ctx, const char *s, size_t n) { buf_push((dy_buf *)ctx, s, n); }

void json_put_str(FILE *out, const char *s, size_t len) { json_str_common(put_file, out, s, len); }
void json_put_cstr(FILE *out, const char *s) {
    if (!s) fputs("null", out);
    else json_put_str(out, s, strlen(s));
}
void buf_json_str(dy_buf *b, const char *s, size_t len) { json_str_common(put_buf, b, s, len); }

/* days from civil (Howard Hinnant's algorithm) */
static int32_t days_from_civil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int32_t)doe - 719468;
}

void date_format(int32_t z, char out[11]) {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = (unsigned)(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int y = (int)yoe + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
    snprintf(out, 11, "%04d-%02u-%02u", y % 10000, m % 100, d % 100);
}

static int digits(const char *s, int n) {
    int v = 0;
    if (n > 8) return -1; /* no date part has more digits; also keeps v in range */
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int date_parse(const char *s, int32_t *days) {
    if (!s) return -1;
    int y, m, d;
    if (strlen(s) >= 10 && s[4] == '-' && s[7] == '-') {
        y = digits(s, 4); m = digits(s + 5, 2); d = digits(s + 8, 2);
    } else if (strlen(s) >= 8) {
        y = digits(s, 4); m = digits(s + 4, 2); d = digits(s + 6, 2);
    } else {
        return -1;
    }
    if (y < 1000 || m < 1 || m > 12 || d < 1 || d > 31) return -1;
    *days = days_from_civil(y, (unsigned)m, (unsigned)d);
    return 0;
}

int date_normalize(const char *s, char out[11]) {
    if (!s) return -1;
    while (*s == ' ' || *s == '\t') s++;
    int32_t days;
    if (date_parse(s, &days) == 0) {
        date_format(days, out);
        return 0;
    }
    /* RFC 822: "Mon, 08 Apr 2024 10:00:00 GMT" or "8 April 2024" */
    static const char *mon[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                "jul", "aug", "sep", "oct", "nov", "dec"};
    int d = -1, m = -1, y = -1;
    const char *p = s;
    while (*p) {
        while (*p && !((*p >= '0' && *p <= '9') || ((*p | 32) >= 'a' && (*p | 32) <= 'z'))) p++;
        const char *w = p;
        while (*p && ((*p >= '0' && *p <= '9') || ((*p | 32) >= 'a' && (*p | 32) <= 'z'))) p++;
        size_t n = (size_t)(p - w);
        if (!n) break;
        if (w[0] >= '0' && w[0] <= '9') {
            int v = digits(w, (int)n);
            if (n == 4 && y < 0) y = v;
            else if (n <= 2 && d < 0) d = v;
        } else if (n >= 3 && m < 0) {
            for (int i = 0; i < 12; i++)
                if ((w[0] | 32) == mon[i][0] && (w[1] | 32) == mon[i][1] && (w[2] | 32) == mon[i][2])
                    m = i + 1;
        }
    }
    if (y < 1000 || m < 1 || d < 1 || d > 31) return -1;
    date_format(days_from_civil(y, (unsigned)m, (unsigned)d), out);
    return 0;
}

int cpu_count(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

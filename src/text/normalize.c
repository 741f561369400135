/* normalize.c - bytes to clean Unicode: drop a BOM, NULs and control
 * characters, turn CRLF/CR into LF, repair invalid UTF-8 to U+FFFD, then put
 * the text in NFC. Every output byte keeps the raw offset it came from.
 *
 * Two passes: repair (always) and NFC (only over runs of non-ASCII text, so
 * English news costs one cheap pass). */
#include <string.h>
#include <utf8proc.h>
#include "clean_internal.h"
#include "../base/arena.h"
#include "../base/util.h"

typedef struct out_buf {
    dyad_arena *a;
    char *text;
    uint32_t *map;
    size_t len, cap;
    int failed;
} out_buf;

static int out_reserve(out_buf *o, size_t extra) {
    if (o->len + extra + 1 <= o->cap) return 0;
    size_t cap = o->cap ? o->cap : 64;
    while (cap < o->len + extra + 1) cap *= 2;
    char *t = arena_grow(o->a, o->text, o->len, cap, 1);
    uint32_t *m = arena_grow(o->a, o->map, o->len, cap, sizeof *m);
    if (!t || !m) {
        o->failed = 1;
        return -1;
    }
    o->text = t;
    o->map = m;
    o->cap = cap;
    return 0;
}

static inline void out_bytes(out_buf *o, const char *p, size_t n, uint32_t raw_off) {
    if (out_reserve(o, n)) return;
    memcpy(o->text + o->len, p, n);
    for (size_t i = 0; i < n; i++) o->map[o->len + i] = raw_off;
    o->len += n;
}

/* Characters that carry no text: C0/C1 controls (but tab and newline),
 * zero-width spaces and joiners used as page glue, stray BOMs. */
static int cp_is_dropped(uint32_t cp) {
    if (cp < 0x20) return cp != '\t' && cp != '\n';
    if (cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) return 1;
    return cp == 0x200B || cp == 0xFEFF || cp == 0x2060 || cp == 0x00AD;
}

/* Eight bytes at a time (SWAR): does the word at p hold a byte outside
 * printable ASCII 0x20..0x7E? */
#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull
static inline int word_has_non_printable(const unsigned char *p) {
    uint64_t x;
    memcpy(&x, p, sizeof x);
    uint64_t below_space = (x - ONES * 0x20) & ~x & HIGHS; /* exact when no byte >= 0x80 */
    uint64_t del = x ^ (ONES * 0x7F);
    uint64_t is_del = (del - ONES) & ~del & HIGHS;
    return ((x & HIGHS) | below_space | is_del) != 0;
}

static int is_ascii(const unsigned char *s, size_t n) {
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, sizeof x);
        if (x & HIGHS) return 0;
    }
    for (; i < n; i++)
        if (s[i] >= 0x80) return 0;
    return 1;
}

/* Pass 1: repair. */
static void repair(out_buf *o, const unsigned char *s, const uint32_t *src_map, size_t n) {
    size_t i = 0;
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) i = 3;
    if (out_reserve(o, n + n / 8 + 16)) return;
    while (i < n && !o->failed) {
        uint32_t raw = src_map ? src_map[i] : (uint32_t)i;
        unsigned char c = s[i];
        if (c >= 0x20 && c < 0x7F) { /* plain ASCII: the common case */
            size_t j = i + 1;
            while (j + 8 <= n && !word_has_non_printable(s + j)) j += 8;
            while (j < n && s[j] >= 0x20 && s[j] < 0x7F) j++;
            if (out_reserve(o, j - i)) return;
            memcpy(o->text + o->len, s + i, j - i);
            uint32_t *m = o->map + o->len;
            if (src_map) memcpy(m, src_map + i, (j - i) * sizeof *m);
            else
                for (size_t k = 0; k < j - i; k++) m[k] = (uint32_t)(i + k);
            o->len += j - i;
            i = j;
            continue;
        }
        if (c == '\r') {
            out_bytes(o, "\n", 1, raw);
            i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
            continue;
        }
        uint32_t cp;
        int used = utf8_decode(s + i, n - i, &cp);
        if (used <= 0) used = 1;
        if (cp == 0x2028 || cp == 0x2029 || cp == '\f' || cp == '\v') {
            out_bytes(o, "\n", 1, raw);
        } else if (cp == 0xA0 || cp == 0x202F || cp == 0x2007) {
            out_bytes(o, " ", 1, raw); /* no-break spaces: plain spaces for the segmenter */
        } else if (!cp_is_dropped(cp)) {
            char enc[4];
            int k = utf8_encode(cp, enc);
            out_bytes(o, enc, (size_t)k, raw);
        }
        i += (size_t)used;
    }
}

#define NFC_RUN_MAX 96 /* code points per normalized run; a run ends before a starter */

/* Normalize one run of valid UTF-8 (run_len bytes at src). Emits the
 * original bytes when NFC changes nothing. */
static void nfc_run(out_buf *o, const char *src, const uint32_t *map, size_t run_len) {
    utf8proc_int32_t buf[NFC_RUN_MAX * 4 + 8];
    utf8proc_ssize_t n = utf8proc_decompose((const utf8proc_uint8_t *)src, (utf8proc_ssize_t)run_len,
                                            buf, (utf8proc_ssize_t)(sizeof buf / sizeof buf[0]),
                                            UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (n < 0 || (size_t)n > sizeof buf / sizeof buf[0]) {
        for (size_t i = 0; i < run_len; i++) out_bytes(o, src + i, 1, map[i]);
        return;
    }
    n = utf8proc_normalize_utf32(buf, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    char enc[NFC_RUN_MAX * 16 + 32];
    size_t elen = 0;
    for (utf8proc_ssize_t k = 0; k < n && elen + 4 < sizeof enc; k++)
        elen += (size_t)utf8proc_encode_char(buf[k], (utf8proc_uint8_t *)enc + elen);
    if (elen == run_len && memcmp(enc, src, run_len) == 0) {
        if (out_reserve(o, run_len)) return;
        memcpy(o->text + o->len, src, run_len);
        memcpy(o->map + o->len, map, run_len * sizeof *map);
        o->len += run_len;
        return;
    }
    /* changed: each output character maps to the raw byte of the input
     * character at the same code point position when there is one */
    size_t in_pos = 0, out_pos = 0;
    while (out_pos < elen) {
        uint32_t cp, icp;
        int ol = utf8_decode((const unsigned char *)enc + out_pos, elen - out_pos, &cp);
        out_bytes(o, enc + out_pos, (size_t)ol, map[in_pos < run_len ? in_pos : run_len - 1]);
        out_pos += (size_t)ol;
        if (in_pos >= run_len) continue;
        in_pos += (size_t)utf8_decode((const unsigned char *)src + in_pos, run_len - in_pos, &icp);
        if (out_pos >= elen) break;
        utf8_decode((const unsigned char *)enc + out_pos, elen - out_pos, &cp);
        if (utf8proc_get_property((utf8proc_int32_t)cp)->combining_class != 0) continue;
        /* the next output character is a starter: marks composed into this one are skipped */
        while (in_pos < run_len) {
            int il = utf8_decode((const unsigned char *)src + in_pos, run_len - in_pos, &icp);
            if (utf8proc_get_property((utf8proc_int32_t)icp)->combining_class == 0) break;
            in_pos += (size_t)il;
        }
    }
}

/* Pass 2: NFC over runs of non-ASCII characters (with the ASCII letter
 * before them, which may take a combining accent). */
static void nfc(out_buf *o, const char *s, const uint32_t *map, size_t n) {
    if (out_reserve(o, n + 16)) return;
    size_t i = 0;
    while (i < n && !o->failed) {
        size_t j = i;
        while (j < n && (unsigned char)s[j] < 0x80) j++;
        if (j == n) {
            if (out_reserve(o, n - i)) return;
            memcpy(o->text + o->len, s + i, n - i);
            memcpy(o->map + o->len, map + i, (n - i) * sizeof *map);
            o->len += n - i;
            break;
        }
        size_t start = j;
        if (start > i) start--; /* the ASCII character before may combine */
        if (out_reserve(o, start - i)) return;
        memcpy(o->text + o->len, s + i, start - i);
        memcpy(o->map + o->len, map + i, (start - i) * sizeof *map);
        o->len += start - i;
        /* extend over non-ASCII code points, ending before a starter when long */
        size_t end = j, cps = 0;
        while (end < n && (unsigned char)s[end] >= 0x80) {
            uint32_t cp;
            int l = utf8_decode((const unsigned char *)s + end, n - end, &cp);
            if (cps >= NFC_RUN_MAX / 2 &&
                utf8proc_get_property((utf8proc_int32_t)cp)->combining_class == 0)
                break;
            if (cps >= NFC_RUN_MAX) break;
            end += (size_t)l;
            cps++;
        }
        nfc_run(o, s + start, map + start, end - start);
        i = end;
    }
}

int clean_normalize(dyad_arena *a, const char *src, const uint32_t *src_map, size_t n, clean_text *out) {
    out_buf r = {.a = a};
    repair(&r, (const unsigned char *)src, src_map, n);
    if (r.failed) return -1;
    /* NFC is the identity on ASCII: the second pass only for other text */
    if (!is_ascii((const unsigned char *)r.text, r.len)) {
        out_buf f = {.a = a};
        nfc(&f, r.text, r.map, r.len);
        if (f.failed) return -1;
        r = f;
    }
    if (out_reserve(&r, 0)) return -1;
    r.text[r.len] = 0;
    out->text = r.text;
    out->map = r.map;
    out->len = r.len;
    return 0;
}

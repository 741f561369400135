/* features.c - hashed surface features of one token (lowercase form, affixes,
 * shape, capitalisation), computed once per token and reused by the tagger
 * and the parser. */
#include <ctype.h>
#include <string.h>
#include "nlp_internal.h"

enum { MAXW = 96 };

static uint64_t h_str(const char *s, size_t n, uint64_t salt) { return hash_mix(hash_bytes(s, n), salt); }

/* Typographic quotes, common in news and rare in the treebank, look like
 * their ASCII forms to the models: ’ ‚ -> ' and “ ” „ -> ". An opening single
 * quote (‘ ‛) is read as " : read as ' it looked like a possessive ("China
 * ‘gravely concerned’" had ‘ as PART/case). */
static const char *ascii_quotes(const char *form, char *buf, size_t cap) {
    if (!strstr(form, "\xe2\x80")) return form;
    size_t k = 0;
    for (const unsigned char *p = (const unsigned char *)form; *p && k + 1 < cap; p++) {
        if (p[0] == 0xe2 && p[1] == 0x80 && p[2] >= 0x98 && p[2] <= 0x9f) {
            buf[k++] = p[2] == 0x99 || p[2] == 0x9a ? '\'' : '"';
            p += 2;
        } else {
            buf[k++] = (char)*p;
        }
    }
    buf[k] = 0;
    return buf;
}

uint64_t nlp_lower_hash(const char *low, size_t n) { return h_str(low, n, 1); }

void nlp_word_features(const char *form, nlp_word *w) {
    memset(w, 0, sizeof *w);
    if (!form) form = "";
    char plain[MAXW + 1];
    form = ascii_quotes(form, plain, sizeof plain);
    size_t n = strlen(form);
    char low[MAXW];
    size_t m = n < MAXW ? n : MAXW;
    int upper = 0, lower = 0, digit = 0, alpha = 0;
    for (size_t i = 0; i < m; i++) {
        unsigned char c = (unsigned char)form[i];
        low[i] = (char)(c < 128 ? tolower(c) : c);
        if (c < 128) {
            if (isupper(c)) upper++;
            else if (islower(c)) lower++;
            else if (isdigit(c)) digit++;
            if (isalpha(c)) alpha++;
            if (c == '-') w->flags |= W_HYPHEN;
        } else {
            alpha++;
        }
    }
    if (m && (unsigned char)form[0] < 128 && isupper((unsigned char)form[0])) w->flags |= W_UPPER1;
    if (upper >= 2 && !lower) w->flags |= W_ALLCAPS;
    if (digit) w->flags |= W_DIGIT;
    if (lower && !upper) w->flags |= W_LOWER;
    if (!alpha && !digit) w->flags |= W_PUNCT;
    w->lower = h_str(low, m, 1);
    w->raw = h_str(form, m, 2);
    /* numbers share their shape rather than their digits */
    char shape[8];
    size_t k = 0;
    char last = 0;
    int run = 0;
    for (size_t i = 0; i < m && k < sizeof shape; i++) {
        unsigned char c = (unsigned char)form[i];
        char s = c >= 128 ? 'u' : isupper(c) ? 'X' : islower(c) ? 'x' : isdigit(c) ? 'd' : (char)c;
        if (s == last) {
            if (++run > 1) continue;
        } else {
            run = 0;
        }
        last = s;
        shape[k++] = s;
    }
    w->shape = h_str(shape, k, 3);
    for (int j = 0; j < 4; j++) {
        size_t l = (size_t)j + 1;
        w->suf[j] = l <= m ? h_str(low + m - l, l, 10 + j) : 0;
        if (j < 3) w->pre[j] = l <= m ? h_str(low, l, 20 + j) : 0;
    }
    w->suf5 = m >= 5 ? h_str(low + m - 5, 5, 15) : 0;
    const char *dash = (w->flags & W_HYPHEN) ? memchr(low, '-', m) : NULL;
    for (const char *d = dash; d; d = memchr(d + 1, '-', (size_t)(low + m - d - 1))) dash = d;
    if (dash && dash + 1 < low + m) w->tail = h_str(dash + 1, (size_t)(low + m - dash - 1), 16);
    if (digit && digit + 2 >= (int)m) w->lower = h_str(shape, k, 4);
}

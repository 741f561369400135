/* tokenize.c - clean text -> UD/EWT-style tokens with byte offsets.
 *
 * One left-to-right pass over the bytes, classified by a table for ASCII and
 * by Unicode category above it. Words keep their inner periods, commas, colons
 * and slashes where EWT does (U.S., 3.5, 1,000, 03:38, 10/20/04); clitics are
 * split off ("do" "n't", "Japan" "'s") and flagged TOK_JOINED so the writer
 * can give the orthographic word as a multi-word token; hyphenated words are
 * split unless the first part is a prefix EWT keeps (non-, pre-, e-). URLs,
 * e-mail addresses, @handles and #tags stay whole. No allocation except the
 * token array and the forms, both in the document arena. */
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>
#include "segment.h"
#include "../base/arena.h"
#include "../base/util.h"

enum { K_SPACE, K_UPPER, K_LOWER, K_DIGIT, K_ALPHA, K_PUNCT, K_SYM };

/* S space/control, P punctuation, Y symbol, D digit, U upper, L lower */
#define S K_SPACE
#define P K_PUNCT
#define Y K_SYM
#define D K_DIGIT
#define U K_UPPER
#define L K_LOWER
static const unsigned char ascii_class[128] = {
    S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
    S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
    S, P, P, P, Y, Y, P, P, P, P, P, Y, P, P, P, P,
    D, D, D, D, D, D, D, D, D, D, P, P, Y, Y, Y, P,
    P, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, P, P, P, Y, P,
    Y, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
    L, L, L, L, L, L, L, L, L, L, L, P, Y, P, Y, S,
};
#undef S
#undef P
#undef Y
#undef D
#undef U
#undef L

typedef struct tk {
    dyad_doc *doc;
    const unsigned char *t;
    size_t n;
    int failed;
    /* the current whitespace-delimited chunk's first '@' and the start of
     * the e-mail characters before it: an address is tried once per chunk,
     * so a long chunk is never rescanned from every word in it */
    size_t chunk_end, at_pos, email_from;
    int email_tried;
} tk;

/* class of the non-ASCII character at i; *len = its byte length */
static int class_above_ascii(const unsigned char *t, size_t n, size_t i, size_t *len) {
    uint32_t cp;
    int l = utf8_decode(t + i, n - i, &cp);
    *len = (size_t)l;
    switch (cp) {
    case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F:
    case 0x3000: case 0x200B: case 0xFEFF:
        return K_SPACE;
    default: break;
    }
    if (cp >= 0x2000 && cp <= 0x200A) return K_SPACE;
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT: return K_UPPER;
    case UTF8PROC_CATEGORY_LL: return K_LOWER;
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_CF:
        return K_ALPHA;
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return K_DIGIT;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
        return K_SPACE;
    case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SC: case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO: case UTF8PROC_CATEGORY_CO: case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CN:
        return K_SYM;
    default: return K_PUNCT;
    }
}

/* class of the character at i; *len = its byte length */
static inline int class_at(const unsigned char *t, size_t n, size_t i, size_t *len) {
    if (t[i] < 0x80) { *len = 1; return ascii_class[t[i]]; }
    return class_above_ascii(t, n, i, len);
}

static int is_word_class(int k) { return k == K_UPPER || k == K_LOWER || k == K_DIGIT || k == K_ALPHA; }
static int is_ascii_alnum(unsigned char c) { return c < 0x80 && ascii_class[c] >= K_UPPER && ascii_class[c] <= K_DIGIT; }
static int is_ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_ascii_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

static int word_at(const tk *k, size_t i) {
    size_t l;
    return i < k->n && is_word_class(class_at(k->t, k->n, i, &l));
}

static size_t apos_len(const tk *k, size_t i) {
    if (i >= k->n) return 0;
    if (k->t[i] == '\'') return 1;
    if (i + 3 <= k->n && k->t[i] == 0xE2 && k->t[i + 1] == 0x80 && k->t[i + 2] == 0x99) return 3;
    return 0;
}

static void emit(tk *k, size_t b, size_t e, uint16_t flags) {
    if (e <= b || k->failed) return;
    dyad_token *tok = dyad_doc_add_token(k->doc);
    char *form = tok ? arena_strndup(k->doc->arena, (const char *)k->t + b, e - b) : NULL;
    if (!form) { k->failed = 1; return; }
    tok->off = (uint32_t)b;
    tok->len = (uint32_t)(e - b);
    tok->form = form;
    tok->flags = flags;
    size_t l;
    tok->space_after = e < k->n && class_at(k->t, k->n, e, &l) == K_SPACE;
}

static int starts_ci(const tk *k, size_t i, const char *p) {
    size_t m = strlen(p);
    return i + m <= k->n && strncasecmp((const char *)k->t + i, p, m) == 0;
}

/* trailing characters that belong to the sentence, not to a URL */
static size_t trim_url_end(const tk *k, size_t b, size_t e) {
    int open_paren = 0;
    for (size_t i = b; i < e; i++) open_paren += k->t[i] == '(' ? 1 : k->t[i] == ')' ? -1 : 0;
    while (e > b + 1) {
        unsigned char c = k->t[e - 1];
        if (c == ')' && open_paren < 0) { open_paren++; e--; continue; }
        if (strchr(".,;:!?'\"]>", c)) { e--; continue; }
        if (e >= b + 4 && k->t[e - 3] == 0xE2 && k->t[e - 2] == 0x80 &&
            (k->t[e - 1] == 0x99 || k->t[e - 1] == 0x9D)) { e -= 3; continue; }
        break;
    }
    return e;
}

static size_t nonspace_end(const tk *k, size_t i) {
    size_t l;
    while (i < k->n && class_at(k->t, k->n, i, &l) != K_SPACE) i += l;
    return i;
}

/* http://..., www.x.org: the whole run up to the next space, trimmed */
static size_t scan_url(tk *k, size_t i) {
    unsigned char c0 = k->t[i] | 0x20, c1 = i + 3 < k->n ? (k->t[i + 1] | 0x20) : 0;
    if (!((c0 == 'h' && c1 == 't') || (c0 == 'f' && c1 == 't') || (c0 == 'w' && c1 == 'w'))) return 0;
    if (!(starts_ci(k, i, "http://") || starts_ci(k, i, "https://") || starts_ci(k, i, "ftp://") ||
          (starts_ci(k, i, "www.") && i + 4 < k->n && is_ascii_alnum(k->t[i + 4]))))
        return 0;
    size_t e = trim_url_end(k, i, nonspace_end(k, i));
    emit(k, i, e, 0);
    return e;
}

static int email_char(unsigned char c) { return is_ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'; }

/* Could an e-mail address start at word start i? Only words followed by
 * one of "@._%+-" are looked at further; for those the whitespace-delimited
 * chunk is scanned once for its first '@' and the e-mail characters before
 * it, so an address is tried once per chunk and no chunk is rescanned. */
static int may_be_email(tk *k, size_t i) {
    size_t j = i;
    while (j < k->n && is_ascii_alnum(k->t[j])) j++;
    if (j >= k->n) return 0;
    unsigned char c = k->t[j];
    if (c != '@' && c != '.' && c != '_' && c != '%' && c != '+' && c != '-') return 0;
    if (i >= k->chunk_end) {
        size_t b = i;
        while (b > 0 && email_char(k->t[b - 1])) b--; /* the chunk may have started earlier */
        k->chunk_end = nonspace_end(k, i);
        const unsigned char *at = memchr(k->t + b, '@', k->chunk_end - b);
        k->at_pos = at ? (size_t)(at - k->t) : SIZE_MAX;
        k->email_from = k->at_pos;
        while (at && k->email_from > b && email_char(k->t[k->email_from - 1])) k->email_from--;
        k->email_tried = !at;
    }
    return 1;
}

/* name@host.tld */
static size_t scan_email(tk *k, size_t i) {
    if (k->email_tried || i < k->email_from || i >= k->at_pos) return 0;
    k->email_tried = 1;
    size_t j = i;
    while (j < k->n && email_char(k->t[j])) j++;
    if (j == i || j >= k->n || k->t[j] != '@') return 0;
    size_t d = j + 1, e = d, dots = 0;
    while (e < k->n && (is_ascii_alnum(k->t[e]) || k->t[e] == '.' || k->t[e] == '-')) dots += k->t[e++] == '.';
    while (e > d && (k->t[e - 1] == '.' || k->t[e - 1] == '-')) dots -= k->t[--e] == '.';
    int caps_host = e - d >= 2;
    for (size_t q = d; q < e && caps_host; q++) caps_host = k->t[q] >= 'A' && k->t[q] <= 'Z';
    if ((!dots && !caps_host) || e == d || !is_ascii_alpha(k->t[e - 1])) return 0;
    emit(k, i, e, 0);
    return e;
}

/* words EWT writes as two syntactic words without an apostrophe; *joined:
 * they stay one orthographic (multi-word) token, as "cannot" does, unlike
 * "alot" which EWT splits into two plain tokens */
static size_t fused_split(const char *w, size_t len, int *joined) {
    static const struct { const char *word; size_t cut; int joined; } fused[] = {
        {"cannot", 3, 1}, {"gonna", 3, 1}, {"wanna", 3, 1}, {"gotta", 3, 1}, {"dont", 2, 1},
        {"didnt", 3, 1}, {"doesnt", 4, 1}, {"isnt", 2, 1}, {"wasnt", 3, 1}, {"couldnt", 5, 1},
        {"wouldnt", 5, 1}, {"shouldnt", 6, 1}, {"wont", 2, 1}, {"alot", 1, 0}, {NULL, 0, 0}};
    if (len < 4 || len > 8) return 0; /* the common case */
    char last = (char)(w[len - 1] | 0x20);
    if (last != 't' && last != 'a') return 0; /* every entry ends so */
    switch (w[0] | 0x20) {
    case 'a': case 'c': case 'g': case 'w': case 'd': case 'i': case 's': break;
    default: return 0;
    }
    char first = (char)(w[0] | 0x20);
    for (size_t i = 0; fused[i].word; i++)
        if (fused[i].word[0] == first && strlen(fused[i].word) == len &&
            strncasecmp(fused[i].word, w, len) == 0) {
            *joined = fused[i].joined;
            return fused[i].cut;
        }
    return 0;
}

/* does the period right after the word [b, e) belong to it? */
static int keeps_period(const tk *k, size_t b, size_t e, int inner_dots) {
    const char *w = (const char *)k->t + b;
    size_t len = e - b;
    if (len == 1 && is_ascii_alpha(k->t[b])) return 1; /* an initial: "K." */
    if (inner_dots) { /* U.S, e.g, a.m, Ph.D: every part short */
        size_t part = 0;
        for (size_t i = b; i < e; i++) {
            if (k->t[i] == '.') part = 0;
            else if (!is_ascii_alpha(k->t[i]) || ++part > 2) return 0;
        }
        return 1;
    }
    return abbrev_is_known(w, len);
}

/* a word starting at i (a word character): emits it and any clitic */
static size_t scan_word(tk *k, size_t i) {
    const unsigned char *t = k->t;
    size_t n = k->n, j = i, part = i, clitic_b = 0, clitic_e = 0, l;
    int inner_dots = 0;
    while (j < n) {
        int c = class_at(t, n, j, &l);
        if (is_word_class(c)) { j += l; continue; }
        unsigned char ch = t[j];
        unsigned char prev = t[j - 1];
        if (ch == '.' && is_ascii_alnum(prev) && j + 1 < n && is_ascii_alnum(t[j + 1])) {
            inner_dots = 1; j++; continue;
        }
        if (ch == ',' && is_ascii_digit(prev) && j + 3 < n && is_ascii_digit(t[j + 1]) &&
            is_ascii_digit(t[j + 2]) && is_ascii_digit(t[j + 3]) && (j + 4 >= n || !is_ascii_digit(t[j + 4]))) {
            j++; continue;
        }
        if ((ch == ':' || ch == '/') && is_ascii_digit(prev) && j + 1 < n && is_ascii_digit(t[j + 1])) { j++; continue; }
        if (ch == '/' && is_ascii_alpha(prev) && j + 1 < n && is_ascii_alpha(t[j + 1]) && j - part <= 2) { j++; part = j; continue; }
        if (ch == '_' && is_ascii_alnum(prev) && j + 1 < n && is_ascii_alnum(t[j + 1])) { j++; continue; } /* file_name */
        if (ch == '&' && prev >= 'A' && prev <= 'Z' && j + 1 < n && t[j + 1] >= 'A' && t[j + 1] <= 'Z') { j++; continue; }
        if (ch == '-' && word_at(k, j + 1)) {
            int digits_around = is_ascii_digit(prev) && is_ascii_digit(t[j + 1]);
            int has_digit = 0;
            for (size_t q = part; q < j; q++) has_digit |= is_ascii_digit(t[q]);
            if (hyphen_prefix_kept((const char *)t + part, j - part) || (digits_around && has_digit)) {
                j++; part = j; continue;
            }
            break;
        }
        size_t al = apos_len(k, j);
        if (al) {
            size_t a = j + al, m = a;
            while (m < n && m - a < 3 && is_ascii_alpha(t[m])) m++;
            if (m > a && !word_at(k, m)) {
                const char *r = (const char *)t + a;
                size_t rl = m - a;
                if ((rl == 1 && strchr("sSdDmM", r[0])) ||
                    (rl == 2 && (!strncasecmp(r, "re", 2) || !strncasecmp(r, "ve", 2) || !strncasecmp(r, "ll", 2)))) {
                    clitic_b = j; clitic_e = m; break;
                }
                if (rl == 1 && (r[0] | 0x20) == 't' && j > i + 1 && (t[j - 1] | 0x20) == 'n') {
                    clitic_b = j - 1; clitic_e = m; break;
                }
            }
            if (m > a) { j = a; continue; } /* O'Brien, rock'n'roll */
            break;
        }
        break;
    }
    if (clitic_e) {
        emit(k, i, clitic_b, 0);
        emit(k, clitic_b, clitic_e, clitic_b > i ? TOK_JOINED : 0);
        return clitic_e;
    }
    if (j < n && t[j] == '.' && !(j + 1 < n && t[j + 1] == '.') && keeps_period(k, i, j, inner_dots)) {
        emit(k, i, j + 1, TOK_ABBREV);
        return j + 1;
    }
    int joined = 0;
    size_t cut = fused_split((const char *)t + i, j - i, &joined);
    if (cut) {
        emit(k, i, i + cut, 0);
        emit(k, i + cut, j, joined ? TOK_JOINED : 0);
        return j;
    }
    emit(k, i, j, 0);
    return j;
}

/* The end of the run of ASCII letters and digits from i, eight bytes at a
 * time: a byte qualifies when it has no high bit and lies in '0'..'9' or,
 * with the case bit set, in 'a'..'z' (each byte's sums stay below 0x100). */
#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull
static size_t alnum_run_end(const unsigned char *t, size_t i, size_t n) {
    size_t j = i;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ /* the first byte is the lowest */
    while (j + 8 <= n) {
        uint64_t x;
        memcpy(&x, t + j, sizeof x);
        uint64_t low7 = x & ~HIGHS, folded = (x | ONES * 0x20) & ~HIGHS;
        uint64_t letter = (folded + ONES * (0x80 - 'a')) & ~(folded + ONES * (0x80 - 'z' - 1));
        uint64_t digit = (low7 + ONES * (0x80 - '0')) & ~(low7 + ONES * (0x80 - '9' - 1));
        uint64_t other = ~((letter | digit) & ~x) & HIGHS;
        if (other) return j + (size_t)__builtin_ctzll(other) / 8;
        j += 8;
    }
#endif
    while (j < n && t[j] < 0x80 && ascii_class[t[j]] >= K_UPPER && ascii_class[t[j]] <= K_DIGIT) j++;
    return j;
}

static int is_rule_char(unsigned char c) {
    return c == '-' || c == '=' || c == '_' || c == '*' || c == '~' || c == '+';
}

/* The fast path for most words: an ASCII letter/digit run ended by a space
 * or by punctuation that can never continue a word. Returns the end, or 0
 * when the general rules (periods, hyphens, apostrophes, URLs...) apply. */
static size_t scan_plain_word(tk *k, size_t i) {
    const unsigned char *t = k->t;
    size_t n = k->n, j = alnum_run_end(t, i, n);
    if (j < n) {
        unsigned char c = t[j];
        if (c >= 0x80) return 0;
        if (ascii_class[c] != K_SPACE && c != ',' && c != ';' && c != '(' && c != ')' && c != '"' &&
            c != '?' && c != '!' && c != '[' && c != ']')
            return 0;
        if (c == ',' && j + 1 < n && is_ascii_digit(t[j + 1])) return 0; /* 1,000 */
    }
    int joined = 0;
    if (fused_split((const char *)t + i, j - i, &joined)) return 0;
    emit(k, i, j, 0);
    return j;
}

static const char *const emoticons[] = {":)", ":(", ":-)", ":-(", ";)", ";-)", ":D", ":P", ":p",
                                        ":-D", ":-P", ":/", "<3", ":o", ":O", NULL};

/* punctuation or a symbol at i */
static size_t scan_punct(tk *k, size_t i, size_t len) {
    const unsigned char *t = k->t;
    size_t n = k->n;
    unsigned char c = t[i];
    if ((c == '@' || c == '#') && i + 1 < n && (is_ascii_alnum(t[i + 1]) || t[i + 1] == '_') &&
        !(c == '#' && is_ascii_digit(t[i + 1]))) { /* @handle, #tag; but "#" "3" */
        size_t e = i + 1;
        while (e < n && (is_ascii_alnum(t[e]) || t[e] == '_')) e++;
        emit(k, i, e, 0);
        return e;
    }
    if (c == ':' || c == ';' || c == '<') {
        size_t l;
        for (size_t q = 0; emoticons[q]; q++) {
            size_t m = strlen(emoticons[q]);
            if (i + m <= n && !memcmp(t + i, emoticons[q], m) && (i + m == n || class_at(t, n, i + m, &l) == K_SPACE)) {
                emit(k, i, i + m, 0);
                return i + m;
            }
        }
    }
    if (c == '.' || c == '!' || c == '?') { /* "...", "?!", "!!!" */
        size_t e = i;
        while (e < n && (t[e] == '.' || t[e] == '!' || t[e] == '?')) e++;
        emit(k, i, e, 0);
        return e;
    }
    if (c == '>' || c == '<' || c == '$' || c == '#') { /* ">>", "$$$" */
        size_t e = i;
        while (e < n && t[e] == c) e++;
        emit(k, i, e, 0);
        return e;
    }
    if (is_rule_char(c)) { /* "--", "==----", "+++": decoration is one token */
        size_t e = i;
        while (e < n && is_rule_char(t[e])) e++;
        emit(k, i, e, 0);
        return e;
    }
    emit(k, i, i + len, 0);
    return i + len;
}

/* News text has a token every 5-6 bytes: room for one every 4 bytes, made
 * once, saves the doubling copies of dyad_doc_add_token. Texts over 1 MB
 * grow as usual, so odd input (megabytes of spaces) costs no big block. */
#define RESERVE_TEXT_MAX (1u << 20)
static void reserve_tokens(dyad_doc *doc, size_t n) {
    if (n > RESERVE_TEXT_MAX) return;
    size_t want = doc->ntokens + n / 4 + 16;
    if (doc->tokens_cap >= want) return;
    dyad_token *p = arena_alloc(doc->arena, want * sizeof *p);
    if (!p) return; /* dyad_doc_add_token reports the shortage */
    if (doc->ntokens) memcpy(p, doc->tokens, doc->ntokens * sizeof *p);
    doc->tokens = p;
    doc->tokens_cap = want;
}

dyad_status tok_tokenize(dyad_doc *doc, const char *text, size_t n, dyad_error *err) {
    tk k = {doc, (const unsigned char *)text, n, 0, 0, SIZE_MAX, 0, 1};
    reserve_tokens(doc, n);
    size_t i = 0, l;
    while (i < n && !k.failed) {
        int c = class_at(k.t, n, i, &l);
        if (c == K_SPACE) { i += l; continue; }
        size_t next = 0;
        if (c != K_ALPHA && is_word_class(c)) next = scan_plain_word(&k, i);
        if (next) {
            /* done: a plain ASCII word */
        } else if (is_word_class(c)) {
            if (c != K_ALPHA) next = scan_url(&k, i);
            if (!next && c != K_ALPHA && may_be_email(&k, i)) next = scan_email(&k, i);
            if (!next) next = scan_word(&k, i);
        } else {
            next = scan_punct(&k, i, l);
        }
        i = next > i ? next : i + l;
    }
    if (k.failed) {
        dyad_error_set(err, DYAD_ENOMEM, doc->input ? doc->input : "-", doc->input_line, -1,
                       "out of memory while tokenizing");
        return DYAD_ENOMEM;
    }
    return DYAD_OK;
}

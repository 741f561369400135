/* read_tabari.c - TABARI text records: a header line "YYMMDD  ID", the text
 * up to a blank line or a "/ *" comment block, and in that comment the
 * expected events "{ SRC / TGT / CODE }" ("{}", "{+++}" or "{---}" mean
 * none). Two-digit years: >= 50 is 19xx, else 20xx. doc->extra is a
 * dy_record whose category is the id's prefix before '-'. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "read_int.h"
#include "../base/arena.h"

#define TABARI_LIMIT ((size_t)512 << 20)

typedef struct tabari_state {
    size_t pos;
    long line;
    int loaded;
    size_t next_closer;  /* cached position of the next "* /" (SIZE_MAX: none) */
    int closer_valid;
    dy_buf options;      /* OPTION commands so far: they hold from their record on */
} tabari_state;

/* An OPTION record changes the coder's settings for the rest of the file, as
 * TABARI's validation runs do. Bounded, so a file of nothing but options
 * cannot make every record copy megabytes. */
#define OPTIONS_LIMIT ((size_t)64 << 10)

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* "950101  DEMO-01" or "950101*INTRO": a record header */
static int header_line(const char *p, size_t n) {
    if (n < 8) return 0;
    for (int i = 0; i < 6; i++)
        if (!is_digit(p[i])) return 0;
    return p[6] == ' ' || p[6] == '\t' || p[6] == '*';
}

static const char *trim(dyad_doc *doc, const char *b, const char *e) {
    while (b < e && (*b == ' ' || *b == '\t')) b++;
    while (e > b && (e[-1] == ' ' || e[-1] == '\t')) e--;
    return arena_strndup(doc->arena, b, (size_t)(e - b));
}

/* "{ OPTION: SET: CODE ALL }" -> "SET: CODE ALL\n" appended to the state */
static void add_option(tabari_state *t, const char *in, const char *close) {
    while (in < close && (*in == ' ' || *in == '\t')) in++;
    if ((size_t)(close - in) < 7 || strncmp(in, "OPTION:", 7)) return;
    in += 7;
    size_t n = (size_t)(close - in);
    if (t->options.len + n + 1 > OPTIONS_LIMIT) return;
    for (size_t i = 0; i < n; i++) buf_putc(&t->options, in[i] == '\n' || in[i] == '\r' ? ' ' : in[i]);
    buf_putc(&t->options, '\n');
}

/* the {...} entries of a comment block */
static int parse_expected(tabari_state *t, dyad_doc *doc, dy_record *rec, const char *b, const char *e) {
    for (const char *p = b; p < e;) {
        const char *open = memchr(p, '{', (size_t)(e - p));
        if (!open) break;
        const char *close = memchr(open, '}', (size_t)(e - open));
        if (!close) break;
        const char *s1 = memchr(open, '/', (size_t)(close - open));
        const char *s2 = s1 ? memchr(s1 + 1, '/', (size_t)(close - s1 - 1)) : NULL;
        if (s1 && s2) {
            dy_expected *x = arena_grow(doc->arena, rec->expected, rec->nexpected, rec->nexpected + 1, sizeof *x);
            if (!x) return -1;
            rec->expected = x;
            x[rec->nexpected++] = (dy_expected){trim(doc, open + 1, s1), trim(doc, s1 + 1, s2), trim(doc, s2 + 1, close)};
        } else {
            add_option(t, open + 1, close);
            const char *in = open + 1;
            while (in < close && *in == ' ') in++;
            if (in == close || *in == '+' || *in == '-') rec->noevents = 1;
        }
        p = close + 1;
    }
    return 0;
}

static int tabari_next(dy_reader *r, dyad_doc *doc, dyad_error *err) {
    tabari_state *t = r->state;
    if (!t->loaded) {
        t->loaded = 1;
        t->line = 1;
        if (reader_slurp(r, TABARI_LIMIT, err)) return READ_FATAL;
    }
    const char *d = r->data.data, *end = d + r->data.len;
    /* find the next header line */
    const char *p = d + t->pos;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (header_line(p, n)) break;
        p = nl ? nl + 1 : end;
        t->line++;
    }
    if (p >= end) { t->pos = r->data.len; return READ_END; }
    r->records++;
    reader_input_name(r, doc);
    doc->input_line = t->line;
    doc->input_offset = p - d;
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *hdr_end = nl ? nl : end;
    int yy = (p[0] - '0') * 10 + (p[1] - '0');
    doc->date = arena_printf(doc->arena, "%d-%c%c-%c%c", yy >= 50 ? 1900 + yy : 2000 + yy, p[2], p[3], p[4], p[5]);
    const char *id = trim(doc, p + 7, hdr_end);
    doc->id = id;
    dy_record *rec = arena_calloc(doc->arena, 1, sizeof *rec);
    if (!rec || !id) {
        dyad_error_set(err, DYAD_ENOMEM, r->path, doc->input_line, doc->input_offset, "out of memory");
        return READ_FATAL;
    }
    rec->evaluate = 1;
    const char *dash = strchr(id, '-');
    rec->category = dash ? arena_strndup(doc->arena, id, (size_t)(dash - id)) : id;
    doc->extra = rec;
    /* text lines up to a blank line or the comment opener */
    const char *text_b = nl ? nl + 1 : end, *q = text_b, *text_e = text_b, *comment = NULL;
    while (q < end) {
        const char *qe = memchr(q, '\n', (size_t)(end - q));
        const char *le = qe ? qe : end;
        const char *c = memmem(q, (size_t)(le - q), "/*", 2);
        int blank = 1;
        for (const char *k = q; k < le; k++)
            if (*k != ' ' && *k != '\t' && *k != '\r') blank = 0;
        if (c) { text_e = c; comment = c; break; }
        if (blank || header_line(q, (size_t)(le - q))) { text_e = q; break; }
        text_e = le;
        q = qe ? qe + 1 : end;
    }
    const char *next = text_e;
    if (comment) {
        /* the block ends at its closer, or (when a record forgot it) before
         * the next record's header line */
        size_t from = (size_t)(comment + 2 - d);
        if (!t->closer_valid || (t->next_closer != SIZE_MAX && t->next_closer < from)) {
            const char *hit = memmem(comment + 2, (size_t)(end - comment - 2), "*/", 2);
            t->next_closer = hit ? (size_t)(hit - d) : SIZE_MAX;
            t->closer_valid = 1;
        }
        const char *ce = t->next_closer == SIZE_MAX ? NULL : d + t->next_closer, *close_end;
        for (const char *k = memchr(comment, '\n', (size_t)(end - comment)); k && k + 1 < end && (!ce || k < ce);
             k = memchr(k + 1, '\n', (size_t)(end - k - 1))) {
            const char *ke = memchr(k + 1, '\n', (size_t)(end - k - 1));
            if (header_line(k + 1, (size_t)((ke ? ke : end) - (k + 1)))) { ce = k + 1; break; }
        }
        if (!ce) {
            t->pos = r->data.len;
            dyad_error_set(err, DYAD_EFORMAT, r->path, doc->input_line, doc->input_offset,
                           "record %s: comment block \"/*\" is never closed", id);
            return READ_BAD_DOC;
        }
        close_end = ce[0] == '*' ? ce + 2 : ce;
        if (parse_expected(t, doc, rec, comment + 2, ce)) {
            dyad_error_set(err, DYAD_ENOMEM, r->path, doc->input_line, doc->input_offset, "out of memory");
            return READ_FATAL;
        }
        next = close_end;
    }
    if (t->options.len && !(doc->code_options = arena_strndup(doc->arena, t->options.data, t->options.len))) {
        dyad_error_set(err, DYAD_ENOMEM, r->path, doc->input_line, doc->input_offset, "out of memory");
        return READ_FATAL;
    }
    for (const char *k = p; k < next; k++) t->line += *k == '\n';
    t->pos = (size_t)(next - d);
    /* collapse the text lines into one paragraph */
    char *raw = arena_alloc(doc->arena, (size_t)(text_e - text_b) + 1);
    if (!raw) {
        dyad_error_set(err, DYAD_ENOMEM, r->path, doc->input_line, doc->input_offset, "out of memory");
        return READ_FATAL;
    }
    size_t n = 0;
    int space = 0;
    for (const char *k = text_b; k < text_e; k++) {
        char c = *k;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') { space = n > 0; continue; }
        if (space) { raw[n++] = ' '; space = 0; }
        raw[n++] = c;
    }
    raw[n] = 0;
    doc->raw = raw;
    doc->raw_len = n;
    doc->content = DYAD_FMT_TEXT;
    if (!n) {
        dyad_error_set(err, DYAD_EFORMAT, r->path, doc->input_line, doc->input_offset, "record %s has no text", id);
        return READ_BAD_DOC;
    }
    return READ_DOC;
}

static void tabari_free(dy_reader *r) {
    tabari_state *t = r->state;
    if (t) buf_free(&t->options);
    free(t);
}

int read_tabari_init(dy_reader *r, dyad_error *err) {
    r->state = calloc(1, sizeof(tabari_state));
    if (!r->state) {
        dyad_error_set(err, DYAD_ENOMEM, r->path, 0, -1, "out of memory");
        return -1;
    }
    r->next = tabari_next;
    r->free_state = tabari_free;
    return 0;
}

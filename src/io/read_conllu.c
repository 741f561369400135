/* read_conllu.c - CoNLL-U: a document per "# newdoc" (else one per file).
 * Only syntactic words become tokens (multi-word-token range lines give the
 * surface and SpaceAfter for the text; empty nodes are skipped). doc->text is
 * rebuilt from the forms and SpaceAfter, one sentence per line, so token
 * offsets are valid; the given LEMMA/UPOS/XPOS/FEATS/HEAD/DEPREL are kept. */
#include <stdlib.h>
#include <string.h>
#include "read_int.h"
#include "../base/arena.h"
#include "../text/segment.h"

#define CONLLU_LINE_LIMIT ((size_t)1 << 20)

typedef struct conllu_state {
    dy_buf text;            /* the text being rebuilt */
    char *pending_doc_id;   /* "# newdoc" seen that opens the next document */
    int have_pending;
    int skip_sentence;      /* after a malformed line: drop the rest of its sentence */
    /* the sentence being read */
    long next_word;         /* expected next word id */
    long range_first, range_end; /* word ids covered by a range line, 0 none */
    uint32_t range_off, range_len, range_cursor;
    int range_space_after;
    const char *sent_id;
    size_t sent_first_token;
    uint32_t sent_off;
    int in_sentence;
} conllu_state;

static int split_tabs(char *line, char *col[10]) {
    int n = 0;
    col[n++] = line;
    for (char *p = line; *p; p++)
        if (*p == '\t') {
            *p = 0;
            if (n == 10) return -1;
            col[n++] = p + 1;
        }
    return n == 10 ? 0 : -1;
}

static const char *field(dyad_doc *doc, const char *v) {
    return strcmp(v, "_") ? arena_strdup(doc->arena, v) : NULL;
}

static int space_after_no(const char *misc) {
    const char *p = strstr(misc, "SpaceAfter=No");
    return p && (p == misc || p[-1] == '|') && (p[13] == 0 || p[13] == '|');
}

static int parse_long(const char *s, long *v) {
    char *end;
    if (*s < '0' || *s > '9') return -1;
    *v = strtol(s, &end, 10);
    return *end ? -1 : 0;
}

static void end_sentence(dyad_doc *doc, conllu_state *c) {
    if (!c->in_sentence) return;
    c->in_sentence = 0;
    if (doc->ntokens > c->sent_first_token) {
        dyad_sentence *s = dyad_doc_add_sentence(doc);
        if (s) {
            s->first_token = (uint32_t)c->sent_first_token;
            s->ntokens = (uint32_t)(doc->ntokens - c->sent_first_token);
            s->off = c->sent_off;
            size_t end = c->text.len;
            while (end > c->sent_off && c->text.data[end - 1] == ' ') end--;
            s->len = (uint32_t)(end - c->sent_off);
            s->id = c->sent_id;
        }
        /* sentences are separated by a newline */
        while (c->text.len && c->text.data[c->text.len - 1] == ' ') c->text.data[--c->text.len] = 0;
        buf_putc(&c->text, '\n');
    }
    c->sent_id = NULL;
    c->range_end = 0;
}

static void begin_sentence(dyad_doc *doc, conllu_state *c) {
    if (c->in_sentence) return;
    c->in_sentence = 1;
    c->next_word = 1;
    c->range_end = 0;
    c->sent_first_token = doc->ntokens;
    c->sent_off = (uint32_t)c->text.len;
}

/* a word or range line; 0 ok, -1 malformed */
static int token_line(dyad_doc *doc, conllu_state *c, char *line) {
    char *col[10];
    if (split_tabs(line, col)) return -1;
    begin_sentence(doc, c);
    const char *id = col[0];
    if (strchr(id, '.')) return 0; /* empty node */
    const char *dash = strchr(id, '-');
    if (dash) {
        long a, b;
        char first[32];
        size_t fl = (size_t)(dash - id);
        if (fl == 0 || fl >= sizeof first) return -1;
        memcpy(first, id, fl);
        first[fl] = 0;
        if (parse_long(first, &a) || parse_long(dash + 1, &b) || a != c->next_word || b < a) return -1;
        c->range_first = a;
        c->range_end = b;
        c->range_off = c->range_cursor = (uint32_t)c->text.len;
        size_t len = strlen(col[1]);
        c->range_len = (uint32_t)len;
        c->range_space_after = !space_after_no(col[9]);
        if (buf_push(&c->text, col[1], len)) return -1;
        return 0;
    }
    long w, head = -1;
    if (parse_long(id, &w) || w != c->next_word) return -1;
    if (strcmp(col[6], "_") && parse_long(col[6], &head)) return -1;
    c->next_word++;
    dyad_token *t = dyad_doc_add_token(doc);
    if (!t) return -1;
    t->form = arena_strdup(doc->arena, col[1]);
    size_t flen = strlen(col[1]);
    if (w <= c->range_end) { /* a word inside a multi-word token */
        uint32_t range_stop = c->range_off + c->range_len;
        if (c->range_cursor + flen <= range_stop && !memcmp(c->text.data + c->range_cursor, col[1], flen)) {
            t->off = c->range_cursor;
            t->len = (uint32_t)flen;
        } else {
            t->off = c->range_cursor;
            t->len = w == c->range_end ? range_stop - c->range_cursor : 0;
        }
        c->range_cursor = t->off + t->len;
        if (w > c->range_first) t->flags |= TOK_JOINED; /* written back as one multi-word token */
        t->space_after = w == c->range_end ? (uint8_t)c->range_space_after : 0;
        if (w == c->range_end && c->range_space_after) buf_putc(&c->text, ' ');
    } else {
        t->off = (uint32_t)c->text.len;
        t->len = (uint32_t)flen;
        t->space_after = !space_after_no(col[9]);
        if (buf_push(&c->text, col[1], flen) || (t->space_after && buf_putc(&c->text, ' '))) return -1;
    }
    t->lemma = strcmp(col[2], "_") || !strcmp(col[1], "_") ? arena_strdup(doc->arena, col[2]) : NULL;
    t->upos = field(doc, col[3]);
    t->xpos = field(doc, col[4]);
    t->feats = field(doc, col[5]);
    t->head = (int32_t)head;
    t->deprel = field(doc, col[7]);
    return 0;
}

/* hand the finished document over */
static int finish_doc(dy_reader *r, conllu_state *c, dyad_doc *doc) {
    end_sentence(doc, c);
    if (!doc->ntokens) return 0;
    doc->text = arena_strndup(doc->arena, c->text.data ? c->text.data : "", c->text.len);
    doc->text_len = c->text.len;
    doc->raw = doc->text;
    doc->raw_len = doc->text_len;
    doc->content = DYAD_FMT_TEXT;
    doc->given_tokens = 1;
    (void)r;
    return doc->text ? 1 : -1;
}

static int conllu_next(dy_reader *r, dyad_doc *doc, dyad_error *err) {
    conllu_state *c = r->state;
    dy_source *s = &r->src;
    buf_clear(&c->text);
    c->in_sentence = 0;
    reader_input_name(r, doc);
    doc->input_line = s->line;
    doc->input_offset = s->offset;
    if (c->have_pending) {
        doc->id = c->pending_doc_id ? arena_strdup(doc->arena, c->pending_doc_id) : NULL;
        c->have_pending = 0;
    }
    for (;;) {
        long line = s->line;
        long long off = s->offset;
        int rc = src_getline(s, &r->line, CONLLU_LINE_LIMIT);
        if (rc == 0) {
            if (s->truncated) {
                dyad_error_set(err, DYAD_EFORMAT, r->path, s->line, s->offset, "compressed input ends early (truncated gzip)");
                return READ_FATAL;
            }
            int f = finish_doc(r, c, doc);
            return f > 0 ? READ_DOC : f < 0 ? READ_FATAL : READ_END;
        }
        if (rc < 0) {
            c->skip_sentence = 1;
            dyad_error_set(err, DYAD_EFORMAT, r->path, line, off, "line longer than 1 MiB");
            return READ_BAD_DOC;
        }
        char *l = r->line.data;
        if (c->skip_sentence) {
            if (r->line.len == 0) c->skip_sentence = 0;
            continue;
        }
        if (r->line.len == 0) { end_sentence(doc, c); continue; }
        if (l[0] == '#') {
            if (!strncmp(l, "# newdoc", 8)) {
                const char *eq = strchr(l, '=');
                const char *id = eq ? eq + 1 : NULL;
                while (id && *id == ' ') id++;
                if (doc->ntokens || c->in_sentence) { /* this line opens the next document */
                    free(c->pending_doc_id);
                    c->pending_doc_id = id && *id ? strdup(id) : NULL;
                    c->have_pending = 1;
                    int f = finish_doc(r, c, doc);
                    if (f > 0) return READ_DOC;
                    if (f < 0) return READ_FATAL;
                    continue;
                }
                doc->id = id && *id ? arena_strdup(doc->arena, id) : NULL;
                doc->input_line = line;
                doc->input_offset = off;
            } else if (!strncmp(l, "# sent_id", 9)) {
                const char *eq = strchr(l, '=');
                const char *id = eq ? eq + 1 : l + 9;
                while (*id == ' ') id++;
                end_sentence(doc, c);
                c->sent_id = arena_strdup(doc->arena, id);
            }
            continue;
        }
        if (token_line(doc, c, l)) {
            c->skip_sentence = 1;
            dyad_error_set(err, DYAD_EFORMAT, r->path, line, off,
                           "malformed CoNLL-U line (need 10 tab-separated columns and word ids in order)");
            return READ_BAD_DOC;
        }
    }
}

static void conllu_free(dy_reader *r) {
    conllu_state *c = r->state;
    if (!c) return;
    buf_free(&c->text);
    free(c->pending_doc_id);
    free(c);
}

int read_conllu_init(dy_reader *r, dyad_error *err) {
    r->state = calloc(1, sizeof(conllu_state));
    if (!r->state) {
        dyad_error_set(err, DYAD_ENOMEM, r->path, 0, -1, "out of memory");
        return -1;
    }
    r->next = conllu_next;
    r->free_state = conllu_free;
    return 0;
}

/* reader.c - opening an input: pick the format (given, from the file name,
 * then from the first bytes) and hand over to that format's reader. The
 * per-format readers live in read_*.c behind read_int.h. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "read_int.h"
#include "../base/arena.h"

static int starts_with_ci(const unsigned char *p, size_t n, const char *lit) {
    size_t m = strlen(lit);
    return n >= m && strncasecmp((const char *)p, lit, m) == 0;
}

/* a line of ten tab-separated columns starting with a number: CoNLL-U */
static int looks_conllu(const unsigned char *p, size_t n) {
    if (starts_with_ci(p, n, "# sent_id") || starts_with_ci(p, n, "# newdoc") || starts_with_ci(p, n, "# text")) return 1;
    if (!n || p[0] < '0' || p[0] > '9') return 0;
    int tabs = 0;
    for (size_t i = 0; i < n && p[i] != '\n'; i++) tabs += p[i] == '\t';
    return tabs == 9;
}

/* "YYMMDD  ID" as the first line that is not blank or a '#' comment: a
 * TABARI record file */
static int looks_tabari(const unsigned char *p, size_t n) {
    for (size_t i = 0; i < n;) {
        const unsigned char *nl = memchr(p + i, '\n', n - i);
        size_t end = nl ? (size_t)(nl - p) : n, k = i;
        while (k < end && (p[k] == ' ' || p[k] == '\t' || p[k] == '\r')) k++;
        if (k < end && p[k] != '#') {
            if (end - k < 8) return 0;
            for (int d = 0; d < 6; d++)
                if (p[k + d] < '0' || p[k + d] > '9') return 0;
            return p[k + 6] == ' ' || p[k + 6] == '\t' || p[k + 6] == '*';
        }
        if (!nl) break;
        i = end + 1;
    }
    return 0;
}

static dyad_format sniff(const unsigned char *p, size_t n) {
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) { p += 3; n -= 3; }
    size_t lead = 0;
    while (lead < n && (p[lead] == ' ' || p[lead] == '\t' || p[lead] == '\r' || p[lead] == '\n')) lead++;
    const unsigned char *q = p + lead;
    size_t m = n - lead;
    if (starts_with_ci(p, n, "WARC/")) return DYAD_FMT_WARC;
    if (starts_with_ci(q, m, "<html") || starts_with_ci(q, m, "<!doctype html") || starts_with_ci(q, m, "<head"))
        return DYAD_FMT_HTML;
    if (starts_with_ci(q, m, "<Validation")) return DYAD_FMT_PETRXML;
    if (starts_with_ci(q, m, "<?xml") || starts_with_ci(q, m, "<Sentences") || starts_with_ci(q, m, "<Sentence ")) {
        if (memmem(q, m, "<Sentence", 9)) return DYAD_FMT_PETRXML;
        if (memmem(q, m, "<html", 5)) return DYAD_FMT_HTML;
    }
    if (m && q[0] == '{') return DYAD_FMT_JSONL;
    if (looks_conllu(q, m)) return DYAD_FMT_CONLLU;
    if (looks_tabari(p, n)) return DYAD_FMT_TABARI;
    return DYAD_FMT_TEXT;
}

dy_reader *reader_open(const char *path, dyad_format fmt, dyad_error *err) {
    if (!path) {
        dyad_error_set(err, DYAD_EINVAL, "-", 0, -1, "no input path");
        return NULL;
    }
    dy_reader *r = calloc(1, sizeof *r);
    if (!r || !(r->path = strdup(path))) {
        free(r);
        dyad_error_set(err, DYAD_ENOMEM, path, 0, -1, "out of memory");
        return NULL;
    }
    if (src_open(&r->src, r->path, err)) {
        free(r->path);
        free(r);
        return NULL;
    }
    if (fmt == DYAD_FMT_AUTO) {
        fmt = dyad_format_guess(path);
        if (fmt == DYAD_FMT_TEXT) { /* the name said nothing: look at the bytes */
            size_t n = src_fill(&r->src, 4096);
            fmt = sniff(r->src.buf + r->src.pos, n);
        }
    }
    r->fmt = fmt;
    int rc;
    switch (fmt) {
    case DYAD_FMT_JSONL: rc = read_jsonl_init(r, err); break;
    case DYAD_FMT_WARC: rc = read_warc_init(r, err); break;
    case DYAD_FMT_CONLLU: rc = read_conllu_init(r, err); break;
    case DYAD_FMT_PETRXML: rc = read_petrxml_init(r, err); break;
    case DYAD_FMT_TABARI: rc = read_tabari_init(r, err); break;
    case DYAD_FMT_TEXT: case DYAD_FMT_HTML: rc = read_text_init(r, err); break;
    default:
        dyad_error_set(err, DYAD_EINVAL, path, 0, -1, "unknown input format");
        rc = -1;
    }
    if (rc) {
        reader_close(r);
        return NULL;
    }
    return r;
}

int reader_next(dy_reader *r, dyad_doc *doc, dyad_error *err) {
    if (!r || r->done) return READ_END;
    int rc = r->next(r, doc, err);
    if (rc == READ_END || rc == READ_FATAL) r->done = 1;
    return rc;
}

void reader_close(dy_reader *r) {
    if (!r) return;
    if (r->free_state) r->free_state(r);
    src_close(&r->src);
    buf_free(&r->line);
    buf_free(&r->data);
    free(r->path);
    free(r);
}

const char *reader_input_name(dy_reader *r, dyad_doc *doc) {
    return doc->input = arena_strdup(doc->arena, r->path);
}

int reader_slurp(dy_reader *r, size_t limit, dyad_error *err) {
    buf_clear(&r->data);
    for (;;) {
        size_t avail = src_fill(&r->src, 1 << 20);
        if (!avail) break;
        if (r->data.len + avail > limit) {
            dyad_error_set(err, DYAD_ENOMEM, r->path, 0, (long long)limit,
                           "input is over the %zu MiB limit of this format", limit >> 20);
            return -1;
        }
        if (buf_push(&r->data, r->src.buf + r->src.pos, avail)) {
            dyad_error_set(err, DYAD_ENOMEM, r->path, 0, r->src.offset, "out of memory");
            return -1;
        }
        src_advance(&r->src, avail);
    }
    if (r->src.truncated) {
        dyad_error_set(err, DYAD_EFORMAT, r->path, r->src.line, r->src.offset,
                       "compressed input ends early (truncated gzip)");
        return -1;
    }
    if (!r->data.data && buf_push(&r->data, "", 0)) return -1;
    return 0;
}

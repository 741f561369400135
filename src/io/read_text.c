/* read_text.c - plain text and HTML: the whole file is one document. Empty
 * or whitespace-only files and binary data are reported, not passed on. */
#include <string.h>
#include "read_int.h"
#include "../base/arena.h"

#define TEXT_LIMIT ((size_t)64 << 20) /* no news article comes near; a 200 MB line is an error */
#define SNIFF_BYTES 4096

/* offset of the first byte that makes the head of data binary, or -1 */
static long long binary_offset(const unsigned char *p, size_t n) {
    if (n > SNIFF_BYTES) n = SNIFF_BYTES;
    size_t controls = 0;
    long long first = -1;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x1B) continue;
        if (first < 0) first = (long long)i;
        if (c == 0) return first; /* text never holds NUL */
        controls++;
    }
    return controls * 50 > n ? first : -1;
}

static int only_whitespace(const unsigned char *p, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!(p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r' || p[i] == '\f' || p[i] == '\v'))
            return 0;
    return 1;
}

static int text_next(dy_reader *r, dyad_doc *doc, dyad_error *err) {
    if (r->records++) return READ_END;
    reader_input_name(r, doc);
    doc->input_line = 1;
    doc->input_offset = 0;
    if (reader_slurp(r, TEXT_LIMIT, err)) return READ_BAD_DOC;
    const unsigned char *p = (const unsigned char *)r->data.data;
    size_t n = r->data.len;
    if (only_whitespace(p, n)) {
        dyad_error_set(err, DYAD_EFORMAT, r->path, 1, 0, "empty input");
        return READ_BAD_DOC;
    }
    long long bad = binary_offset(p, n);
    if (bad >= 0) {
        long line = 1;
        for (long long i = 0; i < bad; i++) line += p[i] == '\n';
        dyad_error_set(err, DYAD_EFORMAT, r->path, line, bad, "binary data, not text");
        return READ_BAD_DOC;
    }
    char *raw = arena_strndup(doc->arena, (const char *)p, n);
    if (!raw) {
        dyad_error_set(err, DYAD_ENOMEM, r->path, 1, 0, "out of memory");
        return READ_FATAL;
    }
    doc->raw = raw;
    doc->raw_len = n;
    doc->content = r->fmt == DYAD_FMT_HTML ? DYAD_FMT_HTML : DYAD_FMT_TEXT;
    return READ_DOC;
}

int read_text_init(dy_reader *r, dyad_error *err) {
    (void)err;
    r->next = text_next;
    return 0;
}

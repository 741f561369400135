/* reader.c - STUB (replaced by the readers work): whole file as one text document. */
#include "reader.h"
#include <stdlib.h>
#include <string.h>
#include "../base/arena.h"
#include "../base/util.h"

struct dy_reader { char *path; int done; dyad_format fmt; };

dy_reader *reader_open(const char *path, dyad_format fmt, dyad_error *err) {
    if (strcmp(path, "-") && !path_exists(path)) {
        dyad_error_set(err, DYAD_EIO, path, 0, -1, "no such file");
        return NULL;
    }
    dy_reader *r = calloc(1, sizeof *r);
    r->path = strdup(path);
    r->fmt = fmt == DYAD_FMT_AUTO ? dyad_format_guess(path) : fmt;
    return r;
}

int reader_next(dy_reader *r, dyad_doc *doc, dyad_error *err) {
    if (r->done) return READ_END;
    r->done = 1;
    size_t len;
    char *data = file_read_all(r->path, &len, 0, err);
    if (!data) return READ_FATAL;
    doc->input = arena_strdup(doc->arena, r->path);
    doc->raw = arena_strndup(doc->arena, data, len);
    doc->raw_len = len;
    doc->content = r->fmt == DYAD_FMT_HTML ? DYAD_FMT_HTML : DYAD_FMT_TEXT;
    doc->input_line = 1;
    doc->input_offset = 0;
    free(data);
    return READ_DOC;
}

void reader_close(dy_reader *r) {
    if (!r) return;
    free(r->path);
    free(r);
}

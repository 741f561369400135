/* fuzz_reader_common.h - the body shared by the reader fuzz targets: write
 * the input to a temporary file, read every document of it in one format,
 * and check the invariants a caller relies on (documents have raw bytes and
 * an input name; errors name the input). */
#ifndef FUZZ_READER_COMMON_H
#define FUZZ_READER_COMMON_H
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "dyad.h"
#include "io/reader.h"

static int fuzz_read_all(const uint8_t *data, size_t size, dyad_format fmt, const char *suffix) {
    char path[512];
    const char *tmp = getenv("TMPDIR");
    snprintf(path, sizeof path, "%s/dyad-fuzz-XXXXXX%s", tmp && *tmp ? tmp : "/tmp", suffix);
    int fd = mkstemps(path, (int)strlen(suffix));
    if (fd < 0) return 0;
    size_t done = 0;
    while (done < size) {
        ssize_t w = write(fd, data + done, size - done);
        if (w <= 0) break;
        done += (size_t)w;
    }
    close(fd);
    dyad_error err;
    dyad_error_clear(&err);
    dy_reader *r = reader_open(path, fmt, &err);
    if (r) {
        dyad_doc *doc = dyad_doc_new();
        for (int i = 0; i < 10000; i++) {
            dyad_doc_reset(doc);
            dyad_error_clear(&err);
            int rc = reader_next(r, doc, &err);
            if (rc == READ_DOC && (!doc->input || (!doc->raw && !doc->given_tokens))) abort();
            if (rc == READ_DOC && doc->given_tokens) {
                for (size_t t = 0; t < doc->ntokens; t++)
                    if (doc->tokens[t].off + doc->tokens[t].len > doc->text_len) abort();
            }
            if ((rc == READ_BAD_DOC || rc == READ_FATAL) && !err.input[0]) abort();
            if (rc == READ_END || rc == READ_FATAL) break;
        }
        dyad_doc_free(doc);
        reader_close(r);
    }
    unlink(path);
    return 0;
}
#endif

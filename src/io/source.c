/* source.c - the buffered byte source under every reader. zlib's gzread
 * reads plain files unchanged and gzip files (multi-member too), so every
 * format also works compressed; memory stays at one buffer whatever the
 * input size. A gzip stream that ends early sets `truncated` instead of
 * hanging or failing silently. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "read_int.h"

#define SOURCE_BUF (256u * 1024u)

int src_open(dy_source *s, const char *path, dyad_error *err) {
    memset(s, 0, sizeof *s);
    s->path = path;
    s->line = 1;
    if (strcmp(path, "-") == 0) {
        int fd = dup(0);
        s->gz = fd >= 0 ? gzdopen(fd, "rb") : NULL;
        if (!s->gz && fd >= 0) close(fd);
    } else {
        if (path_is_dir(path)) {
            dyad_error_set(err, DYAD_EIO, path, 0, -1, "is a directory, not a file");
            return -1;
        }
        s->gz = gzopen(path, "rb");
    }
    if (!s->gz) {
        dyad_error_set(err, DYAD_EIO, path, 0, -1, "cannot open: %s", strerror(errno ? errno : ENOENT));
        return -1;
    }
    gzbuffer(s->gz, 128 * 1024);
    s->buf = malloc(SOURCE_BUF);
    if (!s->buf) {
        gzclose(s->gz);
        s->gz = NULL;
        dyad_error_set(err, DYAD_ENOMEM, path, 0, -1, "out of memory");
        return -1;
    }
    s->cap = SOURCE_BUF;
    return 0;
}

void src_close(dy_source *s) {
    if (s->gz) gzclose(s->gz);
    free(s->buf);
    memset(s, 0, sizeof *s);
}

size_t src_fill(dy_source *s, size_t want) {
    if (want > s->cap) want = s->cap;
    while (s->len - s->pos < want && !s->eof) {
        if (s->pos) { /* slide the unread bytes to the front */
            memmove(s->buf, s->buf + s->pos, s->len - s->pos);
            s->len -= s->pos;
            s->pos = 0;
        }
        int got = gzread(s->gz, s->buf + s->len, (unsigned)(s->cap - s->len));
        if (got <= 0) {
            int errnum = Z_OK;
            gzerror(s->gz, &errnum);
            if (got < 0 || (errnum != Z_OK && errnum != Z_STREAM_END)) s->truncated = 1;
            s->eof = 1;
            break;
        }
        s->len += (size_t)got;
    }
    return s->len - s->pos;
}

void src_advance(dy_source *s, size_t n) {
    const unsigned char *p = s->buf + s->pos, *end = p + n;
    while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) { s->line++; p++; }
    s->pos += n;
    s->offset += (long long)n;
}

int src_getline(dy_source *s, dy_buf *line, size_t limit) {
    buf_clear(line);
    int too_long = 0, any = 0;
    for (;;) {
        size_t avail = src_fill(s, 1);
        if (!avail) break;
        any = 1;
        const unsigned char *p = s->buf + s->pos;
        const unsigned char *nl = memchr(p, '\n', avail);
        size_t take = nl ? (size_t)(nl - p) : avail;
        if (!too_long && line->len + take > limit) { too_long = 1; buf_clear(line); }
        if (!too_long && buf_push(line, p, take)) { too_long = 1; buf_clear(line); }
        src_advance(s, take + (nl != NULL));
        if (nl) break;
    }
    if (!any) return 0;
    if (too_long) return -1;
    if (line->len && line->data[line->len - 1] == '\r') line->data[--line->len] = 0;
    if (!line->data) buf_push(line, "", 0);
    return 1;
}

size_t src_read(dy_source *s, dy_buf *out, size_t n) {
    size_t done = 0;
    while (done < n) {
        size_t avail = src_fill(s, n - done);
        if (!avail) break;
        size_t take = avail < n - done ? avail : n - done;
        if (out && buf_push(out, s->buf + s->pos, take)) break;
        src_advance(s, take);
        done += take;
    }
    return done;
}

int src_unread(dy_source *s, const unsigned char *p, size_t n) {
    if (n <= s->pos) {
        s->pos -= n;
        memcpy(s->buf + s->pos, p, n);
    } else {
        size_t unread = s->len - s->pos, cap = unread + n > s->cap ? unread + n : s->cap;
        unsigned char *nb = malloc(cap);
        if (!nb) return -1;
        memcpy(nb, p, n);
        memcpy(nb + n, s->buf + s->pos, unread);
        free(s->buf);
        s->buf = nb;
        s->cap = cap;
        s->pos = 0;
        s->len = n + unread;
    }
    s->offset -= (long long)n;
    for (size_t i = 0; i < n; i++) s->line -= p[i] == '\n';
    return 0;
}

/* read_warc.c - WARC and WARC.gz, one record at a time in constant memory.
 *
 * Response and resource records become documents: the HTTP status line and
 * headers are stripped, chunked transfer coding and gzip/deflate content
 * coding are undone, HTML becomes content=HTML and text/plain content=TEXT.
 * Other records (request, metadata, warcinfo) and other media are skipped
 * silently. A record whose Content-Length lies, or that is cut short, is
 * reported with its number and offset; reading then resumes at the next
 * "WARC/1." line. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "read_int.h"
#include "../base/arena.h"

#define WARC_RECORD_LIMIT ((size_t)32 << 20)
#define WARC_HEADER_LINE_LIMIT ((size_t)64 << 10)
#define WARC_MAX_HEADER_LINES 512

typedef struct warc_state {
    int resync;          /* skip lines until the next "WARC/" after an error */
    dy_buf body;         /* decoded payload */
    char type[32], content_type[256], uri[2048], date[64], id[160];
} warc_state;

static void copy_value(char *dst, size_t cap, const char *v) {
    while (*v == ' ' || *v == '\t') v++;
    size_t n = strlen(v);
    while (n && (v[n - 1] == ' ' || v[n - 1] == '\t')) n--;
    if (n >= cap) n = cap - 1;
    memcpy(dst, v, n);
    dst[n] = 0;
}

/* "Name: value" -> value when the name matches (case-insensitive) */
static const char *header_value(const char *line, const char *name) {
    size_t n = strlen(name);
    if (strncasecmp(line, name, n) || line[n] != ':') return NULL;
    return line + n + 1;
}

/* HTTP headers inside the payload: find the end and pull three fields */
typedef struct http_info { int status; char type[256], transfer[64], encoding[64]; size_t body_off; } http_info;

static int parse_http(const char *p, size_t n, http_info *h) {
    memset(h, 0, sizeof *h);
    if (n < 12 || strncmp(p, "HTTP/", 5)) return -1;
    const char *sp = memchr(p, ' ', n < 16 ? n : 16);
    if (!sp) return -1;
    h->status = atoi(sp + 1);
    size_t i = 0;
    char line[1024];
    for (int lines = 0; i < n && lines < WARC_MAX_HEADER_LINES; lines++) {
        const char *nl = memchr(p + i, '\n', n - i);
        size_t len = nl ? (size_t)(nl - (p + i)) : n - i;
        size_t next = i + len + (nl != NULL);
        if (len && p[i + len - 1] == '\r') len--;
        if (len == 0 && lines > 0) { h->body_off = next; return 0; }
        size_t c = len < sizeof line - 1 ? len : sizeof line - 1;
        memcpy(line, p + i, c);
        line[c] = 0;
        const char *v;
        if ((v = header_value(line, "Content-Type"))) copy_value(h->type, sizeof h->type, v);
        else if ((v = header_value(line, "Transfer-Encoding"))) copy_value(h->transfer, sizeof h->transfer, v);
        else if ((v = header_value(line, "Content-Encoding"))) copy_value(h->encoding, sizeof h->encoding, v);
        i = next;
        if (!nl) break;
    }
    h->body_off = n; /* headers without a body */
    return 0;
}

/* undo chunked transfer coding into out; -1 when malformed */
static int dechunk(const char *p, size_t n, dy_buf *out) {
    size_t i = 0;
    while (i < n) {
        char *end;
        unsigned long long size = strtoull(p + i, &end, 16);
        if (end == p + i) return -1;
        const char *nl = memchr(p + i, '\n', n - i);
        if (!nl) return -1;
        i = (size_t)(nl - p) + 1;
        if (size == 0) return 0;
        if (size > n - i) size = n - i; /* cut short: keep what is there */
        if (buf_push(out, p + i, (size_t)size)) return -1;
        i += (size_t)size;
        while (i < n && (p[i] == '\r' || p[i] == '\n')) i++;
    }
    return 0;
}

/* gzip or deflate content coding; -1 when the data does not inflate */
static int inflate_body(const char *p, size_t n, int gzip, dy_buf *out) {
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, gzip ? 16 + MAX_WBITS : 32 + MAX_WBITS) != Z_OK) return -1;
    z.next_in = (Bytef *)p;
    z.avail_in = (uInt)n;
    int rc = Z_OK;
    unsigned char chunk[16384];
    while (rc == Z_OK && out->len < WARC_RECORD_LIMIT) {
        z.next_out = chunk;
        z.avail_out = sizeof chunk;
        rc = inflate(&z, Z_NO_FLUSH);
        size_t got = sizeof chunk - z.avail_out;
        if (got && buf_push(out, chunk, got)) { rc = Z_MEM_ERROR; break; }
        if (rc == Z_BUF_ERROR && z.avail_in == 0) break; /* truncated: keep what inflated */
    }
    inflateEnd(&z);
    return (rc == Z_STREAM_END || rc == Z_OK || rc == Z_BUF_ERROR) && out->len ? 0 : -1;
}

static int is_html_type(const char *t) { return strcasestr(t, "html") != NULL; }
static int is_text_type(const char *t) { return strncasecmp(t, "text/plain", 10) == 0; }

/* the payload of a response/resource record in r->data -> doc; 0 if skipped */
static int make_doc(dy_reader *r, warc_state *w, dyad_doc *doc) {
    const char *p = r->data.data;
    size_t n = r->data.len;
    char type[256];
    copy_value(type, sizeof type, w->content_type);
    const char *body = p;
    size_t body_len = n;
    buf_clear(&w->body);
    if (!strcasecmp(w->type, "response")) {
        if (!strcasestr(type, "application/http")) return 0; /* dns:, etc. */
        http_info h;
        if (parse_http(p, n, &h)) return 0;
        if (h.status < 200 || h.status >= 300) return 0;
        copy_value(type, sizeof type, h.type);
        body = p + h.body_off;
        body_len = n - h.body_off;
        if (strcasestr(h.transfer, "chunked") && dechunk(body, body_len, &w->body) == 0) {
            body = w->body.data ? w->body.data : "";
            body_len = w->body.len;
        }
        int gz = strcasestr(h.encoding, "gzip") != NULL, defl = strcasestr(h.encoding, "deflate") != NULL;
        if ((gz || defl) && body_len) {
            dy_buf inflated = {0};
            if (inflate_body(body, body_len, gz, &inflated) == 0) {
                buf_clear(&w->body);
                buf_push(&w->body, inflated.data, inflated.len);
                body = w->body.data;
                body_len = w->body.len;
            }
            buf_free(&inflated);
        }
    }
    dyad_format content;
    if (is_html_type(type)) content = DYAD_FMT_HTML;
    else if (is_text_type(type)) content = DYAD_FMT_TEXT;
    else return 0;
    if (!body_len || !strncasecmp(w->uri, "metadata:", 9)) return 0; /* crawler logs */
    doc->raw = arena_strndup(doc->arena, body, body_len);
    if (!doc->raw) return -1;
    doc->raw_len = body_len;
    doc->content = content;
    if (w->uri[0]) doc->url = arena_strdup(doc->arena, w->uri);
    if (w->id[0]) doc->id = arena_strdup(doc->arena, w->id);
    char day[11];
    if (w->date[0] && date_normalize(w->date, day) == 0) doc->date = arena_strdup(doc->arena, day);
    return 1;
}

/* after the block: CRLF CRLF, then the next record or the end. Nothing is
 * consumed when the check fails. */
static int block_end_ok(dy_source *s) {
    size_t avail = src_fill(s, 16);
    const unsigned char *p = s->buf + s->pos;
    size_t i = 0;
    while (i < avail && i < 8 && (p[i] == '\r' || p[i] == '\n')) i++;
    int ok = i == avail || (avail - i >= 5 && memcmp(p + i, "WARC/", 5) == 0);
    if (ok) src_advance(s, i);
    return ok;
}

/* The block did not end where Content-Length said: if the next record's
 * header is inside what was read, put it back so no record is lost. */
static void resync_inside_block(dy_reader *r) {
    const unsigned char *d = (const unsigned char *)r->data.data;
    size_t n = r->data.len;
    for (size_t i = 1; d && i + 7 <= n; i++) {
        const unsigned char *hit = memmem(d + i, n - i, "WARC/1.", 7);
        if (!hit) return;
        if (hit[-1] == '\n') {
            src_unread(&r->src, hit, (size_t)(d + n - hit));
            return;
        }
        i = (size_t)(hit - d);
    }
}

static int bad(dy_reader *r, warc_state *w, dyad_error *err, long line, long long off, const char *why) {
    w->resync = 1;
    dyad_error_set(err, DYAD_EFORMAT, r->path, line, off, "WARC record %ld at offset %lld: %s", r->records, off, why);
    return READ_BAD_DOC;
}

static int warc_next(dy_reader *r, dyad_doc *doc, dyad_error *err) {
    warc_state *w = r->state;
    dy_source *s = &r->src;
    for (;;) {
        long line = s->line;
        long long off = s->offset;
        int rc = src_getline(s, &r->line, WARC_HEADER_LINE_LIMIT);
        if (rc == 0) {
            if (s->truncated) {
                dyad_error_set(err, DYAD_EFORMAT, r->path, s->line, s->offset,
                               "compressed input ends early (truncated gzip)");
                return READ_FATAL;
            }
            return READ_END;
        }
        reader_input_name(r, doc);
        doc->input_line = line;
        doc->input_offset = off;
        if (rc < 0 || strncmp(r->line.data, "WARC/", 5)) {
            if (rc > 0 && r->line.len == 0) continue;
            if (w->resync) continue;
            r->records++;
            return bad(r, w, err, line, off, "not a WARC record header (expected \"WARC/1.0\")");
        }
        w->resync = 0;
        r->records++;
        w->type[0] = w->content_type[0] = w->uri[0] = w->date[0] = w->id[0] = 0;
        long long length = -1;
        int lines = 0, ended = 0;
        while (lines++ < WARC_MAX_HEADER_LINES) {
            rc = src_getline(s, &r->line, WARC_HEADER_LINE_LIMIT);
            if (rc <= 0) break;
            if (r->line.len == 0) { ended = 1; break; }
            const char *v, *l = r->line.data;
            if ((v = header_value(l, "WARC-Type"))) copy_value(w->type, sizeof w->type, v);
            else if ((v = header_value(l, "Content-Length"))) {
                char *end;
                while (*v == ' ') v++;
                length = strtoll(v, &end, 10);
                if (end == v || length < 0) length = -1;
            } else if ((v = header_value(l, "Content-Type"))) copy_value(w->content_type, sizeof w->content_type, v);
            else if ((v = header_value(l, "WARC-Target-URI"))) {
                copy_value(w->uri, sizeof w->uri, v);
                if (w->uri[0] == '<') { /* WARC 1.0 draft style <uri> */
                    memmove(w->uri, w->uri + 1, strlen(w->uri));
                    char *gt = strchr(w->uri, '>');
                    if (gt) *gt = 0;
                }
            } else if ((v = header_value(l, "WARC-Date"))) copy_value(w->date, sizeof w->date, v);
            else if ((v = header_value(l, "WARC-Record-ID"))) {
                copy_value(w->id, sizeof w->id, v);
                size_t n = strlen(w->id);
                if (n >= 2 && w->id[0] == '<' && w->id[n - 1] == '>') { /* <urn:uuid:...> */
                    memmove(w->id, w->id + 1, n - 2);
                    w->id[n - 2] = 0;
                }
            }
        }
        if (!ended) return bad(r, w, err, line, off, "the headers are cut short");
        if (length < 0) return bad(r, w, err, line, off, "no valid Content-Length");
        int wanted = !strcasecmp(w->type, "response") || !strcasecmp(w->type, "resource");
        buf_clear(&r->data);
        if (!wanted || (size_t)length > WARC_RECORD_LIMIT) {
            size_t got = src_read(s, NULL, (size_t)length);
            if (got < (size_t)length) return bad(r, w, err, line, off, "the record is truncated");
            if (!block_end_ok(s)) return bad(r, w, err, line, off, "Content-Length does not match the record");
            if (wanted)
                return bad(r, w, err, line, off, "the record is over the 32 MiB limit; skipped");
            continue;
        }
        size_t got = src_read(s, &r->data, (size_t)length);
        if (got < (size_t)length) {
            char why[128];
            snprintf(why, sizeof why, "the record is truncated (%zu of %lld bytes)", got, length);
            return bad(r, w, err, line, off, why);
        }
        if (!block_end_ok(s)) {
            resync_inside_block(r);
            return bad(r, w, err, line, off, "Content-Length does not match the record");
        }
        int made = make_doc(r, w, doc);
        if (made < 0) {
            dyad_error_set(err, DYAD_ENOMEM, r->path, line, off, "out of memory");
            return READ_FATAL;
        }
        if (made) return READ_DOC;
    }
}

static void warc_free(dy_reader *r) {
    warc_state *w = r->state;
    if (!w) return;
    buf_free(&w->body);
    free(w);
}

int read_warc_init(dy_reader *r, dyad_error *err) {
    r->state = calloc(1, sizeof(warc_state));
    if (!r->state) {
        dyad_error_set(err, DYAD_ENOMEM, r->path, 0, -1, "out of memory");
        return -1;
    }
    r->next = warc_next;
    r->free_state = warc_free;
    return 0;
}

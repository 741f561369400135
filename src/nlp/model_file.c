/* model_file.c - the analyzer's model container: a checked header, a section
 * directory and aligned sections, memory-mapped read-only. Writing goes to a
 * temporary file renamed into place so models/ is always loadable. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "nlp_internal.h"

enum { HEADER_SIZE = 48 };
/* header: magic[8] version u32, kind u32, nsections u32, pad u32,
 *         payload_size u64, checksum u64, reserved u64 */

static uint64_t rd64(const unsigned char *p) { uint64_t v; memcpy(&v, p, 8); return v; }
static uint32_t rd32(const unsigned char *p) { uint32_t v; memcpy(&v, p, 4); return v; }

/* Four independent word-at-a-time lanes (so the multiplies overlap), folded
 * at the end: verifies 25 MB in a few ms. */
uint64_t nlp_checksum(const unsigned char *p, size_t n) {
    uint64_t h[4] = {0x243f6a8885a308d3ULL ^ n, 0x13198a2e03707344ULL, 0xa4093822299f31d0ULL, 0x082efa98ec4e6c89ULL};
    size_t i = 0;
    for (; i + 32 <= n; i += 32)
        for (int l = 0; l < 4; l++) {
            h[l] ^= rd64(p + i + 8 * l);
            h[l] *= 0x9e3779b97f4a7c15ULL;
            h[l] ^= h[l] >> 29;
        }
    uint64_t r = h[0] ^ (h[1] * 3) ^ (h[2] * 5) ^ (h[3] * 7);
    for (; i < n; i++) r = (r ^ p[i]) * 0x100000001b3ULL;
    return r ^ (r >> 31);
}

int nlp_file_open(nlp_file *f, const char *path, uint32_t kind, dyad_error *err) {
    memset(f, 0, sizeof *f);
    f->path = path;
    if (file_map(path, &f->map, err)) {
        err->status = DYAD_EMODEL;
        return -1;
    }
    const unsigned char *d = f->map.data;
    size_t len = f->map.len;
    const char *why = NULL;
    if (len < HEADER_SIZE) why = "truncated header";
    else if (memcmp(d, NLP_MAGIC, 8)) why = "not a dyad model file (bad magic)";
    else if (rd32(d + 8) != NLP_VERSION) why = "unsupported model version";
    else if (rd32(d + 12) != kind) why = "model of the wrong kind";
    else if (rd32(d + 16) > NLP_MAX_SECTIONS || rd32(d + 16) == 0) why = "bad section count";
    else if (rd64(d + 24) != len - HEADER_SIZE) why = "truncated or extended (size mismatch)";
    else if (nlp_checksum(d + HEADER_SIZE, len - HEADER_SIZE) != rd64(d + 32)) why = "checksum mismatch (corrupt)";
    if (!why) {
        f->kind = kind;
        f->nsections = rd32(d + 16);
        size_t dir = HEADER_SIZE;
        if (dir + (size_t)f->nsections * 24 > len) why = "truncated section directory";
        for (uint32_t i = 0; !why && i < f->nsections; i++) {
            const unsigned char *e = d + dir + i * 24;
            nlp_section *s = &f->sec[i];
            s->id = rd32(e);
            s->offset = rd64(e + 8);
            s->size = rd64(e + 16);
            if (s->offset % 16 || s->offset > len || s->size > len - s->offset) why = "section out of bounds";
        }
    }
    if (why) {
        dyad_error_set(err, DYAD_EMODEL, path, 0, -1, "%s", why);
        file_unmap(&f->map);
        return -1;
    }
    return 0;
}

void nlp_file_close(nlp_file *f) {
    if (f->map.data) file_unmap(&f->map);
    memset(f, 0, sizeof *f);
}

const void *nlp_file_section(const nlp_file *f, uint32_t id, uint64_t *size) {
    for (uint32_t i = 0; i < f->nsections; i++)
        if (f->sec[i].id == id) {
            *size = f->sec[i].size;
            return f->map.data + f->sec[i].offset;
        }
    *size = 0;
    return NULL;
}

int nlp_strings_index(const char *blob, uint64_t size, uint32_t n, const char **out) {
    uint64_t pos = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (pos >= size) return -1;
        const char *z = memchr(blob + pos, 0, size - pos);
        if (!z) return -1;
        out[i] = blob + pos;
        pos = (uint64_t)(z - blob) + 1;
    }
    return 0;
}

void nlp_writer_init(nlp_writer *w, uint32_t kind) {
    memset(w, 0, sizeof *w);
    w->kind = kind;
}

dy_buf *nlp_writer_section(nlp_writer *w, uint32_t id) {
    for (uint32_t i = 0; i < w->n; i++)
        if (w->ids[i] == id) return &w->data[i];
    if (w->n == NLP_MAX_SECTIONS) return NULL;
    w->ids[w->n] = id;
    return &w->data[w->n++];
}

void nlp_writer_free(nlp_writer *w) {
    for (uint32_t i = 0; i < w->n; i++) buf_free(&w->data[i]);
    w->n = 0;
}

static void put32(dy_buf *b, uint32_t v) { buf_push(b, &v, 4); }
static void put64(dy_buf *b, uint64_t v) { buf_push(b, &v, 8); }

int nlp_writer_save(nlp_writer *w, const char *path, dyad_error *err) {
    dy_buf out = {0};
    size_t dir = HEADER_SIZE, pos = dir + (size_t)w->n * 24;
    pos = (pos + 15) & ~(size_t)15;
    if (buf_reserve(&out, pos + 16)) goto nomem;
    memset(out.data, 0, pos);
    out.len = pos;
    uint64_t offs[NLP_MAX_SECTIONS];
    for (uint32_t i = 0; i < w->n; i++) {
        while (out.len % 16) buf_putc(&out, 0);
        offs[i] = out.len;
        if (w->data[i].len && buf_push(&out, w->data[i].data, w->data[i].len)) goto nomem;
    }
    while (out.len % 16) buf_putc(&out, 0);
    dy_buf hdr = {0};
    buf_push(&hdr, NLP_MAGIC, 8);
    put32(&hdr, NLP_VERSION);
    put32(&hdr, w->kind);
    put32(&hdr, w->n);
    put32(&hdr, 0);
    put64(&hdr, out.len - HEADER_SIZE);
    put64(&hdr, 0);
    put64(&hdr, 0);
    for (uint32_t i = 0; i < w->n; i++) {
        put32(&hdr, w->ids[i]);
        put32(&hdr, 0);
        put64(&hdr, offs[i]);
        put64(&hdr, w->data[i].len);
    }
    if (!hdr.data || hdr.len > pos) { buf_free(&hdr); goto nomem; }
    memcpy(out.data, hdr.data, hdr.len);
    buf_free(&hdr);
    uint64_t sum = nlp_checksum((unsigned char *)out.data + HEADER_SIZE, out.len - HEADER_SIZE);
    memcpy(out.data + 32, &sum, 8);

    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid());
    FILE *fp = fopen(tmp, "wb");
    if (!fp) {
        dyad_error_set(err, DYAD_EIO, path, 0, -1, "cannot write model");
        buf_free(&out);
        return -1;
    }
    int bad = fwrite(out.data, 1, out.len, fp) != out.len;
    bad |= fclose(fp) != 0;
    buf_free(&out);
    if (bad || rename(tmp, path)) {
        remove(tmp);
        dyad_error_set(err, DYAD_EIO, path, 0, -1, "cannot write model");
        return -1;
    }
    return 0;
nomem:
    buf_free(&out);
    dyad_error_set(err, DYAD_ENOMEM, path, 0, -1, "out of memory writing model");
    return -1;
}

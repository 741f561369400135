/* read_int.h - internals shared by the readers: a buffered byte source over
 * zlib (plain and gzip files alike, gzip members concatenated, stdin), line
 * reading with a length limit, and the reader object with one next function
 * per format. */
#ifndef DY_READ_INT_H
#define DY_READ_INT_H
#include <zlib.h>
#include "reader.h"
#include "../base/util.h"

typedef struct dy_source {
    gzFile gz;
    const char *path;
    unsigned char *buf;
    size_t cap, pos, len;   /* unread bytes are buf[pos..len) */
    long long offset;       /* input offset (uncompressed) of buf[pos] */
    long line;              /* 1-based line of buf[pos] */
    int eof;                /* nothing more to read */
    int truncated;          /* the gzip stream ended early or a read failed */
} dy_source;

int src_open(dy_source *s, const char *path, dyad_error *err);
void src_close(dy_source *s);
/* make up to `want` unread bytes available; returns how many are */
size_t src_fill(dy_source *s, size_t want);
/* consume n unread bytes (n <= available), counting lines */
void src_advance(dy_source *s, size_t n);
/* next line without its '\n' (and '\r') into line (cleared first).
 * 1: a line; 0: end of input; -1: the line is longer than limit (it was
 * skipped up to its end without being kept; line stays empty). */
int src_getline(dy_source *s, dy_buf *line, size_t limit);
/* append up to n bytes to out (NULL: discard); returns bytes consumed */
size_t src_read(dy_source *s, dy_buf *out, size_t n);
/* put n bytes (just consumed, copied from elsewhere) back in front of the
 * unread ones, so a reader that overshot can resynchronise; 0 ok */
int src_unread(dy_source *s, const unsigned char *p, size_t n);

typedef struct dy_reader dy_reader;
typedef int (*reader_next_fn)(dy_reader *r, dyad_doc *doc, dyad_error *err);
typedef void (*reader_free_fn)(dy_reader *r);

struct dy_reader {
    char *path;
    dyad_format fmt;
    dy_source src;
    reader_next_fn next;
    reader_free_fn free_state;  /* frees state; may be NULL */
    void *state;
    dy_buf line;                /* scratch reused across records */
    dy_buf data;
    long records;               /* records seen so far */
    int done;
};

/* per-format set-up: fill r->next (and state) */
int read_text_init(dy_reader *r, dyad_error *err);
int read_jsonl_init(dy_reader *r, dyad_error *err);
int read_warc_init(dy_reader *r, dyad_error *err);
int read_conllu_init(dy_reader *r, dyad_error *err);
int read_petrxml_init(dy_reader *r, dyad_error *err);
int read_tabari_init(dy_reader *r, dyad_error *err);

/* the name documents carry as doc->input */
const char *reader_input_name(dy_reader *r, dyad_doc *doc);
/* the whole rest of the input into r->data (limit in bytes); -1 over limit */
int reader_slurp(dy_reader *r, size_t limit, dyad_error *err);
#endif

/* reader.h - streaming readers, one per input format. A reader yields one
 * document at a time into a caller-owned dyad_doc (allocating in its arena),
 * so a 1 GiB WARC.gz is read in constant memory. */
#ifndef DY_READER_H
#define DY_READER_H
#include "dyad.h"

typedef struct dy_reader dy_reader;

/* path "-" is stdin. fmt AUTO: guess from the name, then from the first bytes.
 * NULL with err filled when the input cannot be opened at all. */
dy_reader *reader_open(const char *path, dyad_format fmt, dyad_error *err);

enum { READ_DOC = 1, READ_END = 0, READ_BAD_DOC = -1, READ_FATAL = -2 };
/* Fill doc (already reset by the caller) with the next document:
 *  READ_DOC      doc holds raw bytes + metadata (doc->input, input_line, input_offset set)
 *  READ_END      no more documents
 *  READ_BAD_DOC  this record was bad (err says where); call again for the next
 *  READ_FATAL    the rest of the input cannot be read (err says why) */
int reader_next(dy_reader *r, dyad_doc *doc, dyad_error *err);
void reader_close(dy_reader *r);

/* doc->extra of documents read from the field's record formats (PETRARCH XML
 * <Sentence> records and TABARI text records): what the record expects, for
 * `dyad eval suite`. Everything lives in the document's arena. */
typedef struct dy_expected { const char *source, *target, *code; } dy_expected;
typedef struct dy_record {
    const char *category;     /* category="..." (PETRARCH) or the id's prefix (TABARI) */
    int evaluate;             /* 0 when evaluate="false" */
    int has_error;            /* some coding carries error="..." */
    int noevents;             /* the record expects no event */
    dy_expected *expected;
    size_t nexpected;
    const char *parse;        /* the record's own <Parse> text, or NULL */
    const char *include;      /* PETRARCH: the file's <Include> categories, " A B C ", or NULL */
} dy_record;
/* (the settings a record file gives for coding are doc->code_options) */
#endif

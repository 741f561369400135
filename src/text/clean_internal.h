/* clean_internal.h - what the cleaner's files share: a text with its map back
 * to the raw bytes, Unicode repair/NFC, plain-text residue removal, HTML
 * main-text extraction and the word lists both use as features. */
#ifndef DY_CLEAN_INTERNAL_H
#define DY_CLEAN_INTERNAL_H
#include <stddef.h>
#include <stdint.h>
#include "dyad.h"

/* A text and, for each of its bytes, the raw byte it came from. */
typedef struct clean_text {
    char *text;      /* NUL-terminated */
    uint32_t *map;   /* len entries */
    size_t len;
} clean_text;

/* normalize.c: src (n bytes; src_map NULL = byte i came from raw byte i) ->
 * valid UTF-8 in NFC without BOM, NUL, control characters or CR. Returns 0,
 * -1 when out of memory. */
int clean_normalize(dyad_arena *a, const char *src, const uint32_t *src_map, size_t n,
                    clean_text *out);

/* clean_residue.c: drop the residue a web page leaves in copied text
 * (photo labels, durations, repeated captions, related links, prompts,
 * comment sections); paragraphs joined by a blank line. *title gets the
 * headline when the first line looks like one (NULL otherwise). */
int clean_residue(dyad_arena *a, const clean_text *in, clean_text *out, const char **title);

/* html_extract.c: main text of an HTML page; fills doc->title/date/url when
 * NULL. out is normalized text with its map to doc->raw. */
int html_extract(dyad_doc *doc, clean_text *out);
/* the same; with_title 0 leaves the title out of the text (for scoring bodies) */
int html_extract_ex(dyad_doc *doc, clean_text *out, int with_title);

/* clean_words.c: word classes used as features (w is n bytes, any case). */
int word_is_stop(const char *w, size_t n);   /* function words: the, of, said ... */
int word_is_ui(const char *w, size_t n);     /* page furniture: share, photo, subscribe ... */
int word_is_strong_ui(const char *w, size_t n); /* almost never in a report: cookies, newsletter ... */
int clean_words_table_ok(void);                 /* the hashed word table is in order */

/* Features of one line or block of text, for both cleaners. */
typedef struct text_features {
    int words, letters, digits, upper_initial, stop, ui, strong_ui;
    int chars;            /* bytes without surrounding space */
    int ends_sentence;    /* last non-quote character is . ! ? or ... */
    int ends_colon;
    int has_lower_word;   /* some word starting with a lowercase letter */
    int prefix_label;     /* "RELATED:", "Photo:", "READ MORE:" - a short label and a colon */
    int time_only;        /* 03:38, 1:02:11 */
    int no_letters;
    int last_ui;          /* 1-based index of the last furniture word, 0 none */
} text_features;
/* stop/ui/strong_ui count the first 40 words only */
void text_features_of(const char *s, size_t n, text_features *f);
/* the same without the word-list features (stop, ui, strong_ui stay 0) */
void text_shape_of(const char *s, size_t n, text_features *f);
#endif

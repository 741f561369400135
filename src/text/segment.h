/* segment.h - internals of the segmenter shared by the tokenizer, the
 * sentence splitter, the evaluator and the CoNLL-U writer: token flags and
 * the word lists. */
#ifndef DY_SEGMENT_H
#define DY_SEGMENT_H
#include <stddef.h>
#include "dyad.h"

/* dyad_token.flags bits set by the segmenter */
enum {
    /* this token continues the previous one inside one orthographic word
     * ("do" "n't" of "don't"): CoNLL-U writes them as a multi-word token */
    TOK_JOINED = 1u << 0,
    /* the token is an abbreviation or initial that ends in '.' */
    TOK_ABBREV = 1u << 1,
};

/* abbrev.c: is text[0..len) (without the final '.') a known abbreviation? */
int abbrev_is_known(const char *s, size_t len);
/* ... one that is almost never the last word of a sentence (Mr, Gen, Jan) */
int abbrev_is_title(const char *s, size_t len);
/* a capitalised word that often opens a sentence (The, He, But...) */
int word_opens_sentence(const char *s, size_t len);
/* a prefix EWT keeps joined by a hyphen (non-, pre-, e-...) */
int hyphen_prefix_kept(const char *s, size_t len);

/* tokenize.c: append the tokens of text[0..n) to doc (offsets into text) */
dyad_status tok_tokenize(dyad_doc *doc, const char *text, size_t n, dyad_error *err);
/* sentences.c: group doc->tokens into doc->sentences */
dyad_status sent_split(dyad_doc *doc, dyad_error *err);
#endif

/* text.h - the cleaner (raw -> clean text) and the segmenter (clean text ->
 * sentences and tokens with byte offsets). */
#ifndef DY_TEXT_H
#define DY_TEXT_H
#include "dyad.h"

/* raw (doc->content says TEXT or HTML) -> doc->text, doc->text_to_raw.
 * HTML: main-text extraction; fills doc->title/date/url from meta tags when
 * they are still NULL. TEXT: BOM, CRLF, invalid UTF-8 repaired, page residue
 * removed. Empty result is not an error. */
dyad_status text_clean(dyad_doc *doc, dyad_error *err);

/* doc->text -> doc->sentences, doc->tokens (NFC; UD-style tokens). Does
 * nothing when doc->given_tokens is set. */
dyad_status text_segment(dyad_doc *doc, dyad_error *err);
#endif

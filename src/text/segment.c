/* segment.c - the segmenter stage: doc->text -> doc->tokens (tokenize.c) ->
 * doc->sentences (sentences.c). Documents that came with their own tokens
 * (CoNLL-U) are left alone. */
#include "text.h"
#include "segment.h"

dyad_status text_segment(dyad_doc *doc, dyad_error *err) {
    if (doc->given_tokens || !doc->text || !doc->text_len) return DYAD_OK;
    if (doc->text_len > UINT32_MAX) {
        dyad_error_set(err, DYAD_ENOMEM, doc->input ? doc->input : "-", doc->input_line, -1,
                       "document of %zu bytes is over the 4 GiB limit of token offsets", doc->text_len);
        return DYAD_ENOMEM;
    }
    if (doc->ntokens) return DYAD_OK; /* already segmented */
    dyad_status st = tok_tokenize(doc, doc->text, doc->text_len, err);
    if (st != DYAD_OK) return st;
    return sent_split(doc, err);
}

/* segment.c - STUB (replaced by the segmenter work): whitespace tokens, one
 * sentence per line. */
#include <ctype.h>
#include "text.h"
#include "../base/arena.h"

dyad_status text_segment(dyad_doc *doc, dyad_error *err) {
    (void)err;
    const char *t = doc->text;
    size_t i = 0, n = doc->text_len;
    while (i < n) {
        while (i < n && t[i] == '\n') i++;
        if (i >= n) break;
        dyad_sentence *s = dyad_doc_add_sentence(doc);
        s->first_token = (uint32_t)doc->ntokens;
        s->off = (uint32_t)i;
        while (i < n && t[i] != '\n') {
            while (i < n && t[i] == ' ') i++;
            size_t b = i;
            while (i < n && t[i] != ' ' && t[i] != '\n') i++;
            if (i > b) {
                dyad_token *k = dyad_doc_add_token(doc);
                k->off = (uint32_t)b;
                k->len = (uint32_t)(i - b);
                k->form = arena_strndup(doc->arena, t + b, i - b);
                k->space_after = i < n && t[i] == ' ';
            }
        }
        s->len = (uint32_t)(i - s->off);
        s->ntokens = (uint32_t)(doc->ntokens - s->first_token);
        if (!s->ntokens) doc->nsentences--;
    }
    return DYAD_OK;
}

dyad_status text_eval_segment(const dyad_engine *e, const dyad_eval_opts *o, FILE *out, dyad_error *err) {
    (void)e; (void)out;
    dyad_error_set(err, DYAD_ENOTIMPL, o->gold, 0, -1, "segmentation evaluation not built yet");
    return DYAD_ENOTIMPL;
}

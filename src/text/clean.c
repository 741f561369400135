/* clean.c - STUB (replaced by the cleaner work): raw copied to text. */
#include "text.h"
#include "../base/arena.h"

dyad_status text_clean(dyad_doc *doc, dyad_error *err) {
    (void)err;
    doc->text = arena_strndup(doc->arena, doc->raw ? doc->raw : "", doc->raw_len);
    doc->text_len = doc->raw_len;
    return DYAD_OK;
}

dyad_status text_eval_extract(const dyad_engine *e, const dyad_eval_opts *o, FILE *out, dyad_error *err) {
    (void)e; (void)out;
    dyad_error_set(err, DYAD_ENOTIMPL, o->gold, 0, -1, "extraction evaluation not built yet");
    return DYAD_ENOTIMPL;
}

/* coder.c - STUB (replaced by the coder work). */
#include "code.h"

dy_dicts *code_dicts_load(const char *path, const char *format,
                          void (*warn)(void *, const dyad_error *), void *user, dyad_error *err) {
    (void)format; (void)warn; (void)user;
    dyad_error_set(err, DYAD_ENOTIMPL, path, 0, -1, "the event coder is not built yet: coding is skipped");
    return NULL;
}
void code_dicts_free(dy_dicts *d) { (void)d; }
dyad_status code_doc(const dy_dicts *d, dyad_doc *doc, const char *date, dyad_error *err) {
    (void)d; (void)doc; (void)date; (void)err;
    return DYAD_OK;
}
dyad_status code_compile_dicts(const dyad_train_opts *o, FILE *log, dyad_error *err) {
    (void)log;
    dyad_error_set(err, DYAD_ENOTIMPL, o->dicts ? o->dicts : "dicts", 0, -1, "not built yet");
    return DYAD_ENOTIMPL;
}
dyad_status code_eval_suite(const dyad_engine *e, const dyad_eval_opts *o, FILE *out, dyad_error *err) {
    (void)e; (void)out;
    dyad_error_set(err, DYAD_ENOTIMPL, o->gold, 0, -1, "suite evaluation not built yet");
    return DYAD_ENOTIMPL;
}
dyad_status code_eval_plover(const dyad_engine *e, const dyad_eval_opts *o, FILE *out, dyad_error *err) {
    (void)e; (void)out;
    dyad_error_set(err, DYAD_ENOTIMPL, o->gold, 0, -1, "PLOVER evaluation not built yet");
    return DYAD_ENOTIMPL;
}
const dyad_cameo_info *dyad_cameo_lookup(const char *code) { (void)code; return NULL; }
dyad_status dyad_write_events(FILE *out, const dyad_doc *doc, const char *format) {
    (void)out; (void)doc; (void)format;
    return DYAD_OK;
}
dyad_status dyad_write_gdelt_mentions(FILE *out, const dyad_doc *doc) {
    (void)out; (void)doc;
    return DYAD_OK;
}

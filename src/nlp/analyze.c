/* analyze.c - STUB (replaced by the analyzer work). */
#include "nlp.h"

dy_models *nlp_models_load(const char *dir, dyad_error *err) {
    dyad_error_set(err, DYAD_ENOTIMPL, dir, 0, -1, "no trained models yet: tagging and parsing are skipped");
    return NULL;
}
void nlp_models_free(dy_models *m) { (void)m; }
int nlp_models_has_parser(const dy_models *m) { (void)m; return 0; }
dyad_status nlp_analyze(const dy_models *m, dyad_doc *doc, dyad_error *err) {
    (void)m; (void)doc; (void)err;
    return DYAD_OK;
}
dyad_status nlp_train(const dyad_train_opts *o, FILE *log, dyad_error *err) {
    (void)log;
    dyad_error_set(err, DYAD_ENOTIMPL, o->train ? o->train : "train", 0, -1, "trainer not built yet");
    return DYAD_ENOTIMPL;
}
dyad_status nlp_eval_parse(const dyad_engine *e, const dyad_eval_opts *o, FILE *out, dyad_error *err) {
    (void)e; (void)out;
    dyad_error_set(err, DYAD_ENOTIMPL, o->gold, 0, -1, "parser evaluation not built yet");
    return DYAD_ENOTIMPL;
}

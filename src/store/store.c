/* store.c - STUB placeholder until the store lands. */
#include "dyad.h"
dyad_store *dyad_store_open(const char *path, dyad_error *err) {
    dyad_error_set(err, DYAD_ENOTIMPL, path, 0, -1, "store not built yet");
    return NULL;
}
void dyad_store_close(dyad_store *s) { (void)s; }
dyad_status dyad_store_add(dyad_store *s, dyad_doc *const *d, size_t n, size_t *a, dyad_error *e) { (void)s; (void)d; (void)n; (void)a; (void)e; return DYAD_ENOTIMPL; }
dyad_status dyad_store_report(dyad_store *s, const char *n, FILE *o, dyad_error *e) { (void)s; (void)n; (void)o; (void)e; return DYAD_ENOTIMPL; }
dyad_status dyad_store_sql(dyad_store *s, const char *q, FILE *o, dyad_error *e) { (void)s; (void)q; (void)o; (void)e; return DYAD_ENOTIMPL; }

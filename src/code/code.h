/* code.h - the event coder: dictionaries (dyad, PETRARCH, TABARI formats),
 * actor resolution, predicate patterns over the dependency parse. */
#ifndef DY_CODE_H
#define DY_CODE_H
#include <stdio.h>
#include "dyad.h"

typedef struct dy_dicts dy_dicts;

/* path: a directory or file; format: "dyad", "petrarch", "tabari".
 * Malformed lines are reported through warn (file:line: message) and skipped;
 * NULL with err when nothing can be loaded. */
dy_dicts *code_dicts_load(const char *path, const char *format,
                          void (*warn)(void *user, const dyad_error *e), void *user,
                          dyad_error *err);
void code_dicts_free(dy_dicts *d);

/* Code every parsed sentence of doc into doc->events. default_date may be NULL.
 * PETRARCH's require_dyad is on: with dyad's dictionaries an event with no
 * target at all is not written unless code_dicts_keep_monadic asked for it. */
dyad_status code_doc(const dy_dicts *d, dyad_doc *doc, const char *default_date, dyad_error *err);
/* code_doc with PETRARCH's require_dyad switched off (its validation records
 * turn it off for some): a known source acting on a noun phrase that names
 * no actor is an event too, its target coded "---" */
dyad_status code_doc_monadic(const dy_dicts *d, dyad_doc *doc, const char *default_date, dyad_error *err);
/* code_doc under the settings the input gives for this document
 * (doc->code_options: PETRARCH <Config>, TABARI OPTION records) */
dyad_status code_doc_with_options(const dy_dicts *d, dyad_doc *doc, const char *default_date, dyad_error *err);
/* dyad's dictionaries: whether code_doc also keeps events with no target at
 * all (default no, as PETRARCH's require_dyad) */
void code_dicts_keep_monadic(dy_dicts *d, int keep);

/* dyad train dicts: compile a dictionary directory into one binary file */
dyad_status code_compile_dicts(const dyad_train_opts *o, FILE *log, dyad_error *err);
/* dyad eval suite RECORDS.xml */
dyad_status code_eval_suite(const dyad_engine *e, const dyad_eval_opts *o, FILE *out, dyad_error *err);
/* dyad eval plover FILE (PLOVER_GSR_CAMEO.json or PLV_train.tsv) */
dyad_status code_eval_plover(const dyad_engine *e, const dyad_eval_opts *o, FILE *out, dyad_error *err);
#endif

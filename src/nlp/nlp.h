/* nlp.h - the analyzer: POS tagger, lemmatizer, dependency parser. Models are
 * memory-mapped, immutable after load and shared by threads. */
#ifndef DY_NLP_H
#define DY_NLP_H
#include <stdio.h>
#include "dyad.h"

typedef struct dy_models dy_models;

/* Load every model found in dir. Returns NULL with err (DYAD_EMODEL) when the
 * directory holds no usable model or a file is corrupt. */
dy_models *nlp_models_load(const char *dir, dyad_error *err);
void nlp_models_free(dy_models *m);
int nlp_models_has_parser(const dy_models *m);

/* Tag, lemmatize and parse every sentence of doc in place (tokens keep their
 * forms and offsets). Per-thread scratch memory comes from doc->arena. */
dyad_status nlp_analyze(const dy_models *m, dyad_doc *doc, dyad_error *err);

/* dyad train tagger|parser|lemmatizer|all */
dyad_status nlp_train(const dyad_train_opts *o, FILE *log, dyad_error *err);
/* dyad eval parse GOLD.conllu: UPOS, XPOS, lemma, UAS, LAS */
dyad_status nlp_eval_parse(const dyad_engine *e, const dyad_eval_opts *o, FILE *out, dyad_error *err);
#endif

/* engine.h - what the engine holds; internal to libdyad. */
#ifndef DY_ENGINE_H
#define DY_ENGINE_H
#include "dyad.h"
#include "../nlp/nlp.h"
#include "../code/code.h"

struct dyad_engine {
    dy_models *models;   /* NULL: no analyzer */
    dy_dicts *dicts;     /* NULL: no coder */
    char *default_date;
    char notes[1024];
};

/* text/segment stages for evaluators that drive the pipeline themselves */
const dy_models *engine_models(const dyad_engine *e);
const dy_dicts *engine_dicts(const dyad_engine *e);
#endif

/* engine.c - load models and dictionaries once; run the pipeline stages on a
 * document; dispatch training and evaluation to their modules. */
#include "engine.h"
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libxml/parser.h>
#include "../base/util.h"
#include "../text/text.h"

const dy_models *engine_models(const dyad_engine *e) { return e ? e->models : NULL; }
const dy_dicts *engine_dicts(const dyad_engine *e) { return e ? e->dicts : NULL; }

static void note(dyad_engine *e, const char *msg) {
    size_t n = strlen(e->notes);
    snprintf(e->notes + n, sizeof e->notes - n, "%s%s", n ? "\n" : "", msg);
}

/* Resolve a data directory: explicit option, environment, ./name, <exe>/../name */
static int find_data_dir(const char *opt, const char *env, const char *name, char *out, size_t cap) {
    if (opt) {
        snprintf(out, cap, "%s", opt);
        return path_exists(out);
    }
    const char *ev = getenv(env);
    if (ev && *ev) {
        snprintf(out, cap, "%s", ev);
        return path_exists(out);
    }
    if (path_is_dir(name)) {
        snprintf(out, cap, "%s", name);
        return 1;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = 0;
        char *slash = strrchr(exe, '/');
        if (slash) *slash = 0;
        snprintf(out, cap, "%s/../%s", exe, name);
        if (path_is_dir(out)) return 1;
        snprintf(out, cap, "%s/../share/dyad/%s", exe, name);
        if (path_is_dir(out)) return 1;
    }
    snprintf(out, cap, "%s", name);
    return 0;
}

static void warn_to_notes(void *user, const dyad_error *err) {
    dyad_engine *e = user;
    char line[800];
    /* dictionary warnings go to stderr at once: they name file and line */
    fprintf(stderr, "dyad: warning: %s\n", dyad_error_format(err, line, sizeof line));
    (void)e;
}

dyad_engine *dyad_engine_open(const dyad_engine_opts *o, dyad_error *err) {
    dyad_engine_opts def = {0};
    if (!o) o = &def;
    /* libxml2 must initialise its globals once before threads parse HTML */
    xmlInitParser();
    dyad_engine *e = calloc(1, sizeof *e);
    if (!e) {
        dyad_error_set(err, DYAD_ENOMEM, "dyad", 0, -1, "out of memory");
        return NULL;
    }
    if (o->default_date) {
        char d[11];
        if (date_normalize(o->default_date, d)) {
            dyad_error_set(err, DYAD_EINVAL, "--date", 0, -1,
                           "'%s' is not a date; use YYYY-MM-DD", o->default_date);
            free(e);
            return NULL;
        }
        e->default_date = strdup(d);
    }
    char path[PATH_MAX];
    if (o->want_models) {
        if (find_data_dir(o->models_dir, "DYAD_MODELS", "models", path, sizeof path)) {
            dyad_error me;
            dyad_error_clear(&me);
            e->models = nlp_models_load(path, &me);
            if (!e->models) {
                char line[800];
                if (o->models_dir) { /* asked for explicitly: fatal */
                    *err = me;
                    dyad_engine_close(e);
                    return NULL;
                }
                note(e, dyad_error_format(&me, line, sizeof line));
            }
        } else {
            if (o->models_dir) {
                dyad_error_set(err, DYAD_EMODEL, o->models_dir, 0, -1, "no such models directory");
                dyad_engine_close(e);
                return NULL;
            }
            note(e, "no models directory found: tagging and parsing are skipped");
        }
    }
    if (o->want_dicts) {
        const char *fmt = o->dict_format ? o->dict_format : "dyad";
        if (find_data_dir(o->dicts_path, "DYAD_DICTS", "dicts", path, sizeof path)) {
            dyad_error de;
            dyad_error_clear(&de);
            e->dicts = code_dicts_load(path, fmt, warn_to_notes, e, &de);
            if (e->dicts) code_dicts_keep_monadic(e->dicts, o->monadic);
            if (!e->dicts) {
                if (o->dicts_path || de.status != DYAD_ENOTIMPL) {
                    /* a dictionary that cannot load is one fatal error before any document */
                    *err = de;
                    dyad_engine_close(e);
                    return NULL;
                }
                char line[800];
                note(e, dyad_error_format(&de, line, sizeof line));
            }
        } else {
            if (o->dicts_path) {
                dyad_error_set(err, DYAD_EDICT, o->dicts_path, 0, -1, "no such dictionary path");
                dyad_engine_close(e);
                return NULL;
            }
            note(e, "no dictionaries found: event coding is skipped");
        }
    }
    return e;
}

void dyad_engine_close(dyad_engine *e) {
    if (!e) return;
    if (e->models) nlp_models_free(e->models);
    if (e->dicts) code_dicts_free(e->dicts);
    free(e->default_date);
    free(e);
}

int dyad_engine_has_parser(const dyad_engine *e) { return e && e->models && nlp_models_has_parser(e->models); }
int dyad_engine_has_dicts(const dyad_engine *e) { return e && e->dicts != NULL; }
const char *dyad_engine_notes(const dyad_engine *e) { return e ? e->notes : ""; }

dyad_status dyad_process(const dyad_engine *e, dyad_doc *doc, dyad_stage upto, dyad_error *err) {
    dyad_status st;
    if (upto >= DYAD_STAGE_CLEAN && !doc->text && !doc->given_tokens) {
        if ((st = text_clean(doc, err)) != DYAD_OK) return st;
    }
    if (upto >= DYAD_STAGE_SEGMENT && !doc->given_tokens && doc->ntokens == 0) {
        if ((st = text_segment(doc, err)) != DYAD_OK) return st;
    }
    if (upto >= DYAD_STAGE_PARSE && e && e->models && doc->ntokens) {
        if ((st = nlp_analyze(e->models, doc, err)) != DYAD_OK) return st;
    }
    if (upto >= DYAD_STAGE_CODE && e && e->dicts && doc->ntokens) {
        if ((st = code_doc_with_options(e->dicts, doc, e->default_date, err)) != DYAD_OK) return st;
    }
    if (!doc->date && e && e->default_date) doc->date = e->default_date;
    return DYAD_OK;
}

dyad_status dyad_train(const dyad_train_opts *o, FILE *log, dyad_error *err) {
    if (!o || !o->what) {
        dyad_error_set(err, DYAD_EINVAL, "train", 0, -1, "say what to train: clusters, tagger, parser, lemmatizer, all, dicts");
        return DYAD_EINVAL;
    }
    if (strcmp(o->what, "dicts") == 0) return code_compile_dicts(o, log, err);
    if (!strcmp(o->what, "clusters") || !strcmp(o->what, "tagger") || !strcmp(o->what, "parser") ||
        !strcmp(o->what, "lemmatizer") || !strcmp(o->what, "all"))
        return nlp_train(o, log, err);
    dyad_error_set(err, DYAD_EINVAL, "train", 0, -1, "unknown model '%s'", o->what);
    return DYAD_EINVAL;
}

/* evaluators of other modules */
dyad_status text_eval_segment(const dyad_engine *e, const dyad_eval_opts *o, FILE *out, dyad_error *err);
dyad_status text_eval_extract(const dyad_engine *e, const dyad_eval_opts *o, FILE *out, dyad_error *err);

dyad_status dyad_eval(const dyad_engine *e, const dyad_eval_opts *o, FILE *out, dyad_error *err) {
    if (!o || !o->what || !o->gold) {
        dyad_error_set(err, DYAD_EINVAL, "eval", 0, -1, "usage: dyad eval parse|segment|extract|suite|plover FILE");
        return DYAD_EINVAL;
    }
    if (!path_exists(o->gold)) {
        dyad_error_set(err, DYAD_EIO, o->gold, 0, -1, "gold file not found");
        return DYAD_EIO;
    }
    if (!strcmp(o->what, "parse")) return nlp_eval_parse(e, o, out, err);
    if (!strcmp(o->what, "segment")) return text_eval_segment(e, o, out, err);
    if (!strcmp(o->what, "extract")) return text_eval_extract(e, o, out, err);
    if (!strcmp(o->what, "suite")) return code_eval_suite(e, o, out, err);
    if (!strcmp(o->what, "plover")) return code_eval_plover(e, o, out, err);
    dyad_error_set(err, DYAD_EINVAL, "eval", 0, -1, "unknown evaluation '%s'", o->what);
    return DYAD_EINVAL;
}

/* eval_parse.c - `dyad eval parse GOLD.conllu`: run the analyzer on the gold
 * tokens (one document per sentence, the run-time path) and score UPOS, XPOS,
 * lemma, UAS and LAS (full relations and universal ones without subtypes). */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "nlp.h"
#include "nlp_internal.h"
#include "core/engine.h"

typedef struct target { const char *name; double want; } target;

/* CPU seconds of this thread: the speed figure should not depend on what else
 * the machine is running */
static double thread_seconds(void) {
    struct timespec ts;
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)) return now_seconds();
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Wall time of loading the models in dir once more (the engine's own load is
 * not timed): what a program pays before its first sentence. */
static double load_ms(const char *dir) {
    dyad_error e;
    dyad_error_clear(&e);
    double t0 = now_seconds();
    dy_models *m = nlp_models_load(dir, &e);
    double ms = (now_seconds() - t0) * 1000.0;
    nlp_models_free(m);
    return m ? ms : -1;
}

static int same_universal(const char *a, const char *b) {
    size_t la = strcspn(a, ":"), lb = strcspn(b, ":");
    return la == lb && !strncmp(a, b, la);
}

static void write_sentence(FILE *fp, const dyad_doc *doc, const char *id) {
    if (id) fprintf(fp, "# sent_id = %s\n", id);
    for (size_t i = 0; i < doc->ntokens; i++) {
        const dyad_token *t = &doc->tokens[i];
        fprintf(fp, "%zu\t%s\t%s\t%s\t%s\t_\t%d\t%s\t_\t_\n", i + 1, t->form, t->lemma ? t->lemma : "_",
                t->upos ? t->upos : "_", t->xpos ? t->xpos : "_", t->head < 0 ? 0 : t->head,
                t->deprel ? t->deprel : "_");
    }
    fputc('\n', fp);
}

dyad_status nlp_eval_parse(const dyad_engine *e, const dyad_eval_opts *o, FILE *out, dyad_error *err) {
    const dy_models *m = engine_models(e);
    if (!m) {
        dyad_error_set(err, DYAD_EMODEL, "models", 0, -1, "no analyzer models loaded (train them or pass --models DIR)");
        return DYAD_EMODEL;
    }
    nlp_corpus gold;
    if (corpus_load(&gold, o->gold, err)) return err->status;
    FILE *pred = NULL;
    if (o->pred_out && !(pred = fopen(o->pred_out, "w"))) {
        dyad_error_set(err, DYAD_EIO, o->pred_out, 0, -1, "cannot write predictions");
        corpus_free(&gold);
        return DYAD_EIO;
    }
    dyad_doc *doc = dyad_doc_new();
    if (!doc) {
        corpus_free(&gold);
        if (pred) fclose(pred);
        dyad_error_set(err, DYAD_ENOMEM, o->gold, 0, -1, "out of memory");
        return DYAD_ENOMEM;
    }
    size_t upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, ulas = 0, n = 0;
    double secs = 0;
    dyad_status st = DYAD_OK;
    for (size_t s = 0; s < gold.nsents && st == DYAD_OK; s++) {
        dyad_doc_reset(doc);
        doc->input = o->gold;
        doc->given_tokens = 1;
        size_t first = gold.sent_first[s], len = corpus_sent_len(&gold, s);
        dyad_sentence *se = dyad_doc_add_sentence(doc);
        if (!se) { st = DYAD_ENOMEM; break; }
        se->first_token = 0;
        se->ntokens = (uint32_t)len;
        for (size_t i = 0; i < len; i++) {
            dyad_token *t = dyad_doc_add_token(doc);
            if (!t) { st = DYAD_ENOMEM; break; }
            t->form = gold.toks[first + i].form;
        }
        if (st != DYAD_OK) break;
        double t0 = thread_seconds();
        st = nlp_analyze(m, doc, err);
        secs += thread_seconds() - t0;
        for (size_t i = 0; st == DYAD_OK && i < len; i++) {
            const nlp_gold_tok *g = &gold.toks[first + i];
            const dyad_token *t = &doc->tokens[i];
            n++;
            upos += t->upos && !strcmp(t->upos, g->upos);
            xpos += t->xpos && !strcmp(t->xpos, g->xpos);
            lemma += t->lemma && !strcmp(t->lemma, g->lemma);
            if (t->head == g->head) {
                uas++;
                las += t->deprel && !strcmp(t->deprel, g->deprel);
                ulas += t->deprel && same_universal(t->deprel, g->deprel);
            }
        }
        if (pred && st == DYAD_OK) write_sentence(pred, doc, gold.sent_ids[s]);
    }
    dyad_doc_free(doc);
    if (pred) fclose(pred);
    corpus_free(&gold);
    if (st != DYAD_OK) return st;
    double d = n ? 100.0 / n : 0;
    int parsed = nlp_models_has_parser(m);
    fprintf(out, "words %zu\n", n);
    fprintf(out, "UPOS %.2f\nXPOS %.2f\nLemma %.2f\n", upos * d, xpos * d, lemma * d);
    if (parsed) fprintf(out, "UAS %.2f\nLAS %.2f\nLAS-universal %.2f\n", uas * d, las * d, ulas * d);
    fprintf(out, "speed %.0f words/s (one thread, CPU time, tag+lemma%s)\n", secs > 0 ? n / secs : 0.0,
            parsed ? "+parse" : "");
    /* the engine does not say which directory it loaded: time $DYAD_MODELS,
     * else ./models (run with DYAD_MODELS=DIR rather than --models DIR) */
    const char *dir = getenv("DYAD_MODELS") && *getenv("DYAD_MODELS") ? getenv("DYAD_MODELS") : "models";
    double ms = path_is_dir(dir) ? load_ms(dir) : -1;
    if (ms >= 0) fprintf(out, "load %.1f ms (wall, nlp_models_load of %s)\n", ms, dir);
    if (o->check) {
        const target tg[] = {{"UPOS", 96.0}, {"Lemma", 97.5}, {"UAS", 88.5}, {"LAS", 86.0}};
        double got[] = {upos * d, lemma * d, uas * d, las * d};
        for (int i = 0; i < 4; i++) {
            if (i >= 2 && !parsed) {
                dyad_error_set(err, DYAD_ETARGET, o->gold, 0, -1, "no parser model: UAS/LAS not measured");
                return DYAD_ETARGET;
            }
            if (got[i] < tg[i].want - 0.5) {
                dyad_error_set(err, DYAD_ETARGET, o->gold, 0, -1, "%s %.2f is below its target %.1f", tg[i].name,
                               got[i], tg[i].want);
                return DYAD_ETARGET;
            }
        }
    }
    return DYAD_OK;
}

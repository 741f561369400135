/* parser_train.c - training the parser: tags for the training set (jackknifed
 * on large treebanks), the perceptron epochs (greedy with the dynamic oracle
 * and exploration, or the beam of parser_beam.c), the model file, and the
 * score on the dev set. Apart from parser.c because none of it runs when
 * text is parsed. */
#include <stdlib.h>
#include <string.h>
#include "parser_int.h"

enum { JACKKNIFE_FOLDS = 4, JACKKNIFE_ITERATIONS = 5, JACKKNIFE_MIN_SENTENCES = 1000,
       PARSER_BEAM = 1 /* the beam width new models are trained and parse with; 1 = greedy */ };
#define PARSER_MAX_BYTES (16.7 * 1048576) /* all models together stay under 30 MB (the tagger holds WordNet) */

typedef struct labelset { char **names; int n, cap; } labelset;
static int label_id(labelset *ls, const char *name) {
    for (int i = 0; i < ls->n; i++)
        if (!strcmp(ls->names[i], name)) return i;
    if (ls->n == ls->cap) {
        ls->cap = ls->cap ? ls->cap * 2 : 64;
        char **nn = realloc(ls->names, ls->cap * sizeof *nn);
        if (!nn) return -1;
        ls->names = nn;
    }
    ls->names[ls->n] = strdup(name);
    return ls->names[ls->n] ? ls->n++ : -1;
}

static double eval_parser(const nlp_parser *p, const nlp_corpus *c, const nlp_word *words, const int *tags,
                          double *las) {
    dyad_arena *a = arena_new(1 << 16);
    int *h = malloc((c->ntoks + 1) * sizeof *h), *l = malloc((c->ntoks + 1) * sizeof *l);
    size_t ua = 0, la = 0;
    for (size_t s = 0; a && h && l && s < c->nsents; s++) {
        size_t f = c->sent_first[s];
        int n = (int)corpus_sent_len(c, s);
        if (parser_parse(p, words + f, tags + f, n, h, l, a)) break;
        for (int i = 0; i < n; i++) {
            const nlp_gold_tok *t = &c->toks[f + i];
            if (h[i] == t->head) {
                ua++;
                la += !strcmp(p->labels[l[i]], t->deprel);
            }
        }
        arena_reset(a);
    }
    if (a) arena_free(a);
    free(h);
    free(l);
    *las = c->ntoks ? 100.0 * la / c->ntoks : 0;
    return c->ntoks ? 100.0 * ua / c->ntoks : 0;
}

/* tag a corpus with the trained tagger (the parser learns from predicted tags) */
static int tag_corpus(const nlp_tagger *t, const nlp_corpus *c, nlp_word *words, int *tags) {
    int32_t *scores = malloc(nlp_dense_classes(t->nclasses) * sizeof *scores);
    if (!scores) return -1;
    for (size_t s = 0; s < c->nsents; s++) {
        size_t f = c->sent_first[s];
        tagger_tag(t, words + f, (int)corpus_sent_len(c, s), tags + f, scores);
    }
    free(scores);
    return 0;
}

/* Jackknifed tags for the training set: each fold is tagged by a tagger
 * trained on the other folds, so the parser learns from tags as noisy as
 * those it will see on new text. Clusters come from the full tagger. Folds
 * are contiguous runs of sentences: the treebank keeps a document's
 * sentences together, and a tagger that saw the rest of the document would
 * tag its sentences better than it tags new text. */
static int jackknife_tags(const nlp_corpus *train, const nlp_tagger *full, int folds, int iterations,
                          const char *tmp_path, nlp_word *words, int *tags, FILE *log, dyad_error *err) {
    nlp_corpus sub;
    memset(&sub, 0, sizeof sub);
    sub.toks = malloc(train->ntoks * sizeof *sub.toks);
    sub.sent_first = malloc(train->nsents * sizeof *sub.sent_first);
    sub.sent_ids = calloc(train->nsents, sizeof *sub.sent_ids);
    int *map = NULL, rc = -1;
    if (!sub.toks || !sub.sent_first || !sub.sent_ids) goto done;
    for (int f = 0; f < folds; f++) {
        size_t lo = train->nsents * (size_t)f / (size_t)folds, hi = train->nsents * (size_t)(f + 1) / (size_t)folds;
        corpus_without_range(train, lo, hi, &sub);
        if (tagger_train(&sub, NULL, iterations, tmp_path, NULL, err)) goto done;
        nlp_tagger t;
        if (tagger_load(&t, tmp_path, err)) goto done;
        free(map);
        map = malloc(t.nclasses * sizeof *map);
        int32_t *scores = malloc(nlp_dense_classes(t.nclasses) * sizeof *scores);
        if (!map || !scores) {
            free(scores);
            tagger_free(&t);
            goto done;
        }
        for (uint32_t i = 0; i < t.nclasses; i++) {
            map[i] = 0;
            for (uint32_t j = 0; j < full->nclasses; j++)
                if (!strcmp(t.upos[i], full->upos[j]) && !strcmp(t.xpos[i], full->xpos[j])) map[i] = (int)j;
        }
        size_t ok = 0, n = 0;
        for (size_t s = lo; s < hi; s++) {
            size_t first = train->sent_first[s], len = corpus_sent_len(train, s);
            tagger_tag(&t, words + first, (int)len, tags + first, scores);
            for (size_t i = first; i < first + len; i++) {
                tags[i] = map[tags[i]];
                ok += !strcmp(full->upos[tags[i]], train->toks[i].upos);
                n++;
            }
        }
        if (log) fprintf(log, "parser: jackknife fold %d/%d tagged, UPOS %.2f\n", f + 1, folds, 100.0 * ok / (n + !n));
        free(scores);
        tagger_free(&t);
    }
    tagger_set_clusters(full, words, (int)train->ntoks);
    rc = 0;
done:
    remove(tmp_path);
    free(map);
    free(sub.toks);
    free(sub.sent_first);
    free(sub.sent_ids);
    if (rc && !err->status) dyad_error_set(err, DYAD_ENOMEM, train->sent_ids ? "parser" : "parser", 0, -1,
                                           "out of memory tagging the training set");
    return rc;
}

/* DYAD_JACKKNIFE_CACHE=FILE keeps the jackknifed training tags between runs
 * that change only the parser (the jackknife is half of the parser's
 * training time). The file holds the token count, then the tags; a cache
 * for another corpus is ignored. Stale after a tagger change: delete it. */
static int read_tag_cache(const char *path, int *tags, size_t n) {
    FILE *fp = fopen(path, "rb");
    uint64_t have = 0;
    int ok = fp && fread(&have, sizeof have, 1, fp) == 1 && have == n && fread(tags, sizeof *tags, n, fp) == n;
    if (fp) fclose(fp);
    return ok;
}

static void write_tag_cache(const char *path, const int *tags, size_t n) {
    FILE *fp = fopen(path, "wb");
    uint64_t have = n;
    if (!fp) return;
    if (fwrite(&have, sizeof have, 1, fp) != 1 || fwrite(tags, sizeof *tags, n, fp) != n) {
        fclose(fp);
        remove(path);
        return;
    }
    fclose(fp);
}

/* The beam width to train with (and parse with: it is saved in the model):
 * `dyad train --beam K`, else PARSER_BEAM */
static int train_beam_width(int asked) {
    int k = asked > 0 ? asked : PARSER_BEAM;
    return k < 1 ? 1 : k > PARSER_MAX_BEAM ? PARSER_MAX_BEAM : k;
}

int parser_train(const nlp_corpus *train, const nlp_corpus *dev, const char *tagger_path, int iterations,
                 int beam_asked, const char *out, FILE *log, dyad_error *err) {
    nlp_tagger tg;
    if (tagger_load(&tg, tagger_path, err)) return -1;
    labelset ls = {0};
    nlp_train_weights tw = {0};
    int rc = -1, maxn = 1;
    nlp_word *words = malloc((train->ntoks + 1) * sizeof *words);
    int *tags = malloc((train->ntoks + 1) * sizeof *tags);
    int *glab = malloc((train->ntoks + 1) * sizeof *glab);
    uint32_t *order = malloc((train->nsents + 1) * sizeof *order);
    if (!words || !tags || !glab || !order) goto nomem;
    for (size_t i = 0; i < train->ntoks; i++) {
        nlp_word_features(train->toks[i].form, &words[i]);
        if ((glab[i] = label_id(&ls, train->toks[i].deprel)) < 0) goto nomem;
    }
    int root_label = label_id(&ls, "root"), dep_label = label_id(&ls, "dep");
    if (root_label < 0 || dep_label < 0) goto nomem;
    const char *cache = getenv("DYAD_JACKKNIFE_CACHE");
    if (cache && *cache && read_tag_cache(cache, tags, train->ntoks)) {
        tagger_set_clusters(&tg, words, (int)train->ntoks);
        if (log) fprintf(log, "parser: jackknifed tags read from %s\n", cache);
    } else if (JACKKNIFE_FOLDS > 1 && train->nsents >= JACKKNIFE_MIN_SENTENCES) { /* small treebanks: own tags */
        char tmp[1100];
        snprintf(tmp, sizeof tmp, "%s.fold", out);
        if (jackknife_tags(train, &tg, JACKKNIFE_FOLDS, JACKKNIFE_ITERATIONS, tmp, words, tags, log, err)) {
            rc = -1;
            goto done;
        }
        if (cache && *cache) write_tag_cache(cache, tags, train->ntoks);
    } else if (tag_corpus(&tg, train, words, tags)) {
        goto nomem;
    }
    for (size_t s = 0; s < train->nsents; s++) {
        order[s] = (uint32_t)s;
        if ((int)corpus_sent_len(train, s) > maxn) maxn = (int)corpus_sent_len(train, s);
    }
    int nclasses = 2 + 2 * ls.n;
    if (tw_init(&tw, (uint32_t)nclasses)) goto nomem;
    void *mem = malloc(pstate_bytes(maxn));
    float *scores = malloc(nclasses * sizeof *scores);
    int *cost = malloc(nclasses * sizeof *cost), *gh = malloc((maxn + 2) * sizeof *gh),
        *gl = malloc((maxn + 2) * sizeof *gl);
    if (!mem || !scores || !cost || !gh || !gl) {
        free(mem); free(scores); free(cost); free(gh); free(gl);
        goto nomem;
    }
    int beam = train_beam_width(beam_asked);
    beam_trainer bt;
    memset(&bt, 0, sizeof bt);
    if (beam > 1 && beam_trainer_init(&bt, beam, nclasses, ls.n, maxn)) {
        beam_trainer_free(&bt);
        free(mem); free(scores); free(cost); free(gh); free(gl);
        goto nomem;
    }
    if (log && beam > 1) fprintf(log, "parser: beam of %d, max-violation updates\n", beam);
    uint64_t seed = 777, f[MAX_PARSE_FEATS];
    for (int it = 0; it < iterations; it++) {
        double t0 = now_seconds();
        for (size_t i = train->nsents; i > 1; i--) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            size_t j = (size_t)((seed >> 33) % i);
            uint32_t x = order[i - 1]; order[i - 1] = order[j]; order[j] = x;
        }
        size_t steps = 0, errors = 0;
        for (size_t k = 0; k < train->nsents; k++) {
            size_t si = order[k], first = train->sent_first[si];
            int n = (int)corpus_sent_len(train, si);
            gh[0] = -1;
            gl[0] = -1;
            for (int i = 1; i <= n; i++) {
                gh[i] = train->toks[first + i - 1].head;
                gl[i] = glab[first + i - 1];
            }
            if (beam > 1) {
                int wrong;
                if (beam_trainer_sentence(&bt, &tw, words + first, tags + first, n, gh, gl, &wrong)) {
                    beam_trainer_free(&bt);
                    free(mem); free(scores); free(cost); free(gh); free(gl);
                    goto nomem;
                }
                steps++;
                errors += wrong;
                continue;
            }
            pstate s;
            pstate_init(&s, n, mem);
            pctx c = {words + first, tags + first, &s};
            while (s.b <= n) {
                int nf = parse_features(&c, f);
                memset(scores, 0, nclasses * sizeof *scores);
                tw_score(&tw, f, nf, scores);
                move_costs(&s, gh, gl, nclasses, cost);
                int mincost = 1 << 20;
                for (int m = 0; m < nclasses; m++)
                    if (cost[m] < mincost) mincost = cost[m];
                int pred = best_valid(&s, scores, nclasses, NULL, 0);
                int gold = best_valid(&s, scores, nclasses, cost, mincost);
                if (pred < 0 || gold < 0) break;
                steps++;
                if (cost[pred] > mincost) errors++;
                if (tw_update(&tw, f, nf, gold, cost[pred] > mincost ? pred : gold)) {
                    free(mem); free(scores); free(cost); free(gh); free(gl);
                    goto nomem;
                }
                seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
                int explore = it > 0 && ((seed >> 40) % 10) < 9;
                apply(&s, explore ? pred : gold);
            }
        }
        if (tw_compact(&tw)) {
            beam_trainer_free(&bt);
            free(mem); free(scores); free(cost); free(gh); free(gl);
            goto nomem;
        }
        if (log)
            fprintf(log, "parser iteration %d: %.2f%% wrong %s (%.1fs)\n", it + 1, 100.0 * errors / (steps + !steps),
                    beam > 1 ? "parses" : "moves", now_seconds() - t0);
    }
    beam_trainer_free(&bt);
    free(mem); free(scores); free(cost); free(gh); free(gl);
    nlp_writer wr;
    nlp_writer_init(&wr, NLP_KIND_PARSER);
    dy_buf *meta = nlp_writer_section(&wr, SEC_META), *names = nlp_writer_section(&wr, SEC_CLASSES);
    uint32_t m[5] = {(uint32_t)ls.n, tg.nclasses, (uint32_t)root_label, (uint32_t)dep_label, (uint32_t)beam};
    buf_push(meta, m, sizeof m);
    for (int i = 0; i < ls.n; i++) buf_push(names, ls.names[i], strlen(ls.names[i]) + 1);
    for (uint32_t i = 0; i < tg.nclasses; i++) {
        buf_push(names, tg.upos[i], strlen(tg.upos[i]) + 1);
        buf_push(names, tg.xpos[i], strlen(tg.xpos[i]) + 1);
    }
    if (tw_save(&tw, &wr, PARSER_MAX_BYTES, log) || nlp_writer_save(&wr, out, err)) {
        nlp_writer_free(&wr);
        if (!err->status) dyad_error_set(err, DYAD_ENOMEM, out, 0, -1, "out of memory saving the parser");
        goto done;
    }
    nlp_writer_free(&wr);
    if (dev && dev->ntoks) {
        nlp_parser p;
        if (parser_load(&p, out, err)) goto done;
        nlp_word *dw = malloc(dev->ntoks * sizeof *dw);
        int *dt = malloc(dev->ntoks * sizeof *dt);
        if (dw && dt) {
            for (size_t i = 0; i < dev->ntoks; i++) nlp_word_features(dev->toks[i].form, &dw[i]);
            tag_corpus(&tg, dev, dw, dt);
            double las, uas = eval_parser(&p, dev, dw, dt, &las);
            if (log) fprintf(log, "parser dev (predicted tags): UAS %.2f LAS %.2f\n", uas, las);
        }
        free(dw);
        free(dt);
        parser_free(&p);
    }
    rc = 0;
    goto done;
nomem:
    dyad_error_set(err, DYAD_ENOMEM, out, 0, -1, "out of memory training the parser");
done:
    tagger_free(&tg);
    tw_free(&tw);
    for (int i = 0; i < ls.n; i++) free(ls.names[i]);
    free(ls.names);
    free(words);
    free(tags);
    free(glab);
    free(order);
    return rc;
}

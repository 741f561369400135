/* tagger.c - averaged-perceptron POS tagger predicting a joint (UPOS, XPOS)
 * class from the word, its affixes and shape, two words of context either
 * side and the two previous tags. Two greedy left-to-right passes share one
 * weight table: the second also sees the first pass's tags of the next two
 * words, so "X said" and "X 's" can look right as well as left. */
#include <stdlib.h>
#include <string.h>
#include "nlp_internal.h"

enum { MAX_TAG_FEATS = 64, AMB_MIN_COUNT = 3 };
#define TAGGER_MAX_BYTES (7.0 * 1048576)
#define AMB_UNKNOWN 0x9999u

/* the ambiguity class of a word: the set of tags it had in training */
static uint64_t amb_lookup(const nlp_tagger *t, uint64_t h) {
    if (!t->amb) return AMB_UNKNOWN;
    uint64_t key = h | 1;
    for (uint64_t i = key & t->ambmask;; i = (i + 1) & t->ambmask) {
        if (t->amb[2 * i] == key) return t->amb[2 * i + 1];
        if (!t->amb[2 * i]) return AMB_UNKNOWN;
    }
}

static inline uint64_t f1(uint64_t t, uint64_t a) { return hash_mix(hash_mix(t * 0x9e3779b97f4a7c15ULL, a), 7); }
static inline uint64_t f2(uint64_t t, uint64_t a, uint64_t b) { return hash_mix(f1(t, a), b); }

static const nlp_word *word_at(const nlp_word *w, int n, int i) {
    static const nlp_word bos = {.lower = 0x1111, .raw = 0x1111, .shape = 0x1111, .suf = {0x1111}};
    static const nlp_word eos = {.lower = 0x2222, .raw = 0x2222, .shape = 0x2222, .suf = {0x2222}};
    return i < 0 ? &bos : i >= n ? &eos : &w[i];
}

/* p1, p2: previous tags (-1 before the sentence); tags: the first pass's
 * tags for the right context, NULL in the first pass */
static int tag_features(const nlp_word *words, int n, int i, int p1, int p2, const int *tags, uint64_t *f) {
    const nlp_word *w = &words[i], *l1 = word_at(words, n, i - 1), *l2 = word_at(words, n, i - 2),
                   *r1 = word_at(words, n, i + 1), *r2 = word_at(words, n, i + 2);
    uint64_t t1 = (uint64_t)(p1 + 2), t2 = (uint64_t)(p2 + 2);
    int k = 0;
    f[k++] = f1(1, 0);
    f[k++] = f1(2, w->lower);
    f[k++] = f1(3, w->raw);
    for (int j = 0; j < 4; j++) f[k++] = f1(4 + j, w->suf[j]);
    for (int j = 0; j < 3; j++) f[k++] = f1(8 + j, w->pre[j]);
    f[k++] = f1(11, w->shape);
    f[k++] = f2(12, w->flags, i == 0);
    f[k++] = f1(13, l1->lower);
    f[k++] = f1(14, l2->lower);
    f[k++] = f1(15, r1->lower);
    f[k++] = f1(16, r2->lower);
    f[k++] = f1(17, l1->suf[2]);
    f[k++] = f1(18, r1->suf[2]);
    f[k++] = f1(19, r1->shape);
    f[k++] = f1(20, t1);
    f[k++] = f2(21, t1, t2);
    f[k++] = f2(22, t1, w->lower);
    f[k++] = f2(23, l1->lower, w->lower);
    f[k++] = f2(24, w->lower, r1->lower);
    f[k++] = f2(25, t1, r1->lower);
    f[k++] = f2(26, w->suf[2], r1->suf[2]);
    f[k++] = f2(27, t1, w->suf[2]);
    f[k++] = f2(28, r1->lower, r2->lower);
    f[k++] = f1(29, w->cluster);
    f[k++] = f1(30, r1->cluster);
    f[k++] = f1(31, l1->cluster);
    f[k++] = f2(32, w->flags, r1->flags);
    f[k++] = f1(33, l1->shape);
    f[k++] = f1(34, r2->cluster);
    f[k++] = f2(35, t1, w->cluster);
    f[k++] = f2(36, w->cluster, r1->cluster);
    f[k++] = f2(37, l1->cluster, w->cluster);
    f[k++] = f2(38, w->cluster, w->suf[2]);
    f[k++] = f1(39, w->suf5);
    f[k++] = f1(40, w->tail);
    f[k++] = f2(41, w->tail, w->flags & W_UPPER1);
    f[k++] = f2(42, w->lower, i == 0 ? 1 : 2 + (w->flags & (W_UPPER1 | W_ALLCAPS)));
    if (tags) {
        uint64_t r1t = (uint64_t)((i + 1 < n ? tags[i + 1] : -1) + 8),
                 r2t = (uint64_t)((i + 2 < n ? tags[i + 2] : -1) + 8);
        f[k++] = f1(43, r1t);
        f[k++] = f2(44, r1t, r2t);
        f[k++] = f2(45, r1t, w->lower);
        f[k++] = f2(46, t1, r1t);
        f[k++] = f2(47, r1t, w->suf[2]);
        f[k++] = f2(48, r1t, w->cluster);
        f[k++] = f2(49, hash_mix(t1, r1t), w->cluster);
    }
    return k;
}

static int argmax(const float *s, int n) {
    int b = 0;
    for (int i = 1; i < n; i++)
        if (s[i] > s[b]) b = i;
    return b;
}

void tagger_set_clusters(const nlp_tagger *t, nlp_word *words, int n) {
    for (int i = 0; i < n; i++) words[i].cluster = amb_lookup(t, words[i].lower);
}

/* Prepositions of news text that the treebank lacks or has too rarely for an
 * ambiguity class: tagged from their affixes they come out as verbs ("amid"
 * VBD, lemma "amy"). Closed-class words are listed, not learned. */
static const char *const unseen_prepositions[] = {
    "amid", "amidst", "despite", "via", "per", "towards", "toward", "among", "amongst", "upon", "unlike",
    "throughout", "notwithstanding", "versus", "vs", "vs.", "atop", "alongside", "onto", "into", "within",
    "underneath", "beneath", "beside", "during", "against", "across", "behind", "beyond", "without", NULL};

static int is_listed_preposition(const nlp_tagger *t, const nlp_word *w) {
    if (w->cluster != AMB_UNKNOWN || t->adp_in < 0) return 0;
    for (int i = 0; i < t->npreps; i++)
        if (t->preps[i] == w->lower) return 1;
    return 0;
}

void tagger_tag(const nlp_tagger *t, nlp_word *words, int n, int *tags, int32_t *scores) {
    uint64_t f[MAX_TAG_FEATS];
    for (int i = 0; i < n; i++) words[i].cluster = amb_lookup(t, words[i].lower);
    /* the second pass overwrites tags in place: tags[i+1..] are still the
     * first pass's when word i is tagged */
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < n; i++) {
            int nf = tag_features(words, n, i, i > 0 ? tags[i - 1] : -1, i > 1 ? tags[i - 2] : -1,
                                  pass ? tags : NULL, f);
            memset(scores, 0, nlp_dense_classes(t->nclasses) * sizeof *scores);
            nlp_weights_score(&t->w, f, nf, scores);
            int best = 0;
            for (int c = 1; c < (int)t->nclasses; c++)
                if (scores[c] > scores[best]) best = c;
            tags[i] = is_listed_preposition(t, &words[i]) ? t->adp_in : best;
        }
}

int tagger_load(nlp_tagger *t, const char *path, dyad_error *err) {
    memset(t, 0, sizeof *t);
    if (nlp_file_open(&t->file, path, NLP_KIND_TAGGER, err)) return -1;
    uint64_t nm, nc;
    const uint32_t *meta = nlp_file_section(&t->file, SEC_META, &nm);
    const char *cls = nlp_file_section(&t->file, SEC_CLASSES, &nc);
    const char *why = NULL;
    if (!meta || nm < 4 || !cls) why = "tagger sections missing";
    else if (meta[0] == 0 || meta[0] > 4096) why = "bad tagger class count";
    if (!why) {
        t->nclasses = meta[0];
        const char **names = malloc(2 * t->nclasses * sizeof *names);
        if (!names) why = "out of memory";
        else if (nlp_strings_index(cls, nc, 2 * t->nclasses, names)) {
            free(names);
            why = "bad tagger class names";
        } else {
            t->upos = malloc(t->nclasses * sizeof *t->upos);
            t->xpos = malloc(t->nclasses * sizeof *t->xpos);
            if (!t->upos || !t->xpos) why = "out of memory";
            for (uint32_t i = 0; !why && i < t->nclasses; i++) {
                t->upos[i] = names[2 * i];
                t->xpos[i] = names[2 * i + 1];
            }
            free(names);
        }
    }
    if (why) {
        dyad_error_set(err, DYAD_EMODEL, path, 0, -1, "%s", why);
        tagger_free(t);
        return -1;
    }
    t->adp_in = -1;
    for (uint32_t i = 0; i < t->nclasses; i++)
        if (!strcmp(t->upos[i], "ADP") && !strcmp(t->xpos[i], "IN")) t->adp_in = (int)i;
    for (const char *const *p = unseen_prepositions; *p && t->npreps < 32; p++) {
        nlp_word w;
        nlp_word_features(*p, &w);
        t->preps[t->npreps++] = w.lower;
    }
    uint64_t na;
    t->amb = nlp_file_section(&t->file, SEC_LEX_SLOTS, &na);
    if (t->amb) {
        uint64_t slots = na / 16;
        uint64_t empty = 0;
        for (uint64_t i = 0; !(na % 16) && i < slots; i++) empty += t->amb[2 * i] == 0;
        if (na % 16 || !slots || (slots & (slots - 1)) || !empty) {
            dyad_error_set(err, DYAD_EMODEL, path, 0, -1, "bad tagger lexicon");
            tagger_free(t);
            return -1;
        }
        t->ambmask = slots - 1;
    }
    if (nlp_weights_load(&t->w, &t->file, t->nclasses, err)) {
        tagger_free(t);
        return -1;
    }
    return 0;
}

void tagger_free(nlp_tagger *t) {
    free(t->upos);
    free(t->xpos);
    nlp_file_close(&t->file);
    memset(t, 0, sizeof *t);
}

/* ---- training ------------------------------------------------------------ */

/* Deterministic shuffle for sentence order */
static void shuffle(uint32_t *a, size_t n, uint64_t *seed) {
    for (size_t i = n; i > 1; i--) {
        *seed = *seed * 6364136223846793005ULL + 1442695040888963407ULL;
        size_t j = (size_t)((*seed >> 33) % i);
        uint32_t x = a[i - 1];
        a[i - 1] = a[j];
        a[j] = x;
    }
}

typedef struct tagset { char **names; int n, cap; } tagset;

static int tagset_id(tagset *ts, const char *upos, const char *xpos, int add) {
    char key[128];
    snprintf(key, sizeof key, "%s\t%s", upos, xpos);
    for (int i = 0; i < ts->n; i++)
        if (!strcmp(ts->names[i], key)) return i;
    if (!add) return -1;
    if (ts->n == ts->cap) {
        ts->cap = ts->cap ? ts->cap * 2 : 64;
        char **nn = realloc(ts->names, ts->cap * sizeof *nn);
        if (!nn) return -1;
        ts->names = nn;
    }
    ts->names[ts->n] = strdup(key);
    return ts->n++;
}

static void words_of(const nlp_corpus *c, nlp_word *out) {
    for (size_t i = 0; i < c->ntoks; i++) nlp_word_features(c->toks[i].form, &out[i]);
}

typedef struct word_tag { uint64_t word; int tag; } word_tag;
static int cmp_word_tag(const void *a, const void *b) {
    const word_tag *x = a, *y = b;
    if (x->word != y->word) return x->word < y->word ? -1 : 1;
    return x->tag - y->tag;
}

/* Ambiguity classes of the words seen AMB_MIN_COUNT times or more: a hash of
 * the tags each took (tags under 2% of its uses ignored). Returns the slot
 * array (pairs of key, class) and its slot count. */
static uint64_t *build_amb(const nlp_word *words, const int *gold, size_t n, uint64_t *nslots) {
    word_tag *wt = malloc((n + 1) * sizeof *wt);
    if (!wt) return NULL;
    for (size_t i = 0; i < n; i++) wt[i] = (word_tag){words[i].lower | 1, gold[i]};
    qsort(wt, n, sizeof *wt, cmp_word_tag);
    size_t nwords = 0;
    for (size_t i = 0; i < n; i++) nwords += i == 0 || wt[i].word != wt[i - 1].word;
    uint64_t cap = 16;
    while (cap < nwords * 2) cap *= 2;
    uint64_t *tab = calloc(cap * 2, sizeof *tab);
    if (!tab) { free(wt); return NULL; }
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && wt[j].word == wt[i].word) j++;
        if (j - i >= AMB_MIN_COUNT) {
            uint64_t sig = 0x5eed;
            for (size_t k = i; k < j;) {
                size_t e = k;
                while (e < j && wt[e].tag == wt[k].tag) e++;
                if ((e - k) * 50 >= j - i) sig = hash_mix(sig, (uint64_t)wt[k].tag + 1);
                k = e;
            }
            uint64_t key = wt[i].word, s = key & (cap - 1);
            while (tab[2 * s]) s = (s + 1) & (cap - 1);
            tab[2 * s] = key;
            tab[2 * s + 1] = sig;
        }
        i = j;
    }
    free(wt);
    *nslots = cap;
    return tab;
}

static double eval_tagger(const nlp_tagger *t, const nlp_corpus *c, nlp_word *words, double *xpos_acc) {
    int *tags = malloc((c->ntoks + 1) * sizeof *tags);
    int32_t *scores = malloc(nlp_dense_classes(t->nclasses) * sizeof *scores);
    size_t ok = 0, okx = 0;
    for (size_t s = 0; tags && scores && s < c->nsents; s++) {
        size_t f = c->sent_first[s];
        tagger_tag(t, words + f, (int)corpus_sent_len(c, s), tags + f, scores);
    }
    for (size_t i = 0; tags && scores && i < c->ntoks; i++) {
        ok += !strcmp(t->upos[tags[i]], c->toks[i].upos);
        okx += !strcmp(t->xpos[tags[i]], c->toks[i].xpos);
    }
    free(tags);
    free(scores);
    *xpos_acc = c->ntoks ? 100.0 * okx / c->ntoks : 0;
    return c->ntoks ? 100.0 * ok / c->ntoks : 0;
}

int tagger_train(const nlp_corpus *train, const nlp_corpus *dev, int iterations, const char *out, FILE *log,
                 dyad_error *err) {
    tagset ts = {0};
    int *gold = malloc(train->ntoks * sizeof *gold);
    int *pred = malloc(train->ntoks * sizeof *pred);
    nlp_word *words = malloc(train->ntoks * sizeof *words);
    uint32_t *order = malloc(train->nsents * sizeof *order);
    nlp_train_weights tw = {0};
    uint64_t *amb = NULL;
    int rc = -1;
    if (!gold || !pred || !words || !order) goto nomem;
    for (size_t i = 0; i < train->ntoks; i++)
        if ((gold[i] = tagset_id(&ts, train->toks[i].upos, train->toks[i].xpos, 1)) < 0) goto nomem;
    words_of(train, words);
    uint64_t namb = 0;
    amb = build_amb(words, gold, train->ntoks, &namb);
    if (!amb) goto nomem;
    nlp_tagger lex = {.amb = amb, .ambmask = namb - 1};
    for (size_t i = 0; i < train->ntoks; i++) words[i].cluster = amb_lookup(&lex, words[i].lower);
    if (tw_init(&tw, (uint32_t)ts.n)) goto nomem;
    float *scores = malloc(ts.n * sizeof *scores);
    if (!scores) goto nomem;
    for (size_t s = 0; s < train->nsents; s++) order[s] = (uint32_t)s;
    uint64_t seed = 12345;
    uint64_t f[MAX_TAG_FEATS];
    for (int it = 0; it < iterations; it++) {
        shuffle(order, train->nsents, &seed);
        size_t ok = 0;
        double t0 = now_seconds();
        for (size_t k = 0; k < train->nsents; k++) {
            size_t s = order[k], first = train->sent_first[s];
            int n = (int)corpus_sent_len(train, s);
            const nlp_word *w = words + first;
            int *g = gold + first, *p = pred + first;
            for (int pass = 0; pass < 2; pass++)
                for (int i = 0; i < n; i++) {
                    int nf = tag_features(w, n, i, i > 0 ? p[i - 1] : -1, i > 1 ? p[i - 2] : -1, pass ? p : NULL, f);
                    memset(scores, 0, ts.n * sizeof *scores);
                    tw_score(&tw, f, nf, scores);
                    p[i] = argmax(scores, ts.n);
                    ok += pass && p[i] == g[i];
                    if (tw_update(&tw, f, nf, g[i], p[i])) { free(scores); goto nomem; }
                }
        }
        if (tw_compact(&tw)) { free(scores); goto nomem; }
        if (log)
            fprintf(log, "tagger iteration %d: train accuracy %.2f (%.1fs)\n", it + 1, 100.0 * ok / train->ntoks,
                    now_seconds() - t0);
    }
    free(scores);
    nlp_writer wr;
    nlp_writer_init(&wr, NLP_KIND_TAGGER);
    dy_buf *meta = nlp_writer_section(&wr, SEC_META), *cls = nlp_writer_section(&wr, SEC_CLASSES);
    uint32_t m[4] = {(uint32_t)ts.n, 0, 0, 0};
    buf_push(meta, m, sizeof m);
    buf_push(nlp_writer_section(&wr, SEC_LEX_SLOTS), amb, namb * 16);
    for (int i = 0; i < ts.n; i++) {
        char *tab = strchr(ts.names[i], '\t');
        buf_push(cls, ts.names[i], (size_t)(tab - ts.names[i]));
        buf_putc(cls, 0);
        buf_push(cls, tab + 1, strlen(tab + 1) + 1);
    }
    if (tw_save(&tw, &wr, TAGGER_MAX_BYTES, log) || nlp_writer_save(&wr, out, err)) {
        nlp_writer_free(&wr);
        if (!err->status) dyad_error_set(err, DYAD_ENOMEM, out, 0, -1, "out of memory saving the tagger");
        goto done;
    }
    nlp_writer_free(&wr);
    if (dev && dev->ntoks) {
        nlp_tagger t;
        if (tagger_load(&t, out, err)) goto done;
        nlp_word *dw = malloc(dev->ntoks * sizeof *dw);
        if (dw) {
            words_of(dev, dw);
            double x, u = eval_tagger(&t, dev, dw, &x);
            if (log) fprintf(log, "tagger dev: UPOS %.2f XPOS %.2f\n", u, x);
            free(dw);
        }
        tagger_free(&t);
    }
    rc = 0;
    goto done;
nomem:
    dyad_error_set(err, DYAD_ENOMEM, train->sent_ids ? "tagger" : "tagger", 0, -1, "out of memory training the tagger");
done:
    tw_free(&tw);
    free(amb);
    for (int i = 0; i < ts.n; i++) free(ts.names[i]);
    free(ts.names);
    free(gold);
    free(pred);
    free(words);
    free(order);
    return rc;
}

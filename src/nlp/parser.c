/* parser.c - greedy arc-eager transition parser with an averaged perceptron
 * over Zhang & Nivre (2011) features (words, tags, distance, valency, label
 * sets, second-order heads and children), plus the tagger's ambiguity
 * classes and Brown word clusters; labeled with UD relations including
 * subtypes. Training uses Goldberg & Nivre's (2012) dynamic oracle with
 * exploration. */
#include <stdlib.h>
#include <string.h>
#include "nlp_internal.h"

enum { SHIFT = 0, REDUCE = 1, MAX_PARSE_FEATS = 112, JACKKNIFE_FOLDS = 4, JACKKNIFE_ITERATIONS = 5,
       JACKKNIFE_MIN_SENTENCES = 1000 };
#define PARSER_MAX_BYTES (17.0 * 1048576) /* all models together stay under 30 MB */
#define LEFT(l) (2 + 2 * (l))
#define RIGHT(l) (3 + 2 * (l))

typedef struct pstate {
    int n, sp, b, root_child;
    int *stack, *head, *label, *lc1, *lc2, *rc1, *rc2, *nl, *nr;
    uint64_t *lset, *rset;
    char *in_stack;
} pstate;

/* arrays for n tokens plus the root, from mem (a block of pstate_bytes(n)) */
static size_t pstate_bytes(int n) { return (size_t)(n + 2) * (9 * sizeof(int) + 2 * sizeof(uint64_t) + 1) + 64; }

static void pstate_init(pstate *s, int n, void *mem) {
    size_t m = (size_t)n + 2;
    uint64_t *u = mem;
    s->lset = u;
    s->rset = u + m;
    int *p = (int *)(u + 2 * m);
    int **arrs[] = {&s->stack, &s->head, &s->label, &s->lc1, &s->lc2, &s->rc1, &s->rc2, &s->nl, &s->nr};
    for (size_t i = 0; i < sizeof arrs / sizeof *arrs; i++) {
        *arrs[i] = p;
        p += m;
    }
    s->in_stack = (char *)p;
    memset(mem, 0, pstate_bytes(n));
    for (size_t i = 0; i < m; i++) {
        s->head[i] = -1;
        s->label[i] = -1;
        s->lc1[i] = s->lc2[i] = s->rc1[i] = s->rc2[i] = -1;
    }
    s->n = n;
    s->stack[0] = 0;
    s->sp = 1;
    s->in_stack[0] = 1;
    s->b = 1;
    s->root_child = 0;
}

static void add_arc(pstate *s, int h, int d, int l) {
    s->head[d] = h;
    s->label[d] = l;
    if (h == 0) s->root_child = d;
    uint64_t bit = 1ULL << (l & 63);
    if (d < h) {
        s->nl[h]++;
        s->lset[h] |= bit;
        if (s->lc1[h] < 0 || d < s->lc1[h]) { s->lc2[h] = s->lc1[h]; s->lc1[h] = d; }
        else if (s->lc2[h] < 0 || d < s->lc2[h]) s->lc2[h] = d;
    } else {
        s->nr[h]++;
        s->rset[h] |= bit;
        if (d > s->rc1[h]) { s->rc2[h] = s->rc1[h]; s->rc1[h] = d; }
        else if (d > s->rc2[h]) s->rc2[h] = d;
    }
}

static int valid(const pstate *s, int move) {
    int s0 = s->stack[s->sp - 1], buf = s->b <= s->n;
    if (move == SHIFT) return buf;
    if (move == REDUCE) return s->sp > 1 && s->head[s0] >= 0;
    if (move & 1) return buf && !(s0 == 0 && s->root_child);
    return buf && s->sp > 1 && s->head[s0] < 0;
}

static void apply(pstate *s, int move) {
    int s0 = s->stack[s->sp - 1];
    if (move == SHIFT) {
        s->in_stack[s->b] = 1;
        s->stack[s->sp++] = s->b++;
    } else if (move == REDUCE) {
        s->in_stack[s0] = 0;
        s->sp--;
    } else if (move & 1) {
        add_arc(s, s0, s->b, (move - 3) / 2);
        s->in_stack[s->b] = 1;
        s->stack[s->sp++] = s->b++;
    } else {
        add_arc(s, s->b, s0, (move - 2) / 2);
        s->in_stack[s0] = 0;
        s->sp--;
    }
}

/* ---- features ------------------------------------------------------------- */
typedef struct pctx { const nlp_word *words; const int *tags; const pstate *s; } pctx;

static inline uint64_t W(const pctx *c, int i) { return i < 0 ? 0x5151 : i == 0 ? 0x7171 : c->words[i - 1].lower; }
static inline uint64_t P(const pctx *c, int i) { return i < 0 ? 1000 : i == 0 ? 1001 : (uint64_t)c->tags[i - 1]; }
static inline uint64_t C(const pctx *c, int i) { return i <= 0 ? 0x3131 : c->words[i - 1].cluster; }
static inline uint64_t B(const pctx *c, int i, int k) { return i < 0 ? 0x4141 : i == 0 ? 0x6161 : c->words[i - 1].brown[k]; }
static inline uint64_t L(const pctx *c, int i) { return i <= 0 ? 1000 : (uint64_t)(c->s->label[i] + 1); }
static inline int at(const int *a, int i) { return i < 0 ? -1 : a[i]; }
static inline uint64_t F1(uint64_t t, uint64_t a) { return hash_mix(hash_mix(t * 0x9e3779b97f4a7c15ULL, a), 11); }
static inline uint64_t F2(uint64_t t, uint64_t a, uint64_t b) { return hash_mix(F1(t, a), b); }
static inline uint64_t F3(uint64_t t, uint64_t a, uint64_t b, uint64_t d) { return hash_mix(F2(t, a, b), d); }

static int parse_features(const pctx *c, uint64_t *f) {
    const pstate *s = c->s;
    int s0 = s->stack[s->sp - 1], s1 = s->sp > 1 ? s->stack[s->sp - 2] : -1;
    int n0 = s->b <= s->n ? s->b : -1, n1 = n0 > 0 && n0 + 1 <= s->n ? n0 + 1 : -1,
        n2 = n1 > 0 && n1 + 1 <= s->n ? n1 + 1 : -1;
    int s0h = at(s->head, s0), s0h2 = at(s->head, s0h);
    int s0l = at(s->lc1, s0), s0l2 = at(s->lc2, s0), s0r = at(s->rc1, s0), s0r2 = at(s->rc2, s0);
    int n0l = at(s->lc1, n0), n0l2 = at(s->lc2, n0);
    uint64_t s0w = W(c, s0), s0p = P(c, s0), n0w = W(c, n0), n0p = P(c, n0), n1w = W(c, n1), n1p = P(c, n1),
             n2w = W(c, n2), n2p = P(c, n2);
    uint64_t s0wp = hash_mix(s0w, s0p), n0wp = hash_mix(n0w, n0p), n1wp = hash_mix(n1w, n1p),
             n2wp = hash_mix(n2w, n2p);
    uint64_t d = s0 > 0 && n0 > 0 ? (uint64_t)(n0 - s0 < 15 ? n0 - s0 : 15) : 0;
    uint64_t s0vl = s0 >= 0 ? (uint64_t)s->nl[s0] : 99, s0vr = s0 >= 0 ? (uint64_t)s->nr[s0] : 99,
             n0vl = n0 >= 0 ? (uint64_t)s->nl[n0] : 99;
    uint64_t s0sl = s0 >= 0 ? s->lset[s0] : 1, s0sr = s0 >= 0 ? s->rset[s0] : 1, n0sl = n0 >= 0 ? s->lset[n0] : 1;
    int k = 0;
    f[k++] = F1(0, 0);
    f[k++] = F1(1, s0wp); f[k++] = F1(2, s0w); f[k++] = F1(3, s0p);
    f[k++] = F1(4, n0wp); f[k++] = F1(5, n0w); f[k++] = F1(6, n0p);
    f[k++] = F1(7, n1wp); f[k++] = F1(8, n1w); f[k++] = F1(9, n1p);
    f[k++] = F1(10, n2wp); f[k++] = F1(11, n2w); f[k++] = F1(12, n2p);
    f[k++] = F2(13, s0wp, n0wp); f[k++] = F2(14, s0wp, n0w); f[k++] = F2(15, s0w, n0wp);
    f[k++] = F2(16, s0wp, n0p); f[k++] = F2(17, s0p, n0wp); f[k++] = F2(18, s0w, n0w);
    f[k++] = F2(19, s0p, n0p); f[k++] = F2(20, n0p, n1p);
    f[k++] = F3(21, n0p, n1p, n2p); f[k++] = F3(22, s0p, n0p, n1p);
    f[k++] = F3(23, P(c, s0h), s0p, n0p); f[k++] = F3(24, s0p, P(c, s0l), n0p);
    f[k++] = F3(25, s0p, P(c, s0r), n0p); f[k++] = F3(26, s0p, n0p, P(c, n0l));
    f[k++] = F2(27, s0w, d); f[k++] = F2(28, s0p, d); f[k++] = F2(29, n0w, d); f[k++] = F2(30, n0p, d);
    f[k++] = F3(31, s0w, n0w, d); f[k++] = F3(32, s0p, n0p, d);
    f[k++] = F2(33, s0w, s0vr); f[k++] = F2(34, s0p, s0vr); f[k++] = F2(35, s0w, s0vl);
    f[k++] = F2(36, s0p, s0vl); f[k++] = F2(37, n0w, n0vl); f[k++] = F2(38, n0p, n0vl);
    f[k++] = F1(39, W(c, s0h)); f[k++] = F1(40, P(c, s0h)); f[k++] = F1(41, L(c, s0));
    f[k++] = F1(42, W(c, s0l)); f[k++] = F1(43, P(c, s0l)); f[k++] = F1(44, L(c, s0l));
    f[k++] = F1(45, W(c, s0r)); f[k++] = F1(46, P(c, s0r)); f[k++] = F1(47, L(c, s0r));
    f[k++] = F1(48, W(c, n0l)); f[k++] = F1(49, P(c, n0l)); f[k++] = F1(50, L(c, n0l));
    f[k++] = F1(51, W(c, s0h2)); f[k++] = F1(52, P(c, s0h2)); f[k++] = F1(53, L(c, s0h));
    f[k++] = F1(54, W(c, s0l2)); f[k++] = F1(55, P(c, s0l2)); f[k++] = F1(56, L(c, s0l2));
    f[k++] = F1(57, W(c, s0r2)); f[k++] = F1(58, P(c, s0r2)); f[k++] = F1(59, L(c, s0r2));
    f[k++] = F1(60, W(c, n0l2)); f[k++] = F1(61, P(c, n0l2)); f[k++] = F1(62, L(c, n0l2));
    f[k++] = F3(63, s0p, P(c, s0l), P(c, s0l2)); f[k++] = F3(64, s0p, P(c, s0r), P(c, s0r2));
    f[k++] = F3(65, s0p, P(c, s0h), P(c, s0h2)); f[k++] = F3(66, n0p, P(c, n0l), P(c, n0l2));
    f[k++] = F2(67, s0w, s0sr); f[k++] = F2(68, s0p, s0sr); f[k++] = F2(69, s0w, s0sl);
    f[k++] = F2(70, s0p, s0sl); f[k++] = F2(71, n0w, n0sl); f[k++] = F2(72, n0p, n0sl);
    f[k++] = F1(73, W(c, s1)); f[k++] = F1(74, P(c, s1)); f[k++] = F3(75, P(c, s1), s0p, n0p);
    f[k++] = F3(76, s0 >= 0 && s->head[s0] >= 0, s0p, n0p);
    f[k++] = F3(77, s0 >= 0 && s->head[s0] >= 0, L(c, s0), n0p);
    f[k++] = F2(78, C(c, s0), n0p); f[k++] = F2(79, s0p, C(c, n0)); f[k++] = F2(80, C(c, s0), C(c, n0));
    f[k++] = F2(81, s0w, n1p); f[k++] = F3(82, s0p, n0w, n1p);
    f[k++] = F2(83, s0 == 0 && s->root_child, n0p);
    /* ambiguity classes: robust to the tagger's errors */
    f[k++] = F1(84, C(c, s0)); f[k++] = F1(85, C(c, n0)); f[k++] = F2(86, C(c, n0), C(c, n1));
    f[k++] = F2(87, C(c, s0h), C(c, s0)); f[k++] = F3(88, C(c, s0), n0p, d);
    /* Brown clusters (4 bits, 6 bits, the full path): word classes learned
     * from unlabeled text, which generalise from seen words to unseen ones
     * and do not share the tagger's errors (Koo et al. 2008) */
    uint64_t s0b4 = B(c, s0, 0), s0b6 = B(c, s0, 1), s0bf = B(c, s0, 2), n0b4 = B(c, n0, 0), n0b6 = B(c, n0, 1),
             n0bf = B(c, n0, 2), n1b6 = B(c, n1, 1);
    f[k++] = F1(100, s0b6); f[k++] = F1(101, s0bf); f[k++] = F1(102, n0b6); f[k++] = F1(103, n0bf);
    f[k++] = F1(104, n1b6); f[k++] = F2(105, s0b4, n0b4); f[k++] = F2(106, s0b6, n0b6);
    f[k++] = F2(107, s0bf, n0p); f[k++] = F2(108, s0p, n0bf); f[k++] = F2(109, s0b6, n0p);
    f[k++] = F2(110, s0p, n0b6); f[k++] = F3(111, s0b4, n0b4, n1b6); f[k++] = F3(112, s0b6, n0p, d);
    f[k++] = F3(113, s0p, n0b6, d); f[k++] = F3(114, B(c, s0h, 1), s0b6, n0b6); f[k++] = F3(115, s0b6, n0b6, B(c, n0l, 0));
    return k;
}

static int best_valid(const pstate *s, const float *scores, int nclasses, const int *cost, int want_cost) {
    int best = -1;
    /* validity depends only on the move type: shift, reduce, left, right */
    int ok[4] = {valid(s, SHIFT), valid(s, REDUCE), valid(s, LEFT(0)), valid(s, RIGHT(0))};
    for (int m = 0; m < nclasses; m++) {
        if (!ok[m < 2 ? m : 2 + (m & 1)] || (cost && cost[m] != want_cost)) continue;
        if (best < 0 || scores[m] > scores[best]) best = m;
    }
    return best;
}

/* Headless words after the last transition: the first becomes the root when
 * there is none; the rest attach to the root's child. */
static void finish(pstate *s, int root_label, int fallback_label) {
    for (int i = 1; i <= s->n; i++) {
        if (s->head[i] >= 0) continue;
        if (!s->root_child) add_arc(s, 0, i, root_label);
        else add_arc(s, s->root_child, i, fallback_label);
    }
    if (s->root_child) s->label[s->root_child] = root_label;
}

int parser_parse(const nlp_parser *p, const nlp_word *words, const int *tags, int n, int *heads, int *labels,
                 dyad_arena *a) {
    pstate s;
    void *mem = arena_alloc(a, pstate_bytes(n));
    float *scores = arena_alloc(a, p->nclasses * sizeof *scores);
    int32_t *iscores = arena_alloc(a, nlp_dense_classes(p->nclasses) * sizeof *iscores);
    if (!mem || !scores || !iscores) return -1;
    pstate_init(&s, n, mem);
    pctx c = {words, tags, &s};
    uint64_t f[MAX_PARSE_FEATS];
    while (s.b <= n) {
        int nf = parse_features(&c, f);
        memset(iscores, 0, nlp_dense_classes(p->nclasses) * sizeof *iscores);
        nlp_weights_score(&p->w, f, nf, iscores);
        for (uint32_t k = 0; k < p->nclasses; k++) scores[k] = (float)iscores[k];
        int m = best_valid(&s, scores, (int)p->nclasses, NULL, 0);
        if (m < 0) break;
        apply(&s, m);
    }
    finish(&s, (int)p->root_label, (int)p->fallback_label);
    for (int i = 1; i <= n; i++) {
        heads[i - 1] = s.head[i];
        labels[i - 1] = s.label[i] >= 0 && s.label[i] < (int)p->nlabels ? s.label[i] : 0;
    }
    return 0;
}

int parser_load(nlp_parser *p, const char *path, dyad_error *err) {
    memset(p, 0, sizeof *p);
    if (nlp_file_open(&p->file, path, NLP_KIND_PARSER, err)) return -1;
    uint64_t nm, nc;
    const uint32_t *meta = nlp_file_section(&p->file, SEC_META, &nm);
    const char *names = nlp_file_section(&p->file, SEC_CLASSES, &nc);
    const char *why = NULL;
    if (!meta || nm < 16 || !names) why = "parser sections missing";
    else if (meta[0] == 0 || meta[0] > 1000 || meta[1] == 0 || meta[1] > 4096) why = "bad parser label/tag counts";
    if (!why) {
        p->nlabels = meta[0];
        p->ntags = meta[1];
        p->nclasses = 2 + 2 * p->nlabels;
        p->root_label = meta[2] < p->nlabels ? meta[2] : 0;
        p->fallback_label = meta[3] < p->nlabels ? meta[3] : 0;
        const char **all = malloc((p->nlabels + 2 * p->ntags) * sizeof *all);
        if (!all) why = "out of memory";
        else if (nlp_strings_index(names, nc, p->nlabels + 2 * p->ntags, all)) {
            free(all);
            why = "bad parser names";
        } else {
            p->labels = all;
            p->tag_names = all + p->nlabels;
        }
    }
    if (why) {
        dyad_error_set(err, DYAD_EMODEL, path, 0, -1, "%s", why);
        parser_free(p);
        return -1;
    }
    if (nlp_weights_load(&p->w, &p->file, p->nclasses, err)) {
        parser_free(p);
        return -1;
    }
    return 0;
}

void parser_free(nlp_parser *p) {
    free(p->labels);
    nlp_file_close(&p->file);
    memset(p, 0, sizeof *p);
}

/* ---- training ------------------------------------------------------------- */

/* Dynamic-oracle cost of every valid move (arcs lost), gold heads gh, labels gl
 * (index 1..n; gh < 0 = unknown). */
static void move_costs(const pstate *s, const int *gh, const int *gl, int nclasses, int *cost) {
    int s0 = s->stack[s->sp - 1], b = s->b, n = s->n;
    int shift = 0, reduce = 0, left = 0, right = 0;
    for (int i = 0; i < s->sp; i++) {
        int k = s->stack[i];
        if (b <= n && gh[b] == k) shift++;
        if (k > 0 && b <= n && s->head[k] < 0 && gh[k] == b) { shift++; right++; }
    }
    for (int k = b; k <= n; k++)
        if (gh[k] == s0) { reduce++; left++; }
    if (s0 > 0 && gh[s0] > b && gh[s0] <= n) left++;
    if (b <= n && gh[b] >= 0 && gh[b] != s0 && (gh[b] > b || (gh[b] < b && s->in_stack[gh[b]]))) right++;
    for (int m = 0; m < nclasses; m++) {
        if (!valid(s, m)) { cost[m] = 1 << 20; continue; }
        if (m == SHIFT) cost[m] = shift;
        else if (m == REDUCE) cost[m] = reduce;
        else if (m & 1) cost[m] = right + (gh[b] == s0 && gl[b] != (m - 3) / 2);
        else cost[m] = left + (gh[s0] == b && gl[s0] != (m - 2) / 2);
    }
}

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

int parser_train(const nlp_corpus *train, const nlp_corpus *dev, const char *tagger_path, int iterations,
                 const char *out, FILE *log, dyad_error *err) {
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
            free(mem); free(scores); free(cost); free(gh); free(gl);
            goto nomem;
        }
        if (log)
            fprintf(log, "parser iteration %d: %.2f%% wrong moves (%.1fs)\n", it + 1, 100.0 * errors / (steps + !steps),
                    now_seconds() - t0);
    }
    free(mem); free(scores); free(cost); free(gh); free(gl);
    nlp_writer wr;
    nlp_writer_init(&wr, NLP_KIND_PARSER);
    dy_buf *meta = nlp_writer_section(&wr, SEC_META), *names = nlp_writer_section(&wr, SEC_CLASSES);
    uint32_t m[4] = {(uint32_t)ls.n, tg.nclasses, (uint32_t)root_label, (uint32_t)dep_label};
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

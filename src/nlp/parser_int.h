/* parser_int.h - the arc-eager transition system that the parser's three
 * files share: the parse state and its moves, the feature templates, the
 * dynamic oracle's move costs, and the beam trainer's interface.
 * parser.c parses greedily, parser_beam.c runs the beam (parsing and
 * max-violation training), parser_train.c trains. The state, moves and
 * features are the inner loop of all of them, so they are static inline
 * here rather than calls across files. */
#ifndef DYAD_PARSER_INT_H
#define DYAD_PARSER_INT_H
#include <stdlib.h>
#include <string.h>
#include "nlp_internal.h"

enum { SHIFT = 0, REDUCE = 1, MAX_PARSE_FEATS = 112, PARSER_MAX_BEAM = 64 };
#define LEFT(l) (2 + 2 * (l))
#define RIGHT(l) (3 + 2 * (l))

typedef struct pstate {
    int n, sp, b, root_child;
    int *stack, *head, *label, *lc1, *lc2, *rc1, *rc2, *nl, *nr;
    uint64_t *lset, *rset;
    char *in_stack;
} pstate;

/* arrays for n tokens plus the root, from mem (a block of pstate_bytes(n);
 * a multiple of 16, so that blocks side by side stay aligned) */
static inline size_t pstate_bytes(int n) {
    return ((size_t)(n + 2) * (9 * sizeof(int) + 2 * sizeof(uint64_t) + 1) + 64 + 15) & ~(size_t)15;
}

/* point s's arrays into mem (a block of pstate_bytes(n)) */
static inline void pstate_attach(pstate *s, int n, void *mem) {
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
    s->n = n;
}

static inline void pstate_init(pstate *s, int n, void *mem) {
    size_t m = (size_t)n + 2;
    pstate_attach(s, n, mem);
    memset(mem, 0, pstate_bytes(n));
    for (size_t i = 0; i < m; i++) {
        s->head[i] = -1;
        s->label[i] = -1;
        s->lc1[i] = s->lc2[i] = s->rc1[i] = s->rc2[i] = -1;
    }
    s->stack[0] = 0;
    s->sp = 1;
    s->in_stack[0] = 1;
    s->b = 1;
    s->root_child = 0;
}

/* dst = a copy of src, its arrays in dst_mem (a block of pstate_bytes(src->n)) */
static inline void pstate_copy(pstate *dst, void *dst_mem, const pstate *src) {
    memcpy(dst_mem, src->lset, pstate_bytes(src->n));
    pstate_attach(dst, src->n, dst_mem);
    dst->sp = src->sp;
    dst->b = src->b;
    dst->root_child = src->root_child;
}

static inline void add_arc(pstate *s, int h, int d, int l) {
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

static inline int valid(const pstate *s, int move) {
    int s0 = s->stack[s->sp - 1], buf = s->b <= s->n;
    if (move == SHIFT) return buf;
    if (move == REDUCE) return s->sp > 1 && s->head[s0] >= 0;
    /* no arc from the root: the root is chosen at the end (finish), so a
     * statement's verb can still hang on a speech verb that comes later
     * ("..., the minister said": arc-eager would commit to the first verb) */
    if (move & 1) return buf && s0 != 0;
    return buf && s->sp > 1 && s->head[s0] < 0;
}

static inline void apply(pstate *s, int move) {
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

/* The features fall in three groups by what they read, so that the parser
 * can keep a group's summed scores while the state it reads is unchanged:
 * the buffer's words (unchanged until the buffer moves), n0's left children
 * (unchanged by a reduce), and everything that reads the stack. */
typedef struct pnodes {
    int s0, s1, n0, n1, n2, s0h, s0h2, s0l, s0l2, s0r, s0r2, n0l, n0l2;
} pnodes;

static inline pnodes nodes_of(const pstate *s) {
    pnodes q;
    q.s0 = s->stack[s->sp - 1];
    q.s1 = s->sp > 1 ? s->stack[s->sp - 2] : -1;
    q.n0 = s->b <= s->n ? s->b : -1;
    q.n1 = q.n0 > 0 && q.n0 + 1 <= s->n ? q.n0 + 1 : -1;
    q.n2 = q.n1 > 0 && q.n1 + 1 <= s->n ? q.n1 + 1 : -1;
    q.s0h = at(s->head, q.s0);
    q.s0h2 = at(s->head, q.s0h);
    q.s0l = at(s->lc1, q.s0);
    q.s0l2 = at(s->lc2, q.s0);
    q.s0r = at(s->rc1, q.s0);
    q.s0r2 = at(s->rc2, q.s0);
    q.n0l = at(s->lc1, q.n0);
    q.n0l2 = at(s->lc2, q.n0);
    return q;
}

/* n0, n1, n2 alone */
static inline int buffer_features(const pctx *c, const pnodes *q, uint64_t *f) {
    int n0 = q->n0, n1 = q->n1, n2 = q->n2, k = 0;
    uint64_t n0w = W(c, n0), n0p = P(c, n0), n1w = W(c, n1), n1p = P(c, n1), n2w = W(c, n2), n2p = P(c, n2);
    f[k++] = F1(4, hash_mix(n0w, n0p)); f[k++] = F1(5, n0w); f[k++] = F1(6, n0p);
    f[k++] = F1(7, hash_mix(n1w, n1p)); f[k++] = F1(8, n1w); f[k++] = F1(9, n1p);
    f[k++] = F1(10, hash_mix(n2w, n2p)); f[k++] = F1(11, n2w); f[k++] = F1(12, n2p);
    f[k++] = F2(20, n0p, n1p); f[k++] = F3(21, n0p, n1p, n2p);
    f[k++] = F1(85, C(c, n0)); f[k++] = F2(86, C(c, n0), C(c, n1));
    f[k++] = F1(102, B(c, n0, 1)); f[k++] = F1(103, B(c, n0, 2)); f[k++] = F1(104, B(c, n1, 1));
    return k;
}

/* n0 with its left children */
static inline int n0_child_features(const pctx *c, const pnodes *q, uint64_t *f) {
    const pstate *s = c->s;
    int n0 = q->n0, n0l = q->n0l, n0l2 = q->n0l2, k = 0;
    uint64_t n0w = W(c, n0), n0p = P(c, n0);
    uint64_t n0vl = n0 >= 0 ? (uint64_t)s->nl[n0] : 99, n0sl = n0 >= 0 ? s->lset[n0] : 1;
    f[k++] = F2(37, n0w, n0vl); f[k++] = F2(38, n0p, n0vl);
    f[k++] = F1(48, W(c, n0l)); f[k++] = F1(49, P(c, n0l)); f[k++] = F1(50, L(c, n0l));
    f[k++] = F1(60, W(c, n0l2)); f[k++] = F1(61, P(c, n0l2)); f[k++] = F1(62, L(c, n0l2));
    f[k++] = F3(66, n0p, P(c, n0l), P(c, n0l2));
    f[k++] = F2(71, n0w, n0sl); f[k++] = F2(72, n0p, n0sl);
    return k;
}

/* everything that reads the stack */
static inline int stack_features(const pctx *c, const pnodes *q, uint64_t *f) {
    const pstate *s = c->s;
    int s0 = q->s0, s1 = q->s1, n0 = q->n0, n1 = q->n1;
    int s0h = q->s0h, s0h2 = q->s0h2, s0l = q->s0l, s0l2 = q->s0l2, s0r = q->s0r, s0r2 = q->s0r2, n0l = q->n0l;
    uint64_t s0w = W(c, s0), s0p = P(c, s0), n0w = W(c, n0), n0p = P(c, n0), n1p = P(c, n1);
    uint64_t s0wp = hash_mix(s0w, s0p), n0wp = hash_mix(n0w, n0p);
    uint64_t d = s0 > 0 && n0 > 0 ? (uint64_t)(n0 - s0 < 15 ? n0 - s0 : 15) : 0;
    uint64_t s0vl = s0 >= 0 ? (uint64_t)s->nl[s0] : 99, s0vr = s0 >= 0 ? (uint64_t)s->nr[s0] : 99;
    uint64_t s0sl = s0 >= 0 ? s->lset[s0] : 1, s0sr = s0 >= 0 ? s->rset[s0] : 1;
    int k = 0;
    f[k++] = F1(0, 0);
    f[k++] = F1(1, s0wp); f[k++] = F1(2, s0w); f[k++] = F1(3, s0p);
    f[k++] = F2(13, s0wp, n0wp); f[k++] = F2(14, s0wp, n0w); f[k++] = F2(15, s0w, n0wp);
    f[k++] = F2(16, s0wp, n0p); f[k++] = F2(17, s0p, n0wp); f[k++] = F2(18, s0w, n0w);
    f[k++] = F2(19, s0p, n0p); f[k++] = F3(22, s0p, n0p, n1p);
    f[k++] = F3(23, P(c, s0h), s0p, n0p); f[k++] = F3(24, s0p, P(c, s0l), n0p);
    f[k++] = F3(25, s0p, P(c, s0r), n0p); f[k++] = F3(26, s0p, n0p, P(c, n0l));
    f[k++] = F2(27, s0w, d); f[k++] = F2(28, s0p, d); f[k++] = F2(29, n0w, d); f[k++] = F2(30, n0p, d);
    f[k++] = F3(31, s0w, n0w, d); f[k++] = F3(32, s0p, n0p, d);
    f[k++] = F2(33, s0w, s0vr); f[k++] = F2(34, s0p, s0vr); f[k++] = F2(35, s0w, s0vl);
    f[k++] = F2(36, s0p, s0vl);
    f[k++] = F1(39, W(c, s0h)); f[k++] = F1(40, P(c, s0h)); f[k++] = F1(41, L(c, s0));
    f[k++] = F1(42, W(c, s0l)); f[k++] = F1(43, P(c, s0l)); f[k++] = F1(44, L(c, s0l));
    f[k++] = F1(45, W(c, s0r)); f[k++] = F1(46, P(c, s0r)); f[k++] = F1(47, L(c, s0r));
    f[k++] = F1(51, W(c, s0h2)); f[k++] = F1(52, P(c, s0h2)); f[k++] = F1(53, L(c, s0h));
    f[k++] = F1(54, W(c, s0l2)); f[k++] = F1(55, P(c, s0l2)); f[k++] = F1(56, L(c, s0l2));
    f[k++] = F1(57, W(c, s0r2)); f[k++] = F1(58, P(c, s0r2)); f[k++] = F1(59, L(c, s0r2));
    f[k++] = F3(63, s0p, P(c, s0l), P(c, s0l2)); f[k++] = F3(64, s0p, P(c, s0r), P(c, s0r2));
    f[k++] = F3(65, s0p, P(c, s0h), P(c, s0h2));
    f[k++] = F2(67, s0w, s0sr); f[k++] = F2(68, s0p, s0sr); f[k++] = F2(69, s0w, s0sl);
    f[k++] = F2(70, s0p, s0sl);
    f[k++] = F1(73, W(c, s1)); f[k++] = F1(74, P(c, s1)); f[k++] = F3(75, P(c, s1), s0p, n0p);
    f[k++] = F3(76, s0 >= 0 && s->head[s0] >= 0, s0p, n0p);
    f[k++] = F3(77, s0 >= 0 && s->head[s0] >= 0, L(c, s0), n0p);
    f[k++] = F2(78, C(c, s0), n0p); f[k++] = F2(79, s0p, C(c, n0)); f[k++] = F2(80, C(c, s0), C(c, n0));
    f[k++] = F2(81, s0w, n1p); f[k++] = F3(82, s0p, n0w, n1p);
    f[k++] = F2(83, s0 == 0 && s->root_child, n0p);
    /* ambiguity classes: robust to the tagger's errors */
    f[k++] = F1(84, C(c, s0));
    f[k++] = F2(87, C(c, s0h), C(c, s0)); f[k++] = F3(88, C(c, s0), n0p, d);
    /* Brown clusters (4 bits, 6 bits, the full path): word classes learned
     * from unlabeled text, which generalise from seen words to unseen ones
     * and do not share the tagger's errors (Koo et al. 2008) */
    uint64_t s0b4 = B(c, s0, 0), s0b6 = B(c, s0, 1), s0bf = B(c, s0, 2), n0b4 = B(c, n0, 0), n0b6 = B(c, n0, 1),
             n0bf = B(c, n0, 2), n1b6 = B(c, n1, 1);
    f[k++] = F1(100, s0b6); f[k++] = F1(101, s0bf);
    f[k++] = F2(105, s0b4, n0b4); f[k++] = F2(106, s0b6, n0b6);
    f[k++] = F2(107, s0bf, n0p); f[k++] = F2(108, s0p, n0bf); f[k++] = F2(109, s0b6, n0p);
    f[k++] = F2(110, s0p, n0b6); f[k++] = F3(111, s0b4, n0b4, n1b6); f[k++] = F3(112, s0b6, n0p, d);
    f[k++] = F3(113, s0p, n0b6, d); f[k++] = F3(114, B(c, s0h, 1), s0b6, n0b6); f[k++] = F3(115, s0b6, n0b6, B(c, n0l, 0));
    return k;
}

static inline int parse_features(const pctx *c, uint64_t *f) {
    pnodes q = nodes_of(c->s);
    int k = buffer_features(c, &q, f);
    k += n0_child_features(c, &q, f + k);
    return k + stack_features(c, &q, f + k);
}

static inline int best_valid(const pstate *s, const float *scores, int nclasses, const int *cost, int want_cost) {
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
static inline void finish(pstate *s, int root_label, int fallback_label) {
    for (int i = 1; i <= s->n; i++) {
        if (s->head[i] >= 0) continue;
        if (!s->root_child) add_arc(s, 0, i, root_label);
        else add_arc(s, s->root_child, i, fallback_label);
    }
    if (s->root_child) s->label[s->root_child] = root_label;
}

/* Dynamic-oracle cost of every valid move (arcs lost), gold heads gh, labels gl
 * (index 1..n; gh < 0 = unknown). */
static inline void move_costs(const pstate *s, const int *gh, const int *gl, int nclasses, int *cost) {
    int s0 = s->stack[s->sp - 1], b = s->b, n = s->n;
    int shift = 0, reduce = 0, left = 0, right = 0;
    for (int i = 0; i < s->sp; i++) {
        int k = s->stack[i];
        if (b <= n && gh[b] == k && k > 0) shift++;   /* a root word shifted still becomes the root */
        if (k > 0 && b <= n && s->head[k] < 0 && gh[k] == b) { shift++; right++; }
    }
    for (int k = b; k <= n; k++)
        if (gh[k] == s0) { reduce++; left++; }
    if (s0 > 0 && ((gh[s0] > b && gh[s0] <= n) || gh[s0] == 0)) left++;   /* its head, or the root, lost */
    if (b <= n && gh[b] >= 0 && gh[b] != s0 && (gh[b] > b || (gh[b] < b && s->in_stack[gh[b]]))) right++;
    for (int m = 0; m < nclasses; m++) {
        if (!valid(s, m)) { cost[m] = 1 << 20; continue; }
        if (m == SHIFT) cost[m] = shift;
        else if (m == REDUCE) cost[m] = reduce;
        else if (m & 1) cost[m] = right + (gh[b] == s0 && gl[b] != (m - 3) / 2);
        else cost[m] = left + (gh[s0] == b && gl[s0] != (m - 2) / 2);
    }
}

/* ---- beam (parser_beam.c) ------------------------------------------------- */
/* a candidate move: the score of its item's parse with it, the item, the
 * move, whether the parse stays correct (training) */
typedef struct bcand { double score; int item, move, ok; } bcand;

/* the beam trainer's working memory, for sentences up to a length (its
 * functions in parser_beam.c) */
typedef struct beam_trainer {
    int k, nclasses, nlabels;
    size_t bytes;
    char *mem;                 /* 2k + 2 states: the beam, the next beam, the correct parse, a replay */
    pstate *states;
    /* one sentence */
    const nlp_word *words;
    const int *tags, *gh, *gl;
    int n, ncur;
    pstate *cur, *next, *gold, *replay;
    char *mem_cur, *mem_next;
    double gscore;             /* the correct parse's */
    int gnode;
    double *score;             /* per beam item */
    int *node, *okf;           /* per item: its history node (then the next beam's); all moves so far of least cost */
    int *npar, *nmove, nnodes; /* history nodes: parent node, move */
    double *viol;              /* per step: best score - the correct parse's score */
    int *best_node, *gold_node, *best_ok;
    int *pm, *gm;              /* replayed move sequences */
    float *scores;
    int *cost;
    bcand *best;
    uint64_t *f;               /* every item's features, looked up together */
    uint32_t *rows;
    int *nf, *forced;          /* per item */
} beam_trainer;

/* the beam parse of words[n] (p->beam > 1), as parser_parse */
int parser_parse_beam(const nlp_parser *p, const nlp_word *words, const int *tags, int n, int *heads, int *labels,
                      dyad_arena *a);
/* a trainer for beams of k, sentences up to maxn words; -1 when out of memory
 * (beam_trainer_free then frees what was allocated) */
int beam_trainer_init(beam_trainer *bt, int k, int nclasses, int nlabels, int maxn);
void beam_trainer_free(beam_trainer *bt);
/* one training sentence (gold heads gh, labels gl, index 1..n); *wrong set
 * when the beam's best parse was not correct; -1 when out of memory */
int beam_trainer_sentence(beam_trainer *bt, nlp_train_weights *tw, const nlp_word *words, const int *tags, int n,
                          const int *gh, const int *gl, int *wrong);

#endif

/* parser.c - arc-eager transition parser with an averaged perceptron over
 * Zhang & Nivre (2011) features (words, tags, distance, valency, label sets,
 * second-order heads and children), plus the tagger's ambiguity classes and
 * Brown word clusters; labeled with UD relations including subtypes. No arc
 * leaves the root while parsing: the word left headless at the end is the
 * root (Ballesteros & Nivre 2013). Greedy by default, trained with Goldberg
 * & Nivre's (2012) dynamic oracle with exploration; or a beam search with
 * global max-violation training (the width is saved in the model). */
#include <stdlib.h>
#include <string.h>
#include "nlp_internal.h"

enum { SHIFT = 0, REDUCE = 1, MAX_PARSE_FEATS = 112, JACKKNIFE_FOLDS = 4, JACKKNIFE_ITERATIONS = 5,
       JACKKNIFE_MIN_SENTENCES = 1000, PARSER_MAX_BEAM = 64,
       PARSER_BEAM = 1 /* the beam width new models are trained and parse with; 1 = greedy */ };
#define PARSER_MAX_BYTES (16.7 * 1048576) /* all models together stay under 30 MB (the tagger holds WordNet) */
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
static size_t pstate_bytes(int n) {
    return ((size_t)(n + 2) * (9 * sizeof(int) + 2 * sizeof(uint64_t) + 1) + 64 + 15) & ~(size_t)15;
}

/* point s's arrays into mem (a block of pstate_bytes(n)) */
static void pstate_attach(pstate *s, int n, void *mem) {
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

static void pstate_init(pstate *s, int n, void *mem) {
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
static void pstate_copy(pstate *dst, void *dst_mem, const pstate *src) {
    memcpy(dst_mem, src->lset, pstate_bytes(src->n));
    pstate_attach(dst, src->n, dst_mem);
    dst->sp = src->sp;
    dst->b = src->b;
    dst->root_child = src->root_child;
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
    /* no arc from the root: the root is chosen at the end (finish), so a
     * statement's verb can still hang on a speech verb that comes later
     * ("..., the minister said": arc-eager would commit to the first verb) */
    if (move & 1) return buf && s0 != 0;
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

/* The features fall in three groups by what they read, so that the parser
 * can keep a group's summed scores while the state it reads is unchanged:
 * the buffer's words (unchanged until the buffer moves), n0's left children
 * (unchanged by a reduce), and everything that reads the stack. */
typedef struct pnodes {
    int s0, s1, n0, n1, n2, s0h, s0h2, s0l, s0l2, s0r, s0r2, n0l, n0l2;
} pnodes;

static pnodes nodes_of(const pstate *s) {
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
static int buffer_features(const pctx *c, const pnodes *q, uint64_t *f) {
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
static int n0_child_features(const pctx *c, const pnodes *q, uint64_t *f) {
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
static int stack_features(const pctx *c, const pnodes *q, uint64_t *f) {
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

static int parse_features(const pctx *c, uint64_t *f) {
    pnodes q = nodes_of(c->s);
    int k = buffer_features(c, &q, f);
    k += n0_child_features(c, &q, f + k);
    return k + stack_features(c, &q, f + k);
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

/* best_valid on the run time's integer scores (exact: no rounding, the same
 * choice as the float version, ties to the lowest class) */
static int best_valid_int(const pstate *s, const int32_t *scores, int nclasses) {
    int best = -1;
    int ok[4] = {valid(s, SHIFT), valid(s, REDUCE), valid(s, LEFT(0)), valid(s, RIGHT(0))};
    for (int m = 0; m < nclasses; m++) {
        if (!ok[m < 2 ? m : 2 + (m & 1)]) continue;
        if (best < 0 || scores[m] > scores[best]) best = m;
    }
    return best;
}

static int parse_greedy(const nlp_parser *p, const nlp_word *words, const int *tags, int n, int *heads,
                        int *labels, dyad_arena *a) {
    pstate s;
    uint32_t dense = nlp_dense_classes(p->nclasses);
    void *mem = arena_alloc(a, pstate_bytes(n));
    int32_t *iscores = arena_alloc(a, 3 * dense * sizeof *iscores);
    if (!mem || !iscores) return -1;
    int32_t *buf_sum = iscores + dense, *child_sum = iscores + 2 * dense;
    pstate_init(&s, n, mem);
    pctx c = {words, tags, &s};
    uint64_t f[MAX_PARSE_FEATS];
    uint32_t rows[MAX_PARSE_FEATS];
    /* The buffer group changes when the buffer moves (shift, right arc); n0's
     * children change then and with a left arc; a reduce changes neither.
     * The stale groups' rows are looked up with the stack group's, in one
     * wave of prefetches. */
    int buf_stale = 1, child_stale = 1;
    while (s.b <= n) {
        pnodes q = nodes_of(&s);
        int nb = buf_stale ? buffer_features(&c, &q, f) : 0;
        int nc = child_stale ? n0_child_features(&c, &q, f + nb) : 0;
        int nf = nb + nc + stack_features(&c, &q, f + nb + nc);
        nlp_weights_lookup(&p->w, f, nf, rows);
        if (buf_stale) {
            memset(buf_sum, 0, dense * sizeof *buf_sum);
            nlp_weights_add_rows(&p->w, rows, nb, buf_sum);
        }
        if (child_stale) {
            memset(child_sum, 0, dense * sizeof *child_sum);
            nlp_weights_add_rows(&p->w, rows + nb, nc, child_sum);
        }
        for (uint32_t k = 0; k < dense; k++) iscores[k] = buf_sum[k] + child_sum[k];
        nlp_weights_add_rows(&p->w, rows + nb + nc, nf - nb - nc, iscores);
        int m = best_valid_int(&s, iscores, (int)p->nclasses);
        if (m < 0) break;
        apply(&s, m);
        buf_stale = m == SHIFT || (m >= 2 && (m & 1));
        child_stale = m != REDUCE;
    }
    finish(&s, (int)p->root_label, (int)p->fallback_label);
    for (int i = 1; i <= n; i++) {
        heads[i - 1] = s.head[i];
        labels[i - 1] = s.label[i] >= 0 && s.label[i] < (int)p->nlabels ? s.label[i] : 0;
    }
    return 0;
}

/* ---- beam search -----------------------------------------------------------
 * Zhang & Clark (2008), Zhang & Nivre (2011): keep the k best partial parses
 * by the sum of their moves' scores. To compare parses of equal length,
 * every parse takes exactly 2n moves: once the buffer is empty, reduce pops
 * any word (finish() attaches the headless ones, as after the greedy parse).
 * A move that is the only valid one scores 0 and reads no features, in
 * training as in parsing. */
typedef struct bcand { double score; int item, move, ok; } bcand;

static int valid_beam(const pstate *s, int move) {
    if (s->b > s->n) return move == REDUCE && s->sp > 1;
    return valid(s, move);
}

static int terminal(const pstate *s) { return s->b > s->n && s->sp == 1; }

/* which move types are valid (shift, reduce, left, right); returns the one
 * valid move when there is only one, else -1 */
static int valid_types(const pstate *s, int nlabels, int ok[4]) {
    for (int t = 0; t < 4; t++) ok[t] = valid_beam(s, t < 2 ? t : t == 2 ? LEFT(0) : RIGHT(0));
    int count = ok[0] + ok[1] + nlabels * (ok[2] + ok[3]);
    if (count != 1) return -1;
    return ok[0] ? SHIFT : ok[1] ? REDUCE : ok[2] ? LEFT(0) : RIGHT(0);
}

static inline int move_type(int m) { return m < 2 ? m : 2 + (m & 1); }

/* Insert c into the k best candidates so far (sorted, best first; on equal
 * scores the earlier candidate stays ahead, so the search is deterministic). */
static inline void cand_push(bcand *best, int *nbest, int k, bcand c) {
    int i = *nbest < k ? (*nbest)++ : k;
    if (i == k) {
        if (!(c.score > best[k - 1].score)) return;
        i = k - 1;
    }
    while (i > 0 && c.score > best[i - 1].score) {
        best[i] = best[i - 1];
        i--;
    }
    best[i] = c;
}

/* The run time's beam: states, scores and scratch, all from the arena.
 * Items of a beam share much of their context, so each feature group's sums
 * are computed once for all items whose group features are the same: the
 * buffer group once per buffer position in the sentence, n0's children and
 * the stack group once per step for items that agree on them (e.g. two items
 * that differ only in the label of the arc just made). */
enum { GROUP_CHILD = 0, GROUP_STACK = 1 };
typedef struct beam {
    const nlp_parser *p;
    const nlp_word *words;
    const int *tags;
    int k, n, ncur;
    size_t bytes;
    uint32_t dense;
    char *mem_cur, *mem_next;
    pstate *cur, *next;
    double *score;
    int32_t *iscores;
    int32_t *buf_sum;       /* per buffer position */
    char *buf_done;         /* 0 not yet, 1 in this wave, 2 summed */
    int32_t *group_sum;     /* per item and group (child, stack) */
    bcand *best;
    uint64_t *f;            /* per item: MAX_PARSE_FEATS slots: buffer, child, stack group */
    uint64_t *wave;         /* the features to look up this step */
    uint32_t *rows;
    int *forced, *nbuf, *nchild, *nstack, *woff; /* per item; woff: 3 wave offsets (buffer, child, stack) */
    int *src;               /* per item and group: the item whose sums it shares */
} beam;

static int beam_alloc(beam *bm, const nlp_parser *p, const nlp_word *words, const int *tags, int n, dyad_arena *a) {
    int k = (int)p->beam;
    *bm = (beam){.p = p, .words = words, .tags = tags, .k = k, .n = n, .ncur = 1, .bytes = pstate_bytes(n),
                 .dense = nlp_dense_classes(p->nclasses)};
    size_t kf = (size_t)k * MAX_PARSE_FEATS;
    bm->mem_cur = arena_alloc(a, 2 * (size_t)k * bm->bytes);
    bm->cur = arena_alloc(a, 2 * (size_t)k * sizeof *bm->cur);
    bm->score = arena_alloc(a, (size_t)k * sizeof *bm->score);
    bm->iscores = arena_alloc(a, bm->dense * sizeof *bm->iscores);
    bm->buf_sum = arena_alloc(a, (size_t)(n + 2) * bm->dense * sizeof *bm->buf_sum);
    bm->buf_done = arena_alloc(a, (size_t)n + 2);
    bm->group_sum = arena_alloc(a, 2 * (size_t)k * bm->dense * sizeof *bm->group_sum);
    bm->best = arena_alloc(a, (size_t)k * sizeof *bm->best);
    bm->f = arena_alloc(a, 2 * kf * sizeof *bm->f);
    bm->rows = arena_alloc(a, kf * sizeof *bm->rows);
    bm->forced = arena_alloc(a, 9 * (size_t)k * sizeof *bm->forced);
    if (!bm->mem_cur || !bm->cur || !bm->score || !bm->iscores || !bm->buf_sum || !bm->buf_done || !bm->group_sum ||
        !bm->best || !bm->f || !bm->rows || !bm->forced)
        return -1;
    bm->mem_next = bm->mem_cur + (size_t)k * bm->bytes;
    bm->next = bm->cur + k;
    bm->wave = bm->f + kf;
    bm->nbuf = bm->forced + k;
    bm->nchild = bm->forced + 2 * k;
    bm->nstack = bm->forced + 3 * k;
    bm->woff = bm->forced + 4 * k;
    bm->src = bm->forced + 7 * k;
    memset(bm->buf_done, 0, (size_t)n + 2);
    pstate_init(&bm->cur[0], n, bm->mem_cur);
    bm->score[0] = 0;
    return 0;
}

/* an earlier unforced item with the same features as item i in a group (its
 * features at from, nf_of_i of them; nf: the group's counts), or i */
static int beam_same_group(const beam *bm, int i, int from, int nf_of_i, const int *nf) {
    const uint64_t *fi = bm->f + (size_t)i * MAX_PARSE_FEATS + from;
    for (int j = 0; j < i; j++) {
        if (bm->forced[j] >= 0 || nf[j] != nf_of_i) continue;
        int jfrom = bm->nbuf[j] + (nf == bm->nstack ? bm->nchild[j] : 0);
        if (!memcmp(bm->f + (size_t)j * MAX_PARSE_FEATS + jfrom, fi, (size_t)nf_of_i * sizeof *fi)) return j;
    }
    return i;
}

/* append n features to the wave; returns their offset */
static int beam_wave_push(const uint64_t *f, int n, uint64_t *wave, int *total) {
    int at = *total;
    memcpy(wave + at, f, (size_t)n * sizeof *f);
    *total += n;
    return at;
}

/* every item's features by group; the groups not computed before go into
 * one wave of lookups (prefetches overlap) */
static void beam_lookup(beam *bm) {
    int total = 0, ok[4];
    for (int i = 0; i < bm->ncur; i++) {
        pstate *s = &bm->cur[i];
        pctx c = {bm->words, bm->tags, s};
        uint64_t *f = bm->f + (size_t)i * MAX_PARSE_FEATS;
        bm->forced[i] = valid_types(s, (int)bm->p->nlabels, ok);
        bm->nbuf[i] = bm->nchild[i] = bm->nstack[i] = 0;
        if (bm->forced[i] >= 0) continue;
        pnodes q = nodes_of(s);
        if (!bm->buf_done[s->b]) {
            bm->nbuf[i] = buffer_features(&c, &q, f);
            bm->buf_done[s->b] = 1;
            bm->woff[3 * i] = beam_wave_push(f, bm->nbuf[i], bm->wave, &total);
        }
        bm->nchild[i] = n0_child_features(&c, &q, f + bm->nbuf[i]);
        bm->nstack[i] = stack_features(&c, &q, f + bm->nbuf[i] + bm->nchild[i]);
        int *src = bm->src + 2 * i;
        src[GROUP_CHILD] = beam_same_group(bm, i, bm->nbuf[i], bm->nchild[i], bm->nchild);
        src[GROUP_STACK] = beam_same_group(bm, i, bm->nbuf[i] + bm->nchild[i], bm->nstack[i], bm->nstack);
        if (src[GROUP_CHILD] == i) bm->woff[3 * i + 1] = beam_wave_push(f + bm->nbuf[i], bm->nchild[i], bm->wave, &total);
        if (src[GROUP_STACK] == i)
            bm->woff[3 * i + 2] = beam_wave_push(f + bm->nbuf[i] + bm->nchild[i], bm->nstack[i], bm->wave, &total);
    }
    nlp_weights_lookup(&bm->p->w, bm->wave, total, bm->rows);
}

/* the sums of item i's own groups (buffer group: for its position) */
static void beam_sum_groups(beam *bm, int i) {
    const nlp_weights *w = &bm->p->w;
    size_t d = bm->dense;
    if (bm->nbuf[i]) {
        int32_t *bs = bm->buf_sum + (size_t)bm->cur[i].b * d;
        memset(bs, 0, d * sizeof *bs);
        nlp_weights_add_rows(w, bm->rows + bm->woff[3 * i], bm->nbuf[i], bs);
        bm->buf_done[bm->cur[i].b] = 2;
    }
    int counts[2] = {bm->nchild[i], bm->nstack[i]};
    for (int g = 0; g < 2; g++) {
        if (bm->src[2 * i + g] != i) continue;
        int32_t *sum = bm->group_sum + (2 * (size_t)i + g) * d;
        memset(sum, 0, d * sizeof *sum);
        nlp_weights_add_rows(w, bm->rows + bm->woff[3 * i + 1 + g], counts[g], sum);
    }
}

/* the k best moves of all items, into bm->best; returns their number */
static int beam_candidates(beam *bm) {
    int nbest = 0, k = bm->k, nclasses = (int)bm->p->nclasses, ok[4];
    size_t d = bm->dense;
    for (int i = 0; i < bm->ncur; i++) {
        if (bm->forced[i] >= 0) {
            cand_push(bm->best, &nbest, k, (bcand){bm->score[i], i, bm->forced[i], 1});
            continue;
        }
        beam_sum_groups(bm, i);
        const int32_t *bs = bm->buf_sum + (size_t)bm->cur[i].b * d;
        const int32_t *cs = bm->group_sum + (2 * (size_t)bm->src[2 * i] + GROUP_CHILD) * d;
        const int32_t *ss = bm->group_sum + (2 * (size_t)bm->src[2 * i + 1] + GROUP_STACK) * d;
        for (size_t c = 0; c < d; c++) bm->iscores[c] = bs[c] + cs[c] + ss[c];
        valid_types(&bm->cur[i], (int)bm->p->nlabels, ok);
        for (int m = 0; m < nclasses; m++) {
            double sc = bm->score[i] + bm->iscores[m];
            /* most moves cannot enter a full beam: test before the call */
            if (ok[move_type(m)] && (nbest < k || sc > bm->best[k - 1].score))
                cand_push(bm->best, &nbest, k, (bcand){sc, i, m, 1});
        }
    }
    return nbest;
}

/* the next beam: each candidate's state with its move applied */
static void beam_advance(beam *bm, int nbest) {
    for (int j = 0; j < nbest; j++) {
        pstate_copy(&bm->next[j], bm->mem_next + (size_t)j * bm->bytes, &bm->cur[bm->best[j].item]);
        apply(&bm->next[j], bm->best[j].move);
        bm->score[j] = bm->best[j].score;
    }
    pstate *ts = bm->cur; bm->cur = bm->next; bm->next = ts;
    char *tm = bm->mem_cur; bm->mem_cur = bm->mem_next; bm->mem_next = tm;
    bm->ncur = nbest;
}

static int parse_beam(const nlp_parser *p, const nlp_word *words, const int *tags, int n, int *heads, int *labels,
                      dyad_arena *a) {
    beam bm;
    if (beam_alloc(&bm, p, words, tags, n, a)) return -1;
    while (!terminal(&bm.cur[0])) {
        beam_lookup(&bm);
        beam_advance(&bm, beam_candidates(&bm));
    }
    pstate *s = &bm.cur[0];
    finish(s, (int)p->root_label, (int)p->fallback_label);
    for (int i = 1; i <= n; i++) {
        heads[i - 1] = s->head[i];
        labels[i - 1] = s->label[i] >= 0 && s->label[i] < (int)p->nlabels ? s->label[i] : 0;
    }
    return 0;
}

int parser_parse(const nlp_parser *p, const nlp_word *words, const int *tags, int n, int *heads, int *labels,
                 dyad_arena *a) {
    if (p->beam > 1) return parse_beam(p, words, tags, n, heads, labels, a);
    return parse_greedy(p, words, tags, n, heads, labels, a);
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
        /* beam width (files without it parse greedily) */
        p->beam = nm >= 20 && meta[4] >= 1 && meta[4] <= PARSER_MAX_BEAM ? meta[4] : 1;
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

/* ---- beam training ----------------------------------------------------------
 * Global training with max-violation updates (Huang, Fayong & Guo 2012): run
 * the beam over the whole sentence beside a correct parse; at the step where
 * the best parse outscores the correct one by the most, add the correct
 * prefix's features and subtract the best one's. "Correct" is latent: every
 * move of least dynamic-oracle cost keeps a parse correct (so spurious
 * ambiguity and non-projective trees need no canonical sequence); the
 * correct parse followed is the best-scoring correct one in the beam, or,
 * once none is left, the last one extended by its best least-cost move. */
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

static int bt_init(beam_trainer *bt, int k, int nclasses, int nlabels, int maxn) {
    memset(bt, 0, sizeof *bt);
    bt->k = k;
    bt->nclasses = nclasses;
    bt->nlabels = nlabels;
    bt->bytes = pstate_bytes(maxn);
    size_t steps = 2 * (size_t)maxn + 2, nodes = (size_t)(k + 1) * steps + 1;
    bt->mem = malloc((2 * (size_t)k + 2) * bt->bytes);
    bt->states = malloc((2 * (size_t)k + 2) * sizeof *bt->states);
    bt->score = malloc((size_t)k * sizeof *bt->score);
    bt->node = malloc(3 * (size_t)k * sizeof *bt->node);
    bt->npar = malloc(2 * nodes * sizeof *bt->npar);
    bt->viol = malloc(steps * sizeof *bt->viol);
    bt->best_node = malloc(5 * steps * sizeof *bt->best_node);
    bt->scores = malloc((size_t)nclasses * sizeof *bt->scores);
    bt->cost = malloc((size_t)nclasses * sizeof *bt->cost);
    bt->best = malloc((size_t)k * sizeof *bt->best);
    bt->f = malloc((size_t)k * MAX_PARSE_FEATS * sizeof *bt->f);
    bt->rows = malloc((size_t)k * MAX_PARSE_FEATS * sizeof *bt->rows);
    bt->nf = malloc(2 * (size_t)k * sizeof *bt->nf);
    if (!bt->mem || !bt->states || !bt->score || !bt->node || !bt->npar || !bt->viol || !bt->best_node ||
        !bt->scores || !bt->cost || !bt->best || !bt->f || !bt->rows || !bt->nf)
        return -1;
    bt->okf = bt->node + 2 * k;
    bt->nmove = bt->npar + nodes;
    bt->gold_node = bt->best_node + steps;
    bt->best_ok = bt->best_node + 2 * steps;
    bt->pm = bt->best_node + 3 * steps;
    bt->gm = bt->best_node + 4 * steps;
    bt->forced = bt->nf + k;
    return 0;
}

static void bt_free(beam_trainer *bt) {
    free(bt->mem); free(bt->states); free(bt->score); free(bt->node); free(bt->npar); free(bt->viol);
    free(bt->best_node); free(bt->scores); free(bt->cost); free(bt->best); free(bt->f); free(bt->rows); free(bt->nf);
    memset(bt, 0, sizeof *bt);
}

static int bt_new_node(beam_trainer *bt, int parent, int move) {
    bt->npar[bt->nnodes] = parent;
    bt->nmove[bt->nnodes] = move;
    return bt->nnodes++;
}

/* the moves leading to node, in order, into moves; returns their number */
static int bt_moves(const beam_trainer *bt, int node, int *moves) {
    int len = 0;
    for (int x = node; bt->npar[x] >= 0; x = bt->npar[x]) len++;
    int i = len;
    for (int x = node; bt->npar[x] >= 0; x = bt->npar[x]) moves[--i] = bt->nmove[x];
    return len;
}

/* the least dynamic-oracle cost of s's moves, their costs in bt->cost */
static int bt_least_cost(beam_trainer *bt, const pstate *s) {
    move_costs(s, bt->gh, bt->gl, bt->nclasses, bt->cost);
    int least = 1 << 20;
    for (int m = 0; m < bt->nclasses; m++)
        if (bt->cost[m] < least) least = bt->cost[m];
    return least;
}

/* delta on the features of every unforced move of moves[from..to) replayed
 * from state s (changed) */
static int bt_replay(const beam_trainer *bt, nlp_train_weights *tw, pstate *s, const int *moves, int from, int to,
                     float delta) {
    uint64_t f[MAX_PARSE_FEATS];
    pctx c = {bt->words, bt->tags, s};
    for (int j = from; j < to; j++) {
        int ok[4];
        if (valid_types(s, bt->nlabels, ok) < 0 && tw_add(tw, f, parse_features(&c, f), moves[j], delta)) return -1;
        apply(s, moves[j]);
    }
    return 0;
}

/* the k best moves of all items into bt->best (each marked correct when its
 * item is and the move costs least); returns their number */
static int bt_candidates(beam_trainer *bt, const nlp_train_weights *tw) {
    int nbest = 0, ok[4], total = 0;
    for (int i = 0; i < bt->ncur; i++) {
        pctx c = {bt->words, bt->tags, &bt->cur[i]};
        bt->forced[i] = valid_types(&bt->cur[i], bt->nlabels, ok);
        bt->nf[i] = bt->forced[i] >= 0 ? 0 : parse_features(&c, bt->f + total);
        total += bt->nf[i];
    }
    tw_lookup(tw, bt->f, total, bt->rows);
    for (int i = 0, at = 0; i < bt->ncur; at += bt->nf[i], i++) {
        if (bt->forced[i] >= 0) {
            cand_push(bt->best, &nbest, bt->k, (bcand){bt->score[i], i, bt->forced[i], bt->okf[i]});
            continue;
        }
        valid_types(&bt->cur[i], bt->nlabels, ok);
        memset(bt->scores, 0, (size_t)bt->nclasses * sizeof *bt->scores);
        tw_add_rows(tw, bt->rows + at, bt->nf[i], bt->scores);
        int least = bt->okf[i] ? bt_least_cost(bt, &bt->cur[i]) : 0;
        for (int m = 0; m < bt->nclasses; m++)
            if (ok[move_type(m)])
                cand_push(bt->best, &nbest, bt->k,
                          (bcand){bt->score[i] + bt->scores[m], i, m, bt->okf[i] && bt->cost[m] == least});
    }
    return nbest;
}

/* the next beam from the candidates; returns the best correct item's index or -1 */
static int bt_advance(beam_trainer *bt, int nbest) {
    int k = bt->k, first_ok = -1;
    for (int j = 0; j < nbest; j++) {
        const bcand *b = &bt->best[j];
        pstate_copy(&bt->next[j], bt->mem_next + (size_t)j * bt->bytes, &bt->cur[b->item]);
        apply(&bt->next[j], b->move);
        bt->node[k + j] = bt_new_node(bt, bt->node[b->item], b->move); /* new nodes beside the old */
        if (b->ok && first_ok < 0) first_ok = j;
    }
    for (int j = 0; j < nbest; j++) {
        bt->node[j] = bt->node[k + j];
        bt->okf[j] = bt->best[j].ok;
        bt->score[j] = bt->best[j].score;
    }
    pstate *ts = bt->cur; bt->cur = bt->next; bt->next = ts;
    char *tm = bt->mem_cur; bt->mem_cur = bt->mem_next; bt->mem_next = tm;
    bt->ncur = nbest;
    return first_ok;
}

/* The correct parse one move on: the best correct item of the beam, or when
 * none is left, the last correct parse with its best least-cost move. */
static void bt_follow_gold(beam_trainer *bt, const nlp_train_weights *tw, int first_ok) {
    if (first_ok >= 0) {
        pstate_copy(bt->gold, bt->gold->lset, &bt->cur[first_ok]);
        bt->gscore = bt->score[first_ok];
        bt->gnode = bt->node[first_ok];
        return;
    }
    uint64_t f[MAX_PARSE_FEATS];
    pctx c = {bt->words, bt->tags, bt->gold};
    int ok[4], m = valid_types(bt->gold, bt->nlabels, ok);
    memset(bt->scores, 0, (size_t)bt->nclasses * sizeof *bt->scores);
    if (m < 0) {
        tw_score(tw, f, parse_features(&c, f), bt->scores);
        m = best_valid(bt->gold, bt->scores, bt->nclasses, bt->cost, bt_least_cost(bt, bt->gold));
    }
    if (m < 0) m = SHIFT; /* cannot happen: some valid move costs least */
    bt->gscore += bt->scores[m];
    apply(bt->gold, m);
    bt->gnode = bt_new_node(bt, bt->gnode, m);
}

/* the perceptron update at step t: the correct prefix's features up, the best one's down */
static int bt_update(beam_trainer *bt, nlp_train_weights *tw, int t) {
    int np = bt_moves(bt, bt->best_node[t], bt->pm), ng = bt_moves(bt, bt->gold_node[t], bt->gm);
    int same = 0;
    while (same < np && same < ng && bt->pm[same] == bt->gm[same]) same++;
    pstate_init(bt->replay, bt->n, bt->replay->lset);
    for (int j = 0; j < same; j++) apply(bt->replay, bt->pm[j]);
    pstate_copy(bt->gold, bt->gold->lset, bt->replay);
    if (bt_replay(bt, tw, bt->replay, bt->pm, same, np, -1.0f) || bt_replay(bt, tw, bt->gold, bt->gm, same, ng, 1.0f))
        return -1;
    return 0;
}

/* One sentence: beam search beside the correct parse, then the update at
 * the step of maximum violation. *wrong set when the beam's best parse was
 * not correct. Returns -1 when out of memory. */
static int bt_sentence(beam_trainer *bt, nlp_train_weights *tw, const nlp_word *words, const int *tags, int n,
                       const int *gh, const int *gl, int *wrong) {
    int k = bt->k, T = 2 * n;
    bt->words = words;
    bt->tags = tags;
    bt->gh = gh;
    bt->gl = gl;
    bt->n = n;
    bt->ncur = 1;
    bt->cur = bt->states;
    bt->next = bt->states + k;
    bt->gold = &bt->states[2 * k];
    bt->replay = &bt->states[2 * k + 1];
    bt->mem_cur = bt->mem;
    bt->mem_next = bt->mem + (size_t)k * bt->bytes;
    bt->nnodes = 0;
    bt->gnode = bt_new_node(bt, -1, -1);
    bt->gscore = 0;
    pstate_init(bt->cur, n, bt->mem_cur);
    pstate_init(bt->gold, n, bt->mem + 2 * (size_t)k * bt->bytes);
    pstate_init(bt->replay, n, bt->mem + (2 * (size_t)k + 1) * bt->bytes);
    bt->score[0] = 0;
    bt->node[0] = bt->gnode;
    bt->okf[0] = 1;
    for (int t = 1; t <= T; t++) {
        bt_follow_gold(bt, tw, bt_advance(bt, bt_candidates(bt, tw)));
        bt->viol[t] = bt->score[0] - bt->gscore;
        bt->best_node[t] = bt->node[0];
        bt->gold_node[t] = bt->gnode;
        bt->best_ok[t] = bt->okf[0];
    }
    int worst = -1;
    for (int t = 1; t <= T; t++)
        if (!bt->best_ok[t] && (worst < 0 || bt->viol[t] > bt->viol[worst])) worst = t;
    *wrong = T > 0 && !bt->best_ok[T];
    tw->clock += 1;
    if (worst < 0 || bt->viol[worst] < 0) return 0; /* no violation: the correct parse outscored the best */
    return bt_update(bt, tw, worst);
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
    if (beam > 1 && bt_init(&bt, beam, nclasses, ls.n, maxn)) {
        bt_free(&bt);
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
                if (bt_sentence(&bt, &tw, words + first, tags + first, n, gh, gl, &wrong)) {
                    bt_free(&bt);
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
            bt_free(&bt);
            free(mem); free(scores); free(cost); free(gh); free(gl);
            goto nomem;
        }
        if (log)
            fprintf(log, "parser iteration %d: %.2f%% wrong %s (%.1fs)\n", it + 1, 100.0 * errors / (steps + !steps),
                    beam > 1 ? "parses" : "moves", now_seconds() - t0);
    }
    bt_free(&bt);
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

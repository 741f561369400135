/* parser_beam.c - the parser's beam search: parsing with the k best partial
 * parses, and training the beam globally with max-violation updates. Kept
 * apart from the greedy parser (parser.c) because it has its own data
 * structures (the beam, the trainer's history of moves) and is used only by
 * models trained with `dyad train --beam K`. */
#include <stdlib.h>
#include <string.h>
#include "parser_int.h"

/* ---- beam search -----------------------------------------------------------
 * Zhang & Clark (2008), Zhang & Nivre (2011): keep the k best partial parses
 * by the sum of their moves' scores. To compare parses of equal length,
 * every parse takes exactly 2n moves: once the buffer is empty, reduce pops
 * any word (finish() attaches the headless ones, as after the greedy parse).
 * A move that is the only valid one scores 0 and reads no features, in
 * training as in parsing. */
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

int parser_parse_beam(const nlp_parser *p, const nlp_word *words, const int *tags, int n, int *heads, int *labels,
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

/* ---- beam training ----------------------------------------------------------
 * Global training with max-violation updates (Huang, Fayong & Guo 2012): run
 * the beam over the whole sentence beside a correct parse; at the step where
 * the best parse outscores the correct one by the most, add the correct
 * prefix's features and subtract the best one's. "Correct" is latent: every
 * move of least dynamic-oracle cost keeps a parse correct (so spurious
 * ambiguity and non-projective trees need no canonical sequence); the
 * correct parse followed is the best-scoring correct one in the beam, or,
 * once none is left, the last one extended by its best least-cost move.
 * The trainer's struct is in parser_int.h: parser_train.c holds one. */
int beam_trainer_init(beam_trainer *bt, int k, int nclasses, int nlabels, int maxn) {
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

void beam_trainer_free(beam_trainer *bt) {
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
int beam_trainer_sentence(beam_trainer *bt, nlp_train_weights *tw, const nlp_word *words, const int *tags, int n,
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

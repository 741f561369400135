/* parser.c - arc-eager transition parser with an averaged perceptron over
 * Zhang & Nivre (2011) features (words, tags, distance, valency, label sets,
 * second-order heads and children), plus the tagger's ambiguity classes and
 * Brown word clusters; labeled with UD relations including subtypes. No arc
 * leaves the root while parsing: the word left headless at the end is the
 * root (Ballesteros & Nivre 2013). Greedy by default, trained with Goldberg
 * & Nivre's (2012) dynamic oracle with exploration; or a beam search with
 * global max-violation training (the width is saved in the model).
 * This file parses greedily and loads the model; the state, moves and
 * features are in parser_int.h, the beam in parser_beam.c, training in
 * parser_train.c. */
#include <stdlib.h>
#include <string.h>
#include "parser_int.h"

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

int parser_parse(const nlp_parser *p, const nlp_word *words, const int *tags, int n, int *heads, int *labels,
                 dyad_arena *a) {
    if (p->beam > 1) return parser_parse_beam(p, words, tags, n, heads, labels, a);
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


/* pattern_choice.c - which dictionary pattern codes a predicate: every
 * pattern keyed by the word's form, lemma or (TABARI) stem, alone or with an
 * object word, is matched over the tree (patterns.c) and the most specific
 * one wins. Apart from the coder because choosing a pattern is the same for
 * every format and every use (the predicate itself, and the clause a
 * governing verb combines its code with). */
#include <string.h>
#include "coder_int.h"
#include "modality.h"
#include "patterns.h"

/* a word a verb's pattern (noun 0) or an event noun's pattern (noun 1) may key on */
static int is_predicate_pos(const dyad_token *t, int noun) {
    if (!t->upos) return 0;
    if (noun) return !strcmp(t->upos, "NOUN") || !strcmp(t->upos, "PROPN");
    return !strcmp(t->upos, "VERB") || !strcmp(t->upos, "AUX") || !strcmp(t->upos, "ADJ");
}

static int better(const dict_pattern *p, const dict_pattern *best) {
    return !best || p->specificity > best->specificity ||
           (p->specificity == best->specificity && p->order < best->order);
}

/* "Gondor and Osgiliath delayed ...": the subject has conjuncts */
static int compound_subject(const sent_ctx *c, int32_t v) {
    int inherited;
    int32_t s = source_of(c, v, 0, &inherited);
    int32_t heads[2];
    return s >= 0 && expand_conj(c, s, heads, 2) > 1;
}

/* PETRARCH's words before the verb ("- % HAVE *", "- WILL NOT *"): each, in
 * order, an auxiliary or negation of the verb just before it ("have
 * postponed"); content words ("neither X nor Y", "recently allowed",
 * "indicated it deplored") are left to the verb's other patterns, as
 * UD-PETRARCH does */
static int verb_group_word(const sent_ctx *c, int32_t v, int32_t i) {
    if (tree_head(c, i) != v) return 0;
    return deprel_is(&c->tok[i], "aux") || !strcmp(c->form_f[i], "not") || !strcmp(c->form_f[i], "n't") ||
           !strcmp(c->form_f[i], "never");
}

static int pre_words_fit(const sent_ctx *c, int32_t v, const dict_pattern *p) {
    enum { WINDOW = 6 };
    int32_t i = v - 1;
    for (int k = p->npre - 1; k >= 0; k--, i--) {
        while (i >= 0 && i >= v - WINDOW &&
               (!verb_group_word(c, v, i) || (strcmp(c->form_f[i], p->pre_word[k]) &&
                                         (!c->lemma_f[i] || strcmp(c->lemma_f[i], p->pre_word[k])))))
            i--;
        if (i < 0 || i < v - WINDOW) return 0;
    }
    return 1;
}

/* PETRARCH's linear patterns: the one matching more words wins ("austrian
 * gold florin" over "austrian florin"), then the one loaded first */
static int seq_score(const pattern_hit *h) { return h->seq_score + h->pattern->nparticles + h->pattern->need_compound; }

static int better_hit(const pattern_hit *h, const pattern_hit *best) {
    if (!best->pattern) return 1;
    if (!h->pattern->seq || !best->pattern->seq) return better(h->pattern, best->pattern);
    int a = seq_score(h), b = seq_score(best);
    return a > b || (a == b && h->pattern->order < best->pattern->order);
}

/* "called the ambassador a stupid guy", "named him envoy": an object with a
 * noun predicate after it (xcomp, or a bare noun phrase) names or labels the
 * object; it is not the act a bare verb pattern ("call !", a phone call)
 * stands for (dyad's dictionaries) */
static int object_with_predicate(const sent_ctx *c, int32_t v) {
    int32_t o = tree_child(c, v, "obj");
    if (o < 0 || strcmp(c->d->format, "dyad")) return 0;
    for (int32_t k = c->first_child[v]; k >= 0; k = c->next_sibling[k]) {
        const char *rel = c->tok[k].deprel ? c->tok[k].deprel : "";
        int predicate = !strcmp(rel, "xcomp") || !strcmp(rel, "obl:unmarked");
        if (k > o && predicate && c->tok[k].upos && !strcmp(c->tok[k].upos, "NOUN") && tree_child(c, k, "case") < 0 &&
            tree_child(c, k, "mark") < 0 && !actor_is_time_word(c->form_f[k]))
            return 1;
    }
    return 0;
}

static void try_chain(const sent_ctx *c, int32_t v, const char *key, const dict_pattern *chain, pattern_hit *best) {
    pattern_hit h;
    int pos_ok[2] = {is_predicate_pos(&c->tok[v], 0), is_predicate_pos(&c->tok[v], 1)};
    for (const dict_pattern *p = chain; p; p = p->next) {
        if (!pos_ok[p->is_noun != 0] || strcmp(p->lemma, key) || (!p->seq && !better(p, best->pattern))) continue;
        if (p->need_negation && !p->seq && modality_of(c, v).kind != MOD_NEGATED) continue;
        if (p->need_compound && !compound_subject(c, v)) continue;
        if (p->npre && !pre_words_fit(c, v, p)) continue;
        if (!p->nparticles && !p->object && !p->prep && !p->pp_prep && !p->seq && !p->is_noun &&
            object_with_predicate(c, v))
            continue;
        if (pattern_match(c, v, p, &h) && better_hit(&h, best)) *best = h;
    }
}

/* Words below the predicate that may be a pattern's object: children and
 * grandchildren (the object of "vow to restore *democracy"). */
static size_t object_candidates(const sent_ctx *c, int32_t v, int32_t *out, size_t cap) {
    size_t n = 0;
    for (int32_t k = c->first_child[v]; k >= 0 && n < cap; k = c->next_sibling[k]) {
        out[n++] = k;
        for (int32_t g = c->first_child[k]; g >= 0 && n < cap; g = c->next_sibling[g]) out[n++] = g;
    }
    return n;
}

/* PETRARCH's linear patterns: the words after the predicate in its phrase,
 * where the first word a pattern needs after it must be */
static size_t words_after(const sent_ctx *c, int32_t v, int32_t *out, size_t cap) {
    size_t n = 0;
    for (int32_t j = v + 1; j < (int32_t)c->n && n < cap; j++) {
        int32_t h = j;
        for (int d = 0; h >= 0 && h != v && d < MAX_DEPTH_WALK; d++) h = tree_head(c, h);
        if (h == v) out[n++] = j;
    }
    return n;
}

/* Every pattern keyed by `key` (alone, or with one of the object candidates) */
static void try_key(const sent_ctx *c, int32_t v, const char *key, size_t keylen, const int32_t *cand, size_t nc,
                    pattern_hit *best) {
    try_chain(c, v, key, dict_patterns_for(c->d, key, keylen), best);
    for (size_t i = 0; i < nc; i++) {
        try_chain(c, v, key, dict_patterns_with_object(c->d, key, c->form_f[cand[i]]), best);
        /* (linear patterns match words as written) */
        if (c->lemma_f[cand[i]] && strcmp(c->lemma_f[cand[i]], c->form_f[cand[i]]) && !c->d->has_seq)
            try_chain(c, v, key, dict_patterns_with_object(c->d, key, c->lemma_f[cand[i]]), best);
    }
}

/* the "to" after the phrase at `with` that opens what the verb at v agrees
 * to: a to-clause or a "to" phrase of v (also one the parse hung on a word
 * of v's phrase, "to exchange" taken for a modifier of "technology"), not
 * inside the with-phrase and not below another subject; -1 none */
static int32_t to_complement_after(const sent_ctx *c, int32_t v, int32_t with) {
    for (int32_t i = with + 1; i < (int32_t)c->n; i++) {
        if (strcmp(c->form_f[i], "to") || !(deprel_is(&c->tok[i], "mark") || deprel_is(&c->tok[i], "case"))) continue;
        int32_t h = tree_head(c, i);
        for (int d = 0; d < 3 && h >= 0 && h != with; d++, h = tree_head(c, h)) {
            int32_t up = tree_head(c, h);
            if (up == v) return i;
            if (tree_child_prefix(c, h, "nsubj") >= 0) break;
        }
        return -1;
    }
    return -1;
}

/* "agreed with Iran to exchange technology", "agreed, in a meeting with
 * Canada, to a program": an accord with someone (01) that also says what
 * was agreed is an agreement to act - the verb's own "+to" pattern (03),
 * aimed at the one the accord is with. The "to" then follows the
 * with-phrase, so the "+to" pattern alone does not fit. (dyad's dictionaries) */
static void accord_to_act(const sent_ctx *c, int32_t v, const char *key, size_t keylen, pattern_hit *best) {
    const dict_pattern *p = best->pattern;
    if (strcmp(c->d->format, "dyad") || !p || p->is_noun || !p->prep || p->nparticles || p->object ||
        strncmp(p->code, "01", 2) || best->target < 0)
        return;
    int32_t to = to_complement_after(c, v, best->target);
    if (to < 0) return;
    /* (its "+to" pattern, else its bare one, when that is no statement) */
    for (int bare = 0; bare < 2; bare++)
        for (const dict_pattern *q = dict_patterns_for(c->d, key, keylen); q; q = q->next)
            if (!strcmp(q->lemma, key) && !q->is_noun && !q->seq && q->nparticles == (bare ? 0 : 1) &&
                (bare || !strcmp(q->particle[0], "to")) && !q->object && !q->prep && !q->pp_prep &&
                !q->need_negation && !q->need_compound && !q->need_target && !q->npre && !q->subject && q->code[0] &&
                strncmp(q->code, "01", 2)) {
                best->pattern = q;
                best->particle_tok[0] = bare ? -1 : to;
                best->nparticles = bare ? 0 : 1;
                return;
            }
}

/* The most specific pattern that fits the predicate at v; among equals the
 * one loaded first. An inflected form listed on its own ("LEFT") is tried
 * before the lemma and wins over it; TABARI stems ("RESTOR") come last. */
int pattern_best(const sent_ctx *c, int32_t v, pattern_hit *hit) {
    const char *keys[2] = {c->form_f[v], c->lemma_f[v]};
    uint32_t lens[2] = {c->form_len[v], c->lemma_len[v]};
    int32_t cand[128];
    /* (linear patterns are verbs': other words need not look around) */
    size_t nc = !c->d->has_seq ? object_candidates(c, v, cand, 64)
                : is_predicate_pos(&c->tok[v], 0) ? words_after(c, v, cand, 128) : 0;
    for (int k = 0; k < 2; k++) {
        if (!keys[k] || !lens[k] || (k == 1 && !strcmp(keys[0], keys[1]))) continue;
        pattern_hit best = {0};
        try_key(c, v, keys[k], lens[k], cand, nc, &best);
        accord_to_act(c, v, keys[k], lens[k], &best);
        if (best.pattern) {
            *hit = best;
            return 1;
        }
    }
    for (uint32_t k = c->form_len[v] - 1; c->d->has_stems && k >= 3 && k < c->form_len[v]; k--) {
        char pre[64];
        if (k >= sizeof pre) continue;
        memcpy(pre, c->form_f[v], k);
        pre[k] = 0;
        pattern_hit best = {0};
        try_key(c, v, pre, k, cand, nc, &best);
        if (best.pattern && best.pattern->stem) {
            *hit = best;
            return 1;
        }
    }
    return 0;
}

/* pattern_tree.c - the questions the pattern matcher asks of the dependency
 * tree: a token's relation, head and children, a phrase's preposition, an
 * infinitive's "to", a time phrase, a word's lemma, a subtree, a passive. */
#include <string.h>
#include "coder_int.h"
#include "pattern_int.h"
#include "patterns.h"

int deprel_is(const dyad_token *t, const char *rel) {
    if (!t->deprel) return 0;
    size_t n = strlen(rel);
    return !strncmp(t->deprel, rel, n) && (t->deprel[n] == 0 || (t->deprel[n] == ':' && !strchr(rel, ':')));
}

int32_t tree_head(const sent_ctx *c, int32_t i) {
    int32_t h = c->tok[i].head;
    return h >= 1 && (uint32_t)h <= c->n ? h - 1 : -1;
}

int32_t tree_child(const sent_ctx *c, int32_t h, const char *deprel) {
    for (int32_t k = c->first_child[h]; k >= 0; k = c->next_sibling[k])
        if (c->tok[k].deprel && !strcmp(c->tok[k].deprel, deprel)) return k;
    return -1;
}

int32_t tree_child_prefix(const sent_ctx *c, int32_t h, const char *prefix) {
    for (int32_t k = c->first_child[h]; k >= 0; k = c->next_sibling[k])
        if (deprel_is(&c->tok[k], prefix)) return k;
    return -1;
}

int has_case(const sent_ctx *c, int32_t k, const char *prep) {
    for (int32_t g = c->first_child[k]; g >= 0; g = c->next_sibling[g])
        if ((deprel_is(&c->tok[g], "case") || deprel_is(&c->tok[g], "mark")) && !strcmp(c->form_f[g], prep))
            return 1;
    return 0;
}

int infinitive_to(const sent_ctx *c, int32_t k) {
    for (int32_t g = c->first_child[k]; g >= 0; g = c->next_sibling[g])
        if (deprel_is(&c->tok[g], "mark") && !strcmp(c->form_f[g], "to") && c->tok[g].upos &&
            !strcmp(c->tok[g].upos, "PART"))
            return 1;
    return 0;
}

/* a time: "Saturday", "Nov." (lemma November), or a day number with its
 * month ("Nov. 18", "18 November") */
int time_phrase(const sent_ctx *c, int32_t k) {
    if (actor_is_time_word(c->form_f[k]) || (c->lemma_f[k] && actor_is_time_word(c->lemma_f[k]))) return 1;
    if (!c->tok[k].upos || strcmp(c->tok[k].upos, "NUM")) return 0;
    for (int32_t g = c->first_child[k]; g >= 0; g = c->next_sibling[g])
        if (actor_is_time_word(c->form_f[g]) || (c->lemma_f[g] && actor_is_time_word(c->lemma_f[g]))) return 1;
    return 0;
}

/* The obl/nmod child of h introduced by prep (also "obl:agent", "nmod:..."),
 * or a clause it introduces ("an investigation into whether X ..."). */
int32_t prep_object_of(const sent_ctx *c, int32_t h, const char *prep) {
    for (int32_t k = c->first_child[h]; k >= 0; k = c->next_sibling[k]) {
        const dyad_token *t = &c->tok[k];
        /* ("sent troops to serve": an infinitive's "to" is no preposition) */
        int clause = deprel_is(t, "advcl") || deprel_is(t, "acl");
        if (!(deprel_is(t, "obl") || deprel_is(t, "nmod") || clause) || !has_case(c, k, prep) ||
            (clause && infinitive_to(c, k)))
            continue;
        /* "called X on Saturday", "On Nov. 18, X called": the time's
         * preposition is not the verb's */
        if (deprel_is(t, "obl:tmod") || time_phrase(c, k)) continue;
        return k;
    }
    return -1;
}

int is_passive(const sent_ctx *c, int32_t v) {
    return tree_child(c, v, "nsubj:pass") >= 0 || tree_child(c, v, "aux:pass") >= 0;
}


int lemma_is(const sent_ctx *c, int32_t k, const char *lemma) {
    return (c->lemma_f[k] && !strcmp(c->lemma_f[k], lemma)) || !strcmp(c->form_f[k], lemma);
}

int in_subtree(const sent_ctx *c, int32_t i, int32_t top) {
    for (int d = 0; i >= 0 && d < MAX_DEPTH_WALK; d++, i = tree_head(c, i))
        if (i == top) return 1;
    return 0;
}

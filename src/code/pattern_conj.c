/* pattern_conj.c - coordinated actors: the conjuncts of a name that make a
 * list ("Mordor, the Shire and Bree"), told apart from the parts of one name
 * the parse made conjuncts or appositions. */
#include <string.h>
#include "coder_int.h"
#include "patterns.h"

/* a coordinated noun: "and"/"or" or a comma comes before it - "Bree Prime
 * Minister Romendacil" parsed as a conjunct is one name */
static int is_conjunct_noun(const sent_ctx *c, int32_t k) {
    if (!deprel_is(&c->tok[k], "conj") || !c->tok[k].upos ||
        (strcmp(c->tok[k].upos, "PROPN") && strcmp(c->tok[k].upos, "NOUN") && strcmp(c->tok[k].upos, "PRON")))
        return 0;
    return conj_is_coordinated(c, k);
}

int conj_is_coordinated(const sent_ctx *c, int32_t k) {
    for (int32_t g = c->first_child[k]; g >= 0 && g < k; g = c->next_sibling[g])
        if (deprel_is(&c->tok[g], "cc") || deprel_is(&c->tok[g], "punct")) return 1;
    int32_t h = tree_head(c, k);
    for (int32_t i = k - 1; i > h && i >= 0; i--)
        if (deprel_is(&c->tok[i], "cc") || deprel_is(&c->tok[i], "punct") ||
            (c->tok[i].upos && (!strcmp(c->tok[i].upos, "CCONJ") || !strcmp(c->tok[i].upos, "CONJ"))))
            return 1;
    return 0;
}

size_t expand_conj(const sent_ctx *c, int32_t h, int32_t *out, size_t cap) {
    if (h < 0 || !cap) return 0;
    if (c->tok[h].upos && !strcmp(c->tok[h].upos, "PUNCT")) return 0; /* a misattached "." is no one */
    size_t n = 0;
    out[n++] = h;
    /* the conjuncts of h all hang on h itself in UD */
    for (int32_t k = c->first_child[h]; k >= 0 && n < cap; k = c->next_sibling[k])
        if (is_conjunct_noun(c, k)) out[n++] = k;
    /* "Mordor, the Shire, Arnor and Bree", "Evil Mordor, the awful Arnor, and
     * good Gondor": in a list a name parsed as an apposition is one more
     * member (with the conjuncts hung on it); an apposition outside a list
     * ("Osgiliath, the state's foe") is the same one */
    for (int32_t k = c->first_child[h]; k >= 0 && n < cap; k = c->next_sibling[k]) {
        if (!deprel_is(&c->tok[k], "appos") || !c->tok[k].upos || strcmp(c->tok[k].upos, "PROPN")) continue;
        /* ("Brisbane barrister James Bell, QC": names joined by commas alone,
         * with no "and"/"or", are one person's name and title, not a list) */
        int list = n > 1;
        for (int32_t g = c->first_child[k]; g >= 0 && !list; g = c->next_sibling[g])
            list = is_conjunct_noun(c, g) && tree_child(c, g, "cc") >= 0;
        if (!list) continue;
        out[n++] = k;
        for (int32_t g = c->first_child[k]; g >= 0 && n < cap; g = c->next_sibling[g])
            if (is_conjunct_noun(c, g)) out[n++] = g;
    }
    return n;
}

/* not_events.c - matched predicates that are not events of their own: a
 * light verb lending its subject to an event noun, a verb governing or
 * served by a coded clause, what a demand asks for, a clause describing a
 * participant, a condition, an event noun inside a coded act or in its
 * background. The coder asks once per predicate, verbs first (pass 0), then
 * nouns (pass 1), with what it has coded so far. */
#include <string.h>
#include "coder_int.h"
#include "modality.h"
#include "patterns.h"

/* "offered criticism of X", "launched an attack on X": the noun carries the
 * event; the light verb only lends it its subject. */
static int light_verb_of_event_noun(const sent_ctx *c, int32_t v, const pattern_hit *hits) {
    int32_t o = tree_child(c, v, "obj");
    return o >= 0 && hits[o].pattern && hits[o].pattern->is_noun && hits[v].object != o && is_light_verb(c, v);
}

/* "is willing to withdraw its troops from X", "agreed to release Y": the
 * clause carries the event (coded as intended); a governing predicate with
 * no target of its own adds nothing */
static int governs_coded_clause(const sent_ctx *c, int32_t v, const pattern_hit *hits) {
    if (hits[v].target >= 0 || hits[v].pattern->prep || hits[v].nparticles > 1 || !strcmp(c->d->format, "petrarch") ||
        !strcmp(c->d->format, "tabari"))
        return 0;
    /* "promised to lay down arms", "agreed to withdraw": a bare intent verb
     * over a coded predicate is one event, the predicate's, coded as CAMEO's
     * intent for it (035) - more specific than the verb's own 030 */
    int bare_intent = !hits[v].pattern->object && !hits[v].nparticles && modality_is_intent_verb(c, v);
    for (int32_t k = c->first_child[v]; k >= 0; k = c->next_sibling[k])
        if (deprel_is(&c->tok[k], "xcomp") && hits[k].pattern && hits[k].pattern->code[0] &&
            (hits[k].target >= 0 || bare_intent))
            return 1;
    return 0;
}

/* UD-PETRARCH: "Mordor will be hosting Osgiliath to celebrate Tabaski with
 * Eriador" - a purpose clause ("to" + verb, with no subject of its own) that
 * codes an event is the event; the verb it serves is not coded apart */
static int serves_coded_purpose(const sent_ctx *c, int32_t v, const pattern_hit *hits) {
    if (strcmp(c->d->format, "petrarch") || c->d->has_seq) return 0;
    for (int32_t k = c->first_child[v]; k >= 0; k = c->next_sibling[k]) {
        if (!deprel_is(&c->tok[k], "advcl") || !hits[k].pattern || !hits[k].pattern->code[0]) continue;
        if (tree_child_prefix(c, k, "nsubj") >= 0) continue;
        for (int32_t g = c->first_child[k]; g >= 0; g = c->next_sibling[g])
            if (deprel_is(&c->tok[g], "mark") && !strcmp(c->form_f[g], "to")) return 1;
    }
    return 0;
}

/* "threatened to close the strait": the xcomp is what the coded predicate
 * is about, not an event of its own - unless it has its own subject */
static int clause_of_coded_predicate(const sent_ctx *c, int32_t v, const uint8_t *coded) {
    int32_t h = tree_head(c, v);
    return h >= 0 && coded[h] && deprel_is(&c->tok[v], "xcomp") && tree_child_prefix(c, v, "nsubj") < 0;
}

/* "demanded that the government resign": what an appeal or demand (02, 10)
 * asks for has not happened; the demand is the event */
static int asked_for_by_demand(const sent_ctx *c, int32_t v, const pattern_hit *hits) {
    int32_t h = tree_head(c, v);
    /* (also a demand that codes no event of its own: "staged a protest
     * demanding that authorities release a student") */
    if (h < 0 || !hits[h].pattern || strcmp(c->d->format, "dyad")) return 0;
    if (!(deprel_is(&c->tok[v], "ccomp") || deprel_is(&c->tok[v], "xcomp"))) return 0;
    const char *hc = hits[h].pattern->code;
    return !strncmp(hc, "02", 2) || !strncmp(hc, "10", 2);
}

/* "condemned the attack on X": one event, the verb's; the noun is what it is
 * about. So is the object a coded pattern named ("refused to lift its *ban"). */
static int noun_inside_coded_verb(const sent_ctx *c, int32_t k, const uint8_t *coded, const pattern_hit *hits) {
    int32_t h = tree_head(c, k);
    if (h >= 0 && coded[h] && !is_light_verb(c, h)) return 1;
    /* (also deeper in the phrase a coded verb governs: "freed X following
     * his weekend arrest", "demanded action against Y's violation of ...") */
    for (int32_t a = strcmp(c->d->format, "dyad") ? -1 : h, d = 0; a >= 0 && d < MAX_DEPTH_WALK;
         d++, a = tree_head(c, a)) {
        int32_t up = tree_head(c, a);
        if (up >= 0 && coded[up] && !is_light_verb(c, up)) return 1;
    }
    for (int32_t v = 0; v < (int32_t)c->n; v++)
        if (v != k && coded[v] && hits[v].pattern && hits[v].pattern->object && hits[v].object == k) return 1;
    return 0;
}

/* "freed a US diplomat it arrested", "lifted the ban that they imposed": a
 * clause describing a participant of a coded event tells who the
 * participant is, not a new event */
static int describes_participant(const sent_ctx *c, int32_t v, const uint8_t *coded) {
    if (strcmp(c->d->format, "dyad")) return 0;
    /* (and what such a clause governs: "a man who threatened to bomb X") */
    int described = deprel_is(&c->tok[v], "acl");
    int32_t h = tree_head(c, v);
    for (int d = 0; h >= 0 && d < MAX_DEPTH_WALK; d++, h = tree_head(c, h)) {
        if (described && coded[h]) return 1;
        if (deprel_is(&c->tok[h], "acl")) described = 1;
    }
    return 0;
}

/* "threatened to launch an offensive unless Baghdad accepted its
 * conditions": the condition a coded event is made on ("if"/"unless") has
 * not happened; it says what is asked, not what is done */
static int condition_of_coded(const sent_ctx *c, int32_t v, const uint8_t *coded) {
    if (strcmp(c->d->format, "dyad") || !deprel_is(&c->tok[v], "advcl")) return 0;
    int32_t mark = tree_child(c, v, "mark");
    if (mark < 0 || (strcmp(c->form_f[mark], "if") && strcmp(c->form_f[mark], "unless"))) return 0;
    /* (hung on the coded verb or on the clause it governs: "to launch") */
    for (int32_t h = tree_head(c, v), d = 0; h >= 0 && d < 2; d++, h = tree_head(c, h)) {
        if (coded[h]) return 1;
        if (!deprel_is(&c->tok[h], "xcomp")) return 0;
    }
    return 0;
}

/* "... after the Bali bombing", "in response to its invasion of Kuwait": an
 * event noun that dates or explains another act is its background */
static int background_event_noun(const sent_ctx *c, int32_t v) {
    static const char *const when[] = {"after", "following", "since", "amid", "despite", "before", "during", NULL};
    static const char *const why[] = {"response", "wake", "retaliation", "aftermath", NULL};
    if (strcmp(c->d->format, "dyad")) return 0;
    /* the preposition of the noun's phrase, or of the phrase it modifies
     * ("after the Oct. 12 Bali bombing", "in the wake of a Taliban attack") */
    for (int32_t a = v, d = 0; a >= 0 && d < 2; d++, a = tree_head(c, a)) {
        int32_t cs = tree_child(c, a, "case");
        if (cs < 0) continue;
        for (int i = 0; when[i]; i++)
            if (!strcmp(c->form_f[cs], when[i])) return 1;
        int32_t up = tree_head(c, a);
        if (up >= 0 && (!strcmp(c->form_f[cs], "to") || !strcmp(c->form_f[cs], "of")))
            for (int i = 0; why[i]; i++)
                if (!strcmp(c->lemma_f[up] ? c->lemma_f[up] : c->form_f[up], why[i])) return 1;
        return 0;
    }
    return 0;
}

int not_an_event_of_its_own(const sent_ctx *c, int32_t v, int noun_pass, const uint8_t *coded,
                            const pattern_hit *hits) {
    if (!noun_pass && (light_verb_of_event_noun(c, v, hits) || governs_coded_clause(c, v, hits) ||
                       clause_of_coded_predicate(c, v, coded) || asked_for_by_demand(c, v, hits) ||
                       serves_coded_purpose(c, v, hits)))
        return 1;
    if (noun_pass && noun_inside_coded_verb(c, v, coded, hits)) return 1;
    if (describes_participant(c, v, coded) || condition_of_coded(c, v, coded)) return 1;
    return noun_pass && background_event_noun(c, v);
}

/* speech.c - reported speech: what a speech verb says (its complement, or
 * the quote it hangs on), whom a statement is made to (its addressee), and a
 * speaker asking an actor to act ("Russia says Israel must end attacks": a
 * demand or appeal of the speaker, not an act of Israel's). Apart from the
 * coder because these are the rules that read a speech verb's clause as a
 * claim or a request rather than as an event. */
#include <string.h>
#include "base/arena.h"
#include "coder_int.h"
#include "modality.h"
#include "patterns.h"
#include "targets.h"

/* What a speech verb says: its ccomp ("said that Japan ..."), or the quote it
 * is attached to ("'Japan should ...,' she said": the reporting verb hangs on
 * the quote's predicate as parataxis). -1 none. */
int32_t speech_said_clause(const sent_ctx *c, int32_t v) {
    int32_t cl = tree_child(c, v, "ccomp");
    if (cl >= 0) return cl;
    int32_t h = tree_head(c, v);
    if (strcmp(c->d->format, "dyad")) return -1; /* PETRARCH codes the quote's own event only */
    if (h >= 0 && (deprel_is(&c->tok[v], "parataxis") || deprel_is(&c->tok[v], "dep")) &&
        tree_child_prefix(c, v, "nsubj") >= 0)
        return h;
    return -1;
}

/* "Russia says Israel must end attacks on Syria": a speech verb whose clause
 * has an actor as subject and "must" / "should" is the speaker asking it of
 * that actor (CAMEO demand 100, appeal 020); the actor has done nothing yet,
 * so the clause is not coded as its act (with dyad's own dictionaries) */
dyad_status speech_code_asked_for(sent_ctx *c, uint32_t si, int32_t v, const pattern_hit *hit, const char *date,
                                   uint8_t *coded, uint8_t *asked) {
    int32_t cl = tree_child(c, v, "ccomp");
    const char *code = cl >= 0 ? speech_asked_for_code(c, cl) : NULL;
    int32_t subj = code ? tree_child_prefix(c, cl, "nsubj") : -1;
    if (subj < 0 || deprel_is(&c->tok[subj], "nsubj:pass")) return DYAD_OK;
    actor_ref t = actor_resolve(c, subj);
    int inherited;
    actor_ref src = actor_resolve(c, source_of(c, v, 0, &inherited));
    if (!t.code[0] || !src.code[0] || !strcmp(src.code, t.code)) return DYAD_OK;
    dict_pattern *dp = arena_alloc(c->doc->arena, sizeof *dp);
    if (!dp) return DYAD_ENOMEM;
    *dp = *hit->pattern;
    dp->code = code;
    dp->rule = arena_printf(c->doc->arena, "%s (asked for: %s)", hit->pattern->rule, code[0] == '1' ? "must" : "should");
    if (!dp->rule) return DYAD_ENOMEM;
    modality_info asserted = {MOD_ASSERTED, -1};
    double conf = event_confidence(&src, &t, inherited, asserted);
    dyad_status st = event_emit(c, si, v, code, &src, &t, asserted, dp, conf, date);
    if (st) return st;
    coded[v] = coded[cl] = 1;
    asked[cl] = asked[v] = 1; /* ("..., Mao Ning told reporters": one event, the appeal) */
    return DYAD_OK;
}

/* verbs whose object is the one told, not what is said: "told reporters",
 * "briefed the council", "informed Washington" */
static const char *const hearer_verbs[] = {"tell", "brief", "inform", "notify", "assure", "remind", "apprise",
                                           "address", NULL};

static int is_hearer_verb(const sent_ctx *c, int32_t v) {
    const char *l = c->lemma_f[v] ? c->lemma_f[v] : c->form_f[v];
    for (int i = 0; hearer_verbs[i]; i++)
        if (!strcmp(l, hearer_verbs[i])) return 1;
    return 0;
}

/* k names someone a statement can be made to (an actor, or a name or
 * pronoun that may be one), not a thing ("addressed the issue") */
static int names_hearer(sent_ctx *c, int32_t k) {
    return k >= 0 && (actor_resolve(c, k).code[0] || actor_names_someone(c, k));
}

/* Whom the statement at v is made to: the phrase the pattern's own
 * preposition names ("speech to", "respond to"), an indirect object, the
 * object of a verb of telling ("told reporters"), or a to-phrase of a verb
 * or noun with no object ("said to the ambassador", "confirmed to ABC
 * News", "its statement to parliament"); -1 none. Never an actor inside
 * what is said. */
int32_t speech_addressee(sent_ctx *c, int32_t v, const pattern_hit *hit) {
    if (hit->pattern->prep && hit->target >= 0) return hit->target;
    int32_t io = tree_child(c, v, "iobj");
    if (names_hearer(c, io)) return io;
    int32_t o = tree_child(c, v, "obj");
    if (is_hearer_verb(c, v) && names_hearer(c, o)) return o;
    /* (with an object of its own, a to-phrase is where the thing goes:
     * "added the areas to the region", "announced a suspension of aid to X") */
    int32_t to = o < 0 ? prep_object_of(c, v, "to") : -1;
    return names_hearer(c, to) ? to : -1;
}

/* targets.c - who an event is aimed at and who did it, beyond the subject and
 * object of its predicate: the thing an attack or seizure is done to, who
 * carried out an event noun, whom a refusal's condition or a protest's
 * purpose names, whom "X says Y must ..." asks something of, which events
 * need someone on the other side at all, and the members of a compound
 * subject a parse split. Mostly for dyad's own dictionaries (coder.c decides
 * where each applies). */
#include <string.h>
#include "base/arena.h"
#include "coder_int.h"
#include "modality.h"
#include "patterns.h"
#include "targets.h"

/* an unresolved argument that may still be someone: a proper noun ("Boko
 * Haram") or a personal pronoun the document resolves ("he") */
int actor_names_someone(const sent_ctx *c, int32_t h) {
    if (h < 0 || h >= (int32_t)c->n || !c->tok[h].upos) return 0;
    return !strcmp(c->tok[h].upos, "PROPN") ||
           (!strcmp(c->tok[h].upos, "PRON") && strcmp(c->form_f[h], "that") && strcmp(c->form_f[h], "which") &&
            strcmp(c->form_f[h], "it"));
}

/* a word the dictionaries know as an event noun ("talks", "strike", "ceasefire") */
int noun_is_event(const sent_ctx *c, int32_t k) {
    const char *l = c->lemma_f[k] ? c->lemma_f[k] : c->form_f[k];
    for (const dict_pattern *q = dict_patterns_for(c->d, l, strlen(l)); q; q = q->next)
        if (q->is_noun && !strcmp(q->lemma, l)) return 1;
    return 0;
}

/* who carried out the event noun at h: "Hamas's attack", "the attack by
 * Hamas", "Israeli airstrikes"; nobody (no span) when none is named */
actor_ref source_event_agent(sent_ctx *c, int32_t h) {
    int32_t a = tree_child(c, h, "nmod:poss");
    if (a < 0) a = prep_object_of(c, h, "by");
    for (int32_t k = c->first_child[h]; k >= 0 && a < 0; k = c->next_sibling[k])
        if (deprel_is(&c->tok[k], "amod") && c->covered_by[k] >= 0) a = k;
    actor_ref r = {"", {0, 0}, -1, 0, 0};
    return a >= 0 ? actor_resolve(c, a) : r;
}

/* Yielding (08: "freed 37 prisoners", "lifted the ban"), rejecting (12),
 * reducing relations (16: "expelled the inspectors"), coercion, assault,
 * fighting, mass violence (17-20): the object a pattern names is what the
 * act is done to - unless it is an event itself ("ended the strike") */
int target_object_is_patient(const sent_ctx *c, const dict_pattern *p, int32_t o) {
    static const char *const roots[] = {"08", "12", "16", "17", "18", "19", "20", NULL};
    if (!p->object || o < 0 || noun_is_event(c, o)) return 0;
    for (int i = 0; roots[i]; i++)
        if (!strncmp(p->code, roots[i], 2)) return 1;
    return 0;
}

/* "withdrew its troops": a thing the pronoun owns is the source's own */
int target_owned_by_pronoun(const sent_ctx *c, int32_t o) {
    int32_t poss = tree_child(c, o, "nmod:poss");
    return poss >= 0 && c->tok[poss].upos && !strcmp(c->tok[poss].upos, "PRON");
}

/* The actor an attacked thing belongs to: its own code ("the Chinese
 * embassy"), else the actor named inside it ("a base in Afghanistan" ->
 * AFG, "Ouattara's headquarters"), joined with the thing's role ("an army
 * base in Mali" -> MLIMIL); else no code, the phrase as its text */
/* the by-agent of a participle hanging on o: "an appeal filed by lawyers of X" */
static int32_t acl_agent(const sent_ctx *c, int32_t o) {
    for (int32_t k = c->first_child[o]; k >= 0; k = c->next_sibling[k]) {
        if (!deprel_is(&c->tok[k], "acl")) continue;
        int32_t a = tree_child(c, k, "obl:agent");
        if (a < 0) a = prep_object_of(c, k, "by");
        if (a >= 0) return a;
    }
    return -1;
}

/* the text of o's whole phrase, clauses hanging on it included */
static dyad_span phrase_span(const sent_ctx *c, int32_t o) {
    int32_t first = o, last = o;
    for (int32_t j = 0; j < (int32_t)c->n; j++) {
        int32_t h = j;
        for (int d = 0; h >= 0 && h != o && d < MAX_DEPTH_WALK; d++) h = tree_head(c, h);
        if (h != o || (c->tok[j].upos && !strcmp(c->tok[j].upos, "PUNCT") && (j < o || j == (int32_t)c->n - 1))) continue;
        if (j < first) first = j;
        if (j > last) last = j;
    }
    return (dyad_span){c->tok[first].off, c->tok[last].off + c->tok[last].len - c->tok[first].off};
}

actor_ref target_patient_actor(sent_ctx *c, int32_t o) {
    actor_ref r = actor_resolve(c, o);
    if (r.code[0] && strncmp(r.code, "---", 3)) return r;
    /* "rejected an appeal filed by lawyers of X": whose it is */
    int32_t agent = acl_agent(c, o);
    if (agent >= 0) {
        actor_ref a = actor_resolve(c, agent);
        if (a.code[0]) {
            a.span = phrase_span(c, o);
            a.token = o;
            return a;
        }
    }
    actor_ref inside = actor_first_in_subtree(c, o, NULL, -1);
    if (inside.code[0] && strncmp(inside.code, "---", 3)) {
        if (r.code[0] && r.code[3] && strlen(inside.code) == 3)
            r.code = arena_printf(c->doc->arena, "%s%s", inside.code, r.code + 3);
        else
            r.code = inside.code;
    }
    r.span = phrase_span(c, o);
    return r;
}

/* CAMEO roots whose events are done to or with someone: consult (04),
 * cooperate (05, 06), aid (07), disapprove (11), reduce relations (16); a
 * pattern with a preposition names its target too. (Intent, yield, protest,
 * force posture, coercion and assault can be one-sided: PLOVER's manual asks
 * for a recipient only for cooperation, aid and sanctions.) */
int event_needs_target(const dict_pattern *p) {
    static const char *const roots[] = {"04", "05", "06", "07", "11", "16", NULL};
    if (p->prep) return 1;
    for (int i = 0; roots[i]; i++)
        if (!strncmp(p->code, roots[i], 2)) return 1;
    return 0;
}

/* The actor a purpose clause of v ("to protest (against) X", "to demand X
 * by/from Y") or of v's object names, -1 none */
int32_t target_of_purpose(sent_ctx *c, int32_t v, int32_t not) {
    int32_t heads[2] = {v, tree_child(c, v, "obj")};
    const char *not_code = not >= 0 ? actor_resolve(c, not).code : ""; /* (its own "its borders") */
    for (int i = 0; i < 2; i++)
        for (int32_t k = heads[i] >= 0 ? c->first_child[heads[i]] : -1; k >= 0; k = c->next_sibling[k]) {
            if (!((deprel_is(&c->tok[k], "advcl") || deprel_is(&c->tok[k], "xcomp") || deprel_is(&c->tok[k], "acl")) &&
                  tree_child(c, k, "mark") >= 0 && !strcmp(c->form_f[tree_child(c, k, "mark")], "to")))
                continue;
            actor_ref a = actor_first_in_subtree(c, k, not_code[0] ? not_code : NULL, -1);
            if (a.code[0] && strncmp(a.code, "---", 3) && a.token != not) return a.token;
        }
    return -1;
}

/* A named place that a purpose clause of v (or of its object) puts what is
 * done in ("agreed to set up two field hospitals in Louisiana"): where
 * cooperation goes, even when no dictionary names it; -1 none */
static int32_t place_of_purpose(const sent_ctx *c, int32_t v) {
    int32_t heads[2] = {v, tree_child(c, v, "obj")};
    for (int i = 0; i < 2; i++)
        for (int32_t k = heads[i] >= 0 ? c->first_child[heads[i]] : -1; k >= 0; k = c->next_sibling[k]) {
            int32_t mark = tree_child(c, k, "mark");
            if (!(deprel_is(&c->tok[k], "advcl") || deprel_is(&c->tok[k], "xcomp") || deprel_is(&c->tok[k], "acl")) ||
                mark < 0 || strcmp(c->form_f[mark], "to"))
                continue;
            for (int32_t j = k + 1; j < (int32_t)c->n; j++) {
                int32_t h = j, d = 0;
                while (h >= 0 && h != k && d++ < MAX_DEPTH_WALK) h = tree_head(c, h);
                int32_t cs = tree_child(c, j, "case");
                if (h == k && c->tok[j].upos && !strcmp(c->tok[j].upos, "PROPN") && cs >= 0 &&
                    !strcmp(c->form_f[cs], "in") && (deprel_is(&c->tok[j], "obl") || deprel_is(&c->tok[j], "nmod")) &&
                    !deprel_is(&c->tok[j], "obl:tmod") && !actor_is_time_word(c->form_f[j]))
                    return j;
            }
        }
    return -1;
}

/* The first one, a bare role included ("to disperse demonstrators"), that a
 * purpose clause of v names; -1 none */
static int32_t target_of_purpose_any(sent_ctx *c, int32_t v, int32_t not) {
    for (int32_t k = c->first_child[v]; k >= 0; k = c->next_sibling[k]) {
        int32_t mark = tree_child(c, k, "mark");
        if (!(deprel_is(&c->tok[k], "advcl") || deprel_is(&c->tok[k], "xcomp")) || mark < 0 ||
            strcmp(c->form_f[mark], "to"))
            continue;
        int32_t o = tree_child(c, k, "obj");
        if (o >= 0 && o != not && actor_resolve(c, o).code[0]) return o;
    }
    return -1;
}

/* Who a condition of v asks something of: the subject (or, passive, the
 * by-agent) of its clause introduced by until / unless / before / if, when
 * it names someone; -1 none */
int32_t target_of_condition(sent_ctx *c, int32_t v) {
    static const char *const marks[] = {"until", "unless", "before", "if", NULL};
    for (int32_t k = c->first_child[v]; k >= 0; k = c->next_sibling[k]) {
        if (!deprel_is(&c->tok[k], "advcl")) continue;
        int marked = 0;
        for (int32_t g = c->first_child[k]; g >= 0 && !marked; g = c->next_sibling[g])
            for (int i = 0; marks[i] && !marked; i++)
                marked = deprel_is(&c->tok[g], "mark") && !strcmp(c->form_f[g], marks[i]);
        if (!marked) continue;
        int32_t who = is_passive(c, k) ? tree_child(c, k, "obl:agent") : tree_child(c, k, "nsubj");
        if (is_passive(c, k) && who < 0) who = prep_object_of(c, k, "by");
        if (who >= 0 && (actor_resolve(c, who).code[0] || actor_names_someone(c, who))) return who;
    }
    return -1;
}

/* the aux of a clause that makes it asked for: "must" a demand (100),
 * "should" / "ought" an appeal (020); NULL none */
const char *speech_asked_for_code(const sent_ctx *c, int32_t cl) {
    for (int32_t k = c->first_child[cl]; k >= 0; k = c->next_sibling[k]) {
        if (!deprel_is(&c->tok[k], "aux")) continue;
        if (!strcmp(c->form_f[k], "must")) return "100";
        if (!strcmp(c->form_f[k], "should") || !strcmp(c->form_f[k], "ought")) return "020";
    }
    return NULL;
}

/* "Evil Mordor, the awful Arnor, and good Gondor welcomed ...": a parse that
 * hangs the last conjunct on the verb as a second subject, an "and" (or a
 * list's comma) before it; it is one more member of the compound subject */
size_t source_subjects_split_by_and(const sent_ctx *c, int32_t v, int32_t s, int32_t *srcs, size_t ns) {
    if (s < 0 || tree_head(c, s) != v || !deprel_is(&c->tok[s], "nsubj")) return ns;
    int32_t prev = -1;
    for (int32_t k = c->first_child[v]; k >= 0 && k < v && ns < MAX_ARGS; k = c->next_sibling[k]) {
        if (!deprel_is(&c->tok[k], "nsubj")) continue;
        int joined = 0;
        for (int32_t i = prev >= 0 ? k - 1 : -1; i > prev && !joined; i--)
            joined = (deprel_is(&c->tok[i], "cc") && tree_head(c, i) == v) ||
                     (deprel_is(&c->tok[i], "punct") && !strcmp(c->form_f[i], ",") &&
                      (tree_head(c, i) == v || tree_head(c, i) == prev)); /* "Mordor, the Shire, ... welcomed" */
        /* both of the pair (s may be either) */
        for (int pass = 0; joined && pass < 2; pass++) {
            int32_t w = pass ? prev : k;
            int seen = 0;
            for (size_t i = 0; i < ns; i++) seen |= srcs[i] == w;
            if (!seen && ns < MAX_ARGS) srcs[ns++] = w;
        }
        prev = k;
    }
    return ns;
}

/* With dyad's own dictionaries, when the predicate's own target names no
 * actor: a refusal (or threat) is aimed at whom its condition asks something
 * of ("will not lift the embargo until Cuba undertakes reforms"), a protest
 * at whom its purpose clause names ("a hunger strike to protest Sweden's
 * decision"), an assault or seizure at the thing it is done to, coded by the
 * actor it belongs to ("attacked an army base in western Afghanistan";
 * *patient set) - but a phrase the pattern's preposition found stays the
 * target ("opened fire on the crowd"). Returns the new target count. */
size_t target_refinements(sent_ctx *c, int32_t v, const pattern_hit *hit, int32_t src_head, modality_info mod,
                                      int32_t *tgts, size_t nt, int *patient) {
    const dict_pattern *p = hit->pattern;
    const char *tc = nt ? actor_resolve(c, tgts[0]).code : "";
    if (!tc[0] && ((mod.kind == MOD_NEGATED && modality_refusal_code(p->code)) ||
                   (mod.kind == MOD_INTENDED && !strncmp(modality_intent_code(p->code), "13", 2)))) {
        int32_t who = target_of_condition(c, v);
        if (who >= 0) return expand_conj(c, who, tgts, MAX_ARGS);
    }
    /* "threatened to launch an offensive unless Baghdad accepted": a threat
     * aimed at no one named is aimed at the one its condition is put to */
    if (!tc[0] && !strncmp(p->code, "13", 2)) {
        int32_t xc = tree_child(c, v, "xcomp"), who = target_of_condition(c, v);
        if (who < 0 && xc >= 0) who = target_of_condition(c, xc);
        if (who >= 0 && who != src_head) return expand_conj(c, who, tgts, MAX_ARGS);
    }
    /* (also where cooperation promised or given goes: "agreed to set up
     * field hospitals in Louisiana", "gave euros to promote investment in
     * Ethiopia") */
    int cooperation = !strncmp(p->code, "03", 2) || !strncmp(p->code, "06", 2) || !strncmp(p->code, "07", 2);
    /* (a bare role given to stays the recipient: "allow aid workers access") */
    if (((!tc[0] || !strncmp(tc, "---", 3)) && !strncmp(p->code, "14", 2)) || (!tc[0] && cooperation)) {
        int32_t aim = target_of_purpose(c, v, src_head);
        if (aim < 0 && cooperation) aim = place_of_purpose(c, v);
        if (aim >= 0) return expand_conj(c, aim, tgts, MAX_ARGS);
    }
    if ((!tc[0] || !strncmp(tc, "---", 3)) && hit->object >= 0 && target_object_is_patient(c, p, hit->object) &&
        !(p->prep && hit->target >= 0) && !target_owned_by_pronoun(c, hit->object)) {
        /* ("opened *fire to disperse demonstrators": a named object that
         * belongs to no one is what is done; whom its purpose clause names
         * is whom it is done to) */
        if (!target_patient_actor(c, hit->object).code[0]) {
            int32_t aim = target_of_purpose_any(c, v, src_head);
            if (aim >= 0) return expand_conj(c, aim, tgts, MAX_ARGS);
        }
        tgts[0] = hit->object;
        *patient = 1;
        return 1;
    }
    return nt;
}

/* The one an act named by its object noun is done to, when the pattern found
 * no one: the noun's own of/against/on/for phrase ("ordered the arrest and
 * detention of X", "demanded the release of X"), also under a conjunct of
 * the noun, or the subject of the clause the noun states ("reiterated its
 * demand that Washington ease sanctions"); a name no dictionary knows counts
 * when it may be someone. -1 none. */
int32_t target_of_object_noun(sent_ctx *c, int32_t o, int32_t src_head) {
    static const char *const preps[] = {"of", "against", "on", "for", NULL};
    if (o < 0 || !c->tok[o].upos || strcmp(c->tok[o].upos, "NOUN")) return -1;
    int32_t nouns[MAX_ARGS];
    size_t nn = expand_conj(c, o, nouns, MAX_ARGS);
    /* (the participle right after the object, parsed as the verb's xcomp:
     * "lifted restrictions [imposed on X]" read as "lifted them imposed") */
    int32_t v = deprel_is(&c->tok[o], "obj") ? tree_head(c, o) : -1, xc = v >= 0 ? tree_child(c, v, "xcomp") : -1;
    int32_t after = xc > o && c->tok[xc].xpos && !strcmp(c->tok[xc].xpos, "VBN") ? xc : -1;
    for (size_t i = 0; i <= nn; i++)
        for (int32_t k = i < nn ? c->first_child[nouns[i]] : after; k >= 0; k = i < nn ? c->next_sibling[k] : -1) {
            int32_t who = -1, cs = tree_child(c, k, "case");
            if (deprel_is(&c->tok[k], "nmod") && !deprel_is(&c->tok[k], "nmod:poss") && cs >= 0)
                for (int p = 0; preps[p] && who < 0; p++)
                    if (!strcmp(c->form_f[cs], preps[p])) who = k;
            int32_t mark = tree_child(c, k, "mark");
            if (i == 0 && (deprel_is(&c->tok[k], "acl") || deprel_is(&c->tok[k], "ccomp")) && mark >= 0 &&
                !strcmp(c->form_f[mark], "that"))
                who = tree_child_prefix(c, k, "nsubj");
            /* ("lifted the sanctions imposed on India", "dropped the charges
             * brought against X": what the noun was put on, by the
             * participle that describes it, is whom it concerns) */
            if (who < 0 && (deprel_is(&c->tok[k], "acl") || deprel_is(&c->tok[k], "xcomp")) && c->tok[k].upos &&
                !strcmp(c->tok[k].upos, "VERB") && tree_child_prefix(c, k, "nsubj") < 0)
                for (int32_t g = c->first_child[k]; g >= 0 && who < 0; g = c->next_sibling[g]) {
                    int32_t gc = tree_child(c, g, "case");
                    if (deprel_is(&c->tok[g], "obl") && gc >= 0 &&
                        (!strcmp(c->form_f[gc], "on") || !strcmp(c->form_f[gc], "against")))
                        who = g;
                }
            if (who < 0 || who == src_head) continue;
            if (actor_resolve(c, who).code[0] || actor_names_someone(c, who)) return who;
        }
    return -1;
}

/* a noun that names a place however it is written: "the area", "the Thailand
 * border", "Poonch district" */
static int place_noun(const sent_ctx *c, int32_t k) {
    static const char *const places[] = {"area", "areas", "region", "regions", "border", "borders", "province",
                                         "district", "city", "town", "village", "villages", "state", "country",
                                         "territory", "capital", "zone", "countryside", NULL};
    if (!c->tok[k].upos) return 0;
    if (!strcmp(c->tok[k].upos, "PROPN")) return !actor_is_time_word(c->form_f[k]);
    if (strcmp(c->tok[k].upos, "NOUN")) return 0;
    const char *l = c->lemma_f[k] ? c->lemma_f[k] : c->form_f[k];
    for (int i = 0; places[i]; i++)
        if (!strcmp(l, places[i]) || !strcmp(c->form_f[k], places[i])) return 1;
    return 0;
}

/* k hangs on its head by a preposition of place: in, into, to, at, ... */
static int place_phrase(const sent_ctx *c, int32_t k) {
    static const char *const preps[] = {"in", "into", "to", "at", "inside", "across", "along", "near", "throughout", NULL};
    if (!(deprel_is(&c->tok[k], "obl") || deprel_is(&c->tok[k], "nmod")) || deprel_is(&c->tok[k], "obl:tmod") ||
        deprel_is(&c->tok[k], "nmod:poss"))
        return 0;
    int32_t cs = tree_child(c, k, "case");
    if (cs < 0) return 0;
    for (int i = 0; preps[i]; i++)
        if (!strcmp(c->form_f[cs], preps[i])) return 1;
    return 0;
}

/* Where a one-sided act is done, when no one is named: a place phrase of the
 * verb or of its object ("agreed to a ceasefire in eastern Ukraine",
 * "mobilised its men to the area"), or one a place-less phrase of the verb
 * leads to ("fired along the Line of Control in Kashmir"). -1 none. */
int32_t target_place_of_act(const sent_ctx *c, int32_t v, int32_t src_head) {
    int32_t heads[2] = {v, tree_child(c, v, "obj")};
    for (int i = 0; i < 2; i++)
        for (int32_t k = heads[i] >= 0 ? c->first_child[heads[i]] : -1; k >= 0; k = c->next_sibling[k]) {
            if (k == src_head || !place_phrase(c, k)) continue;
            if (place_noun(c, k)) return k;
            for (int32_t g = c->first_child[k]; g >= 0; g = c->next_sibling[g])
                if (place_phrase(c, g) && place_noun(c, g)) return g;
        }
    return -1;
}

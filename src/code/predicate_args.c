/* predicate_args.c - who a matched predicate's event is from and to: its
 * source (the subject, or what the pattern, a passive's phrase or the place
 * of an arrest names instead) and its targets (the pattern's own, else the
 * object, a phrase, a governed clause's subject or a place with dyad's
 * dictionaries, else an actor anywhere after the verb with the field's).
 * coder.c runs these steps in order over one pred_args. */
#include <string.h>
#include "coder_int.h"
#include "modality.h"
#include "patterns.h"
#include "targets.h"

/* k is introduced by a preposition that can name a target */
static int has_case_word(const sent_ctx *c, int32_t k) {
    /* "condemned the attack by X": the perpetrator is who the reaction is against */
    static const char *const preps[] = {"against", "on", "with", "to", "into", "of", "over", "by", NULL};
    for (int32_t g = c->first_child[k]; g >= 0; g = c->next_sibling[g])
        if (deprel_is(&c->tok[g], "case"))
            for (int i = 0; preps[i]; i++)
                if (!strcmp(c->form_f[g], preps[i])) return 1;
    return 0;
}

/* k is introduced by what a concern or warning is about */
static int about_word(const sent_ctx *c, int32_t k) {
    static const char *const words[] = {"about", "over", "at", "of", "that", NULL};
    /* ("concerned about reports that ...", "about" taken for an adverb of
     * "reports" taken for a verb: the word still says what it is about) */
    for (int32_t g = c->first_child[k]; g >= 0; g = c->next_sibling[g])
        if (deprel_is(&c->tok[g], "case") || deprel_is(&c->tok[g], "mark") ||
            (deprel_is(&c->tok[g], "advmod") && g < k && !strcmp(c->form_f[g], "about")))
            for (int i = 0; words[i]; i++)
                if (!strcmp(c->form_f[g], words[i])) return 1;
    return 0;
}

/* "Washington and Tokyo said they ...": a plural pronoun stands for all the
 * conjuncts of its antecedent; anything else expands its own conjuncts */
static size_t expand_conj_or_antecedent(const sent_ctx *c, int32_t h, int32_t *out, size_t cap) {
    if (h >= 0 && (!strcmp(c->form_f[h], "they") || !strcmp(c->form_f[h], "them") || !strcmp(c->form_f[h], "we"))) {
        int32_t ante = actor_pronoun_antecedent(c, h);
        if (ante >= 0) {
            size_t n = expand_conj(c, ante, out, cap);
            if (n > 1) return n;
        }
    }
    return expand_conj(c, h, out, cap);
}

/* "put *troops on alert", "launch *strike": the object a pattern names is
 * what is done, not whom to; it is the target only when it names an actor
 * of its own ("summoned the Chinese *ambassador"), never a bare role */
/* ("reiterated the U.N.'s commitment to", "promised Washington's support
 * for": a named object that a preposition's pattern aims elsewhere, coded
 * only as the source's own side - the same actor or its country - through
 * its possessor, is what the source gives, not whom to) */
static int named_object_is_no_one(sent_ctx *c, const pattern_hit *hit, int32_t k, int32_t src_head) {
    if (!hit->pattern->object || k != hit->object) return 0;
    if (!strncmp(actor_resolve(c, k).code, "---", 3)) return 1;
    if (!hit->pattern->prep || src_head < 0 || tree_child(c, k, "nmod:poss") < 0) return 0;
    const char *own = actor_resolve(c, k).code, *src = actor_resolve(c, src_head).code;
    return strlen(own) >= 3 && strncmp(own, "---", 3) && !strncmp(own, src, strlen(own));
}

/* The subject of the clause that child k of a predicate stands for: "urged
 * Japan to ...", "warned (that) Japan would ...", "concerned about Japan
 * joining", "concerned about reports that Japan could join", and the
 * headline's "concerned: Japan could join". -1 none. */
static int32_t complement_subject(const sent_ctx *c, int32_t k) {
    const dyad_token *t = &c->tok[k];
    /* ("..., a leading official has said": who reports it is no target) */
    if (deprel_is(t, "parataxis") && modality_is_speech(c, k)) return -1;
    if (deprel_is(t, "xcomp") || deprel_is(t, "ccomp") || deprel_is(t, "parataxis") ||
        (deprel_is(t, "advcl") && about_word(c, k) && tree_child_prefix(c, k, "nsubj") >= 0))
        return tree_child_prefix(c, k, "nsubj");
    /* ("rejected Netanyahu to delay the trial": an object and its infinitive
     * parsed as the infinitive's subject) */
    int32_t h = tree_head(c, k), sub = tree_child_prefix(c, k, "nsubj"), mark = tree_child(c, k, "mark");
    if (deprel_is(t, "advcl") && h >= 0 && sub > h && sub < k && mark >= 0 && !strcmp(c->form_f[mark], "to") &&
        tree_child(c, h, "obj") < 0)
        return sub;
    if ((deprel_is(t, "obl") || deprel_is(t, "nmod") || deprel_is(t, "advcl")) && about_word(c, k))
        for (int32_t g = c->first_child[k]; g >= 0; g = c->next_sibling[g])
            if (deprel_is(&c->tok[g], "acl") || deprel_is(&c->tok[g], "ccomp")) {
                int32_t sub = tree_child_prefix(c, g, "nsubj");
                if (sub >= 0) return sub;
            }
    return -1;
}

/* fighting, assault, mass violence: acts aimed at a place as much as at someone */
static int violent_code(const char *code) {
    return !strncmp(code, "18", 2) || !strncmp(code, "19", 2) || !strncmp(code, "20", 2);
}

/* a proper noun after "in" hung on v: "in Karabakh", -1 none */
static int32_t named_place_in(const sent_ctx *c, int32_t v) {
    for (int32_t k = c->first_child[v]; k >= 0; k = c->next_sibling[k]) {
        int32_t cs = tree_child(c, k, "case");
        if (deprel_is(&c->tok[k], "obl") && !deprel_is(&c->tok[k], "obl:tmod") && cs >= 0 &&
            !strcmp(c->form_f[cs], "in") && c->tok[k].upos && !strcmp(c->tok[k].upos, "PROPN") &&
            !actor_is_time_word(c->form_f[k]))
            return k;
    }
    return -1;
}

/* a verb heading a clause (not a noun phrase) */
static int clause_head(const sent_ctx *c, int32_t k) {
    return c->tok[k].upos && (!strcmp(c->tok[k].upos, "VERB") || !strcmp(c->tok[k].upos, "AUX"));
}

/* The source's head: the verb's subject, unless the pattern names it
 * itself (a "(FROM $)" phrase, a linear pattern's '$' or the actor before
 * the verb) */
static void source_head(pred_args *a) {
    sent_ctx *c = a->c;
    const pattern_hit *hit = a->hit;
    const dict_pattern *p = a->p;
    int32_t v = a->v;
    a->src_head = source_of(c, v, p->is_noun, &a->inherited);
    if (p->source_prep) { /* "was freed from Barad-dur" (PETRARCH "(FROM $)") */
        int32_t sp = prep_object_of(c, v, p->source_prep);
        if (sp >= 0) a->src_head = sp;
    }
    /* PETRARCH's linear patterns: a '$' names the source; failing a subject
     * ("was criticized over ...", "was seen to break ..."), the actor named
     * before the verb in its clause is, as PETRARCH's lower sequence finds it */
    if (hit->source >= 0) a->src_head = hit->source;
    else if (a->src_head < 0 && p->seq) a->src_head = seq_first_actor_before(c, v);
    /* "- NOTED + * [115]": a '+' before the verb is the target; when it is the
     * verb's own subject ("Gondor's minister noted that Cirith Ungol
     * regretted"), the source is the actor named before it */
    if (p->seq && hit->source < 0 && hit->target >= 0 && hit->target < v && a->src_head == hit->target) {
        int32_t up = tree_head(c, v);
        int32_t before = up >= 0 && (deprel_is(&c->tok[v], "ccomp") || deprel_is(&c->tok[v], "xcomp"))
                             ? tree_child_prefix(c, up, "nsubj") : -1;
        if (before < 0 || before > hit->target) before = seq_actor_before(c, v, hit->target);
        if (before >= 0) a->src_head = before;
    }
}

/* With no source yet: a passive's phrase, or the place of an arrest */
static void source_of_agentless_passive(pred_args *a) {
    sent_ctx *c = a->c;
    const pattern_hit *hit = a->hit;
    const dict_pattern *p = a->p;
    int32_t v = a->v;
    /* UD-PETRARCH: a passive with no agent takes its source from a phrase
     * after the verb ("was criticized over its dispute with Eriador", "was
     * shot dead in Osgiliath"); its subject, an actor, stays the target */
    /* (also a phrase of its predicative: "was shot [dead in Osgiliath]") */
    int32_t pred = tree_child(c, v, "xcomp");
    if (pred >= 0 && !(c->tok[pred].upos && !strcmp(c->tok[pred].upos, "ADJ"))) pred = -1;
    for (int32_t on = v, round = 0; round < 2 && on >= 0; round++, on = pred)
    if (a->src_head < 0 && !p->seq && !p->is_noun && a->field_format && is_passive(c, v) &&
        hit->target >= 0 && actor_resolve(c, hit->target).code[0])
        for (int32_t k = c->first_child[on]; k >= 0 && a->src_head < 0; k = c->next_sibling[k])
            if ((deprel_is(&c->tok[k], "obl") || deprel_is(&c->tok[k], "nmod")) && !deprel_is(&c->tok[k], "obl:tmod") &&
                tree_child(c, k, "case") >= 0) {
                actor_ref r = actor_first_in_subtree(c, k, NULL, -1);
                if (r.code[0]) a->src_head = r.token;
            }
    /* "X was arrested in Rwanda": an arrest or detention with no one named
     * as its agent is the act of the state it happened in */
    if (a->src_head < 0 && !p->is_noun && !a->field_format && !strncmp(p->code, "17", 2) && is_passive(c, v)) {
        int32_t place = named_place_in(c, v);
        if (place >= 0 && strlen(actor_resolve(c, place).code) == 3) a->src_head = place;
    }
}

void predicate_sources(pred_args *a) {
    sent_ctx *c = a->c;
    const dict_pattern *p = a->p;
    int32_t v = a->v;
    source_head(a);
    source_of_agentless_passive(a);
    a->tgt_head = a->hit->target;
    if (p->swap_roles && a->src_head >= 0) { /* "received money from Osgiliath" */
        int32_t giver = seq_nth_actor_after(c, v, a->src_head, p->swap_roles);
        if (giver >= 0) a->tgt_head = a->src_head, a->src_head = giver;
    } else if (p->target_nth) { /* "celebrated Iftar at Osgiliath with the parliament of Gondor" */
        int32_t nth = seq_nth_actor_after(c, v, a->src_head, p->target_nth);
        if (nth >= 0) a->tgt_head = nth;
    }
    /* PETRARCH: the verb's own subject that names no actor is coded by the
     * first actor named inside it ("Resumption of ties between Arnor and
     * Gondor may spur ...") */
    if (a->src_head >= 0 && !a->inherited && a->field_format && !actor_resolve(c, a->src_head).code[0]) {
        actor_ref inside = actor_first_in_subtree(c, a->src_head, NULL, -1);
        if (inside.code[0] && inside.token >= 0) a->src_head = inside.token;
    }
    a->ns = expand_conj_or_antecedent(c, a->src_head, a->srcs, MAX_ARGS);
    a->ns = source_subjects_split_by_and(c, v, a->src_head, a->srcs, a->ns);
}

/* "accused Russia of ...", "summoned the Chinese ambassador": the direct
 * object, or the object the pattern named, when it names an actor; "called
 * for sanctions against Moscow": an actor the target phrase (alt[2]) is
 * against/on/with. 1 when found. */
static int target_object_or_its_phrase(pred_args *a, const int32_t alt[3]) {
    sent_ctx *c = a->c;
    const pattern_hit *hit = a->hit;
    for (int i = 0; i < 2; i++)
        if (alt[i] >= 0 && alt[i] != hit->target && actor_resolve(c, alt[i]).code[0] &&
            !named_object_is_no_one(c, hit, alt[i], a->src_head)) {
            a->nt = expand_conj(c, alt[i], a->tgts, MAX_ARGS);
            return 1;
        }
    for (int32_t k = alt[2] >= 0 ? c->first_child[alt[2]] : -1; k >= 0; k = c->next_sibling[k])
        /* ("concerned about reports Japan could join": a subject taken into
         * the phrase the concern is about) */
        if (deprel_is(&c->tok[k], "nmod") && actor_resolve(c, k).code[0] &&
            (has_case_word(c, k) || (tree_child(c, k, "case") < 0 && about_word(c, alt[2])))) {
            a->nt = expand_conj(c, k, a->tgts, MAX_ARGS);
            return 1;
        }
    return 0;
}

/* "contribute troops to Afghanistan", "agreed to share information with
 * Russia": a thing given or done names no one; an actor the verb gives it
 * to, or does it with, is the target (over a weak one, a bare role, found
 * so far). Returns whether a target is found. */
static int target_in_verb_phrase(pred_args *a, int found, int weak) {
    sent_ctx *c = a->c;
    int32_t v = a->v;
    /* (also in the clause the predicate governs: "agreed to lend $1 billion
     * to Indonesia"; failing a to/with/against... phrase, a place: "sent
     * 200 troops in Syria", "withdrew its troops from Lebanon") */
    int32_t xc = tree_child(c, v, "xcomp");
    /* ("China and Japan held talks in Beijing": with a compound source, a
     * place is where they met, not whom; the event is between them) */
    /* ("told reporters in Beijing": where a statement is made is not whom it is about) */
    for (int tier = 0; tier < (a->ns >= 2 || modality_is_speech(c, v) ? 1 : 2); tier++)
    for (int32_t h2 = 0, on = v; h2 < 2 && on >= 0; h2++, on = xc)
        for (int32_t k = c->first_child[on]; k >= 0 && (!found || weak); k = c->next_sibling[k]) {
            if (!(deprel_is(&c->tok[k], "obl") || deprel_is(&c->tok[k], "nmod")) || deprel_is(&c->tok[k], "obl:tmod") ||
                !(tier ? tree_child(c, k, "case") >= 0 : has_case_word(c, k)) || k == a->src_head)
                continue;
            const char *code = actor_resolve(c, k).code;
            if (code[0] && (!weak || strncmp(code, "---", 3))) {
                a->nt = expand_conj(c, k, a->tgts, MAX_ARGS);
                found = 1;
                weak = 0;
            }
        }
    return found;
}

/* Failing an actor in the object or a phrase: a name inside the object, an
 * unknown object, the subject of a governed clause, a place attacked */
static void target_last_resorts(pred_args *a, const int32_t alt[3], int found) {
    sent_ctx *c = a->c;
    const pattern_hit *hit = a->hit;
    int32_t v = a->v;
    /* "found [Barbarin guilty]" parsed as one phrase: a name inside the
     * pattern's object is who it is about */
    for (int32_t k = hit->object >= 0 ? c->first_child[hit->object] : -1; k >= 0 && !found && !a->nt;
         k = c->next_sibling[k])
        if (k < hit->object && c->tok[k].upos && !strcmp(c->tok[k].upos, "PROPN") && k != a->src_head)
            a->nt = expand_conj(c, k, a->tgts, MAX_ARGS);
    /* "found Barbarin guilty": an unknown object still names the target,
     * or the subject of the clause the verb governs */
    if (!found && !a->nt && alt[0] >= 0 && alt[0] != hit->object) a->nt = expand_conj(c, alt[0], a->tgts, MAX_ARGS);
    for (int32_t k = c->first_child[v]; k >= 0 && !found; k = c->next_sibling[k]) {
        int32_t sub = complement_subject(c, k);
        if (sub >= 0 && sub != a->src_head && (!a->nt || actor_resolve(c, sub).code[0])) {
            a->nt = expand_conj(c, sub, a->tgts, MAX_ARGS);
            found = 1;
        }
    }
    /* ("violated the ceasefire in Karabakh": failing anyone, a named
     * place the act is aimed at, even one no dictionary knows) */
    if (!found && !a->nt && a->ns < 2 && !modality_is_speech(c, v) && violent_code(a->p->code)) {
        int32_t place = named_place_in(c, v);
        if (place >= 0) a->nt = expand_conj(c, place, a->tgts, MAX_ARGS);
    }
}

/* dyad's dictionaries, when the pattern's own target names no actor (or
 * only a bare role as the object): look for one elsewhere */
static void dyad_target_fallbacks(pred_args *a, int bare_object) {
    sent_ctx *c = a->c;
    const pattern_hit *hit = a->hit;
    /* the phrase the target may hide in: the pattern's target, else what its
     * last +word introduces ("called +for sanctions against Moscow"), else its object */
    int32_t phrase = a->nt ? a->tgts[0] : hit->object;
    if (!a->nt && hit->nparticles) {
        int32_t pt = prep_object_of(c, a->v, c->form_f[hit->particle_tok[hit->nparticles - 1]]);
        if (pt >= 0) phrase = pt;
    }
    int32_t alt[3] = {tree_child(c, a->v, "obj"), hit->object, phrase};
    /* ("join +forces with the ALDE group": a word of the pattern is no one) */
    for (int i = 0; i < hit->nparticles; i++)
        if (alt[0] == hit->particle_tok[i]) alt[0] = -1;
    int found = target_object_or_its_phrase(a, alt);
    int weak = found ? !strncmp(actor_resolve(c, a->tgts[0]).code, "---", 3) : bare_object;
    found = target_in_verb_phrase(a, found, weak);
    target_last_resorts(a, alt, found);
}

/* "opened an investigation into whether X was spied on": a clause names
 * its subject, never itself */
static void target_clause_names_subject(pred_args *a) {
    sent_ctx *c = a->c;
    if (a->nt != 1 || !clause_head(c, a->tgts[0])) return;
    int32_t sub = tree_child_prefix(c, a->tgts[0], "nsubj");
    /* ("commitment to supporting Lebanon's sovereignty": without a
     * subject, what the pattern's preposition leads to is done to the
     * first actor it names) */
    if (sub < 0 && a->tgts[0] == a->hit->target && a->p->prep && !a->field_format) {
        const char *not_code = a->src_head >= 0 ? actor_resolve(c, a->src_head).code : "";
        actor_ref inside = actor_first_in_subtree(c, a->tgts[0], not_code[0] ? not_code : NULL, -1);
        if (inside.code[0] && strncmp(inside.code, "---", 3) && inside.token >= 0 && inside.token != a->src_head)
            sub = inside.token;
    }
    a->nt = sub >= 0 ? expand_conj(c, sub, a->tgts, MAX_ARGS) : 0;
}

/* bare roles that are no one else: the source's own, or the press told */
static void target_drop_own_role(pred_args *a) {
    sent_ctx *c = a->c;
    /* "withdrew its troops", "put their forces on alert": a bare role owned
     * by a pronoun is the source's own, no one else */
    if (!a->field_format && a->nt == 1 && !strncmp(actor_resolve(c, a->tgts[0]).code, "---", 3)) {
        int32_t poss = tree_child(c, a->tgts[0], "nmod:poss");
        if (poss >= 0 && c->tok[poss].upos && !strcmp(c->tok[poss].upos, "PRON")) a->nt = 0;
    }
    /* "..., the spokeswoman told reporters": telling the press is how the
     * statement is made, not whom it is about (a plain statement, made to
     * them, is aimed at them: coder.c) */
    if (!a->field_format && modality_is_speech(c, a->v) && a->nt &&
        !strncmp(actor_resolve(c, a->tgts[0]).code, "---", 3))
        a->nt = 0;
}

void predicate_targets(pred_args *a) {
    sent_ctx *c = a->c;
    /* ("The Philippines was criticized over ...": the subject PETRARCH takes
     * for the source is no target as well) */
    a->nt = expand_conj_or_antecedent(c, a->tgt_head == a->src_head ? -1 : a->tgt_head, a->tgts, MAX_ARGS);
    /* ("sent troops to Syria": a bare role as the object gives way to an actor named in a phrase) */
    int bare_object = a->nt && !a->p->prep && !strncmp(actor_resolve(c, a->tgts[0]).code, "---", 3);
    if (!a->field_format && (!a->nt || !actor_resolve(c, a->tgts[0]).code[0] || bare_object))
        dyad_target_fallbacks(a, bare_object);
    target_clause_names_subject(a);
    target_drop_own_role(a);
}

/* PETRARCH's dictionaries, with no named target and a pattern without a
 * preposition: an actor in a phrase after the verb, else the first actor
 * named after it */
static void field_target_after_verb(pred_args *a) {
    sent_ctx *c = a->c;
    int32_t v = a->v;
    a->nt = 0;
    int32_t an[2] = {v, a->hit->object};
    /* "celebrated Iftar in Osgiliath with Gondor": an actor named by a
     * phrase whose preposition can name a target goes before a place;
     * the target comes after the verb ("..., several years after
     * Calenardhon crowds burned its embassy, an official said" hung on
     * "said" says nothing about Calenardhon) */
    for (int any_prep = 0; any_prep < 2 && !a->nt; any_prep++)
    for (int i = 0; i < 2 && !a->nt; i++) {
        if (an[i] < 0) continue;
        for (int32_t k = c->first_child[an[i]]; k >= 0 && !a->nt; k = c->next_sibling[k])
            if ((deprel_is(&c->tok[k], "obl") || deprel_is(&c->tok[k], "nmod") || deprel_is(&c->tok[k], "obj") ||
                 deprel_is(&c->tok[k], "ccomp")) &&
                (any_prep || ((deprel_is(&c->tok[k], "obj") || has_case_word(c, k)) && actor_resolve(c, k).code[0])) &&
                !deprel_is(&c->tok[k], "obl:tmod") && k != a->src_head && (k > v || i)) {
                actor_ref inside = actor_first_in_subtree(c, k, NULL, -1);
                if (inside.code[0]) a->nt = expand_conj(c, inside.token, a->tgts, MAX_ARGS);
            }
    }
    /* failing that, the first actor named after the verb in its phrase
     * ("rescheduled his trip in the White Downs", "signed an accord to
     * supply Gondor with wheat") */
    if (!a->nt && !a->p->need_compound) a->nt = expand_conj(c, seq_first_actor_after(c, v, a->src_head), a->tgts, MAX_ARGS);
}

void predicate_field_targets(pred_args *a) {
    sent_ctx *c = a->c;
    /* PETRARCH's dictionaries rely on its "target anywhere after the verb":
     * take the first prepositional phrase that names an actor */
    a->target_named = 0;
    for (size_t j = 0; j < a->nt && !a->target_named; j++) a->target_named = actor_resolve(c, a->tgts[j]).code[0] != 0;
    if (a->target_named || !a->field_format) return;
    if (!a->p->prep) {
        field_target_after_verb(a);
        return;
    }
    /* "called for a boycott against Osgiliath" ("(FOR)" names the target's
     * phrase): a phrase that names no one holds its target */
    if (a->nt == 1) {
        actor_ref inside = actor_first_in_subtree(c, a->tgts[0], NULL, -1);
        if (inside.code[0] && inside.token != a->src_head) {
            a->nt = expand_conj(c, inside.token, a->tgts, MAX_ARGS);
            a->target_named = 1;
        }
    }
}

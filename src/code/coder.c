/* coder.c - the event coder's entry points: load dictionaries in any of the
 * three formats, and code every parsed sentence of a document into events
 * (predicate -> pattern -> sources x targets, modality, rule, confidence).
 * This file holds the per-sentence driver and the choice of a predicate's
 * sources and targets; the working copy of the tree and its repairs are in
 * repairs.c, the choice of a pattern in pattern_choice.c, reported speech in
 * speech.c, the matched predicates that are no event of their own in
 * not_events.c and the writing of events in emit.c. */
#include <string.h>
#include "base/arena.h"
#include "base/util.h"
#include "code.h"
#include "coder_int.h"
#include "modality.h"
#include "patterns.h"
#include "targets.h"
#include "tabari.h"

dy_dicts *code_dicts_load(const char *path, const char *format,
                          void (*warn)(void *, const dyad_error *), void *user, dyad_error *err) {
    if (!path) {
        dyad_error_set(err, DYAD_EINVAL, "dicts", 0, -1, "no dictionary path given");
        return NULL;
    }
    if (!format) format = "dyad";
    if (!path_exists(path)) {
        dyad_error_set(err, DYAD_EDICT, path, 0, -1, "no such dictionary path");
        return NULL;
    }
    const char *fmt = !strcmp(format, "petrarch") ? "petrarch" : !strcmp(format, "tabari") ? "tabari"
                    : !strcmp(format, "dyad") ? "dyad" : NULL;
    if (!fmt) {
        dyad_error_set(err, DYAD_EINVAL, path, 0, -1, "unknown dictionary format '%s' (dyad, petrarch, tabari)", format);
        return NULL;
    }
    dy_dicts *d = dict_new(fmt);
    if (!d) {
        dyad_error_set(err, DYAD_ENOMEM, path, 0, -1, "out of memory");
        return NULL;
    }
    int rc, compiled = !path_is_dir(path) && dict_compiled_is(path);
    if (compiled) rc = dict_load_compiled(d, path, err); /* chains come ordered */
    else if (fmt[0] == 'p') rc = dict_load_petrarch(d, path, warn, user, err);
    else if (fmt[0] == 't') rc = dict_load_tabari(d, path, warn, user, err);
    else rc = dict_load_dyad(d, path, warn, user, err);
    if (!rc && !compiled && dict_finish(d)) {
        dyad_error_set(err, DYAD_ENOMEM, path, 0, -1, "out of memory");
        rc = -1;
    }
    if (rc) {
        code_dicts_free(d);
        return NULL;
    }
    return d;
}

/* children lists for the sentence; heads out of range are treated as roots */
static int build_tree(sent_ctx *c) {
    c->first_child = arena_alloc(c->doc->arena, c->n * sizeof(int32_t));
    c->next_sibling = arena_alloc(c->doc->arena, c->n * sizeof(int32_t));
    if (!c->first_child || !c->next_sibling) return -1;
    for (uint32_t i = 0; i < c->n; i++) c->first_child[i] = c->next_sibling[i] = -1;
    for (int32_t i = (int32_t)c->n - 1; i >= 0; i--) {
        int32_t h = tree_head(c, i);
        if (h < 0 || h == i) continue;
        c->next_sibling[i] = c->first_child[h];
        c->first_child[h] = i;
    }
    /* a cycle in a broken parse would make upward walks loop: walks are bounded */
    return 0;
}

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

/* "Danish media and government": a later conjunct that is a bare role takes
 * the country of the first ("---GOV" -> "DNKGOV"). */
static actor_ref conjunct_actor(sent_ctx *c, const int32_t *heads, size_t i) {
    actor_ref r = actor_resolve(c, heads[i]);
    if (i == 0 || strncmp(r.code, "---", 3) || !r.code[3]) return r;
    actor_ref first = actor_resolve(c, heads[0]);
    size_t fl = strlen(first.code);
    if (fl < 3 || !strncmp(first.code, "---", 3)) return r;
    /* keep what modifies both ("Danish Islamist media and government" ->
     * DNKMUS + GOV): the first conjunct's code without its own head role */
    size_t keep = 3;
    int32_t m = c->covered_by[heads[0]];
    if (m >= 0 && c->mention[m] && c->mention[m]->kind == PHRASE_AGENT) {
        const char *role = c->mention[m]->code;
        size_t rl = strlen(role);
        if (rl && role[0] == '~') role++, rl--;
        if (rl && fl > rl && !strncmp(first.code + fl - rl, role, rl)) keep = fl - rl;
    }
    r.code = arena_printf(c->doc->arena, "%.*s%s", (int)keep, first.code, r.code + 3);
    return r;
}

/* 1 if some event of this sentence came from a predicate inside h's subtree */
static int subtree_has_event(const sent_ctx *c, const uint8_t *coded, int32_t h, int depth) {
    if (depth > MAX_DEPTH_WALK) return 0;
    if (coded[h]) return 1;
    for (int32_t k = c->first_child[h]; k >= 0; k = c->next_sibling[k])
        if (subtree_has_event(c, coded, k, depth + 1)) return 1;
    return 0;
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

/* "X is about to restore ties with Y, five years after crowds burned its
 * embassy": an adverbial clause of a predicate that coded an event (itself
 * or the clause it governs) is part of that event's phrase, as PETRARCH
 * reads it - no event of its own without an actor on both sides */
static int subordinate_to_coded(const sent_ctx *c, int32_t v, const uint8_t *coded) {
    int32_t h = tree_head(c, v);
    if (h < 0 || !(deprel_is(&c->tok[v], "advcl") || deprel_is(&c->tok[v], "parataxis"))) return 0;
    int marked = 0;
    for (int32_t k = c->first_child[v]; k >= 0; k = c->next_sibling[k])
        if (deprel_is(&c->tok[k], "mark") && k < v) marked = 1;
    if (!marked) return 0;
    if (coded[h]) return 1;
    for (int32_t k = c->first_child[h]; k >= 0; k = c->next_sibling[k])
        if (coded[k] && (deprel_is(&c->tok[k], "xcomp") || deprel_is(&c->tok[k], "ccomp"))) return 1;
    return 0;
}

/* UD-PETRARCH: an event whose target is the subject of a clause the verb
 * governs, itself coded ("Gondor warned that Arnor would attack": A (B .
 * attack) warn), takes the two codes combined through its internal ontology
 * (PICO); with no ontology, or no combination it knows, the verb's own code
 * (NULL: the combination is unknown, no event) */
static const char *code_with_clause(const sent_ctx *c, int32_t v, const dict_pattern *p, int32_t target) {
    if (!c->d->npico || target < 0) return p->code;
    for (int32_t k = c->first_child[v]; k >= 0; k = c->next_sibling[k]) {
        if (!deprel_is(&c->tok[k], "ccomp") && !deprel_is(&c->tok[k], "xcomp")) continue;
        if (tree_child_prefix(c, k, "nsubj") != target) continue;
        pattern_hit lower;
        if (!pattern_best(c, k, &lower) || !lower.pattern->code[0]) continue;
        return dict_pico_combine(c->d, p->code, lower.pattern->code);
    }
    return p->code;
}

/* What a compound subject does together (dyad's dictionaries): agree,
 * consult, cooperate, intend to, hold exercises, fight - or anything about a
 * thing they share ("failed to reach *agreement") */
static int done_together(const dict_pattern *p) {
    static const char *const roots[] = {"01", "03", "04", "05", "06", "15", "19", NULL};
    /* ("X and Y released a joint statement": made together, to neither) */
    if (!strcmp(p->code, "010")) return 0;
    if (p->object) return 1;
    for (int i = 0; roots[i]; i++)
        if (!strncmp(p->code, roots[i], 2)) return 1;
    return 0;
}

static dyad_status code_predicate(sent_ctx *c, uint32_t si, int32_t v, const pattern_hit *hit, const char *date,
                                  uint8_t *coded, int speech_pass) {
    const dict_pattern *p = hit->pattern;
    int inherited = 0;
    int32_t src_head = source_of(c, v, p->is_noun, &inherited);
    if (p->source_prep) { /* "was freed from Barad-dur" (PETRARCH "(FROM $)") */
        int32_t sp = prep_object_of(c, v, p->source_prep);
        if (sp >= 0) src_head = sp;
    }
    /* PETRARCH's linear patterns: a '$' names the source; failing a subject
     * ("was criticized over ...", "was seen to break ..."), the actor named
     * before the verb in its clause is, as PETRARCH's lower sequence finds it */
    if (hit->source >= 0) src_head = hit->source;
    else if (src_head < 0 && p->seq) src_head = seq_first_actor_before(c, v);
    /* "- NOTED + * [115]": a '+' before the verb is the target; when it is the
     * verb's own subject ("Gondor's minister noted that Cirith Ungol
     * regretted"), the source is the actor named before it */
    if (p->seq && hit->source < 0 && hit->target >= 0 && hit->target < v && src_head == hit->target) {
        int32_t up = tree_head(c, v);
        int32_t before = up >= 0 && (deprel_is(&c->tok[v], "ccomp") || deprel_is(&c->tok[v], "xcomp"))
                             ? tree_child_prefix(c, up, "nsubj") : -1;
        if (before < 0 || before > hit->target) before = seq_actor_before(c, v, hit->target);
        if (before >= 0) src_head = before;
    }
    /* UD-PETRARCH: a passive with no agent takes its source from a phrase
     * after the verb ("was criticized over its dispute with Eriador", "was
     * shot dead in Osgiliath"); its subject, an actor, stays the target */
    /* (also a phrase of its predicative: "was shot [dead in Osgiliath]") */
    int32_t pred = tree_child(c, v, "xcomp");
    if (pred >= 0 && !(c->tok[pred].upos && !strcmp(c->tok[pred].upos, "ADJ"))) pred = -1;
    for (int32_t on = v, round = 0; round < 2 && on >= 0; round++, on = pred)
    if (src_head < 0 && !p->seq && !p->is_noun && strcmp(c->d->format, "dyad") && is_passive(c, v) &&
        hit->target >= 0 && actor_resolve(c, hit->target).code[0])
        for (int32_t k = c->first_child[on]; k >= 0 && src_head < 0; k = c->next_sibling[k])
            if ((deprel_is(&c->tok[k], "obl") || deprel_is(&c->tok[k], "nmod")) && !deprel_is(&c->tok[k], "obl:tmod") &&
                tree_child(c, k, "case") >= 0) {
                actor_ref a = actor_first_in_subtree(c, k, NULL, -1);
                if (a.code[0]) src_head = a.token;
            }
    /* "X was arrested in Rwanda": an arrest or detention with no one named
     * as its agent is the act of the state it happened in */
    if (src_head < 0 && !p->is_noun && !strcmp(c->d->format, "dyad") && !strncmp(p->code, "17", 2) && is_passive(c, v)) {
        int32_t place = named_place_in(c, v);
        if (place >= 0 && strlen(actor_resolve(c, place).code) == 3) src_head = place;
    }
    int32_t srcs[MAX_ARGS], tgts[MAX_ARGS];
    int32_t tgt_head = hit->target;
    if (p->swap_roles && src_head >= 0) { /* "received money from Osgiliath" */
        int32_t giver = seq_nth_actor_after(c, v, src_head, p->swap_roles);
        if (giver >= 0) tgt_head = src_head, src_head = giver;
    } else if (p->target_nth) { /* "celebrated Iftar at Osgiliath with the parliament of Gondor" */
        int32_t nth = seq_nth_actor_after(c, v, src_head, p->target_nth);
        if (nth >= 0) tgt_head = nth;
    }
    /* PETRARCH: the verb's own subject that names no actor is coded by the
     * first actor named inside it ("Resumption of ties between Arnor and
     * Gondor may spur ...") */
    if (src_head >= 0 && !inherited && strcmp(c->d->format, "dyad") && !actor_resolve(c, src_head).code[0]) {
        actor_ref inside = actor_first_in_subtree(c, src_head, NULL, -1);
        if (inside.code[0] && inside.token >= 0) src_head = inside.token;
    }
    size_t ns = expand_conj_or_antecedent(c, src_head, srcs, MAX_ARGS);
    ns = source_subjects_split_by_and(c, v, src_head, srcs, ns);
    /* ("The Philippines was criticized over ...": the subject PETRARCH takes
     * for the source is no target as well) */
    size_t nt = expand_conj_or_antecedent(c, tgt_head == src_head ? -1 : tgt_head, tgts, MAX_ARGS);
    /* ("sent troops to Syria": a bare role as the object gives way to an actor named in a phrase) */
    int bare_object = nt && !hit->pattern->prep && !strncmp(actor_resolve(c, tgts[0]).code, "---", 3);
    if (!strcmp(c->d->format, "dyad") && (!nt || !actor_resolve(c, tgts[0]).code[0] || bare_object)) {
        /* "accused Russia of ...", "summoned the Chinese ambassador": when the
         * pattern's own target names no actor, the direct object, or the
         * object the pattern named, is the target; "called for sanctions
         * against Moscow": so is an actor the target phrase is against/on/with */
        /* the phrase the target may hide in: the pattern's target, else what its
         * last +word introduces ("called +for sanctions against Moscow"), else its object */
        int32_t phrase = nt ? tgts[0] : hit->object;
        if (!nt && hit->nparticles) {
            int32_t pt = prep_object_of(c, v, c->form_f[hit->particle_tok[hit->nparticles - 1]]);
            if (pt >= 0) phrase = pt;
        }
        int32_t alt[3] = {tree_child(c, v, "obj"), hit->object, phrase};
        /* ("join +forces with the ALDE group": a word of the pattern is no one) */
        for (int i = 0; i < hit->nparticles; i++)
            if (alt[0] == hit->particle_tok[i]) alt[0] = -1;
        int found = 0;
        for (int a = 0; a < 2 && !found; a++)
            if (alt[a] >= 0 && alt[a] != hit->target && actor_resolve(c, alt[a]).code[0] &&
                !named_object_is_no_one(c, hit, alt[a], src_head)) {
                nt = expand_conj(c, alt[a], tgts, MAX_ARGS);
                found = 1;
            }
        for (int32_t k = alt[2] >= 0 ? c->first_child[alt[2]] : -1; k >= 0 && !found; k = c->next_sibling[k])
            /* ("concerned about reports Japan could join": a subject taken into
             * the phrase the concern is about) */
            if (deprel_is(&c->tok[k], "nmod") && actor_resolve(c, k).code[0] &&
                (has_case_word(c, k) || (tree_child(c, k, "case") < 0 && about_word(c, alt[2])))) {
                nt = expand_conj(c, k, tgts, MAX_ARGS);
                found = 1;
            }
        /* "contribute troops to Afghanistan", "agreed to share information
         * with Russia": a thing given or done names no one; an actor the verb
         * gives it to, or does it with, is the target */
        /* (also in the clause the predicate governs: "agreed to lend $1 billion
         * to Indonesia"; failing a to/with/against... phrase, a place: "sent
         * 200 troops in Syria", "withdrew its troops from Lebanon") */
        int weak = found ? !strncmp(actor_resolve(c, tgts[0]).code, "---", 3) : bare_object;
        int32_t xc = tree_child(c, v, "xcomp");
        /* ("China and Japan held talks in Beijing": with a compound source, a
         * place is where they met, not whom; the event is between them) */
        /* ("told reporters in Beijing": where a statement is made is not whom it is about) */
        for (int tier = 0; tier < (ns >= 2 || modality_is_speech(c, v) ? 1 : 2); tier++)
        for (int32_t h2 = 0, on = v; h2 < 2 && on >= 0; h2++, on = xc)
            for (int32_t k = c->first_child[on]; k >= 0 && (!found || weak); k = c->next_sibling[k]) {
                if (!(deprel_is(&c->tok[k], "obl") || deprel_is(&c->tok[k], "nmod")) || deprel_is(&c->tok[k], "obl:tmod") ||
                    !(tier ? tree_child(c, k, "case") >= 0 : has_case_word(c, k)) || k == src_head)
                    continue;
                const char *code = actor_resolve(c, k).code;
                if (code[0] && (!weak || strncmp(code, "---", 3))) {
                    nt = expand_conj(c, k, tgts, MAX_ARGS);
                    found = 1;
                    weak = 0;
                }
            }
        /* "found [Barbarin guilty]" parsed as one phrase: a name inside the
         * pattern's object is who it is about */
        for (int32_t k = hit->object >= 0 ? c->first_child[hit->object] : -1; k >= 0 && !found && !nt;
             k = c->next_sibling[k])
            if (k < hit->object && c->tok[k].upos && !strcmp(c->tok[k].upos, "PROPN") && k != src_head)
                nt = expand_conj(c, k, tgts, MAX_ARGS);
        /* "found Barbarin guilty": an unknown object still names the target,
         * or the subject of the clause the verb governs */
        if (!found && !nt && alt[0] >= 0 && alt[0] != hit->object) nt = expand_conj(c, alt[0], tgts, MAX_ARGS);
        for (int32_t k = c->first_child[v]; k >= 0 && !found; k = c->next_sibling[k]) {
            int32_t sub = complement_subject(c, k);
            if (sub >= 0 && sub != src_head && (!nt || actor_resolve(c, sub).code[0])) {
                nt = expand_conj(c, sub, tgts, MAX_ARGS);
                found = 1;
            }
        }
        /* ("violated the ceasefire in Karabakh": failing anyone, a named
         * place the act is aimed at, even one no dictionary knows) */
        if (!found && !nt && ns < 2 && !modality_is_speech(c, v) && violent_code(p->code)) {
            int32_t place = named_place_in(c, v);
            if (place >= 0) nt = expand_conj(c, place, tgts, MAX_ARGS);
        }
    }
    /* "opened an investigation into whether X was spied on": a clause names
     * its subject, never itself */
    if (nt == 1 && clause_head(c, tgts[0])) {
        int32_t sub = tree_child_prefix(c, tgts[0], "nsubj");
        /* ("commitment to supporting Lebanon's sovereignty": without a
         * subject, what the pattern's preposition leads to is done to the
         * first actor it names) */
        if (sub < 0 && tgts[0] == hit->target && p->prep && !strcmp(c->d->format, "dyad")) {
            const char *not_code = src_head >= 0 ? actor_resolve(c, src_head).code : "";
            actor_ref inside = actor_first_in_subtree(c, tgts[0], not_code[0] ? not_code : NULL, -1);
            if (inside.code[0] && strncmp(inside.code, "---", 3) && inside.token >= 0 && inside.token != src_head)
                sub = inside.token;
        }
        nt = sub >= 0 ? expand_conj(c, sub, tgts, MAX_ARGS) : 0;
    }
    /* "withdrew its troops", "put their forces on alert": a bare role owned
     * by a pronoun is the source's own, no one else */
    if (!strcmp(c->d->format, "dyad") && nt == 1 && !strncmp(actor_resolve(c, tgts[0]).code, "---", 3)) {
        int32_t poss = tree_child(c, tgts[0], "nmod:poss");
        if (poss >= 0 && c->tok[poss].upos && !strcmp(c->tok[poss].upos, "PRON")) nt = 0;
    }
    /* "..., the spokeswoman told reporters": telling the press is how the
     * statement is made, not whom it is about (a plain statement, made to
     * them, is aimed at them: below) */
    if (!strcmp(c->d->format, "dyad") && modality_is_speech(c, v) && nt &&
        !strncmp(actor_resolve(c, tgts[0]).code, "---", 3))
        nt = 0;
    modality_info mod = modality_of(c, v);
    if (mod.kind == MOD_REPORTED) {
        /* "X said Y ..." codes Y's clause; if Y is not named, X is the source
         * (not of a passive: "citizens were released, officials said" does
         * not say the officials released them) */
        if (!ns && !is_passive(c, v)) {
            inherited = 1;
            ns = expand_conj(c, source_of(c, mod.reporter, 0, &(int){0}), srcs, MAX_ARGS);
        }
    }
    actor_ref none = {"", {0, 0}, -1, 0, 0};
    /* PETRARCH's dictionaries rely on its "target anywhere after the verb":
     * take the first prepositional phrase that names an actor */
    int field_format = strcmp(c->d->format, "dyad") != 0;
    int target_named = 0;
    for (size_t j = 0; j < nt && !target_named; j++) target_named = actor_resolve(c, tgts[j]).code[0] != 0;
    /* "called for a boycott against Osgiliath" ("(FOR)" names the target's
     * phrase): a phrase that names no one holds its target */
    if (!target_named && field_format && hit->pattern->prep && nt == 1) {
        actor_ref inside = actor_first_in_subtree(c, tgts[0], NULL, -1);
        if (inside.code[0] && inside.token != src_head) {
            nt = expand_conj(c, inside.token, tgts, MAX_ARGS);
            target_named = 1;
        }
    }
    if (!target_named && field_format && !hit->pattern->prep) {
        nt = 0;
        int32_t an[2] = {v, hit->object};
        /* "celebrated Iftar in Osgiliath with Gondor": an actor named by a
         * phrase whose preposition can name a target goes before a place;
         * the target comes after the verb ("..., several years after
         * Calenardhon crowds burned its embassy, an official said" hung on
         * "said" says nothing about Calenardhon) */
        for (int any_prep = 0; any_prep < 2 && !nt; any_prep++)
        for (int a = 0; a < 2 && !nt; a++) {
            if (an[a] < 0) continue;
            for (int32_t k = c->first_child[an[a]]; k >= 0 && !nt; k = c->next_sibling[k])
                if ((deprel_is(&c->tok[k], "obl") || deprel_is(&c->tok[k], "nmod") || deprel_is(&c->tok[k], "obj") ||
                     deprel_is(&c->tok[k], "ccomp")) &&
                    (any_prep || ((deprel_is(&c->tok[k], "obj") || has_case_word(c, k)) && actor_resolve(c, k).code[0])) &&
                    !deprel_is(&c->tok[k], "obl:tmod") && k != src_head && (k > v || a)) {
                    actor_ref inside = actor_first_in_subtree(c, k, NULL, -1);
                    if (inside.code[0]) nt = expand_conj(c, inside.token, tgts, MAX_ARGS);
                }
        }
        /* failing that, the first actor named after the verb in its phrase
         * ("rescheduled his trip in the White Downs", "signed an accord to
         * supply Gondor with wheat") */
        if (!nt && !p->need_compound) nt = expand_conj(c, seq_first_actor_after(c, v, src_head), tgts, MAX_ARGS);
    }
    int patient_object = 0;
    if (!field_format && !speech_pass) nt = target_refinements(c, v, hit, src_head, mod, tgts, nt, &patient_object);
    /* "ordered the arrest of X", "reiterated its demand that X ease ...": the
     * act the pattern's object names is done to the one that noun names */
    if (!field_format && !speech_pass && !nt) {
        int32_t who = target_of_object_noun(c, hit->object, src_head);
        if (who >= 0) nt = expand_conj(c, who, tgts, MAX_ARGS);
    }
    /* "agreed to a ceasefire in eastern Ukraine": a one-sided act with no one
     * named is aimed at the place it is done in */
    if (!field_format && !speech_pass && !nt && ns < 2 && !event_needs_target(p) && !modality_is_speech(c, v)) {
        int32_t place = target_place_of_act(c, v, src_head);
        if (place >= 0) tgts[0] = place, nt = 1;
    }
    /* "The Pentagon said the United States would send troops": a plain
     * statement (dyad's dictionaries) is aimed at whom it is made to ("told
     * reporters", "said to the ambassador"), never at whom it is about; what
     * it says is coded from its own clause, and one whose clause coded an
     * event adds nothing */
    int plain_statement = !field_format && !strcmp(p->code, "010");
    int32_t said = plain_statement ? speech_said_clause(c, v) : -1;
    if (plain_statement) {
        if (said >= 0 && subtree_has_event(c, coded, said, 0)) return DYAD_OK;
        int32_t to = speech_addressee(c, v, hit);
        nt = to >= 0 ? expand_conj(c, to, tgts, MAX_ARGS) : 0;
        patient_object = 0;
    }
    int speech_target = 0;
    actor_ref about = none;
    if (speech_pass && !plain_statement) {
        /* a statement about Z with no other event ("warned that Z ..."): X -> Z */
        int32_t cl = speech_said_clause(c, v);
        /* (PETRARCH's statement is about what follows the verb: "..., a
         * senior Bree official said on Saturday" says nothing about it) */
        if (cl < 0 || (field_format && cl < v)) return DYAD_OK;
        if (subtree_has_event(c, coded, cl, 0)) return DYAD_OK;
        actor_ref s0 = ns ? actor_resolve(c, srcs[0]) : none;
        about = actor_first_in_subtree(c, cl, s0.code[0] ? s0.code : NULL, v);
        /* "said the submarine programme was on track": a bare role is no one to speak about */
        if (!about.code[0] || !strncmp(about.code, "---", 3)) return DYAD_OK;
        speech_target = 1;
        /* "satisfaction toward Gondor and Arnor's Elrond": each conjunct */
        nt = about.token >= 0 ? expand_conj(c, about.token, tgts, MAX_ARGS) : 0;
    }
    /* "Trump and Putin agreed to share information": with a compound source, a
     * target naming no one leaves the event between the members */
    /* (what each does on its own keeps its object: "Italy and Spain refused
     * to allow the plane", "X and his party rejected the election results") */
    if (ns >= 2 && nt && !target_named && !field_format && !speech_pass &&
        (done_together(p) || event_needs_target(p)))
        nt = 0;
    /* PETRARCH with require_dyad off: the first noun phrase after the verb
     * (an object, or a phrase with a preposition: "said on Saturday", not
     * "said today") is the target even when it names no actor */
    /* (UD-PETRARCH, over the tree, takes only an object: "burned down its
     * embassy", and no statement "said on Saturday") */
    int monadic = field_format && !c->require_dyad && !speech_pass && (p->seq || !modality_is_speech(c, v));
    for (int32_t k = c->first_child[v]; monadic && !nt && k >= 0; k = c->next_sibling[k])
        if (k > v && (deprel_is(&c->tok[k], "obj") ||
                      (p->seq && (deprel_is(&c->tok[k], "obl") || deprel_is(&c->tok[k], "nmod")) &&
                       !deprel_is(&c->tok[k], "obl:tmod") && tree_child(c, k, "case") >= 0)))
            tgts[nt++] = k;
    if (monadic && !p->seq && nt && !deprel_is(&c->tok[tgts[0]], "obj")) monadic = 0;
    if (monadic && subordinate_to_coded(c, v, coded)) monadic = 0;
    int any = 0;
    actor_ref sref[MAX_ARGS], tref[MAX_ARGS];
    size_t nsrcs = ns; /* (the heads in srcs; sref may grow past them) */
    for (size_t i = 0; i < ns; i++) sref[i] = conjunct_actor(c, srcs, i);
    /* "A West Bank shooting attack that killed ...": an event is no one; who
     * carried it out is its possessor, its by-phrase or its adjective
     * ("Israeli airstrikes"), not a place named in it */
    for (size_t i = 0; i < ns && !field_format; i++)
        if (srcs[i] >= 0 && c->tok[srcs[i]].upos && !strcmp(c->tok[srcs[i]].upos, "NOUN") && noun_is_event(c, srcs[i]))
            sref[i] = source_event_agent(c, srcs[i]);
    for (size_t j = 0; j < nt; j++) tref[j] = conjunct_actor(c, tgts, j);
    /* "Indian and Chinese troops clashed": one phrase, two actors */
    if (ns == 1) ns = actor_modifier_conjuncts(c, srcs[0], sref, MAX_ARGS);
    /* "an attack that killed ...", "the bombing killed ...": who acts is an
     * actor, or a name that may be one; an event noun is no one */
    for (size_t i = 0; i < ns && !field_format; i++)
        if (!sref[i].code[0] && !actor_names_someone(c, sref[i].token >= 0 ? sref[i].token : i < nsrcs ? srcs[i] : -1))
            sref[i].span.len = 0;
    if (nt == 1 && !speech_pass) nt = actor_modifier_conjuncts(c, tgts[0], tref, MAX_ARGS);
    if (nt == 1 && !speech_pass) nt = actor_hyphen_conjuncts(c, tgts[0], tref, nt, MAX_ARGS);
    if (ns) ns = actor_place_conjuncts(c, srcs[0], sref, ns, MAX_ARGS);
    if (nt && !speech_pass) nt = actor_place_conjuncts(c, tgts[0], tref, nt, MAX_ARGS);
    /* (members named for a group with no one on the other side are not
     * what the group does together) */
    if (!field_format && ns && nt) ns = actor_included_members(c, srcs[0], sref, ns, MAX_ARGS);
    if (!field_format && nt && !speech_pass) nt = actor_included_members(c, tgts[0], tref, nt, MAX_ARGS);
    if (patient_object) tref[0] = target_patient_actor(c, hit->object), nt = 1;
    /* "Gondor and Osgiliath postponed their meeting", "Jordan and Britain have
     * agreed": a compound source with no target is an event between its
     * members (both ways with the field's dictionaries, as PETRARCH codes
     * compounds; with dyad's, from the member named first) */
    /* (with dyad's dictionaries only for what is done together: "Italy and
     * Spain refused to allow the plane" is two refusals, not Italy refusing
     * Spain) */
    if (ns >= 2 && !nt && !speech_pass && !modality_is_speech(c, v) && (field_format || done_together(p))) {
        /* "Jordan and Britain held joint military exercises": a show of force
         * made together is military cooperation (CAMEO 062, PLOVER's manual) */
        const char *together = !field_format && !strncmp(p->code, "15", 2) ? "062" : p->code;
        for (size_t i = 0; i < ns; i++)
            for (size_t j = 0; j < ns; j++) {
                if (i == j) continue;
                /* (dyad's dictionaries: one event, from the member named
                 * first to the others - "Jordan and Britain agreed" is
                 * Jordan -> Britain, as PLOVER codes a joint act) */
                if (j < i && !field_format) continue;
                actor_ref s = sref[i], t = sref[j];
                if (!s.code[0] || !t.code[0]) continue;
                if (field_format && !strncmp(s.code, "---", 3) && !strncmp(t.code, "---", 3)) continue;
                if (field_format && !strcmp(s.code, t.code)) continue; /* ("Old foe Gondor and Osgiliath") */
                dyad_status st =
                    event_emit(c, si, v, together, &s, &t, mod, p, event_confidence(&s, &t, 1, mod), date);
                if (st) return st;
                any = 1;
            }
        if (any) coded[v] = 1;
        return DYAD_OK;
    }
    for (size_t i = 0; i < (ns ? ns : 1); i++) {
        actor_ref s = ns ? sref[i] : none;
        for (size_t j = 0; j < (nt ? nt : 1); j++) {
            actor_ref t = speech_target && (!j || !nt) ? about : nt ? tref[j] : none;
            if (monadic && !t.code[0] && nt) t.code = "---";
            if (!s.code[0] && !t.code[0]) continue;
            if (!s.span.len) continue; /* no "who": not an event (passives without agent, bare nouns) */
            /* "accuse !": the event needs someone as target ("called the pact dangerous" is no call) */
            if (p->need_target && !t.code[0]) continue;
            /* a statement about Z needs to know who said it ("The report said ...") */
            if (speech_target && !s.code[0]) continue;
            /* "..., she said": a speaker with nothing said about anyone is no event
             * ("declared a ceasefire" is no statement: the pattern names what) */
            if (!t.code[0] && modality_is_speech(c, v) && !p->object) continue;
            if (field_format && (!s.code[0] || !t.code[0])) continue; /* PETRARCH codes dyads only */
            /* "President X and President of the Commission Y held a meeting": two
             * roles of no known country are no dyad */
            if (field_format && !strncmp(s.code, "---", 3) && !strncmp(t.code, "---", 3) && !monadic) continue;
            /* "Germany agreed to consult", "X met": an event that is done to or
             * with someone is no event when no one is there at all */
            if (!field_format && !nt && !speech_target && event_needs_target(p)) continue;
            if (s.code[0] && t.code[0] && !strcmp(s.code, t.code) && s.span.off == t.span.off) continue;
            /* (PETRARCH codes no actor acting on itself: "ties between Arnor and
             * Gondor may spur reconciliation between Calenardhon and Gondor") */
            if (field_format && !strcmp(s.code, t.code)) continue;
            /* "Washington hosts a US-Japan-Philippines summit": the source's own
             * country in the chain is the host, not a guest */
            if (t.in_chain && !strncmp(s.code, t.code, 3)) continue;
            const char *code = nt && !speech_target ? code_with_clause(c, v, p, tgts[j < nt ? j : 0]) : p->code;
            if (!code) continue;
            double conf = event_confidence(&s, &t, inherited, mod);
            dyad_status st = event_emit(c, si, v, code, &s, &t, mod, p, conf, date);
            if (!st && p->reverse_code && s.code[0] && t.code[0])
                st = event_emit(c, si, v, p->reverse_code, &t, &s, mod, p, conf, date);
            if (st) return st;
            any = 1;
        }
    }
    /* (a statement of something made to no one is still the speaker's act:
     * what describes its participants is no event of its own) */
    if (any || (plain_statement && ns && said >= 0)) coded[v] = 1;
    return DYAD_OK;
}

/* PETRARCH (its own linear dictionaries) drops a closing clause after the
 * last comma when it has between comma_emin and comma_emax words (defaults 2
 * and 8): "..., a senior official said on Saturday." codes nothing. Returns
 * the first token dropped, or -1. */
static int32_t dropped_end_clause(const sent_ctx *c) {
    if (!c->d->has_seq) return -1;
    int lo = c->d->comma_end_min, hi = c->d->comma_end_max;
    if (hi <= 0) return -1;
    int32_t comma = -1;
    for (int32_t k = (int32_t)c->n - 1; k >= 0 && comma < 0; k--)
        if (!strcmp(c->form_f[k], ",")) comma = k;
    if (comma < 0) return -1;
    int words = 0;
    for (int32_t k = comma + 1; k < (int32_t)c->n; k++)
        if (!c->tok[k].upos || strcmp(c->tok[k].upos, "PUNCT")) words++;
    return words >= lo && words <= hi ? comma + 1 : -1;
}

static dyad_status code_sentence(const dy_dicts *d, dyad_doc *doc, uint32_t si, const char *date, int32_t day,
                                 int have_day, doc_memory *mem, int require_dyad) {
    const dyad_sentence *s = &doc->sentences[si];
    if (!s->ntokens || s->first_token + s->ntokens > doc->ntokens) return DYAD_OK;
    sent_ctx c = {0};
    c.d = d;
    c.doc = doc;
    c.n = s->ntokens > MAX_SENT_TOKENS ? MAX_SENT_TOKENS : s->ntokens;
    c.tok = repairs_working_tokens(doc, &doc->tokens[s->first_token], c.n, d);
    if (!c.tok) return DYAD_ENOMEM;
    c.day = day;
    c.have_day = have_day;
    c.mem = mem;
    c.require_dyad = require_dyad;
    int parsed = 0;
    for (uint32_t i = 0; i < c.n; i++)
        if (c.tok[i].head >= 0 && c.tok[i].deprel) parsed = 1;
    if (!parsed) return DYAD_OK;
    if (build_tree(&c) || actors_prepare(&c)) return DYAD_ENOMEM;
    if (actors_sentence_discarded(&c)) return DYAD_OK;
    uint8_t *coded = arena_calloc(doc->arena, c.n, 1), *asked = arena_calloc(doc->arena, c.n, 1);
    pattern_hit *hits = arena_calloc(doc->arena, c.n, sizeof *hits);
    if (!coded || !asked || !hits) return DYAD_ENOMEM;
    int32_t dropped = dropped_end_clause(&c);
    for (int32_t v = 0; v < (int32_t)c.n; v++)
        if (dropped < 0 || v < dropped) pattern_best(&c, v, &hits[v]);
    for (int32_t v = 0; v < (int32_t)c.n && !strcmp(d->format, "dyad"); v++)
        if (hits[v].pattern && hits[v].pattern->code[0] && modality_is_speech(&c, v)) {
            dyad_status st = speech_code_asked_for(&c, si, v, &hits[v], date, coded, asked);
            if (st) return st;
        }
    /* verbs first, then event nouns, then the speech verbs whose clause coded nothing */
    for (int pass = 0; pass < 2; pass++)
        for (int32_t v = 0; v < (int32_t)c.n; v++) {
            const dict_pattern *p = hits[v].pattern;
            if (!p || p->is_noun != pass || asked[v]) continue;
            if (!p->code[0]) { /* a PETRARCH "[---]" phrase: known, and not an event */
                coded[v] = 1;
                continue;
            }
            if (modality_is_speech(&c, v) && tree_child(&c, v, "ccomp") >= 0 && !p->prep && hits[v].target < 0)
                continue;
            if (not_an_event_of_its_own(&c, v, pass, coded, hits)) continue;
            dyad_status st = code_predicate(&c, si, v, &hits[v], date, coded, 0);
            if (st) return st;
        }
    for (int32_t v = 0; v < (int32_t)c.n; v++) {
        if (!hits[v].pattern || coded[v] || !modality_is_speech(&c, v)) continue;
        dyad_status st = code_predicate(&c, si, v, &hits[v], date, coded, 1);
        if (st) return st;
    }
    actors_remember_persons(&c);
    return DYAD_OK;
}

static dyad_status code_doc_with(const dy_dicts *d, dyad_doc *doc, const char *default_date, int require_dyad,
                                 dyad_error *err) {
    if (!d || !doc) return DYAD_OK;
    char norm[11];
    const char *date = NULL;
    if (doc->date && !date_normalize(doc->date, norm)) date = arena_strdup(doc->arena, norm);
    else if (default_date && !date_normalize(default_date, norm)) date = arena_strdup(doc->arena, norm);
    int32_t day = 0;
    int have_day = date && !date_parse(date, &day);
    doc_memory mem = {0};
    for (uint32_t si = 0; si < doc->nsentences; si++) {
        dyad_status st = code_sentence(d, doc, si, date ? date : "", day, have_day, &mem, require_dyad);
        if (st) {
            dyad_error_set(err, st, doc->input ? doc->input : "-", doc->input_line, doc->input_offset,
                           "out of memory while coding sentence %u", si + 1);
            return st;
        }
    }
    return DYAD_OK;
}

dyad_status code_doc(const dy_dicts *d, dyad_doc *doc, const char *default_date, dyad_error *err) {
    if (d && d->tabari) return tabari_code_doc(d, doc, default_date, err);
    return code_doc_with(d, doc, default_date, 1, err);
}

dyad_status code_doc_monadic(const dy_dicts *d, dyad_doc *doc, const char *default_date, dyad_error *err) {
    return code_doc_with(d, doc, default_date, 0, err);
}

/* coder.c - the event coder's entry points: load dictionaries in any of the
 * three formats, and code every parsed sentence of a document into events
 * (predicate -> pattern -> sources x targets, modality, rule, confidence).
 * This file holds the per-sentence driver and the steps of coding one
 * matched predicate; the choice of its sources and targets is in
 * predicate_args.c, the working copy of the tree and its repairs in
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

static const actor_ref no_actor = {"", {0, 0}, -1, 0, 0};

/* "X said Y ..." codes Y's clause; if Y is not named, X is the source (not
 * of a passive: "citizens were released, officials said" does not say the
 * officials released them) */
static void reported_source(pred_args *a) {
    if (a->mod->kind != MOD_REPORTED || a->ns || is_passive(a->c, a->v)) return;
    a->inherited = 1;
    a->ns = expand_conj(a->c, source_of(a->c, a->mod->reporter, 0, &(int){0}), a->srcs, MAX_ARGS);
}

/* dyad's dictionaries, outside the speech pass: what else names a target
 * (targets.c), an object noun's own target, the place of a one-sided act */
static void dyad_target_refinements(pred_args *a) {
    sent_ctx *c = a->c;
    if (a->field_format || a->speech_pass) return;
    a->nt = target_refinements(c, a->v, a->hit, a->src_head, *a->mod, a->tgts, a->nt, &a->patient_object);
    /* "ordered the arrest of X", "reiterated its demand that X ease ...": the
     * act the pattern's object names is done to the one that noun names */
    if (!a->nt) {
        int32_t who = target_of_object_noun(c, a->hit->object, a->src_head);
        if (who >= 0) a->nt = expand_conj(c, who, a->tgts, MAX_ARGS);
    }
    /* "agreed to a ceasefire in eastern Ukraine": a one-sided act with no one
     * named is aimed at the place it is done in */
    if (!a->nt && a->ns < 2 && !event_needs_target(a->p) && !modality_is_speech(c, a->v)) {
        int32_t place = target_place_of_act(c, a->v, a->src_head);
        if (place >= 0) a->tgts[0] = place, a->nt = 1;
    }
}

/* "The Pentagon said the United States would send troops": a plain
 * statement (dyad's dictionaries) is aimed at whom it is made to ("told
 * reporters", "said to the ambassador"), never at whom it is about; what
 * it says is coded from its own clause, and one whose clause coded an
 * event adds nothing (0: no event) */
static int statement_target(pred_args *a, const uint8_t *coded) {
    a->plain_statement = !a->field_format && !strcmp(a->p->code, "010");
    a->said = a->plain_statement ? speech_said_clause(a->c, a->v) : -1;
    if (!a->plain_statement) return 1;
    if (a->said >= 0 && subtree_has_event(a->c, coded, a->said, 0)) return 0;
    int32_t to = speech_addressee(a->c, a->v, a->hit);
    a->nt = to >= 0 ? expand_conj(a->c, to, a->tgts, MAX_ARGS) : 0;
    a->patient_object = 0;
    return 1;
}

/* the speech pass: a statement about Z with no other event ("warned that
 * Z ..."): X -> Z (0: no event) */
static int speech_about_target(pred_args *a, const uint8_t *coded) {
    sent_ctx *c = a->c;
    if (!a->speech_pass || a->plain_statement) return 1;
    int32_t cl = speech_said_clause(c, a->v);
    /* (PETRARCH's statement is about what follows the verb: "..., a
     * senior Bree official said on Saturday" says nothing about it) */
    if (cl < 0 || (a->field_format && cl < a->v)) return 0;
    if (subtree_has_event(c, coded, cl, 0)) return 0;
    actor_ref s0 = a->ns ? actor_resolve(c, a->srcs[0]) : no_actor;
    a->about = actor_first_in_subtree(c, cl, s0.code[0] ? s0.code : NULL, a->v);
    /* "said the submarine programme was on track": a bare role is no one to speak about */
    if (!a->about.code[0] || !strncmp(a->about.code, "---", 3)) return 0;
    a->speech_target = 1;
    /* "satisfaction toward Gondor and Arnor's Elrond": each conjunct */
    a->nt = a->about.token >= 0 ? expand_conj(c, a->about.token, a->tgts, MAX_ARGS) : 0;
    return 1;
}

/* "Trump and Putin agreed to share information": with a compound source, a
 * target naming no one leaves the event between the members */
/* (what each does on its own keeps its object: "Italy and Spain refused
 * to allow the plane", "X and his party rejected the election results") */
static void compound_source_drops_target(pred_args *a) {
    if (a->ns >= 2 && a->nt && !a->target_named && !a->field_format && !a->speech_pass &&
        (done_together(a->p) || event_needs_target(a->p)))
        a->nt = 0;
}

/* PETRARCH with require_dyad off: the first noun phrase after the verb
 * (an object, or a phrase with a preposition: "said on Saturday", not
 * "said today") is the target even when it names no actor */
/* (UD-PETRARCH, over the tree, takes only an object: "burned down its
 * embassy", and no statement "said on Saturday") */
static void monadic_target(pred_args *a, const uint8_t *coded) {
    sent_ctx *c = a->c;
    const dict_pattern *p = a->p;
    int32_t v = a->v;
    a->monadic = a->field_format && !c->require_dyad && !a->speech_pass && (p->seq || !modality_is_speech(c, v));
    for (int32_t k = c->first_child[v]; a->monadic && !a->nt && k >= 0; k = c->next_sibling[k])
        if (k > v && (deprel_is(&c->tok[k], "obj") ||
                      (p->seq && (deprel_is(&c->tok[k], "obl") || deprel_is(&c->tok[k], "nmod")) &&
                       !deprel_is(&c->tok[k], "obl:tmod") && tree_child(c, k, "case") >= 0)))
            a->tgts[a->nt++] = k;
    if (a->monadic && !p->seq && a->nt && !deprel_is(&c->tok[a->tgts[0]], "obj")) a->monadic = 0;
    if (a->monadic && subordinate_to_coded(c, v, coded)) a->monadic = 0;
}

/* The actors of the sources and targets into sref and tref: one per
 * conjunct, and more where one phrase names several (members, places,
 * hyphen chains) */
static void predicate_actor_refs(pred_args *a) {
    sent_ctx *c = a->c;
    size_t nsrcs = a->ns; /* (the heads in srcs; sref may grow past them) */
    for (size_t i = 0; i < a->ns; i++) a->sref[i] = conjunct_actor(c, a->srcs, i);
    /* "A West Bank shooting attack that killed ...": an event is no one; who
     * carried it out is its possessor, its by-phrase or its adjective
     * ("Israeli airstrikes"), not a place named in it */
    for (size_t i = 0; i < a->ns && !a->field_format; i++)
        if (a->srcs[i] >= 0 && c->tok[a->srcs[i]].upos && !strcmp(c->tok[a->srcs[i]].upos, "NOUN") &&
            noun_is_event(c, a->srcs[i]))
            a->sref[i] = source_event_agent(c, a->srcs[i]);
    for (size_t j = 0; j < a->nt; j++) a->tref[j] = conjunct_actor(c, a->tgts, j);
    /* "Indian and Chinese troops clashed": one phrase, two actors */
    if (a->ns == 1) a->ns = actor_modifier_conjuncts(c, a->srcs[0], a->sref, MAX_ARGS);
    /* "an attack that killed ...", "the bombing killed ...": who acts is an
     * actor, or a name that may be one; an event noun is no one */
    for (size_t i = 0; i < a->ns && !a->field_format; i++)
        if (!a->sref[i].code[0] &&
            !actor_names_someone(c, a->sref[i].token >= 0 ? a->sref[i].token : i < nsrcs ? a->srcs[i] : -1))
            a->sref[i].span.len = 0;
    if (a->nt == 1 && !a->speech_pass) a->nt = actor_modifier_conjuncts(c, a->tgts[0], a->tref, MAX_ARGS);
    if (a->nt == 1 && !a->speech_pass) a->nt = actor_hyphen_conjuncts(c, a->tgts[0], a->tref, a->nt, MAX_ARGS);
    if (a->ns) a->ns = actor_place_conjuncts(c, a->srcs[0], a->sref, a->ns, MAX_ARGS);
    if (a->nt && !a->speech_pass) a->nt = actor_place_conjuncts(c, a->tgts[0], a->tref, a->nt, MAX_ARGS);
    /* (members named for a group with no one on the other side are not
     * what the group does together) */
    if (!a->field_format && a->ns && a->nt) a->ns = actor_included_members(c, a->srcs[0], a->sref, a->ns, MAX_ARGS);
    if (!a->field_format && a->nt && !a->speech_pass)
        a->nt = actor_included_members(c, a->tgts[0], a->tref, a->nt, MAX_ARGS);
    if (a->patient_object) a->tref[0] = target_patient_actor(c, a->hit->object), a->nt = 1;
}

/* "Gondor and Osgiliath postponed their meeting", "Jordan and Britain have
 * agreed": a compound source with no target is an event between its
 * members (both ways with the field's dictionaries, as PETRARCH codes
 * compounds; with dyad's, from the member named first) */
/* (with dyad's dictionaries only for what is done together: "Italy and
 * Spain refused to allow the plane" is two refusals, not Italy refusing
 * Spain) */
static int between_members(const pred_args *a) {
    return a->ns >= 2 && !a->nt && !a->speech_pass && !modality_is_speech(a->c, a->v) &&
           (a->field_format || done_together(a->p));
}

static dyad_status compound_events(pred_args *a, uint32_t si, const char *date, uint8_t *coded) {
    const dict_pattern *p = a->p;
    int any = 0;
    /* "Jordan and Britain held joint military exercises": a show of force
     * made together is military cooperation (CAMEO 062, PLOVER's manual) */
    const char *together = !a->field_format && !strncmp(p->code, "15", 2) ? "062" : p->code;
    for (size_t i = 0; i < a->ns; i++)
        for (size_t j = 0; j < a->ns; j++) {
            if (i == j) continue;
            /* (dyad's dictionaries: one event, from the member named
             * first to the others - "Jordan and Britain agreed" is
             * Jordan -> Britain, as PLOVER codes a joint act) */
            if (j < i && !a->field_format) continue;
            actor_ref s = a->sref[i], t = a->sref[j];
            if (!s.code[0] || !t.code[0]) continue;
            if (a->field_format && !strncmp(s.code, "---", 3) && !strncmp(t.code, "---", 3)) continue;
            if (a->field_format && !strcmp(s.code, t.code)) continue; /* ("Old foe Gondor and Osgiliath") */
            dyad_status st = event_emit(a->c, si, a->v, together, &s, &t, *a->mod, p,
                                        event_confidence(&s, &t, 1, *a->mod), date);
            if (st) return st;
            any = 1;
        }
    if (any) coded[a->v] = 1;
    return DYAD_OK;
}

/* whether the pair s -> t is no event of this predicate */
static int pair_is_no_event(const pred_args *a, const actor_ref *s, const actor_ref *t) {
    const dict_pattern *p = a->p;
    int field_format = a->field_format;
    if (!s->code[0] && !t->code[0]) return 1;
    if (!s->span.len) return 1; /* no "who": not an event (passives without agent, bare nouns) */
    /* "accuse !": the event needs someone as target ("called the pact dangerous" is no call) */
    if (p->need_target && !t->code[0]) return 1;
    /* a statement about Z needs to know who said it ("The report said ...") */
    if (a->speech_target && !s->code[0]) return 1;
    /* "..., she said": a speaker with nothing said about anyone is no event
     * ("declared a ceasefire" is no statement: the pattern names what) */
    if (!t->code[0] && modality_is_speech(a->c, a->v) && !p->object) return 1;
    if (field_format && (!s->code[0] || !t->code[0])) return 1; /* PETRARCH codes dyads only */
    /* "President X and President of the Commission Y held a meeting": two
     * roles of no known country are no dyad */
    if (field_format && !strncmp(s->code, "---", 3) && !strncmp(t->code, "---", 3) && !a->monadic) return 1;
    /* "Germany agreed to consult", "X met": an event that is done to or
     * with someone is no event when no one is there at all */
    if (!field_format && !a->nt && !a->speech_target && event_needs_target(p)) return 1;
    if (s->code[0] && t->code[0] && !strcmp(s->code, t->code) && s->span.off == t->span.off) return 1;
    /* (PETRARCH codes no actor acting on itself: "ties between Arnor and
     * Gondor may spur reconciliation between Calenardhon and Gondor") */
    if (field_format && !strcmp(s->code, t->code)) return 1;
    /* "Washington hosts a US-Japan-Philippines summit": the source's own
     * country in the chain is the host, not a guest */
    if (t->in_chain && !strncmp(s->code, t->code, 3)) return 1;
    return 0;
}

/* every source -> every target (and the reverse code back), each pair
 * that is an event */
static dyad_status emit_predicate_events(pred_args *a, uint32_t si, const char *date, uint8_t *coded) {
    sent_ctx *c = a->c;
    const dict_pattern *p = a->p;
    size_t ns = a->ns, nt = a->nt;
    int any = 0;
    for (size_t i = 0; i < (ns ? ns : 1); i++) {
        actor_ref s = ns ? a->sref[i] : no_actor;
        for (size_t j = 0; j < (nt ? nt : 1); j++) {
            actor_ref t = a->speech_target && (!j || !nt) ? a->about : nt ? a->tref[j] : no_actor;
            if (a->monadic && !t.code[0] && nt) t.code = "---";
            if (pair_is_no_event(a, &s, &t)) continue;
            const char *code =
                nt && !a->speech_target ? code_with_clause(c, a->v, p, a->tgts[j < nt ? j : 0]) : p->code;
            if (!code) continue;
            double conf = event_confidence(&s, &t, a->inherited, *a->mod);
            dyad_status st = event_emit(c, si, a->v, code, &s, &t, *a->mod, p, conf, date);
            if (!st && p->reverse_code && s.code[0] && t.code[0])
                st = event_emit(c, si, a->v, p->reverse_code, &t, &s, *a->mod, p, conf, date);
            if (st) return st;
            any = 1;
        }
    }
    /* (a statement of something made to no one is still the speaker's act:
     * what describes its participants is no event of its own) */
    if (any || (a->plain_statement && ns && a->said >= 0)) coded[a->v] = 1;
    return DYAD_OK;
}

/* One matched predicate: its sources, its targets, its modality, then its
 * events (between a compound source's members, or source x target) */
static dyad_status code_predicate(sent_ctx *c, uint32_t si, int32_t v, const pattern_hit *hit, const char *date,
                                  uint8_t *coded, int speech_pass) {
    pred_args a = {.c = c, .hit = hit, .p = hit->pattern, .v = v, .speech_pass = speech_pass,
                   .field_format = strcmp(c->d->format, "dyad") != 0, .about = no_actor};
    predicate_sources(&a);
    predicate_targets(&a);
    modality_info mod = modality_of(c, v);
    a.mod = &mod;
    reported_source(&a);
    predicate_field_targets(&a);
    dyad_target_refinements(&a);
    if (!statement_target(&a, coded) || !speech_about_target(&a, coded)) return DYAD_OK;
    compound_source_drops_target(&a);
    monadic_target(&a, coded);
    predicate_actor_refs(&a);
    if (between_members(&a)) return compound_events(&a, si, date, coded);
    return emit_predicate_events(&a, si, date, coded);
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

/* With dyad's dictionaries an event is who did what to whom: one with no
 * target at all (no actor, no phrase it is aimed at) is dropped unless the
 * caller keeps one-sided events, as PETRARCH's require_dyad (on by default)
 * drops them. The coder still matched its predicate, so what that predicate
 * governs is not coded as an event of its own either. */
static void drop_monadic(const dy_dicts *d, dyad_doc *doc, size_t first) {
    if (d->keep_monadic || strcmp(d->format, "dyad")) return;
    size_t kept = first;
    for (size_t i = first; i < doc->nevents; i++) {
        const dyad_event *ev = &doc->events[i];
        if ((!ev->target || !*ev->target) && ev->target_span.len == 0) continue;
        doc->events[kept++] = *ev;
    }
    doc->nevents = kept;
}

void code_dicts_keep_monadic(dy_dicts *d, int keep) {
    if (d) d->keep_monadic = keep;
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
    size_t first = doc->nevents;
    for (uint32_t si = 0; si < doc->nsentences; si++) {
        dyad_status st = code_sentence(d, doc, si, date ? date : "", day, have_day, &mem, require_dyad);
        if (st) {
            dyad_error_set(err, st, doc->input ? doc->input : "-", doc->input_line, doc->input_offset,
                           "out of memory while coding sentence %u", si + 1);
            return st;
        }
    }
    if (require_dyad) drop_monadic(d, doc, first);
    return DYAD_OK;
}

dyad_status code_doc(const dy_dicts *d, dyad_doc *doc, const char *default_date, dyad_error *err) {
    if (d && d->tabari) return tabari_code_doc(d, doc, default_date, err);
    return code_doc_with(d, doc, default_date, 1, err);
}

dyad_status code_doc_monadic(const dy_dicts *d, dyad_doc *doc, const char *default_date, dyad_error *err) {
    return code_doc_with(d, doc, default_date, 0, err);
}

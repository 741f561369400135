/* emit.c - turning one coded predicate into events of the document: the
 * code adjusted for modality (intent, negation, refusal), one event per
 * (source, target, code) in a sentence, joined TABARI codes split into one
 * event per actor, the CAMEO/PLOVER fields filled in, and the confidence of
 * an event from what is known of its actors. Apart from the coder so that
 * every way of finding an event writes it the same way. */
#include <string.h>
#include "base/arena.h"
#include "coder_int.h"
#include "modality.h"
#include "ontology.h"
#include "patterns.h"

static dyad_status emit_one(sent_ctx *c, uint32_t sent_index, int32_t v, const char *code, const actor_ref *src,
                            const actor_ref *tgt, modality_info mod, const dict_pattern *p, double conf,
                            const char *date) {
    dyad_doc *doc = c->doc;
    if (mod.kind == MOD_INTENDED && !strcmp(c->d->format, "dyad")) code = modality_intent_code(code);
    /* PETRARCH's ontology: "not X" - the verb's own negation ("won't try to
     * clash" is a clash tried, not one negated) */
    if (mod.kind == MOD_NEGATED && c->d->nnegation && !p->need_negation && modality_of_self(c, v).kind == MOD_NEGATED) {
        const char *neg = dict_negated_code(c->d, code);
        if (neg) code = neg;
    }
    if (mod.kind == MOD_NEGATED && !strcmp(c->d->format, "dyad") && !p->need_negation) {
        /* "will not release the prisoners": the refusal is what happened (1243) */
        const char *refusal = modality_refusal_code(code);
        if (refusal) {
            code = refusal;
            mod.kind = MOD_ASSERTED;
            conf += 0.2;
        }
    }
    const dyad_cameo_info *info = dyad_cameo_lookup(code);
    /* one event per (source, target, code) in a sentence */
    for (size_t i = doc->nevents; i-- > 0 && doc->events[i].sentence == sent_index;)
        if (!strcmp(doc->events[i].code, code) && !strcmp(doc->events[i].source, src->code) &&
            !strcmp(doc->events[i].target, tgt->code))
            return DYAD_OK;
    dyad_event *e = dyad_doc_add_event(doc);
    if (!e) return DYAD_ENOMEM;
    e->sentence = sent_index;
    e->source = src->code;
    e->target = tgt->code;
    e->code = code;
    e->root = info ? info->root : arena_strndup(doc->arena, code, 2);
    e->quad = info ? info->quad : 0;
    e->goldstein = info ? info->goldstein : 0;
    e->plover = cameo_plover_type(info);
    e->modality = modality_name(mod.kind);
    e->rule = p->rule;
    e->confidence = conf;
    e->date = date;
    e->source_span = src->span;
    e->target_span = tgt->span;
    e->verb_span = (dyad_span){c->tok[v].off, c->tok[v].len};
    if (mod.kind == MOD_REPORTED && mod.reporter >= 0) {
        /* the reporter goes into the rule so the claim can be traced */
        actor_ref rep = actor_resolve(c, source_of(c, mod.reporter, 0, &(int){0}));
        if (rep.code[0]) e->rule = arena_printf(doc->arena, "%s (reported by %s)", p->rule, rep.code);
    }
    return DYAD_OK;
}

/* An actor coded "FRO/BIL/SAM" (TABARI: "the Shire" is three actors) takes
 * part as each of them: one event per code on each side, as TABARI and
 * PETRARCH do. (UD-PETRARCH's validation keeps the joined code, so its
 * tree patterns do too.) */
dyad_status event_emit(sent_ctx *c, uint32_t sent_index, int32_t v, const char *code, const actor_ref *src,
                       const actor_ref *tgt, modality_info mod, const dict_pattern *p, double conf,
                       const char *date) {
    if ((strcmp(c->d->format, "tabari") && !p->seq) || (!strchr(src->code, '/') && !strchr(tgt->code, '/')))
        return emit_one(c, sent_index, v, code, src, tgt, mod, p, conf, date);
    for (const char *a = src->code; a;) {
        size_t al = strcspn(a, "/");
        actor_ref s1 = *src;
        s1.code = arena_strndup(c->doc->arena, a, al);
        for (const char *b = tgt->code; b;) {
            size_t bl = strcspn(b, "/");
            actor_ref t1 = *tgt;
            t1.code = arena_strndup(c->doc->arena, b, bl);
            if (!s1.code || !t1.code) return DYAD_ENOMEM;
            if (strcmp(s1.code, t1.code) || !s1.code[0]) {
                dyad_status st = emit_one(c, sent_index, v, code, &s1, &t1, mod, p, conf, date);
                if (st) return st;
            }
            b = b[bl] ? b + bl + 1 : NULL;
        }
        a = a[al] ? a + al + 1 : NULL;
    }
    return DYAD_OK;
}

double event_confidence(const actor_ref *s, const actor_ref *t, int inherited, modality_info m) {
    double conf = 0.9;
    if (!t->code[0]) conf -= 0.3;
    if (!s->code[0]) conf -= 0.3;
    if (inherited) conf -= 0.1;
    if (m.kind == MOD_HYPOTHETICAL || m.kind == MOD_NEGATED) conf -= 0.2;
    return conf < 0.05 ? 0.05 : conf;
}

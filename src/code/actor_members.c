/* actor_members.c - one phrase that names several actors: coordinated
 * country modifiers ("Indian and Chinese troops"), hyphen chains ("the
 * US-Japan summit"), coordinated places ("lawmakers in Arnor and Gondor")
 * and the members a group lists ("groups including A, B and C"). */
#include <string.h>
#include "base/arena.h"
#include "actor_int.h"
#include "patterns.h"

/* the code of a country or group named by the single word k, or NULL */
static const char *modifier_code(const sent_ctx *c, int32_t k) {
    int32_t m = c->covered_by[k];
    if (m < 0 || !c->mention[m] || (c->mention[m]->kind != PHRASE_ADJECTIVE && c->mention[m]->kind != PHRASE_ACTOR))
        return NULL;
    return c->mention[m]->code;
}

/* the words of the mention that covers k ("British" in "Nigerian and British troops") */
static dyad_span mention_span_at(const sent_ctx *c, int32_t k) {
    int32_t m = c->covered_by[k];
    int32_t last = m >= 0 && c->mention_end[m] > (uint32_t)m ? (int32_t)c->mention_end[m] - 1 : k;
    if (m < 0) m = k;
    return (dyad_span){c->tok[m].off, c->tok[last].off + c->tok[last].len - c->tok[m].off};
}

size_t actor_modifier_conjuncts(sent_ctx *c, int32_t h, actor_ref *out, size_t cap) {
    if (!cap) return 0;
    size_t n = 1;
    if (h < 0 || !out[0].code[0]) return n;
    for (int32_t m = c->first_child[h]; m >= 0; m = c->next_sibling[m]) {
        if (!deprel_is(&c->tok[m], "amod") && !deprel_is(&c->tok[m], "compound")) continue;
        const char *mc = modifier_code(c, m);
        if (!mc || !mc[0]) continue;
        /* the phrase's code must be built on this modifier's ("INDMIL" on
         * "IND") - or on a conjunct's, when the mention took the last one
         * ("Nigerian and British armed forces" read as GBRMIL) */
        const char *base = !strncmp(out[0].code, mc, strlen(mc)) ? mc : NULL;
        int32_t base_tok = m;
        for (int32_t k = c->first_child[m]; k >= 0 && !base; k = c->next_sibling[k]) {
            const char *kc = deprel_is(&c->tok[k], "conj") ? modifier_code(c, k) : NULL;
            if (kc && kc[0] && !strncmp(out[0].code, kc, strlen(kc))) base = kc, base_tok = k;
        }
        if (!base) continue;
        size_t bl = strlen(base);
        /* (a mention that runs on into the head, "British armed forces", is
         * the country and the head's role: only its country is the modifier's) */
        if (c->covered_by[base_tok] >= 0 && c->covered_by[base_tok] == c->covered_by[h] && bl > 3) bl = 3;
        const char *rest = out[0].code + bl;
        /* each other country of the list, named by its own word */
        for (int32_t k = m; k >= 0 && n < cap; k = k == m ? c->first_child[m] : c->next_sibling[k]) {
            const char *kc = k == m ? mc : deprel_is(&c->tok[k], "conj") ? modifier_code(c, k) : NULL;
            if (!kc || !kc[0] || !strcmp(kc, base) || k == base_tok) continue;
            if (c->covered_by[k] >= 0 && c->covered_by[k] == c->covered_by[h] && strlen(kc) > 3)
                kc = arena_printf(c->doc->arena, "%.3s", kc);
            if (!kc) return n;
            out[n] = out[0];
            out[n].code = arena_printf(c->doc->arena, "%s%s", kc, rest);
            if (!out[n].code) return n;
            out[n].token = k;
            out[n].span = mention_span_at(c, k);
            n++;
        }
        /* the country named first goes first ("Nigerian and British armed
         * forces": NGAMIL, then GBRMIL named from "British" on) */
        if (base_tok != m && n > 1) {
            actor_ref first = out[1];
            out[1] = out[0];
            int32_t b = c->covered_by[base_tok] >= 0 ? c->covered_by[base_tok] : base_tok;
            uint32_t end = out[1].span.off + out[1].span.len, head_end = c->tok[h].off + c->tok[h].len;
            if (end < head_end) end = head_end;
            if (c->tok[b].off < end) out[1].span = (dyad_span){c->tok[b].off, end - c->tok[b].off};
            out[0] = first;
        }
        break;
    }
    return n;
}

/* the first and last word of the hyphen chain of actor names through k */
static int hyphen_chain(const sent_ctx *c, int32_t k, int32_t *first, int32_t *last) {
    if (!modifier_code(c, k)) return 0;
    int32_t a = k, b = k;
    while (a >= 2 && actor_tight_hyphen(c, a - 1) && modifier_code(c, a - 2)) a -= 2;
    while ((uint32_t)b + 2 < c->n && actor_tight_hyphen(c, b + 1) && modifier_code(c, b + 2)) b += 2;
    *first = a, *last = b;
    return b > a;
}

size_t actor_hyphen_conjuncts(sent_ctx *c, int32_t h, actor_ref *refs, size_t n, size_t cap) {
    if (h < 0 || n != 1 || !refs[0].code[0]) return n;
    int32_t first = -1, last = -1;
    int chained = hyphen_chain(c, h, &first, &last);
    for (int32_t m = c->first_child[h]; m >= 0 && !chained; m = c->next_sibling[m])
        if (deprel_is(&c->tok[m], "compound") || deprel_is(&c->tok[m], "amod") || deprel_is(&c->tok[m], "appos"))
            chained = hyphen_chain(c, m, &first, &last);
    if (!chained) return n;
    /* the phrase's code is built on one member's ("USAMIL" on "USA"); the others take its role */
    size_t base_len = 0;
    for (int32_t k = first; k <= last; k += 2) {
        const char *mc = modifier_code(c, k);
        size_t ml = strlen(mc);
        if (!strncmp(refs[0].code, mc, ml)) base_len = ml;
    }
    if (!base_len) return n;
    for (int32_t k = first; k <= last && n < cap; k += 2) {
        const char *code = arena_printf(c->doc->arena, "%s%s", modifier_code(c, k), refs[0].code + base_len);
        if (!code) return n;
        int seen = 0;
        for (size_t i = 0; i < n; i++) seen |= !strcmp(refs[i].code, code);
        if (seen) continue;
        refs[n] = refs[0];
        refs[n].code = code;
        refs[n].token = k;
        refs[n].span = (dyad_span){c->tok[k].off, c->tok[k].len};
        refs[n].is_person = 0;
        refs[n].in_chain = 1;
        n++;
    }
    return n;
}

/* "Lawmakers (and officials) in Arnor and Gondor": a role placed in
 * coordinated countries is one actor per country (ARNLEG, GONLEG). The place
 * hangs on the first conjunct h0; every ref built on its code is repeated
 * with each other country's. */
size_t actor_place_conjuncts(sent_ctx *c, int32_t h0, actor_ref *refs, size_t n, size_t cap) {
    static const char *const preps[] = {"in", "of", "from", NULL};
    if (h0 < 0) return n;
    for (int32_t m = c->first_child[h0]; m >= 0; m = c->next_sibling[m]) {
        if (!deprel_is(&c->tok[m], "nmod")) continue;
        int32_t cs = tree_child(c, m, "case");
        int ok = 0;
        for (int i = 0; preps[i] && cs >= 0; i++) ok |= !strcmp(c->form_f[cs], preps[i]);
        if (!ok) continue;
        const char *mc = actor_resolve(c, m).code;
        size_t ml = strlen(mc);
        if (ml != 3) continue; /* a country */
        size_t n0 = n;
        for (int32_t k = c->first_child[m]; k >= 0; k = c->next_sibling[k]) {
            if (!deprel_is(&c->tok[k], "conj")) continue;
            const char *kc = actor_resolve(c, k).code;
            if (strlen(kc) != 3 || !strcmp(kc, mc)) continue;
            for (size_t i = 0; i < n0 && n < cap; i++) {
                /* ("the information ministry of Gondor and the Nasgul": a
                 * phrase that is its place's actor is each of the places) */
                if (strncmp(refs[i].code, mc, ml)) continue;
                refs[n] = refs[i];
                refs[n].code = arena_printf(c->doc->arena, "%s%s", kc, refs[i].code + ml);
                if (!refs[n].code) return n;
                /* (named by its own words: "the armies of Brazil and Argentina") */
                refs[n].span = actor_resolve(c, k).span;
                refs[n].token = k;
                n++;
            }
        }
        return n;
    }
    return n;
}

/* "Several student groups including A, B and C held a protest": a group
 * named only by its kind (a bare role, or no code) that lists its members
 * ("including", "such as") stands for the members it names, each with its
 * own words and, when no dictionary knows it, the group's role */
size_t actor_included_members(sent_ctx *c, int32_t h, actor_ref *refs, size_t n, size_t cap) {
    if (h < 0 || n != 1 || (refs[0].code[0] && strncmp(refs[0].code, "---", 3))) return n;
    for (int32_t m = c->first_child[h]; m >= 0; m = c->next_sibling[m]) {
        int32_t cs = tree_child(c, m, "case");
        if (!deprel_is(&c->tok[m], "nmod") || m < h || cs < 0) continue;
        int such_as = !strcmp(c->form_f[cs], "as") && cs > 0 && !strcmp(c->form_f[cs - 1], "such");
        if (strcmp(c->form_f[cs], "including") && !such_as) continue;
        if (!c->tok[m].upos || strcmp(c->tok[m].upos, "PROPN")) return n;
        int32_t members[MAX_ARGS];
        size_t nm = expand_conj(c, m, members, cap < MAX_ARGS ? cap : MAX_ARGS);
        actor_ref group = refs[0];
        for (size_t i = 0; i < nm; i++) {
            refs[i] = actor_resolve(c, members[i]);
            if (!refs[i].code[0]) refs[i].code = group.code;
        }
        return nm;
    }
    return n;
}

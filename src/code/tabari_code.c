/* tabari_code.c - TABARI's shallow coder over dyad's tokens: no parse. Each
 * sentence is read as TABARI's words and actors (tabari_sentence.c) and cut
 * into clauses at conjunctions. In each clause the first verb is coded:
 * its patterns are tried longest first as surface sequences around the verb
 * ('$' source, '+' target, '%' compound, '^' skipped actor, synsets), and
 * without '$' / '+' the source is the clause's first actor and the target the
 * first actor after the verb (the actor after BY in a passive). Codes "###"
 * discard the record, "+++" make it too complex to code, "---" code nothing,
 * "X:Y" add the target's event back to the source, a '?' code gives way to a
 * later verb, a '!' verb is the only one coded. A <TIME> phrase ("yesterday")
 * moves the events' date. The .options settings (tabari_options) apply. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "base/arena.h"
#include "base/util.h"
#include "code.h"
#include "modality.h"
#include "ontology.h"
#include "tabari_int.h"

/* ---- pattern matching --------------------------------------------------------- */

static const tb_synset *synset_named(const tabari_data *t, const char *name) {
    for (uint32_t i = 0; i < t->nsynsets; i++)
        if (!strcmp(t->synsets[i].name, name)) return &t->synsets[i];
    return NULL;
}

/* the word sequences a synset or an alternatives item stands for */
static const tb_seq *item_options(const tsent *c, const tb_item *it, uint32_t *n) {
    const tb_synset *s = it->kind == TB_SYNSET ? synset_named(c->t, it->word) : NULL;
    *n = s ? s->n : it->kind == TB_ALT ? it->nalts : 0;
    return s ? s->members : it->alts;
}

static int32_t fwd(tsent *c, const tb_item *items, int n, int k, int32_t p, int anchored, int32_t hi, int depth);
static int32_t bwd(tsent *c, const tb_item *items, int k, int32_t e, int anchored, int32_t lo, int depth);

/* the actor item kinds bind a mention */
static int bind(tsent *c, const tb_item *it, int32_t k) {
    const mention *m = &c->m[k];
    if (it->kind == TB_COMPOUND) {
        if (!m->compound || m->ncodes < 2) return 0;
        c->b.compound = k;
    } else if (it->kind == TB_SOURCE) c->b.source = k;
    else if (it->kind == TB_TARGET) c->b.target = k;
    return 1;
}

/* item `it` starting exactly at p: the end of each way it can match, tried in turn through `next` */
static int32_t fwd(tsent *c, const tb_item *items, int n, int k, int32_t p, int anchored, int32_t hi, int depth) {
    if (k == n) return p;
    if (depth > MAX_DEPTH || ++c->steps > MAX_STEPS) return -1;
    const tb_item *it = &items[k];
    for (int32_t q = p; q < hi; q++) {
        bindings saved = c->b;
        const tword *w = &c->w[c->f[q]];
        int32_t r = -1;
        switch (it->kind) {
        case TB_WORD:
            if (!w->comma && tb_word_match(it, w->up, w->len, 0))
                r = fwd(c, items, n, k + 1, q + 1, k + 1 < n && items[k + 1].adj_before, hi, depth + 1);
            break;
        case TB_SOURCE: case TB_TARGET: case TB_COMPOUND: case TB_SKIP:
            if (c->men_start[q] >= 0 && bind(c, it, c->men_start[q])) {
                int32_t e = q;
                while (e < hi && c->f[e] < c->m[c->men_start[q]].end) e++;
                r = fwd(c, items, n, k + 1, e, k + 1 < n && items[k + 1].adj_before, hi, depth + 1);
            }
            break;
        case TB_SYNSET: case TB_ALT: {
            uint32_t nalts;
            const tb_seq *opts = item_options(c, it, &nalts);
            for (uint32_t a = 0; a < nalts && r < 0; a++) {
                const tb_seq *opt = &opts[a];
                int32_t e = fwd(c, opt->items, opt->n, 0, q, 1, hi, depth + 1);
                if (e >= 0) r = fwd(c, items, n, k + 1, e, k + 1 < n && items[k + 1].adj_before, hi, depth + 1);
                if (r < 0) c->b = saved;
            }
            break;
        }
        default: break;
        }
        if (r >= 0) return r;
        c->b = saved;
        if (anchored) break;
    }
    return -1;
}

/* items[k] ending exactly at e when anchored (else at or before e), then items[k-1] ... */
static int32_t bwd(tsent *c, const tb_item *items, int k, int32_t e, int anchored, int32_t lo, int depth) {
    if (k < 0) return e;
    if (depth > MAX_DEPTH || ++c->steps > MAX_STEPS) return -1;
    const tb_item *it = &items[k];
    for (int32_t end = e; end > lo; end--) {
        bindings saved = c->b;
        int32_t r = -1;
        const tword *w = &c->w[c->f[end - 1]];
        switch (it->kind) {
        case TB_WORD:
            if (!w->comma && tb_word_match(it, w->up, w->len, 0))
                r = bwd(c, items, k - 1, end - 1, it->adj_before, lo, depth + 1);
            break;
        case TB_SOURCE: case TB_TARGET: case TB_COMPOUND: case TB_SKIP:
            if (c->men_end[end] >= 0 && bind(c, it, c->men_end[end])) {
                int32_t s = end;
                while (s > lo && c->f[s - 1] >= c->m[c->men_end[end]].start) s--;
                r = bwd(c, items, k - 1, s, it->adj_before, lo, depth + 1);
            }
            break;
        case TB_SYNSET: case TB_ALT: {
            uint32_t nalts;
            const tb_seq *opts = item_options(c, it, &nalts);
            for (uint32_t a = 0; a < nalts && r < 0; a++) {
                const tb_seq *opt = &opts[a];
                int32_t st = opt->n ? bwd(c, opt->items, opt->n - 1, end, 1, lo, depth + 1) : -1;
                if (st >= 0) r = bwd(c, items, k - 1, st, it->adj_before, lo, depth + 1);
                if (r < 0) c->b = saved;
            }
            break;
        }
        default: break;
        }
        if (r >= 0) return r;
        c->b = saved;
        if (anchored) break;
    }
    return -1;
}

static int pattern_fits(tsent *c, const tb_pattern *p, const verb_hit *v, int32_t lo, int32_t hi) {
    c->b = (bindings){-1, -1, -1};
    c->steps = 0;
    const tb_item *items = p->seq.items;
    int star = p->star, n = p->seq.n;
    if (star > 0 && bwd(c, items, star - 1, v->start, items[star].adj_before, lo, 0) < 0) return 0;
    if (star + 1 < n && fwd(c, items + star + 1, n - star - 1, 0, v->end, items[star + 1].adj_before, hi, 0) < 0)
        return 0;
    return 1;
}

/* ---- verbs and clauses ----------------------------------------------------------- */

static int can_be_verb(const tsent *c, uint32_t p) {
    const tword *w = &c->w[c->f[p]];
    if (w->comma || tb_fmention(c, p)) return 0;
    if (w->cap && p > 0 && !c->all_caps) return 0;               /* "To Restore": a name, not a verb */
    if (p > 0 && tb_is_determiner(&c->w[c->f[p - 1]])) return 0;   /* "the restore", "an accord" */
    return !tb_in_list(c, c->t->nouns, (uint32_t)c->f[p]);
}

/* every verb of the filtered sentence, in order; 1 when one is coded "###" */
static int find_verbs(tsent *c, verb_hit *out, uint32_t *nout) {
    *nout = 0;
    for (uint32_t p = 0; p < c->nf && *nout < MAX_VERBS;) {
        int32_t end;
        const tb_phrase *ph = can_be_verb(c, p) ? tb_longest_at(c, c->t->verbs, c->f, c->nf, p, 2, MAX_VERB_GAP, &end) : NULL;
        tword *w = &c->w[c->f[p]];
        if (!ph && w->lemma && can_be_verb(c, p)) {
            /* an irregular form the dictionary does not list ("met"): its lemma */
            tword keep = *w;
            w->up = w->lemma;
            w->len = (uint16_t)strlen(w->lemma);
            ph = tb_longest_at(c, c->t->verbs, c->f, c->nf, p, 2, MAX_VERB_GAP, &end);
            *w = keep;
        }
        if (!ph || !ph->verb) { p++; continue; }
        if (!strcmp(ph->verb->code, "###")) return 1;
        out[(*nout)++] = (verb_hit){(int32_t)p, end, ph};
        p = ph->words.n > 1 && end - (int32_t)p > (int32_t)ph->words.n ? p + 1 : (uint32_t)end;
    }
    return 0;
}

static int in_verb(const verb_hit *v, uint32_t nv, int32_t p) {
    for (uint32_t i = 0; i < nv; i++)
        if (p > v[i].start && p < v[i].end) return 1;
    return 0;
}

/* clause starts: at BUT, and at AND / OR that join neither actors, nor nouns
 * and adjectives ("sheep and evil awful goats"), nor the words of a verb */
static uint32_t clause_starts(const tsent *c, const verb_hit *v, uint32_t nv, int32_t *starts, uint32_t cap) {
    uint32_t n = 0;
    starts[n++] = 0;
    for (uint32_t p = 1; p + 1 < c->nf && n < cap; p++) {
        const tword *w = &c->w[c->f[p]];
        if (tb_fmention(c, p) || in_verb(v, nv, (int32_t)p)) continue;
        int but = tb_word_is(w, "BUT");
        if (!but && !tb_word_is(w, "AND") && !tb_word_is(w, "OR")) continue;
        /* "sheep and goats", "awful and evil": nouns and adjectives joined, not clauses */
        int32_t before = c->f[p - 1], after = c->f[p + 1];
        if (!but && (tb_in_list(c, c->t->nouns, (uint32_t)before) || tb_in_list(c, c->t->adjectives, (uint32_t)before)) &&
            (tb_in_list(c, c->t->nouns, (uint32_t)after) || tb_in_list(c, c->t->adjectives, (uint32_t)after) ||
             tb_is_determiner(&c->w[after])))
            continue;
        starts[n++] = (int32_t)p + 1;
    }
    return n;
}

static int is_be(const tword *w) {
    static const char *const be[] = {"WAS", "WERE", "BEEN", "BE", "IS", "ARE", "BEING", NULL};
    for (size_t i = 0; be[i]; i++)
        if (tb_word_is(w, be[i])) return 1;
    return 0;
}

/* "was (fiercely) opposed (earlier) by Osgiliath": the mention after BY, else -1 */
static int32_t passive_agent(const tsent *c, const verb_hit *v, int32_t lo, int32_t hi) {
    int be = 0;
    for (int32_t p = v->start - 1; p >= lo && p >= v->start - 3 && !be; p--) be = is_be(&c->w[c->f[p]]);
    if (!be) return -1;
    for (int32_t p = v->end; p < hi && p <= v->end + 2; p++)
        if (tb_word_is(&c->w[c->f[p]], "BY")) {
            for (int32_t q = p + 1; q < hi && q <= p + 3; q++)
                if (c->men_start[q] >= 0) return c->men_start[q];
            return -1;
        }
    return -1;
}

typedef struct coding { const char *code, *rule; int has_source, has_target, has_compound, from_pattern; } coding;

static coding code_verb(tsent *c, const verb_hit *v, int32_t lo, int32_t hi) {
    const tb_verb *vb = v->phrase->verb;
    for (uint32_t i = 0; i < vb->npats; i++) {
        const tb_pattern *p = &vb->pats[i];
        if (!pattern_fits(c, p, v, lo, hi)) continue;
        return (coding){p->code, p->rule, c->b.source >= 0, c->b.target >= 0, c->b.compound >= 0, 1};
    }
    c->b = (bindings){-1, -1, -1};
    return (coding){vb->code, vb->rule, 0, 0, 0, 0};
}

/* ---- events ------------------------------------------------------------------------ */

static dyad_status emit_one(tsent *c, const verb_hit *v, const char *code, const char *src, const char *tgt,
                            const mention *sm, const mention *tm, const char *rule) {
    dyad_doc *doc = c->doc;
    if (!strcmp(src, tgt)) return DYAD_OK;
    for (size_t i = doc->nevents; i-- > 0 && doc->events[i].sentence == c->si;)
        if (!strcmp(doc->events[i].code, code) && !strcmp(doc->events[i].source, src) && !strcmp(doc->events[i].target, tgt))
            return DYAD_OK;
    const dyad_cameo_info *info = dyad_cameo_lookup(code);
    dyad_event *e = dyad_doc_add_event(doc);
    if (!e) return DYAD_ENOMEM;
    e->sentence = c->si;
    e->source = src;
    e->target = tgt;
    e->code = code;
    e->root = info ? info->root : arena_strndup(doc->arena, code, 2);
    e->quad = info ? info->quad : 0;
    e->goldstein = info ? info->goldstein : 0;
    e->plover = cameo_plover_type(info);
    e->modality = modality_name(MOD_ASSERTED);
    e->rule = rule;
    e->confidence = 0.8;
    e->date = c->date;
    const dyad_token *tok = doc->tokens;
    const tword *ss = &c->w[sm->start], *se = &c->w[sm->end - 1], *ts = &c->w[tm->start], *te = &c->w[tm->end - 1];
    const tword *vs = &c->w[c->f[v->start]], *ve = &c->w[c->f[v->end - 1]];
    e->source_span = (dyad_span){tok[ss->tok].off, tok[se->tok].off + tok[se->tok].len - tok[ss->tok].off};
    e->target_span = (dyad_span){tok[ts->tok].off, tok[te->tok].off + tok[te->tok].len - tok[ts->tok].off};
    e->verb_span = (dyad_span){tok[vs->tok].off, tok[ve->tok].off + tok[ve->tok].len - tok[vs->tok].off};
    return DYAD_OK;
}

/* "032:033": the event and the target's event back to the source; '?' and '!' are markers */
static dyad_status emit_pair(tsent *c, const verb_hit *v, const char *code, const mention *sm, const mention *tm,
                             const char *rule, int both_ways) {
    char fwd_code[16], back[16];
    size_t k = 0, b = 0;
    const char *colon = strchr(code, ':');
    for (const char *p = code; *p && p != colon && k + 1 < sizeof fwd_code; p++)
        if (*p != '?' && *p != '!') fwd_code[k++] = *p;
    fwd_code[k] = 0;
    if (colon)
        for (const char *p = colon + 1; *p && b + 1 < sizeof back; p++)
            if (*p != '?' && *p != '!') back[b++] = *p;
    back[b] = 0;
    const char *fc = arena_strdup(c->doc->arena, fwd_code), *bc = b ? arena_strdup(c->doc->arena, back) : NULL;
    if (!fc || (b && !bc)) return DYAD_ENOMEM;
    if (!bc && both_ways) bc = fc;
    for (int back = 0; back < 1 + (bc != NULL); back++)
        for (uint8_t i = 0; i < sm->ncodes; i++)
            for (uint8_t j = 0; j < tm->ncodes; j++) {
                dyad_status st = back ? emit_one(c, v, bc, tm->codes[j], sm->codes[i], tm, sm, rule)
                                      : emit_one(c, v, fc, sm->codes[i], tm->codes[j], sm, tm, rule);
                if (st) return st;
            }
    return DYAD_OK;
}

/* "Gondor and Osgiliath have renewed ties": the members code with each other */
static dyad_status emit_compound(tsent *c, const verb_hit *v, const char *code, const mention *m, const char *rule) {
    for (uint8_t i = 0; i < m->ncodes; i++)
        for (uint8_t j = 0; j < m->ncodes; j++) {
            if (i == j) continue;
            mention a = *m, b = *m;
            a.codes[0] = m->codes[i], a.ncodes = 1;
            b.codes[0] = m->codes[j], b.ncodes = 1;
            dyad_status st = emit_pair(c, v, code, &a, &b, rule, 0);
            if (st) return st;
        }
    return DYAD_OK;
}

/* an actor is not its own target ("Arnor ... in its dealings with Rohan") */
static int same_actor(const tsent *c, int32_t a, int32_t b) {
    if (a < 0 || b < 0) return 0;
    if (a == b) return 1;
    const mention *x = &c->m[a], *y = &c->m[b];
    if (x->ncodes != y->ncodes) return 0;
    for (uint8_t i = 0; i < x->ncodes; i++)   /* "Elrond and Gondor ... assist them" too */
        if (strcmp(x->codes[i], y->codes[i])) return 0;
    return 1;
}

/* the first mention in [from, to) that is not `not` */
static int32_t first_mention(const tsent *c, int32_t from, int32_t to, int32_t not) {
    for (int32_t p = from; p < to; p++)
        if (c->men_start[p] >= 0 && !same_actor(c, c->men_start[p], not)) return c->men_start[p];
    return -1;
}

static int32_t last_mention(const tsent *c, int32_t from, int32_t to, int32_t not) {
    int32_t best = -1;
    for (int32_t p = from; p < to; p++)
        if (c->men_start[p] >= 0 && !same_actor(c, c->men_start[p], not)) best = c->men_start[p];
    return best;
}

static int dominant(const verb_hit *v) { return strchr(v->phrase->verb->code, '!') != NULL; }

/* DEFAULT: SOURCE [X] / TARGET [Y]: an actor standing in for a missing one */
static int32_t default_mention(tsent *c, const verb_hit *v, const char *code) {
    if (!code || c->nm >= MAX_MENTIONS) return -1;
    mention *m = &c->m[c->nm];
    memset(m, 0, sizeof *m);
    m->start = c->f[v->start];
    m->end = m->start + 1;
    m->dead = 1;   /* never found in the sentence */
    tb_add_codes(m, code, c->doc->arena);
    return m->ncodes ? (int32_t)c->nm++ : -1;
}

/* "Bree and Arnor ..." with no target: the first member acts on the others */
static void split_compound(tsent *c, const verb_hit *v, int32_t *src, int32_t *tgt) {
    if (c->nm + 2 > MAX_MENTIONS) return;
    const mention *m = &c->m[*src];
    int32_t a = default_mention(c, v, m->codes[0]), b = default_mention(c, v, m->codes[1]);
    if (a < 0 || b < 0) return;
    for (uint8_t i = 2; i < m->ncodes; i++) c->m[b].codes[c->m[b].ncodes++] = m->codes[i];
    *src = a, *tgt = b;
}

enum { VERB_TRY_NEXT, VERB_DONE, VERB_GAVE_WAY };

/* Code verbs[i] in the clause [lo, hi): VERB_DONE when it coded (or settled)
 * the clause, VERB_TRY_NEXT when the next verb should be tried, VERB_GAVE_WAY
 * when a '?' verb leaves the clause to a later verb (unless `last_resort`). */
static int code_one_verb(tsent *c, const verb_hit *verbs, uint32_t nv, uint32_t i, int32_t lo, int32_t hi,
                         int last_resort, int32_t *carry, int *complex, dyad_status *st) {
    const tabari_options *o = c->o;
    const verb_hit *v = &verbs[i];
    coding k = code_verb(c, v, lo, hi);
    int later = 0;
    for (uint32_t j = i + 1; j < nv; j++) later |= verbs[j].start < hi;
    if (strchr(k.code, '?') && !k.from_pattern && later && !last_resort) return VERB_GAVE_WAY; /* "said" gives way to what was said */
    if (!strcmp(k.code, "---")) return VERB_TRY_NEXT;
    if (!strcmp(k.code, "+++")) { *complex = 1; return VERB_DONE; }
    if (k.has_compound) { *st = emit_compound(c, v, k.code, &c->m[c->b.compound], k.rule); return VERB_DONE; }
    int32_t src = k.has_source ? c->b.source : -1, tgt = k.has_target ? c->b.target : -1, from = v->end;
    if (src < 0) {
        int32_t passive = k.has_target ? -1 : passive_agent(c, v, lo, hi);
        int32_t first = first_mention(c, lo, v->start, tgt);
        if (first < 0 && tgt < 0) first = *carry;
        if (first < 0 && tgt >= 0) first = first_mention(c, v->end, hi, tgt); /* "+ WAS * DEAD" */
        if (passive >= 0) {
            src = passive;
            if (tgt < 0) tgt = first;
        } else src = first;
    }
    int src_after = 0;
    if (src < 0 && o->default_source && o->default_prior) src = default_mention(c, v, o->default_source);
    else if (src < 0 && !o->no_actor_prior) {       /* the first actor after the verb acts */
        src = first_mention(c, v->end, hi, -1);
        src_after = src >= 0;
        if (src >= 0)
            while (from < hi && c->f[from] < c->m[src].end) from++;
    }
    if (src < 0) return VERB_DONE;                   /* no actor before the verb: not coded */
    if (tgt < 0) tgt = first_mention(c, from, hi, src);
    if (tgt < 0) tgt = last_mention(c, lo, v->start, src);
    if (tgt < 0 && (!o->default_after || src_after) && c->m[src].compound && c->m[src].ncodes > 1)
        split_compound(c, v, &src, &tgt);
    if (tgt < 0) tgt = default_mention(c, v, o->default_target);
    *carry = src;
    if (tgt < 0) return VERB_DONE;
    if (c->m[src].complex || c->m[tgt].complex) { *complex = 1; return VERB_DONE; }
    *st = emit_pair(c, v, k.code, &c->m[src], &c->m[tgt], k.rule, 0);
    return VERB_DONE;
}

/* code the clause [lo, hi): its first verb, or every verb with CODE ALL;
 * *carry is the source for a clause that names none */
static dyad_status code_clause(tsent *c, const verb_hit *verbs, uint32_t nv, int32_t lo, int32_t hi, int32_t *carry,
                               int *complex) {
    /* a dominant verb ("ATTEND [031!]") anywhere in the sentence is the only one coded */
    int has_dominant = 0, here = 0;
    for (uint32_t i = 0; i < nv; i++) {
        has_dominant |= dominant(&verbs[i]);
        here |= verbs[i].start >= lo && verbs[i].start < hi && dominant(&verbs[i]);
    }
    if (has_dominant && !here) {
        int32_t first = first_mention(c, lo, hi, -1);
        if (first >= 0 && *carry < 0) *carry = first;
        return DYAD_OK;
    }
    dyad_status st = DYAD_OK;
    int32_t gave_way = -1, coded = 0;
    for (uint32_t i = 0; i < nv; i++) {
        const verb_hit *v = &verbs[i];
        if (v->start < lo || v->start >= hi || (has_dominant && !dominant(v))) continue;
        int r = code_one_verb(c, verbs, nv, i, lo, hi, 0, carry, complex, &st);
        if (r == VERB_GAVE_WAY && gave_way < 0) gave_way = (int32_t)i;
        coded |= r == VERB_DONE;
        if (st || *complex || (r == VERB_DONE && c->o->code_by != TB_CODE_ALL)) return st;
    }
    /* "Mordor was reported to have reinforced ...": no later verb coded, so the '?' verb does */
    if (gave_way >= 0 && !coded) code_one_verb(c, verbs, nv, (uint32_t)gave_way, lo, hi, 1, carry, complex, &st);
    return st;
}

/* COMPLEX: VERBS[n] CONJ[n] ACTORS[n]: a sentence with that many is not coded */
static int too_complex(const tsent *c, uint32_t nverbs) {
    const tabari_options *o = c->o;
    uint32_t conj = 0, actors = 0;
    for (uint32_t p = 0; p < c->nf; p++) {
        const tword *w = &c->w[c->f[p]];
        conj += !tb_fmention(c, p) && (tb_is_conj(w) || tb_word_is(w, "BUT"));
        actors += c->men_start[p] >= 0;
    }
    return (o->complex_verbs && nverbs >= (uint32_t)o->complex_verbs) || (o->complex_conj && conj >= (uint32_t)o->complex_conj) ||
           (o->complex_actors && actors >= (uint32_t)o->complex_actors);
}

/* The sentence's first <TIME> phrase, coded like a verb with its patterns
 * ("TOMORROW [+1]", "- * AND A WEEK [+8]"): '#' for "###" (discard the
 * record), '+' for "+++" (too complex), else 0 after moving the events' date
 * by the days it gives when time shifting is on. */
static int time_phrase(tsent *c) {
    for (uint32_t p = 0; p < c->nf; p++) {
        int32_t end;
        const tb_phrase *ph = tb_fmention(c, p) ? NULL : tb_longest_at(c, c->t->times, c->f, c->nf, p, 1, MAX_VERB_GAP, &end);
        if (!ph || !ph->verb) continue;
        verb_hit v = {(int32_t)p, end, ph};
        coding k = code_verb(c, &v, 0, (int32_t)c->nf);
        if (!strcmp(k.code, "###") || !strcmp(k.code, "+++")) return k.code[0];
        int on = c->o->time_shift > 0 || (c->o->time_shift < 0 && c->t->ntimes > 0);
        int32_t day;
        if (on && (k.code[0] == '+' || k.code[0] == '-') && isdigit((unsigned char)k.code[1]) && c->date[0] &&
            !date_parse(c->date, &day)) {
            char shifted[11];
            date_format(day + atoi(k.code), shifted);
            const char *d = arena_strdup(c->doc->arena, shifted);
            if (d) c->date = d;
        }
        return 0;
    }
    return 0;
}

/* 1 when the record is to be discarded */
static int code_sentence(tsent *c, tdoc_memory *mem, dyad_status *st) {
    *st = DYAD_OK;
    if (tb_find_actors(c)) return 1;
    tb_attach_agents(c);
    tb_merge_compounds(c);
    tb_filter_words(c);            /* every word: a <TIME> phrase counts even in a clause dropped below */
    int time_code = time_phrase(c);
    if (time_code == '#') return 1;
    if (time_code == '+') return 0;
    tb_drop_comma_clauses(c);
    tb_resolve_pronouns(c, mem);   /* after the drop: a dropped clause names no antecedent */
    tb_mark_mentions(c);
    tb_filter_words(c);
    verb_hit verbs[MAX_VERBS];
    uint32_t nv;
    if (find_verbs(c, verbs, &nv)) return 1;
    if (too_complex(c, nv)) return 0;
    int32_t starts[64];
    uint32_t ns = c->o->code_by == TB_BY_SENTENCE ? (starts[0] = 0, 1) : clause_starts(c, verbs, nv, starts, 64);
    int32_t carry = -1;
    int complex = 0;
    size_t before = c->doc->nevents;
    for (uint32_t k = 0; k < ns && !*st && !complex; k++)
        *st = code_clause(c, verbs, nv, starts[k], k + 1 < ns ? starts[k + 1] - 1 : (int32_t)c->nf, &carry, &complex);
    if (complex) c->doc->nevents = before;          /* too complex: nothing from this sentence */
    for (uint32_t k = 0; k < c->nm; k++)
        if (!c->m[k].dead) {
            memcpy(mem->codes, c->m[k].codes, sizeof mem->codes);
            mem->ncodes = c->m[k].ncodes;
            break;
        }
    return 0;
}

static int32_t day_of(const char *date) {
    if (!date || strlen(date) < 10) return 0;
    return atoi(date) * 10000 + atoi(date + 5) * 100 + atoi(date + 8);
}

/* TABARI's minimum length counts the record's words */
static uint32_t record_words(const dyad_doc *doc) {
    uint32_t n = 0;
    for (size_t i = 0; i < doc->ntokens; i++) {
        const char *f = doc->tokens[i].form ? doc->tokens[i].form : "";
        if (!tb_is_punct_token(f) && f[0] != '\'' && strcasecmp(f, "n't")) n++;
    }
    return n;
}

dyad_status tabari_code_doc(const dy_dicts *d, dyad_doc *doc, const char *default_date, dyad_error *err) {
    return d && d->tabari ? tabari_code_doc_with(d, doc, default_date, &d->tabari->options, err) : DYAD_OK;
}

dyad_status tabari_code_doc_options(const dy_dicts *d, dyad_doc *doc, const char *default_date, const char *options,
                                    dyad_error *err) {
    if (!d || !d->tabari) return DYAD_OK;
    if (!options || !*options) return tabari_code_doc(d, doc, default_date, err);
    tabari_options o = d->tabari->options;
    tabari_options_read(&o, doc->arena, options, strlen(options));
    return tabari_code_doc_with(d, doc, default_date, &o, err);
}

dyad_status tabari_code_doc_with(const dy_dicts *d, dyad_doc *doc, const char *default_date, const tabari_options *o,
                                 dyad_error *err) {
    const tabari_data *t = d->tabari;
    if (!t || !doc || !o || record_words(doc) < (uint32_t)o->min_words) return DYAD_OK;
    char norm[11];
    const char *date = "";
    if (doc->date && !date_normalize(doc->date, norm)) date = arena_strdup(doc->arena, norm);
    else if (default_date && !date_normalize(default_date, norm)) date = arena_strdup(doc->arena, norm);
    if (!date) date = "";
    tsent *c = calloc(1, sizeof *c);
    if (!c) return DYAD_ENOMEM;
    tdoc_memory mem = {0};
    size_t before = doc->nevents;
    dyad_status st = DYAD_OK;
    for (uint32_t si = 0; si < doc->nsentences && !st; si++) {
        memset(c, 0, sizeof *c);
        c->t = t;
        c->o = o;
        c->doc = doc;
        c->si = si;
        c->date = date;
        c->day = day_of(date);
        if (tb_build_words(c, &doc->sentences[si])) { st = DYAD_ENOMEM; break; }
        if (code_sentence(c, &mem, &st)) { doc->nevents = before; break; }   /* "###": the record is not coded */
    }
    free(c);
    if (st) dyad_error_set(err, st, doc->input ? doc->input : "-", doc->input_line, doc->input_offset,
                           "out of memory while coding");
    return st;
}

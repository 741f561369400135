/* tabari_sentence.c - a sentence as TABARI sees it: dyad's tokens become
 * TABARI's upper-case words ("Gondor" + "'s" glue back into one word, '-' and
 * '_' split words); actors are found by longest match over the words, with
 * TABARI's rules for closed ('_') and exact ('=') words and noun endings;
 * agents join the actor beside them ("Gondor's Prime Minister" -> GONGOV);
 * pronouns stand for the sentence's first actor; actors listed with commas
 * and AND become one compound; short comma-delimited clauses are dropped. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "base/arena.h"
#include "tabari_int.h"

int tb_word_is(const tword *w, const char *s) { return w->len == strlen(s) && !memcmp(w->up, s, w->len); }

static int ends_in(const char *rest, size_t rl, const char *const *endings) {
    for (size_t i = 0; endings[i]; i++)
        if (strlen(endings[i]) == rl && !memcmp(rest, endings[i], rl)) return 1;
    return 0;
}

/* mode 0: pattern words (closed = exact); 1: names (closed = plus noun endings);
 * 2: verbs (closed = plus regular verb endings) */
int tb_word_match(const tb_item *it, const char *w, size_t wl, int mode) {
    static const char *const noun_end[] = {"S", "'S", "ES", "S'", "'", NULL};
    static const char *const verb_end[] = {"S", "ES", "ED", "EN", "ING", NULL};
    static const char *const e_verb_end[] = {"D", "S", "N", NULL};
    size_t len = it->len;
    if (it->exact || mode == 0) {
        if (it->closed || it->exact) return wl == len && !memcmp(w, it->word, len);
        return wl >= len && !memcmp(w, it->word, len);
    }
    if (wl >= len && !memcmp(w, it->word, len)) {
        if (!it->closed || wl == len) return 1;
        if (mode == 1) return ends_in(w + len, wl - len, noun_end);
        if (ends_in(w + len, wl - len, verb_end)) return 1;
        return it->word[len - 1] == 'E' && ends_in(w + len, wl - len, e_verb_end);
    }
    /* "DONATE_" ~ "donating": the E gives way to -ING / -ED */
    if (mode == 2 && it->closed && len > 2 && it->word[len - 1] == 'E' && wl > len - 1 &&
        !memcmp(w, it->word, len - 1))
        return ends_in(w + len - 1, wl - len + 1, verb_end);
    return 0;
}

/* ---- words ------------------------------------------------------------------ */

int tb_is_punct_token(const char *s) {
    for (; *s; s++)
        if (isalnum((unsigned char)*s) || (unsigned char)*s >= 0x80 || *s == '&') return 0;
    return 1;
}

static int add_word(tsent *c, const char *s, size_t n, uint32_t tok, int cap) {
    if (!n || c->n >= MAX_WORDS) return 0;
    char *up = arena_strndup(c->doc->arena, s, n);
    if (!up) return -1;
    for (char *p = up; *p; p++) *p = (char)toupper((unsigned char)*p);
    c->w[c->n++] = (tword){.up = up, .len = (uint16_t)(n > 65535 ? 65535 : n), .cap = (uint8_t)cap, .mention = -1, .tok = tok};
    return 0;
}

/* dyad's tokens -> TABARI's words: "Gondor" + "'s" and "do" + "n't" glue back
 * into one word, '-' and '_' separate words, other punctuation goes. */
int tb_build_words(tsent *c, const dyad_sentence *s) {
    const dyad_token *tok = c->doc->tokens;
    int glue_ok = 0;
    for (uint32_t i = s->first_token; i < s->first_token + s->ntokens && i < c->doc->ntokens; i++) {
        const char *f = tok[i].form ? tok[i].form : "";
        int glued = glue_ok && i > s->first_token && !tok[i - 1].space_after && (f[0] == '\'' || !strcasecmp(f, "n't"));
        if (!strcmp(f, ",")) {
            if (c->n < MAX_WORDS) c->w[c->n++] = (tword){.up = ",", .len = 1, .comma = 1, .mention = -1, .tok = i};
            glue_ok = 0;
            continue;
        }
        if (tb_is_punct_token(f) && !glued) { glue_ok = 0; continue; }
        if (glued) {
            tword *p = &c->w[c->n - 1];
            char *joined = arena_printf(c->doc->arena, "%s%s", p->up, f);
            if (!joined) return -1;
            for (char *q = joined; *q; q++) *q = (char)toupper((unsigned char)*q);
            p->up = joined;
            p->len = (uint16_t)strlen(joined);
            continue;
        }
        uint32_t first = c->n;
        for (const char *p = f; *p;) {
            size_t k = strcspn(p, "-_");
            if (add_word(c, p, k, i, isupper((unsigned char)p[0]) != 0)) return -1;
            p += k;
            while (*p == '-' || *p == '_') p++;
        }
        /* only irregular forms ("met" / "meet"): regular endings are the dictionary's business */
        if (c->n == first + 1 && tok[i].lemma && tok[i].lemma[0] && strncasecmp(tok[i].lemma, f, strlen(tok[i].lemma))) {
            char *lem = arena_strdup(c->doc->arena, tok[i].lemma);
            if (!lem) return -1;
            for (char *q = lem; *q; q++) *q = (char)toupper((unsigned char)*q);
            c->w[first].lemma = lem;
        }
        glue_ok = 1;
    }
    c->all_caps = 1;
    for (uint32_t i = s->first_token; i < s->first_token + s->ntokens && i < c->doc->ntokens; i++)
        for (const char *p = tok[i].form ? tok[i].form : ""; *p; p++)
            if (islower((unsigned char)*p)) c->all_caps = 0;
    return 0;
}

/* ---- phrases (actors, verbs, nouns) ----------------------------------------- */

/* A name's words from word i on; open connectors allow up to `gap` words
 * between (never a comma). Returns the end (exclusive) or -1. */
static int32_t phrase_at(const tsent *c, const int32_t *idx, uint32_t n, uint32_t i, const tb_seq *s, int mode, int gap,
                         uint8_t *skipped) {
    uint32_t p = i;
    for (uint16_t k = 0; k < s->n; k++) {
        const tb_item *it = &s->items[k];
        int tries = k == 0 || it->adj_before ? 1 : gap + 1, hit = 0;
        for (int g = 0; g < tries && p < n; g++, p++) {
            const tword *w = &c->w[idx ? (uint32_t)idx[p] : p];
            if (w->comma) return -1;
            /* endings only on a name's last word: "ithilen's government radio" is not ITHILEN_GOVERNMENT_RADIO_ */
            if (tb_word_match(it, w->up, w->len, mode == 1 && k + 1 < s->n ? 0 : mode)) { hit = 1; break; }
            if (skipped) skipped[p] = 1;
        }
        if (!hit) return -1;
        p++;
    }
    return (int32_t)p;
}

static const char *code_on(const tb_phrase *p, int32_t day) {
    const char *open = NULL;
    for (uint16_t i = 0; i < p->ncodes; i++) {
        const tb_dated *d = &p->codes[i];
        int restricted = d->from != 0 || d->to != 99999999;
        if (!restricted) { if (!open) open = d->code; continue; }
        if (day && day >= d->from && day <= d->to) return d->code;
        if (!day && !open) open = d->code;
    }
    return open;
}

static size_t phrase_chars(const tb_phrase *p) {
    size_t n = 0;
    for (uint16_t i = 0; i < p->words.n; i++) n += p->words.items[i].len;
    return n;
}

/* the longest name at word i: most words, then the tightest, then the longest
 * spelling ("ATTACKED" before "ATTACK"), then the first read */
const tb_phrase *tb_longest_at(const tsent *c, tb_phrase *const *buckets, const int32_t *idx, uint32_t n,
                                   uint32_t i, int mode, int gap, int32_t *end) {
    const tword *w = &c->w[idx ? (uint32_t)idx[i] : i];
    const tb_phrase *best = NULL;
    int32_t best_end = -1;
    for (const tb_phrase *p = buckets[tabari_bucket(w->up, w->len)]; p; p = p->next) {
        int32_t e = phrase_at(c, idx, n, i, &p->words, mode, gap, NULL);
        if (e < 0) continue;
        int diff = !best ? 1 : p->words.n != best->words.n ? p->words.n - best->words.n
                 : e != best_end ? best_end - e
                 : phrase_chars(p) != phrase_chars(best) ? (int)phrase_chars(p) - (int)phrase_chars(best)
                 : (int)best->order - (int)p->order;
        if (diff > 0) best = p, best_end = e;
    }
    *end = best_end;
    return best;
}

/* ---- mentions ----------------------------------------------------------------- */

void tb_add_codes(mention *m, const char *code, dyad_arena *a) {
    for (const char *p = code; *p && m->ncodes < MAX_CODES;) {
        size_t k = strcspn(p, "/");
        if (k) m->codes[m->ncodes++] = arena_strndup(a, p, k);
        p += k;
        if (*p) p++;
    }
}

/* 1 when the record must not be coded ("###") */
int tb_find_actors(tsent *c) {
    for (uint32_t i = 0; i < c->n && c->nm < MAX_MENTIONS;) {
        int32_t end;
        const tb_phrase *p = c->w[i].comma ? NULL : tb_longest_at(c, c->t->actors, NULL, c->n, i, 1, MAX_GAP, &end);
        const char *code = p ? code_on(p, c->day) : NULL;
        if (!code || !strcmp(code, "---")) { i++; continue; }   /* a null-coded name is just a noun */
        if (!strcmp(code, "###")) return 1;
        mention *m = &c->m[c->nm];
        memset(m, 0, sizeof *m);
        m->start = (int32_t)i;
        m->end = end;
        /* "Durthang ... Orc": the words between stay free (a verb may be there) */
        uint8_t skipped[MAX_WORDS] = {0};
        phrase_at(c, NULL, c->n, i, &p->words, 1, MAX_GAP, skipped);
        for (int32_t k = (int32_t)i; k < end; k++) c->w[k].in_gap = skipped[k];
        m->agent = p->agent;
        m->complex = !strcmp(code, "+++");
        tb_add_codes(m, code, c->doc->arena);
        if (m->ncodes) c->nm++;
        i = (uint32_t)end;
    }
    return 0;
}

static int linking_word(const tword *w) {
    return tb_word_is(w, "OF") || tb_word_is(w, "IN") || tb_word_is(w, "THE") || tb_word_is(w, "FOR") || tb_word_is(w, "FROM");
}

/* actor + agent: "~GOV" is a suffix, "NGM~" a prefix; one already there is not repeated */
static const char *with_agent(dyad_arena *a, const char *actor, const char *agent) {
    size_t al = strlen(agent), cl = strlen(actor);
    const char *tilde = strchr(agent, '~');
    if (!tilde) return actor;
    if (tilde == agent) {
        const char *suf = agent + 1;
        size_t sl = al - 1;
        if (cl >= sl && !strcmp(actor + cl - sl, suf)) return actor;
        return arena_printf(a, "%s%s", actor, suf);
    }
    size_t pl = (size_t)(tilde - agent);
    if (cl >= pl && !strncmp(actor, agent, pl)) return actor;
    return arena_printf(a, "%.*s%s", (int)pl, agent, actor);
}

static int former_at(const tsent *c, int32_t i) { return i >= 0 && tb_word_is(&c->w[i], "FORMER"); }

/* "former": the role is no longer held; TABARI codes it ~ELI in place of the agent's own */
static void give_agent(tsent *c, mention *actor, mention *agent, int former) {
    for (uint8_t i = 0; i < actor->ncodes; i++)
        actor->codes[i] = with_agent(c->doc->arena, actor->codes[i], former ? "~ELI" : agent->codes[0]);
    if (agent->start < actor->start) actor->start = agent->start;
    if (agent->end > actor->end) actor->end = agent->end;
    agent->dead = 1;
}

/* "Gondor's Prime Minister", "Arnor (former) security officials", "the
 * ambassadors of Arnor", "human rights activists Gondor"; an agent with no
 * actor is dropped */
void tb_attach_agents(tsent *c) {
    for (uint32_t k = 0; k < c->nm; k++) {
        mention *a = &c->m[k];
        if (!a->agent || a->dead) continue;
        mention *prev = k > 0 && !c->m[k - 1].agent && !c->m[k - 1].dead ? &c->m[k - 1] : NULL;
        mention *next = k + 1 < c->nm && !c->m[k + 1].agent ? &c->m[k + 1] : NULL;
        if (prev && (prev->end == a->start || (prev->end + 1 == a->start && former_at(c, prev->end)))) {
            give_agent(c, prev, a, former_at(c, a->start - 1) || former_at(c, prev->start - 1));
            /* "Bree Prime Minister Romendacil": the person named after is the same actor */
            if (next && next->start == a->end) next->dead = 1, prev->end = next->end;
            continue;
        }
        if (next) {
            int32_t i = a->end;
            while (i < next->start && linking_word(&c->w[i])) i++;
            if (i == next->start && next->start - a->end <= 2) {
                give_agent(c, next, a, former_at(c, a->start - 1));
                continue;
            }
        }
        if (!c->o->convert_agent) a->dead = 1;   /* else coded on its own: "~MIL" */
    }
}

static int pronoun(const tword *w) {
    static const char *const p[] = {"HE", "SHE", "IT", "THEY", "HIM", "HER", "THEM", "ITS", "THEIR", "HIS", NULL};
    for (size_t i = 0; p[i]; i++)
        if (tb_word_is(w, p[i])) return 1;
    return 0;
}

static void insert_mention(tsent *c, uint32_t at, const mention *m) {
    if (c->nm >= MAX_MENTIONS) return;
    memmove(&c->m[at + 1], &c->m[at], (c->nm - at) * sizeof *c->m);
    c->m[at] = *m;
    c->nm++;
}

/* "he", "their", "them": the sentence's first actor, its subject; before any
 * actor, the first actor of the sentence before */
void tb_resolve_pronouns(tsent *c, tdoc_memory *mem) {
    uint32_t k = 0;
    for (uint32_t i = 0; i < c->n; i++) {
        while (k < c->nm && c->m[k].start <= (int32_t)i) k++;
        if (!pronoun(&c->w[i]) || c->w[i].mention >= 0 || c->w[i].deleted) continue;
        const mention *last = NULL;
        for (uint32_t j = 0; j < k && !last; j++)
            if (!c->m[j].dead && c->m[j].end <= (int32_t)i) last = &c->m[j];
        mention m = {0};
        m.start = (int32_t)i;
        m.end = (int32_t)i + 1;
        if (last) {
            memcpy(m.codes, last->codes, sizeof m.codes);
            m.ncodes = last->ncodes;
            m.compound = last->compound;
        } else if (mem->ncodes) {
            memcpy(m.codes, mem->codes, sizeof m.codes);
            m.ncodes = mem->ncodes;
        } else continue;
        insert_mention(c, k, &m);
        k++;
    }
}

void tb_mark_mentions(tsent *c) {
    for (uint32_t i = 0; i < c->n; i++) c->w[i].mention = -1;
    for (uint32_t k = 0; k < c->nm; k++)
        if (!c->m[k].dead)
            for (int32_t i = c->m[k].start; i < c->m[k].end; i++)
                if (!c->w[i].in_gap) c->w[i].mention = (int32_t)k;
}

int tb_is_conj(const tword *w) { return tb_word_is(w, "AND") || tb_word_is(w, "NOR") || tb_word_is(w, "OR"); }
int tb_is_determiner(const tword *w) { return tb_word_is(w, "THE") || tb_word_is(w, "A") || tb_word_is(w, "AN"); }

int tb_in_list(const tsent *c, tb_phrase *const *buckets, uint32_t i) {
    int32_t end;
    return tb_longest_at(c, buckets, NULL, c->n, i, 1, 0, &end) != NULL;
}

/* The words between two actors that join them in a list: 0 none, 1 a comma,
 * 2 AND / NOR (with a comma or not); determiners and adjectives may follow
 * ("Fornost and the evil awful Gondor"). */
static int compound_link(const tsent *c, int32_t from, int32_t to) {
    int link = 0, seen_other = 0;
    for (int32_t i = from; i < to; i++) {
        const tword *w = &c->w[i];
        if (w->comma || tb_is_conj(w)) {
            if (seen_other) return 0;
            if (tb_is_conj(w)) link = 2;
            else if (!link) link = 1;
        } else if (tb_is_determiner(w) || tb_in_list(c, c->t->adjectives, (uint32_t)i)) seen_other = 1;
        else return 0;
    }
    return link;
}

/* "Mordor, Rohan, Fornost and Bree": a list closed by AND or NOR is one
 * compound actor; commas alone ("Arnor, the Dagolathi agency") are not a list */
void tb_merge_compounds(tsent *c) {
    uint32_t k = 0;
    while (k < c->nm) {
        if (c->m[k].dead) { k++; continue; }
        uint32_t chain[MAX_MENTIONS], n = 0;
        int closed = 0;
        chain[n++] = k;
        uint32_t j = k + 1;
        for (; j < c->nm; j++) {
            if (c->m[j].dead) continue;
            int link = compound_link(c, c->m[chain[n - 1]].end, c->m[j].start);
            if (!link || (closed && link != 2)) break;   /* after AND, only ", and" goes on */
            chain[n++] = j;
            closed |= link == 2;
        }
        if (!closed) n = 1;
        mention *h = &c->m[chain[0]];
        for (uint32_t i = 1; i < n; i++) {
            mention *m = &c->m[chain[i]];
            for (uint8_t q = 0; q < m->ncodes && h->ncodes < MAX_CODES; q++) h->codes[h->ncodes++] = m->codes[q];
            h->end = m->end;
            h->compound = 1;
            h->complex |= m->complex;
            m->dead = 1;
        }
        k = n > 1 ? j : k + 1;
    }
    tb_mark_mentions(c);
}

/* A clause set off by commas is subordinate and dropped when its length fits
 * the COMMA: settings (TABARI's defaults: 2..10 words between two commas or
 * after the last one; never at the start). Commas inside a compound do not count. */
void tb_drop_comma_clauses(tsent *c) {
    const tabari_options *o = c->o;
    int32_t commas[MAX_WORDS];
    uint32_t nc = 0;
    if (o->comma_off) return;
    for (uint32_t i = 0; i < c->n; i++)
        if (c->w[i].comma && c->w[i].mention < 0) commas[nc++] = (int32_t)i;
    int32_t used_to = -1;
    if (nc && commas[0] >= o->comma_bmin && commas[0] <= o->comma_bmax) {
        for (int32_t i = 0; i <= commas[0]; i++) c->w[i].deleted = 1;
        used_to = commas[0];
    }
    for (uint32_t j = used_to >= 0; j + 1 < nc; j++) {
        int32_t words = commas[j + 1] - commas[j] - 1;
        if (words < o->comma_min || words > o->comma_max) continue;
        for (int32_t i = commas[j]; i <= commas[j + 1]; i++) c->w[i].deleted = 1;
        used_to = commas[j + 1];
        j++;
    }
    if (nc && commas[nc - 1] > used_to) {
        int32_t words = (int32_t)c->n - commas[nc - 1] - 1;
        if (words >= o->comma_emin && words <= o->comma_emax)
            for (uint32_t i = (uint32_t)commas[nc - 1]; i < c->n; i++) c->w[i].deleted = 1;
    }
    for (uint32_t k = 0; k < c->nm; k++) {
        mention *m = &c->m[k];
        if (m->dead) continue;
        for (int32_t i = m->start; i < m->end; i++)
            if (c->w[i].deleted) m->dead = 1;
    }
}

void tb_filter_words(tsent *c) {
    c->nf = 0;
    for (uint32_t i = 0; i < c->n; i++)
        if (!c->w[i].deleted) c->f[c->nf++] = (int32_t)i;
    for (uint32_t p = 0; p <= c->nf; p++) c->men_start[p] = c->men_end[p] = -1;
    for (uint32_t p = 0; p < c->nf; p++) {
        int32_t k = c->w[c->f[p]].mention;
        if (k < 0 || c->m[k].dead) continue;
        if (c->m[k].start == c->f[p]) c->men_start[p] = k;
        if (c->m[k].end == c->f[p] + 1) c->men_end[p + 1] = k;
    }
}

int tb_fmention(const tsent *c, uint32_t p) {
    int32_t k = c->w[c->f[p]].mention;
    return k >= 0 && !c->m[k].dead;
}

/* actor_lookup.c - finding the dictionaries' actor phrases in a sentence:
 * each token folded once, then left to right the longest phrase that starts
 * there (through the hash of first words; TABARI stems, hyphenated names,
 * a last word's plural or lemma), recorded as the sentence's mentions. */
#include <ctype.h>
#include <string.h>
#include "base/arena.h"
#include "actor_int.h"

static const char *fold_token(dyad_arena *a, const char *s, uint32_t *len) {
    size_t n = s ? strlen(s) : 0;
    char *out = arena_alloc(a, n + 1);
    if (!out) return NULL;
    size_t k = dict_fold(s ? s : "", n, out, n + 1);
    *len = (uint32_t)k;
    return out;
}

static int has_lower(const char *s) {
    for (; s && *s; s++)
        if (islower((unsigned char)*s)) return 1;
    return 0;
}

/* Is the word w (folded, wl bytes) the plural of the stem s ("congress" ->
 * "congresses", "militia" -> "militias", "ministry" -> "ministries")? */
static int plural_of(const char *s, uint32_t sl, const char *w, uint32_t wl) {
    if (!sl || memchr(s, ' ', sl)) return 0;
    if (wl == sl + 1 && w[sl] == 's' && !memcmp(s, w, sl)) return 1;
    if (wl == sl + 2 && !memcmp(w + sl, "es", 2) && !memcmp(s, w, sl) && strchr("sxzh", s[sl - 1])) return 1;
    return wl == sl + 2 && s[sl - 1] == 'y' && !memcmp(w + sl - 1, "ies", 3) && !memcmp(s, w, sl - 1);
}

/* PETRARCH's dictionaries name the forms they match */
static int literal_forms(const sent_ctx *c) { return !strcmp(c->d->format, "petrarch"); }

/* "turkey", "polish", "plan": a common word is not the capitalised name */
static int case_ok(const sent_ctx *c, const dict_phrase *p, uint32_t i) {
    /* ("Mordor, the Shire, ...": a name's article is written small) */
    if (p->need_upper == NEED_CAPITAL && i + 1 < c->n && !strcmp(c->form_f[i], "the") && p->norm_len > 3) i++;
    return p->need_upper != NEED_CAPITAL || !c->tok[i].form || !islower((unsigned char)c->tok[i].form[0]);
}

/* PETRARCH: "ITHILEN_TELEVISION" names "Ithilen state-run television" - a
 * name goes on past words (at most three, no names of their own) that
 * modify the word continuing it. The token continuing the name at norm
 * position pos after the mismatch at j, or 0. */
static uint32_t modifiers_skipped(const sent_ctx *c, const dict_phrase *p, uint32_t pos, uint32_t j) {
    enum { MAX_SKIP = 3 };
    for (uint32_t g = j + 1; g < c->n && g <= j + MAX_SKIP; g++) {
        uint32_t fl = c->form_len[g];
        if (!fl || pos + fl > p->norm_len || memcmp(p->norm + pos, c->form_f[g], fl)) continue;
        for (uint32_t k = j; k < g; k++) {
            if (c->tok[k].upos && !strcmp(c->tok[k].upos, "PROPN")) return 0;
            int32_t h = (int32_t)k;
            for (int d = 0; d < MAX_DEPTH_WALK && h >= 0 && h != (int32_t)g; d++) h = tree_head(c, h);
            if (h != (int32_t)g) return 0;
        }
        return g;
    }
    return 0;
}

/* Does phrase p match the tokens from i on? Returns the end token or 0. */
static uint32_t match_at(const sent_ctx *c, const dict_phrase *p, uint32_t i) {
    uint32_t pos = 0, j = i;
    if (!case_ok(c, p, i)) return 0;
    while (j < c->n && pos < p->norm_len) {
        if (p->need_upper == NEED_ALL_CAPS && has_lower(c->tok[j].form)) return 0;
        const char *f = c->form_f[j];
        uint32_t fl = c->form_len[j];
        if (fl && pos + fl <= p->norm_len && memcmp(p->norm + pos, f, fl) == 0) {
            pos += fl;
            j++;
            continue;
        }
        /* a TABARI stem: the text's last word may go on ("argentin" ~ "argentina") */
        if (p->stem && fl > p->norm_len - pos && memcmp(p->norm + pos, f, p->norm_len - pos) == 0) return j + 1;
        /* a role's last word may be plural however the lemmatizer took it
         * ("Congresses", "militias", "ministries") */
        /* (PETRARCH lists every form it matches, its loader the regular
         * plurals: "Gondor's polices" is no police there) */
        if (literal_forms(c)) {
            uint32_t g = pos ? modifiers_skipped(c, p, pos, j) : 0;
            if (!g) return 0;
            j = g;
            continue;
        }
        if (p->kind == PHRASE_AGENT && plural_of(p->norm + pos, p->norm_len - pos, f, fl)) return j + 1;
        /* the last word may match by lemma ("rebels" -> "rebel", "ministries") */
        const char *l = c->lemma_f[j];
        uint32_t ll = c->lemma_len[j];
        if (l && ll && pos + ll == p->norm_len && memcmp(p->norm + pos, l, ll) == 0) return j + 1;
        return 0;
    }
    return pos == p->norm_len && j > i ? j : 0;
}

/* The best phrase indexed under the hyphenated word that starts at token i
 * ("Barad-dur", "Al-Qaeda": the dictionary keeps it one word, the tokenizer
 * cuts it at the hyphens), or NULL; its end token goes in *end. */
static const dict_phrase *hyphenated_match(const sent_ctx *c, uint32_t i, uint32_t *end) {
    char word[256];
    size_t n = 0;
    uint32_t k = i;
    for (; k + 2 < c->n && actor_tight_hyphen(c, (int32_t)k + 1); k += 2) {
        if (n + c->form_len[k] + c->form_len[k + 1] >= sizeof word) break;
        memcpy(word + n, c->form_f[k], c->form_len[k]), n += c->form_len[k];
        memcpy(word + n, c->form_f[k + 1], c->form_len[k + 1]), n += c->form_len[k + 1];
    }
    if (k == i || n + c->form_len[k] >= sizeof word) return NULL;
    memcpy(word + n, c->form_f[k], c->form_len[k]), n += c->form_len[k];
    const dict_phrase *best = NULL;
    *end = 0;
    for (const dict_phrase *p = c->d->phrases[dict_word_hash(word, n) & c->d->phrase_mask]; p; p = p->next) {
        uint32_t e = match_at(c, p, i);
        if (e > *end) best = p, *end = e;
    }
    return best;
}

int actors_prepare(sent_ctx *c) {
    dyad_arena *a = c->doc->arena;
    c->form_f = arena_alloc(a, c->n * sizeof *c->form_f);
    c->lemma_f = arena_alloc(a, c->n * sizeof *c->lemma_f);
    c->form_len = arena_alloc(a, c->n * sizeof *c->form_len);
    c->lemma_len = arena_alloc(a, c->n * sizeof *c->lemma_len);
    c->mention = arena_calloc(a, c->n, sizeof *c->mention);
    c->mention_end = arena_calloc(a, c->n, sizeof *c->mention_end);
    c->covered_by = arena_alloc(a, c->n * sizeof *c->covered_by);
    if (!c->form_f || !c->lemma_f || !c->form_len || !c->lemma_len || !c->mention || !c->mention_end ||
        !c->covered_by)
        return -1;
    for (uint32_t i = 0; i < c->n; i++) {
        c->form_f[i] = fold_token(a, c->tok[i].form, &c->form_len[i]);
        c->lemma_len[i] = 0;
        c->lemma_f[i] = c->tok[i].lemma ? fold_token(a, c->tok[i].lemma, &c->lemma_len[i]) : NULL;
        if (!c->form_f[i]) return -1;
        c->covered_by[i] = -1;
    }
    /* left to right, longest first; a matched span is skipped over */
    for (uint32_t i = 0; i < c->n;) {
        const dict_phrase *best = NULL;
        uint32_t best_end = 0;
        if (c->form_len[i]) {
            uint64_t h = dict_word_hash(c->form_f[i], c->form_len[i]);
            for (const dict_phrase *p = c->d->phrases[h & c->d->phrase_mask]; p; p = p->next) {
                uint32_t e = match_at(c, p, i);
                if (e > best_end) best = p, best_end = e;
            }
            /* TABARI stems: a name indexed under a prefix of this word */
            for (uint32_t k = c->form_len[i] - 1; !best && c->d->has_stems && k >= 3; k--) {
                h = dict_word_hash(c->form_f[i], k);
                for (const dict_phrase *p = c->d->phrases[h & c->d->phrase_mask]; p; p = p->next)
                    if (p->stem && p->norm_len >= k && !memcmp(p->norm, c->form_f[i], k)) {
                        uint32_t e = match_at(c, p, i);
                        if (e > best_end) best = p, best_end = e;
                    }
            }
            if (!best) best = hyphenated_match(c, i, &best_end);
            if (!best && c->lemma_f[i] && c->lemma_len[i] && !literal_forms(c)) { /* "Rebels" -> rebel */
                h = dict_word_hash(c->lemma_f[i], c->lemma_len[i]);
                for (const dict_phrase *p = c->d->phrases[h & c->d->phrase_mask]; p; p = p->next)
                    if (p->norm_len == c->lemma_len[i] && !memcmp(p->norm, c->lemma_f[i], p->norm_len) &&
                        !(p->need_upper == NEED_ALL_CAPS && has_lower(c->tok[i].form)) && case_ok(c, p, i)) {
                        best = p, best_end = i + 1;
                        break;
                    }
            }
        }
        if (best) {
            c->mention[i] = best;
            c->mention_end[i] = best_end;
            for (uint32_t k = i; k < best_end; k++) c->covered_by[k] = (int32_t)i;
            i = best_end;
        } else {
            i++;
        }
    }
    return 0;
}

int actors_sentence_discarded(const sent_ctx *c) {
    if (!c->d->has_discards) return 0;
    for (uint32_t i = 0; i < c->n; i++)
        if (c->mention[i] && c->mention[i]->kind == PHRASE_DISCARD) return 1;
    return 0;
}

/* k is a hyphen written tight between two words ("US-Japan") */
int actor_tight_hyphen(const sent_ctx *c, int32_t k) {
    return k > 0 && (uint32_t)k + 1 < c->n && !strcmp(c->tok[k].form, "-") && !c->tok[k - 1].space_after &&
           !c->tok[k].space_after;
}

/* actors.c - actor resolution over token spans: longest-match dictionary
 * look-up (case-folded, through the hash of first words), then composition of
 * the mentions inside a noun phrase (persons with dated roles, countries,
 * demonyms, metonyms, agents, possessives, appositions) into one actor code. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "base/arena.h"
#include "base/util.h"
#include "coder_int.h"
#include "modality.h"
#include "patterns.h"

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

/* Does phrase p match the tokens from i on? Returns the end token or 0. */
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

static int tight_hyphen(const sent_ctx *c, int32_t k);

/* The best phrase indexed under the hyphenated word that starts at token i
 * ("Barad-dur", "Al-Qaeda": the dictionary keeps it one word, the tokenizer
 * cuts it at the hyphens), or NULL; its end token goes in *end. */
static const dict_phrase *hyphenated_match(const sent_ctx *c, uint32_t i, uint32_t *end) {
    char word[256];
    size_t n = 0;
    uint32_t k = i;
    for (; k + 2 < c->n && tight_hyphen(c, (int32_t)k + 1); k += 2) {
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

/* The words of a noun phrase: the head and what modifies it as a name does. */
static int np_relation(const dyad_token *t) {
    static const char *rels[] = {"compound", "amod", "flat", "nmod:poss", "nmod:desc", "appos", "det", "nummod",
                                 "goeswith", NULL};
    if (!t->deprel) return 0;
    for (int i = 0; rels[i]; i++)
        if (deprel_is(t, rels[i])) return 1;
    return 0;
}

/* nmod "of X" / "from X" ("the government of China", "soldiers from Gondor")
 * is part of the name; other nmods are not. */
static int nmod_of(const sent_ctx *c, int32_t k) {
    if (!c->tok[k].deprel || strcmp(c->tok[k].deprel, "nmod")) return 0;
    int32_t h = tree_head(c, k), hm = h >= 0 ? c->covered_by[h] : -1;
    int role_head = hm >= 0 && c->mention[hm] && c->mention[hm]->kind == PHRASE_AGENT;
    for (int32_t g = c->first_child[k]; g >= 0; g = c->next_sibling[g])
        if (deprel_is(&c->tok[g], "case") &&
            (!strcmp(c->form_f[g], "of") || !strcmp(c->form_f[g], "from") ||
             /* PETRARCH: "lawmakers in Arnor" are Arnor's; "an attack in Arnor" is not */
             (!strcmp(c->form_f[g], "in") && strcmp(c->d->format, "dyad") && role_head)))
            return 1;
    return 0;
}

typedef struct np_parts {
    const dict_phrase *person, *actor, *metonym, *adjective, *agent;
    int32_t person_at, actor_at, metonym_at, adjective_at, agent_at;
    int32_t first, last; /* token range that named it */
    int32_t words_first, words_last; /* token range of the whole phrase */
    const dict_phrase *agents[3];
    int32_t agents_at[3];
    int nagents;
} np_parts;

static void note_mention(sent_ctx *c, np_parts *np, int32_t k, int near) {
    int32_t s = c->covered_by[k];
    if (s < 0) return;
    const dict_phrase *p = c->mention[s];
    if (!p) return;
    /* the head's own mention wins over a modifier's of the same kind */
    switch (p->kind) {
    case PHRASE_PERSON: if (!np->person || near) np->person = p, np->person_at = s; break;
    case PHRASE_ACTOR: /* (PETRARCH: the first actor the phrase names, "Ithilen's minister Calimehtar") */
        if (!np->actor || (strcmp(c->d->format, "dyad") ? s < np->actor_at : near)) np->actor = p, np->actor_at = s;
        break;
    case PHRASE_METONYM: if (!np->metonym || near) np->metonym = p, np->metonym_at = s; break;
    case PHRASE_ADJECTIVE: if (!np->adjective || near) np->adjective = p, np->adjective_at = s; break;
    case PHRASE_AGENT:
        if (!np->agent || near) np->agent = p, np->agent_at = s;
        /* all the roles of the phrase, for "Danish Islamist media" -> DNKMUSMED */
        if (np->nagents < 3) {
            int seen = 0;
            for (int i = 0; i < np->nagents; i++) seen |= np->agents_at[i] == s;
            if (!seen) np->agents[np->nagents] = p, np->agents_at[np->nagents++] = s;
        }
        break;
    default: return;
    }
    int32_t e = (int32_t)c->mention_end[s] - 1;
    if (np->first < 0 || s < np->first) np->first = s;
    if (e > np->last) np->last = e;
}

/* PETRARCH reads role words anywhere in the phrase: "the official news
 * agency WFNA" is a government agency - the noun the role word modifies
 * describes a name (nmod:desc, appos, compound on a proper noun) */
static int describes_a_name(const sent_ctx *c, int32_t k) {
    int32_t h = tree_head(c, k);
    if (h < 0 || !c->tok[h].upos || strcmp(c->tok[h].upos, "PROPN")) return 0;
    return deprel_is(&c->tok[k], "nmod:desc") || deprel_is(&c->tok[k], "appos") || deprel_is(&c->tok[k], "compound");
}

/* "an official visit", "a military operation": a role word used as an
 * adjective of a noun that names no one is no actor ("military officials" is;
 * a noun compound may name people the dictionary lacks: "government activists") */
static int adjective_role_on_thing(const sent_ctx *c, int32_t k, int depth) {
    int32_t m = c->covered_by[k], h = tree_head(c, k);
    if (!depth || m < 0 || !c->mention[m] || c->mention[m]->kind != PHRASE_AGENT || h < 0) return 0;
    if (strcmp(c->d->format, "dyad") && describes_a_name(c, h)) return 0;
    if (!deprel_is(&c->tok[k], "amod") || !c->tok[k].upos || strcmp(c->tok[k].upos, "ADJ")) return 0;
    return c->covered_by[h] < 0;
}

static void collect_np(sent_ctx *c, np_parts *np, int32_t h, int depth) {
    if (depth > MAX_DEPTH_WALK) return;
    if (np->words_first < 0 || h < np->words_first) np->words_first = h;
    if (h > np->words_last) np->words_last = h;
    if (!adjective_role_on_thing(c, h, depth)) note_mention(c, np, h, depth == 0);
    for (int32_t k = c->first_child[h]; k >= 0; k = c->next_sibling[k])
        if (np_relation(&c->tok[k]) || nmod_of(c, k) || (deprel_is(&c->tok[k], "conj") && !conj_is_coordinated(c, k)))
            collect_np(c, np, k, depth + 1);
}

int actor_is_time_word(const char *w) {
    static const char *const times[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                        "january", "february", "march", "april", "may", "june", "july", "august",
                                        "september", "october", "november", "december", "today", "yesterday",
                                        "tomorrow", "tonight", "week", "month", "year", "day", "night", "morning",
                                        "evening", "weekend", "time", "jan", "jan.", "feb", "feb.", "mar.",
                                        "apr", "apr.", "jun.", "jul.", "aug", "aug.", "sep", "sep.", "sept",
                                        "sept.", "oct", "oct.", "nov", "nov.", "dec", "dec.", NULL};
    for (int i = 0; times[i]; i++)
        if (!strcmp(w, times[i])) return 1;
    return 0;
}

static const char *pronoun_person(const sent_ctx *c, int32_t h) {
    static const char *pr[] = {"he", "she", "him", "her", NULL};
    for (int i = 0; pr[i]; i++)
        if (!strcmp(c->form_f[h], pr[i])) return pr[i];
    return NULL;
}

/* Join a country (or any actor code) with an agent's role: CHN + GOV -> CHNGOV.
 * PETRARCH writes the side: "~GOV" follows the actor, "NGO~" precedes it. */
static const char *compose(sent_ctx *c, const char *base, const char *role) {
    size_t rl = strlen(role);
    if (rl && role[rl - 1] == '~') return arena_printf(c->doc->arena, "%.*s%s", (int)(rl - 1), role, base);
    if (role[0] == '~') role++, rl--;
    size_t bl = strlen(base);
    if (bl >= rl && !strcmp(base + bl - rl, role)) return base;
    return arena_printf(c->doc->arena, "%s%s", base, role);
}

static const char *bare_role(sent_ctx *c, const char *role) {
    size_t rl = strlen(role);
    if (rl && role[rl - 1] == '~') return arena_strndup(c->doc->arena, role, rl - 1);
    return arena_printf(c->doc->arena, "---%s", role[0] == '~' ? role + 1 : role);
}

static int third_person_pronoun(const sent_ctx *c, int32_t h) {
    static const char *pr[] = {"it", "its", "they", "their", "them", "he", "his", "him", "she", "her", NULL};
    if (!c->tok[h].upos || (strcmp(c->tok[h].upos, "PRON") && strcmp(c->tok[h].upos, "DET"))) return 0;
    for (int i = 0; pr[i]; i++)
        if (!strcmp(c->form_f[h], pr[i])) return 1;
    return 0;
}

/* "Farc said it will release ...", "the army intensified its bombardment":
 * a pronoun stands for the nearest subject above it that is not a pronoun. */
/* the verb of the clause that has h as its object ("Kiir pardoned him"):
 * its subject is never the pronoun's antecedent (that would be "himself");
 * -1 for a subject or a possessive ("Putin visited his country") */
static int32_t own_clause_of_object(const sent_ctx *c, int32_t h) {
    if (deprel_is(&c->tok[h], "nsubj") || deprel_is(&c->tok[h], "nmod:poss") || strcmp(c->d->format, "dyad"))
        return -1;
    static const char *const objective[] = {"him", "her", "them", NULL};
    int obj = 0;
    for (int i = 0; objective[i]; i++) obj |= !strcmp(c->form_f[h], objective[i]);
    if (!obj) return -1;
    int32_t a = tree_head(c, h);
    for (int d = 0; a >= 0 && d < MAX_DEPTH_WALK; d++, a = tree_head(c, a))
        if (c->tok[a].upos && (!strcmp(c->tok[a].upos, "VERB") || !strcmp(c->tok[a].upos, "AUX"))) return a;
    return -1;
}

/* "convicted a militant ... and sentenced him", "released the journalist
 * but barred her from leaving": an object pronoun in a clause joined to
 * (or subordinate to) one with an object stands for that object; -1 none */
static int32_t parallel_object(const sent_ctx *c, int32_t h) {
    int32_t own = own_clause_of_object(c, h), up = own >= 0 ? tree_head(c, own) : -1;
    if (up < 0) return -1;
    /* (a purpose clause, "offered troops to Hrawi to help him", may stand
     * for the one the object was given to) */
    int32_t mark = tree_child(c, own, "mark");
    if (!deprel_is(&c->tok[own], "conj") &&
        !(deprel_is(&c->tok[own], "advcl") && mark >= 0 && strcmp(c->form_f[mark], "to")))
        return -1;
    int32_t o = tree_child(c, up, "obj");
    if (o < 0 || o > h || (c->tok[o].upos && !strcmp(c->tok[o].upos, "PRON"))) return -1;
    return o;
}

int32_t actor_pronoun_antecedent(const sent_ctx *c, int32_t h) {
    int32_t par = parallel_object(c, h);
    if (par >= 0) return par;
    int32_t below = h, cur = tree_head(c, h), own = own_clause_of_object(c, h);
    for (int depth = 0; cur >= 0 && depth < MAX_DEPTH_WALK; depth++) {
        for (int32_t k = cur == own ? -1 : c->first_child[cur]; k >= 0; k = c->next_sibling[k])
            if (k != below && deprel_is(&c->tok[k], "nsubj") && !third_person_pronoun(c, k) &&
                c->tok[k].upos && strcmp(c->tok[k].upos, "PRON") && !actor_is_time_word(c->form_f[k]))
                return k;
        below = cur;
        cur = tree_head(c, cur);
    }
    return -1;
}

static actor_ref resolve_np(sent_ctx *c, int32_t h, int depth);

static int first_person_pronoun(const sent_ctx *c, int32_t h) {
    static const char *pr[] = {"we", "us", "our", "ours", "i", "me", "my", NULL};
    if (!c->tok[h].upos || (strcmp(c->tok[h].upos, "PRON") && strcmp(c->tok[h].upos, "DET"))) return 0;
    for (int i = 0; pr[i]; i++)
        if (!strcmp(c->form_f[h], pr[i])) return 1;
    return 0;
}

/* Who says the clause h stands in: the subject of the speech verb whose
 * ccomp (or parataxis) the clause is, or of a speech verb hung on the
 * clause ("We condemn ...," the ministry said); -1 none */
static int32_t speaker_of(const sent_ctx *c, int32_t h) {
    int32_t cur = h;
    for (int d = 0; d < MAX_DEPTH_WALK; d++) {
        int32_t hd = tree_head(c, cur);
        if (hd < 0) return -1;
        if ((deprel_is(&c->tok[cur], "ccomp") || deprel_is(&c->tok[cur], "parataxis")) && modality_is_speech(c, hd))
            return tree_child_prefix(c, hd, "nsubj");
        for (int32_t k = c->first_child[hd]; k >= 0; k = c->next_sibling[k])
            if (k != cur && k > hd && (deprel_is(&c->tok[k], "parataxis") || deprel_is(&c->tok[k], "dep")) &&
                modality_is_speech(c, k) && tree_child_prefix(c, k, "nsubj") >= 0)
                return tree_child_prefix(c, k, "nsubj");
        cur = hd;
    }
    return -1;
}

/* "Prime Minister Yousaf Raza Gilani": a role word among the words of the
 * name at h */
static int names_a_role(const sent_ctx *c, int32_t h) {
    for (int32_t k = c->first_child[h]; k >= 0; k = c->next_sibling[k]) {
        if (!np_relation(&c->tok[k])) continue;
        int32_t m = c->covered_by[k];
        if (m >= 0 && c->mention[m] && c->mention[m]->kind == PHRASE_AGENT) return 1;
        for (int32_t g = c->first_child[k]; g >= 0; g = c->next_sibling[g]) {
            m = c->covered_by[g];
            if (np_relation(&c->tok[g]) && m >= 0 && c->mention[m] && c->mention[m]->kind == PHRASE_AGENT) return 1;
        }
    }
    return 0;
}

/* "his country", "its government", "their army" (with dyad's own
 * dictionaries): the country of the pronoun's antecedent ("Putin said his
 * country ..." -> RUS); NULL none */
static const char *possessor_country(sent_ctx *c, int32_t h, const np_parts *np, int depth) {
    static const char *const lands[] = {"country", "nation", NULL};
    /* (as a subject only: "withdrew its troops" are the source's own, no one else) */
    if (strcmp(c->d->format, "dyad") || !deprel_is(&c->tok[h], "nsubj")) return NULL;
    int land = 0;
    for (int i = 0; lands[i]; i++) land |= !strcmp(c->form_f[h], lands[i]) || (c->lemma_f[h] && !strcmp(c->lemma_f[h], lands[i]));
    if (!land && !np->agent) return NULL;
    int32_t poss = tree_child(c, h, "nmod:poss");
    if (poss < 0 || !third_person_pronoun(c, poss)) return NULL;
    int32_t ante = actor_pronoun_antecedent(c, poss);
    if (ante < 0) return NULL;
    actor_ref a = resolve_np(c, ante, depth + 1);
    if (strlen(a.code) < 3 || !strncmp(a.code, "---", 3)) return NULL;
    return arena_strndup(c->doc->arena, a.code, 3);
}

/* PETRARCH's new_actor_length: a noun phrase no dictionary knows, of at
 * most that many words, is an actor coded by its own words in capitals,
 * quoted ("Gryffindor's head Minerva McGonagall" -> "GRYFFINDOR HEAD
 * MINERVA MCGONAGALL"; the possessive mark and punctuation are no words) */
static const char *new_actor_code(sent_ctx *c, int32_t h, const np_parts *np) {
    int limit = c->d->new_actor_length;
    const char *upos = c->tok[h].upos;
    if (limit <= 0 || !upos || (strcmp(upos, "NOUN") && strcmp(upos, "PROPN"))) return NULL;
    if (actor_is_time_word(c->form_f[h]) || np->words_first < 0) return NULL;
    /* "ties with Gondor": an actor named anywhere under the phrase is its actor */
    for (uint32_t k = 0; k < c->n; k++) {
        int32_t m = c->covered_by[k];
        if (m < 0 || !c->mention[m] || c->mention[m]->kind == PHRASE_AGENT) continue;
        int32_t a = (int32_t)k;
        for (int steps = 0; a >= 0 && a != h && steps < MAX_DEPTH_WALK; steps++) a = tree_head(c, a);
        if (a == h) return NULL;
    }
    dy_buf b = {0};
    int words = 0;
    buf_putc(&b, '"');
    for (int32_t k = np->words_first; k <= np->words_last; k++) {
        const dyad_token *t = &c->tok[k];
        if ((t->upos && !strcmp(t->upos, "PUNCT")) || (deprel_is(t, "case") && t->form[0] == '\'')) continue;
        if (words++) buf_putc(&b, ' ');
        for (const char *ch = t->form; *ch; ch++) buf_putc(&b, (char)toupper((unsigned char)*ch));
    }
    buf_putc(&b, '"');
    buf_putc(&b, 0);
    const char *code = words && words <= limit && b.data ? arena_strdup(c->doc->arena, b.data) : NULL;
    free(b.data);
    return code;
}

actor_ref actor_resolve(sent_ctx *c, int32_t h) { return resolve_np(c, h, 0); }

static actor_ref resolve_np(sent_ctx *c, int32_t h, int depth) {
    actor_ref r = {"", {0, 0}, h, 0, 0};
    if (h < 0 || (uint32_t)h >= c->n) return r;
    np_parts np = {0};
    np.first = np.last = np.words_first = np.words_last = -1;
    collect_np(c, &np, h, 0);
    /* unresolved, the phrase's words still say who ("Yale", "the attacks") -
     * unless it is a time ("Monday said": a misparsed date is nobody) */
    if (!actor_is_time_word(c->form_f[h])) {
        r.span.off = c->tok[np.words_first].off;
        r.span.len = c->tok[np.words_last].off + c->tok[np.words_last].len - r.span.off;
    }
    const char *code = NULL;
    /* PETRARCH codes a phrase by the first actor it names: "Ithilen's evil
     * minister Calimehtar" is Ithilen's minister, whatever else Calimehtar
     * is; "the population of Gondor of the Prince of Dol Amroth" is Gondor's */
    if (np.person && np.actor && strcmp(c->d->format, "dyad") && np.actor_at < np.person_at &&
        (!np.agent || np.agent_at < np.person_at))
        np.person = NULL;
    if (np.person) {
        code = dict_role_on(np.person->roles, np.person->nroles, c->day, c->have_day);
        if (code && !strcmp(code, "---")) return r; /* known, and no actor on this date */
        if (code) r.is_person = 1;
    }
    /* "a London court", "Moscow police": a capital modifying a role says whose
     * role it is (GBRJUD), as "a British court" does; alone it stands for the
     * government ("Beijing said") */
    const char *metonym_country = NULL;
    if (!code && np.metonym && np.agent && np.metonym_at != np.agent_at && !np.actor && !np.adjective &&
        strlen(np.metonym->code) >= 3)
        metonym_country = arena_strndup(c->doc->arena, np.metonym->code, 3);
    else if (!code && np.metonym) code = np.metonym->code;
    if (!code) {
        const char *base = np.actor ? np.actor->code : np.adjective ? np.adjective->code : metonym_country;
        if (!base && depth < 4) base = possessor_country(c, h, &np, depth);
        /* "Hamas delegation" stays Hamas: a role composes onto a bare country
         * ("Chinese delegation" -> CHNGOV), never onto a group's own code;
         * PETRARCH's dictionaries compose roles onto any actor, as it does */
        if (base && np.agent && (strlen(base) == 3 || strcmp(c->d->format, "dyad"))) {
            /* roles in the order they are written: "MSF Arnor diplomat" -> NGO + ARN + GOV */
            for (int i = 0; i < np.nagents; i++)
                for (int j = i + 1; j < np.nagents; j++)
                    if (np.agents_at[j] < np.agents_at[i]) {
                        const dict_phrase *tp = np.agents[i];
                        int32_t ta = np.agents_at[i];
                        np.agents[i] = np.agents[j], np.agents_at[i] = np.agents_at[j];
                        np.agents[j] = tp, np.agents_at[j] = ta;
                    }
            code = base;
            for (int i = 0; i < np.nagents && code; i++) code = compose(c, code, np.agents[i]->code);
            if (!code) code = base;
        }
        else if (base) code = base;
        else if (np.agent) code = bare_role(c, np.agent->code);
    }
    if (code) {
        /* the span is the whole phrase ("A UN human rights expert"), as a
         * reader marks the actor, not only the words found in a dictionary */
        int32_t first = np.first < 0 || np.words_first < np.first ? np.words_first : np.first;
        int32_t last = np.words_last > np.last ? np.words_last : np.last;
        r.code = code;
        r.span.off = c->tok[first].off;
        r.span.len = c->tok[last].off + c->tok[last].len - r.span.off;
        if (r.is_person) {
            c->mem->last_person_code = code;
            c->mem->last_person_span = r.span;
        }
        return r;
    }
    const char *named = new_actor_code(c, h, &np);
    if (named) {
        r.code = named;
        return r;
    }
    int person = pronoun_person(c, h) != NULL;
    /* '"We condemn the attack," the Egyptian foreign ministry said': "we",
     * "I" in what someone says are the speaker */
    if (depth < 4 && first_person_pronoun(c, h)) {
        int32_t sp = speaker_of(c, h);
        if (sp >= 0 && sp != h && !first_person_pronoun(c, sp)) {
            actor_ref a = resolve_np(c, sp, depth + 1);
            if (a.code[0]) return a;
        }
    }
    if (depth < 4 && h >= 0 && third_person_pronoun(c, h)) {
        int32_t ante = actor_pronoun_antecedent(c, h);
        if (ante >= 0) {
            actor_ref a = resolve_np(c, ante, depth + 1);
            /* "Japan should ...," she said: "she" is a person, not the country */
            /* ("Prime Minister Yousaf Raza Gilani said that he ...": a named
             * holder of a role is a person too) */
            int named_role = c->tok[ante].upos && !strcmp(c->tok[ante].upos, "PROPN") && names_a_role(c, ante);
            /* (so is a name no dictionary knows, in a clause above an object
             * pronoun: "Peter Biar Ajak was released after Kiir pardoned him") */
            int unknown_name = own_clause_of_object(c, h) >= 0 && !a.code[0] && c->tok[ante].upos &&
                               !strcmp(c->tok[ante].upos, "PROPN");
            if ((a.code[0] || a.span.len) &&
                (!person || a.is_person || named_role || unknown_name || ante == parallel_object(c, h)))
                return a;
        }
    }
    /* no subject above to stand for (a flat or broken parse): "it" and "they"
     * stand for the nearest state or group named before them */
    if (depth < 4 && !person && third_person_pronoun(c, h)) {
        for (int32_t k = h - 1; k >= 0; k--) {
            int32_t m = c->covered_by[k];
            if (m < 0 || !c->mention[m]) continue;
            if (c->mention[m]->kind == PHRASE_ACTOR || c->mention[m]->kind == PHRASE_METONYM) {
                actor_ref a = resolve_np(c, m, depth + 1);
                if (a.code[0]) return a;
            }
            k = m;
        }
    }
    /* "..., she said": the last person named before, in this sentence or earlier */
    if (person) {
        const char *code = NULL;
        for (int32_t k = h - 1; k >= 0 && !code; k--) {
            int32_t m = c->covered_by[k];
            if (m >= 0 && c->mention[m] && c->mention[m]->kind == PHRASE_PERSON) {
                const dict_phrase *p = c->mention[m];
                code = dict_role_on(p->roles, p->nroles, c->day, c->have_day);
                if (code && !strcmp(code, "---")) code = NULL;
                k = m;
            }
        }
        /* (never a person named after the pronoun: "... said that he has
         * rejected a request from his counterpart Gordon Brown") */
        if (!code && c->mem->last_person_span.off < c->tok[h].off) code = c->mem->last_person_code;
        if (code) {
            r.code = code;
            r.span.off = c->tok[h].off;
            r.span.len = c->tok[h].len;
            r.is_person = 1;
        }
    }
    return r;
}

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

/* k is a hyphen written tight between two words ("US-Japan") */
static int tight_hyphen(const sent_ctx *c, int32_t k) {
    return k > 0 && (uint32_t)k + 1 < c->n && !strcmp(c->tok[k].form, "-") && !c->tok[k - 1].space_after &&
           !c->tok[k].space_after;
}

/* the first and last word of the hyphen chain of actor names through k */
static int hyphen_chain(const sent_ctx *c, int32_t k, int32_t *first, int32_t *last) {
    if (!modifier_code(c, k)) return 0;
    int32_t a = k, b = k;
    while (a >= 2 && tight_hyphen(c, a - 1) && modifier_code(c, a - 2)) a -= 2;
    while ((uint32_t)b + 2 < c->n && tight_hyphen(c, b + 1) && modifier_code(c, b + 2)) b += 2;
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

void actors_remember_persons(sent_ctx *c) {
    for (int32_t k = (int32_t)c->n - 1; k >= 0; k--) {
        int32_t m = c->covered_by[k];
        if (m < 0 || !c->mention[m] || c->mention[m]->kind != PHRASE_PERSON) continue;
        const dict_phrase *p = c->mention[m];
        const char *code = dict_role_on(p->roles, p->nroles, c->day, c->have_day);
        if (code && strcmp(code, "---")) {
            c->mem->last_person_code = code;
            c->mem->last_person_span = (dyad_span){c->tok[m].off, c->tok[k].off + c->tok[k].len - c->tok[m].off};
            return;
        }
        k = m;
    }
}

static int in_subtree_first(sent_ctx *c, int32_t h, const char *not_code, int32_t skip, actor_ref *out, int depth) {
    if (depth > MAX_DEPTH_WALK || h == skip) return 0;
    if (c->covered_by[h] >= 0 && !adjective_role_on_thing(c, h, 1)) {
        actor_ref r = actor_resolve(c, h);
        if (r.code[0] && (!not_code || strcmp(r.code, not_code))) {
            *out = r;
            return 1;
        }
    }
    for (int32_t k = c->first_child[h]; k >= 0; k = c->next_sibling[k])
        if (in_subtree_first(c, k, not_code, skip, out, depth + 1)) return 1;
    return 0;
}

actor_ref actor_first_in_subtree(sent_ctx *c, int32_t h, const char *not_code, int32_t skip) {
    actor_ref r = {"", {0, 0}, -1, 0, 0};
    if (h >= 0 && (uint32_t)h < c->n) in_subtree_first(c, h, not_code, skip, &r, 0);
    return r;
}

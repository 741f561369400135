/* pattern_seq.c - PETRARCH's linear patterns: a pattern's words matched in
 * order before and after the verb, its synsets' alternatives, and the actors
 * named before and after a verb as PETRARCH's word sequences find them. */
#include <string.h>
#include "coder_int.h"
#include "pattern_int.h"
#include "patterns.h"

/* A linear pattern is words around the verb: those after '*' are looked for in order
 * among the words after the verb in its phrase (its subtree), those before it,
 * nearest first, among the words before it in its clause and the clauses it
 * hangs on (an xcomp's "was seen to break", a ccomp's "said it would"). '_'
 * joins words that must be next to each other; between others any words may
 * come. '+' and '$' are the next actor named (target, source), '%' a
 * compound target ("X and Y"), '^' passes over one noun phrase; "{a b|c}"
 * is a synset, one of its members. Words match the text as written, not
 * lemmas. */

enum { SEQ_MAX_ITEMS = 32, SEQ_BUDGET = 4000 };

typedef struct seq_item { const char *w; uint32_t n; char joined; } seq_item; /* joined: to the item nearer the verb */

typedef struct seq_run {
    const sent_ctx *c;
    const int32_t *tok;  /* the words to search, nearest the verb first */
    size_t ntok;
    int dir;             /* +1 after the verb, -1 before it */
    int budget;
    int32_t plus, dollar;
    int words;           /* pattern words and markers matched so far */
} seq_run;

/* "inching nearer [to accord with Gondor]": an infinitive hung on an
 * adjective with no subject of its own completes the verb the adjective
 * completes; that verb, or -1 */
static int32_t adjective_complement_verb(const sent_ctx *c, int32_t k) {
    int32_t h = tree_head(c, k);
    if (h < 0 || !deprel_is(&c->tok[k], "acl") || deprel_is(&c->tok[k], "acl:relcl") || !infinitive_to(c, k) ||
        !c->tok[h].upos || strcmp(c->tok[h].upos, "ADJ") || tree_child_prefix(c, h, "nsubj") >= 0)
        return -1;
    int32_t g = tree_head(c, h);
    return g >= 0 && c->tok[g].upos && !strcmp(c->tok[g].upos, "VERB") ? g : -1;
}

/* the top of the clauses v hangs on: "Gollum was seen [to break]", "said [it would free]" */
static int32_t clause_chain_top(const sent_ctx *c, int32_t v) {
    int32_t top = v;
    for (int d = 0; d < MAX_DEPTH_WALK; d++) {
        int32_t h = tree_head(c, top);
        const dyad_token *t = &c->tok[top];
        int32_t g = adjective_complement_verb(c, top);
        if (g >= 0) {
            top = g;
            continue;
        }
        /* ("is inching nearer to accord with": an infinitive the parse hung on the verb as advcl) */
        if (h < 0 || !(deprel_is(t, "xcomp") || deprel_is(t, "ccomp") || deprel_is(t, "conj") || deprel_is(t, "parataxis") ||
                       (deprel_is(t, "advcl") && infinitive_to(c, top) && top > h)))
            break;
        top = h;
    }
    return top;
}

static int is_nominal(const sent_ctx *c, int32_t t) {
    const char *u = c->tok[t].upos ? c->tok[t].upos : "";
    return !strcmp(u, "NOUN") || !strcmp(u, "PROPN") || !strcmp(u, "PRON") || !strcmp(u, "NUM");
}

static int starts_actor(const sent_ctx *c, int32_t t) {
    int32_t m = c->covered_by[t];
    return m >= 0 && c->mention[m] && c->mention[m]->kind != PHRASE_DISCARD;
}

/* the head of the noun phrase an actor name at t stands in */
static int32_t name_head(const sent_ctx *c, int32_t t) {
    int32_t m = c->covered_by[t];
    int32_t h = m >= 0 ? (int32_t)c->mention_end[m] - 1 : t, lo = m >= 0 ? m : t, hi = h;
    for (int d = 0; d < MAX_DEPTH_WALK; d++) {
        int32_t up = tree_head(c, h);
        const dyad_token *k = &c->tok[h];
        if (up < 0 || !(deprel_is(k, "compound") || deprel_is(k, "flat") || deprel_is(k, "amod") ||
                        deprel_is(k, "nmod:poss") || deprel_is(k, "fixed")))
            break;
        /* ("at the Gondor of the Prince of Dol Amroth" with "Amroth" hung as
         * a flat part of "Gondor": the words of one name are next to each
         * other, so a flat head away from the name is a misparse) */
        if (deprel_is(k, "flat") && (up < lo - 1 || up > hi + 1)) break;
        h = up;
        if (h < lo) lo = h;
        if (h > hi) hi = h;
    }
    return h;
}

/* how many of the words from position q on belong to the phrase at q (an
 * actor's name, or a run of nouns) */
static size_t phrase_len(const seq_run *r, size_t q, int actor) {
    const sent_ctx *c = r->c;
    int32_t m = c->covered_by[r->tok[q]];
    size_t e = q + 1;
    while (e < r->ntok) {
        int32_t t = r->tok[e];
        if (m >= 0 && c->covered_by[t] == m) e++;
        else if (!actor && m < 0 && is_nominal(c, t) && (r->tok[e] - r->tok[e - 1]) == r->dir) e++;
        else break;
    }
    return e - q;
}

static int word_at(const seq_run *r, size_t q, const seq_item *it) {
    const char *f = r->c->form_f[r->tok[q]];
    return strlen(f) == it->n && !strncmp(f, it->w, it->n);
}

static int seq_from(seq_run *r, const seq_item *it, size_t ni, size_t pos);

/* split "a_b c" (text order) into items; the first is joined as `first_joined` */
static size_t seq_words_of(const char *s, size_t n, seq_item *it, size_t cap, int first_joined) {
    size_t k = 0;
    char sep = first_joined ? '_' : ' ';
    const char *e = s + n;
    while (s < e && k < cap) {
        size_t l = 0;
        while (s + l < e && s[l] != ' ' && s[l] != '_') l++;
        if (l) it[k++] = (seq_item){s, (uint32_t)l, sep == '_'};
        s += l;
        if (s < e) sep = *s++;
    }
    return k;
}

/* "{dollars|austrian florin|golden_goblin_galleons}": a synset's members,
 * each a phrase; one of them here, then the rest of the pattern. Before the
 * verb the phrase is read backwards, each word joined to the one after it. */
static int seq_group(seq_run *r, const seq_item *it, size_t ni, size_t pos) {
    const char *a = it->w + 1, *end = it->w + it->n - 1;
    while (a < end) {
        size_t al = 0;
        while (a + al < end && a[al] != '|') al++;
        seq_item alt[8], tmp[SEQ_MAX_ITEMS + 8];
        size_t na = seq_words_of(a, al, alt, 8, it->joined);
        if (na && na + ni - 1 <= SEQ_MAX_ITEMS + 8) {
            if (r->dir < 0) { /* reversed: the last word first */
                seq_item rev[8];
                for (size_t k = 0; k < na; k++) {
                    rev[k] = alt[na - 1 - k];
                    rev[k].joined = k ? alt[na - k].joined : it->joined;
                }
                memcpy(alt, rev, na * sizeof *alt);
            }
            memcpy(tmp, alt, na * sizeof *alt);
            memcpy(tmp + na, it + 1, (ni - 1) * sizeof *it);
            if (seq_from(r, tmp, na + ni - 1, pos)) return 1;
        }
        a += al + 1;
    }
    return 0;
}

static int seq_from(seq_run *r, const seq_item *it, size_t ni, size_t pos) {
    if (!ni) return 1;
    if (it->n >= 2 && it->w[0] == '{') return seq_group(r, it, ni, pos);
    for (size_t q = pos; q < r->ntok; q++) {
        if (--r->budget < 0) return 0;
        size_t len = 0;
        if (it->n == 1 && (*it->w == '+' || *it->w == '$')) {
            if (starts_actor(r->c, r->tok[q])) len = phrase_len(r, q, 1);
        } else if (it->n == 1 && *it->w == '%') { /* a compound target: "agrees with X and Y" */
            int32_t heads[2];
            if (starts_actor(r->c, r->tok[q]) && expand_conj(r->c, name_head(r->c, r->tok[q]), heads, 2) > 1)
                len = phrase_len(r, q, 1);
        } else if (it->n == 1 && *it->w == '^') {
            if (starts_actor(r->c, r->tok[q]) || is_nominal(r->c, r->tok[q])) len = phrase_len(r, q, 0);
        } else if (word_at(r, q, it)) {
            len = 1;
        }
        if (len) {
            int32_t save_plus = r->plus, save_dollar = r->dollar;
            if ((*it->w == '+' || *it->w == '%') && it->n == 1) r->plus = name_head(r->c, r->tok[q]);
            if (*it->w == '$' && it->n == 1) r->dollar = name_head(r->c, r->tok[q]);
            r->words++;
            if (seq_from(r, it + 1, ni - 1, q + len)) return 1;
            r->words--;
            r->plus = save_plus, r->dollar = save_dollar;
        }
        if (it->joined) return 0; /* '_': only the very next word */
    }
    return 0;
}

/* split "a_b * {c d|e} f" into items ({..} one item); *star = index of '*' */
static size_t seq_items(const char *s, seq_item *it, size_t cap, size_t *star) {
    size_t n = 0;
    char sep = ' ';
    *star = cap;
    while (*s && n < cap) {
        size_t l = *s == '{' && strchr(s, '}') ? (size_t)(strchr(s, '}') - s) + 1 : strcspn(s, " _");
        if (l) {
            it[n] = (seq_item){s, (uint32_t)l, sep == '_'};
            if (l == 1 && *s == '*') *star = n;
            n++;
        }
        s += l;
        sep = *s;
        if (*s) s++;
    }
    return n;
}

int seq_match(const sent_ctx *c, int32_t v, const dict_pattern *p, pattern_hit *hit) {
    seq_item it[SEQ_MAX_ITEMS], lower[SEQ_MAX_ITEMS];
    size_t star;
    size_t n = seq_items(p->seq, it, SEQ_MAX_ITEMS, &star);
    if (star >= n) return 0;
    int32_t toks[MAX_SENT_TOKENS];
    seq_run r = {c, toks, 0, 1, SEQ_BUDGET, -1, -1, 0};
    /* after the verb (and its +words): the rest of its phrase; the first
     * item is joined to the verb if the '*' was */
    int32_t after = hit->nparticles ? hit->particle_tok[hit->nparticles - 1] : v;
    for (int32_t j = after + 1; j < (int32_t)c->n; j++)
        if (in_subtree(c, j, v)) toks[r.ntok++] = j;
    if (!seq_from(&r, it + star + 1, n - star - 1, 0)) return 0;
    /* before the verb, nearest first: the items in reverse, each joined to
     * the one after it */
    size_t nl = 0;
    for (size_t k = star; k-- > 0;) {
        lower[nl] = it[k];
        lower[nl].joined = it[k + 1].joined;
        nl++;
    }
    int32_t top = clause_chain_top(c, v);
    seq_run l = {c, toks, 0, -1, SEQ_BUDGET, r.plus, r.dollar, 0};
    for (int32_t i = v - 1; i >= 0; i--)
        if (in_subtree(c, i, top)) toks[l.ntok++] = i;
    if (!seq_from(&l, lower, nl, 0)) return 0;
    if (l.plus >= 0) hit->target = l.plus;
    if (l.dollar >= 0) hit->source = l.dollar;
    hit->seq_score = (uint8_t)(r.words + l.words > 200 ? 200 : r.words + l.words);
    return 1;
}

int32_t seq_first_actor_before(const sent_ctx *c, int32_t v) { return seq_actor_before(c, v, v); }

/* i sits in a clause that modifies a noun below top ("a woman [believed
 * linked to Al-Qaeda] [who shot at ...] was extradited"): that clause
 * describes the subject, it does not name who acts */
static int in_noun_clause(const sent_ctx *c, int32_t i, int32_t top) {
    for (int d = 0; i >= 0 && i != top && d < MAX_DEPTH_WALK; d++, i = tree_head(c, i))
        if (deprel_is(&c->tok[i], "acl") || deprel_is(&c->tok[i], "acl:relcl")) return 1;
    return 0;
}

int32_t seq_actor_before(const sent_ctx *c, int32_t v, int32_t from) {
    /* its own clause, and those whose xcomp or ccomp it is ("was seen to
     * break", "Ethiopia indicated [it] deplored Libya") */
    int32_t top = v;
    for (int d = 0; d < MAX_DEPTH_WALK && tree_head(c, top) >= 0; d++) {
        int32_t g = adjective_complement_verb(c, top);
        if (g >= 0) top = g;
        else if (deprel_is(&c->tok[top], "xcomp") || deprel_is(&c->tok[top], "ccomp")) top = tree_head(c, top);
        else break;
    }
    for (int32_t i = from - 1; i >= 0; i--)
        if (in_subtree(c, i, top) && starts_actor(c, i) && (from == v || name_head(c, i) != from) &&
            !in_noun_clause(c, i, top))
            return name_head(c, i);
    return -1;
}

/* j is in v's phrase, not in a clause set beside it ("..., a senior Bree
 * official said": a parataxis is another statement) */
static int in_own_phrase(const sent_ctx *c, int32_t j, int32_t v) {
    for (int d = 0; j >= 0 && d < MAX_DEPTH_WALK; d++, j = tree_head(c, j)) {
        if (j == v) return 1;
        if (deprel_is(&c->tok[j], "parataxis")) return 0;
    }
    return 0;
}

int32_t seq_nth_actor_after(const sent_ctx *c, int32_t v, int32_t not, int nth) {
    for (int32_t j = v + 1; j < (int32_t)c->n; j++) {
        if (!in_own_phrase(c, j, v) || !starts_actor(c, j)) continue;
        int32_t h = name_head(c, j);
        if (h != not && h != v && --nth <= 0) return h;
        int32_t m = c->covered_by[j];
        while (j + 1 < (int32_t)c->n && m >= 0 && c->covered_by[j + 1] == m) j++; /* past the name */
    }
    return -1;
}

int32_t seq_first_actor_after(const sent_ctx *c, int32_t v, int32_t not) { return seq_nth_actor_after(c, v, not, 1); }


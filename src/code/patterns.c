/* patterns.c - predicate patterns over the dependency tree: which dictionary
 * pattern a verb or event noun satisfies (particle, object, preposition, or
 * PETRARCH's word sequences around the verb), and where its source and target
 * are (subject, by-agent of a passive, conjuncts, inherited subjects of
 * xcomp/conj, possessors and light verbs of nouns). */
#include <string.h>
#include "coder_int.h"
#include "modality.h"
#include "patterns.h"

int deprel_is(const dyad_token *t, const char *rel) {
    if (!t->deprel) return 0;
    size_t n = strlen(rel);
    return !strncmp(t->deprel, rel, n) && (t->deprel[n] == 0 || (t->deprel[n] == ':' && !strchr(rel, ':')));
}

int32_t tree_head(const sent_ctx *c, int32_t i) {
    int32_t h = c->tok[i].head;
    return h >= 1 && (uint32_t)h <= c->n ? h - 1 : -1;
}

int32_t tree_child(const sent_ctx *c, int32_t h, const char *deprel) {
    for (int32_t k = c->first_child[h]; k >= 0; k = c->next_sibling[k])
        if (c->tok[k].deprel && !strcmp(c->tok[k].deprel, deprel)) return k;
    return -1;
}

int32_t tree_child_prefix(const sent_ctx *c, int32_t h, const char *prefix) {
    for (int32_t k = c->first_child[h]; k >= 0; k = c->next_sibling[k])
        if (deprel_is(&c->tok[k], prefix)) return k;
    return -1;
}

static int has_case(const sent_ctx *c, int32_t k, const char *prep) {
    for (int32_t g = c->first_child[k]; g >= 0; g = c->next_sibling[g])
        if ((deprel_is(&c->tok[g], "case") || deprel_is(&c->tok[g], "mark")) && !strcmp(c->form_f[g], prep))
            return 1;
    return 0;
}

static int infinitive_to(const sent_ctx *c, int32_t k) {
    for (int32_t g = c->first_child[k]; g >= 0; g = c->next_sibling[g])
        if (deprel_is(&c->tok[g], "mark") && !strcmp(c->form_f[g], "to") && c->tok[g].upos &&
            !strcmp(c->tok[g].upos, "PART"))
            return 1;
    return 0;
}

/* a time: "Saturday", "Nov." (lemma November), or a day number with its
 * month ("Nov. 18", "18 November") */
static int time_phrase(const sent_ctx *c, int32_t k) {
    if (actor_is_time_word(c->form_f[k]) || (c->lemma_f[k] && actor_is_time_word(c->lemma_f[k]))) return 1;
    if (!c->tok[k].upos || strcmp(c->tok[k].upos, "NUM")) return 0;
    for (int32_t g = c->first_child[k]; g >= 0; g = c->next_sibling[g])
        if (actor_is_time_word(c->form_f[g]) || (c->lemma_f[g] && actor_is_time_word(c->lemma_f[g]))) return 1;
    return 0;
}

/* The obl/nmod child of h introduced by prep (also "obl:agent", "nmod:..."),
 * or a clause it introduces ("an investigation into whether X ..."). */
int32_t prep_object_of(const sent_ctx *c, int32_t h, const char *prep) {
    for (int32_t k = c->first_child[h]; k >= 0; k = c->next_sibling[k]) {
        const dyad_token *t = &c->tok[k];
        /* ("sent troops to serve": an infinitive's "to" is no preposition) */
        int clause = deprel_is(t, "advcl") || deprel_is(t, "acl");
        if (!(deprel_is(t, "obl") || deprel_is(t, "nmod") || clause) || !has_case(c, k, prep) ||
            (clause && infinitive_to(c, k)))
            continue;
        /* "called X on Saturday", "On Nov. 18, X called": the time's
         * preposition is not the verb's */
        if (deprel_is(t, "obl:tmod") || time_phrase(c, k)) continue;
        return k;
    }
    return -1;
}

int is_passive(const sent_ctx *c, int32_t v) {
    return tree_child(c, v, "nsubj:pass") >= 0 || tree_child(c, v, "aux:pass") >= 0;
}

/* the direct object; in a passive the subject is what was done to */
static int32_t direct_object(const sent_ctx *c, int32_t v) {
    int32_t o = tree_child(c, v, "nsubj:pass");
    return o >= 0 ? o : tree_child(c, v, "obj");
}

/* "threatened on Monday to break ...": a time, or a word of its phrase */
static int time_word_at(const sent_ctx *c, int32_t j) {
    int32_t h = tree_head(c, j);
    return actor_is_time_word(c->form_f[j]) || (h > j && actor_is_time_word(c->form_f[h]) &&
                                                (deprel_is(&c->tok[j], "case") || deprel_is(&c->tok[j], "det")));
}

/* The +words: a single particle may be a compound:prt child anywhere ("called
 * the talks off"); a sequence follows the head in order, skipping adverbs and
 * auxiliaries ("vowed to quickly withdraw"). */
static int particles_ok(const sent_ctx *c, int32_t v, const dict_pattern *p, pattern_hit *hit) {
    if (p->nparticles == 1) {
        for (int32_t k = c->first_child[v]; k >= 0; k = c->next_sibling[k])
            if (deprel_is(&c->tok[k], "compound") && !strcmp(c->form_f[k], p->particle[0])) {
                hit->particle_tok[hit->nparticles++] = k;
                return 1;
            }
    }
    uint32_t j = (uint32_t)v + 1;
    int skipped = 0;
    for (int i = 0; i < p->nparticles; i++) {
        while (j < c->n && strcmp(c->form_f[j], p->particle[i]) &&
               !(c->lemma_f[j] && !strcmp(c->lemma_f[j], p->particle[i]))) {
            const char *u = c->tok[j].upos ? c->tok[j].upos : "";
            if (++skipped > 3 || (strcmp(u, "ADV") && strcmp(u, "AUX") && strcmp(u, "PART") && !time_word_at(c, j)))
                return 0;
            j++;
        }
        if (j >= c->n) return 0;
        hit->particle_tok[hit->nparticles++] = (int32_t)j++;
    }
    return 1;
}

static int lemma_is(const sent_ctx *c, int32_t k, const char *lemma) {
    return (c->lemma_f[k] && !strcmp(c->lemma_f[k], lemma)) || !strcmp(c->form_f[k], lemma);
}

/* The words whose dependents may hold the pattern's object and target: the
 * head, its +words ("vow +to +work with"), and the object ("cut *ties with"). */
static size_t anchors(int32_t v, const pattern_hit *hit, int32_t *out) {
    size_t n = 0;
    out[n++] = v;
    for (int i = hit->nparticles - 1; i >= 0; i--) out[n++] = hit->particle_tok[i];
    if (hit->object >= 0) out[n++] = hit->object;
    return n;
}

/* the phrase at k is introduced by one of the pattern's +words */
static int case_is_particle(const sent_ctx *c, int32_t k, const pattern_hit *hit) {
    for (int32_t g = c->first_child[k]; g >= 0; g = c->next_sibling[g])
        if (deprel_is(&c->tok[g], "case"))
            for (int i = 0; i < hit->nparticles; i++)
                if (hit->particle_tok[i] == g || !strcmp(c->form_f[hit->particle_tok[i]], c->form_f[g])) return 1;
    return 0;
}

/* The noun that ends the noun phrase right after v ("welcomed [cultural
 * memos]"), or -1: only articles, numbers, adjectives and nouns before it */
static int32_t noun_right_after(const sent_ctx *c, int32_t v) {
    for (int32_t j = v + 1; j < (int32_t)c->n; j++) {
        const char *u = c->tok[j].upos ? c->tok[j].upos : "";
        int nominal = !strcmp(u, "NOUN") || !strcmp(u, "PROPN");
        int next_nominal = j + 1 < (int32_t)c->n && c->tok[j + 1].upos &&
                           (!strcmp(c->tok[j + 1].upos, "NOUN") || !strcmp(c->tok[j + 1].upos, "PROPN"));
        if (nominal && !next_nominal) return j;
        if (!nominal && strcmp(u, "ADJ") && strcmp(u, "DET") && strcmp(u, "NUM")) return -1;
    }
    return -1;
}

static int32_t named_object(const sent_ctx *c, int32_t v, const pattern_hit *hit, const char *lemma, int has_mods) {
    int32_t an[6];
    size_t na = anchors(v, hit, an);
    for (size_t a = 0; a < na; a++) {
        int32_t o = direct_object(c, an[a]);
        if (o >= 0 && lemma_is(c, o, lemma)) return o;
        /* PETRARCH's "FIRE * ARTILLERY" matches words after the verb: "fired
         * two artillery shells" names it as the object's compound, "RENEW *
         * DIPLOMATIC" as its adjective (not when the pattern names the
         * object's modifiers itself, "{THE FULL}") */
        if (o >= 0 && c->d->format[0] != 'd') /* not dyad's own format */
            for (int32_t k = c->first_child[o]; k >= 0; k = c->next_sibling[k]) {
                if ((deprel_is(&c->tok[k], "compound") || (!has_mods && deprel_is(&c->tok[k], "amod"))) &&
                    lemma_is(c, k, lemma))
                    return o;
                /* "launched a new bombing and shelling offensive": a conjunct of the object is one too */
                if (deprel_is(&c->tok[k], "conj") && lemma_is(c, k, lemma)) return k;
            }
        /* (an xcomp "to attack" is a verb: "threaten +to +attack", not "threaten
         * *attack"; with dyad's own dictionaries, when the verb has an object of
         * its own, a phrase with a preposition is the object only when the
         * preposition is one of the +words - "rejected the resolution in a
         * vote" is no "reject *vote") */
        int own_object = o >= 0 && an[a] == v;
        for (int32_t k = c->first_child[an[a]]; k >= 0; k = c->next_sibling[k])
            if ((((deprel_is(&c->tok[k], "obl") || deprel_is(&c->tok[k], "nmod")) &&
                  (c->d->format[0] != 'd' || !own_object || case_is_particle(c, k, hit))) ||
                 deprel_is(&c->tok[k], "obj") || (deprel_is(&c->tok[k], "xcomp") && !infinitive_to(c, k)) ||
                 deprel_is(&c->tok[k], "nsubj")) &&
                lemma_is(c, k, lemma))
                return k;
    }
    /* PETRARCH reads the words after the verb: with no object in the parse
     * ("welcomed cultural memos sent by Bree" with "memos" hung on a later
     * word), the noun heading the phrase right after the verb still is one */
    if (c->d->format[0] != 'd' && direct_object(c, v) < 0) {
        int32_t o = noun_right_after(c, v);
        if (o >= 0 && lemma_is(c, o, lemma)) return o;
    }
    /* PETRARCH's "VOW * WAR": "vowed to wage war" - the object of the clause
     * the verb governs, as its phrase runs on */
    for (int32_t k = c->d->format[0] != 'd' ? c->first_child[v] : -1; k >= 0; k = c->next_sibling[k]) {
        if (!(deprel_is(&c->tok[k], "xcomp") || (deprel_is(&c->tok[k], "advcl") && infinitive_to(c, k)))) continue;
        int32_t o = tree_child(c, k, "obj");
        if (o >= 0 && lemma_is(c, o, lemma)) return o;
    }
    return -1;
}

static int word_in_alternatives(const sent_ctx *c, int32_t t, const char *alts) {
    const char *w[2] = {c->form_f[t], c->lemma_f[t]};
    for (int i = 0; i < 2; i++) {
        if (!w[i]) continue;
        size_t wl = strlen(w[i]);
        for (const char *a = alts; *a;) {
            size_t al = strcspn(a, "|");
            if (al == wl && !strncmp(a, w[i], wl)) return 1;
            a += al + (a[al] == '|');
        }
    }
    return 0;
}

/* PETRARCH's "{NEW &TIETYPES RELATIONS}": the words of the phrase come before
 * its head in order, the last right before it ("new global economic
 * relations", not "new economic trade relations"), each one of its "a|b"
 * alternatives, inside the head's phrase */
static int mods_before(const sent_ctx *c, int32_t o, const char *const *mods) {
    int n = 0;
    while (n < 3 && mods[n]) n++;
    int32_t t = o - 1;
    for (int m = n - 1; m >= 0; m--, t--) {
        while (m < n - 1 && t >= 0 && !word_in_alternatives(c, t, mods[m]) && tree_head(c, t) > t &&
               tree_head(c, t) <= o)
            t--;
        /* ("death and injury toll": the word is coordinated with another before it) */
        if (t >= 0 && !word_in_alternatives(c, t, mods[m]) && deprel_is(&c->tok[t], "conj") && tree_head(c, t) < t &&
            tree_head(c, t) >= 0 && word_in_alternatives(c, tree_head(c, t), mods[m]))
            t = tree_head(c, t);
        if (t < 0 || !word_in_alternatives(c, t, mods[m])) return 0;
        int32_t h = tree_head(c, t);
        if (h < t || h > o) return 0;
    }
    return 1;
}

/* ---- PETRARCH's linear patterns ---------------------------------------------
 * A pattern is words around the verb: those after '*' are looked for in order
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

static int in_subtree(const sent_ctx *c, int32_t i, int32_t top) {
    for (int d = 0; i >= 0 && d < MAX_DEPTH_WALK; d++, i = tree_head(c, i))
        if (i == top) return 1;
    return 0;
}

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

static int seq_match(const sent_ctx *c, int32_t v, const dict_pattern *p, pattern_hit *hit) {
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

/* w comes right after the preposition of the phrase headed by k, articles aside */
static int right_after_prep(const sent_ctx *c, int32_t k, int32_t w) {
    int32_t cs = tree_child(c, k, "case");
    if (cs < 0 || cs > w) return 1;
    for (int32_t t = cs + 1; t < w; t++)
        if (!c->tok[t].upos || strcmp(c->tok[t].upos, "DET")) return 0;
    return 1;
}

int pattern_match(const sent_ctx *c, int32_t v, const dict_pattern *p, pattern_hit *hit) {
    memset(hit, 0, sizeof *hit);
    hit->target = -1;
    hit->source = -1;
    hit->object = -1;
    if (p->nparticles && !particles_ok(c, v, p, hit)) return 0;
    if (p->subject) { /* "{DEATH TOLL} *": "Eriador's death toll has risen" */
        int32_t sj = tree_child_prefix(c, v, "nsubj");
        if (sj < 0 || !lemma_is(c, sj, p->subject) || !mods_before(c, sj, p->subject_mods)) return 0;
    }
    if (p->object) {
        int32_t o = named_object(c, v, hit, p->object, p->object_mods[0] != NULL);
        if (o < 0) return 0;
        if (!mods_before(c, o, p->object_mods)) return 0;
        hit->object = o;
    }
    int32_t an[6];
    size_t na = anchors(v, hit, an);
    if (p->pp_prep) {
        int found = 0;
        for (size_t a = 0; a < na && !found; a++) {
            int32_t k = prep_object_of(c, an[a], p->pp_prep);
            /* "(FOR ASYLUM)": the word right after the preposition (and its
             * article) - "for asylum", not "for foreign asylum"; "(ON
             * &TIETYPES)": "on economic issues", a word of the phrase */
            /* ("(FOR &ECONSANCT)" with its member "TOTAL BOYCOTT": the noun
             * with the member's words before it, "for a total boycott") */
            if (k >= 0 && p->pp_mods[0]) {
                if (lemma_is(c, k, p->pp_noun) && mods_before(c, k, p->pp_mods)) found = 1;
                continue;
            }
            if (k >= 0 && (!p->pp_noun || (lemma_is(c, k, p->pp_noun) && right_after_prep(c, k, k)))) found = 1;
            for (int32_t g = k >= 0 && p->pp_noun ? c->first_child[k] : -1; g >= 0 && !found; g = c->next_sibling[g])
                if ((deprel_is(&c->tok[g], "amod") || deprel_is(&c->tok[g], "compound")) && lemma_is(c, g, p->pp_noun) &&
                    right_after_prep(c, k, g))
                    found = 1;
            /* "(TO FREEZE)": the phrase may be a clause ("to freeze") */
            for (int32_t g = c->first_child[an[a]]; g >= 0 && !found; g = c->next_sibling[g])
                if ((deprel_is(&c->tok[g], "xcomp") || deprel_is(&c->tok[g], "advcl")) && p->pp_noun &&
                    lemma_is(c, g, p->pp_noun) && has_case(c, g, p->pp_prep))
                    found = 1;
        }
        if (!found) return 0;
    }
    if (p->prep) {
        int32_t t = -1;
        for (size_t a = 0; a < na && t < 0; a++) t = prep_object_of(c, an[a], p->prep);
        /* "celebrated Eid at Osgiliath with Gondor" with "with Gondor" hung on
         * the place: a phrase attached one level too low still belongs to the verb */
        for (int32_t k = c->first_child[v]; k >= 0 && t < 0; k = c->next_sibling[k])
            if (deprel_is(&c->tok[k], "obl") && !deprel_is(&c->tok[k], "obl:tmod")) t = prep_object_of(c, k, p->prep);
        /* "pledged a loan of $50 billion to Ukraine" with "to Ukraine" hung on
         * the amount: what the object is "of" does not take a target of its own */
        for (int32_t k = hit->object >= 0 ? c->first_child[hit->object] : -1; k >= 0 && t < 0; k = c->next_sibling[k])
            if (deprel_is(&c->tok[k], "nmod") && has_case(c, k, "of")) t = prep_object_of(c, k, p->prep);
        /* "filed a lawsuit in the District Court against Thom" with "against
         * Thom" hung on the court: so does another phrase of the object */
        for (int32_t k = hit->object >= 0 ? c->first_child[hit->object] : -1; k >= 0 && t < 0; k = c->next_sibling[k])
            if (deprel_is(&c->tok[k], "nmod") && tree_child(c, k, "case") >= 0) t = prep_object_of(c, k, p->prep);
        /* "are planning an upgrade to their alliance" with "to their alliance"
         * hung on the verb: a phrase after an event noun that is its verb's
         * object belongs to the noun */
        int32_t gov = p->is_noun && deprel_is(&c->tok[v], "obj") ? tree_head(c, v) : -1;
        if (t < 0 && gov >= 0) {
            int32_t k = prep_object_of(c, gov, p->prep);
            if (k > v) t = k;
        }
        if (t < 0) return 0;
        hit->target = t;
    } else if (p->target_from_clause) {
        int32_t t = tree_child(c, v, "obj");
        if (t < 0) t = tree_child(c, v, "iobj"); /* "urged India to stop", as parsers also attach it */
        if (t < 0) {
            int32_t cl = tree_child(c, v, "xcomp");
            if (cl < 0) cl = tree_child(c, v, "ccomp");
            if (cl >= 0) t = tree_child_prefix(c, cl, "nsubj");
        }
        hit->target = t;
    } else if (!p->is_noun) {
        /* a last +word that is a preposition introduces the target ("join +forces +with X") */
        int32_t t = -1;
        if (hit->nparticles) {
            int32_t last = hit->particle_tok[hit->nparticles - 1];
            int32_t h = tree_head(c, last);
            if (deprel_is(&c->tok[last], "case") && h >= 0 && h != v && h != hit->object) t = h; /* "agree +to *ceasefire": the thing agreed to is no target */
        }
        /* else the direct object of the last word of the predicate ("vow to attack X") */
        for (size_t a = 0; a < na && t < 0; a++) {
            if (an[a] == hit->object) continue;
            int32_t o = direct_object(c, an[a]);
            if (o >= 0 && o != hit->object) t = o;
        }
        /* ("refused to allow two airlines to land": the last +word's iobj first) */
        for (int i = hit->nparticles - 1; i >= 0 && t < 0; i--) t = tree_child(c, hit->particle_tok[i], "iobj");
        if (t < 0) t = tree_child(c, v, "iobj");
        hit->target = t;
    }
    if (p->seq && !seq_match(c, v, p, hit)) return 0;
    if (p->need_target && hit->target < 0) return 0;
    hit->pattern = p;
    return 1;
}

static const char *const light_verbs[] = {"have", "hold", "pay", "make", "announce", "impose", "conduct",
                                           "launch", "give", "stage", "carry", "issue", "begin", "sign",
                                           "offer", "express", "voice", "open", "take", "mount", NULL};

int is_light_verb(const sent_ctx *c, int32_t v) {
    for (int i = 0; light_verbs[i]; i++)
        if (lemma_is(c, v, light_verbs[i])) return 1;
    return 0;
}

/* v's subject. Of two (a parse that split a name), one with conjuncts ("The
 * Philippines and the European Union (EU) agree"), else the one nearest
 * before the verb, which heads the name ("U.S. President Donald Trump") */
/* a conjunct of k that is a noun, not a verb: "Lions, tigers, and Gondor
 * welcomed ..., the agency said" hung on "said" has a clause among its
 * conjuncts, so it is a misparsed clause, not a compound subject of "said" */
static int has_noun_conjunct(const sent_ctx *c, int32_t k) {
    for (int32_t g = c->first_child[k]; g >= 0; g = c->next_sibling[g])
        if (deprel_is(&c->tok[g], "conj") && c->tok[g].upos && !strcmp(c->tok[g].upos, "VERB")) return 0;
    return tree_child(c, k, "conj") >= 0;
}

static int32_t subject_of(const sent_ctx *c, int32_t v) {
    int32_t best = -1;
    int best_conj = 0;
    for (int32_t k = c->first_child[v]; k >= 0; k = c->next_sibling[k]) {
        if (!deprel_is(&c->tok[k], "nsubj")) continue;
        int conj = has_noun_conjunct(c, k);
        if (best < 0 || conj > best_conj || (conj == best_conj && k < v && k > best)) best = k, best_conj = conj;
    }
    return best;
}

static int relative_pronoun(const sent_ctx *c, int32_t k) {
    static const char *const rel[] = {"that", "which", "who", "whom", NULL};
    for (int i = 0; rel[i]; i++)
        if (!strcmp(c->form_f[k], rel[i])) return 1;
    return 0;
}

/* The source of predicate v: its subject, the by-agent of a passive, or the
 * subject it inherits from the clause it hangs on. */
/* "Osgiliath welcomed ...", with the unknown capitalised first word taken for
 * an adverb: a dictionary actor, person or capital hanging on the verb before
 * it without a preposition, as advmod/dep/discourse, is its subject */
static int32_t misparsed_subject(const sent_ctx *c, int32_t v) {
    for (int32_t k = c->first_child[v]; k >= 0 && k < v; k = c->next_sibling[k]) {
        if (!(deprel_is(&c->tok[k], "advmod") || deprel_is(&c->tok[k], "dep") || deprel_is(&c->tok[k], "discourse")) ||
            tree_child(c, k, "case") >= 0)
            continue;
        int32_t m = c->covered_by[k];
        const dict_phrase *p = m >= 0 ? c->mention[m] : NULL;
        if (p && (p->kind == PHRASE_ACTOR || p->kind == PHRASE_PERSON || p->kind == PHRASE_METONYM)) return k;
    }
    return -1;
}

/* A verb the parse made a conjunct that is none: no "and"/"or", and either a
 * bare past participle with no auxiliary ("freed the blogger, arrested last
 * week") or a clause opened by "after/before/when..." with no comma before
 * it either ("pardoned Nixon a month after Nixon resigned") */
static int false_conjunct(const sent_ctx *c, int32_t v) {
    for (int32_t k = c->first_child[v]; k >= 0; k = c->next_sibling[k])
        if (deprel_is(&c->tok[k], "cc") || deprel_is(&c->tok[k], "nsubj")) return 0;
    int participle = c->tok[v].xpos && !strcmp(c->tok[v].xpos, "VBN") && tree_child_prefix(c, v, "aux") < 0;
    int32_t first = v;
    for (int32_t j = 0; j < v && first == v; j++)
        if (in_subtree(c, j, v)) first = j;
    int comma = (c->tok[first].upos && !strcmp(c->tok[first].upos, "PUNCT")) ||
                (first > 0 && c->tok[first - 1].upos && !strcmp(c->tok[first - 1].upos, "PUNCT"));
    const char *u = c->tok[first].upos ? c->tok[first].upos : "";
    int32_t phrase = tree_head(c, first); /* ("on Sunday dismissed": a time opens no clause) */
    int opener = !strcmp(u, "SCONJ") || (!strcmp(u, "ADP") && phrase >= 0 && !time_phrase(c, phrase));
    return participle || (!comma && opener);
}

/* a noun naming a text that speaks for whoever issued it */
static int document_noun(const sent_ctx *c, int32_t k) {
    static const char *const docs[] = {"report", "statement", "resolution", "letter", "communique", "declaration",
                                       "study", "document", "motion", "petition", "editorial", "memo", NULL};
    for (int i = 0; docs[i]; i++)
        if (lemma_is(c, k, docs[i])) return 1;
    return 0;
}

/* "Amnesty put out a report accusing the army", "the EU's statement
 * criticising X", "a resolution by the parliament condemning X", and "passed
 * a resolution Thursday criticizing X" (the participle hung on the verb): a
 * participle with no subject that says what a text does speaks for the
 * text's issuer - its possessor, its by-phrase, or the subject of the verb
 * that issued it. -1 when no issuer is named. */
static int32_t document_issuer(const sent_ctx *c, int32_t v) {
    int32_t h = tree_head(c, v), doc = -1;
    if (h < 0 || strcmp(c->d->format, "dyad") || !c->tok[v].xpos || strcmp(c->tok[v].xpos, "VBG") ||
        tree_child_prefix(c, v, "nsubj") >= 0 || tree_child(c, v, "mark") >= 0)
        return -1;
    if (deprel_is(&c->tok[v], "acl") && !deprel_is(&c->tok[v], "acl:relcl") && document_noun(c, h)) doc = h;
    else if (deprel_is(&c->tok[v], "advcl")) {
        int32_t o = tree_child(c, h, "obj");
        if (o >= 0 && o < v && document_noun(c, o)) doc = o;
    }
    if (doc < 0) return -1;
    int32_t who = tree_child(c, doc, "nmod:poss");
    if (who < 0) who = prep_object_of(c, doc, "by");
    int32_t g = tree_head(c, doc), inh;
    if (who < 0 && g >= 0 && deprel_is(&c->tok[doc], "obj")) who = source_of(c, g, 0, &inh);
    return who;
}

int32_t source_of(const sent_ctx *c, int32_t v, int is_noun, int *inherited) {
    *inherited = 0;
    if (is_noun) {
        int32_t s = tree_child(c, v, "nmod:poss");
        if (s >= 0) return s;
        int32_t by = prep_object_of(c, v, "by");
        if (by >= 0) return by;
        int32_t h = tree_head(c, v);
        if (h >= 0 && deprel_is(&c->tok[v], "obj")) {
            if (modality_plans_noun(c, h)) { /* "Russia plans an attack on X" */
                *inherited = 1;
                return source_of(c, h, 0, inherited);
            }
            for (int i = 0; light_verbs[i]; i++)
                if (lemma_is(c, h, light_verbs[i])) {
                    *inherited = 1;
                    return source_of(c, h, 0, inherited);
                }
        }
        /* "Chinese sanctions": an adjective or compound naming an actor */
        /* ("military aid", "a criminal investigation": a role as an adjective says
         * what kind, not who) */
        for (int32_t k = c->first_child[v]; k >= 0; k = c->next_sibling[k])
            if ((deprel_is(&c->tok[k], "amod") || deprel_is(&c->tok[k], "compound")) && c->covered_by[k] >= 0 &&
                !(c->mention[c->covered_by[k]] && c->mention[c->covered_by[k]]->kind == PHRASE_AGENT &&
                  c->tok[k].upos && !strcmp(c->tok[k].upos, "ADJ")))
                return k;
        return -1;
    }
    if (is_passive(c, v)) {
        int32_t a = tree_child(c, v, "obl:agent");
        if (a < 0) a = prep_object_of(c, v, "by");
        return a;
    }
    int32_t s = subject_of(c, v);
    /* "a fire that killed 19 people": the relative pronoun is the noun it follows */
    if (s >= 0 && deprel_is(&c->tok[v], "acl") && relative_pronoun(c, s) && tree_head(c, v) >= 0) {
        *inherited = 1;
        return tree_head(c, v);
    }
    if (s >= 0) return s;
    s = misparsed_subject(c, v);
    if (s >= 0) return s;
    s = document_issuer(c, v);
    if (s >= 0) {
        *inherited = 1;
        return s;
    }
    int32_t cur = v;
    for (int depth = 0; depth < MAX_DEPTH_WALK; depth++) {
        const dyad_token *t = &c->tok[cur];
        int32_t h = tree_head(c, cur);
        if (h < 0) return -1;
        /* "inching nearer to accord with Gondor": an infinitive hung on an
         * adjective with no subject is the clause of the verb the adjective
         * completes, and that verb's subject acts (tree patterns; PETRARCH's
         * linear ones find their source by the words) */
        if (deprel_is(t, "acl") && !c->d->has_seq && infinitive_to(c, cur) && c->tok[h].upos &&
            !strcmp(c->tok[h].upos, "ADJ") && tree_child_prefix(c, h, "nsubj") < 0) {
            int32_t g = tree_head(c, h);
            s = g >= 0 && c->tok[g].upos && !strcmp(c->tok[g].upos, "VERB") ? tree_child_prefix(c, g, "nsubj") : -1;
            if (s >= 0) *inherited = 1;
            return s;
        }
        if (deprel_is(t, "acl") && !deprel_is(t, "acl:relcl")) return -1;
        if (deprel_is(t, "acl:relcl")) {
            *inherited = 1;
            return h; /* "the troops who attacked" */
        }
        /* ("hosting Osgiliath to celebrate Tabaski": UD-PETRARCH gives a purpose
         * clause the main clause's subject) */
        int purpose = deprel_is(t, "advcl") && infinitive_to(c, cur) && !strcmp(c->d->format, "petrarch") &&
                      !c->d->has_seq;
        if (!deprel_is(t, "conj") && !deprel_is(t, "xcomp") && !purpose) return -1;
        /* (a modifier or clause the parse took for a conjunct: who did it is not said) */
        if (deprel_is(t, "conj") && false_conjunct(c, cur)) return -1;
        *inherited = 1;
        /* "X urged Y to leave": an xcomp's subject is the object when there is
         * one; "Gollum was seen to break", "X was asked to leave": the subject
         * of the passive */
        if (deprel_is(t, "xcomp")) {
            int32_t o = tree_child(c, h, "obj");
            if (o < 0) o = tree_child(c, h, "nsubj:pass");
            if (o >= 0) return o;
        }
        s = is_passive(c, h) ? tree_child(c, h, "obl:agent") : tree_child_prefix(c, h, "nsubj");
        if (s >= 0) return s;
        cur = h;
    }
    return -1;
}

/* a coordinated noun: "and"/"or" or a comma comes before it - "Bree Prime
 * Minister Romendacil" parsed as a conjunct is one name */
static int is_conjunct_noun(const sent_ctx *c, int32_t k) {
    if (!deprel_is(&c->tok[k], "conj") || !c->tok[k].upos ||
        (strcmp(c->tok[k].upos, "PROPN") && strcmp(c->tok[k].upos, "NOUN") && strcmp(c->tok[k].upos, "PRON")))
        return 0;
    return conj_is_coordinated(c, k);
}

int conj_is_coordinated(const sent_ctx *c, int32_t k) {
    for (int32_t g = c->first_child[k]; g >= 0 && g < k; g = c->next_sibling[g])
        if (deprel_is(&c->tok[g], "cc") || deprel_is(&c->tok[g], "punct")) return 1;
    int32_t h = tree_head(c, k);
    for (int32_t i = k - 1; i > h && i >= 0; i--)
        if (deprel_is(&c->tok[i], "cc") || deprel_is(&c->tok[i], "punct") ||
            (c->tok[i].upos && (!strcmp(c->tok[i].upos, "CCONJ") || !strcmp(c->tok[i].upos, "CONJ"))))
            return 1;
    return 0;
}

size_t expand_conj(const sent_ctx *c, int32_t h, int32_t *out, size_t cap) {
    if (h < 0 || !cap) return 0;
    if (c->tok[h].upos && !strcmp(c->tok[h].upos, "PUNCT")) return 0; /* a misattached "." is no one */
    size_t n = 0;
    out[n++] = h;
    /* the conjuncts of h all hang on h itself in UD */
    for (int32_t k = c->first_child[h]; k >= 0 && n < cap; k = c->next_sibling[k])
        if (is_conjunct_noun(c, k)) out[n++] = k;
    /* "Mordor, the Shire, Arnor and Bree", "Evil Mordor, the awful Arnor, and
     * good Gondor": in a list a name parsed as an apposition is one more
     * member (with the conjuncts hung on it); an apposition outside a list
     * ("Osgiliath, the state's foe") is the same one */
    for (int32_t k = c->first_child[h]; k >= 0 && n < cap; k = c->next_sibling[k]) {
        if (!deprel_is(&c->tok[k], "appos") || !c->tok[k].upos || strcmp(c->tok[k].upos, "PROPN")) continue;
        /* ("Brisbane barrister James Bell, QC": names joined by commas alone,
         * with no "and"/"or", are one person's name and title, not a list) */
        int list = n > 1;
        for (int32_t g = c->first_child[k]; g >= 0 && !list; g = c->next_sibling[g])
            list = is_conjunct_noun(c, g) && tree_child(c, g, "cc") >= 0;
        if (!list) continue;
        out[n++] = k;
        for (int32_t g = c->first_child[k]; g >= 0 && n < cap; g = c->next_sibling[g])
            if (is_conjunct_noun(c, g)) out[n++] = g;
    }
    return n;
}

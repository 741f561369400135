/* patterns.c - predicate patterns over the dependency tree: which dictionary
 * pattern a verb or event noun satisfies (particle, object, preposition), and
 * where its source and target are (subject, by-agent of a passive, conjuncts,
 * inherited subjects of xcomp/conj, possessors and light verbs of nouns). */
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
        /* "called X on Saturday": the time's preposition is not the verb's */
        if (deprel_is(t, "obl:tmod") || actor_is_time_word(c->form_f[k])) continue;
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
            if (++skipped > 3 || (strcmp(u, "ADV") && strcmp(u, "AUX") && strcmp(u, "PART"))) return 0;
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
            for (int32_t k = c->first_child[o]; k >= 0; k = c->next_sibling[k])
                if ((deprel_is(&c->tok[k], "compound") || (!has_mods && deprel_is(&c->tok[k], "amod"))) &&
                    lemma_is(c, k, lemma))
                    return o;
        for (int32_t k = c->first_child[an[a]]; k >= 0; k = c->next_sibling[k])
            if ((deprel_is(&c->tok[k], "obl") || deprel_is(&c->tok[k], "nmod") || deprel_is(&c->tok[k], "obj") ||
                 deprel_is(&c->tok[k], "xcomp") || deprel_is(&c->tok[k], "nsubj")) && lemma_is(c, k, lemma))
                return k;
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

/* one of the "a|b" words among the object's dependents or theirs */
static int modified_by(const sent_ctx *c, int32_t o, const char *alts) {
    for (int32_t k = c->first_child[o]; k >= 0; k = c->next_sibling[k]) {
        if (word_in_alternatives(c, k, alts)) return 1;
        for (int32_t g = c->first_child[k]; g >= 0; g = c->next_sibling[g])
            if (word_in_alternatives(c, g, alts)) return 1;
    }
    return 0;
}

int pattern_match(const sent_ctx *c, int32_t v, const dict_pattern *p, pattern_hit *hit) {
    memset(hit, 0, sizeof *hit);
    hit->target = -1;
    hit->object = -1;
    if (p->nparticles && !particles_ok(c, v, p, hit)) return 0;
    if (p->object) {
        int32_t o = named_object(c, v, hit, p->object, p->object_mods[0] != NULL);
        if (o < 0) return 0;
        for (int m = 0; m < 3 && p->object_mods[m]; m++)
            if (!modified_by(c, o, p->object_mods[m])) return 0;
        hit->object = o;
    }
    int32_t an[6];
    size_t na = anchors(v, hit, an);
    if (p->pp_prep) {
        int found = 0;
        for (size_t a = 0; a < na && !found; a++) {
            int32_t k = prep_object_of(c, an[a], p->pp_prep);
            if (k >= 0 && (!p->pp_noun || lemma_is(c, k, p->pp_noun))) found = 1;
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
        if (t < 0) t = tree_child(c, v, "iobj");
        hit->target = t;
    }
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
static int32_t subject_of(const sent_ctx *c, int32_t v) {
    int32_t best = -1;
    int best_conj = 0;
    for (int32_t k = c->first_child[v]; k >= 0; k = c->next_sibling[k]) {
        if (!deprel_is(&c->tok[k], "nsubj")) continue;
        int conj = tree_child(c, k, "conj") >= 0;
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
    int32_t cur = v;
    for (int depth = 0; depth < MAX_DEPTH_WALK; depth++) {
        const dyad_token *t = &c->tok[cur];
        int32_t h = tree_head(c, cur);
        if (h < 0) return -1;
        if (deprel_is(t, "acl") && !deprel_is(t, "acl:relcl")) return -1;
        if (deprel_is(t, "acl:relcl")) {
            *inherited = 1;
            return h; /* "the troops who attacked" */
        }
        if (!deprel_is(t, "conj") && !deprel_is(t, "xcomp")) return -1;
        *inherited = 1;
        /* "X urged Y to leave": an xcomp's subject is the object when there is one */
        if (deprel_is(t, "xcomp")) {
            int32_t o = tree_child(c, h, "obj");
            if (o >= 0) return o;
        }
        s = is_passive(c, h) ? tree_child(c, h, "obl:agent") : tree_child_prefix(c, h, "nsubj");
        if (s >= 0) return s;
        cur = h;
    }
    return -1;
}

static int is_conjunct_noun(const sent_ctx *c, int32_t k) {
    return deprel_is(&c->tok[k], "conj") && c->tok[k].upos &&
           (!strcmp(c->tok[k].upos, "PROPN") || !strcmp(c->tok[k].upos, "NOUN") || !strcmp(c->tok[k].upos, "PRON"));
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
        int list = n > 1;
        for (int32_t g = c->first_child[k]; g >= 0 && !list; g = c->next_sibling[g]) list = is_conjunct_noun(c, g);
        if (!list) continue;
        out[n++] = k;
        for (int32_t g = c->first_child[k]; g >= 0 && n < cap; g = c->next_sibling[g])
            if (is_conjunct_noun(c, g)) out[n++] = g;
    }
    return n;
}

/* patterns.c - which dictionary pattern a verb or event noun satisfies: its
 * +words (particles), its object and the object's words, its subject, the
 * preposition of its target or of a phrase it names, and where the target is
 * (PETRARCH's word sequences around the verb are matched in pattern_seq.c). */
#include <string.h>
#include "coder_int.h"
#include "pattern_int.h"
#include "patterns.h"

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

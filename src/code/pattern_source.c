/* pattern_source.c - who acts in a predicate: a verb's subject (or the
 * by-agent of a passive, or the subject it inherits from the clause it hangs
 * on), an event noun's possessor, by-phrase or light verb ("held talks"), and
 * the issuer of a document that speaks ("a report accusing X"). */
#include <string.h>
#include "coder_int.h"
#include "modality.h"
#include "pattern_int.h"
#include "patterns.h"

static const char *const light_verbs[] = {"have", "hold", "pay", "make", "announce", "impose", "conduct",
                                           "launch", "give", "stage", "carry", "issue", "begin", "sign",
                                           "offer", "express", "voice", "open", "take", "mount", NULL};

int is_light_verb(const sent_ctx *c, int32_t v) {
    for (int i = 0; light_verbs[i]; i++)
        if (lemma_is(c, v, light_verbs[i])) return 1;
    return 0;
}

/* a conjunct of k that is a noun, not a verb: "Lions, tigers, and Gondor
 * welcomed ..., the agency said" hung on "said" has a clause among its
 * conjuncts, so it is a misparsed clause, not a compound subject of "said" */
static int has_noun_conjunct(const sent_ctx *c, int32_t k) {
    for (int32_t g = c->first_child[k]; g >= 0; g = c->next_sibling[g])
        if (deprel_is(&c->tok[g], "conj") && c->tok[g].upos && !strcmp(c->tok[g].upos, "VERB")) return 0;
    return tree_child(c, k, "conj") >= 0;
}

/* v's subject. Of two (a parse that split a name), one with conjuncts ("The
 * Philippines and the European Union (EU) agree"), else the one nearest
 * before the verb, which heads the name ("U.S. President Donald Trump") */
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

/* The source of predicate v: its subject, the by-agent of a passive, or the
 * subject it inherits from the clause it hangs on. */
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
            if (is_light_verb(c, h)) { /* "Russia held talks with X" */
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


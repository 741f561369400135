/* actor_pronouns.c - whom a pronoun stands for: the subject above it, an
 * object it repeats, the speaker of a quote ("we", "I"), the country of a
 * possessor ("his country"), or the last person named in the sentence or
 * before it in the document (the document's person memory). */
#include <string.h>
#include "base/arena.h"
#include "actor_int.h"
#include "modality.h"

static const char *pronoun_person(const sent_ctx *c, int32_t h) {
    static const char *pr[] = {"he", "she", "him", "her", NULL};
    for (int i = 0; pr[i]; i++)
        if (!strcmp(c->form_f[h], pr[i])) return pr[i];
    return NULL;
}

static int third_person_pronoun(const sent_ctx *c, int32_t h) {
    static const char *pr[] = {"it", "its", "they", "their", "them", "he", "his", "him", "she", "her", NULL};
    if (!c->tok[h].upos || (strcmp(c->tok[h].upos, "PRON") && strcmp(c->tok[h].upos, "DET"))) return 0;
    for (int i = 0; pr[i]; i++)
        if (!strcmp(c->form_f[h], pr[i])) return 1;
    return 0;
}

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

/* "Farc said it will release ...", "the army intensified its bombardment":
 * a pronoun stands for the nearest subject above it that is not a pronoun. */
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

/* "his country", "its government", "their army" (with dyad's own
 * dictionaries): the country of the pronoun's antecedent ("Putin said his
 * country ..." -> RUS); NULL none */
const char *actor_possessor_country(sent_ctx *c, int32_t h, int has_role, int depth) {
    static const char *const lands[] = {"country", "nation", NULL};
    /* (as a subject only: "withdrew its troops" are the source's own, no one else) */
    if (strcmp(c->d->format, "dyad") || !deprel_is(&c->tok[h], "nsubj")) return NULL;
    int land = 0;
    for (int i = 0; lands[i]; i++) land |= !strcmp(c->form_f[h], lands[i]) || (c->lemma_f[h] && !strcmp(c->lemma_f[h], lands[i]));
    if (!land && !has_role) return NULL;
    int32_t poss = tree_child(c, h, "nmod:poss");
    if (poss < 0 || !third_person_pronoun(c, poss)) return NULL;
    int32_t ante = actor_pronoun_antecedent(c, poss);
    if (ante < 0) return NULL;
    actor_ref a = actor_resolve_nested(c, ante, depth + 1);
    if (strlen(a.code) < 3 || !strncmp(a.code, "---", 3)) return NULL;
    return arena_strndup(c->doc->arena, a.code, 3);
}

/* The actor the pronoun at h stands for (a first-person speaker, a
 * third-person antecedent, a state or group named before, the last person
 * named); r, the phrase as unresolved, when none. */
actor_ref actor_pronoun_referent(sent_ctx *c, int32_t h, int depth, actor_ref r) {
    int person = pronoun_person(c, h) != NULL;
    /* '"We condemn the attack," the Egyptian foreign ministry said': "we",
     * "I" in what someone says are the speaker */
    if (depth < 4 && first_person_pronoun(c, h)) {
        int32_t sp = speaker_of(c, h);
        if (sp >= 0 && sp != h && !first_person_pronoun(c, sp)) {
            actor_ref a = actor_resolve_nested(c, sp, depth + 1);
            if (a.code[0]) return a;
        }
    }
    if (depth < 4 && h >= 0 && third_person_pronoun(c, h)) {
        int32_t ante = actor_pronoun_antecedent(c, h);
        if (ante >= 0) {
            actor_ref a = actor_resolve_nested(c, ante, depth + 1);
            /* "Japan should ...," she said: "she" is a person, not the country */
            /* ("Prime Minister Yousaf Raza Gilani said that he ...": a named
             * holder of a role is a person too) */
            int named_role = c->tok[ante].upos && !strcmp(c->tok[ante].upos, "PROPN") && actor_names_a_role(c, ante);
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
                actor_ref a = actor_resolve_nested(c, m, depth + 1);
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

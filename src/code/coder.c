/* coder.c - the event coder's entry points: load dictionaries in any of the
 * three formats, and code every parsed sentence of a document into events
 * (predicate -> pattern -> sources x targets, modality, rule, confidence). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "base/arena.h"
#include "base/util.h"
#include "code.h"
#include "coder_int.h"
#include "modality.h"
#include "ontology.h"
#include "patterns.h"
#include "targets.h"
#include "tabari.h"

dy_dicts *code_dicts_load(const char *path, const char *format,
                          void (*warn)(void *, const dyad_error *), void *user, dyad_error *err) {
    if (!path) {
        dyad_error_set(err, DYAD_EINVAL, "dicts", 0, -1, "no dictionary path given");
        return NULL;
    }
    if (!format) format = "dyad";
    if (!path_exists(path)) {
        dyad_error_set(err, DYAD_EDICT, path, 0, -1, "no such dictionary path");
        return NULL;
    }
    const char *fmt = !strcmp(format, "petrarch") ? "petrarch" : !strcmp(format, "tabari") ? "tabari"
                    : !strcmp(format, "dyad") ? "dyad" : NULL;
    if (!fmt) {
        dyad_error_set(err, DYAD_EINVAL, path, 0, -1, "unknown dictionary format '%s' (dyad, petrarch, tabari)", format);
        return NULL;
    }
    dy_dicts *d = dict_new(fmt);
    if (!d) {
        dyad_error_set(err, DYAD_ENOMEM, path, 0, -1, "out of memory");
        return NULL;
    }
    int rc, compiled = !path_is_dir(path) && dict_compiled_is(path);
    if (compiled) rc = dict_load_compiled(d, path, err); /* chains come ordered */
    else if (fmt[0] == 'p') rc = dict_load_petrarch(d, path, warn, user, err);
    else if (fmt[0] == 't') rc = dict_load_tabari(d, path, warn, user, err);
    else rc = dict_load_dyad(d, path, warn, user, err);
    if (!rc && !compiled && dict_finish(d)) {
        dyad_error_set(err, DYAD_ENOMEM, path, 0, -1, "out of memory");
        rc = -1;
    }
    if (rc) {
        code_dicts_free(d);
        return NULL;
    }
    return d;
}

/* children lists for the sentence; heads out of range are treated as roots */
static int build_tree(sent_ctx *c) {
    c->first_child = arena_alloc(c->doc->arena, c->n * sizeof(int32_t));
    c->next_sibling = arena_alloc(c->doc->arena, c->n * sizeof(int32_t));
    if (!c->first_child || !c->next_sibling) return -1;
    for (uint32_t i = 0; i < c->n; i++) c->first_child[i] = c->next_sibling[i] = -1;
    for (int32_t i = (int32_t)c->n - 1; i >= 0; i--) {
        int32_t h = tree_head(c, i);
        if (h < 0 || h == i) continue;
        c->next_sibling[i] = c->first_child[h];
        c->first_child[h] = i;
    }
    /* a cycle in a broken parse would make upward walks loop: walks are bounded */
    return 0;
}

/* UD v1 relation names (older parsers, the UD-PETRARCH records) -> UD v2 */
static const char *v2_deprel(const char *r) {
    static const char *const map[][2] = {{"dobj", "obj"}, {"nsubjpass", "nsubj:pass"}, {"csubjpass", "csubj:pass"},
                                         {"auxpass", "aux:pass"}, {"nmod:agent", "obl:agent"}, {"name", "flat"},
                                         {"mwe", "fixed"}, {"nmod:tmod", "obl:tmod"}};
    if (!r) return r;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strcmp(r, map[i][0])) return map[i][1];
    return r;
}

static int is_punct(const dyad_token *t) { return t->upos && !strcmp(t->upos, "PUNCT"); }

static int upos_is(const dyad_token *t, const char *u) { return t->upos && !strcmp(t->upos, u); }

/* "Russia has criticized Turkish President Recep Tayyip Erdogan." parsed with
 * the name hung on the final "." as its subject: a word whose head is
 * punctuation hangs on the punctuation's head instead; a subject moved onto
 * a verb that already has one before it is that verb's object. */
static void reattach_from_punctuation(dyad_token *t, uint32_t n) {
    for (uint32_t i = 0; i < n; i++) {
        int32_t h = t[i].head;
        if (h < 1 || (uint32_t)h > n || is_punct(&t[i]) || !is_punct(&t[h - 1])) continue;
        int32_t up = t[h - 1].head;
        if (up < 0 || (uint32_t)up > n || up == (int32_t)i + 1) continue;
        t[i].head = up;
        if (up == 0) { /* the punctuation was the root: the word is */
            t[i].deprel = "root";
            continue;
        }
        /* ("..., the official news agency WFNA said on Thursday." with "said"
         * a relative clause of "agency": the agency is the speaker of a
         * report hung on the clause, WFNA its name) */
        uint32_t said = n;
        for (uint32_t k = i + 1; k < n && said == n; k++)
            if (t[k].head == (int32_t)i + 1 && t[k].deprel && !strncmp(t[k].deprel, "acl", 3) &&
                upos_is(&t[k], "VERB") && t[k].lemma && modality_lemma_is_speech(t[k].lemma))
                said = k;
        if (said < n) {
            t[said].head = up;
            t[said].deprel = "parataxis";
            t[i].head = (int32_t)said + 1;
            t[i].deprel = "nsubj";
            for (uint32_t k = 0; k < n; k++) /* (a name as its subject: the agency describes it) */
                if (t[k].head == (int32_t)said + 1 && k != i && t[k].deprel && !strncmp(t[k].deprel, "nsubj", 5) &&
                    upos_is(&t[k], "PROPN")) {
                    t[i].head = (int32_t)k + 1;
                    t[i].deprel = "nmod:desc";
                    break;
                }
            continue;
        }
        if (!t[i].deprel || strncmp(t[i].deprel, "nsubj", 5)) continue;
        for (uint32_t k = 0; k < i; k++)
            if (k != i && t[k].head == up && t[k].deprel && !strncmp(t[k].deprel, "nsubj", 5)) {
                t[i].deprel = "obj";
                break;
            }
    }
}


static int has_subject(const dyad_token *t, uint32_t n, uint32_t v) {
    for (uint32_t k = 0; k < n; k++)
        if (t[k].head == (int32_t)v + 1 && t[k].deprel && !strncmp(t[k].deprel, "nsubj", 5)) return 1;
    return 0;
}

/* "Arnor on Thursday signed an ... protocol with Dagolath, officials said"
 * parsed with the first name as the root and the verbs hung on it as "dep":
 * the verb is the root, and the name the subject of the first verb after it
 * that has none (in the verb's clause) */
static void reattach_noun_root(dyad_token *t, uint32_t n) {
    uint32_t r = n, d = n;
    for (uint32_t i = 0; i < n && r == n; i++)
        if (t[i].head == 0 && (upos_is(&t[i], "PROPN") || upos_is(&t[i], "NOUN"))) r = i;
    for (uint32_t i = r + 1; r < n && i < n && d == n; i++)
        if (t[i].head == (int32_t)r + 1 && t[i].deprel && (!strcmp(t[i].deprel, "dep") || !strcmp(t[i].deprel, "appos")) &&
            upos_is(&t[i], "VERB"))
            d = i;
    if (d == n) return;
    /* "Caras Galadhon's new mayor left ...": a possessor taken for the root
     * is the possessor of the verb's subject */
    uint32_t subj = n, poss = 0;
    for (uint32_t k = 0; k < n; k++) {
        if (t[k].head == (int32_t)d + 1 && t[k].deprel && !strncmp(t[k].deprel, "nsubj", 5) && k > r && subj == n) subj = k;
        if (t[k].head == (int32_t)r + 1 && t[k].deprel && !strcmp(t[k].deprel, "case") && t[k].form &&
            (!strcmp(t[k].form, "'s") || !strcmp(t[k].form, "'")))
            poss = 1;
    }
    if (poss && subj < n) {
        t[d].head = 0;
        t[d].deprel = "root";
        t[r].head = (int32_t)subj + 1;
        t[r].deprel = "nmod:poss";
        for (uint32_t i = 0; i < n; i++) /* the root's other clause words go with the verb */
            if (i != d && t[i].head == (int32_t)r + 1 && t[i].deprel &&
                (!strcmp(t[i].deprel, "punct") || !strcmp(t[i].deprel, "parataxis")))
                t[i].head = (int32_t)d + 1;
        return;
    }
    uint32_t subj_of = n;
    for (uint32_t j = r + 1; j < n && subj_of == n; j++) {
        if (!upos_is(&t[j], "VERB") || has_subject(t, n, j)) continue;
        int32_t h = (int32_t)j + 1; /* in the dep verb's clause */
        for (int k = 0; k < MAX_DEPTH_WALK && h > 0 && h != (int32_t)d + 1; k++) h = t[h - 1].head;
        if (h == (int32_t)d + 1) subj_of = j;
    }
    t[d].head = 0;
    t[d].deprel = "root";
    t[r].head = (int32_t)(subj_of < n ? subj_of : d) + 1;
    t[r].deprel = subj_of < n || !has_subject(t, n, d) ? "nsubj" : "dep";
    for (uint32_t i = 0; i < n; i++) /* the root's other dependents go with the new root */
        if (i != d && t[i].head == (int32_t)r + 1 && t[i].deprel &&
            (!strcmp(t[i].deprel, "dep") || !strcmp(t[i].deprel, "punct") || !strcmp(t[i].deprel, "parataxis")))
            t[i].head = (int32_t)d + 1;
}

static int lemma_of(const dyad_token *t, const char *l) { return t->lemma && !strcmp(t->lemma, l); }

/* "Egyptian authorities agreed to open ...", "Kuwait and its allies agreed to
 * stage ..." parsed as a noun phrase with the verb as a reduced relative
 * ("authorities [agreed to ...]"): a root noun (or its conjunct) with, right
 * after it, a past-tense verb as "acl" that has no subject and does take an
 * object or a clause is the sentence's verb, and the noun its subject
 * ("rebels killed in the attack", with no object, stays a noun phrase) */
static void reattach_noun_root_acl(dyad_token *t, uint32_t n) {
    uint32_t r = n;
    for (uint32_t i = 0; i < n && r == n; i++)
        if (t[i].head == 0) r = i;
    if (r == n || !(upos_is(&t[r], "PROPN") || upos_is(&t[r], "NOUN"))) return;
    for (uint32_t d = r + 1; d < n; d++) {
        int32_t h = t[d].head - 1;
        if (h != (int32_t)d - 1 || !t[d].deprel || strcmp(t[d].deprel, "acl") || !upos_is(&t[d], "VERB") ||
            !t[d].xpos || (strcmp(t[d].xpos, "VBD") && strcmp(t[d].xpos, "VBN")) || has_subject(t, n, d))
            continue;
        if (h != (int32_t)r && !(t[h].head == (int32_t)r + 1 && t[h].deprel && !strcmp(t[h].deprel, "conj")))
            continue;
        int takes = 0;
        for (uint32_t k = d + 1; k < n && !takes; k++)
            takes = t[k].head == (int32_t)d + 1 && t[k].deprel &&
                    (!strcmp(t[k].deprel, "obj") || !strcmp(t[k].deprel, "xcomp") || !strcmp(t[k].deprel, "ccomp"));
        if (!takes) return;
        t[d].head = 0;
        t[d].deprel = "root";
        t[r].head = (int32_t)d + 1;
        t[r].deprel = "nsubj";
        for (uint32_t i = d + 1; i < n; i++) /* what follows the verb is the verb's, not its subject's */
            if (t[i].head == (int32_t)r + 1) t[i].head = (int32_t)d + 1;
        return;
    }
}

static int form_in(const dyad_token *t, const char *const *list) {
    for (int i = 0; t->form && list[i]; i++)
        if (!strcmp(t->form, list[i])) return 1;
    return 0;
}

static int all_capitals(const char *f) {
    int letters = 0;
    for (; *f; f++) {
        if (islower((unsigned char)*f)) return 0;
        letters += isupper((unsigned char)*f) != 0;
    }
    return letters >= 2;
}

/* the letters of the first n words, all capitals ("UNITED NATIONS"), else 0 */
static int capital_letters(const dyad_token *t, uint32_t n) {
    int letters = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (!t[i].form || !all_capitals(t[i].form)) return 0;
        for (const char *f = t[i].form; *f; f++) letters += isupper((unsigned char)*f) != 0;
    }
    return letters;
}

/* The tokens of a dateline that opens the sentence ("MANILA --", "MANILA,
 * Philippines --", "WASHINGTON (Reuters) -", "New York, May 17, IRNA -",
 * "Bogota, March 8 (IANS)"):
 * capitalised words, numbers and commas, ended by a dash, by an agency in
 * parentheses and a colon, or by an agency in parentheses after a date
 * ("KABUL:": a place in capitals may end with a colon alone); a place in capitals, or a comma or a date in
 * it, tells it from a name ("Hamas - the group ..."), and a single dash must
 * stand apart ("US-China talks"). Returns how many tokens it takes (the
 * dash included), 0 when the sentence has none. */
static uint32_t dateline_length(const dyad_token *t, uint32_t n) {
    static const char *const dashes[] = {"--", "---", "\xe2\x80\x94", NULL}; /* --, em dash */
    static const char *const short_dashes[] = {"-", "\xe2\x80\x93", NULL};    /* -, en dash */
    static const char *const months[] = {"January", "February", "March", "April", "May", "June", "July",
                                         "August", "September", "October", "November", "December", "Jan.",
                                         "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.", NULL};
    enum { MAX_DATELINE = 10 };
    int date = 0, comma = 0, caps = n && t[0].form && all_capitals(t[0].form);
    for (uint32_t i = 0; i < n && i <= MAX_DATELINE; i++) {
        const char *f = t[i].form ? t[i].form : "";
        int dash = form_in(&t[i], dashes) || (i && form_in(&t[i], short_dashes) && t[i - 1].space_after);
        if (i && dash) return i + 1 < n && (caps || comma || date) ? i + 1 : 0;
        /* "(Reuters) -", "(IANS)": an agency, then the dash - or, after a
         * date, the sentence */
        if (i && !strcmp(f, "(") && i + 3 < n && t[i + 2].form && !strcmp(t[i + 2].form, ")") && t[i + 1].form &&
            isupper((unsigned char)t[i + 1].form[0])) {
            if (date) return i + 3;
            /* ("KABUL (Pajhwok) : ...": or a colon) */
            if (t[i + 3].form && !strcmp(t[i + 3].form, ":")) return i + 4 < n ? i + 4 : 0;
            i += 2;
            continue;
        }
        if (!strcmp(f, ",")) {
            comma = 1;
            continue;
        }
        if (form_in(&t[i], months)) date = 1;
        if (!isupper((unsigned char)f[0]) && !(i && isdigit((unsigned char)f[0]))) return 0;
        /* ("New York": a tagger may take a place's first word for an adjective) */
        if (!(upos_is(&t[i], "PROPN") || upos_is(&t[i], "NUM") || upos_is(&t[i], "NOUN") || upos_is(&t[i], "ADJ")))
            return 0;
        /* ("KABUL: The Taliban ...", "UNITED NATIONS: ...": a place in
         * capitals - longer than an acronym - ended by a colon) */
        if (caps && i + 2 < n && t[i + 1].form && !strcmp(t[i + 1].form, ":") && !comma && !date &&
            capital_letters(t, i + 1) >= 4)
            return i + 2;
    }
    return 0;
}

/* "MANILA -- President Gloria Macapagal Arroyo ... has pardoned ...",
 * "KILIS, Turkey -- A Turkish court ... convicted ..." parsed with the place
 * as the root or the subject and the real phrase hung on it: the dateline
 * is no argument. The first word after it that hung on it takes its place
 * (its head and relation), what else hung on it hangs on that word, and the
 * dateline's own words hang there as "dateline" (a name that becomes the
 * root with its verb as "dep" is then set right by reattach_noun_root). */
static void detach_dateline(dyad_token *t, uint32_t n) {
    uint32_t d = dateline_length(t, n);
    if (!d) return;
    uint32_t top = n, heir = n;
    for (uint32_t i = 0; i < d && top == n; i++)
        if (t[i].head < 1 || (uint32_t)t[i].head > d) top = i;
    for (uint32_t i = d; i < n && heir == n; i++)
        if (t[i].head >= 1 && (uint32_t)t[i].head <= d) heir = i;
    if (top == n || (heir < n && t[top].head == (int32_t)heir + 1)) return; /* (a broken parse) */
    if (heir < n) {
        t[heir].head = t[top].head;
        t[heir].deprel = t[top].head == 0 ? "root" : t[top].deprel;
    } else if (t[top].head == 0) {
        return; /* nothing to stand for the clause */
    }
    int32_t to = heir < n ? (int32_t)heir + 1 : t[top].head;
    for (uint32_t i = d; i < n; i++)
        if (i != heir && t[i].head >= 1 && (uint32_t)t[i].head <= d) {
            t[i].head = to;
            if (t[i].deprel && (!strncmp(t[i].deprel, "conj", 4) || !strncmp(t[i].deprel, "appos", 5) ||
                                !strncmp(t[i].deprel, "flat", 4) || !strncmp(t[i].deprel, "compound", 8)))
                t[i].deprel = "dep";
        }
    for (uint32_t i = 0; i < d; i++) {
        t[i].head = to;
        t[i].deprel = "dateline";
    }
}

/* 1 if token i (0-based) lies below token top */
static int below(const dyad_token *t, uint32_t n, uint32_t i, uint32_t top) {
    int32_t h = t[i].head;
    for (int k = 0; k < MAX_DEPTH_WALK && h > 0 && (uint32_t)h <= n; k++, h = t[h - 1].head)
        if ((uint32_t)h == top + 1) return 1;
    return 0;
}

/* "The Philippines was heavily and unjustly criticized over ..." parsed with
 * the name as the root, the auxiliary hung on it as "dep" and the verb
 * somewhere below the auxiliary: the first verb below the auxiliary is the
 * root, the auxiliary its own (passive with "be" and a participle) and the
 * name its subject */
static void reattach_noun_root_auxiliary(dyad_token *t, uint32_t n) {
    uint32_t r = n, a = n, v = n;
    for (uint32_t i = 0; i < n && r == n; i++)
        if (t[i].head == 0 && (upos_is(&t[i], "PROPN") || upos_is(&t[i], "NOUN"))) r = i;
    for (uint32_t i = r + 1; r < n && i < n && a == n; i++)
        if (t[i].head == (int32_t)r + 1 && t[i].deprel && !strcmp(t[i].deprel, "dep") && upos_is(&t[i], "AUX")) a = i;
    for (uint32_t j = a + 1; a < n && j < n && v == n; j++)
        if (upos_is(&t[j], "VERB") && below(t, n, j, a)) v = j;
    if (v == n || has_subject(t, n, v)) return;
    int participle = (t[v].xpos && !strcmp(t[v].xpos, "VBN")) || (t[v].feats && strstr(t[v].feats, "VerbForm=Part"));
    int passive = lemma_of(&t[a], "be") && participle;
    for (uint32_t i = 0; i < n; i++) /* the auxiliary's words go with the verb */
        if (i != v && t[i].head == (int32_t)a + 1) t[i].head = (int32_t)v + 1;
    t[v].head = 0;
    t[v].deprel = "root";
    t[a].head = (int32_t)v + 1;
    t[a].deprel = passive ? "aux:pass" : "aux";
    t[r].head = (int32_t)v + 1;
    t[r].deprel = passive ? "nsubj:pass" : "nsubj";
    for (uint32_t i = 0; i < n; i++)
        if (i != a && t[i].head == (int32_t)r + 1 && t[i].deprel &&
            (!strcmp(t[i].deprel, "dep") || !strcmp(t[i].deprel, "punct") || !strcmp(t[i].deprel, "parataxis")))
            t[i].head = (int32_t)v + 1;
}

static int is_closing_mark(const dyad_token *t) {
    static const char *const marks[] = {",", "\"", "''", "'", "\xe2\x80\x9d", "\xe2\x80\x99", NULL}; /* , " '' ' ” ’ */
    return form_in(t, marks);
}

/* "..., crowds burned down its embassy, a senior Bree official said on
 * Saturday" parsed with "official" in apposition to "embassy" and "said"
 * without a subject: the noun phrase right before a speech verb that has
 * none, after a comma, is its subject, and the verb reports on the clause
 * (parataxis), not a complement of it */
static void reattach_speaker(dyad_token *t, uint32_t n) {
    for (uint32_t v = 1; v < n; v++) {
        if (!upos_is(&t[v], "VERB") || !t[v].lemma || !modality_lemma_is_speech(t[v].lemma) || has_subject(t, n, v))
            continue;
        uint32_t k = v - 1;
        if (!(upos_is(&t[k], "NOUN") || upos_is(&t[k], "PROPN")) || t[k].head == (int32_t)v + 1 || below(t, n, v, k))
            continue;
        uint32_t first = k; /* the phrase's first word (its comma aside) */
        for (uint32_t i = 0; i < k; i++)
            if (below(t, n, i, k) && !is_punct(&t[i]) && i < first) first = i;
        if (first == 0 || !t[first - 1].form || strcmp(t[first - 1].form, ",")) continue;
        t[k].head = (int32_t)v + 1;
        t[k].deprel = "nsubj";
        if (t[v].deprel && (!strcmp(t[v].deprel, "xcomp") || !strcmp(t[v].deprel, "ccomp"))) t[v].deprel = "parataxis";
    }
    /* "..., crowds burned down its embassy, a senior official said today."
     * with "said" hung inside the clause before it (advcl, acl, conj): a
     * closing report with its own subject, after a comma, belongs to the
     * sentence's root */
    uint32_t root = n, last = n;
    for (uint32_t i = 0; i < n && root == n; i++)
        if (t[i].head == 0) root = i;
    for (uint32_t v = n; v-- > 0 && last == n;)
        if (upos_is(&t[v], "VERB")) last = v;
    if (root == n || last == n || last == root || !t[last].lemma || !modality_lemma_is_speech(t[last].lemma) ||
        !has_subject(t, n, last) || !t[last].deprel || below(t, n, root, last))
        return;
    const char *rel = t[last].deprel;
    if (strncmp(rel, "advcl", 5) && strncmp(rel, "acl", 3) && strncmp(rel, "conj", 4)) return;
    if (t[last].head == (int32_t)root + 1 && !strncmp(rel, "conj", 4)) return; /* (already on the root) */
    uint32_t first = last;
    for (uint32_t i = 0; i < last; i++)
        if (below(t, n, i, last) && !is_punct(&t[i]) && i < first) first = i;
    if (first == 0 || !t[first - 1].form || strcmp(t[first - 1].form, ",")) return;
    t[last].head = (int32_t)root + 1;
    t[last].deprel = "parataxis";
}

/* '"We condemn the attack," the Egyptian foreign ministry said in a
 * statement.' parsed with "condemn" as the root and "said" hung on it (dep,
 * parataxis, conj, advcl): a speech verb after the root, with a subject of
 * its own (before or after it: "said Antonio Guterres"), whose words start
 * after a comma or a closing quote, is the root, and the statement its
 * ccomp - what the reported-speech rules read. */
static void reattach_trailing_speech(dyad_token *t, uint32_t n) {
    uint32_t r = n;
    for (uint32_t i = 0; i < n && r == n; i++)
        if (t[i].head == 0) r = i;
    for (uint32_t s = r + 1; r < n && s < n; s++) {
        if (t[s].head != (int32_t)r + 1 || !t[s].deprel || !upos_is(&t[s], "VERB") ||
            !(t[s].lemma && modality_lemma_is_speech(t[s].lemma)))
            continue;
        const char *rel = t[s].deprel;
        if (strcmp(rel, "dep") && strcmp(rel, "parataxis") && strncmp(rel, "conj", 4) && strncmp(rel, "advcl", 5)) continue;
        if (!has_subject(t, n, s)) continue;
        uint32_t first = s; /* the first word of the speech clause that is no punctuation */
        for (uint32_t i = r + 1; i < s && first == s; i++)
            if ((t[i].head == (int32_t)s + 1 || below(t, n, i, s)) && !is_punct(&t[i])) first = i;
        if (first == 0 || !is_closing_mark(&t[first - 1])) continue;
        t[s].head = 0;
        t[s].deprel = "root";
        t[r].head = (int32_t)s + 1;
        t[r].deprel = "ccomp";
        return;
    }
}

/* "did not even ever clash over ..." tagged with "clash" a noun: a noun with
 * an auxiliary and a subject of its own, and no copula ("will be a
 * leader"), is the verb the tagger missed */
static void retag_nouns_with_auxiliary(dyad_token *t, uint32_t n) {
    for (uint32_t i = 0; i < n; i++) {
        if (!upos_is(&t[i], "NOUN")) continue;
        int aux = 0, subj = 0, cop = 0;
        for (uint32_t k = 0; k < n; k++) {
            if (t[k].head != (int32_t)i + 1 || !t[k].deprel) continue;
            aux |= !strcmp(t[k].deprel, "aux") && upos_is(&t[k], "AUX");
            subj |= !strcmp(t[k].deprel, "nsubj");
            cop |= !strcmp(t[k].deprel, "cop");
        }
        if (aux && subj && !cop) t[i].upos = "VERB";
    }
}

/* A working copy of the sentence's tokens with v2 relation names; the
 * document's own tokens stay as the parser wrote them. */
static dyad_token *normalized_tokens(dyad_doc *doc, const dyad_token *t, uint32_t n, const dy_dicts *d) {
    dyad_token *copy = arena_alloc(doc->arena, (n ? n : 1) * sizeof *copy);
    if (!copy) return NULL;
    memcpy(copy, t, n * sizeof *copy);
    for (uint32_t i = 0; i < n; i++) copy[i].deprel = v2_deprel(copy[i].deprel);
    reattach_from_punctuation(copy, n);
    detach_dateline(copy, n);
    reattach_noun_root(copy, n);
    reattach_noun_root_acl(copy, n);
    reattach_noun_root_auxiliary(copy, n);
    reattach_speaker(copy, n);
    /* (PETRARCH's dictionaries code a closing "..., an official said" as its own clause) */
    if (!strcmp(d->format, "dyad")) reattach_trailing_speech(copy, n);
    retag_nouns_with_auxiliary(copy, n);
    return copy;
}

static int is_predicate_pos(const dyad_token *t, int noun) {
    if (!t->upos) return 0;
    if (noun) return !strcmp(t->upos, "NOUN") || !strcmp(t->upos, "PROPN");
    return !strcmp(t->upos, "VERB") || !strcmp(t->upos, "AUX") || !strcmp(t->upos, "ADJ");
}

/* the best pattern of the predicate at v (patterns are ordered most specific first) */
/* k is introduced by a preposition that can name a target */
static int has_case_word(const sent_ctx *c, int32_t k) {
    /* "condemned the attack by X": the perpetrator is who the reaction is against */
    static const char *const preps[] = {"against", "on", "with", "to", "into", "of", "over", "by", NULL};
    for (int32_t g = c->first_child[k]; g >= 0; g = c->next_sibling[g])
        if (deprel_is(&c->tok[g], "case"))
            for (int i = 0; preps[i]; i++)
                if (!strcmp(c->form_f[g], preps[i])) return 1;
    return 0;
}

/* k is introduced by what a concern or warning is about */
static int about_word(const sent_ctx *c, int32_t k) {
    static const char *const words[] = {"about", "over", "at", "of", "that", NULL};
    /* ("concerned about reports that ...", "about" taken for an adverb of
     * "reports" taken for a verb: the word still says what it is about) */
    for (int32_t g = c->first_child[k]; g >= 0; g = c->next_sibling[g])
        if (deprel_is(&c->tok[g], "case") || deprel_is(&c->tok[g], "mark") ||
            (deprel_is(&c->tok[g], "advmod") && g < k && !strcmp(c->form_f[g], "about")))
            for (int i = 0; words[i]; i++)
                if (!strcmp(c->form_f[g], words[i])) return 1;
    return 0;
}

/* "Washington and Tokyo said they ...": a plural pronoun stands for all the
 * conjuncts of its antecedent; anything else expands its own conjuncts */
static size_t expand_conj_or_antecedent(const sent_ctx *c, int32_t h, int32_t *out, size_t cap) {
    if (h >= 0 && (!strcmp(c->form_f[h], "they") || !strcmp(c->form_f[h], "them") || !strcmp(c->form_f[h], "we"))) {
        int32_t ante = actor_pronoun_antecedent(c, h);
        if (ante >= 0) {
            size_t n = expand_conj(c, ante, out, cap);
            if (n > 1) return n;
        }
    }
    return expand_conj(c, h, out, cap);
}

/* "put *troops on alert", "launch *strike": the object a pattern names is
 * what is done, not whom to; it is the target only when it names an actor
 * of its own ("summoned the Chinese *ambassador"), never a bare role */
/* ("reiterated the U.N.'s commitment to", "promised Washington's support
 * for": a named object that a preposition's pattern aims elsewhere, coded
 * only as the source's own side - the same actor or its country - through
 * its possessor, is what the source gives, not whom to) */
static int named_object_is_no_one(sent_ctx *c, const pattern_hit *hit, int32_t k, int32_t src_head) {
    if (!hit->pattern->object || k != hit->object) return 0;
    if (!strncmp(actor_resolve(c, k).code, "---", 3)) return 1;
    if (!hit->pattern->prep || src_head < 0 || tree_child(c, k, "nmod:poss") < 0) return 0;
    const char *own = actor_resolve(c, k).code, *src = actor_resolve(c, src_head).code;
    return strlen(own) >= 3 && strncmp(own, "---", 3) && !strncmp(own, src, strlen(own));
}

static int better(const dict_pattern *p, const dict_pattern *best) {
    return !best || p->specificity > best->specificity ||
           (p->specificity == best->specificity && p->order < best->order);
}

/* "Gondor and Osgiliath delayed ...": the subject has conjuncts */
static int compound_subject(const sent_ctx *c, int32_t v) {
    int inherited;
    int32_t s = source_of(c, v, 0, &inherited);
    int32_t heads[2];
    return s >= 0 && expand_conj(c, s, heads, 2) > 1;
}

/* PETRARCH's words before the verb ("- % HAVE *", "- WILL NOT *"): each, in
 * order, an auxiliary or negation of the verb just before it ("have
 * postponed"); content words ("neither X nor Y", "recently allowed",
 * "indicated it deplored") are left to the verb's other patterns, as
 * UD-PETRARCH does */
static int verb_group_word(const sent_ctx *c, int32_t v, int32_t i) {
    if (tree_head(c, i) != v) return 0;
    return deprel_is(&c->tok[i], "aux") || !strcmp(c->form_f[i], "not") || !strcmp(c->form_f[i], "n't") ||
           !strcmp(c->form_f[i], "never");
}

static int pre_words_fit(const sent_ctx *c, int32_t v, const dict_pattern *p) {
    enum { WINDOW = 6 };
    int32_t i = v - 1;
    for (int k = p->npre - 1; k >= 0; k--, i--) {
        while (i >= 0 && i >= v - WINDOW &&
               (!verb_group_word(c, v, i) || (strcmp(c->form_f[i], p->pre_word[k]) &&
                                         (!c->lemma_f[i] || strcmp(c->lemma_f[i], p->pre_word[k])))))
            i--;
        if (i < 0 || i < v - WINDOW) return 0;
    }
    return 1;
}

/* PETRARCH's linear patterns: the one matching more words wins ("austrian
 * gold florin" over "austrian florin"), then the one loaded first */
static int seq_score(const pattern_hit *h) { return h->seq_score + h->pattern->nparticles + h->pattern->need_compound; }

static int better_hit(const pattern_hit *h, const pattern_hit *best) {
    if (!best->pattern) return 1;
    if (!h->pattern->seq || !best->pattern->seq) return better(h->pattern, best->pattern);
    int a = seq_score(h), b = seq_score(best);
    return a > b || (a == b && h->pattern->order < best->pattern->order);
}

static void try_chain(const sent_ctx *c, int32_t v, const char *key, const dict_pattern *chain, pattern_hit *best) {
    pattern_hit h;
    int pos_ok[2] = {is_predicate_pos(&c->tok[v], 0), is_predicate_pos(&c->tok[v], 1)};
    for (const dict_pattern *p = chain; p; p = p->next) {
        if (!pos_ok[p->is_noun != 0] || strcmp(p->lemma, key) || (!p->seq && !better(p, best->pattern))) continue;
        if (p->need_negation && !p->seq && modality_of(c, v).kind != MOD_NEGATED) continue;
        if (p->need_compound && !compound_subject(c, v)) continue;
        if (p->npre && !pre_words_fit(c, v, p)) continue;
        if (pattern_match(c, v, p, &h) && better_hit(&h, best)) *best = h;
    }
}

/* Words below the predicate that may be a pattern's object: children and
 * grandchildren (the object of "vow to restore *democracy"). */
static size_t object_candidates(const sent_ctx *c, int32_t v, int32_t *out, size_t cap) {
    size_t n = 0;
    for (int32_t k = c->first_child[v]; k >= 0 && n < cap; k = c->next_sibling[k]) {
        out[n++] = k;
        for (int32_t g = c->first_child[k]; g >= 0 && n < cap; g = c->next_sibling[g]) out[n++] = g;
    }
    return n;
}

/* PETRARCH's linear patterns: the words after the predicate in its phrase,
 * where the first word a pattern needs after it must be */
static size_t words_after(const sent_ctx *c, int32_t v, int32_t *out, size_t cap) {
    size_t n = 0;
    for (int32_t j = v + 1; j < (int32_t)c->n && n < cap; j++) {
        int32_t h = j;
        for (int d = 0; h >= 0 && h != v && d < MAX_DEPTH_WALK; d++) h = tree_head(c, h);
        if (h == v) out[n++] = j;
    }
    return n;
}

/* Every pattern keyed by `key` (alone, or with one of the object candidates) */
static void try_key(const sent_ctx *c, int32_t v, const char *key, size_t keylen, const int32_t *cand, size_t nc,
                    pattern_hit *best) {
    try_chain(c, v, key, dict_patterns_for(c->d, key, keylen), best);
    for (size_t i = 0; i < nc; i++) {
        try_chain(c, v, key, dict_patterns_with_object(c->d, key, c->form_f[cand[i]]), best);
        /* (linear patterns match words as written) */
        if (c->lemma_f[cand[i]] && strcmp(c->lemma_f[cand[i]], c->form_f[cand[i]]) && !c->d->has_seq)
            try_chain(c, v, key, dict_patterns_with_object(c->d, key, c->lemma_f[cand[i]]), best);
    }
}

/* The most specific pattern that fits the predicate at v; among equals the
 * one loaded first. An inflected form listed on its own ("LEFT") is tried
 * before the lemma and wins over it; TABARI stems ("RESTOR") come last. */
static int best_pattern(const sent_ctx *c, int32_t v, pattern_hit *hit) {
    const char *keys[2] = {c->form_f[v], c->lemma_f[v]};
    uint32_t lens[2] = {c->form_len[v], c->lemma_len[v]};
    int32_t cand[128];
    /* (linear patterns are verbs': other words need not look around) */
    size_t nc = !c->d->has_seq ? object_candidates(c, v, cand, 64)
                : is_predicate_pos(&c->tok[v], 0) ? words_after(c, v, cand, 128) : 0;
    for (int k = 0; k < 2; k++) {
        if (!keys[k] || !lens[k] || (k == 1 && !strcmp(keys[0], keys[1]))) continue;
        pattern_hit best = {0};
        try_key(c, v, keys[k], lens[k], cand, nc, &best);
        if (best.pattern) {
            *hit = best;
            return 1;
        }
    }
    for (uint32_t k = c->form_len[v] - 1; c->d->has_stems && k >= 3 && k < c->form_len[v]; k--) {
        char pre[64];
        if (k >= sizeof pre) continue;
        memcpy(pre, c->form_f[v], k);
        pre[k] = 0;
        pattern_hit best = {0};
        try_key(c, v, pre, k, cand, nc, &best);
        if (best.pattern && best.pattern->stem) {
            *hit = best;
            return 1;
        }
    }
    return 0;
}

typedef struct pending {
    int32_t verb;
    modality_info mod;
} pending;

static dyad_status emit_one(sent_ctx *c, uint32_t sent_index, int32_t v, const char *code, const actor_ref *src,
                        const actor_ref *tgt, modality_info mod, const dict_pattern *p, double conf,
                        const char *date) {
    dyad_doc *doc = c->doc;
    if (mod.kind == MOD_INTENDED && !strcmp(c->d->format, "dyad")) code = modality_intent_code(code);
    /* PETRARCH's ontology: "not X" - the verb's own negation ("won't try to
     * clash" is a clash tried, not one negated) */
    if (mod.kind == MOD_NEGATED && c->d->nnegation && !p->need_negation && modality_of_self(c, v).kind == MOD_NEGATED) {
        const char *neg = dict_negated_code(c->d, code);
        if (neg) code = neg;
    }
    if (mod.kind == MOD_NEGATED && !strcmp(c->d->format, "dyad") && !p->need_negation) {
        /* "will not release the prisoners": the refusal is what happened (1243) */
        const char *refusal = modality_refusal_code(code);
        if (refusal) {
            code = refusal;
            mod.kind = MOD_ASSERTED;
            conf += 0.2;
        }
    }
    const dyad_cameo_info *info = dyad_cameo_lookup(code);
    /* one event per (source, target, code) in a sentence */
    for (size_t i = doc->nevents; i-- > 0 && doc->events[i].sentence == sent_index;)
        if (!strcmp(doc->events[i].code, code) && !strcmp(doc->events[i].source, src->code) &&
            !strcmp(doc->events[i].target, tgt->code))
            return DYAD_OK;
    dyad_event *e = dyad_doc_add_event(doc);
    if (!e) return DYAD_ENOMEM;
    e->sentence = sent_index;
    e->source = src->code;
    e->target = tgt->code;
    e->code = code;
    e->root = info ? info->root : arena_strndup(doc->arena, code, 2);
    e->quad = info ? info->quad : 0;
    e->goldstein = info ? info->goldstein : 0;
    e->plover = cameo_plover_type(info);
    e->modality = modality_name(mod.kind);
    e->rule = p->rule;
    e->confidence = conf;
    e->date = date;
    e->source_span = src->span;
    e->target_span = tgt->span;
    e->verb_span = (dyad_span){c->tok[v].off, c->tok[v].len};
    if (mod.kind == MOD_REPORTED && mod.reporter >= 0) {
        /* the reporter goes into the rule so the claim can be traced */
        actor_ref rep = actor_resolve(c, source_of(c, mod.reporter, 0, &(int){0}));
        if (rep.code[0]) e->rule = arena_printf(doc->arena, "%s (reported by %s)", p->rule, rep.code);
    }
    return DYAD_OK;
}

/* An actor coded "FRO/BIL/SAM" (TABARI: "the Shire" is three actors) takes
 * part as each of them: one event per code on each side, as TABARI and
 * PETRARCH do. (UD-PETRARCH's validation keeps the joined code, so its
 * tree patterns do too.) */
static dyad_status emit(sent_ctx *c, uint32_t sent_index, int32_t v, const char *code, const actor_ref *src,
                        const actor_ref *tgt, modality_info mod, const dict_pattern *p, double conf,
                        const char *date) {
    if ((strcmp(c->d->format, "tabari") && !p->seq) || (!strchr(src->code, '/') && !strchr(tgt->code, '/')))
        return emit_one(c, sent_index, v, code, src, tgt, mod, p, conf, date);
    for (const char *a = src->code; a;) {
        size_t al = strcspn(a, "/");
        actor_ref s1 = *src;
        s1.code = arena_strndup(c->doc->arena, a, al);
        for (const char *b = tgt->code; b;) {
            size_t bl = strcspn(b, "/");
            actor_ref t1 = *tgt;
            t1.code = arena_strndup(c->doc->arena, b, bl);
            if (!s1.code || !t1.code) return DYAD_ENOMEM;
            if (strcmp(s1.code, t1.code) || !s1.code[0]) {
                dyad_status st = emit_one(c, sent_index, v, code, &s1, &t1, mod, p, conf, date);
                if (st) return st;
            }
            b = b[bl] ? b + bl + 1 : NULL;
        }
        a = a[al] ? a + al + 1 : NULL;
    }
    return DYAD_OK;
}

static double confidence_of(const actor_ref *s, const actor_ref *t, int inherited, modality_info m) {
    double conf = 0.9;
    if (!t->code[0]) conf -= 0.3;
    if (!s->code[0]) conf -= 0.3;
    if (inherited) conf -= 0.1;
    if (m.kind == MOD_HYPOTHETICAL || m.kind == MOD_NEGATED) conf -= 0.2;
    return conf < 0.05 ? 0.05 : conf;
}

/* "Danish media and government": a later conjunct that is a bare role takes
 * the country of the first ("---GOV" -> "DNKGOV"). */
static actor_ref conjunct_actor(sent_ctx *c, const int32_t *heads, size_t i) {
    actor_ref r = actor_resolve(c, heads[i]);
    if (i == 0 || strncmp(r.code, "---", 3) || !r.code[3]) return r;
    actor_ref first = actor_resolve(c, heads[0]);
    size_t fl = strlen(first.code);
    if (fl < 3 || !strncmp(first.code, "---", 3)) return r;
    /* keep what modifies both ("Danish Islamist media and government" ->
     * DNKMUS + GOV): the first conjunct's code without its own head role */
    size_t keep = 3;
    int32_t m = c->covered_by[heads[0]];
    if (m >= 0 && c->mention[m] && c->mention[m]->kind == PHRASE_AGENT) {
        const char *role = c->mention[m]->code;
        size_t rl = strlen(role);
        if (rl && role[0] == '~') role++, rl--;
        if (rl && fl > rl && !strncmp(first.code + fl - rl, role, rl)) keep = fl - rl;
    }
    r.code = arena_printf(c->doc->arena, "%.*s%s", (int)keep, first.code, r.code + 3);
    return r;
}

/* 1 if some event of this sentence came from a predicate inside h's subtree */
static int subtree_has_event(const sent_ctx *c, const uint8_t *coded, int32_t h, int depth) {
    if (depth > MAX_DEPTH_WALK) return 0;
    if (coded[h]) return 1;
    for (int32_t k = c->first_child[h]; k >= 0; k = c->next_sibling[k])
        if (subtree_has_event(c, coded, k, depth + 1)) return 1;
    return 0;
}

/* The subject of the clause that child k of a predicate stands for: "urged
 * Japan to ...", "warned (that) Japan would ...", "concerned about Japan
 * joining", "concerned about reports that Japan could join", and the
 * headline's "concerned: Japan could join". -1 none. */
static int32_t complement_subject(const sent_ctx *c, int32_t k) {
    const dyad_token *t = &c->tok[k];
    /* ("..., a leading official has said": who reports it is no target) */
    if (deprel_is(t, "parataxis") && modality_is_speech(c, k)) return -1;
    if (deprel_is(t, "xcomp") || deprel_is(t, "ccomp") || deprel_is(t, "parataxis") ||
        (deprel_is(t, "advcl") && about_word(c, k) && tree_child_prefix(c, k, "nsubj") >= 0))
        return tree_child_prefix(c, k, "nsubj");
    /* ("rejected Netanyahu to delay the trial": an object and its infinitive
     * parsed as the infinitive's subject) */
    int32_t h = tree_head(c, k), sub = tree_child_prefix(c, k, "nsubj"), mark = tree_child(c, k, "mark");
    if (deprel_is(t, "advcl") && h >= 0 && sub > h && sub < k && mark >= 0 && !strcmp(c->form_f[mark], "to") &&
        tree_child(c, h, "obj") < 0)
        return sub;
    if ((deprel_is(t, "obl") || deprel_is(t, "nmod") || deprel_is(t, "advcl")) && about_word(c, k))
        for (int32_t g = c->first_child[k]; g >= 0; g = c->next_sibling[g])
            if (deprel_is(&c->tok[g], "acl") || deprel_is(&c->tok[g], "ccomp")) {
                int32_t sub = tree_child_prefix(c, g, "nsubj");
                if (sub >= 0) return sub;
            }
    return -1;
}

/* fighting, assault, mass violence: acts aimed at a place as much as at someone */
static int violent_code(const char *code) {
    return !strncmp(code, "18", 2) || !strncmp(code, "19", 2) || !strncmp(code, "20", 2);
}

/* a proper noun after "in" hung on v: "in Karabakh", -1 none */
static int32_t named_place_in(const sent_ctx *c, int32_t v) {
    for (int32_t k = c->first_child[v]; k >= 0; k = c->next_sibling[k]) {
        int32_t cs = tree_child(c, k, "case");
        if (deprel_is(&c->tok[k], "obl") && !deprel_is(&c->tok[k], "obl:tmod") && cs >= 0 &&
            !strcmp(c->form_f[cs], "in") && c->tok[k].upos && !strcmp(c->tok[k].upos, "PROPN") &&
            !actor_is_time_word(c->form_f[k]))
            return k;
    }
    return -1;
}

/* a verb heading a clause (not a noun phrase) */
static int clause_head(const sent_ctx *c, int32_t k) {
    return c->tok[k].upos && (!strcmp(c->tok[k].upos, "VERB") || !strcmp(c->tok[k].upos, "AUX"));
}

/* What a speech verb says: its ccomp ("said that Japan ..."), or the quote it
 * is attached to ("'Japan should ...,' she said": the reporting verb hangs on
 * the quote's predicate as parataxis). -1 none. */
static int32_t said_clause(const sent_ctx *c, int32_t v) {
    int32_t cl = tree_child(c, v, "ccomp");
    if (cl >= 0) return cl;
    int32_t h = tree_head(c, v);
    if (strcmp(c->d->format, "dyad")) return -1; /* PETRARCH codes the quote's own event only */
    if (h >= 0 && (deprel_is(&c->tok[v], "parataxis") || deprel_is(&c->tok[v], "dep")) &&
        tree_child_prefix(c, v, "nsubj") >= 0)
        return h;
    return -1;
}

/* "X is about to restore ties with Y, five years after crowds burned its
 * embassy": an adverbial clause of a predicate that coded an event (itself
 * or the clause it governs) is part of that event's phrase, as PETRARCH
 * reads it - no event of its own without an actor on both sides */
static int subordinate_to_coded(const sent_ctx *c, int32_t v, const uint8_t *coded) {
    int32_t h = tree_head(c, v);
    if (h < 0 || !(deprel_is(&c->tok[v], "advcl") || deprel_is(&c->tok[v], "parataxis"))) return 0;
    int marked = 0;
    for (int32_t k = c->first_child[v]; k >= 0; k = c->next_sibling[k])
        if (deprel_is(&c->tok[k], "mark") && k < v) marked = 1;
    if (!marked) return 0;
    if (coded[h]) return 1;
    for (int32_t k = c->first_child[h]; k >= 0; k = c->next_sibling[k])
        if (coded[k] && (deprel_is(&c->tok[k], "xcomp") || deprel_is(&c->tok[k], "ccomp"))) return 1;
    return 0;
}

/* UD-PETRARCH: an event whose target is the subject of a clause the verb
 * governs, itself coded ("Gondor warned that Arnor would attack": A (B .
 * attack) warn), takes the two codes combined through its internal ontology
 * (PICO); with no ontology, or no combination it knows, the verb's own code
 * (NULL: the combination is unknown, no event) */
static const char *code_with_clause(const sent_ctx *c, int32_t v, const dict_pattern *p, int32_t target) {
    if (!c->d->npico || target < 0) return p->code;
    for (int32_t k = c->first_child[v]; k >= 0; k = c->next_sibling[k]) {
        if (!deprel_is(&c->tok[k], "ccomp") && !deprel_is(&c->tok[k], "xcomp")) continue;
        if (tree_child_prefix(c, k, "nsubj") != target) continue;
        pattern_hit lower;
        if (!best_pattern(c, k, &lower) || !lower.pattern->code[0]) continue;
        return dict_pico_combine(c->d, p->code, lower.pattern->code);
    }
    return p->code;
}

/* What a compound subject does together (dyad's dictionaries): agree,
 * consult, cooperate, intend to, hold exercises, fight - or anything about a
 * thing they share ("failed to reach *agreement") */
static int done_together(const dict_pattern *p) {
    static const char *const roots[] = {"01", "03", "04", "05", "06", "15", "19", NULL};
    if (p->object) return 1;
    for (int i = 0; roots[i]; i++)
        if (!strncmp(p->code, roots[i], 2)) return 1;
    return 0;
}

static dyad_status code_predicate(sent_ctx *c, uint32_t si, int32_t v, const pattern_hit *hit, const char *date,
                                  uint8_t *coded, int speech_pass) {
    const dict_pattern *p = hit->pattern;
    int inherited = 0;
    int32_t src_head = source_of(c, v, p->is_noun, &inherited);
    if (p->source_prep) { /* "was freed from Barad-dur" (PETRARCH "(FROM $)") */
        int32_t sp = prep_object_of(c, v, p->source_prep);
        if (sp >= 0) src_head = sp;
    }
    /* PETRARCH's linear patterns: a '$' names the source; failing a subject
     * ("was criticized over ...", "was seen to break ..."), the actor named
     * before the verb in its clause is, as PETRARCH's lower sequence finds it */
    if (hit->source >= 0) src_head = hit->source;
    else if (src_head < 0 && p->seq) src_head = seq_first_actor_before(c, v);
    /* "- NOTED + * [115]": a '+' before the verb is the target; when it is the
     * verb's own subject ("Gondor's minister noted that Cirith Ungol
     * regretted"), the source is the actor named before it */
    if (p->seq && hit->source < 0 && hit->target >= 0 && hit->target < v && src_head == hit->target) {
        int32_t up = tree_head(c, v);
        int32_t before = up >= 0 && (deprel_is(&c->tok[v], "ccomp") || deprel_is(&c->tok[v], "xcomp"))
                             ? tree_child_prefix(c, up, "nsubj") : -1;
        if (before < 0 || before > hit->target) before = seq_actor_before(c, v, hit->target);
        if (before >= 0) src_head = before;
    }
    /* UD-PETRARCH: a passive with no agent takes its source from a phrase
     * after the verb ("was criticized over its dispute with Eriador", "was
     * shot dead in Osgiliath"); its subject, an actor, stays the target */
    /* (also a phrase of its predicative: "was shot [dead in Osgiliath]") */
    int32_t pred = tree_child(c, v, "xcomp");
    if (pred >= 0 && !(c->tok[pred].upos && !strcmp(c->tok[pred].upos, "ADJ"))) pred = -1;
    for (int32_t on = v, round = 0; round < 2 && on >= 0; round++, on = pred)
    if (src_head < 0 && !p->seq && !p->is_noun && strcmp(c->d->format, "dyad") && is_passive(c, v) &&
        hit->target >= 0 && actor_resolve(c, hit->target).code[0])
        for (int32_t k = c->first_child[on]; k >= 0 && src_head < 0; k = c->next_sibling[k])
            if ((deprel_is(&c->tok[k], "obl") || deprel_is(&c->tok[k], "nmod")) && !deprel_is(&c->tok[k], "obl:tmod") &&
                tree_child(c, k, "case") >= 0) {
                actor_ref a = actor_first_in_subtree(c, k, NULL, -1);
                if (a.code[0]) src_head = a.token;
            }
    int32_t srcs[MAX_ARGS], tgts[MAX_ARGS];
    int32_t tgt_head = hit->target;
    if (p->swap_roles && src_head >= 0) { /* "received money from Osgiliath" */
        int32_t giver = seq_nth_actor_after(c, v, src_head, p->swap_roles);
        if (giver >= 0) tgt_head = src_head, src_head = giver;
    } else if (p->target_nth) { /* "celebrated Iftar at Osgiliath with the parliament of Gondor" */
        int32_t nth = seq_nth_actor_after(c, v, src_head, p->target_nth);
        if (nth >= 0) tgt_head = nth;
    }
    /* PETRARCH: the verb's own subject that names no actor is coded by the
     * first actor named inside it ("Resumption of ties between Arnor and
     * Gondor may spur ...") */
    if (src_head >= 0 && !inherited && strcmp(c->d->format, "dyad") && !actor_resolve(c, src_head).code[0]) {
        actor_ref inside = actor_first_in_subtree(c, src_head, NULL, -1);
        if (inside.code[0] && inside.token >= 0) src_head = inside.token;
    }
    size_t ns = expand_conj_or_antecedent(c, src_head, srcs, MAX_ARGS);
    ns = source_subjects_split_by_and(c, v, src_head, srcs, ns);
    /* ("The Philippines was criticized over ...": the subject PETRARCH takes
     * for the source is no target as well) */
    size_t nt = expand_conj_or_antecedent(c, tgt_head == src_head ? -1 : tgt_head, tgts, MAX_ARGS);
    /* ("sent troops to Syria": a bare role as the object gives way to an actor named in a phrase) */
    int bare_object = nt && !hit->pattern->prep && !strncmp(actor_resolve(c, tgts[0]).code, "---", 3);
    if (!strcmp(c->d->format, "dyad") && (!nt || !actor_resolve(c, tgts[0]).code[0] || bare_object)) {
        /* "accused Russia of ...", "summoned the Chinese ambassador": when the
         * pattern's own target names no actor, the direct object, or the
         * object the pattern named, is the target; "called for sanctions
         * against Moscow": so is an actor the target phrase is against/on/with */
        /* the phrase the target may hide in: the pattern's target, else what its
         * last +word introduces ("called +for sanctions against Moscow"), else its object */
        int32_t phrase = nt ? tgts[0] : hit->object;
        if (!nt && hit->nparticles) {
            int32_t pt = prep_object_of(c, v, c->form_f[hit->particle_tok[hit->nparticles - 1]]);
            if (pt >= 0) phrase = pt;
        }
        int32_t alt[3] = {tree_child(c, v, "obj"), hit->object, phrase};
        /* ("join +forces with the ALDE group": a word of the pattern is no one) */
        for (int i = 0; i < hit->nparticles; i++)
            if (alt[0] == hit->particle_tok[i]) alt[0] = -1;
        int found = 0;
        for (int a = 0; a < 2 && !found; a++)
            if (alt[a] >= 0 && alt[a] != hit->target && actor_resolve(c, alt[a]).code[0] &&
                !named_object_is_no_one(c, hit, alt[a], src_head)) {
                nt = expand_conj(c, alt[a], tgts, MAX_ARGS);
                found = 1;
            }
        for (int32_t k = alt[2] >= 0 ? c->first_child[alt[2]] : -1; k >= 0 && !found; k = c->next_sibling[k])
            /* ("concerned about reports Japan could join": a subject taken into
             * the phrase the concern is about) */
            if (deprel_is(&c->tok[k], "nmod") && actor_resolve(c, k).code[0] &&
                (has_case_word(c, k) || (tree_child(c, k, "case") < 0 && about_word(c, alt[2])))) {
                nt = expand_conj(c, k, tgts, MAX_ARGS);
                found = 1;
            }
        /* "contribute troops to Afghanistan", "agreed to share information
         * with Russia": a thing given or done names no one; an actor the verb
         * gives it to, or does it with, is the target */
        /* (also in the clause the predicate governs: "agreed to lend $1 billion
         * to Indonesia"; failing a to/with/against... phrase, a place: "sent
         * 200 troops in Syria", "withdrew its troops from Lebanon") */
        int weak = found ? !strncmp(actor_resolve(c, tgts[0]).code, "---", 3) : bare_object;
        int32_t xc = tree_child(c, v, "xcomp");
        /* ("China and Japan held talks in Beijing": with a compound source, a
         * place is where they met, not whom; the event is between them) */
        /* ("told reporters in Beijing": where a statement is made is not whom it is about) */
        for (int tier = 0; tier < (ns >= 2 || modality_is_speech(c, v) ? 1 : 2); tier++)
        for (int32_t h2 = 0, on = v; h2 < 2 && on >= 0; h2++, on = xc)
            for (int32_t k = c->first_child[on]; k >= 0 && (!found || weak); k = c->next_sibling[k]) {
                if (!(deprel_is(&c->tok[k], "obl") || deprel_is(&c->tok[k], "nmod")) || deprel_is(&c->tok[k], "obl:tmod") ||
                    !(tier ? tree_child(c, k, "case") >= 0 : has_case_word(c, k)) || k == src_head)
                    continue;
                const char *code = actor_resolve(c, k).code;
                if (code[0] && (!weak || strncmp(code, "---", 3))) {
                    nt = expand_conj(c, k, tgts, MAX_ARGS);
                    found = 1;
                    weak = 0;
                }
            }
        /* "found [Barbarin guilty]" parsed as one phrase: a name inside the
         * pattern's object is who it is about */
        for (int32_t k = hit->object >= 0 ? c->first_child[hit->object] : -1; k >= 0 && !found && !nt;
             k = c->next_sibling[k])
            if (k < hit->object && c->tok[k].upos && !strcmp(c->tok[k].upos, "PROPN") && k != src_head)
                nt = expand_conj(c, k, tgts, MAX_ARGS);
        /* "found Barbarin guilty": an unknown object still names the target,
         * or the subject of the clause the verb governs */
        if (!found && !nt && alt[0] >= 0 && alt[0] != hit->object) nt = expand_conj(c, alt[0], tgts, MAX_ARGS);
        for (int32_t k = c->first_child[v]; k >= 0 && !found; k = c->next_sibling[k]) {
            int32_t sub = complement_subject(c, k);
            if (sub >= 0 && sub != src_head && (!nt || actor_resolve(c, sub).code[0])) {
                nt = expand_conj(c, sub, tgts, MAX_ARGS);
                found = 1;
            }
        }
        /* ("violated the ceasefire in Karabakh": failing anyone, a named
         * place the act is aimed at, even one no dictionary knows) */
        if (!found && !nt && ns < 2 && !modality_is_speech(c, v) && violent_code(p->code)) {
            int32_t place = named_place_in(c, v);
            if (place >= 0) nt = expand_conj(c, place, tgts, MAX_ARGS);
        }
    }
    /* "opened an investigation into whether X was spied on": a clause names
     * its subject, never itself */
    if (nt == 1 && clause_head(c, tgts[0])) {
        int32_t sub = tree_child_prefix(c, tgts[0], "nsubj");
        /* ("commitment to supporting Lebanon's sovereignty": without a
         * subject, what the pattern's preposition leads to is done to the
         * first actor it names) */
        if (sub < 0 && tgts[0] == hit->target && p->prep && !strcmp(c->d->format, "dyad")) {
            const char *not_code = src_head >= 0 ? actor_resolve(c, src_head).code : "";
            actor_ref inside = actor_first_in_subtree(c, tgts[0], not_code[0] ? not_code : NULL, -1);
            if (inside.code[0] && strncmp(inside.code, "---", 3) && inside.token >= 0 && inside.token != src_head)
                sub = inside.token;
        }
        nt = sub >= 0 ? expand_conj(c, sub, tgts, MAX_ARGS) : 0;
    }
    /* "withdrew its troops", "put their forces on alert": a bare role owned
     * by a pronoun is the source's own, no one else */
    if (!strcmp(c->d->format, "dyad") && nt == 1 && !strncmp(actor_resolve(c, tgts[0]).code, "---", 3)) {
        int32_t poss = tree_child(c, tgts[0], "nmod:poss");
        if (poss >= 0 && c->tok[poss].upos && !strcmp(c->tok[poss].upos, "PRON")) nt = 0;
    }
    /* "..., the spokeswoman told reporters": telling the press is how the
     * statement is made, not whom it is about */
    if (!strcmp(c->d->format, "dyad") && modality_is_speech(c, v) && nt &&
        !strncmp(actor_resolve(c, tgts[0]).code, "---", 3))
        nt = 0;
    modality_info mod = modality_of(c, v);
    if (mod.kind == MOD_REPORTED) {
        /* "X said Y ..." codes Y's clause; if Y is not named, X is the source
         * (not of a passive: "citizens were released, officials said" does
         * not say the officials released them) */
        if (!ns && !is_passive(c, v)) {
            inherited = 1;
            ns = expand_conj(c, source_of(c, mod.reporter, 0, &(int){0}), srcs, MAX_ARGS);
        }
    }
    actor_ref none = {"", {0, 0}, -1, 0, 0};
    /* PETRARCH's dictionaries rely on its "target anywhere after the verb":
     * take the first prepositional phrase that names an actor */
    int field_format = strcmp(c->d->format, "dyad") != 0;
    int target_named = 0;
    for (size_t j = 0; j < nt && !target_named; j++) target_named = actor_resolve(c, tgts[j]).code[0] != 0;
    /* "called for a boycott against Osgiliath" ("(FOR)" names the target's
     * phrase): a phrase that names no one holds its target */
    if (!target_named && field_format && hit->pattern->prep && nt == 1) {
        actor_ref inside = actor_first_in_subtree(c, tgts[0], NULL, -1);
        if (inside.code[0] && inside.token != src_head) {
            nt = expand_conj(c, inside.token, tgts, MAX_ARGS);
            target_named = 1;
        }
    }
    if (!target_named && field_format && !hit->pattern->prep) {
        nt = 0;
        int32_t an[2] = {v, hit->object};
        /* "celebrated Iftar in Osgiliath with Gondor": an actor named by a
         * phrase whose preposition can name a target goes before a place;
         * the target comes after the verb ("..., several years after
         * Calenardhon crowds burned its embassy, an official said" hung on
         * "said" says nothing about Calenardhon) */
        for (int any_prep = 0; any_prep < 2 && !nt; any_prep++)
        for (int a = 0; a < 2 && !nt; a++) {
            if (an[a] < 0) continue;
            for (int32_t k = c->first_child[an[a]]; k >= 0 && !nt; k = c->next_sibling[k])
                if ((deprel_is(&c->tok[k], "obl") || deprel_is(&c->tok[k], "nmod") || deprel_is(&c->tok[k], "obj") ||
                     deprel_is(&c->tok[k], "ccomp")) &&
                    (any_prep || ((deprel_is(&c->tok[k], "obj") || has_case_word(c, k)) && actor_resolve(c, k).code[0])) &&
                    !deprel_is(&c->tok[k], "obl:tmod") && k != src_head && (k > v || a)) {
                    actor_ref inside = actor_first_in_subtree(c, k, NULL, -1);
                    if (inside.code[0]) nt = expand_conj(c, inside.token, tgts, MAX_ARGS);
                }
        }
        /* failing that, the first actor named after the verb in its phrase
         * ("rescheduled his trip in the White Downs", "signed an accord to
         * supply Gondor with wheat") */
        if (!nt && !p->need_compound) nt = expand_conj(c, seq_first_actor_after(c, v, src_head), tgts, MAX_ARGS);
    }
    int patient_object = 0;
    if (!field_format && !speech_pass) nt = target_refinements(c, v, hit, src_head, mod, tgts, nt, &patient_object);
    int speech_target = 0;
    actor_ref about = none;
    if (speech_pass) {
        /* a statement about Z with no other event: X -> Z */
        int32_t cl = said_clause(c, v);
        /* (PETRARCH's statement is about what follows the verb: "..., a
         * senior Bree official said on Saturday" says nothing about it) */
        if (cl < 0 || (field_format && cl < v)) return DYAD_OK;
        if (subtree_has_event(c, coded, cl, 0)) return DYAD_OK;
        actor_ref s0 = ns ? actor_resolve(c, srcs[0]) : none;
        about = actor_first_in_subtree(c, cl, s0.code[0] ? s0.code : NULL, v);
        /* "said the submarine programme was on track": a bare role is no one to speak about */
        if (!about.code[0] || !strncmp(about.code, "---", 3)) return DYAD_OK;
        speech_target = 1;
        /* "satisfaction toward Gondor and Arnor's Elrond": each conjunct */
        nt = about.token >= 0 ? expand_conj(c, about.token, tgts, MAX_ARGS) : 0;
    }
    /* "Trump and Putin agreed to share information": with a compound source, a
     * target naming no one leaves the event between the members */
    if (ns >= 2 && nt && !target_named && !field_format && !speech_pass) nt = 0;
    /* PETRARCH with require_dyad off: the first noun phrase after the verb
     * (an object, or a phrase with a preposition: "said on Saturday", not
     * "said today") is the target even when it names no actor */
    /* (UD-PETRARCH, over the tree, takes only an object: "burned down its
     * embassy", and no statement "said on Saturday") */
    int monadic = field_format && !c->require_dyad && !speech_pass && (p->seq || !modality_is_speech(c, v));
    for (int32_t k = c->first_child[v]; monadic && !nt && k >= 0; k = c->next_sibling[k])
        if (k > v && (deprel_is(&c->tok[k], "obj") ||
                      (p->seq && (deprel_is(&c->tok[k], "obl") || deprel_is(&c->tok[k], "nmod")) &&
                       !deprel_is(&c->tok[k], "obl:tmod") && tree_child(c, k, "case") >= 0)))
            tgts[nt++] = k;
    if (monadic && !p->seq && nt && !deprel_is(&c->tok[tgts[0]], "obj")) monadic = 0;
    if (monadic && subordinate_to_coded(c, v, coded)) monadic = 0;
    int any = 0;
    actor_ref sref[MAX_ARGS], tref[MAX_ARGS];
    size_t nsrcs = ns; /* (the heads in srcs; sref may grow past them) */
    for (size_t i = 0; i < ns; i++) sref[i] = conjunct_actor(c, srcs, i);
    /* "A West Bank shooting attack that killed ...": an event is no one; who
     * carried it out is its possessor, its by-phrase or its adjective
     * ("Israeli airstrikes"), not a place named in it */
    for (size_t i = 0; i < ns && !field_format; i++)
        if (srcs[i] >= 0 && c->tok[srcs[i]].upos && !strcmp(c->tok[srcs[i]].upos, "NOUN") && noun_is_event(c, srcs[i]))
            sref[i] = source_event_agent(c, srcs[i]);
    for (size_t j = 0; j < nt; j++) tref[j] = conjunct_actor(c, tgts, j);
    /* "Indian and Chinese troops clashed": one phrase, two actors */
    if (ns == 1) ns = actor_modifier_conjuncts(c, srcs[0], sref, MAX_ARGS);
    /* "an attack that killed ...", "the bombing killed ...": who acts is an
     * actor, or a name that may be one; an event noun is no one */
    for (size_t i = 0; i < ns && !field_format; i++)
        if (!sref[i].code[0] && !actor_names_someone(c, sref[i].token >= 0 ? sref[i].token : i < nsrcs ? srcs[i] : -1))
            sref[i].span.len = 0;
    if (nt == 1 && !speech_pass) nt = actor_modifier_conjuncts(c, tgts[0], tref, MAX_ARGS);
    if (nt == 1 && !speech_pass) nt = actor_hyphen_conjuncts(c, tgts[0], tref, nt, MAX_ARGS);
    if (ns) ns = actor_place_conjuncts(c, srcs[0], sref, ns, MAX_ARGS);
    if (nt && !speech_pass) nt = actor_place_conjuncts(c, tgts[0], tref, nt, MAX_ARGS);
    if (patient_object) tref[0] = target_patient_actor(c, hit->object), nt = 1;
    /* "Gondor and Osgiliath postponed their meeting", "Jordan and Britain have
     * agreed": a compound source with no target is an event between its
     * members, both ways (as PETRARCH codes compounds) */
    /* (with dyad's dictionaries only for what is done together: "Italy and
     * Spain refused to allow the plane" is two refusals, not Italy refusing
     * Spain) */
    if (ns >= 2 && !nt && !speech_pass && !modality_is_speech(c, v) && (field_format || done_together(p))) {
        /* "Jordan and Britain held joint military exercises": a show of force
         * made together is military cooperation (CAMEO 062, PLOVER's manual) */
        const char *together = !field_format && !strncmp(p->code, "15", 2) ? "062" : p->code;
        for (size_t i = 0; i < ns; i++)
            for (size_t j = 0; j < ns; j++) {
                if (i == j) continue;
                actor_ref s = sref[i], t = sref[j];
                if (!s.code[0] || !t.code[0]) continue;
                if (field_format && !strncmp(s.code, "---", 3) && !strncmp(t.code, "---", 3)) continue;
                if (field_format && !strcmp(s.code, t.code)) continue; /* ("Old foe Gondor and Osgiliath") */
                dyad_status st = emit(c, si, v, together, &s, &t, mod, p, confidence_of(&s, &t, 1, mod), date);
                if (st) return st;
                any = 1;
            }
        if (any) coded[v] = 1;
        return DYAD_OK;
    }
    for (size_t i = 0; i < (ns ? ns : 1); i++) {
        actor_ref s = ns ? sref[i] : none;
        for (size_t j = 0; j < (nt ? nt : 1); j++) {
            actor_ref t = speech_target && (!j || !nt) ? about : nt ? tref[j] : none;
            if (monadic && !t.code[0] && nt) t.code = "---";
            if (!s.code[0] && !t.code[0]) continue;
            if (!s.span.len) continue; /* no "who": not an event (passives without agent, bare nouns) */
            /* "accuse !": the event needs someone as target ("called the pact dangerous" is no call) */
            if (p->need_target && !t.code[0]) continue;
            /* a statement about Z needs to know who said it ("The report said ...") */
            if (speech_target && !s.code[0]) continue;
            /* "..., she said": a speaker with nothing said about anyone is no event
             * ("declared a ceasefire" is no statement: the pattern names what) */
            if (!t.code[0] && modality_is_speech(c, v) && !p->object) continue;
            if (field_format && (!s.code[0] || !t.code[0])) continue; /* PETRARCH codes dyads only */
            /* "President X and President of the Commission Y held a meeting": two
             * roles of no known country are no dyad */
            if (field_format && !strncmp(s.code, "---", 3) && !strncmp(t.code, "---", 3) && !monadic) continue;
            /* "Germany agreed to consult", "X met": an event that is done to or
             * with someone is no event when no one is there at all */
            if (!field_format && !nt && !speech_target && event_needs_target(p)) continue;
            if (s.code[0] && t.code[0] && !strcmp(s.code, t.code) && s.span.off == t.span.off) continue;
            /* (PETRARCH codes no actor acting on itself: "ties between Arnor and
             * Gondor may spur reconciliation between Calenardhon and Gondor") */
            if (field_format && !strcmp(s.code, t.code)) continue;
            /* "Washington hosts a US-Japan-Philippines summit": the source's own
             * country in the chain is the host, not a guest */
            if (t.in_chain && !strncmp(s.code, t.code, 3)) continue;
            const char *code = nt && !speech_target ? code_with_clause(c, v, p, tgts[j < nt ? j : 0]) : p->code;
            if (!code) continue;
            dyad_status st = emit(c, si, v, code, &s, &t, mod, p, confidence_of(&s, &t, inherited, mod), date);
            if (!st && p->reverse_code && s.code[0] && t.code[0])
                st = emit(c, si, v, p->reverse_code, &t, &s, mod, p, confidence_of(&s, &t, inherited, mod), date);
            if (st) return st;
            any = 1;
        }
    }
    if (any) coded[v] = 1;
    return DYAD_OK;
}

/* "offered criticism of X", "launched an attack on X": the noun carries the
 * event; the light verb only lends it its subject. */
static int light_verb_of_event_noun(const sent_ctx *c, int32_t v, const pattern_hit *hits) {
    int32_t o = tree_child(c, v, "obj");
    return o >= 0 && hits[o].pattern && hits[o].pattern->is_noun && hits[v].object != o && is_light_verb(c, v);
}

/* "is willing to withdraw its troops from X", "agreed to release Y": the
 * clause carries the event (coded as intended); a governing predicate with
 * no target of its own adds nothing */
static int governs_coded_clause(const sent_ctx *c, int32_t v, const pattern_hit *hits) {
    if (hits[v].target >= 0 || hits[v].pattern->prep || hits[v].nparticles > 1 || !strcmp(c->d->format, "petrarch") ||
        !strcmp(c->d->format, "tabari"))
        return 0;
    /* "promised to lay down arms", "agreed to withdraw": a bare intent verb
     * over a coded predicate is one event, the predicate's, coded as CAMEO's
     * intent for it (035) - more specific than the verb's own 030 */
    int bare_intent = !hits[v].pattern->object && !hits[v].nparticles && modality_is_intent_verb(c, v);
    for (int32_t k = c->first_child[v]; k >= 0; k = c->next_sibling[k])
        if (deprel_is(&c->tok[k], "xcomp") && hits[k].pattern && hits[k].pattern->code[0] &&
            (hits[k].target >= 0 || bare_intent))
            return 1;
    return 0;
}

/* UD-PETRARCH: "Mordor will be hosting Osgiliath to celebrate Tabaski with
 * Eriador" - a purpose clause ("to" + verb, with no subject of its own) that
 * codes an event is the event; the verb it serves is not coded apart */
static int serves_coded_purpose(const sent_ctx *c, int32_t v, const pattern_hit *hits) {
    if (strcmp(c->d->format, "petrarch") || c->d->has_seq) return 0;
    for (int32_t k = c->first_child[v]; k >= 0; k = c->next_sibling[k]) {
        if (!deprel_is(&c->tok[k], "advcl") || !hits[k].pattern || !hits[k].pattern->code[0]) continue;
        if (tree_child_prefix(c, k, "nsubj") >= 0) continue;
        for (int32_t g = c->first_child[k]; g >= 0; g = c->next_sibling[g])
            if (deprel_is(&c->tok[g], "mark") && !strcmp(c->form_f[g], "to")) return 1;
    }
    return 0;
}

/* "threatened to close the strait": the xcomp is what the coded predicate
 * is about, not an event of its own - unless it has its own subject */
static int clause_of_coded_predicate(const sent_ctx *c, int32_t v, const uint8_t *coded) {
    int32_t h = tree_head(c, v);
    return h >= 0 && coded[h] && deprel_is(&c->tok[v], "xcomp") && tree_child_prefix(c, v, "nsubj") < 0;
}

/* "condemned the attack on X": one event, the verb's; the noun is what it is
 * about. So is the object a coded pattern named ("refused to lift its *ban"). */
static int noun_inside_coded_verb(const sent_ctx *c, int32_t k, const uint8_t *coded, const pattern_hit *hits) {
    int32_t h = tree_head(c, k);
    if (h >= 0 && coded[h] && !is_light_verb(c, h)) return 1;
    for (int32_t v = 0; v < (int32_t)c->n; v++)
        if (v != k && coded[v] && hits[v].pattern && hits[v].pattern->object && hits[v].object == k) return 1;
    return 0;
}

/* "Russia says Israel must end attacks on Syria": a speech verb whose clause
 * has an actor as subject and "must" / "should" is the speaker asking it of
 * that actor (CAMEO demand 100, appeal 020); the actor has done nothing yet,
 * so the clause is not coded as its act (with dyad's own dictionaries) */
static dyad_status code_asked_for(sent_ctx *c, uint32_t si, int32_t v, const pattern_hit *hit, const char *date,
                                  uint8_t *coded, uint8_t *asked) {
    int32_t cl = tree_child(c, v, "ccomp");
    const char *code = cl >= 0 ? speech_asked_for_code(c, cl) : NULL;
    int32_t subj = code ? tree_child_prefix(c, cl, "nsubj") : -1;
    if (subj < 0 || deprel_is(&c->tok[subj], "nsubj:pass")) return DYAD_OK;
    actor_ref t = actor_resolve(c, subj);
    int inherited;
    actor_ref src = actor_resolve(c, source_of(c, v, 0, &inherited));
    if (!t.code[0] || !src.code[0] || !strcmp(src.code, t.code)) return DYAD_OK;
    dict_pattern *dp = arena_alloc(c->doc->arena, sizeof *dp);
    if (!dp) return DYAD_ENOMEM;
    *dp = *hit->pattern;
    dp->code = code;
    dp->rule = arena_printf(c->doc->arena, "%s (asked for: %s)", hit->pattern->rule, code[0] == '1' ? "must" : "should");
    if (!dp->rule) return DYAD_ENOMEM;
    modality_info asserted = {MOD_ASSERTED, -1};
    dyad_status st = emit(c, si, v, code, &src, &t, asserted, dp, confidence_of(&src, &t, inherited, asserted), date);
    if (st) return st;
    coded[v] = coded[cl] = 1;
    asked[cl] = asked[v] = 1; /* ("..., Mao Ning told reporters": one event, the appeal) */
    return DYAD_OK;
}

/* PETRARCH (its own linear dictionaries) drops a closing clause after the
 * last comma when it has between comma_emin and comma_emax words (defaults 2
 * and 8): "..., a senior official said on Saturday." codes nothing. Returns
 * the first token dropped, or -1. */
static int32_t dropped_end_clause(const sent_ctx *c) {
    if (!c->d->has_seq) return -1;
    int lo = c->d->comma_set ? c->d->comma_end_min : 2, hi = c->d->comma_set ? c->d->comma_end_max : 8;
    if (hi <= 0) return -1;
    int32_t comma = -1;
    for (int32_t k = (int32_t)c->n - 1; k >= 0 && comma < 0; k--)
        if (!strcmp(c->form_f[k], ",")) comma = k;
    if (comma < 0) return -1;
    int words = 0;
    for (int32_t k = comma + 1; k < (int32_t)c->n; k++)
        if (!c->tok[k].upos || strcmp(c->tok[k].upos, "PUNCT")) words++;
    return words >= lo && words <= hi ? comma + 1 : -1;
}

static dyad_status code_sentence(const dy_dicts *d, dyad_doc *doc, uint32_t si, const char *date, int32_t day,
                                 int have_day, doc_memory *mem, int require_dyad) {
    const dyad_sentence *s = &doc->sentences[si];
    if (!s->ntokens || s->first_token + s->ntokens > doc->ntokens) return DYAD_OK;
    sent_ctx c = {0};
    c.d = d;
    c.doc = doc;
    c.n = s->ntokens > MAX_SENT_TOKENS ? MAX_SENT_TOKENS : s->ntokens;
    c.tok = normalized_tokens(doc, &doc->tokens[s->first_token], c.n, d);
    if (!c.tok) return DYAD_ENOMEM;
    c.day = day;
    c.have_day = have_day;
    c.mem = mem;
    c.require_dyad = require_dyad;
    int parsed = 0;
    for (uint32_t i = 0; i < c.n; i++)
        if (c.tok[i].head >= 0 && c.tok[i].deprel) parsed = 1;
    if (!parsed) return DYAD_OK;
    if (build_tree(&c) || actors_prepare(&c)) return DYAD_ENOMEM;
    if (actors_sentence_discarded(&c)) return DYAD_OK;
    uint8_t *coded = arena_calloc(doc->arena, c.n, 1), *asked = arena_calloc(doc->arena, c.n, 1);
    pattern_hit *hits = arena_calloc(doc->arena, c.n, sizeof *hits);
    if (!coded || !asked || !hits) return DYAD_ENOMEM;
    int32_t dropped = dropped_end_clause(&c);
    for (int32_t v = 0; v < (int32_t)c.n; v++)
        if (dropped < 0 || v < dropped) best_pattern(&c, v, &hits[v]);
    for (int32_t v = 0; v < (int32_t)c.n && !strcmp(d->format, "dyad"); v++)
        if (hits[v].pattern && hits[v].pattern->code[0] && modality_is_speech(&c, v)) {
            dyad_status st = code_asked_for(&c, si, v, &hits[v], date, coded, asked);
            if (st) return st;
        }
    /* verbs first, then event nouns, then the speech verbs whose clause coded nothing */
    for (int pass = 0; pass < 2; pass++)
        for (int32_t v = 0; v < (int32_t)c.n; v++) {
            const dict_pattern *p = hits[v].pattern;
            if (!p || p->is_noun != pass || asked[v]) continue;
            if (!p->code[0]) { /* a PETRARCH "[---]" phrase: known, and not an event */
                coded[v] = 1;
                continue;
            }
            if (modality_is_speech(&c, v) && tree_child(&c, v, "ccomp") >= 0 && !p->prep && hits[v].target < 0)
                continue;
            if (!pass && light_verb_of_event_noun(&c, v, hits)) continue;
            if (!pass && governs_coded_clause(&c, v, hits)) continue;
            if (!pass && clause_of_coded_predicate(&c, v, coded)) continue;
            if (!pass && serves_coded_purpose(&c, v, hits)) continue;
            if (pass && noun_inside_coded_verb(&c, v, coded, hits)) continue;
            dyad_status st = code_predicate(&c, si, v, &hits[v], date, coded, 0);
            if (st) return st;
        }
    for (int32_t v = 0; v < (int32_t)c.n; v++) {
        if (!hits[v].pattern || coded[v] || !modality_is_speech(&c, v)) continue;
        dyad_status st = code_predicate(&c, si, v, &hits[v], date, coded, 1);
        if (st) return st;
    }
    actors_remember_persons(&c);
    return DYAD_OK;
}

static dyad_status code_doc_with(const dy_dicts *d, dyad_doc *doc, const char *default_date, int require_dyad,
                                 dyad_error *err) {
    if (!d || !doc) return DYAD_OK;
    char norm[11];
    const char *date = NULL;
    if (doc->date && !date_normalize(doc->date, norm)) date = arena_strdup(doc->arena, norm);
    else if (default_date && !date_normalize(default_date, norm)) date = arena_strdup(doc->arena, norm);
    int32_t day = 0;
    int have_day = date && !date_parse(date, &day);
    doc_memory mem = {0};
    for (uint32_t si = 0; si < doc->nsentences; si++) {
        dyad_status st = code_sentence(d, doc, si, date ? date : "", day, have_day, &mem, require_dyad);
        if (st) {
            dyad_error_set(err, st, doc->input ? doc->input : "-", doc->input_line, doc->input_offset,
                           "out of memory while coding sentence %u", si + 1);
            return st;
        }
    }
    return DYAD_OK;
}

dyad_status code_doc(const dy_dicts *d, dyad_doc *doc, const char *default_date, dyad_error *err) {
    if (d && d->tabari) return tabari_code_doc(d, doc, default_date, err);
    return code_doc_with(d, doc, default_date, 1, err);
}

dyad_status code_doc_monadic(const dy_dicts *d, dyad_doc *doc, const char *default_date, dyad_error *err) {
    return code_doc_with(d, doc, default_date, 0, err);
}

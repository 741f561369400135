/* repairs.c - the coder's working copy of a sentence's tokens: UD v1
 * relation names become v2, and typical misparses are set right before the
 * tree is read (a word hung on punctuation, a dateline taken for the
 * subject, a name taken for the root, a reduced relative taken for the
 * verb, a closing "..., X said" hung in the wrong place, a verb tagged as a
 * noun). Kept apart from the coder because these rules only rewrite heads,
 * relations and tags; they know nothing of dictionaries or events, and the
 * document's own tokens stay as the parser wrote them. */
#include <ctype.h>
#include <string.h>
#include <strings.h>
#include "base/arena.h"
#include "coder_int.h"
#include "modality.h"

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

/* 1 if token i (0-based) lies below token top */
static int below(const dyad_token *t, uint32_t n, uint32_t i, uint32_t top) {
    int32_t h = t[i].head;
    for (int k = 0; k < MAX_DEPTH_WALK && h > 0 && (uint32_t)h <= n; k++, h = t[h - 1].head)
        if ((uint32_t)h == top + 1) return 1;
    return 0;
}

/* the verb the phrase of the word at i (0-based) follows directly, with only
 * the word's own modifiers between, when that verb has no object or clause
 * of its own yet; n if none. An xcomp after the word counts only when
 * later_xcomp is set. */
static uint32_t objectless_verb_before(const dyad_token *t, uint32_t n, uint32_t i, int later_xcomp) {
    uint32_t v = i;
    while (v > 0 && below(t, n, v - 1, i)) v--;
    if (v == 0 || !upos_is(&t[v - 1], "VERB")) return n;
    v--;
    for (uint32_t k = 0; k < n; k++)
        if (t[k].head == (int32_t)v + 1 && t[k].deprel &&
            (!strcmp(t[k].deprel, "obj") || !strncmp(t[k].deprel, "ccomp", 5) ||
             ((later_xcomp || k < i) && !strncmp(t[k].deprel, "xcomp", 5))))
            return n;
    return v;
}

/* the verb a word hung on the final punctuation follows directly ("when
 * Biden hosts Japanese Prime Minister Fumio Kishida at the White House ."),
 * with no object or complement yet: the word is its object */
static uint32_t bare_verb_before(const dyad_token *t, uint32_t n, uint32_t i) {
    return objectless_verb_before(t, n, i, 1);
}

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
        /* (or its compound: "will host Japan's Crown Prince Naruhito next
         * Wednesday ..." with "Crown" a compound of the final ".") */
        if (!t[i].deprel || (strncmp(t[i].deprel, "nsubj", 5) && strcmp(t[i].deprel, "compound"))) continue;
        uint32_t v = upos_is(&t[i], "PROPN") || upos_is(&t[i], "NOUN") ? bare_verb_before(t, n, i) : n;
        if (v < n) {
            t[i].head = (int32_t)v + 1;
            t[i].deprel = "obj";
            continue;
        }
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

/* "Duterte meets Chinese President Xi Jinping at ...": a name hung on a verb
 * as an unknown relation (`dep`) after it, where the verb has no object, is
 * its object */
static void reattach_name_as_object(dyad_token *t, uint32_t n) {
    for (uint32_t i = 1; i < n; i++) {
        int32_t v = t[i].head - 1;
        if (!upos_is(&t[i], "PROPN") || !t[i].deprel || strcmp(t[i].deprel, "dep") || v < 0 || (uint32_t)v >= i ||
            !upos_is(&t[v], "VERB"))
            continue;
        int has_object = 0;
        for (uint32_t k = 0; k < n && !has_object; k++)
            has_object = t[k].head == v + 1 && t[k].deprel && (!strcmp(t[k].deprel, "obj") || !strcmp(t[k].deprel, "ccomp"));
        if (!has_object) t[i].deprel = "obj";
    }
}

/* a word that names a time ("Wednesday", "week"), whatever its case */
static int actor_is_time_word_form(const char *form) {
    char low[16];
    size_t i = 0;
    for (; form[i] && i + 1 < sizeof low; i++) low[i] = (char)tolower((unsigned char)form[i]);
    if (form[i]) return 0;
    low[i] = 0;
    return actor_is_time_word(low);
}

/* "met Russian President Vladimir Putin on Wednesday at the Kremlin": a name
 * the parse hung, without a preposition, on the time phrase after it is the
 * verb's object (when the verb has none) */
static void reattach_name_before_time(dyad_token *t, uint32_t n) {
    for (uint32_t i = 0; i + 1 < n; i++) {
        int32_t tm = t[i].head - 1;
        /* (as a modifier or a subject of it: "called Saudi Arabia's King
         * Salman on Saturday", "called new Prime Minister Scott Morrison on
         * Wednesday to congratulate him") */
        const char *rel = t[i].deprel ? t[i].deprel : "";
        int hung = (!strncmp(rel, "nmod", 4) && strcmp(rel, "nmod:poss")) || !strcmp(rel, "nsubj");
        if (!upos_is(&t[i], "PROPN") || !hung || tm <= (int32_t)i ||
            (uint32_t)tm >= n || !t[tm].form || !actor_is_time_word_form(t[tm].form))
            continue;
        int32_t v = t[tm].head - 1;
        if (v < 0 || (uint32_t)v >= n || v >= (int32_t)i || !upos_is(&t[v], "VERB") || !t[tm].deprel ||
            strncmp(t[tm].deprel, "obl", 3))
            continue;
        int has_object = 0, has_case = 0;
        for (uint32_t k = 0; k < n; k++) {
            if (t[k].head == v + 1 && t[k].deprel && !strcmp(t[k].deprel, "obj")) has_object = 1;
            if (t[k].head == (int32_t)i + 1 && t[k].deprel && !strcmp(t[k].deprel, "case")) has_case = 1;
        }
        if (has_object || has_case) continue;
        t[i].head = v + 1;
        t[i].deprel = "obj";
    }
}

/* the verb right before the phrase of the word at i (0-based), when it has
 * no object or clause of its own - a complement after the word ("will meet
 * X, in Ankara ... for talks set to ...") does not count; n none */
static uint32_t verb_right_before(const dyad_token *t, uint32_t n, uint32_t i) {
    return objectless_verb_before(t, n, i, 0);
}

/* "Karzai met Nawaz Sharif at the apartments and asked about ...", "has
 * released former Vice President Amado Boudou from prison under bail": a
 * name right after a verb that has no object, hung as the subject of a word
 * later on - a noun, or a verb conjoined to that verb with the "and" after
 * the name - is the verb's object. ("said Nawaz Sharif would visit": the
 * subject of a clause the verb governs stays.) */
static void reattach_subject_after_bare_verb(dyad_token *t, uint32_t n) {
    for (uint32_t i = 1; i < n; i++) {
        int32_t h = t[i].head - 1;
        if (!upos_is(&t[i], "PROPN") || !t[i].deprel || strcmp(t[i].deprel, "nsubj") || h <= (int32_t)i ||
            (uint32_t)h >= n)
            continue;
        uint32_t v = verb_right_before(t, n, i);
        if (v >= n) continue;
        /* ("extradited suspected British militant X": a participle with no
         * auxiliary right before a noun phrase describes it) */
        int aux = 0;
        for (uint32_t k = 0; k < v && !aux; k++)
            aux = t[k].head == (int32_t)v + 1 && t[k].deprel && !strncmp(t[k].deprel, "aux", 3);
        if (t[v].xpos && !strcmp(t[v].xpos, "VBN") && !aux) continue;
        int noun = upos_is(&t[h], "NOUN") || upos_is(&t[h], "PROPN"), conj = 0, cop = 0, second = 0;
        for (uint32_t k = 0; k < n; k++)
            if (t[k].head == h + 1 && t[k].deprel) {
                cop |= !strcmp(t[k].deprel, "cop");
                conj |= !strcmp(t[k].deprel, "cc") && k > i && k < (uint32_t)h;
                second |= !strncmp(t[k].deprel, "nsubj", 5) && k > i && k < (uint32_t)h;
            }
        conj = conj && upos_is(&t[h], "VERB") && t[h].head == (int32_t)v + 1 && t[h].deprel &&
               !strcmp(t[h].deprel, "conj");
        /* (or of a later clause that has a subject of its own: "refused to
         * meet Barack Obama when the U.S. president visited Cuba") */
        if ((noun && !cop) || conj || second) {
            t[i].head = (int32_t)v + 1;
            t[i].deprel = "obj";
        }
    }
}

/* "The move came after the Afghan government released 100 prisoners"
 * parsed as "came [after the government] [and] released ...": a verb taken
 * for a conjunct with no "and", comma or subject, right after a phrase of
 * its head opened by "after/before/since/until/once", is the clause that
 * word opens, and the phrase's noun its subject */
static void reattach_clause_after_subordinator(dyad_token *t, uint32_t n) {
    static const char *const opens[] = {"after", "before", "since", "until", "once", NULL};
    for (uint32_t v = 1; v < n; v++) {
        int32_t h = t[v].head - 1;
        if (!upos_is(&t[v], "VERB") || !t[v].deprel || strcmp(t[v].deprel, "conj") || h < 0 || h >= (int32_t)v)
            continue;
        int own = 0;
        for (uint32_t k = 0; k < v && !own; k++)
            own = t[k].head == (int32_t)v + 1 && t[k].deprel &&
                  (!strcmp(t[k].deprel, "cc") || !strncmp(t[k].deprel, "nsubj", 5) || is_punct(&t[k]));
        /* the phrase that ends right before the verb's own words ("had
         * released"), hung on its head */
        uint32_t first = v;
        while (first > 0 && below(t, n, first - 1, v)) first--;
        if (own || first == 0 || is_punct(&t[first - 1]) || upos_is(&t[first - 1], "CCONJ")) continue;
        uint32_t s = first - 1;
        while (s < n && t[s].head != h + 1 && below(t, n, s, (uint32_t)h)) s = (uint32_t)t[s].head - 1;
        if (s >= v || t[s].head != h + 1 || !t[s].deprel || strncmp(t[s].deprel, "obl", 3) ||
            !(upos_is(&t[s], "NOUN") || upos_is(&t[s], "PROPN")))
            continue;
        uint32_t cs = n;
        for (uint32_t k = 0; k < s && cs == n; k++)
            if (t[k].head == (int32_t)s + 1 && t[k].deprel && !strcmp(t[k].deprel, "case") && t[k].form)
                for (int i = 0; opens[i] && cs == n; i++)
                    if (!strcasecmp(t[k].form, opens[i])) cs = k;
        if (cs == n) continue;
        t[v].deprel = "advcl";
        t[cs].head = (int32_t)v + 1;
        t[cs].deprel = "mark";
        t[s].head = (int32_t)v + 1;
        t[s].deprel = "nsubj";
    }
}

/* A working copy of the sentence's tokens with v2 relation names; the
 * document's own tokens stay as the parser wrote them. */
dyad_token *repairs_working_tokens(dyad_doc *doc, const dyad_token *t, uint32_t n, const dy_dicts *d) {
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
    if (!strcmp(d->format, "dyad")) reattach_name_as_object(copy, n);
    if (!strcmp(d->format, "dyad")) reattach_name_before_time(copy, n);
    if (!strcmp(d->format, "dyad")) reattach_subject_after_bare_verb(copy, n);
    if (!strcmp(d->format, "dyad")) reattach_clause_after_subordinator(copy, n);
    return copy;
}

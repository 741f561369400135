/* augment.c - news-style copies of treebank sentences for training. Web text
 * rarely puts a time or source phrase between subject and verb, news does it
 * all the time ("China on Monday said ..."), and a model that never saw it
 * attaches the subject to the date. So some sentences whose noun subject
 * directly precedes its finite verb get a copy with such a phrase inserted,
 * annotated the way the treebank annotates it elsewhere. Other copies open
 * with a wire-story dateline ("MOSCOW (AFP) -") or put a country's possessive
 * before a named subject ("Russia 's Putin said"). */
#include <stdlib.h>
#include <string.h>
#include "nlp_internal.h"

/* head: 1-based index inside the phrase, or 0 for the verb */
typedef struct phrase_tok { const char *form, *lemma, *upos, *xpos, *deprel; int head; } phrase_tok;
typedef struct phrase { int n; phrase_tok t[6]; } phrase;

#define ON_DAY(d) {2, {{"on", "on", "ADP", "IN", "case", 2}, {d, d, "PROPN", "NNP", "obl", 0}}}
static const phrase phrases[] = {
    ON_DAY("Monday"), ON_DAY("Tuesday"), ON_DAY("Wednesday"), ON_DAY("Thursday"), ON_DAY("Friday"),
    ON_DAY("Saturday"), ON_DAY("Sunday"),
    {2, {{"last", "last", "ADJ", "JJ", "amod", 2}, {"week", "week", "NOUN", "NN", "obl:unmarked", 0}}},
    {2, {{"this", "this", "DET", "DT", "det", 2}, {"week", "week", "NOUN", "NN", "obl:unmarked", 0}}},
    {1, {{"yesterday", "yesterday", "NOUN", "NN", "obl:unmarked", 0}}},
    {1, {{"earlier", "early", "ADV", "RBR", "advmod", 0}}},
    {1, {{"also", "also", "ADV", "RB", "advmod", 0}}},
    {3, {{"on", "on", "ADP", "IN", "case", 2}, {"March", "March", "PROPN", "NNP", "obl", 0},
         {"5", "5", "NUM", "CD", "nummod", 2}}},
    {5, {{",", ",", "PUNCT", ",", "punct", 4}, {"in", "in", "ADP", "IN", "case", 4}, {"a", "a", "DET", "DT", "det", 4},
         {"statement", "statement", "NOUN", "NN", "obl", 0}, {",", ",", "PUNCT", ",", "punct", 4}}},
    {4, {{",", ",", "PUNCT", ",", "punct", 3}, {"on", "on", "ADP", "IN", "case", 3},
         {"Monday", "Monday", "PROPN", "NNP", "obl", 0}, {",", ",", "PUNCT", ",", "punct", 3}}},
};
enum { NPHRASES = sizeof phrases / sizeof phrases[0], MAX_AUG_LEN = 60 };

/* Datelines: wire stories open with "CITY (Agency) -", which the treebank
 * has only as sentences of their own ("WASHINGTON (CNN) --": the city the
 * root, the agency its list member). Glued to the first sentence, as
 * segmenters leave them, the city became the root and the verb its dep. The
 * copies hang the dateline on the sentence's root as dep (head 0 below). */
#define DATELINE(city, lemma, agency, dash)                                                               \
    {5, {{city, lemma, "PROPN", "NNP", "dep", 0}, {"(", "(", "PUNCT", "-LRB-", "punct", 3},               \
         {agency, agency, "PROPN", "NNP", "list", 1}, {")", ")", "PUNCT", "-RRB-", "punct", 3},            \
         {dash, dash, "PUNCT", ",", "punct", 1}}}
#define CITY_DASH(city, lemma, dash) {2, {{city, lemma, "PROPN", "NNP", "dep", 0}, {dash, dash, "PUNCT", ",", "punct", 1}}}
/* lemmas of names in capitals are their usual spelling, as in the treebank */
static const phrase datelines[] = {
    DATELINE("WASHINGTON", "Washington", "Reuters", "-"), DATELINE("BEIJING", "Beijing", "AP", "--"),
    DATELINE("MOSCOW", "Moscow", "AFP", "\xe2\x80\x94"), DATELINE("JERUSALEM", "Jerusalem", "Reuters", "-"),
    DATELINE("Nairobi", "Nairobi", "Reuters", "-"), DATELINE("KYIV", "Kyiv", "AP", "\xe2\x80\x94"),
    DATELINE("CAIRO", "Cairo", "Reuters", "-"), DATELINE("Geneva", "Geneva", "AFP", "-"),
    CITY_DASH("TOKYO", "Tokyo", "-"), CITY_DASH("LONDON", "London", "\xe2\x80\x94"), CITY_DASH("Tehran", "Tehran", "--"),
    CITY_DASH("BRUSSELS", "Brussels", "-"),
};
enum { NDATELINES = sizeof datelines / sizeof datelines[0] };

/* A country's possessive before a named subject ("Russia 's Putin said"),
 * everyday in news and rare in the treebank, where the parser took the
 * country for the verb's subject. Head 0 is the name. */
#define POSSESSOR(country) {2, {{country, country, "PROPN", "NNP", "nmod:poss", 0}, {"'s", "'s", "PART", "POS", "case", 1}}}
static const phrase possessors[] = {
    POSSESSOR("China"),  POSSESSOR("Russia"), POSSESSOR("Japan"),   POSSESSOR("Iran"),   POSSESSOR("India"),
    POSSESSOR("Britain"), POSSESSOR("France"), POSSESSOR("Germany"), POSSESSOR("Turkey"), POSSESSOR("Israel"),
    POSSESSOR("Ukraine"), POSSESSOR("Brazil"), POSSESSOR("Egypt"),   POSSESSOR("Pakistan"),
};
enum { NPOSSESSORS = sizeof possessors / sizeof possessors[0] };

static int is_finite_verb(const nlp_gold_tok *t) {
    return !strcmp(t->upos, "VERB") && (!strcmp(t->xpos, "VBD") || !strcmp(t->xpos, "VBZ") || !strcmp(t->xpos, "VBP"));
}

/* 1-based verb whose noun subject's subtree ends right before it; 0 if none */
static int insertion_verb(const nlp_gold_tok *s, int n) {
    for (int v = 2; v <= n; v++) {
        if (!is_finite_verb(&s[v - 1])) continue;
        /* walk up from the word before the verb: it must lie under a noun
         * subject of this verb */
        int w = v - 1, steps = 0;
        while (w > 0 && s[w - 1].head != v && steps++ < n) w = s[w - 1].head;
        if (w <= 0 || s[w - 1].head != v || strcmp(s[w - 1].deprel, "nsubj")) continue;
        if (strcmp(s[w - 1].upos, "PROPN") && strcmp(s[w - 1].upos, "NOUN")) continue;
        return v;
    }
    return 0;
}

/* 1-based name that is a verb's subject and opens its own phrase (no
 * dependents to its left, no possessor yet); 0 if none */
static int named_subject(const nlp_gold_tok *s, int n) {
    for (int i = 1; i <= n; i++) {
        if (strcmp(s[i - 1].upos, "PROPN") || strncmp(s[i - 1].deprel, "nsubj", 5)) continue;
        int h = s[i - 1].head;
        if (h < 1 || h > n || strcmp(s[h - 1].upos, "VERB")) continue;
        int left = 0;
        for (int j = 1; j < i; j++) left |= s[j - 1].head == i;
        if (!left) return i;
    }
    return 0;
}

/* Copy sentence si of src to the end of dst, with phrase p (when not NULL)
 * inserted before word v; the phrase's head 0 is word attach (both 1-based,
 * in the original's numbering). */
static int copy_sentence(nlp_corpus *dst, const nlp_corpus *src, size_t si, const phrase *p, int v, int attach,
                         const char *id) {
    int n = (int)corpus_sent_len(src, si), k = p ? p->n : 0;
    size_t first = src->sent_first[si];
    if (corpus_add_sentence(dst, id)) return -1;
    for (int i = 1; i <= n + k; i++) {
        nlp_gold_tok *t = corpus_add_token(dst);
        if (!t) return -1;
        if (p && i >= v && i < v + k) { /* the inserted phrase */
            const phrase_tok *pt = &p->t[i - v];
            int to = attach >= v ? attach + k : attach;
            *t = (nlp_gold_tok){pt->form, pt->lemma, pt->upos, pt->xpos, pt->deprel, pt->head ? v - 1 + pt->head : to};
            continue;
        }
        *t = src->toks[first + (p && i >= v ? i - k : i) - 1];
        if (p && t->head >= v) t->head += k;
    }
    return 0;
}

/* Each copy follows its original, so that a split of the corpus into
 * contiguous folds keeps the two in the same fold. */
long corpus_augment_news(nlp_corpus *c) {
    nlp_corpus out;
    memset(&out, 0, sizeof out);
    out.arena = c->arena;
    long added = 0;
    for (size_t si = 0; si < c->nsents; si++) {
        if (copy_sentence(&out, c, si, NULL, 0, 0, c->sent_ids[si])) goto nomem;
        int n = (int)corpus_sent_len(c, si);
        size_t first = c->sent_first[si];
        if (n > MAX_AUG_LEN) continue;
        int ok_heads = 1, root = 0;
        for (int i = 0; i < n; i++) {
            ok_heads &= c->toks[first + i].head >= 0;
            if (c->toks[first + i].head == 0) root = i + 1;
        }
        if (!ok_heads) continue;
        const phrase *p = NULL;
        int v = 0, attach = 0;
        const char *suffix = "-news";
        if (si % 4 == 0) { /* a quarter of the eligible sentences: the rest stay as written */
            v = attach = insertion_verb(c->toks + first, n);
            p = &phrases[(si / 4) % NPHRASES];
        } else if (si % 8 == 6 && (v = named_subject(c->toks + first, n)) > 0) {
            attach = v; /* a possessor before a named subject, one in eight */
            p = &possessors[(si / 8) % NPOSSESSORS];
            suffix = "-possessor";
        } else if (si % 16 == 2 && root && !strcmp(c->toks[first + root - 1].upos, "VERB") &&
                   strcmp(c->toks[first].upos, "PUNCT")) {
            v = 1; /* a dateline before a sentence about a verb, one in sixteen */
            attach = root;
            p = &datelines[(si / 16) % NDATELINES];
            suffix = "-dateline";
        }
        if (!v) continue;
        const char *id = c->sent_ids[si] ? arena_printf(c->arena, "%s%s", c->sent_ids[si], suffix) : NULL;
        if (copy_sentence(&out, c, si, p, v, attach, id)) goto nomem;
        added++;
    }
    free(c->toks);
    free(c->sent_first);
    free(c->sent_ids);
    *c = out;
    return added;
nomem:
    free(out.toks);
    free(out.sent_first);
    free(out.sent_ids);
    return -1;
}

/* lemmatizer.c - lemmas from a lexicon of (lowercase form, XPOS) -> lemma
 * learned from the treebank (plus WordNet's irregular-form exception lists),
 * and for unseen words suffix rules (strip n bytes, append a string) learned
 * per XPOS from the treebank's word types, longest matching suffix first. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "nlp_internal.h"

enum { MAX_SUFFIX = 6, MAXW = 128 };
typedef struct rule_slot { uint32_t fp, strip, off; } rule_slot;

static size_t lower_copy(const char *s, char *out, size_t cap) {
    size_t n = 0;
    for (; s[n] && n + 1 < cap; n++) {
        unsigned char c = (unsigned char)s[n];
        out[n] = (char)(c < 128 ? tolower(c) : c);
    }
    out[n] = 0;
    return n;
}

static uint64_t lex_key(const char *lower, size_t n, const char *xpos) {
    return hash_mix(hash_bytes(lower, n), hash_bytes(xpos, strlen(xpos))) | 1;
}
static uint64_t rule_key(const char *suffix, size_t k, const char *xpos) {
    return hash_mix(hash_mix(hash_bytes(suffix, k), k + 77), hash_bytes(xpos, strlen(xpos))) | 1;
}
static uint32_t fp_of(uint64_t h) { return (uint32_t)(h >> 32) | 1u; }

static const char *lex_find(const nlp_lemmatizer *l, uint64_t h) {
    uint32_t fp = fp_of(h);
    for (uint64_t i = h & l->lexmask;; i = (i + 1) & l->lexmask) {
        const uint32_t *s = l->lex + 2 * i;
        if (!s[0]) return NULL;
        if (s[0] == fp) return l->strings + s[1];
    }
}

static const rule_slot *rule_find(const nlp_lemmatizer *l, uint64_t h) {
    const rule_slot *rs = (const rule_slot *)l->rules;
    uint64_t mask = l->nrules - 1;
    uint32_t fp = fp_of(h);
    for (uint64_t i = h & mask;; i = (i + 1) & mask) {
        if (!rs[i].fp) return NULL;
        if (rs[i].fp == fp) return &rs[i];
    }
}

static int is_proper(const char *upos, const char *xpos) {
    return (upos && !strcmp(upos, "PROPN")) || (xpos && !strncmp(xpos, "NNP", 3));
}

/* ---- WordNet-style detachment (Morphy) for unseen inflected words ---------- */
/* the base-form table's parts of speech are WordNet's n, v, a, r, and this
 * one for adjectives written with a capital ("Kenyan") */
enum { CAPITAL_ADJ = 'C' };
static uint64_t base_key(char pos, const char *w, size_t n) { return hash_mix(hash_bytes(w, n), (uint64_t)pos) | 1; }

static int is_base_form(const nlp_lemmatizer *l, char pos, const char *w, size_t n) {
    if (!l->dict || n == 0) return 0;
    uint64_t h = base_key(pos, w, n);
    uint32_t fp = fp_of(h);
    for (uint64_t i = h & l->dictmask;; i = (i + 1) & l->dictmask) {
        if (!l->dict[i]) return 0;
        if (l->dict[i] == fp) return 1;
    }
}

typedef struct detach { const char *suffix, *ending; } detach;

/* whether "-es" comes off whole after this stem: after s, x, z, ch, sh, o */
static int es_takes_whole(const char *low, size_t stem) {
    if (stem < 1) return 0;
    char c = low[stem - 1];
    if (strchr("sxzo", c)) return 1;
    return stem >= 2 && c == 'h' && (low[stem - 2] == 'c' || low[stem - 2] == 's');
}

/* The first candidate that is a known base form: suffix replaced by ending,
 * then the same with a doubled final consonant undone ("stopped" -> "stop"). */
static const char *morphy(const nlp_lemmatizer *l, const char *low, size_t n, const char *xpos, dyad_arena *a) {
    static const detach noun[] = {{"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"},
                                  {"men", "man"}, {"ies", "y"}, {"oes", "o"}, {"s", ""}, {NULL, NULL}};
    static const detach vbz[] = {{"ies", "y"}, {"es", "e"}, {"es", ""}, {"s", ""}, {NULL, NULL}};
    static const detach ved[] = {{"ied", "y"}, {"ed", "e"}, {"ed", ""}, {NULL, NULL}};
    static const detach ving[] = {{"ying", "ie"}, {"ing", "e"}, {"ing", ""}, {NULL, NULL}};
    static const detach er[] = {{"ier", "y"}, {"er", ""}, {"er", "e"}, {NULL, NULL}};
    static const detach est[] = {{"iest", "y"}, {"est", ""}, {"est", "e"}, {NULL, NULL}};
    const detach *rules;
    char pos;
    if (!strcmp(xpos, "NNS")) rules = noun, pos = 'n';
    else if (!strcmp(xpos, "VBZ")) rules = vbz, pos = 'v';
    else if (!strcmp(xpos, "VBD") || !strcmp(xpos, "VBN")) rules = ved, pos = 'v';
    else if (!strcmp(xpos, "VBG")) rules = ving, pos = 'v';
    else if (!strcmp(xpos, "JJR") || !strcmp(xpos, "RBR")) rules = er, pos = xpos[0] == 'J' ? 'a' : 'r';
    else if (!strcmp(xpos, "JJS") || !strcmp(xpos, "RBS")) rules = est, pos = xpos[0] == 'J' ? 'a' : 'r';
    else return NULL;
    char cand[MAXW];
    for (int pass = 0; pass < 2; pass++)
        for (const detach *d = rules; d->suffix; d++) {
            size_t sl = strlen(d->suffix), el = strlen(d->ending);
            if (n <= sl + 1 || memcmp(low + n - sl, d->suffix, sl)) continue;
            size_t stem = n - sl;
            /* "-es" is a whole ending only after a sibilant or o ("fixes",
             * "goes"); elsewhere the e is the stem's ("departes" is not "depart") */
            if (!strcmp(d->suffix, "es") && !el && !es_takes_whole(low, stem)) continue;
            if (pass == 1) { /* undo a doubled consonant */
                if (el || stem < 3 || low[stem - 1] != low[stem - 2] || strchr("aeiouyls", low[stem - 1])) continue;
                stem--;
            }
            if (stem + el >= sizeof cand) continue;
            memcpy(cand, low, stem);
            memcpy(cand + stem, d->ending, el + 1);
            if (is_base_form(l, pos, cand, stem + el)) return arena_strndup(a, cand, stem + el);
        }
    return NULL;
}

static int has_letter(const char *s) {
    for (; *s; s++)
        if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (unsigned char)*s >= 128) return 1;
    return 0;
}

/* "alt.animals.dolphins", "report.pdf", "a@b.com", "#audiobooks", "and/or":
 * a dot, @, slash or # before the last character */
static int is_address_like(const char *low, size_t n) {
    for (size_t i = 0; i + 1 < n; i++)
        if (strchr("@/#", low[i]) || (low[i] == '.' && i > 0 && low[i + 1] != '.')) return 1;
    return 0;
}

/* "Proposal.xls", "UnleadedStocks.pdf": a document's file name, which the
 * treebank lemmatises in lowercase whatever its tag (web addresses such as
 * "Newsday.com" keep their case) */
static int is_document_name(const char *low, size_t n) {
    static const char *const ext[] = {"doc", "docx", "xls", "xlsx", "pdf", "ppt", "pptx", "txt", "rtf", "wpd", "htm",
                                      "html", "jpg", "jpeg", "gif", "png", "zip", "csv", "dat", "mp3", NULL};
    const char *dot = memchr(low, '.', n);
    if (!dot || dot == low || strpbrk(low, "/@:")) return 0;
    dot = strrchr(low, '.');
    for (const char *const *e = ext; *e; e++)
        if (!strcmp(dot + 1, *e)) return 1;
    return 0;
}

/* the WordNet part of speech of an inflected tag, 0 for other tags */
static char wordnet_pos(const char *xpos) {
    if (!strcmp(xpos, "NNS")) return 'n';
    if (!strcmp(xpos, "VBZ") || !strcmp(xpos, "VBD") || !strcmp(xpos, "VBN") || !strcmp(xpos, "VBG")) return 'v';
    if (!strcmp(xpos, "JJR") || !strcmp(xpos, "JJS")) return 'a';
    if (!strcmp(xpos, "RBR") || !strcmp(xpos, "RBS")) return 'r';
    return 0;
}

/* "1,100" -> "1100": digits grouped in thousands by commas */
static const char *ungrouped_number(const char *form, dyad_arena *a) {
    size_t n = strlen(form), digits = 0, groups = 0;
    const char *dot = strchr(form, '.');
    size_t end = dot ? (size_t)(dot - form) : n;
    for (size_t i = 0; i < end; i++) {
        if (form[i] == ',') {
            if (!digits || (groups && digits != 3) || (!groups && digits > 3)) return NULL;
            groups++;
            digits = 0;
        } else if (form[i] >= '0' && form[i] <= '9') {
            digits++;
        } else {
            return NULL;
        }
    }
    for (size_t i = end + (dot != NULL); i < n; i++)
        if (form[i] < '0' || form[i] > '9') return NULL;
    if (!groups || digits != 3) return NULL;
    char *out = arena_strdup(a, form);
    if (!out) return form;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (form[i] != ',') out[k++] = form[i];
    out[k] = 0;
    return out;
}

static int is_all_caps(const char *s) {
    int upper = 0;
    for (; *s; s++) {
        if (*s >= 'a' && *s <= 'z') return 0;
        upper += *s >= 'A' && *s <= 'Z';
    }
    return upper >= 2;
}

/* "Tehran": a capital, then no capitals */
static int is_title_case(const char *s) {
    if (!(*s >= 'A' && *s <= 'Z')) return 0;
    for (s++; *s; s++)
        if (*s >= 'A' && *s <= 'Z') return 0;
    return 1;
}

/* A plural name unseen in training: its singular, as the treebank has it
 * for most plural names: WordNet's noun when it knows one ("Diaries" ->
 * "Diary"), else without the final s ("Houthis" -> "Houthi"; not "Swiss"
 * or "Campus"); written with the name's capitals. */
static const char *plural_name(const nlp_lemmatizer *l, const char *form, const char *low, size_t n, dyad_arena *a) {
    const char *sing = morphy(l, low, n, "NNS", a);
    if (!sing && n > 3 && low[n - 1] == 's' && !strchr("su", low[n - 2])) sing = arena_strndup(a, low, n - 1);
    if (!sing) return form;
    char *out = arena_strdup(a, sing);
    if (!out) return form;
    int caps = is_all_caps(form);
    for (size_t i = 0; out[i]; i++)
        if ((caps || i == 0) && out[i] >= 'a' && out[i] <= 'z' && form[i] >= 'A' && form[i] <= 'Z') out[i] = (char)(out[i] - 32);
    return out;
}

/* ---- misspellings --------------------------------------------------------- */
/* The treebank's lemma of a misspelt word is often the word meant
 * ("releif" -> "relief", "soooo" -> "so"). A lowercase word that neither
 * the lexicon nor WordNet knows, a stretched letter, a doubled letter or
 * two swapped letters away from exactly one lemma that the lexicon has for
 * the same tag: that lemma. Typos of other kinds (a letter dropped, added
 * or changed) are left alone in open classes: one such edit from a rare
 * word or a name too often reaches a different common word ("darin" ->
 * "darn"), and the treebank keeps many such misspellings as their own
 * lemma ("annoucement"). The closed classes are few words, all of them
 * known: there any one edit back to exactly one of them is taken
 * ("beacuse" -> "because", "shoul" -> "should"). */
typedef struct spell { const nlp_lemmatizer *l; const char *xpos; const char *found; int clash; } spell;

static void spell_try(spell *sp, const char *cand, size_t n) {
    if (sp->clash || n == 0) return;
    const char *hit = lex_find(sp->l, lex_key(cand, n, sp->xpos));
    if (!hit) return;
    if (sp->found && strcmp(sp->found, hit)) sp->clash = 1;
    else sp->found = hit;
}

/* the tags under which a word is looked up whatever its own tag */
static const char *const word_tags[] = {"NN", "NNS", "NNP", "NNPS", "VB", "VBP", "VBZ", "VBD", "VBN", "VBG", "JJ",
                                        "JJR", "JJS", "RB", "RBR", "RBS", "UH", "IN", "CC", "DT", "PRP", NULL};

static int is_known_word(const nlp_lemmatizer *l, const char *low, size_t n) {
    static const char pos[] = "nvar";
    for (int i = 0; pos[i]; i++)
        if (is_base_form(l, pos[i], low, n)) return 1;
    for (const char *const *t = word_tags; *t; t++)
        if (lex_find(l, lex_key(low, n, *t))) return 1;
    return 0;
}

/* a run of three or more of one letter cut to two, else to one */
static size_t unstretch(const char *low, size_t n, char *out, size_t keep) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        size_t run = 1;
        while (i + run < n && low[i + run] == low[i]) run++;
        size_t take = run >= 3 ? keep : run;
        for (size_t j = 0; j < take; j++) out[k++] = low[i];
        i += run - 1;
    }
    out[k] = 0;
    return k;
}

enum { EDIT_DROP = 1, EDIT_ADD = 2, EDIT_CHANGE = 4 };

/* "Sooooo", "VERYYYY" tagged as a name or a noun: a word stretched for
 * emphasis, unseen as it stands, whose letters cut back are a word the
 * lexicon knows with one lemma whatever its tag: that lemma */
static const char *unstretched(const nlp_lemmatizer *l, const char *low, size_t n, const char *xpos) {
    if (n < 4 || n >= MAXW || strspn(low, "ivxlcdm") == n) return NULL; /* "XXIII" is a number */
    for (size_t i = 0; i < n; i++)
        if (low[i] < 'a' || low[i] > 'z') return NULL;
    char c[MAXW];
    for (size_t keep = 2; keep >= 1; keep--) {
        size_t m = unstretch(low, n, c, keep);
        if (m == n) return NULL;
        if (m < 2) continue;
        const char *hit = lex_find(l, lex_key(c, m, xpos));
        if (hit) return hit;
        spell sp = {l, NULL, NULL, 0};
        for (const char *const *t = word_tags; *t; t++) {
            sp.xpos = *t;
            spell_try(&sp, c, m);
        }
        if (sp.found && !sp.clash) return sp.found;
    }
    return NULL;
}

static const char *respelt(const nlp_lemmatizer *l, const char *low, size_t n, const char *xpos, int edits) {
    if (n < 4 || n + 2 >= MAXW || !l->dict) return NULL;
    for (size_t i = 0; i < n; i++)
        if (low[i] < 'a' || low[i] > 'z') return NULL;
    if (is_known_word(l, low, n)) return NULL;
    spell sp = {l, xpos, NULL, 0};
    char c[MAXW];
    for (size_t keep = 2; keep >= 1 && !sp.found; keep--) { /* "prettty", then "sooo" */
        size_t m = unstretch(low, n, c, keep);
        if (m != n) spell_try(&sp, c, m);
    }
    if (sp.found) return sp.found;
    for (size_t i = 1; i < n; i++) { /* a letter typed twice */
        if (low[i] != low[i - 1]) continue;
        memcpy(c, low, i);
        memcpy(c + i, low + i + 1, n - i - 1);
        spell_try(&sp, c, n - 1);
    }
    for (size_t i = 0; i + 1 < n; i++) { /* two letters swapped */
        memcpy(c, low, n);
        c[i] = low[i + 1];
        c[i + 1] = low[i];
        if (c[i] != c[i + 1]) spell_try(&sp, c, n);
    }
    if (edits & EDIT_DROP)
        for (size_t i = 0; i < n; i++) { /* a letter too many */
            if (i && low[i] == low[i - 1]) continue;
            memcpy(c, low, i);
            memcpy(c + i, low + i + 1, n - i - 1);
            spell_try(&sp, c, n - 1);
        }
    if (edits & EDIT_ADD)
        for (size_t i = 0; i <= n; i++) /* a letter missing */
            for (char x = 'a'; x <= 'z'; x++) {
                memcpy(c, low, i);
                c[i] = x;
                memcpy(c + i + 1, low + i, n - i);
                spell_try(&sp, c, n + 1);
            }
    if (edits & EDIT_CHANGE)
        for (size_t i = 0; i < n; i++) /* a letter mistyped */
            for (char x = 'a'; x <= 'z'; x++) {
                if (x == low[i]) continue;
                memcpy(c, low, n);
                c[i] = x;
                spell_try(&sp, c, n);
            }
    return sp.clash ? NULL : sp.found;
}

/* the form itself, in lowercase */
static const char *lowered(const char *form, const char *low, size_t n, dyad_arena *a) {
    return !strcmp(low, form) ? form : arena_strndup(a, low, n);
}

/* whether the word ends as the regular inflection its tag stands for:
 * "-s" for plurals and third persons, "-ed" (or "-en", "-t") for pasts and
 * participles, "-ing", "-er", "-est". A suffix rule learned from irregular
 * or odd words ("meh" tagged VBN, "hahaha" tagged NNS) would otherwise cut
 * letters that are no inflection at all. */
static int has_inflection(const char *low, size_t n, const char *xpos) {
    static const struct { const char *xpos, *ends; } infl[] = {
        {"NNS", "s"}, {"NNPS", "s"}, {"VBZ", "s"}, {"VBD", "d"}, {"VBD", "t"}, {"VBN", "d"}, {"VBN", "t"},
        {"VBN", "n"}, {"VBG", "ing"}, {"VBG", "in"}, {"JJR", "er"}, {"RBR", "er"}, {"JJS", "est"}, {"RBS", "est"}};
    for (size_t i = 0; i < sizeof infl / sizeof *infl; i++) {
        size_t k = strlen(infl[i].ends);
        if (!strcmp(xpos, infl[i].xpos) && n > k && !memcmp(low + n - k, infl[i].ends, k)) return 1;
    }
    return 0;
}

/* "kenyan" -> "Kenyan" */
static const char *capitalised(const char *low, size_t n, dyad_arena *a) {
    char *cap = arena_strndup(a, low, n);
    if (cap && cap[0] >= 'a' && cap[0] <= 'z') cap[0] = (char)(cap[0] - 32);
    return cap;
}

/* a word of an open class, not a name, missing from the lexicon */
static const char *unseen_word(const nlp_lemmatizer *l, const char *form, const char *low, size_t n, const char *xpos,
                               dyad_arena *a) {
    /* a number in digits is its own lemma: suffix rules would cut "3200" */
    if (!strcmp(xpos, "CD") && !has_letter(low)) return form;
    /* so is one in roman numerals written in capitals ("VII") */
    if (!strcmp(xpos, "CD") && n > 1 && strspn(form, "IVXLCDM") == n) return form;
    /* addresses, file and newsgroup names, hashtags: not inflected words */
    if (is_address_like(low, n)) return lowered(form, low, n, a);
    /* a capitalised word the treebank knows only as a name keeps its form
     * though tagged as a common noun or adjective */
    if (strcmp(low, form) && (!strcmp(xpos, "NN") || !strcmp(xpos, "JJ")) && lex_find(l, lex_key(low, n, "NNP")))
        return form;
    /* "Kenyan", "siamese": an adjective of a people or place, which the
     * treebank writes with its capital */
    if (!strcmp(xpos, "JJ") && is_base_form(l, CAPITAL_ADJ, low, n)) return capitalised(low, n, a);
    const char *wn = morphy(l, low, n, xpos, a);
    if (wn) return wn;
    const char *meant = respelt(l, low, n, xpos, 0);
    if (meant) return meant;
    /* no inflection detaches, but the word is a dictionary entry as it
     * stands ("northwest" tagged JJS): itself (Morphy's last resort) */
    char wpos = wordnet_pos(xpos);
    if (wpos && is_base_form(l, wpos, low, n)) return lowered(form, low, n, a);
    for (size_t k = n < MAX_SUFFIX ? n : MAX_SUFFIX;; k--) {
        const rule_slot *r = rule_find(l, rule_key(low + n - k, k, xpos));
        /* a cut inside a UTF-8 character would leave a broken lemma */
        if (r && r->strip <= n && (r->strip == n || ((unsigned char)low[n - r->strip] & 0xC0) != 0x80)) {
            const char *app = l->strings + r->off;
            if (r->strip == 0 && !*app) return lowered(form, low, n, a);
            if (wpos && !has_inflection(low, n, xpos)) return lowered(form, low, n, a);
            return arena_printf(a, "%.*s%s", (int)(n - r->strip), low, app);
        }
        if (k == 0) break;
    }
    return lowered(form, low, n, a);
}

/* The treebank lemmatises abbreviated months and weekdays to the full name
 * ("Sept." -> "September"); those it never saw get it from this list. */
static const char *calendar_name(const char *low, size_t n) {
    static const struct { const char *abbrev, *name; } cal[] = {
        {"jan", "January"},   {"feb", "February"}, {"mar", "March"},     {"apr", "April"},
        {"jun", "June"},      {"jul", "July"},     {"aug", "August"},    {"sep", "September"},
        {"sept", "September"}, {"oct", "October"}, {"nov", "November"},  {"dec", "December"},
        {"mon", "Monday"},    {"tue", "Tuesday"},  {"tues", "Tuesday"},  {"wed", "Wednesday"},
        {"thu", "Thursday"},  {"thur", "Thursday"}, {"thurs", "Thursday"}, {"fri", "Friday"},
        {"sat", "Saturday"},  {"sun", "Sunday"}};
    if (n && low[n - 1] == '.') n--;
    for (size_t i = 0; i < sizeof cal / sizeof *cal; i++)
        if (strlen(cal[i].abbrev) == n && !strncmp(cal[i].abbrev, low, n)) return cal[i].name;
    return NULL;
}

const char *lemmatize(const nlp_lemmatizer *l, const char *form, const char *upos, const char *xpos, dyad_arena *a) {
    if (!form) return "_";
    if (!xpos) xpos = "_";
    char low[MAXW];
    size_t n = lower_copy(form, low, sizeof low);
    if (form[n]) return form; /* very long token: itself */
    /* a letter used as a noun keeps its case ("plan C", "vitamin D") */
    if (n == 1 && form[0] >= 'A' && form[0] <= 'Z' && upos && !strcmp(upos, "NOUN")) return form;
    if (!strcmp(xpos, "CD") && strchr(form, ',')) {
        const char *num = ungrouped_number(form, a);
        if (num) return num;
    }
    if (is_document_name(low, n)) return lowered(form, low, n, a);
    const char *hit = lex_find(l, lex_key(low, n, xpos));
    /* names keep their own spelling: "al" stays "al" though "Al" was seen,
     * but a name in capitals ("TEHRAN") takes the treebank's usual spelling
     * of it when that is in title case ("Tehran") */
    if (hit && is_proper(upos, xpos) && !strcasecmp(hit, form))
        return is_all_caps(form) && n > 3 && is_title_case(hit) ? hit : form;
    /* the treebank writes an adjective of a people with its capital, though
     * it lowercased a few in training ("Alaskan", "Kuwaiti") */
    if (hit && !strcmp(xpos, "JJ") && !strcmp(hit, low) && is_base_form(l, CAPITAL_ADJ, low, n))
        return capitalised(low, n, a);
    if (hit) return hit;
    const char *cut = unstretched(l, low, n, xpos);
    if (cut) return cut;
    /* closed classes: an unseen preposition or determiner is its own lemma,
     * never the output of a suffix rule */
    static const char *const closed[] = {"IN", "CC", "DT", "PDT", "TO", "MD", "EX", "RP", "WDT", "WP", "WP$",
                                         "PRP", "PRP$", "POS", NULL};
    for (const char *const *c = closed; *c; c++)
        if (!strcmp(xpos, *c)) {
            const char *meant = respelt(l, low, n, xpos, EDIT_DROP | EDIT_ADD | EDIT_CHANGE);
            if (meant) return meant;
            return !strcmp(low, form) ? form : arena_strndup(a, low, n);
        }
    /* unseen names keep their form: suffix rules would turn "Aukus" into "Auku" */
    if (!strcmp(xpos, "NNPS")) return plural_name(l, form, low, n, a);
    if (is_proper(upos, xpos)) {
        const char *full = calendar_name(low, n);
        return full ? full : form;
    }
    return unseen_word(l, form, low, n, xpos, a);
}

int lemmatizer_load(nlp_lemmatizer *l, const char *path, dyad_error *err) {
    memset(l, 0, sizeof *l);
    if (nlp_file_open(&l->file, path, NLP_KIND_LEMMATIZER, err)) return -1;
    uint64_t nlex, nstr, nrules;
    l->lex = nlp_file_section(&l->file, SEC_LEX_SLOTS, &nlex);
    l->strings = nlp_file_section(&l->file, SEC_LEX_STRINGS, &nstr);
    l->rules = nlp_file_section(&l->file, SEC_RULES, &nrules);
    const char *why = NULL;
    uint64_t ns = nlex / 8, nr = nrules / sizeof(rule_slot);
    if (!l->lex || !l->strings || !l->rules || !nstr) why = "lemmatizer sections missing";
    else if (nlex % 8 || !ns || (ns & (ns - 1)) || nrules % sizeof(rule_slot) || !nr || (nr & (nr - 1)))
        why = "lemmatizer tables are not a power of two";
    else if (l->strings[nstr - 1] != 0) why = "lemmatizer strings not terminated";
    uint64_t empty = 0, rempty = 0;
    for (uint64_t i = 0; !why && i < ns; i++) {
        if (!l->lex[2 * i]) empty++;
        else if (l->lex[2 * i + 1] >= nstr) why = "lemma string out of bounds";
    }
    const rule_slot *rs = (const rule_slot *)l->rules;
    for (uint64_t i = 0; !why && i < nr; i++) {
        if (!rs[i].fp) rempty++;
        else if (rs[i].off >= nstr || rs[i].strip > MAXW) why = "lemma rule out of bounds";
    }
    if (!why && (!empty || !rempty)) why = "lemmatizer table full";
    uint64_t nd;
    l->dict = nlp_file_section(&l->file, SEC_BASE_FORMS, &nd);
    if (!why && l->dict) {
        uint64_t slots = nd / 4, dempty = 0;
        for (uint64_t i = 0; i < slots && !(nd % 4); i++) dempty += l->dict[i] == 0;
        if (nd % 4 || !slots || (slots & (slots - 1)) || !dempty) why = "bad base-form table";
        else l->dictmask = slots - 1;
    }
    if (why) {
        dyad_error_set(err, DYAD_EMODEL, path, 0, -1, "%s", why);
        lemmatizer_free(l);
        return -1;
    }
    l->lexmask = ns - 1;
    l->strings_size = nstr;
    l->nrules = nr;
    return 0;
}

void lemmatizer_free(nlp_lemmatizer *l) {
    nlp_file_close(&l->file);
    memset(l, 0, sizeof *l);
}

/* ---- training ------------------------------------------------------------- */

typedef struct count_entry { uint64_t key; char *value; uint32_t count, strip; } count_entry;
typedef struct count_map { count_entry *e; size_t cap, n; } count_map;

static count_entry *cm_get(count_map *m, uint64_t key, int add) {
    if (add && (m->n + 1) * 2 > m->cap) {
        count_map nm = {calloc(m->cap ? m->cap * 2 : 1024, sizeof(count_entry)), m->cap ? m->cap * 2 : 1024, 0};
        if (!nm.e) return NULL;
        for (size_t i = 0; i < m->cap; i++)
            if (m->e[i].key) {
                size_t j = m->e[i].key & (nm.cap - 1);
                while (nm.e[j].key) j = (j + 1) & (nm.cap - 1);
                nm.e[j] = m->e[i];
                nm.n++;
            }
        free(m->e);
        *m = nm;
    }
    if (!m->cap) return NULL;
    key |= 1;
    size_t j = key & (m->cap - 1);
    while (m->e[j].key && m->e[j].key != key) j = (j + 1) & (m->cap - 1);
    if (!m->e[j].key) {
        if (!add) return NULL;
        m->e[j].key = key;
        m->n++;
    }
    return &m->e[j];
}

static void cm_free(count_map *m) {
    for (size_t i = 0; i < m->cap; i++) free(m->e[i].value);
    free(m->e);
    memset(m, 0, sizeof *m);
}

/* candidates: key = (what, value) so that counts are per choice; the winner
 * per base key is picked afterwards */
static int vote(count_map *cand, count_map *best, uint64_t base, const char *value, uint32_t strip) {
    uint64_t ck = hash_mix(hash_mix(base, hash_bytes(value, strlen(value))), strip + 1);
    count_entry *c = cm_get(cand, ck, 1);
    if (!c) return -1;
    c->count++;
    count_entry *b = cm_get(best, base, 1);
    if (!b) return -1;
    if (c->count > b->count || !b->value) {
        char *v = strdup(value);
        if (!v) return -1;
        free(b->value);
        b->value = v;
        b->count = c->count;
        b->strip = strip;
    }
    return 0;
}

static int add_string(dy_buf *strings, const char *s, uint32_t *off) {
    *off = (uint32_t)strings->len;
    return buf_push(strings, s, strlen(s) + 1);
}

static void add_wordnet(count_map *lexc, count_map *lex, const char *file, const char *const *xposes) {
    FILE *fp = fopen(file, "r");
    if (!fp) return;
    char line[512];
    while (fgets(line, sizeof line, fp)) {
        char form[128], lemma[128];
        if (sscanf(line, "%127s %127s", form, lemma) != 2 || strchr(form, '_') || strchr(lemma, '_')) continue;
        for (const char *const *x = xposes; *x; x++) {
            uint64_t k = lex_key(form, strlen(form), *x);
            if (!cm_get(lex, k, 0)) vote(lexc, lex, k, lemma, 0);
        }
    }
    fclose(fp);
}

static int push_key(uint64_t **keys, size_t *n, size_t *cap, uint64_t key) {
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 65536;
        uint64_t *nk = realloc(*keys, nc * sizeof *nk);
        if (!nk) return -1;
        *keys = nk;
        *cap = nc;
    }
    (*keys)[(*n)++] = key;
    return 0;
}

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* The words a WordNet data file writes only with a capital ("Kenyan",
 * "Argentinian" in data.adj), keyed by their lowercase spelling under the
 * part of speech pos: the synsets' words in title case, less those the file
 * also has in lowercase ("polish" the verb is in data.verb, not data.adj,
 * so "Polish" stays a capital adjective). */
static int add_capitalised(const char *file, char pos, uint64_t **keys, size_t *n, size_t *cap) {
    FILE *fp = fopen(file, "r");
    if (!fp) return 0;
    uint64_t *lower = NULL, *upper = NULL;
    size_t nl = 0, cl = 0, nu = 0, cu = 0;
    char line[8192], word[MAXW];
    int rc = 0, line_start = 1;
    while (!rc && fgets(line, sizeof line, fp)) {
        /* the rest of a line longer than the buffer is no synset line */
        int starts = line_start;
        line_start = strchr(line, '\n') != NULL;
        if (!starts || line[0] == ' ') continue;
        unsigned count;
        int used;
        if (sscanf(line, "%*s %*s %*s %x%n", &count, &used) != 1) continue;
        const char *p = line + used;
        for (unsigned w = 0; w < count && !rc; w++) {
            int len;
            if (sscanf(p, " %127s %*s%n", word, &len) != 1) break;
            p += len;
            size_t k = strcspn(word, "(");
            word[k] = 0;
            if (strchr(word, '_') || !k) continue;
            int title = word[0] >= 'A' && word[0] <= 'Z', lowercase = 1;
            for (size_t i = 1; i < k; i++)
                if (word[i] < 'a' || word[i] > 'z') title = 0;
            for (size_t i = 0; i < k; i++)
                if (word[i] >= 'A' && word[i] <= 'Z') lowercase = 0;
            char low[MAXW];
            lower_copy(word, low, sizeof low);
            uint64_t key = base_key(pos, low, k);
            if (title) rc = push_key(&upper, &nu, &cu, key);
            else if (lowercase) rc = push_key(&lower, &nl, &cl, key);
        }
    }
    fclose(fp);
    if (lower) qsort(lower, nl, sizeof *lower, cmp_u64);
    for (size_t i = 0; !rc && i < nu; i++)
        if (!lower || !bsearch(&upper[i], lower, nl, sizeof *lower, cmp_u64)) rc = push_key(keys, n, cap, upper[i]);
    free(lower);
    free(upper);
    return rc;
}

/* base forms of WordNet's index files (single words only) as fingerprints */
static int add_base_forms(dy_buf *out) {
    static const struct { const char *file; char pos; } idx[] = {{"/usr/share/wordnet/index.noun", 'n'},
                                                                 {"/usr/share/wordnet/index.verb", 'v'},
                                                                 {"/usr/share/wordnet/index.adj", 'a'},
                                                                 {"/usr/share/wordnet/index.adv", 'r'}};
    uint64_t *keys = NULL;
    size_t n = 0, cap = 0;
    char line[4096];
    for (size_t f = 0; f < sizeof idx / sizeof *idx; f++) {
        FILE *fp = fopen(idx[f].file, "r");
        if (!fp) continue;
        while (fgets(line, sizeof line, fp)) {
            if (line[0] == ' ') continue;
            size_t w = strcspn(line, " ");
            if (!w || memchr(line, '_', w)) continue;
            if (push_key(&keys, &n, &cap, base_key(idx[f].pos, line, w))) { fclose(fp); free(keys); return -1; }
        }
        fclose(fp);
    }
    if (add_capitalised("/usr/share/wordnet/data.adj", CAPITAL_ADJ, &keys, &n, &cap)) {
        free(keys);
        return -1;
    }
    if (!n) return 0; /* WordNet not installed: suffix rules only */
    uint64_t slots = 16;
    while (slots < n * 2) slots *= 2;
    uint32_t *tab = calloc(slots, sizeof *tab);
    if (!tab) { free(keys); return -1; }
    for (size_t i = 0; i < n; i++) {
        uint64_t j = keys[i] & (slots - 1);
        uint32_t fp = fp_of(keys[i]);
        while (tab[j] && tab[j] != fp) j = (j + 1) & (slots - 1);
        tab[j] = fp;
    }
    int rc = buf_push(out, tab, slots * sizeof *tab);
    free(tab);
    free(keys);
    return rc;
}

static double eval_lemmas(const nlp_lemmatizer *l, const nlp_corpus *c) {
    dyad_arena *a = arena_new(1 << 16);
    size_t ok = 0;
    for (size_t i = 0; a && i < c->ntoks; i++) {
        const nlp_gold_tok *t = &c->toks[i];
        ok += !strcmp(lemmatize(l, t->form, t->upos, t->xpos, a), t->lemma);
        if (i % 4096 == 0) arena_reset(a);
    }
    if (a) arena_free(a);
    return c->ntoks ? 100.0 * ok / c->ntoks : 0;
}

int lemmatizer_train(const nlp_corpus *train, const nlp_corpus *dev, const char *out, FILE *log, dyad_error *err) {
    count_map lexc = {0}, lex = {0}, typec = {0}, rulec = {0}, rules = {0};
    dy_buf strings = {0}, lexs = {0}, ruls = {0};
    int rc = -1;
    char low[MAXW], llem[MAXW];
    for (size_t i = 0; i < train->ntoks; i++) {
        const nlp_gold_tok *t = &train->toks[i];
        size_t n = lower_copy(t->form, low, sizeof low);
        if (t->form[n] || !strcmp(t->lemma, "_")) continue;
        uint64_t k = lex_key(low, n, t->xpos);
        if (vote(&lexc, &lex, k, t->lemma, 0)) goto nomem;
        /* suffix rules from word types: each (form, xpos, lemma) counted once */
        count_entry *seen = cm_get(&typec, hash_mix(k, hash_bytes(t->lemma, strlen(t->lemma))), 1);
        if (!seen) goto nomem;
        if (seen->count++) continue;
        int proper = is_proper(t->upos, t->xpos);
        const char *src = proper ? t->form : low;
        const char *lem = t->lemma;
        if (!proper) { lower_copy(t->lemma, llem, sizeof llem); lem = llem; }
        size_t p = 0;
        while (src[p] && src[p] == lem[p]) p++;
        uint32_t strip = (uint32_t)(n - p);
        for (size_t kk = 0; kk <= MAX_SUFFIX && kk <= n; kk++)
            if (vote(&rulec, &rules, rule_key(low + n - kk, kk, t->xpos), lem + p, strip)) goto nomem;
    }
    static const char *const verb_x[] = {"VBD", "VBN", "VBZ", "VBG", NULL}, *const noun_x[] = {"NNS", NULL},
                             *const adj_x[] = {"JJR", "JJS", NULL}, *const adv_x[] = {"RBR", "RBS", NULL};
    add_wordnet(&lexc, &lex, "/usr/share/wordnet/verb.exc", verb_x);
    add_wordnet(&lexc, &lex, "/usr/share/wordnet/noun.exc", noun_x);
    add_wordnet(&lexc, &lex, "/usr/share/wordnet/adj.exc", adj_x);
    add_wordnet(&lexc, &lex, "/usr/share/wordnet/adv.exc", adv_x);

    buf_putc(&strings, 0);
    uint64_t ns = 16;
    while (ns < lex.n * 2) ns *= 2;
    uint32_t *lt = calloc(ns * 2, sizeof *lt);
    if (!lt) goto nomem;
    for (size_t i = 0; i < lex.cap; i++) {
        count_entry *e = &lex.e[i];
        if (!e->key || !e->value) continue;
        uint32_t off;
        if (add_string(&strings, e->value, &off)) { free(lt); goto nomem; }
        uint64_t j = e->key & (ns - 1);
        while (lt[2 * j]) j = (j + 1) & (ns - 1);
        lt[2 * j] = fp_of(e->key);
        lt[2 * j + 1] = off;
    }
    buf_push(&lexs, lt, ns * 8);
    free(lt);
    size_t kept = 0;
    for (size_t i = 0; i < rules.cap; i++) kept += rules.e[i].key && rules.e[i].value && rules.e[i].count >= 2;
    uint64_t nr = 16;
    while (nr < kept * 2) nr *= 2;
    rule_slot *rt = calloc(nr, sizeof *rt);
    if (!rt) goto nomem;
    for (size_t i = 0; i < rules.cap; i++) {
        count_entry *e = &rules.e[i];
        if (!e->key || !e->value || e->count < 2) continue; /* one-off suffixes are noise */
        uint32_t off;
        if (add_string(&strings, e->value, &off)) { free(rt); goto nomem; }
        uint64_t j = e->key & (nr - 1);
        while (rt[j].fp) j = (j + 1) & (nr - 1);
        rt[j] = (rule_slot){fp_of(e->key), e->strip, off};
    }
    buf_push(&ruls, rt, nr * sizeof *rt);
    free(rt);
    nlp_writer wr;
    nlp_writer_init(&wr, NLP_KIND_LEMMATIZER);
    dy_buf *a = nlp_writer_section(&wr, SEC_LEX_SLOTS), *b = nlp_writer_section(&wr, SEC_LEX_STRINGS),
           *c = nlp_writer_section(&wr, SEC_RULES);
    buf_push(a, lexs.data, lexs.len);
    buf_push(b, strings.data, strings.len);
    buf_push(c, ruls.data, ruls.len);
    if (add_base_forms(nlp_writer_section(&wr, SEC_BASE_FORMS))) {
        nlp_writer_free(&wr);
        goto nomem;
    }
    int bad = nlp_writer_save(&wr, out, err);
    nlp_writer_free(&wr);
    if (bad) goto done;
    if (log) fprintf(log, "lemmatizer: %zu lexicon entries, %zu suffix rules\n", lex.n, kept);
    if (dev && dev->ntoks) {
        nlp_lemmatizer l;
        if (lemmatizer_load(&l, out, err)) goto done;
        if (log) fprintf(log, "lemmatizer dev (gold tags): %.2f\n", eval_lemmas(&l, dev));
        lemmatizer_free(&l);
    }
    rc = 0;
    goto done;
nomem:
    dyad_error_set(err, DYAD_ENOMEM, out, 0, -1, "out of memory training the lemmatizer");
done:
    cm_free(&lexc);
    cm_free(&lex);
    cm_free(&typec);
    cm_free(&rulec);
    cm_free(&rules);
    buf_free(&strings);
    buf_free(&lexs);
    buf_free(&ruls);
    return rc;
}

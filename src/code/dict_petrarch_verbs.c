/* dict_petrarch_verbs.c - the PETRARCH verbs dictionary: &SYNSET word lists,
 * "--- NAME [code] ---" verb classes (verbs listed one per line, multi-word
 * verbs joined by '_'), and "- ... * ... [code]" patterns, read one of two ways.
 * UD-PETRARCH's dictionaries, which write noun phrases as {..} and
 * prepositional phrases as (..), become tree patterns: words after the verb
 * name its object, "(PREP)" the preposition of the target, "(PREP NOUN)" a
 * phrase that must be present, "{..} *" the subject; synsets expand into one
 * pattern per member; plain words before the verb ("- % HAVE *") must come
 * just before it, in order, and other words before it are skipped. PETRARCH's
 * own dictionaries (no groups) keep each pattern as the word sequence it is
 * (dict_pattern.seq, matched in pattern_seq.c), synsets as groups of their
 * members. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "base/util.h"
#include "dict_petrarch.h"

enum { MAX_SYNSETS = 1024, MAX_SYNSET_WORDS = 512, MAX_CLASS_VERBS = 256, MAX_EXPAND = 64 };

typedef struct synset {
    char name[64];
    const char **words;            /* head words (tree patterns) */
    const char **raw;              /* whole members as written, "AUSTRIAN GOLD FLORIN" (linear patterns) */
    size_t nwords;
} synset;
typedef struct class_verb {
    const char *lemma, *particle, *code, *reverse_code;
    const char *prefix;            /* "WIRE_+TAP": words right before the verb ("wire") */
    int stem;
} class_verb;

typedef struct vstate {
    ploader *L;
    synset *syn;
    size_t nsyn;
    synset *open_syn;              /* collecting "+WORD" lines */
    class_verb verbs[MAX_CLASS_VERBS];
    size_t nverbs;
    const char *class_code;        /* NULL: the verb alone codes nothing */
    const char *class_reverse;     /* "[042:043]" */
    const char *class_rule;
    int class_default_added;
    int linear;                    /* PETRARCH's word-sequence patterns (no {} or () groups) */
    size_t skipped;
} vstate;

/* "ARMED_FORCES" -> "forces": the head (last word) of a multi-word phrase, folded */
static const char *head_word(dyad_arena *a, const char *s, size_t n) {
    while (n && (s[n - 1] == '_' || s[n - 1] == ' ')) n--;
    size_t st = n;
    while (st && s[st - 1] != '_' && s[st - 1] != ' ') st--;
    if (st == n) return NULL;
    char *w = arena_strndup(a, s + st, n - st);
    if (w)
        for (char *p = w; *p; p++) *p = (char)tolower((unsigned char)*p);
    return w;
}

static const synset *find_synset(const vstate *V, const char *name, size_t n) {
    for (size_t i = 0; i < V->nsyn; i++)
        if (strlen(V->syn[i].name) == n && !strncmp(V->syn[i].name, name, n)) return &V->syn[i];
    return NULL;
}

/* Candidates for one pattern item: a word, {A B} (its head), or &SYN (members). */
static size_t item_words(vstate *V, const char *s, size_t n, const char **out, size_t cap) {
    dyad_arena *a = V->L->d->arena;
    if (n && s[0] == '{') {
        s++, n--;
        while (n && (s[n - 1] == '}' || s[n - 1] == ' ')) n--;
        if (memchr(s, '|', n)) { /* TABARI "{ SANCTIONS | BOYCOTT | EMBARGO }": alternatives */
            size_t k = 0;
            while (n && k < cap) {
                size_t al = 0;
                while (al < n && s[al] != '|') al++;
                k += item_words(V, s, al, out + k, cap - k);
                s += al, n -= al;
                if (n) s++, n--;
            }
            return k;
        }
        /* the last word of the group; a synset there expands */
        size_t st = n;
        while (st && s[st - 1] != ' ') st--;
        return item_words(V, s + st, n - st, out, cap);
    }
    if (n && s[0] == '&') {
        const synset *sy = find_synset(V, s, n);
        if (!sy) return 0;
        size_t k = 0;
        for (size_t i = 0; i < sy->nwords && k < cap; i++) out[k++] = sy->words[i];
        return k;
    }
    if (!n || !cap) return 0;
    const char *w = head_word(a, s, n);
    if (!w) return 0;
    out[0] = w;
    return 1;
}

/* {NEW &TIETYPES RELATIONS}: the words before the head must modify the
 * object; a synset gives alternatives "military|economic". */
static void group_mods(vstate *V, const char *s, size_t n, const char **mods) {
    if (memchr(s, '|', n)) return; /* alternatives, not modifiers */
    char tmp[512];
    snprintf(tmp, sizeof tmp, "%.*s", (int)(n > 2 ? n - 2 : 0), s + 1);
    char *end = tmp + strlen(tmp);
    while (end > tmp && (end[-1] == ' ' || end[-1] == '}')) *--end = 0;
    char *last = strrchr(tmp, ' ');
    if (!last) return;
    *last = 0;
    int k = 0;
    char *save = NULL;
    for (char *w = strtok_r(tmp, " ", &save); w && k < 3; w = strtok_r(NULL, " ", &save)) {
        const char *alt[MAX_EXPAND];
        size_t na = item_words(V, w, strlen(w), alt, MAX_EXPAND);
        if (!na) continue;
        char buf[1024];
        size_t bl = 0;
        for (size_t i = 0; i < na && bl < sizeof buf - 1; i++)
            bl += (size_t)snprintf(buf + bl, sizeof buf - bl, "%s%s", i ? "|" : "", alt[i]);
        mods[k++] = arena_strdup(V->L->d->arena, buf);
    }
}

/* "&ECONSANCT" with its member "TOTAL BOYCOTT": the words of the idx-th
 * member before its head must modify it, as a {group}'s do; NULL when the
 * item is no synset or the member is one word */
static void member_mods(vstate *V, const char *s, size_t n, size_t idx, const char **mods) {
    if (!n || s[0] != '&') return;
    const synset *sy = find_synset(V, s, n);
    if (!sy || idx >= sy->nwords || !sy->raw[idx] || sy->raw[idx][0] == '&') return;
    char tmp[512];
    snprintf(tmp, sizeof tmp, "%s", sy->raw[idx]);
    size_t tl = strlen(tmp);
    while (tl && (tmp[tl - 1] == '_' || tmp[tl - 1] == ' ')) tmp[--tl] = 0;
    const char *w[16];
    size_t nw = 0;
    char *save = NULL;
    for (char *t = strtok_r(tmp, " _", &save); t && nw < 16; t = strtok_r(NULL, " _", &save)) w[nw++] = t;
    if (nw < 2) return;
    size_t first = nw - 1 > 3 ? nw - 4 : 0; /* the three words nearest the head */
    for (size_t i = first, k = 0; i + 1 < nw; i++, k++) {
        char *m = arena_strdup(V->L->d->arena, w[i]);
        if (!m) return;
        for (char *q = m; *q; q++) *q = (char)tolower((unsigned char)*q);
        mods[k] = m;
    }
}

/* a possessive pronoun in a pattern ("- * THEIR ^ ABOUT +"): the phrase
 * after it belongs to someone; it names no object of its own */
static int is_possessive_word(const char *w, size_t n) {
    static const char *const poss[] = {"THEIR", "HIS", "HER", "ITS", "OUR", "MY", "YOUR", NULL};
    for (int i = 0; poss[i]; i++)
        if (strlen(poss[i]) == n && !strncasecmp(w, poss[i], n)) return 1;
    return 0;
}

/* Split a pattern body into items: words, {groups}, (phrases). */
static size_t split_pattern(const char *s, const char **item, size_t *len, size_t cap) {
    size_t k = 0;
    while (*s && k < cap) {
        while (*s == ' ') s++;
        if (!*s) break;
        const char *st = s;
        if (*s == '{' || *s == '(') {
            char close = *s == '{' ? '}' : ')';
            const char *e = strchr(s, close);
            s = e ? e + 1 : s + strlen(s);
        } else {
            while (*s && *s != ' ') s++;
        }
        item[k] = st;
        len[k++] = (size_t)(s - st);
    }
    return k;
}

static void add_for_class(vstate *V, const dict_pattern *proto, int is_default) {
    for (size_t v = 0; v < V->nverbs; v++) {
        dict_pattern p = *proto;
        if (is_default && V->verbs[v].code) { /* "DOWNPLAY [014]" inside a class */
            p.code = V->verbs[v].code;
            p.reverse_code = V->verbs[v].reverse_code;
        }
        if (!p.code) continue;
        p.lemma = V->verbs[v].lemma;
        p.stem = (uint8_t)V->verbs[v].stem;
        if (V->verbs[v].particle && p.nparticles < 4) {
            memmove(&p.particle[1], &p.particle[0], p.nparticles * sizeof p.particle[0]);
            p.particle[0] = V->verbs[v].particle;
            p.nparticles++;
        }
        if (V->verbs[v].prefix && p.seq) { /* "wire_*": the words right before the verb */
            const char *star = strchr(p.seq, '*');
            while (star && star > p.seq && star[-1] != ' ' && star[-1] != '_') star = strchr(star + 1, '*');
            if (!star) continue;
            p.seq = arena_printf(V->L->d->arena, "%.*s%s_%s", (int)(star - p.seq), p.seq, V->verbs[v].prefix, star);
            if (!p.seq) continue;
            p.seq_words++;
        }
        dict_add_pattern(V->L->d, &p);
    }
}

static void add_class_default(vstate *V) {
    if (V->class_default_added || !V->nverbs) return;
    dict_pattern p = {0};
    p.code = V->class_code;
    p.reverse_code = V->class_reverse;
    p.rule = V->class_rule;
    if (V->linear) p.seq = "*";
    add_for_class(V, &p, 1);
    V->class_default_added = 1;
}

/* "[042]", "[042:043]" (the second is the reverse event), "[---]" (none) */
static const char *code_of(vstate *V, const char *br, const char **reverse) {
    const char *s = br + 1;
    while (*s == ' ') s++;
    size_t n = strcspn(s, " :]");
    if (reverse) *reverse = NULL;
    if (reverse && s[n] == ':') {
        const char *r = s + n + 1;
        size_t rn = strcspn(r, " ]");
        if (rn && !(rn == 3 && !strncmp(r, "---", 3))) *reverse = arena_strndup(V->L->d->arena, r, rn);
    }
    if (!n || (n == 3 && !strncmp(s, "---", 3))) return NULL;
    return arena_strndup(V->L->d->arena, s, n);
}

static int is_preposition(const char *w, size_t n) {
    static const char *const preps[] = {"FOR", "AGAINST", "WITH", "TO", "ON", "IN", "OF", "FROM", "AT", "OVER",
                                        "INTO", "ABOUT", NULL};
    for (int i = 0; preps[i]; i++)
        if (strlen(preps[i]) == n && !strncasecmp(w, preps[i], n)) return 1;
    return 0;
}

static void load_linear_pattern(vstate *V, char *s);

/* item i is a bare preposition followed by the target's '+' ("ABOUT +") */
static int prep_before_target(const char *const *item, const size_t *len, size_t n, size_t i) {
    return i + 1 < n && is_preposition(item[i], len[i]) && len[i + 1] == 1 && item[i + 1][0] == '+';
}

static void load_pattern(vstate *V, char *s) {
    if (V->linear) {
        load_linear_pattern(V, s);
        return;
    }
    char *br = strrchr(s, '[');
    if (!br) {
        pwarn(V->L, "pattern without [code]: '%s'", s);
        return;
    }
    const char *reverse = NULL;
    const char *code = code_of(V, br, &reverse);
    *br = 0;
    const char *item[64];
    size_t len[64];
    size_t n = split_pattern(s + 1, item, len, 64);
    dict_pattern proto = {0};
    proto.code = code;
    proto.reverse_code = reverse;
    const char *objects[MAX_EXPAND], *pp_nouns[MAX_EXPAND], *subjects[MAX_EXPAND];
    size_t nobj = 0, npp = 0, nsubj = 0;
    const char *obj_syn = NULL, *pp_syn = NULL; /* a bare &SYNSET as the object / the phrase's noun */
    size_t obj_syn_len = 0, pp_syn_len = 0;
    int dollar_after = 0, plus_after = 0, skips = 0;
    int seen_star = 0;
    for (size_t i = 0; i < n; i++) {
        const char *w = item[i];
        size_t wn = len[i];
        if (wn == 1 && *w == '%') { /* "X and Y delayed their meeting" */
            proto.need_compound = 1;
            continue;
        }
        if (seen_star && *w == '(') /* "(AT ^ ^)": the phrases passed over count too */
            for (size_t q = 0; q < wn; q++) skips += w[q] == '^';
        if (wn == 1 && *w == '^' && seen_star) skips++;
        if (wn == 1 && *w == '$' && seen_star && !dollar_after) dollar_after = 1 + skips;
        if (wn == 1 && *w == '+' && seen_star && !plus_after) plus_after = 1 + skips;
        if (wn == 1 && (*w == '$' || *w == '+' || *w == '^')) continue;
        if (wn == 1 && *w == '*') {
            seen_star = 1;
            continue;
        }
        if (!seen_star && *w == '{' && !nsubj) { /* "- {DEATH TOLL} * [190]": the subject */
            nsubj = item_words(V, w, wn, subjects, MAX_EXPAND);
            group_mods(V, w, wn, proto.subject_mods);
            if (nsubj) continue;
        }
        if (!seen_star) {
            /* a synset of negations before the verb ("didn't", "will not") asks for a
             * negated verb; other words before the verb are not expressible here */
            const char *alt[MAX_EXPAND];
            size_t na = *w == '&' && !memchr(w, '_', wn) ? item_words(V, w, wn, alt, MAX_EXPAND) : 0;
            int negation = na > 0;
            for (size_t k = 0; k < na; k++)
                if (strcmp(alt[k], "not") && strcmp(alt[k], "n't")) negation = 0;
            if (negation) {
                proto.need_negation = 1;
                continue;
            }
            /* a plain word before the verb ("- % HAVE *", "- SAID *"): it must
             * come before the verb in the sentence, in order */
            int plain = wn > 0 && proto.npre < 3;
            for (size_t k = 0; k < wn && plain; k++)
                plain = isalpha((unsigned char)w[k]) || w[k] == '\'';
            if (plain) {
                char *pw = arena_strndup(V->L->d->arena, w, wn);
                if (!pw) return;
                for (char *q = pw; *q; q++) *q = (char)tolower((unsigned char)*q);
                proto.pre_word[proto.npre++] = pw;
                continue;
            }
            V->skipped++;
            return;
        }
        if (*w == '(') {
            const char *in = w + 1, *ie = w + wn;
            while (ie > in && (ie[-1] == ')' || ie[-1] == ' ')) ie--;
            size_t pl = 0;
            while (in + pl < ie && in[pl] != ' ') pl++;
            char *prep = arena_strndup(V->L->d->arena, in, pl);
            for (char *q = prep; q && *q; q++) *q = (char)tolower((unsigned char)*q);
            const char *rest = in + pl;
            while (rest < ie && *rest == ' ') rest++;
            /* "(FROM $)": the source is there; "(WITH +)": the target is */
            const char *marker = rest;
            while (marker < ie && *marker != '$' && *marker != '+') marker++;
            if (marker < ie && *marker == '$') {
                if (!proto.source_prep) proto.source_prep = prep;
                continue;
            }
            if (marker < ie && *marker == '+') {
                if (!proto.prep) proto.prep = prep;
                continue;
            }
            if (rest == ie) {
                if (!proto.prep) proto.prep = prep;
            } else if (!proto.pp_prep) {
                proto.pp_prep = prep;
                /* the phrase's noun: its first item ("(TO PEACE &TREATY)" -> peace) */
                const char *sub[8];
                size_t sl[8];
                char tmp[512];
                snprintf(tmp, sizeof tmp, "%.*s", (int)(ie - rest), rest);
                size_t ns = split_pattern(tmp, sub, sl, 8);
                int any_word = ns && sub[0][0] == '^'; /* "(AT ^)": "at" and any word */
                if (ns && !any_word && sub[0][0] != '$' && sub[0][0] != '+') {
                    npp = item_words(V, sub[0], sl[0], pp_nouns, MAX_EXPAND);
                    if (sub[0][0] == '&') pp_syn = rest + (sub[0] - tmp), pp_syn_len = sl[0];
                }
                if (!npp && !any_word) proto.pp_prep = NULL;
            }
            continue;
        }
        /* TABARI "* FOR { SANCTIONS | BOYCOTT }", "* AGAINST TROOPS": a
         * preposition and what follows is a required phrase, as "(FOR ...)"
         * (PETRARCH writes its phrases in parentheses) */
        if (V->L->tabari && !proto.pp_prep && i + 1 < n && is_preposition(w, wn) && item[i + 1][0] != '(' &&
            !(len[i + 1] == 1 && strchr("$+%^*", item[i + 1][0]))) {
            npp = item_words(V, item[i + 1], len[i + 1], pp_nouns, MAX_EXPAND);
            if (npp) {
                char *prep = arena_strndup(V->L->d->arena, w, wn);
                for (char *q = prep; q && *q; q++) *q = (char)tolower((unsigned char)*q);
                proto.pp_prep = prep;
                i++;
                continue;
            }
        }
        /* "- * THEIR ^ ABOUT +": a possessive names no object; a preposition
         * right before '+' introduces the target, as "(ABOUT +)" does */
        if (is_possessive_word(w, wn)) continue;
        if (prep_before_target(item, len, n, i)) {
            if (!proto.prep) {
                char *prep = arena_strndup(V->L->d->arena, w, wn);
                for (char *q = prep; q && *q; q++) *q = (char)tolower((unsigned char)*q);
                proto.prep = prep;
            }
            i++;
            continue;
        }
        if (!nobj) {
            /* "DIPLOMATIC TIES", "NEW_&TIETYPES_RELATIONS", "OVER EFFORTS": a run of
             * words after the verb is a phrase, its last word the object and the
             * others its modifiers - as a {group} is */
            size_t j = i;
            while (j + 1 < n && item[j + 1][0] != '(' && item[j + 1][0] != '{' &&
                   !(len[j + 1] == 1 && strchr("$+%^*", item[j + 1][0])) && !prep_before_target(item, len, n, j + 1))
                j++;
            int underscored = *w != '{' && *w != '&' && memchr(w, '_', wn) && w[wn - 1] != '_';
            if (*w == '{') {
                nobj = item_words(V, w, wn, objects, MAX_EXPAND);
                group_mods(V, w, wn, proto.object_mods);
            } else if (j > i || underscored) {
                char group[512];
                size_t gl = 0;
                group[gl++] = '{';
                for (size_t k = i; k <= j && gl < sizeof group - 4; k++) {
                    if (k > i) group[gl++] = ' ';
                    for (size_t q = 0; q < len[k] && gl < sizeof group - 4; q++)
                        group[gl++] = item[k][q] == '_' ? ' ' : item[k][q];
                }
                group[gl++] = '}';
                group[gl] = 0;
                nobj = item_words(V, group, gl, objects, MAX_EXPAND);
                group_mods(V, group, gl, proto.object_mods);
                i = j;
            } else {
                nobj = item_words(V, w, wn, objects, MAX_EXPAND);
                if (*w == '&') obj_syn = w, obj_syn_len = wn;
            }
        }
    }
    if (!seen_star) {
        V->skipped++;
        return;
    }
    if (!code) code = ""; /* "[---]": the phrase is known and codes nothing */
    proto.code = code;
    /* "- + * MONEY $": received from; "- * TABASKI ^ $": celebrated with the
     * second actor named after the verb */
    proto.swap_roles = (uint8_t)(dollar_after > 9 ? 9 : dollar_after);
    /* "- * IFTAR (AT ^ ^) +": the target is the third actor named after the verb */
    proto.target_nth = (uint8_t)(plus_after > 1 ? (plus_after > 9 ? 9 : plus_after) : 0);
    proto.rule = arena_printf(V->L->d->arena, "%s:%ld", V->L->file, V->L->line);
    for (size_t o = 0; o < (nobj ? nobj : 1); o++)
        for (size_t q = 0; q < (npp ? npp : 1); q++)
            for (size_t sj = 0; sj < (nsubj ? nsubj : 1); sj++) {
                dict_pattern p = proto;
                p.object = nobj ? objects[o] : NULL;
                p.pp_noun = npp ? pp_nouns[q] : NULL;
                if (obj_syn) member_mods(V, obj_syn, obj_syn_len, o, p.object_mods);
                if (pp_syn) member_mods(V, pp_syn, pp_syn_len, q, p.pp_mods);
                p.subject = nsubj ? subjects[sj] : NULL;
                add_for_class(V, &p, 0);
            }
}

static void add_verb(vstate *V, const char *s) {
    if (V->nverbs == MAX_CLASS_VERBS) return;
    size_t n = strcspn(s, " {[");
    char buf[256];
    int stem = V->L->tabari && n && s[n - 1] != '_' && !memchr(s, '_', n); /* TABARI "RESTOR": a stem */
    snprintf(buf, sizeof buf, "%.*s", (int)(n < 255 ? n : 255), s);
    for (char *p = buf; *p; p++) *p = (char)tolower((unsigned char)*p);
    class_verb cv = {0};
    cv.stem = stem;
    char *verb = buf;
    char *plus = strstr(buf, "_+"); /* "wire_+tap": the '+' word is the verb */
    if (plus && V->linear) {
        *plus = 0;
        cv.prefix = arena_strdup(V->L->d->arena, buf);
        verb = plus + 2;
    }
    char *us = strchr(verb, '_');
    if (us) {
        *us = 0;
        char *part = us + 1;
        char *us2 = strchr(part, '_');
        if (us2) *us2 = 0; /* only the first particle is kept */
        if (*part) cv.particle = arena_strdup(V->L->d->arena, part);
    }
    if (!verb[0]) return;
    cv.lemma = arena_strdup(V->L->d->arena, verb);
    const char *br = strchr(s, '[');
    if (br) cv.code = code_of(V, br, &cv.reverse_code);
    V->verbs[V->nverbs++] = cv;
}

/* ---- PETRARCH's linear patterns ------------------------------------------- */

/* UD-PETRARCH writes noun phrases as {..} and prepositional phrases as (..),
 * which map onto the tree; PETRARCH's own dictionaries never do, and their
 * patterns are word sequences around the verb. */
static int has_grouped_patterns(ploader *L, const char *text, size_t len) {
    char line[MAX_LINE];
    const char *p = text, *end = text + len;
    long saved = L->line;
    int grouped = 0;
    while (!grouped && next_clean_line(L, &p, end, line, sizeof line, NULL)) {
        const char *s = line + strspn(line, " ");
        if (*s == '-' && s[1] != '-' && (strchr(s, '{') || strchr(s, '('))) grouped = 1;
    }
    L->line = saved;
    return grouped;
}

/* The synset whose name (a trailing '_' in its definition aside) starts s */
static const synset *synset_at(const vstate *V, const char *s, size_t *name_len) {
    const synset *best = NULL;
    size_t bl = 0;
    for (size_t i = 0; i < V->nsyn; i++) {
        const char *name = V->syn[i].name + 1; /* after the '&' */
        size_t n = strlen(name);
        while (n > 1 && name[n - 1] == '_') n--;
        if (n > bl && !strncmp(s, name, n) && !isalnum((unsigned char)s[n])) best = &V->syn[i], bl = n;
    }
    *name_len = bl;
    return best;
}

/* "+ KNOWN_ * IN_ $" -> "+ known_* in_$": items joined by '_' (next to each
 * other) or ' ' (other words may come between); a '%' before the verb asks
 * for a compound subject and is not a word of the sequence (after it, "*
 * WITH %", it is a compound target). */
static void add_linear(vstate *V, const char *body, const dict_pattern *proto) {
    char seq[8192];
    size_t k = 0;
    int words = 0, star = 0, compound = 0;
    char joiner = 0; /* the separator before the next item */
    for (const char *p = body; *p;) {
        int joined = 0, any = 0;
        while (*p == ' ' || *p == '_') joined |= *p++ == '_', any = 1;
        if (any && k) joiner = joined ? '_' : (joiner == '_' ? '_' : ' ');
        size_t n = *p == '{' && strchr(p, '}') ? (size_t)(strchr(p, '}') - p) + 1 : strcspn(p, " _");
        if (!n) break;
        if (n == 1 && *p == '%' && !star) { /* "- % * [030:030]": a compound subject */
            compound = 1;
        } else if (k + n + 2 >= sizeof seq) {
            V->skipped++;
            return;
        } else {
            if (k) seq[k++] = joiner ? joiner : ' ';
            joiner = 0;
            for (size_t i = 0; i < n; i++) seq[k++] = (char)tolower((unsigned char)p[i]);
            if (n == 1 && *p == '*') star = 1;
            else words++;
        }
        p += n;
    }
    seq[k] = 0;
    if (!star) {
        V->skipped++;
        return;
    }
    dict_pattern pt = *proto;
    pt.seq = arena_strdup(V->L->d->arena, seq);
    pt.seq_words = (uint8_t)(words > 200 ? 200 : words);
    pt.need_compound = (uint8_t)compound;
    if (pt.seq) add_for_class(V, &pt, 0);
}

enum { MAX_ALTERNATIVES = 256 };

static void synset_alternatives(vstate *V, const synset *sy, dy_buf *out, int depth, int *count);

/* One synset member as alternatives: itself, or - when it is or holds a
 * synset ("&TIETYPES", "NEW_&TIETYPES") - each of that synset's in its place */
static void member_alternatives(vstate *V, const char *m, dy_buf *out, int depth, int *count) {
    const char *amp = strchr(m, '&');
    if (!amp) {
        if (*count >= MAX_ALTERNATIVES) return;
        if ((*count)++) buf_putc(out, '|');
        buf_push(out, m, strlen(m));
        return;
    }
    size_t nl;
    const synset *sy = synset_at(V, amp + 1, &nl);
    if (!sy || depth > 4) return;
    if (amp == m && !amp[1 + nl]) {
        synset_alternatives(V, sy, out, depth + 1, count);
        return;
    }
    for (size_t i = 0; i < sy->nwords && *count < MAX_ALTERNATIVES; i++) {
        char buf[1024];
        snprintf(buf, sizeof buf, "%.*s%s%s", (int)(amp - m), m, sy->raw[i], amp + 1 + nl);
        member_alternatives(V, buf, out, depth + 1, count);
    }
}

static void synset_alternatives(vstate *V, const synset *sy, dy_buf *out, int depth, int *count) {
    for (size_t i = 0; i < sy->nwords && *count < MAX_ALTERNATIVES; i++) member_alternatives(V, sy->raw[i], out, depth, count);
}

/* The pattern with each &SYNSET written as the group of its members,
 * "{DOLLARS|AUSTRIAN FLORIN|GOLDEN_GOBLIN_GALLEONS}" (a member's words keep
 * their joins); -1 for a synset that is not defined */
static int linear_body(vstate *V, const char *body, dy_buf *out) {
    for (const char *p = body; *p;) {
        const char *amp = strchr(p, '&');
        if (!amp) {
            buf_push(out, p, strlen(p));
            break;
        }
        buf_push(out, p, (size_t)(amp - p));
        size_t nl;
        const synset *sy = synset_at(V, amp + 1, &nl);
        if (!sy) return -1;
        int count = 0;
        buf_putc(out, '{');
        synset_alternatives(V, sy, out, 0, &count);
        buf_putc(out, '}');
        if (!count) return -1;
        p = amp + 1 + nl;
    }
    buf_putc(out, 0);
    return out->data ? 0 : -1;
}

static void load_linear_pattern(vstate *V, char *s) {
    char *br = strrchr(s, '[');
    if (!br) {
        pwarn(V->L, "pattern without [code]: '%s'", s);
        return;
    }
    dict_pattern proto = {0};
    const char *code = code_of(V, br, &proto.reverse_code);
    if (code && !strcmp(code, "+++")) { /* TABARI's "complex" event, which PETRARCH does not code */
        V->skipped++;
        return;
    }
    proto.code = code ? code : ""; /* "[---]": the phrase is known and codes nothing */
    proto.rule = arena_printf(V->L->d->arena, "%s:%ld", V->L->file, V->L->line);
    *br = 0;
    dy_buf body = {0};
    if (linear_body(V, s + 1, &body)) V->skipped++;
    else add_linear(V, body.data, &proto);
    free(body.data);
}

void petrarch_load_verbs(ploader *L, const char *text, size_t len) {
    vstate V = {0};
    V.L = L;
    V.linear = !L->tabari && !has_grouped_patterns(L, text, len);
    V.syn = calloc(MAX_SYNSETS, sizeof *V.syn);
    if (!V.syn) return;
    char line[MAX_LINE];
    int in_time = 0;
    const char *p = text, *end = text + len;
    L->line = 0;
    while (next_clean_line(L, &p, end, line, sizeof line, NULL)) {
        char *s = line + strspn(line, " ");
        if (!*s) continue;
        if (*s == '<') { /* TABARI section tags; <TIME> holds date shifts, not verbs */
            in_time = !strncmp(s, "<TIME>", 6);
            continue;
        }
        if (in_time) continue;
        if (*s == '&') {
            V.open_syn = NULL;
            if (V.nsyn == MAX_SYNSETS) continue;
            synset *sy = &V.syn[V.nsyn++];
            size_t k = strcspn(s, " ");
            snprintf(sy->name, sizeof sy->name, "%.*s", (int)k, s);
            sy->words = arena_alloc(L->d->arena, MAX_SYNSET_WORDS * sizeof *sy->words);
            sy->raw = arena_alloc(L->d->arena, MAX_SYNSET_WORDS * sizeof *sy->raw);
            V.open_syn = sy->words && sy->raw ? sy : NULL;
            continue;
        }
        if (*s == '+' && V.open_syn) {
            const char *w = head_word(L->d->arena, s + 1, strcspn(s + 1, "{["));
            if (!w) w = head_word(L->d->arena, s, strcspn(s, "{[")); /* single word: "+X" */
            if (w && V.open_syn->nwords < MAX_SYNSET_WORDS) {
                size_t rl = strcspn(s + 1, "{[");
                while (rl && s[1 + rl - 1] == ' ') rl--;
                V.open_syn->raw[V.open_syn->nwords] = arena_strndup(L->d->arena, s + 1, rl);
                V.open_syn->words[V.open_syn->nwords++] = w;
            }
            continue;
        }
        V.open_syn = NULL;
        if (!strncmp(s, "---", 3)) { /* a new verb class */
            add_class_default(&V);
            V.nverbs = 0;
            V.class_default_added = 0;
            char *br = strchr(s, '[');
            V.class_code = br ? code_of(&V, br, &V.class_reverse) : NULL;
            V.class_rule = arena_printf(L->d->arena, "%s:%ld %s", L->file, L->line, s);
            continue;
        }
        if (*s == '-') {
            add_class_default(&V);
            load_pattern(&V, s);
            continue;
        }
        if (*s == '*' && strchr(s, '[') && !L->tabari) { /* "* (TO QUESTION) [110]": a pattern that lost its "- " */
            char fixed[MAX_LINE + 2];
            snprintf(fixed, sizeof fixed, "- %s", s);
            add_class_default(&V);
            load_pattern(&V, fixed);
            continue;
        }
        if (*s == '{') continue; /* TABARI inflected forms of the verb above */
        if (L->tabari && *s != '+') { /* "VERB [code]": a class of its own */
            add_class_default(&V);
            V.nverbs = 0;
            V.class_default_added = 0;
            V.class_code = NULL;
            V.class_rule = arena_printf(L->d->arena, "%s:%ld %s", L->file, L->line, s);
        }
        if (V.class_default_added) { /* verbs after patterns start an unnamed class */
            V.nverbs = 0;
            V.class_default_added = 0;
        }
        add_verb(&V, *s == '+' ? s + 1 : s);
    }
    add_class_default(&V);
    free(V.syn);
}

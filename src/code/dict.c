/* dict.c - building the shared in-memory dictionary: the phrase index (hash of
 * a name's first word, chains ordered longest first), predicate patterns by
 * head lemma, memberships, and dated roles. Used by every loader. */
#include "dict.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "base/util.h"

enum { PHRASE_BUCKETS = 1 << 16, PATTERN_BUCKETS = 1 << 16 };

dy_dicts *dict_new(const char *format) {
    dy_dicts *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    d->arena = arena_new(1 << 20);
    if (!d->arena) goto fail;
    d->phrase_mask = PHRASE_BUCKETS - 1;
    d->pattern_mask = PATTERN_BUCKETS - 1;
    d->phrases = arena_calloc(d->arena, PHRASE_BUCKETS, sizeof *d->phrases);
    d->patterns = arena_calloc(d->arena, PATTERN_BUCKETS, sizeof *d->patterns);
    if (!d->phrases || !d->patterns) goto fail;
    d->format = format;
    d->comma_end_min = 2, d->comma_end_max = 8;
    return d;
fail:
    if (d->arena) arena_free(d->arena);
    free(d);
    return NULL;
}

const char *dict_negated_code(const dy_dicts *d, const char *code) {
    for (size_t i = 0; i < d->nnegation; i++)
        if (!strcmp(d->negation[2 * i], code)) return d->negation[2 * i + 1];
    return NULL;
}

/* PICO's value of a CAMEO code; a code the ontology lacks takes its
 * two-digit root's ("0342" -> "030"), as UD-PETRARCH's convert_code does */
static int pico_value(const dy_dicts *d, const char *code, int32_t *out) {
    char root[4];
    snprintf(root, sizeof root, "%.2s0", code);
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < d->npico; i++)
            if (!strcmp(d->pico_codes[i], pass ? root : code)) {
                *out = d->pico_values[i];
                return 1;
            }
    return 0;
}

/* UD-PETRARCH's combine_code: a negation adds to the upper code; of two
 * high-level verbs (say, intend, demand ...) the lower one is kept, as is
 * the greater of the two; a statement (0x1000) takes on what it says;
 * otherwise the two add (an intent, 0x3000, to give aid, 0x0040: 0x3040, 033) */
static int32_t pico_combine_values(int32_t upper, int32_t lower) {
    if (lower <= 0) return lower + upper;
    if (upper > 0x1000 && lower > 0x1000) return lower;
    if (lower >= upper || upper == 0x1000) return lower;
    if (lower == 0x1000) return upper;
    return upper + lower;
}

const char *dict_pico_combine(const dy_dicts *d, const char *upper, const char *lower) {
    int32_t u, l;
    if (!d->npico || !upper || !lower || !pico_value(d, upper, &u) || !pico_value(d, lower, &l) || !u || !l) return NULL;
    int32_t v = pico_combine_values(u, l);
    if (v == 0x30a0) return "138"; /* "want to attack": UD-PETRARCH's own exception */
    for (size_t i = 0; i < d->npico; i++)
        if (d->pico_values[i] == v) return d->pico_codes[i];
    return NULL;
}

void code_dicts_free(dy_dicts *d) {
    if (!d) return;
    if (d->map_data) {
        dy_map m = {d->map_data, d->map_len, d->map_mapped};
        file_unmap(&m);
    }
    free(d->members);
    arena_free(d->arena);
    free(d);
}

size_t dict_fold(const char *s, size_t n, char *out, size_t cap) {
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '_' || c == '\t') continue;
        out[k++] = (char)tolower(c);
    }
    out[k] = 0;
    return k;
}

uint64_t dict_word_hash(const char *folded, size_t n) { return hash_bytes(folded, n); }

static int all_caps_short(const char *s, size_t n) {
    size_t letters = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (islower(c)) return 0;
        if (isupper(c)) letters++;
        else if (c != '.') return 0;
    }
    return letters > 0 && letters <= 3 && n <= 4;
}

static int has_upper(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (isupper((unsigned char)s[i])) return 1;
    return 0;
}

/* Chains are pushed in load order and sorted once by dict_finish. */
static void chain_insert(dy_dicts *d, uint64_t h, dict_phrase *p) {
    dict_phrase **slot = &d->phrases[h & d->phrase_mask];
    p->next = *slot;
    *slot = p;
}

int dict_add_phrase(dy_dicts *d, phrase_kind kind, const char *name, size_t name_len,
                    const char *code, const dict_role *roles, uint32_t nroles,
                    const char *canon, const char *rule) {
    while (name_len && isspace((unsigned char)*name)) name++, name_len--;
    while (name_len && isspace((unsigned char)name[name_len - 1])) name_len--;
    if (!name_len || name_len > 400) return -1;
    char folded[512];
    size_t flen = dict_fold(name, name_len, folded, sizeof folded);
    if (!flen) return -1;
    size_t first = 0, words = 1;
    while (first < name_len && name[first] != ' ' && name[first] != '_') first++;
    for (size_t i = 0; i < name_len; i++)
        if ((name[i] == ' ' || name[i] == '_') && i + 1 < name_len && name[i + 1] != ' ' && name[i + 1] != '_') words++;
    char fw[256];
    size_t fwlen = dict_fold(name, first, fw, sizeof fw);
    dict_phrase proto = {0};
    proto.norm = arena_strndup(d->arena, folded, flen);
    if (!proto.norm) return -1;
    proto.norm_len = (uint32_t)flen;
    proto.kind = (uint8_t)kind;
    /* a proper name written with capitals ("Turkey", "Chad", "PLAN") is not
     * the common word ("turkey", "plan"): the text must capitalise it too */
    proto.need_upper = all_caps_short(name, name_len) ? NEED_ALL_CAPS
                     : (kind != PHRASE_AGENT && kind != PHRASE_DISCARD && has_upper(name, name_len)) ? NEED_CAPITAL
                     : 0;
    proto.ntokens = (uint8_t)(words > 255 ? 255 : words);
    proto.code = code;
    proto.roles = roles;
    proto.nroles = nroles;
    proto.canon = canon;
    proto.rule = rule;
    /* Index under the first word, and also under where a tokenizer may cut it
     * ("people's" -> "people", "corp." -> "corp"), since the text's tokens decide. */
    size_t keys[3] = {fwlen, 0, 0};
    int nkeys = 1;
    char *apos = memchr(fw, '\'', fwlen);
    if (apos && apos > fw) keys[nkeys++] = (size_t)(apos - fw);
    if (fwlen > 1 && (fw[fwlen - 1] == '.' || fw[fwlen - 1] == ',')) keys[nkeys++] = fwlen - 1;
    d->last_added_n = 0;
    for (int k = 0; k < nkeys; k++) {
        dict_phrase *p = arena_alloc(d->arena, sizeof *p);
        if (!p) return -1;
        *p = proto;
        chain_insert(d, dict_word_hash(fw, keys[k]), p);
        d->last_added[d->last_added_n++] = p;
    }
    d->nphrases++;
    if (kind == PHRASE_DISCARD) d->has_discards = 1;
    return 0;
}

static int pattern_specificity(const dict_pattern *p) {
    return p->nparticles + (p->object != NULL) * 2 + (p->prep != NULL) + (p->pp_prep != NULL) * 2 + p->need_negation + p->need_compound + p->npre +
           (p->object_mods[0] != NULL) + (p->object_mods[1] != NULL) + (p->object_mods[2] != NULL) + p->seq_words +
           (p->subject != NULL) * 2 + (p->subject_mods[0] != NULL) + (p->pp_mods[0] != NULL);
}

static uint64_t object_key(const char *lemma, const char *object) {
    return hash_mix(dict_word_hash(lemma, strlen(lemma)), dict_word_hash(object, strlen(object)));
}

/* the first word a linear pattern needs after its verb ("* eid at ^ with +"
 * -> "eid"); 0 when it needs none */
static size_t seq_first_word(const char *seq, const char **w) {
    int after = 0;
    for (const char *s = seq; *s;) {
        while (*s == ' ' || *s == '_') s++;
        size_t n = *s == '{' && strchr(s, '}') ? (size_t)(strchr(s, '}') - s) + 1 : strcspn(s, " _");
        if (!n) break;
        if (n == 1 && *s == '*') after = 1;
        else if (after && !(n == 1 && strchr("+$^%", *s))) {
            *w = s;
            return n;
        }
        s += n;
    }
    return 0;
}

int dict_add_pattern(dy_dicts *d, const dict_pattern *src) {
    dict_pattern *p = arena_alloc(d->arena, sizeof *p);
    if (!p) return -1;
    *p = *src;
    p->order = (uint32_t)d->npatterns;
    p->specificity = (uint8_t)pattern_specificity(p);
    uint64_t h = p->object ? object_key(p->lemma, p->object) : dict_word_hash(p->lemma, strlen(p->lemma));
    const char *w;
    size_t wl = p->seq && !p->object ? seq_first_word(p->seq, &w) : 0;
    if (p->seq) d->has_seq = 1;
    if (wl && *w == '{') { /* a synset first: filed under each member's first word */
        uint64_t lh = dict_word_hash(p->lemma, strlen(p->lemma));
        for (const char *a = w + 1; a < w + wl - 1;) {
            size_t al = strcspn(a, " _|}");
            dict_pattern *q = p;
            if (a != w + 1 && !(q = arena_alloc(d->arena, sizeof *q))) return -1;
            *q = *p;
            q->key_hash = hash_mix(lh, dict_word_hash(a, al));
            dict_pattern **slot = &d->patterns[q->key_hash & d->pattern_mask];
            q->next = *slot;
            *slot = q;
            d->npattern_nodes++;
            a += strcspn(a, "|}");
            if (*a == '|') a++;
            else break;
        }
        d->npatterns++;
        return 0;
    }
    if (wl) h = hash_mix(dict_word_hash(p->lemma, strlen(p->lemma)), dict_word_hash(w, wl));
    p->key_hash = h;
    dict_pattern **slot = &d->patterns[h & d->pattern_mask];
    p->next = *slot;
    *slot = p;
    d->npatterns++;
    d->npattern_nodes++;
    return 0;
}

const dict_pattern *dict_patterns_with_object(const dy_dicts *d, const char *lemma, const char *object) {
    return d->patterns[object_key(lemma, object) & d->pattern_mask];
}

typedef struct ranked { void *item; int key1, key2; size_t order; } ranked;

static int cmp_ranked(const void *a, const void *b) {
    const ranked *x = a, *y = b;
    if (x->key1 != y->key1) return x->key1 > y->key1 ? -1 : 1;
    if (x->key2 != y->key2) return x->key2 > y->key2 ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order; /* first loaded first */
}

/* Order every chain once: longer names first; more specific patterns first
 * (so the coder takes the first that fits); ties in dictionary order. */
/* Many patterns (PETRARCH's linear ones, a copy per synset member that
 * begins one): a bigger table, so a lookup walks a short chain */
static int grow_patterns(dy_dicts *d) {
    size_t nodes = d->npattern_nodes;
    size_t size = (size_t)d->pattern_mask + 1;
    while (size * 2 < nodes && size < ((size_t)1 << 22)) size <<= 1;
    if (size == (size_t)d->pattern_mask + 1) return 0;
    dict_pattern **table = arena_calloc(d->arena, size, sizeof *table);
    if (!table) return -1;
    for (uint32_t b = 0; b <= d->pattern_mask; b++)
        for (dict_pattern *p = d->patterns[b], *next; p; p = next) {
            next = p->next;
            dict_pattern **slot = &table[p->key_hash & (size - 1)];
            p->next = *slot;
            *slot = p;
        }
    d->patterns = table;
    d->pattern_mask = (uint32_t)(size - 1);
    return 0;
}

int dict_finish(dy_dicts *d) {
    size_t cap = 0;
    ranked *buf = NULL;
    if (grow_patterns(d)) return -1;
    for (uint32_t b = 0; b <= d->phrase_mask; b++) {
        size_t n = 0;
        for (dict_phrase *p = d->phrases[b]; p; p = p->next) n++;
        if (n < 2) continue;
        if (n > cap) {
            ranked *nb = realloc(buf, n * sizeof *nb);
            if (!nb) return free(buf), -1;
            buf = nb, cap = n;
        }
        size_t i = n;
        for (dict_phrase *p = d->phrases[b]; p; p = p->next) { /* pushed last-first */
            i--;
            buf[i] = (ranked){p, (int)p->norm_len, p->ntokens, i};
        }
        qsort(buf, n, sizeof *buf, cmp_ranked);
        for (i = 0; i < n; i++) ((dict_phrase *)buf[i].item)->next = i + 1 < n ? buf[i + 1].item : NULL;
        d->phrases[b] = buf[0].item;
    }
    free(buf);
    return 0;
}

const dict_pattern *dict_patterns_for(const dy_dicts *d, const char *lemma, size_t n) {
    return d->patterns[dict_word_hash(lemma, n) & d->pattern_mask];
}

void dict_mark_last_phrase_stem(dy_dicts *d) {
    d->has_stems = 1;
    for (int i = 0; i < d->last_added_n; i++) d->last_added[i]->stem = 1;
}

int dict_add_member(dy_dicts *d, const char *group, const char *relation, const dict_role *m, uint32_t n) {
    if (d->nmembers == d->members_cap) {
        size_t nc = d->members_cap ? d->members_cap * 2 : 16;
        dict_member *p = realloc(d->members, nc * sizeof *p);
        if (!p) return -1;
        d->members = p;
        d->members_cap = nc;
    }
    d->members[d->nmembers++] = (dict_member){group, m, n, relation};
    return 0;
}

const char *dict_role_on(const dict_role *roles, uint32_t n, int32_t day, int have_day) {
    const char *best = NULL;
    int32_t best_from = DATE_OPEN_FROM;
    int best_dated = 0;
    for (uint32_t i = 0; i < n; i++) {
        const dict_role *r = &roles[i];
        if (have_day) {
            if (day >= r->from_day && day <= r->to_day) {
                /* several roles valid at once: a dated one before the undated
                 * default ("[RHO <790606] [ZBW]"), then the one that started last */
                int dated = r->from_day != DATE_OPEN_FROM || r->to_day != DATE_OPEN_TO;
                if (!best || dated > best_dated || (dated == best_dated && r->from_day >= best_from))
                    best = r->code, best_from = r->from_day, best_dated = dated;
            }
        } else if (!best || r->from_day >= best_from) {
            best = r->code, best_from = r->from_day;
        }
    }
    return best;
}

int dict_parse_range(const char *s, size_t n, int32_t *from, int32_t *to) {
    *from = DATE_OPEN_FROM;
    *to = DATE_OPEN_TO;
    const char *dots = NULL;
    for (size_t i = 0; i + 1 < n; i++)
        if (s[i] == '.' && s[i + 1] == '.') {
            dots = s + i;
            break;
        }
    char buf[16];
    if (!dots) { /* a single date: valid from then on */
        if (n != 10) return -1;
        memcpy(buf, s, n);
        buf[n] = 0;
        return date_parse(buf, from);
    }
    size_t a = (size_t)(dots - s), b = n - a - 2;
    if (a) {
        if (a != 10) return -1;
        memcpy(buf, s, a);
        buf[a] = 0;
        if (date_parse(buf, from)) return -1;
    }
    if (b) {
        if (b != 10) return -1;
        memcpy(buf, dots + 2, b);
        buf[b] = 0;
        if (date_parse(buf, to)) return -1;
    }
    return *from <= *to ? 0 : -1;
}

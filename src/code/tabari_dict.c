/* tabari_dict.c - reading TABARI's .actors, .agents and .verbs files into the
 * surface form its coder needs (tabari.h): names and patterns as word
 * sequences with their connectors, dated actor codes, synonyms ("+NAME"
 * lines share the codes of their group), verb forms ("{ BROKE_ BROKEN_ }"),
 * <SYNSETS>, and the <NOUN> / <ADJECTIVE> lists. Alternatives in a pattern
 * are expanded into one pattern each, so that "longest pattern first" sees
 * the alternative that would actually match. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "base/arena.h"
#include "tabari.h"

enum { MAX_ITEMS = 64, MAX_EXPANSIONS = 64, MAX_GROUP_NAMES = 128, MAX_GROUP_CODES = 16 };

unsigned tabari_bucket(const char *w, size_t n) {
    unsigned a = n > 0 ? (unsigned char)toupper((unsigned char)w[0]) : 0;
    unsigned b = n > 1 ? (unsigned char)toupper((unsigned char)w[1]) : 0;
    return (a * 31u + b) % TB_BUCKETS;
}

tabari_data *tabari_new(dyad_arena *a) {
    tabari_data *t = arena_calloc(a, 1, sizeof *t);
    if (!t) return NULL;
    t->arena = a;
    tabari_options_init(&t->options);
    return t;
}

static int is_word_char(char c) {
    return c && !isspace((unsigned char)c) && !strchr("_-~={}|*$+%^&[];", c);
}

/* "{ A B | C }" starting at s[0] == '{': the index of its '}' (or n) */
static size_t alt_end(const char *s, size_t n) {
    size_t depth = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '{') depth++;
        else if (s[i] == '}' && --depth == 0) return i;
    }
    return n;
}

static int parse_alternatives(dyad_arena *a, const char *s, size_t n, tb_item *it) {
    tb_seq *alts = arena_calloc(a, 16, sizeof *alts);
    if (!alts) return -1;
    size_t na = 0, b = 0, depth = 0;
    for (size_t i = 0; i <= n && na < 16; i++) {
        if (i < n && s[i] == '{') depth++;
        if (i < n && s[i] == '}') depth--;
        if (i == n || (s[i] == '|' && depth == 0)) {
            if (tabari_parse_seq(a, s + b, i - b, &alts[na])) return -1;
            if (alts[na].n) na++;
            b = i + 1;
        }
    }
    it->kind = TB_ALT;
    it->alts = alts;
    it->nalts = (uint16_t)na;
    return na ? 0 : -1;
}

int tabari_parse_seq(dyad_arena *a, const char *s, size_t n, tb_seq *seq) {
    tb_item items[MAX_ITEMS];
    size_t k = 0, i = 0;
    int adj = 0, tilde = 0;
    while (i < n) {
        char c = s[i];
        tb_item *prev = k ? &items[k - 1] : NULL;
        if (isspace((unsigned char)c)) { adj = 0; tilde = 0; i++; continue; }
        if (c == '_' || c == '-') {
            if (prev && prev->kind == TB_WORD && !tilde) prev->closed = 1;
            adj = 1;
            i++;
            continue;
        }
        if (c == '~') { if (prev) prev->closed = 0; tilde = 1; i++; continue; }
        if (c == '=') { if (prev) prev->closed = prev->exact = 1; i++; continue; }
        if (c == '}' || c == '|' || c == '[' || c == ']' || c == ';') { i++; continue; }
        if (k == MAX_ITEMS) return -1;
        tb_item *it = &items[k];
        memset(it, 0, sizeof *it);
        it->adj_before = (uint8_t)(k ? adj : 0);
        adj = tilde = 0;
        if (strchr("*$+%^", c)) {
            it->kind = c == '*' ? TB_VERB : c == '$' ? TB_SOURCE : c == '+' ? TB_TARGET : c == '%' ? TB_COMPOUND : TB_SKIP;
            i++;
        } else if (c == '{') {
            size_t e = alt_end(s + i, n - i);
            if (parse_alternatives(a, s + i + 1, e > 0 ? e - 1 : 0, it)) return -1;
            i += e + 1;
        } else {
            int syn = c == '&';
            size_t b = i + syn, e = b;
            while (e < n && is_word_char(s[e])) e++;
            if (e == b) { i = e + 1; continue; }
            char *w = arena_strndup(a, s + b, e - b);
            if (!w) return -1;
            for (char *p = w; *p; p++) *p = (char)toupper((unsigned char)*p);
            it->kind = syn ? TB_SYNSET : TB_WORD;
            it->word = w;
            it->len = (uint16_t)(e - b > 65535 ? 65535 : e - b);
            i = e;
        }
        k++;
    }
    seq->n = (uint16_t)k;
    seq->items = k ? arena_alloc(a, k * sizeof *items) : NULL;
    if (k && !seq->items) return -1;
    if (k) memcpy(seq->items, items, k * sizeof *items);
    return 0;
}

/* One sequence per combination of alternatives (at most MAX_EXPANSIONS). */
static size_t expand_alternatives(dyad_arena *a, const tb_seq *in, tb_seq *out, size_t cap) {
    size_t alt = in->n;
    for (size_t i = 0; i < in->n; i++)
        if (in->items[i].kind == TB_ALT) { alt = i; break; }
    if (alt == in->n) {
        if (cap) out[0] = *in;
        return cap ? 1 : 0;
    }
    size_t total = 0;
    const tb_item *ai = &in->items[alt];
    for (uint16_t o = 0; o < ai->nalts && total < cap; o++) {
        const tb_seq *opt = &ai->alts[o];
        size_t n = (size_t)in->n - 1 + opt->n;
        if (n > MAX_ITEMS) continue;
        tb_seq s = {arena_alloc(a, n * sizeof(tb_item)), (uint16_t)n};
        if (!s.items) return total;
        memcpy(s.items, in->items, alt * sizeof(tb_item));
        memcpy(s.items + alt, opt->items, opt->n * sizeof(tb_item));
        s.items[alt].adj_before = ai->adj_before;
        memcpy(s.items + alt + opt->n, in->items + alt + 1, ((size_t)in->n - alt - 1) * sizeof(tb_item));
        total += expand_alternatives(a, &s, out + total, cap - total);
    }
    return total;
}

/* YYMMDD -> YYYYMMDD (two-digit years >= 50 are 19xx, as TABARI's records) */
static int32_t tabari_date(const char *s, size_t n) {
    if (n != 6) return -1;
    for (size_t i = 0; i < 6; i++)
        if (!isdigit((unsigned char)s[i])) return -1;
    int yy = (s[0] - '0') * 10 + (s[1] - '0');
    return (yy >= 50 ? 1900 + yy : 2000 + yy) * 10000 + atoi(s + 2);
}

/* "[CODE]", "[CODE <YYMMDD]", "[CODE >YYMMDD]", "[CODE YYMMDD-YYMMDD]"; 0 ok */
static int parse_code_block(dyad_arena *a, const char *s, size_t n, tb_dated *out) {
    size_t i = 0;
    while (i < n && isspace((unsigned char)s[i])) i++;
    size_t b = i;
    while (i < n && !isspace((unsigned char)s[i]) && s[i] != '<' && s[i] != '>') i++;
    if (i == b) return -1;
    out->code = arena_strndup(a, s + b, i - b);
    out->from = 0;
    out->to = 99999999;
    if (!out->code || isdigit((unsigned char)out->code[0])) return -1; /* "[950601-990815]": no code */
    char digits[2][8];
    int nd = 0, mode = 0; /* '<', '>' or '-' */
    while (i < n) {
        char c = s[i];
        if (c == '<' || c == '>') mode = c;
        else if (isdigit((unsigned char)c)) {
            size_t e = i;
            while (e < n && isdigit((unsigned char)s[e])) e++;
            if (nd == 2 || e - i != 6) return -1;
            memcpy(digits[nd], s + i, 6);
            digits[nd++][6] = 0;
            i = e;
            continue;
        } else if (c == '-') {
            if (!mode) mode = '-';
        } else if (!isspace((unsigned char)c)) return -1;
        i++;
    }
    if (!nd) return mode ? -1 : 0;
    int32_t d0 = tabari_date(digits[0], 6);
    if (mode == '<' && nd == 1) out->to = d0 - 1;
    else if (mode == '>' && nd == 1) out->from = d0;
    else if (nd == 2) out->from = d0, out->to = tabari_date(digits[1], 6);
    else if (nd == 1 && !mode) out->from = d0;
    else return -1;
    return 0;
}

typedef struct reader {
    tabari_data *t;
    const char *file;
    long line;
    dict_warn_fn warn;
    void *user;
    size_t count;
} reader;

static void warn_line(reader *r, const char *msg) {
    if (!r->warn) return;
    dyad_error e;
    dyad_error_clear(&e);
    dyad_error_set(&e, DYAD_EDICT, r->file, r->line, -1, "%s", msg);
    r->warn(r->user, &e);
}

static const char *rule_of(reader *r, const char *s, size_t n) {
    while (n && isspace((unsigned char)s[n - 1])) n--;
    const char *base = strrchr(r->file, '/');
    return arena_printf(r->t->arena, "%s:%ld %.*s", base ? base + 1 : r->file, r->line, (int)(n > 200 ? 200 : n), s);
}

static tb_phrase *add_phrase(reader *r, tb_phrase **buckets, const char *name, size_t n) {
    tb_phrase *p = arena_calloc(r->t->arena, 1, sizeof *p);
    if (!p || tabari_parse_seq(r->t->arena, name, n, &p->words)) return NULL;
    if (!p->words.n || p->words.items[0].kind != TB_WORD) return NULL;
    for (uint16_t i = 0; i < p->words.n; i++)
        if (p->words.items[i].kind != TB_WORD) return NULL;
    const tb_item *w = &p->words.items[0];
    unsigned b = tabari_bucket(w->word, w->len);
    p->order = r->t->nphrases++;
    p->next = buckets[b];
    buckets[b] = p;
    return p;
}

/* ---- actors and agents ---------------------------------------------------- */

typedef struct group {
    const char *names[MAX_GROUP_NAMES];
    size_t name_len[MAX_GROUP_NAMES];
    size_t nnames;
    tb_dated codes[MAX_GROUP_CODES];
    size_t ncodes;
} group;

static void flush_group(reader *r, group *g, int agents) {
    if (g->ncodes && g->nnames) {
        tb_dated *codes = arena_alloc(r->t->arena, g->ncodes * sizeof *codes);
        if (codes) {
            memcpy(codes, g->codes, g->ncodes * sizeof *codes);
            int agent = agents;
            for (size_t i = 0; i < g->ncodes; i++)
                if (strchr(codes[i].code, '~')) agent = 1;
            for (size_t i = 0; i < g->nnames; i++) {
                tb_phrase *p = add_phrase(r, r->t->actors, g->names[i], g->name_len[i]);
                if (!p) continue;
                p->codes = codes;
                p->ncodes = (uint16_t)g->ncodes;
                p->agent = (uint8_t)agent;
                r->count++;
            }
        }
    }
    g->nnames = g->ncodes = 0;
}

/* every "[...]" on the line into g's codes */
static void read_code_blocks(reader *r, group *g, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '[') continue;
        const char *close = memchr(s + i, ']', n - i);
        if (!close) { warn_line(r, "a code block \"[\" is never closed"); return; }
        tb_dated c;
        if (g->ncodes < MAX_GROUP_CODES && !parse_code_block(r->t->arena, s + i + 1, (size_t)(close - s - i - 1), &c))
            g->codes[g->ncodes++] = c;
        else warn_line(r, "a code block is not [CODE], [CODE <YYMMDD], [CODE >YYMMDD] or [CODE YYMMDD-YYMMDD]");
        i = (size_t)(close - s);
    }
}

static void add_name(group *g, const char *s, size_t n) {
    while (n && isspace((unsigned char)s[n - 1])) n--;
    if (!n || g->nnames == MAX_GROUP_NAMES) return;
    g->names[g->nnames] = s;
    g->name_len[g->nnames++] = n;
}

/* one line without its comment; section: 0 actors, 'N' nouns, 'A' adjectives */
static void actor_line(reader *r, group *g, const char *s, size_t n, int agents, int *section) {
    if (n && s[0] == '<') {
        flush_group(r, g, agents);
        if (n >= 6 && !strncmp(s, "<NOUN>", 6)) *section = 'N';
        else if (n >= 11 && !strncmp(s, "<ADJECTIVE>", 11)) *section = 'A';
        else *section = 0;
        return;
    }
    if (*section) {
        size_t e = 0;
        while (e < n && !isspace((unsigned char)s[e])) e++;
        if (e && add_phrase(r, *section == 'N' ? r->t->nouns : r->t->adjectives, s, e)) r->count++;
        return;
    }
    size_t lead = 0;
    while (lead < n && isspace((unsigned char)s[lead])) lead++;
    if (lead == n) return;
    const char *bracket = memchr(s, '[', n);
    if (s[lead] == '[') { read_code_blocks(r, g, s, n); return; }
    if (s[lead] == '+') {
        add_name(g, s + lead + 1, (bracket ? (size_t)(bracket - s) : n) - lead - 1);
        if (bracket) read_code_blocks(r, g, s, n);
        return;
    }
    flush_group(r, g, agents);
    add_name(g, s + lead, (bracket ? (size_t)(bracket - s) : n) - lead);
    if (bracket) read_code_blocks(r, g, s, n);
}

/* ---- verbs ------------------------------------------------------------------ */

static tb_synset *synset_new(reader *r, const char *name, size_t n) {
    tabari_data *t = r->t;
    if (t->nsynsets == t->synsets_cap) {
        uint32_t nc = t->synsets_cap ? t->synsets_cap * 2 : 16;
        tb_synset *p = arena_grow(t->arena, t->synsets, t->synsets_cap, nc, sizeof *p);
        if (!p) return NULL;
        t->synsets = p;
        t->synsets_cap = nc;
    }
    tb_synset *s = &t->synsets[t->nsynsets++];
    memset(s, 0, sizeof *s);
    char *nm = arena_strndup(t->arena, name, n);
    if (!nm) return NULL;
    for (char *p = nm; *p; p++) *p = (char)toupper((unsigned char)*p);
    s->name = nm;
    return s;
}

static void synset_add(reader *r, tb_synset *s, const char *text, size_t n) {
    if (s->n == s->cap) {
        uint32_t nc = s->cap ? s->cap * 2 : 8;
        tb_seq *p = arena_grow(r->t->arena, s->members, s->cap, nc, sizeof *p);
        if (!p) return;
        s->members = p;
        s->cap = nc;
    }
    tb_seq seq;
    if (tabari_parse_seq(r->t->arena, text, n, &seq) || !seq.n) { warn_line(r, "a synset member cannot be read"); return; }
    s->members[s->n++] = seq;
    r->count++;
}

static uint32_t pattern_length(const tb_seq *s) {
    uint32_t len = 0;
    for (uint16_t i = 0; i < s->n; i++) {
        const tb_item *it = &s->items[i];
        if (it->kind == TB_WORD) len += it->len;
        else if (it->kind != TB_VERB) len += 1;
    }
    return len;
}

static void verb_add_pattern(reader *r, tb_verb *v, const tb_seq *seq, const char *code, const char *rule) {
    tb_seq exp[MAX_EXPANSIONS];
    size_t ne = expand_alternatives(r->t->arena, seq, exp, MAX_EXPANSIONS);
    for (size_t e = 0; e < ne; e++) {
        int stars = 0, star = 0;
        for (uint16_t i = 0; i < exp[e].n; i++)
            if (exp[e].items[i].kind == TB_VERB) stars++, star = i;
        if (stars != 1) { warn_line(r, "a pattern needs exactly one '*' for the verb"); return; }
        if (v->npats == v->cap) {
            uint32_t nc = v->cap ? v->cap * 2 : 8;
            tb_pattern *p = arena_grow(r->t->arena, v->pats, v->cap, nc, sizeof *p);
            if (!p) return;
            v->pats = p;
            v->cap = nc;
        }
        v->pats[v->npats++] = (tb_pattern){exp[e], (uint16_t)star, code, rule, pattern_length(&exp[e]), v->npats};
        r->count++;
    }
}

/* "[CODE]" on the line; NULL without one */
static const char *bracket_code(reader *r, const char *s, size_t n, size_t *name_end) {
    const char *open = memchr(s, '[', n);
    *name_end = open ? (size_t)(open - s) : n;
    if (!open) return NULL;
    const char *close = memchr(open, ']', n - (size_t)(open - s));
    if (!close) return NULL;
    const char *b = open + 1, *e = close;
    while (b < e && isspace((unsigned char)*b)) b++;
    while (e > b && isspace((unsigned char)e[-1])) e--;
    return e > b ? arena_strndup(r->t->arena, b, (size_t)(e - b)) : NULL;
}

typedef struct verb_state { tb_verb *verb; tb_synset *synset; int section; } verb_state;

/* a verb's name or form; in <TIME> a time phrase, read the same way ("LAST_WEEK [-7]") */
static void add_verb_name(reader *r, const verb_state *st, tb_verb *v, const char *s, size_t n) {
    tb_phrase *p = add_phrase(r, st->section == 'T' ? r->t->times : r->t->verbs, s, n);
    if (p) p->verb = v, r->count++;
    if (p && st->section == 'T') r->t->ntimes++;
}

static void verb_line(reader *r, verb_state *st, const char *s, size_t n) {
    size_t lead = 0;
    while (lead < n && isspace((unsigned char)s[lead])) lead++;
    s += lead, n -= lead;
    if (!n) return;
    if (s[0] == '<') {
        st->section = !strncmp(s, "<SYNSETS>", n < 9 ? n : 9) && n >= 9 ? 'S' : !strncmp(s, "<TIME>", n < 6 ? n : 6) && n >= 6 ? 'T' : 0;
        st->verb = NULL;
        st->synset = NULL;
        return;
    }
    if (st->section == 'S') {
        if (s[0] == '&') {
            size_t e = 1;
            while (e < n && !isspace((unsigned char)s[e])) e++;
            st->synset = synset_new(r, s + 1, e - 1);
        } else if (s[0] == '+' && st->synset) synset_add(r, st->synset, s + 1, n - 1);
        return;
    }
    size_t name_end;
    if (s[0] == '-') {
        if (!st->verb) { warn_line(r, "a pattern line before any verb"); return; }
        const char *code = bracket_code(r, s, n, &name_end);
        if (!code) { warn_line(r, "a pattern line needs a [CODE]"); return; }
        tb_seq seq;
        if (tabari_parse_seq(r->t->arena, s + 1, name_end - 1, &seq)) { warn_line(r, "a pattern cannot be read"); return; }
        verb_add_pattern(r, st->verb, &seq, code, rule_of(r, s, name_end));
        return;
    }
    if (s[0] == '{') {
        if (!st->verb) return;
        const char *close = memchr(s, '}', n);
        size_t e = close ? (size_t)(close - s) : n;
        for (size_t i = 1; i < e;) {
            while (i < e && isspace((unsigned char)s[i])) i++;
            size_t b = i;
            while (i < e && !isspace((unsigned char)s[i])) i++;
            if (i > b) add_verb_name(r, st, st->verb, s + b, i - b);
        }
        return;
    }
    const char *code = bracket_code(r, s, n, &name_end);
    if (!code) { warn_line(r, "a verb line needs a [CODE]"); st->verb = NULL; return; }
    tb_verb *v = arena_calloc(r->t->arena, 1, sizeof *v);
    if (!v) return;
    v->code = code;
    v->rule = rule_of(r, s, name_end);
    st->verb = v;
    add_verb_name(r, st, v, s, name_end);
}

/* ---- files -------------------------------------------------------------------- */

size_t tabari_read(tabari_data *t, const char *kind, const char *file, const char *text, size_t n,
                   dict_warn_fn warn, void *user) {
    reader r = {t, file, 0, warn, user, 0};
    int verbs = !strcmp(kind, "verbs"), agents = !strcmp(kind, "agents");
    group *g = verbs ? NULL : calloc(1, sizeof *g);
    if (!verbs && !g) return 0;
    verb_state vs = {0};
    int section = 0;
    for (size_t pos = 0; pos < n;) {
        const char *nl = memchr(text + pos, '\n', n - pos);
        size_t e = nl ? (size_t)(nl - text) : n;
        const char *s = text + pos;
        size_t len = e - pos;
        pos = nl ? e + 1 : n;
        r.line++;
        if (len >= 2 && s[0] == '~' && s[1] == '~') break;      /* "~~FINISH" */
        if (len && s[0] == '#') continue;                        /* a line kept out of use */
        const char *semi = memchr(s, ';', len);
        if (semi) len = (size_t)(semi - s);
        while (len && (isspace((unsigned char)s[len - 1]))) len--;
        if (verbs) verb_line(&r, &vs, s, len);
        else actor_line(&r, g, s, len, agents, &section);
    }
    if (g) flush_group(&r, g, agents);
    free(g);
    return r.count;
}

/* ---- options -------------------------------------------------------------------- */

void tabari_options_init(tabari_options *o) {
    memset(o, 0, sizeof *o);
    o->min_words = 8;
    o->comma_min = o->comma_emin = 2;
    o->comma_max = o->comma_emax = 10;
    o->comma_bmin = 255; /* an initial clause is never dropped */
    o->comma_bmax = 0;
    o->time_shift = -1;  /* on when the verbs file has <TIME> phrases */
}

/* the number after "KEY" (and an optional '=' or '['), or -1 */
static int number_after(const char *s, size_t n, const char *key) {
    size_t kl = strlen(key);
    for (size_t i = 0; i + kl <= n; i++) {
        if (strncasecmp(s + i, key, kl) || (i && isalpha((unsigned char)s[i - 1]))) continue;
        size_t j = i + kl;
        while (j < n && (s[j] == ' ' || s[j] == '=' || s[j] == '[')) j++;
        if (j < n && isdigit((unsigned char)s[j])) return atoi(s + j);
    }
    return -1;
}

static int has_word(const char *s, size_t n, const char *w) {
    size_t wl = strlen(w);
    for (size_t i = 0; i + wl <= n; i++)
        if (!strncasecmp(s + i, w, wl) && (i == 0 || !isalpha((unsigned char)s[i - 1])) &&
            (i + wl == n || !isalpha((unsigned char)s[i + wl])))
            return 1;
    return 0;
}

/* "[CODE]" after KEY, copied into the arena */
static const char *code_after(dyad_arena *a, const char *s, size_t n, const char *key) {
    for (size_t i = 0; i + strlen(key) <= n; i++) {
        if (strncasecmp(s + i, key, strlen(key))) continue;
        const char *open = memchr(s + i, '[', n - i), *close = open ? memchr(open, ']', n - (size_t)(open - s)) : NULL;
        if (!open || !close || close - open < 2) return NULL;
        return arena_strndup(a, open + 1, (size_t)(close - open - 1));
    }
    return NULL;
}

static void options_line(tabari_options *o, dyad_arena *a, const char *s, size_t n) {
    int v;
    if (n >= 6 && !strncasecmp(s, "COMMA:", 6)) {
        if (has_word(s, n, "OFF")) { o->comma_off = 1; return; }
        o->comma_off = 0;
        if ((v = number_after(s, n, "MIN")) >= 0) o->comma_min = v;
        if ((v = number_after(s, n, "MAX")) >= 0) o->comma_max = v;
        if ((v = number_after(s, n, "EMIN")) >= 0) o->comma_emin = v;
        if ((v = number_after(s, n, "EMAX")) >= 0) o->comma_emax = v;
        if ((v = number_after(s, n, "BMIN")) >= 0) o->comma_bmin = v;
        if ((v = number_after(s, n, "BMAX")) >= 0) o->comma_bmax = v;
    } else if (n >= 8 && !strncasecmp(s, "COMPLEX:", 8)) {
        o->complex_verbs = number_after(s, n, "VERBS") > 0 ? number_after(s, n, "VERBS") : 0;
        o->complex_conj = number_after(s, n, "CONJ") > 0 ? number_after(s, n, "CONJ") : 0;
        o->complex_actors = number_after(s, n, "ACTORS") > 0 ? number_after(s, n, "ACTORS") : 0;
        o->no_actor_prior = has_word(s, n, "NOACTPRIOR");
    } else if (n >= 8 && !strncasecmp(s, "DEFAULT:", 8)) {
        if (has_word(s, n, "OFF")) {
            o->default_source = o->default_target = NULL;
            o->default_prior = o->default_after = 0;
            return;
        }
        o->default_source = code_after(a, s, n, "SOURCE");
        o->default_target = code_after(a, s, n, "TARGET");
        o->default_prior = has_word(s, n, "PRIOR");
        o->default_after = has_word(s, n, "AFTER");
    } else if (n >= 4 && !strncasecmp(s, "SET:", 4)) {
        if ((v = number_after(s, n, "MINIMUM WORDS")) >= 0) o->min_words = v;
        else if (has_word(s, n, "CODE ALL")) o->code_by = TB_CODE_ALL;
        else if (has_word(s, n, "SENTENCE") && has_word(s, n, "CODE BY")) o->code_by = TB_BY_SENTENCE;
        else if (has_word(s, n, "CLAUSE") && has_word(s, n, "CODE BY")) o->code_by = TB_BY_CLAUSE;
        else if (has_word(s, n, "CONVERT AGENT")) o->convert_agent = has_word(s, n, "TRUE");
        else if (has_word(s, n, "TIME SHIFT")) o->time_shift = has_word(s, n, "TRUE");
    }
}

void tabari_options_read(tabari_options *o, dyad_arena *a, const char *text, size_t n) {
    for (size_t pos = 0; pos < n;) {
        const char *nl = memchr(text + pos, '\n', n - pos);
        size_t e = nl ? (size_t)(nl - text) : n;
        const char *s = text + pos;
        size_t len = e - pos;
        pos = nl ? e + 1 : n;
        while (len && isspace((unsigned char)*s)) s++, len--;
        if (len >= 2 && s[0] == '~' && s[1] == '~') break;
        if (len >= 2 && s[0] == '/' && s[1] == '/') continue;   /* a command switched off */
        while (len && isspace((unsigned char)s[len - 1])) len--;
        if (len > 7 && !strncasecmp(s, "OPTION:", 7)) {         /* as an OPTION record writes it */
            s += 7, len -= 7;
            while (len && isspace((unsigned char)*s)) s++, len--;
        }
        options_line(o, a, s, len);
    }
}

static int cmp_pattern(const void *a, const void *b) {
    const tb_pattern *x = a, *y = b;
    if (x->length != y->length) return x->length > y->length ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

void tabari_finish(tabari_data *t) {
    for (unsigned b = 0; b < 2 * TB_BUCKETS; b++)
        for (tb_phrase *p = b < TB_BUCKETS ? t->verbs[b] : t->times[b - TB_BUCKETS]; p; p = p->next) {
            tb_verb *v = (tb_verb *)p->verb;
            if (v && !v->sorted) { /* once: a verb's forms share it */
                if (v->npats > 1) qsort(v->pats, v->npats, sizeof *v->pats, cmp_pattern);
                v->sorted = 1;
            }
        }
}

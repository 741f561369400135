/* dict_petrarch.c - loader for PETRARCH (and UD-PETRARCH) dictionaries:
 * actors (names with '_' joins, '+' synonyms, dated [CODE DATE] lines), agents
 * (!MACRO! substitutions, {plurals}, [~ROLE] suffix and [ROLE~] prefix codes),
 * verbs (&SYNSET lists, "--- VERB [code] ---" classes, "- * OBJECT (PREP X)
 * [code]" patterns) and discards. Everything maps onto dyad's dictionary
 * model; what dyad's patterns cannot express is skipped (and counted). */
#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include "base/util.h"
#include "dict.h"
#include "dict_petrarch.h"

enum { MAX_SYN_WORDS = 256, MAX_MACROS = 32 };

void pwarn(ploader *L, const char *msg, const char *arg) {
    if (!L->warn) return;
    dyad_error e;
    dyad_error_clear(&e);
    dyad_error_set(&e, DYAD_EDICT, L->file, L->line, -1, msg, arg);
    L->warn(L->user, &e);
}

size_t clean_line(const ploader *L, const char *s, size_t n, char *out, size_t cap) {
    size_t k = 0;
    if (L->tabari && n && s[0] == '#') n = 0; /* TABARI: a '#' line is switched off */
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        if (s[i] == L->comment) break;
        out[k++] = s[i] == '\t' || s[i] == '\r' ? ' ' : s[i];
    }
    while (k && out[k - 1] == ' ') k--;
    out[k] = 0;
    size_t lead = 0;
    while (out[lead] == ' ') lead++;
    if (!strncmp(out + lead, "<!", 2)) return 0; /* "<!-- ... -->", and the odd "<! --" */
    return k;
}

int next_clean_line(ploader *L, const char **p, const char *end, char *out, size_t cap, int *raw_indent) {
    if (*p >= end) return 0;
    const char *nl = memchr(*p, '\n', (size_t)(end - *p));
    const char *le = nl ? nl : end;
    L->line++;
    if (raw_indent) *raw_indent = *p < le && (**p == ' ' || **p == '\t');
    if (!clean_line(L, *p, (size_t)(le - *p), out, cap)) out[0] = 0; /* "<!--" lines count as empty */
    *p = nl ? nl + 1 : end;
    return 1;
}

/* ---- actors -------------------------------------------------------------- */

/* PETRARCH dates: YYMMDD or YYYYMMDD */
static int petr_date(const char *s, int32_t *day) {
    char digits[16];
    size_t n = 0;
    while (isdigit((unsigned char)*s) && n < 9) digits[n++] = *s++;
    digits[n] = 0;
    char iso[16];
    if (n == 6) {
        int yy = (digits[0] - '0') * 10 + digits[1] - '0';
        snprintf(iso, sizeof iso, "%s%.2s-%.2s-%.2s", yy >= 30 ? "19" : "20", digits, digits + 2, digits + 4);
    } else if (n == 8) {
        snprintf(iso, sizeof iso, "%.4s-%.2s-%.2s", digits, digits + 4, digits + 6);
    } else {
        return -1;
    }
    return date_parse(iso, day);
}

/* "[CODE]", "[CODE >YYMMDD]", "[CODE <YYMMDD]", "[CODE YYMMDD - YYMMDD]" */
static int parse_dated_code(ploader *L, const char *s, dict_role *r) {
    const char *p = strchr(s, '[');
    if (!p) return -1;
    p++;
    while (*p == ' ') p++;
    const char *c = p;
    while (*p && *p != ']' && *p != ' ') p++; /* "ELR/GAL": a joint code, kept whole */
    if (p == c) return -1;
    char *code = arena_strndup(L->d->arena, c, (size_t)(p - c));
    if (!code) return -1;
    for (char *q = code; *q; q++) *q = (char)toupper((unsigned char)*q);
    r->code = code;
    r->from_day = DATE_OPEN_FROM;
    r->to_day = DATE_OPEN_TO;
    while (*p && *p != ']' && *p != '<' && *p != '>' && !isdigit((unsigned char)*p)) p++;
    if (*p == '<') return petr_date(p + 1 + strspn(p + 1, " "), &r->to_day);
    if (*p == '>') return petr_date(p + 1 + strspn(p + 1, " "), &r->from_day);
    if (isdigit((unsigned char)*p)) {
        if (petr_date(p, &r->from_day)) return -1;
        const char *dash = strchr(p, '-');
        if (!dash) return -1;
        return petr_date(dash + 1 + strspn(dash + 1, " "), &r->to_day);
    }
    return 0;
}

typedef struct actor_block {
    char *names[MAX_SYN_WORDS];
    size_t nnames;
    dict_role roles[32];
    size_t nroles;
    const char *rule;
} actor_block;

static void flush_actor(ploader *L, actor_block *b, phrase_kind kind) {
    if (b->nnames && b->nroles) {
        dict_role *roles = arena_alloc(L->d->arena, b->nroles * sizeof *roles);
        int dated = 0;
        for (size_t i = 0; roles && i < b->nroles; i++) {
            roles[i] = b->roles[i];
            dated |= roles[i].from_day != DATE_OPEN_FROM || roles[i].to_day != DATE_OPEN_TO;
        }
        const char *code = b->roles[0].code;
        /* (the block's names are freed below; the index keeps its own copy) */
        const char *canon = arena_strdup(L->d->arena, b->names[0]);
        for (size_t i = 0; roles && canon && i < b->nnames; i++) {
            if (!strcmp(code, "---") && !dated) continue; /* a null code: known non-actor */
            size_t nl = strlen(b->names[i]);
            if (!dict_add_phrase(L->d, dated ? PHRASE_PERSON : kind, b->names[i], nl, code, dated ? roles : NULL,
                                 dated ? (uint32_t)b->nroles : 0, canon, b->rule) &&
                L->tabari && nl && b->names[i][nl - 1] != '_')
                dict_mark_last_phrase_stem(L->d); /* TABARI: no final '_' = a stem */
        }
    }
    for (size_t i = 0; i < b->nnames; i++) free(b->names[i]);
    b->nnames = b->nroles = 0;
}

static void add_block_name(actor_block *b, const char *s, size_t n) {
    if (b->nnames < MAX_SYN_WORDS && n) b->names[b->nnames++] = strndup(s, n);
}

void petrarch_load_actors(ploader *L, const char *text, size_t len) {
    actor_block b = {0};
    int section = 0;
    char line[MAX_LINE];
    const char *p = text, *end = text + len;
    L->line = 0;
    int indented;
    while (next_clean_line(L, &p, end, line, sizeof line, &indented)) {
        char *s = line + strspn(line, " ");
        if (!*s) continue;
        if (s[0] == '<' && s[1] == '!') continue; /* a comment, even a malformed "<! --" */
        if (*s == '<') { /* TABARI <NOUN>...</NOUN> word lists are not actors */
            section = s[1] != '/';
            continue;
        }
        if (section) continue;
        if (*s == '[') { /* a code line for the open block */
            dict_role r;
            if (b.nroles < 32 && !parse_dated_code(L, s, &r)) b.roles[b.nroles++] = r;
            else pwarn(L, "bad actor code line '%s'", s);
            continue;
        }
        if (*s == '+') {
            char *br = strchr(s, '[');
            size_t nn = br ? (size_t)(br - s) : strlen(s);
            while (nn > 1 && s[nn - 1] == ' ') nn--;
            add_block_name(&b, s + 1, nn - 1);
            continue;
        }
        (void)indented;
        flush_actor(L, &b, PHRASE_ACTOR);
        b.rule = arena_printf(L->d->arena, "%s:%ld", L->file, L->line);
        char *br = strchr(s, '[');
        size_t nn = br ? (size_t)(br - s) : strlen(s);
        while (nn && s[nn - 1] == ' ') nn--;
        add_block_name(&b, s, nn);
        for (; br && b.nroles < 32; br = strchr(br + 1, '[')) { /* "[USAGOV 991201-010114] [---]" */
            dict_role r;
            if (!parse_dated_code(L, br, &r)) b.roles[b.nroles++] = r;
            else pwarn(L, "bad actor code '%s'", br);
        }
    }
    flush_actor(L, &b, PHRASE_ACTOR);
}

/* ---- agents -------------------------------------------------------------- */

typedef struct macro { char name[64]; char *words[32]; size_t nwords; } macro;

/* Expand one !MACRO! in name (at most one per name; PETRARCH uses one). */
static void add_agent_name(ploader *L, const macro *m, size_t nm, const char *name, const char *code, const char *rule) {
    const char *canon = arena_strdup(L->d->arena, name); /* (name is the caller's buffer) */
    if (!canon) return;
    const char *bang = strchr(name, '!');
    const char *bang2 = bang ? strchr(bang + 1, '!') : NULL;
    if (bang && bang2) {
        for (size_t i = 0; i < nm; i++) {
            size_t ml = strlen(m[i].name);
            if ((size_t)(bang2 + 1 - bang) != ml || strncmp(bang, m[i].name, ml)) continue;
            for (size_t w = 0; w < m[i].nwords; w++) {
                char buf[512];
                snprintf(buf, sizeof buf, "%.*s%s%s", (int)(bang - name), name, m[i].words[w], bang2 + 1);
                dict_add_phrase(L->d, PHRASE_AGENT, buf, strlen(buf), code, NULL, 0, canon, rule);
            }
            return;
        }
        pwarn(L, "unknown substitution in '%s'", name);
        return;
    }
    dict_add_phrase(L->d, PHRASE_AGENT, name, strlen(name), code, NULL, 0, canon, rule);
}

/* PETRARCH's regular plural of an agent: CONGRESS -> CONGRESSES, DEPUTY ->
 * DEPUTIES, MINISTER -> MINISTERS */
static void regular_plural(const char *name, char *out, size_t cap) {
    size_t n = strlen(name);
    char last = n ? (char)toupper((unsigned char)name[n - 1]) : 0;
    char prev = n > 1 ? (char)toupper((unsigned char)name[n - 2]) : 0;
    if (last == 'Y' && prev && !strchr("AEIOU", prev))
        snprintf(out, cap, "%.*sIES", (int)(n - 1), name);
    else if (last == 'S' || last == 'X' || last == 'Z' || (last == 'H' && (prev == 'C' || prev == 'S')))
        snprintf(out, cap, "%sES", name);
    else
        snprintf(out, cap, "%sS", name);
}

void petrarch_load_agents(ploader *L, const char *text, size_t len) {
    macro macros[MAX_MACROS];
    size_t nm = 0;
    char line[MAX_LINE];
    const char *p = text, *end = text + len;
    L->line = 0;
    while (next_clean_line(L, &p, end, line, sizeof line, NULL)) {
        char *s = line + strspn(line, " ");
        if (!*s) continue;
        char *eq = strchr(s, '=');
        if (*s == '!' && eq) { /* !NAME! = A, B, C */
            if (nm == MAX_MACROS) continue;
            macro *m = &macros[nm++];
            memset(m, 0, sizeof *m);
            size_t k = strcspn(s, " =");
            snprintf(m->name, sizeof m->name, "%.*s", (int)k, s);
            char *save = NULL;
            for (char *w = strtok_r(eq + 1, ", ", &save); w && m->nwords < 32; w = strtok_r(NULL, ", ", &save))
                m->words[m->nwords++] = arena_strdup(L->d->arena, w);
            continue;
        }
        char *br = strrchr(s, '[');
        char *close = br ? strchr(br, ']') : NULL;
        if (!br || !close) {
            pwarn(L, "agent line without [code]: '%s'", s);
            continue;
        }
        char codebuf[64];
        size_t ck = 0;
        for (char *q = br + 1; q < close && ck + 1 < sizeof codebuf; q++)
            if (*q != ' ') codebuf[ck++] = (char)toupper((unsigned char)*q);
        codebuf[ck] = 0;
        if (!ck || !strchr(codebuf, '~')) { /* a plain code: a full actor */
            if (!ck) continue;
        }
        const char *code = arena_strdup(L->d->arena, codebuf);
        const char *rule = arena_printf(L->d->arena, "%s:%ld", L->file, L->line);
        char *brace = strchr(s, '{');
        char *name_end = brace && brace < br ? brace : br;
        size_t nn = (size_t)(name_end - s);
        while (nn && s[nn - 1] == ' ') nn--;
        char name[512];
        snprintf(name, sizeof name, "%.*s", (int)nn, s);
        add_agent_name(L, macros, nm, name, code, rule);
        /* the regular plural (none after an empty "{}": "POLICE {}"), and the
         * explicit ones in {} */
        int no_plural = 0;
        if (brace && brace < br) {
            const char *q = brace + 1;
            while (*q == ' ') q++;
            no_plural = *q == '}';
        }
        if (!no_plural) {
            char plural[520];
            regular_plural(name, plural, sizeof plural);
            add_agent_name(L, macros, nm, plural, code, rule);
        }
        if (brace && brace < br) {
            char *cb = strchr(brace, '}');
            if (cb) {
                *cb = 0;
                char *save = NULL;
                for (char *w = strtok_r(brace + 1, " ", &save); w; w = strtok_r(NULL, " ", &save)) add_agent_name(L, macros, nm, w, code, rule);
            }
        }
    }
    for (size_t i = 0; i < nm; i++) (void)macros[i];
}

/* ---- discards ------------------------------------------------------------ */

static void load_discards(ploader *L, const char *text, size_t len) {
    char line[MAX_LINE];
    const char *p = text, *end = text + len;
    L->line = 0;
    while (next_clean_line(L, &p, end, line, sizeof line, NULL)) {
        char *s = line + strspn(line, " +");
        if (!*s) continue;
        dict_add_phrase(L->d, PHRASE_DISCARD, s, strlen(s), "", NULL, 0, arena_strdup(L->d->arena, s),
                        arena_printf(L->d->arena, "%s:%ld", L->file, L->line));
    }
}

/* ---- the internal coding ontology (PICO) ----------------------------------- */

/* "110:0x1007f#0xFFFF+0x0080#0x7000#Disapprove": a code and its representations
 * in PETRARCH's internal ontology. A negated event takes the code whose
 * representation is the negation (+-0xFFFF) of the event's own: "did not
 * disapprove" (110, = 0xFFFF+0x0080) -> 050 (0x0080), "not provide aid" -> 12x. */
typedef struct pico_code { char code[8]; char rep[8][32]; int nrep; } pico_code;

static void fold_rep(const char *s, size_t n, char *out, size_t cap) {
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++)
        if (s[i] != ' ' && s[i] != '\t') out[k++] = (char)tolower((unsigned char)s[i]);
    out[k] = 0;
}

/* A representation's value: its signed hex terms summed ("-0xffff+0x2040+0x300") */
static int32_t pico_eval(const char *rep) {
    long sum = 0;
    for (const char *p = rep; *p;) {
        int sign = 1;
        if (*p == '+' || *p == '-') sign = *p++ == '-' ? -1 : 1;
        char *end;
        long v = strtol(p, &end, 16);
        if (end == p) break;
        if (v > 0xFFFFFF) v = 0xFFFFFF;
        sum += sign * v;
        if (sum > 0xFFFFFF || sum < -0xFFFFFF) break;
        p = end;
    }
    return (int32_t)sum;
}

/* "0x0087+0xffff", "-0xffff+0x0080": a representation written as the
 * negation (a +-0xFFFF term) of another; *base = the other terms' sum */
static int pico_negation_base(const char *rep, int32_t *base) {
    const char *f = strstr(rep, "0xffff");
    if (!f || isxdigit((unsigned char)f[6])) return 0;
    char rest[32];
    size_t k = 0;
    const char *st = f > rep && (f[-1] == '+' || f[-1] == '-') ? f - 1 : f;
    for (const char *p = rep; *p && k + 1 < sizeof rest; p++)
        if (p < st || p >= f + 6) rest[k++] = *p;
    rest[k] = 0;
    if (!rest[0]) return 0;
    *base = pico_eval(rest[0] == '+' ? rest + 1 : rest);
    return 1;
}

static void load_pico(ploader *L, const char *text, size_t len) {
    size_t cap = 1024, n = 0;
    pico_code *pc = calloc(cap, sizeof *pc);
    if (!pc) return;
    char line[MAX_LINE];
    const char *p = text, *end = text + len;
    while (p < end && n < cap) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        size_t k = (size_t)(le - p) < sizeof line - 1 ? (size_t)(le - p) : sizeof line - 1;
        memcpy(line, p, k);
        line[k] = 0;
        p = nl ? nl + 1 : end;
        char *colon = strchr(line, ':');
        if (line[0] == '#' || !colon || colon == line || colon - line >= 8) continue;
        pico_code *c = &pc[n];
        memset(c, 0, sizeof *c);
        snprintf(c->code, sizeof c->code, "%.*s", (int)(colon - line), line);
        for (char *r = colon + 1; *r && c->nrep < 8;) {
            char *h = strchr(r, '#');
            size_t rn = h ? (size_t)(h - r) : strlen(r);
            char rep[32];
            fold_rep(r, rn, rep, sizeof rep);
            if (strstr(rep, "0x")) snprintf(c->rep[c->nrep++], sizeof c->rep[0], "%s", rep);
            else break; /* the comment */
            if (!h) break;
            r = h + 1;
        }
        if (c->nrep) n++;
    }
    /* (compared by value: "0x10086" and "0x0087+0xFFFF" are one representation) */
    const char **pairs = arena_alloc(L->d->arena, 2 * n * sizeof *pairs);
    size_t np = 0;
    for (size_t i = 0; pairs && i < n; i++) {
        const pico_code *target = NULL;
        int32_t own = pico_eval(pc[i].rep[0]);
        /* the code whose representation is this one's negation ... */
        for (size_t j = 0; j < n && !target; j++)
            for (int r = 0; r < pc[j].nrep && !target; r++) {
                int32_t base;
                if (pico_negation_base(pc[j].rep[r], &base) && base == own) target = &pc[j];
            }
        /* ... or, this code being itself a negation, the code it negates */
        for (int r = 0; !target && r < pc[i].nrep; r++) {
            int32_t base;
            if (!pico_negation_base(pc[i].rep[r], &base)) continue;
            for (size_t j = 0; j < n && !target; j++)
                if (j != i && pico_eval(pc[j].rep[0]) == base && !pico_negation_base(pc[j].rep[0], &(int32_t){0}))
                    target = &pc[j];
        }
        if (target && strcmp(target->code, pc[i].code)) {
            pairs[2 * np] = arena_strdup(L->d->arena, pc[i].code);
            pairs[2 * np + 1] = arena_strdup(L->d->arena, target->code);
            np++;
        }
    }
    L->d->negation = pairs;
    L->d->nnegation = np;
    const char **codes = arena_alloc(L->d->arena, n * sizeof *codes);
    int32_t *values = arena_alloc(L->d->arena, n * sizeof *values);
    size_t nv = 0;
    for (size_t i = 0; codes && values && i < n; i++) {
        codes[nv] = arena_strdup(L->d->arena, pc[i].code);
        values[nv] = pico_eval(pc[i].rep[0]);
        if (codes[nv]) nv++;
    }
    L->d->pico_codes = codes;
    L->d->pico_values = values;
    L->d->npico = codes && values ? nv : 0;
    free(pc);
}

/* ---- files ---------------------------------------------------------------- */

static int load_file(ploader *L, const char *path, void (*fn)(ploader *, const char *, size_t), dyad_error *err) {
    size_t len;
    char *text = file_read_all(path, &len, (size_t)1 << 30, err);
    if (!text) return -1;
    L->file = arena_strdup(L->d->arena, path);
    fn(L, text, len);
    free(text);
    return 0;
}

/* <Verbfile>NAME</Verbfile> in a records file */
static int env_file(const char *xml, const char *tag, const char *dir, char *out, size_t cap) {
    char open[64];
    snprintf(open, sizeof open, "<%s>", tag);
    const char *s = strstr(xml, open);
    if (!s) return -1;
    s += strlen(open);
    const char *e = strchr(s, '<');
    if (!e) return -1;
    while (s < e && isspace((unsigned char)*s)) s++;
    while (e > s && isspace((unsigned char)e[-1])) e--;
    snprintf(out, cap, "%s/%.*s", dir, (int)(e - s), s);
    if (path_exists(out)) return 0;
    /* the dictionaries may sit one directory down (PETRARCH's test_dicts/) */
    DIR *dp = opendir(dir);
    struct dirent *de;
    while (dp && (de = readdir(dp))) {
        if (de->d_name[0] == '.') continue;
        char cand[2048];
        snprintf(cand, sizeof cand, "%s/%s/%.*s", dir, de->d_name, (int)(e - s), s);
        if (path_exists(cand)) {
            snprintf(out, cap, "%s", cand);
            break;
        }
    }
    if (dp) closedir(dp);
    return 0;
}

/* A directory: the files whose names hold `what` (actor, agent, verb,
 * discard), sorted; all of them for actors (Phoenix splits countries,
 * international and non-state actors), the first for the others. */
static int cmp_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static size_t find_in_dir(const char *dir, const char *what, int all, char out[][1024], size_t cap) {
    DIR *dp = opendir(dir);
    if (!dp) return 0;
    char *names[64];
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(dp)) && n < 64) {
        char low[512];
        snprintf(low, sizeof low, "%s", de->d_name);
        for (char *q = low; *q; q++) *q = (char)tolower((unsigned char)*q);
        if (strstr(low, what) && strstr(low, ".txt") && !strstr(low, "records")) names[n++] = strdup(de->d_name);
    }
    closedir(dp);
    qsort(names, n, sizeof *names, cmp_name);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (names[i] && k < cap && (all || k == 0)) snprintf(out[k++], 1024, "%s/%s", dir, names[i]);
        free(names[i]);
    }
    return k;
}

int dict_load_petrarch(dy_dicts *d, const char *path, dict_warn_fn warn, void *user, dyad_error *err) {
    ploader L = {d, warn, user, path, 0, '#', 0};
    enum { PER_KIND = 8 };
    static const char *tags[4] = {"Actorfile", "Agentfile", "Verbfile", "Discardfile"};
    static const char *kinds[4] = {"actor", "agent", "verb", "discard"};
    size_t have[4] = {0};
    char(*list)[PER_KIND][1024] = malloc(4 * sizeof *list);
    if (!list) {
        dyad_error_set(err, DYAD_ENOMEM, path, 0, -1, "out of memory");
        return -1;
    }
    if (path_is_dir(path)) {
        for (int i = 0; i < 4; i++) have[i] = find_in_dir(path, kinds[i], i == 0, list[i], PER_KIND);
    } else {
        size_t len;
        char *xml = file_read_all(path, &len, (size_t)1 << 30, err);
        if (!xml) return free(list), -1;
        char dir[1024];
        snprintf(dir, sizeof dir, "%s", path);
        char *slash = strrchr(dir, '/');
        if (slash) *slash = 0;
        else snprintf(dir, sizeof dir, ".");
        for (int i = 0; i < 4; i++) have[i] = !env_file(xml, tags[i], dir, list[i][0], sizeof list[i][0]);
        free(xml);
    }
    if (!have[0] && !have[2]) {
        dyad_error_set(err, DYAD_EDICT, path, 0, -1, "no PETRARCH actor or verb dictionary found here");
        return free(list), -1;
    }
    if (!path_is_dir(path)) { /* a records file may name UD-PETRARCH's ontology too */
        size_t len;
        dyad_error pe;
        char *xml = file_read_all(path, &len, (size_t)1 << 30, &pe);
        char dir[1024], pico[1024];
        snprintf(dir, sizeof dir, "%s", path);
        char *slash = strrchr(dir, '/');
        if (slash) *slash = 0;
        else snprintf(dir, sizeof dir, ".");
        if (xml && !env_file(xml, "PICOfile", dir, pico, sizeof pico) && path_exists(pico)) {
            dyad_error fe;
            load_file(&L, pico, load_pico, &fe);
        }
        free(xml);
    }
    void (*fns[4])(ploader *, const char *, size_t) = {petrarch_load_actors, petrarch_load_agents, petrarch_load_verbs, load_discards};
    for (int i = 0; i < 4; i++)
        for (size_t k = 0; k < have[i]; k++)
            if (load_file(&L, list[i][k], fns[i], err)) return free(list), -1;
    free(list);
    return 0;
}

/* dict_dyad.c - loader for dyad's own dictionary format (docs/dictionaries.md):
 * every *.txt under a directory, one entry per logical line, the first word
 * saying what the entry is. Malformed lines are warned about and skipped. */
#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include "base/util.h"
#include "dict.h"
#include "ontology.h"

enum { MAX_FILES = 4096, MAX_DEPTH = 8, MAX_ITEMS = 256 };

typedef struct loader {
    dy_dicts *d;
    dict_warn_fn warn;
    void *user;
    const char *file;
    long line;
    size_t warnings;
} loader;

static void lwarn(loader *L, const char *fmt, const char *arg) {
    L->warnings++;
    if (!L->warn) return;
    dyad_error e;
    dyad_error_clear(&e);
    dyad_error_set(&e, DYAD_EDICT, L->file, L->line, -1, fmt, arg);
    L->warn(L->user, &e);
}

static const char *trim(const char *s, const char *end, size_t *n) {
    while (s < end && isspace((unsigned char)*s)) s++;
    while (end > s && isspace((unsigned char)end[-1])) end--;
    *n = (size_t)(end - s);
    return s;
}

/* A code is upper-case letters, digits and '-' ("CHNGOV", "AUKUS-P2", "---REB"). */
static int valid_actor_code(const char *s, size_t n) {
    if (!n || n > 32) return 0;
    for (size_t i = 0; i < n; i++)
        if (!(isupper((unsigned char)s[i]) || isdigit((unsigned char)s[i]) || s[i] == '-')) return 0;
    return 1;
}

/* Split "a; b; c" into trimmed items; returns the count. */
static size_t split_items(const char *s, const char *end, const char **item, size_t *len, size_t cap) {
    size_t k = 0;
    while (s < end && k < cap) {
        const char *semi = memchr(s, ';', (size_t)(end - s));
        const char *stop = semi ? semi : end;
        size_t n;
        const char *t = trim(s, stop, &n);
        if (n) item[k] = t, len[k] = n, k++;
        s = semi ? semi + 1 : end;
    }
    return k;
}

static const char *rule_of(loader *L) { return arena_printf(L->d->arena, "%s:%ld", L->file, L->line); }

/* "CODE RANGE" -> role; 0 ok */
static int parse_role(loader *L, const char *s, size_t n, dict_role *r) {
    size_t c = 0;
    while (c < n && !isspace((unsigned char)s[c])) c++;
    if (!valid_actor_code(s, c)) return -1;
    r->code = arena_strndup(L->d->arena, s, c);
    size_t rn;
    const char *rs = trim(s + c, s + n, &rn);
    if (!rn) {
        r->from_day = DATE_OPEN_FROM;
        r->to_day = DATE_OPEN_TO;
        return r->code ? 0 : -1;
    }
    return dict_parse_range(rs, rn, &r->from_day, &r->to_day);
}

static void load_names(loader *L, phrase_kind kind, const char *code, const char *s, const char *end) {
    const char *item[MAX_ITEMS];
    size_t len[MAX_ITEMS];
    size_t n = split_items(s, end, item, len, MAX_ITEMS);
    if (!n) {
        lwarn(L, "%s entry without names", code);
        return;
    }
    const char *rule = rule_of(L);
    const char *canon = arena_strndup(L->d->arena, item[0], len[0]);
    for (size_t i = 0; i < n; i++)
        if (dict_add_phrase(L->d, kind, item[i], len[i], code, NULL, 0, canon, rule))
            lwarn(L, "cannot index name in '%s'", canon);
}

static void load_person(loader *L, const char *s, const char *end) {
    const char *colon = memchr(s, ':', (size_t)(end - s));
    if (!colon) {
        lwarn(L, "%s", "person entry needs 'NAMES: ROLES'");
        return;
    }
    const char *item[MAX_ITEMS];
    size_t len[MAX_ITEMS];
    size_t nr = split_items(colon + 1, end, item, len, MAX_ITEMS);
    dict_role *roles = arena_calloc(L->d->arena, nr ? nr : 1, sizeof *roles);
    if (!roles) return;
    for (size_t i = 0; i < nr; i++) {
        if (parse_role(L, item[i], len[i], &roles[i])) {
            char bad[128];
            snprintf(bad, sizeof bad, "%.*s", (int)(len[i] > 100 ? 100 : len[i]), item[i]);
            lwarn(L, "bad role '%s' (want CODE YYYY-MM-DD..YYYY-MM-DD)", bad);
            return;
        }
    }
    if (!nr) {
        lwarn(L, "%s", "person entry without roles");
        return;
    }
    size_t nn = split_items(s, colon, item, len, MAX_ITEMS);
    if (!nn) {
        lwarn(L, "%s", "person entry without names");
        return;
    }
    const char *rule = rule_of(L);
    const char *canon = arena_strndup(L->d->arena, item[0], len[0]);
    for (size_t i = 0; i < nn; i++)
        dict_add_phrase(L->d, PHRASE_PERSON, item[i], len[i], NULL, roles, (uint32_t)nr, canon, rule);
}

static void load_members(loader *L, const char *relation, const char *code, const char *s, const char *end) {
    const char *item[MAX_ITEMS];
    size_t len[MAX_ITEMS];
    size_t n = split_items(s, end, item, len, MAX_ITEMS);
    dict_role *m = arena_calloc(L->d->arena, n ? n : 1, sizeof *m);
    if (!m || !n) {
        lwarn(L, "%s entry without members", relation);
        return;
    }
    for (size_t i = 0; i < n; i++)
        if (parse_role(L, item[i], len[i], &m[i])) {
            lwarn(L, "bad member in %s entry", relation);
            return;
        }
    dict_add_member(L->d, code, arena_strdup(L->d->arena, relation), m, (uint32_t)n);
}

static char *fold_word(dyad_arena *a, const char *s, size_t n) {
    char *w = arena_strndup(a, s, n);
    if (w)
        for (char *p = w; *p; p++) *p = (char)tolower((unsigned char)*p);
    return w;
}

/* "meet with", "cut *ties with", "call +off", "urge ~", "accuse !" */
static void load_patterns(loader *L, int is_noun, const char *code, const char *s, const char *end) {
    const char *item[MAX_ITEMS];
    size_t len[MAX_ITEMS];
    size_t n = split_items(s, end, item, len, MAX_ITEMS);
    if (!n) lwarn(L, "%s entry without patterns", code);
    for (size_t i = 0; i < n; i++) {
        dict_pattern p = {0};
        p.is_noun = (uint8_t)is_noun;
        p.code = code;
        const char *w = item[i], *stop = item[i] + len[i];
        int bad = 0, words = 0;
        while (w < stop && !bad) {
            while (w < stop && isspace((unsigned char)*w)) w++;
            const char *we = w;
            while (we < stop && !isspace((unsigned char)*we)) we++;
            if (we == w) break;
            size_t wn = (size_t)(we - w);
            if (words++ == 0) {
                if (!isalpha((unsigned char)*w)) bad = 1;
                else p.lemma = fold_word(L->d->arena, w, wn);
            } else if (*w == '+' && wn > 1 && p.nparticles < 4 && !p.object && !p.prep) {
                p.particle[p.nparticles++] = fold_word(L->d->arena, w + 1, wn - 1);
            } else if (*w == '*' && wn > 1 && !p.object) {
                p.object = fold_word(L->d->arena, w + 1, wn - 1);
            } else if (wn == 1 && *w == '~') {
                p.target_from_clause = 1;
            } else if (wn == 1 && *w == '!') {
                p.need_target = 1;
            } else if (isalpha((unsigned char)*w) && !p.prep) {
                p.prep = fold_word(L->d->arena, w, wn);
            } else {
                bad = 1;
            }
            w = we;
        }
        char text[200];
        snprintf(text, sizeof text, "%.*s", (int)(len[i] > 180 ? 180 : len[i]), item[i]);
        if (bad || !p.lemma) {
            lwarn(L, "bad pattern '%s'", text);
            continue;
        }
        p.rule = arena_printf(L->d->arena, "%s:%ld %s", L->file, L->line, text);
        if (!p.rule || dict_add_pattern(L->d, &p)) lwarn(L, "cannot add pattern '%s'", text);
    }
}

static void load_entry(loader *L, const char *s, const char *end) {
    const char *kw = s;
    while (s < end && isalpha((unsigned char)*s)) s++;
    size_t kwn = (size_t)(s - kw);
    char kind[16];
    if (kwn == 0 || kwn >= sizeof kind) {
        lwarn(L, "%s", "entry must start with actor, adjective, metonym, person, agent, member, verb, noun or discard");
        return;
    }
    memcpy(kind, kw, kwn);
    kind[kwn] = 0;
    if (!strcmp(kind, "person")) {
        load_person(L, s, end);
        return;
    }
    if (!strcmp(kind, "discard")) {
        const char *colon = memchr(s, ':', (size_t)(end - s));
        load_names(L, PHRASE_DISCARD, "", colon ? colon + 1 : s, end);
        return;
    }
    const char *colon = memchr(s, ':', (size_t)(end - s));
    if (!colon) {
        lwarn(L, "%s entry needs 'CODE: ...'", kind);
        return;
    }
    size_t cn;
    const char *code = trim(s, colon, &cn);
    char *codez = arena_strndup(L->d->arena, code, cn);
    if (!codez) return;
    if (!strcmp(kind, "verb") || !strcmp(kind, "noun")) {
        if (!dyad_cameo_lookup(codez)) {
            lwarn(L, "'%s' is not a CAMEO event code", codez);
            return;
        }
        load_patterns(L, kind[0] == 'n', codez, colon + 1, end);
        return;
    }
    if (!strcmp(kind, "agent")) {
        /* agent ROLE: a role such as GOV (a leading "---" is allowed) */
        const char *role = codez;
        while (*role == '-') role++;
        if (!valid_actor_code(role, strlen(role)) || strlen(role) < 3) {
            lwarn(L, "bad agent role '%s'", codez);
            return;
        }
        load_names(L, PHRASE_AGENT, role, colon + 1, end);
        return;
    }
    if (!valid_actor_code(codez, cn)) {
        lwarn(L, "bad actor code '%s'", codez);
        return;
    }
    if (!strcmp(kind, "actor")) load_names(L, PHRASE_ACTOR, codez, colon + 1, end);
    else if (!strcmp(kind, "adjective")) load_names(L, PHRASE_ADJECTIVE, codez, colon + 1, end);
    else if (!strcmp(kind, "metonym")) load_names(L, PHRASE_METONYM, codez, colon + 1, end);
    else if (!strcmp(kind, "member") || !strcmp(kind, "partner")) load_members(L, kind, codez, colon + 1, end);
    else lwarn(L, "unknown entry kind '%s'", kind);
}

/* Parse one file's text: logical lines (continuations start with whitespace). */
static void load_text(loader *L, const char *text, size_t len) {
    dy_buf entry = {0};
    long entry_line = 0, line = 0;
    const char *p = text, *end = text + len;
    while (p <= end) {
        const char *nl = p < end ? memchr(p, '\n', (size_t)(end - p)) : NULL;
        const char *le = nl ? nl : end;
        line++;
        const char *hash = memchr(p, '#', (size_t)(le - p));
        const char *ce = hash ? hash : le;
        size_t n;
        const char *t = trim(p, ce, &n);
        int continues = p < le && isspace((unsigned char)*p) && n > 0;
        if (continues && entry.len) {
            buf_putc(&entry, ' ');
            buf_push(&entry, t, n);
        } else if (n) {
            if (entry.len) {
                L->line = entry_line;
                load_entry(L, entry.data, entry.data + entry.len);
            }
            buf_clear(&entry);
            buf_push(&entry, t, n);
            entry_line = line;
        }
        if (!nl) break;
        p = nl + 1;
    }
    if (entry.len) {
        L->line = entry_line;
        load_entry(L, entry.data, entry.data + entry.len);
    }
    buf_free(&entry);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Collect *.txt files under dir (recursively), sorted by name. */
static void collect(const char *dir, int depth, char ***files, size_t *n) {
    if (depth > MAX_DEPTH) return;
    DIR *dp = opendir(dir);
    if (!dp) return;
    char **names = NULL;
    size_t nn = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(dp))) {
        if (de->d_name[0] == '.') continue;
        if (nn == cap) {
            cap = cap ? cap * 2 : 32;
            char **q = realloc(names, cap * sizeof *q);
            if (!q) break;
            names = q;
        }
        names[nn++] = strdup(de->d_name);
    }
    closedir(dp);
    if (nn) qsort(names, nn, sizeof *names, cmp_str);
    for (size_t i = 0; i < nn; i++) {
        if (!names[i]) continue;
        size_t pl = strlen(dir) + strlen(names[i]) + 2;
        char *path = malloc(pl);
        if (path) {
            snprintf(path, pl, "%s/%s", dir, names[i]);
            size_t ln = strlen(names[i]);
            if (path_is_dir(path)) {
                collect(path, depth + 1, files, n);
                free(path);
            } else if (ln > 4 && !strcmp(names[i] + ln - 4, ".txt") && *n < MAX_FILES) {
                char **q = realloc(*files, (*n + 1) * sizeof *q);
                if (q) {
                    *files = q;
                    (*files)[(*n)++] = path;
                } else {
                    free(path);
                }
            } else {
                free(path);
            }
        }
        free(names[i]);
    }
    free(names);
}

int dict_load_dyad_text(dy_dicts *d, const char *name, const char *text, size_t len,
                        dict_warn_fn warn, void *user) {
    loader L = {d, warn, user, arena_strdup(d->arena, name), 0, 0};
    load_text(&L, text, len);
    return 0;
}

int dict_load_dyad(dy_dicts *d, const char *dir, dict_warn_fn warn, void *user, dyad_error *err) {
    char **files = NULL;
    size_t n = 0;
    if (path_is_dir(dir)) {
        size_t dl = strlen(dir);
        while (dl > 1 && dir[dl - 1] == '/') dl--;
        char *clean = strndup(dir, dl);
        if (clean) collect(clean, 0, &files, &n);
        free(clean);
    } else {
        files = malloc(sizeof *files);
        if (files) files[n++] = strdup(dir);
    }
    int st = 0;
    size_t loaded = 0;
    for (size_t i = 0; i < n; i++) {
        dyad_error fe;
        dyad_error_clear(&fe);
        size_t len = 0;
        char *text = files[i] ? file_read_all(files[i], &len, (size_t)1 << 30, &fe) : NULL;
        if (!text) {
            if (warn) warn(user, &fe);
        } else {
            dict_load_dyad_text(d, files[i], text, len, warn, user);
            loaded++;
            free(text);
        }
        free(files[i]);
    }
    free(files);
    if (!loaded) {
        dyad_error_set(err, DYAD_EDICT, dir, 0, -1, "no dictionary files (*.txt) found");
        st = -1;
    }
    return st;
}

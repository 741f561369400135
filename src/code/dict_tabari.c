/* dict_tabari.c - loader for TABARI dictionaries: a .project file (or a
 * directory holding one) names the .actors, .verbs and .agents files; their
 * syntax is close to PETRARCH's (';' comments, <NOUN>/<TIME> sections, dated
 * [CODE YYMMDD-YYMMDD] blocks, one verb class per verb line), so the PETRARCH
 * readers do the work in TABARI mode. */
#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include "base/util.h"
#include "dict_petrarch.h"
#include "tabari.h"

/* "<actorsfile> NAME" in a project file -> dir/NAME */
static int project_file(const char *proj, const char *tag, const char *dir, char *out, size_t cap) {
    const char *s = strstr(proj, tag);
    if (!s) return -1;
    s += strlen(tag);
    while (*s == ' ' || *s == '\t') s++;
    size_t n = strcspn(s, " \t\r\n");
    if (!n) return -1;
    snprintf(out, cap, "%s/%.*s", dir, (int)n, s);
    return 0;
}

static int find_project(const char *dir, char *out, size_t cap) {
    DIR *dp = opendir(dir);
    if (!dp) return -1;
    char best[512] = "";
    struct dirent *de;
    while ((de = readdir(dp))) {
        size_t n = strlen(de->d_name);
        if (n > 8 && !strcmp(de->d_name + n - 8, ".project") && (!best[0] || strcmp(de->d_name, best) > 0))
            snprintf(best, sizeof best, "%s", de->d_name); /* Validate.project before TABARI.Demo.project */
    }
    closedir(dp);
    if (!best[0]) return -1;
    snprintf(out, cap, "%s/%s", dir, best);
    return 0;
}

int dict_load_tabari(dy_dicts *d, const char *path, dict_warn_fn warn, void *user, dyad_error *err) {
    char proj_path[1024], dir[1024];
    if (path_is_dir(path)) {
        if (find_project(path, proj_path, sizeof proj_path)) {
            dyad_error_set(err, DYAD_EDICT, path, 0, -1, "no TABARI .project file in this directory");
            return -1;
        }
        snprintf(dir, sizeof dir, "%s", path);
    } else {
        snprintf(proj_path, sizeof proj_path, "%s", path);
        snprintf(dir, sizeof dir, "%s", path);
        char *slash = strrchr(dir, '/');
        if (slash) *slash = 0;
        else snprintf(dir, sizeof dir, ".");
    }
    size_t len;
    char *proj = file_read_all(proj_path, &len, (size_t)1 << 24, err);
    if (!proj) return -1;
    static const char *tags[3] = {"<actorsfile>", "<verbsfile>", "<agentsfile>"};
    void (*fns[3])(ploader *, const char *, size_t) = {petrarch_load_actors, petrarch_load_verbs,
                                                       petrarch_load_agents};
    ploader L = {d, warn, user, proj_path, 0, ';', 1};
    d->has_stems = 1;
    d->tabari = tabari_new(d->arena);
    if (!d->tabari) {
        dyad_error_set(err, DYAD_ENOMEM, proj_path, 0, -1, "out of memory");
        free(proj);
        return -1;
    }
    static const char *kinds[3] = {"actors", "verbs", "agents"};
    int loaded = 0;
    for (int i = 0; i < 3; i++) {
        char f[1100];
        if (project_file(proj, tags[i], dir, f, sizeof f)) continue;
        size_t n;
        dyad_error fe;
        dyad_error_clear(&fe);
        char *text = file_read_all(f, &n, (size_t)1 << 30, &fe);
        if (!text) { /* a missing file named by the project: fatal, like TABARI */
            *err = fe;
            free(proj);
            return -1;
        }
        L.file = arena_strdup(d->arena, f);
        fns[i](&L, text, n);
        /* TABARI's coder reads the same text as surface patterns */
        tabari_read(d->tabari, kinds[i], L.file, text, n, warn, user);
        free(text);
        loaded++;
    }
    char opts[1100];
    if (!project_file(proj, "<optionsfile>", dir, opts, sizeof opts)) {
        size_t n;
        dyad_error fe;
        char *text = file_read_all(opts, &n, (size_t)1 << 24, &fe);
        if (text) tabari_options_read(&d->tabari->options, d->arena, text, n);
        free(text); /* a missing options file leaves TABARI's defaults, as TABARI does */
    }
    free(proj);
    tabari_finish(d->tabari);
    if (!loaded) {
        dyad_error_set(err, DYAD_EDICT, proj_path, 0, -1, "the project names no <actorsfile>, <verbsfile> or <agentsfile>");
        return -1;
    }
    return 0;
}

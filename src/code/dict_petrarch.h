/* dict_petrarch.h - what the PETRARCH loader's files share (internal). */
#ifndef DY_DICT_PETRARCH_H
#define DY_DICT_PETRARCH_H
#include "dict.h"

enum { MAX_LINE = 4096 };

typedef struct ploader {
    dy_dicts *d;
    dict_warn_fn warn;
    void *user;
    const char *file;
    long line;
    char comment;       /* '#' (PETRARCH) or ';' (TABARI) */
    int tabari;         /* TABARI files: each verb line is its own class */
} ploader;

void pwarn(ploader *L, const char *msg, const char *arg);
/* Copy a line without its comment ('#'), tabs as blanks, trailing blanks cut;
 * "<!-- ... -->" lines count as empty. Returns the length. */
size_t clean_line(const ploader *L, const char *s, size_t n, char *out, size_t cap);
/* The next line of text at *p, cleaned into out (see clean_line): counts it
 * in L->line and moves *p past it. Returns 0 at the end of the text. When
 * raw_indent is given, it says whether the raw line began with a blank. */
int next_clean_line(ploader *L, const char **p, const char *end, char *out, size_t cap, int *raw_indent);
void petrarch_load_actors(ploader *L, const char *text, size_t len);
void petrarch_load_agents(ploader *L, const char *text, size_t len);
/* the verbs dictionary: synsets, verb classes and their patterns */
void petrarch_load_verbs(ploader *L, const char *text, size_t len);
#endif

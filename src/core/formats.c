/* formats.c - names of input formats and guessing one from a file name. */
#include <string.h>
#include <strings.h>
#include "dyad.h"

static const struct { const char *name; dyad_format f; } names[] = {
    {"auto", DYAD_FMT_AUTO},     {"text", DYAD_FMT_TEXT},       {"txt", DYAD_FMT_TEXT},
    {"html", DYAD_FMT_HTML},     {"jsonl", DYAD_FMT_JSONL},     {"warc", DYAD_FMT_WARC},
    {"conllu", DYAD_FMT_CONLLU}, {"petrxml", DYAD_FMT_PETRXML}, {"tabari", DYAD_FMT_TABARI},
};

dyad_format dyad_format_from_name(const char *name) {
    if (!name) return DYAD_FMT_AUTO;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcasecmp(name, names[i].name) == 0) return names[i].f;
    return (dyad_format)-1;
}

const char *dyad_format_name(dyad_format f) {
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i].f == f) return names[i].name;
    return "unknown";
}

static int ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

dyad_format dyad_format_guess(const char *path) {
    if (!path || strcmp(path, "-") == 0) return DYAD_FMT_TEXT;
    if (ends_with(path, ".warc") || ends_with(path, ".warc.gz") || ends_with(path, ".arc.gz"))
        return DYAD_FMT_WARC;
    if (ends_with(path, ".jsonl") || ends_with(path, ".ndjson") || ends_with(path, ".jsonl.gz"))
        return DYAD_FMT_JSONL;
    if (ends_with(path, ".html") || ends_with(path, ".htm") || ends_with(path, ".xhtml"))
        return DYAD_FMT_HTML;
    if (ends_with(path, ".conllu") || ends_with(path, ".conll")) return DYAD_FMT_CONLLU;
    if (ends_with(path, ".xml")) return DYAD_FMT_PETRXML;
    if (ends_with(path, ".tabari") || ends_with(path, "Validate.text") || ends_with(path, ".records"))
        return DYAD_FMT_TABARI;
    return DYAD_FMT_TEXT;
}

/* code_options.c - coding a document under the settings its input file
 * gives (doc->code_options): a PETRARCH records file's <Config> options and
 * a TABARI file's OPTION records change how the records after them are
 * coded, in `dyad code` as in `dyad eval suite`. The dictionaries stay
 * shared and read-only: a record's settings go into a shallow copy. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "code.h"
#include "dict.h"
#include "tabari.h"

/* the value of "name=value" in the option lines (the last line wins), or NULL */
static const char *option_value(const char *lines, const char *name, size_t *len) {
    const char *found = NULL;
    size_t n = strlen(name);
    for (const char *p = lines; *p;) {
        size_t line = strcspn(p, "\n");
        if (!strncmp(p, name, n) && p[n] == '=') found = p + n + 1, *len = line - n - 1;
        p += line + (p[line] == '\n');
    }
    return found;
}

static void option_int(const char *lines, const char *name, int *out) {
    size_t len;
    const char *v = option_value(lines, name, &len);
    if (v && len) *out = atoi(v);
}

dyad_status code_doc_with_options(const dy_dicts *d, dyad_doc *doc, const char *default_date, dyad_error *err) {
    const char *opts = doc ? doc->code_options : NULL;
    if (!d || !opts || !*opts) return code_doc(d, doc, default_date, err);
    if (d->tabari) return tabari_code_doc_options(d, doc, default_date, opts, err);
    /* PETRARCH's options and defaults: new_actor_length 0, comma_emin 2,
     * comma_emax 8, require_dyad true */
    dy_dicts local = *d;
    local.new_actor_length = 0;
    local.comma_end_min = 2, local.comma_end_max = 8;
    option_int(opts, "new_actor_length", &local.new_actor_length);
    option_int(opts, "comma_emin", &local.comma_end_min);
    option_int(opts, "comma_emax", &local.comma_end_max);
    size_t len;
    const char *rd = option_value(opts, "require_dyad", &len);
    if (rd && len == 5 && !strncasecmp(rd, "false", 5)) return code_doc_monadic(&local, doc, default_date, err);
    return code_doc(&local, doc, default_date, err);
}

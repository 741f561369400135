/* dict_compile.c - `dyad train dicts`: compile dictionaries into one binary
 * file; and recognising such a file at load. (Compiled form: not yet built;
 * the text dictionaries load directly.) */
#include <string.h>
#include "base/util.h"
#include "code.h"
#include "dict.h"

static const char compiled_magic[8] = {'D', 'Y', 'A', 'D', 'D', 'I', 'C', '1'};

int dict_compiled_is(const char *path) {
    dy_map m;
    dyad_error e;
    dyad_error_clear(&e);
    if (file_map(path, &m, &e)) return 0;
    int yes = m.len >= sizeof compiled_magic && !memcmp(m.data, compiled_magic, sizeof compiled_magic);
    file_unmap(&m);
    return yes;
}

int dict_load_compiled(dy_dicts *d, const char *path, dyad_error *err) {
    (void)d;
    dyad_error_set(err, DYAD_ENOTIMPL, path, 0, -1, "compiled dictionaries are not supported yet: load the text directory");
    return -1;
}

dyad_status code_compile_dicts(const dyad_train_opts *o, FILE *log, dyad_error *err) {
    (void)log;
    dyad_error_set(err, DYAD_ENOTIMPL, o->dicts ? o->dicts : "dicts", 0, -1,
                   "compiling dictionaries is not built yet: load the text directory");
    return DYAD_ENOTIMPL;
}

/* dict_tabari.c - loader for TABARI dictionaries (.actors, .verbs, .agents,
 * .options, listed by a .project file). */
#include "dict.h"

int dict_load_tabari(dy_dicts *d, const char *path, dict_warn_fn warn, void *user, dyad_error *err) {
    (void)d; (void)warn; (void)user;
    dyad_error_set(err, DYAD_ENOTIMPL, path, 0, -1, "TABARI dictionaries are not supported yet");
    return -1;
}

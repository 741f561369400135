/* ontology.c - look-ups in the generated CAMEO table: event codes (binary
 * search over constant data) and actor role codes. */
#include "ontology.h"
#include <string.h>

const dyad_cameo_info *dyad_cameo_lookup(const char *code) {
    if (!code) return NULL;
    size_t lo = 0, hi = cameo_table_len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(cameo_table[mid].code, code);
        if (c == 0) return &cameo_table[mid];
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

int cameo_is_role(const char *code3) {
    for (size_t i = 0; i < cameo_roles_len; i++)
        if (strncmp(cameo_roles[i].code, code3, 3) == 0) return 1;
    return 0;
}

const char *cameo_plover_type(const dyad_cameo_info *info) {
    if (!info) return "";
    if (info->plover_type[0]) return info->plover_type;
    /* a sub-code without its own mapping takes its parent's (4 digits -> 3 -> root) */
    char parent[5];
    size_t n = strlen(info->code);
    while (n > 2) {
        n--;
        memcpy(parent, info->code, n);
        parent[n] = 0;
        const dyad_cameo_info *p = dyad_cameo_lookup(parent);
        if (p && p->plover_type[0]) return p->plover_type;
    }
    return "";
}

/* ontology.h - the CAMEO ontology table (generated) and look-ups over it:
 * event codes with Goldstein weight, QuadClass and PLOVER type; actor roles. */
#ifndef DY_ONTOLOGY_H
#define DY_ONTOLOGY_H
#include <stddef.h>
#include "dyad.h"

typedef struct cameo_role { const char *code, *category; } cameo_role;

extern const dyad_cameo_info cameo_table[];
extern const size_t cameo_table_len;
extern const cameo_role cameo_roles[];
extern const size_t cameo_roles_len;

/* 1 if code (3 letters) is a CAMEO actor role such as GOV, MIL, REB */
int cameo_is_role(const char *code3);
/* PLOVER type for a CAMEO code, walking up to the root when the code has none */
const char *cameo_plover_type(const dyad_cameo_info *info);
#endif

/* store_internal.h - the store handle, shared by the writer and the reports. */
#ifndef DY_STORE_INTERNAL_H
#define DY_STORE_INTERNAL_H
#include <sqlite3.h>
#include "dyad.h"

struct dyad_store {
    sqlite3 *db;
    char *path;
    sqlite3_stmt *ins_doc, *ins_sent, *ins_event, *upd_doc;
};
#endif

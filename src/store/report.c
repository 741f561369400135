/* report.c - reading the store: canned reports for people (summary, roots,
 * dyads, actors, timeline, documents) and read-only SQL printed as TSV. */
#include <sqlite3.h>
#include <string.h>
#include "dyad.h"
#include "store_internal.h"

#define VIEW(s) (s)

static dyad_status fail(dyad_store *s, dyad_error *err, const char *what) {
    dyad_error_set(err, DYAD_EDB, VIEW(s)->path, 0, -1, "%s: %s", what, sqlite3_errmsg(VIEW(s)->db));
    return DYAD_EDB;
}

static long long scalar(dyad_store *s, const char *sql) {
    sqlite3_stmt *st;
    long long v = 0;
    if (sqlite3_prepare_v2(VIEW(s)->db, sql, -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    return v;
}

static const char *col(sqlite3_stmt *st, int i) {
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? (const char *)t : "";
}

static dyad_status rows(dyad_store *s, const char *title, const char *sql, int label_root, FILE *out,
                        dyad_error *err) {
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(VIEW(s)->db, sql, -1, &st, NULL) != SQLITE_OK) return fail(s, err, title);
    fprintf(out, "%s\n", title);
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int ncol = sqlite3_column_count(st);
        fputs("  ", out);
        for (int i = 0; i < ncol; i++) {
            if (i) fputs(i == ncol - 1 ? "  " : " ", out);
            if (i == ncol - 1) fprintf(out, "%6s", col(st, i));
            else if (ncol > 2 && i == 0) fprintf(out, "%-12s", col(st, i));
            else fprintf(out, "%-24s", col(st, i));
        }
        if (label_root) {
            const dyad_cameo_info *info = dyad_cameo_lookup(col(st, 0));
            if (info) fprintf(out, "  %s", info->label);
        }
        fputc('\n', out);
        n++;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) return fail(s, err, title);
    if (!n) fputs("  (none)\n", out);
    return DYAD_OK;
}

dyad_status dyad_store_report(dyad_store *s, const char *name, FILE *out, dyad_error *err) {
    if (!strcmp(name, "summary")) {
        fprintf(out, "documents  %lld\n", scalar(s, "SELECT count(*) FROM documents"));
        fprintf(out, "sentences  %lld\n", scalar(s, "SELECT coalesce(sum(nsentences),0) FROM documents"));
        fprintf(out, "tokens     %lld\n", scalar(s, "SELECT coalesce(sum(ntokens),0) FROM documents"));
        fprintf(out, "events     %lld\n\n", scalar(s, "SELECT count(*) FROM events"));
        dyad_status st = rows(s, "events by CAMEO root:",
                              "SELECT root, count(*) FROM events GROUP BY root ORDER BY count(*) DESC, root", 1,
                              out, err);
        if (st) return st;
        fputc('\n', out);
        return rows(s, "top dyads (source -> target):",
                    "SELECT CASE source WHEN '' THEN '(none)' ELSE source END || ' -> ' || "
                    "CASE target WHEN '' THEN '(none)' ELSE target END, count(*) "
                    "FROM events GROUP BY source, target ORDER BY count(*) DESC, source LIMIT 10",
                    0, out, err);
    }
    if (!strcmp(name, "roots"))
        return rows(s, "events by CAMEO root:",
                    "SELECT root, count(*) FROM events GROUP BY root ORDER BY root", 1, out, err);
    if (!strcmp(name, "dyads"))
        return rows(s, "dyads (source -> target, events, mean Goldstein):",
                    "SELECT source || ' -> ' || target, printf('%.2f', avg(goldstein)), count(*) FROM events "
                    "GROUP BY source, target ORDER BY count(*) DESC LIMIT 50",
                    0, out, err);
    if (!strcmp(name, "actors"))
        return rows(s, "actors (as source or target):",
                    "SELECT a, count(*) FROM (SELECT source a FROM events UNION ALL SELECT target FROM events) "
                    "WHERE a <> '' GROUP BY a ORDER BY count(*) DESC LIMIT 50",
                    0, out, err);
    if (!strcmp(name, "timeline"))
        return rows(s, "events per day (date, cooperation-conflict, count):",
                    "SELECT coalesce(date,'unknown'), printf('%+.1f', sum(goldstein)), count(*) FROM events "
                    "GROUP BY date ORDER BY date",
                    0, out, err);
    if (!strcmp(name, "documents"))
        return rows(s, "documents (date, title, events):",
                    "SELECT coalesce(date,'-'), substr(coalesce(title, input, ''),1,60), nevents FROM documents "
                    "ORDER BY date, id",
                    0, out, err);
    dyad_error_set(err, DYAD_EINVAL, name, 0, -1,
                   "unknown report; use summary, roots, dyads, actors, timeline or documents");
    return DYAD_EINVAL;
}

dyad_status dyad_store_sql(dyad_store *s, const char *sql, FILE *out, dyad_error *err) {
    sqlite3_stmt *st;
    const char *tail = NULL;
    if (sqlite3_prepare_v2(VIEW(s)->db, sql, -1, &st, &tail) != SQLITE_OK) {
        dyad_error_set(err, DYAD_EINVAL, "--sql", 0, -1, "%s", sqlite3_errmsg(VIEW(s)->db));
        return DYAD_EINVAL;
    }
    if (!st) {
        dyad_error_set(err, DYAD_EINVAL, "--sql", 0, -1, "empty query");
        return DYAD_EINVAL;
    }
    if (!sqlite3_stmt_readonly(st)) {
        sqlite3_finalize(st);
        dyad_error_set(err, DYAD_EINVAL, "--sql", 0, -1, "only read-only queries are allowed");
        return DYAD_EINVAL;
    }
    int ncol = sqlite3_column_count(st);
    for (int i = 0; i < ncol; i++) fprintf(out, "%s%s", i ? "\t" : "", sqlite3_column_name(st, i));
    fputc('\n', out);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        for (int i = 0; i < ncol; i++) {
            fputs(i ? "\t" : "", out);
            const char *v = col(st, i);
            for (; *v; v++) fputc(*v == '\t' || *v == '\n' ? ' ' : *v, out);
        }
        fputc('\n', out);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        dyad_error_set(err, DYAD_EDB, "--sql", 0, -1, "%s", sqlite3_errmsg(VIEW(s)->db));
        return DYAD_EDB;
    }
    return DYAD_OK;
}

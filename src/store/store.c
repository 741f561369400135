/* store.c - dyad's embedded store: SQLite in WAL mode. Documents are keyed by
 * a content hash, so ingesting the same input twice adds nothing; every batch
 * of whole documents is one transaction, so a killed ingest leaves a
 * consistent database and the next run completes the work. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include "dyad.h"
#include "../base/util.h"
#include "schema.h"
#include "store_internal.h"

static dyad_status db_error(dyad_store *s, dyad_error *err, const char *what) {
    dyad_error_set(err, DYAD_EDB, s->path, 0, -1, "%s: %s", what, sqlite3_errmsg(s->db));
    return DYAD_EDB;
}

static int prepare(dyad_store *s, const char *sql, sqlite3_stmt **st) {
    return sqlite3_prepare_v2(s->db, sql, -1, st, NULL);
}

dyad_store *dyad_store_open(const char *path, dyad_error *err) {
    dyad_store *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->path = strdup(path);
    if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
        dyad_error_set(err, DYAD_EDB, path, 0, -1, "cannot open database: %s",
                       s->db ? sqlite3_errmsg(s->db) : "out of memory");
        dyad_store_close(s);
        return NULL;
    }
    sqlite3_busy_timeout(s->db, 10000);
    /* WAL: readers never block the writer; synchronous=NORMAL is durable at
     * each checkpoint and never corrupts on a crash. */
    char *msg = NULL;
    if (sqlite3_exec(s->db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
                     NULL, NULL, &msg) != SQLITE_OK) {
        dyad_error_set(err, DYAD_EDB, path, 0, -1, "not a usable SQLite database: %s", msg ? msg : "");
        sqlite3_free(msg);
        dyad_store_close(s);
        return NULL;
    }
    sqlite3_stmt *st;
    int version = 0;
    if (prepare(s, "PRAGMA user_version", &st) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) version = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
    }
    if (version > STORE_VERSION) {
        dyad_error_set(err, DYAD_EDB, path, 0, -1,
                       "database schema version %d is newer than this dyad (%d); upgrade dyad", version,
                       STORE_VERSION);
        dyad_store_close(s);
        return NULL;
    }
    if (sqlite3_exec(s->db, STORE_SCHEMA, NULL, NULL, &msg) != SQLITE_OK ||
        sqlite3_exec(s->db, "PRAGMA user_version=1", NULL, NULL, &msg) != SQLITE_OK) {
        dyad_error_set(err, DYAD_EDB, path, 0, -1, "cannot create schema: %s", msg ? msg : "");
        sqlite3_free(msg);
        dyad_store_close(s);
        return NULL;
    }
    if (prepare(s,
                "INSERT OR IGNORE INTO documents(hash,doc_id,input,url,title,date,source,nsentences,"
                "ntokens,text) VALUES(?,?,?,?,?,?,?,?,?,?)",
                &s->ins_doc) ||
        prepare(s, "INSERT INTO sentences(doc,idx,off,len,ntokens) VALUES(?,?,?,?,?)", &s->ins_sent) ||
        prepare(s,
                "INSERT INTO events(doc,sentence,date,source,target,code,root,quad,goldstein,plover,"
                "modality,rule,confidence,source_text,target_text,verb_text,source_off,source_len,"
                "target_off,target_len,verb_off,verb_len) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                &s->ins_event) ||
        prepare(s, "UPDATE documents SET nevents=? WHERE id=?", &s->upd_doc)) {
        db_error(s, err, "cannot prepare statements");
        dyad_store_close(s);
        return NULL;
    }
    return s;
}

void dyad_store_close(dyad_store *s) {
    if (!s) return;
    sqlite3_finalize(s->ins_doc);
    sqlite3_finalize(s->ins_sent);
    sqlite3_finalize(s->ins_event);
    sqlite3_finalize(s->upd_doc);
    if (s->db) sqlite3_close(s->db);
    free(s->path);
    free(s);
}

/* 128-bit content hash of what the document is: its text as read plus its id
 * and date (the same article re-published with another date is another row). */
static void content_hash(const dyad_doc *d, char out[33]) {
    const char *body = d->raw ? d->raw : d->text ? d->text : "";
    size_t n = d->raw ? d->raw_len : d->text ? d->text_len : 0;
    uint64_t h1 = hash_bytes(body, n);
    uint64_t h2 = hash_mix(0x51ed270b27a4c6e5ULL, n);
    for (size_t i = 0; i < n; i += 4096) h2 = hash_mix(h2, hash_bytes(body + i, n - i < 4096 ? n - i : 4096));
    if (d->id) h1 = hash_mix(h1, hash_bytes(d->id, strlen(d->id)));
    if (d->date) h2 = hash_mix(h2, hash_bytes(d->date, strlen(d->date)));
    snprintf(out, 33, "%016llx%016llx", (unsigned long long)h1, (unsigned long long)h2);
}

static void bind_text(sqlite3_stmt *st, int i, const char *s) {
    if (s) sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
    else sqlite3_bind_null(st, i);
}

static void bind_span(sqlite3_stmt *st, int i, const dyad_doc *d, dyad_span sp) {
    if (sp.len && d->text && (size_t)sp.off + sp.len <= d->text_len)
        sqlite3_bind_text(st, i, d->text + sp.off, (int)sp.len, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

static dyad_status add_one(dyad_store *s, const dyad_doc *d, int *added, dyad_error *err) {
    char hash[33];
    content_hash(d, hash);
    sqlite3_stmt *st = s->ins_doc;
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    bind_text(st, 1, hash);
    bind_text(st, 2, d->id);
    bind_text(st, 3, d->input);
    bind_text(st, 4, d->url);
    bind_text(st, 5, d->title);
    bind_text(st, 6, d->date);
    bind_text(st, 7, d->source);
    sqlite3_bind_int64(st, 8, (sqlite3_int64)d->nsentences);
    sqlite3_bind_int64(st, 9, (sqlite3_int64)d->ntokens);
    if (d->text) sqlite3_bind_text(st, 10, d->text, (int)d->text_len, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE) return db_error(s, err, "cannot insert document");
    if (sqlite3_changes(s->db) == 0) { /* already stored */
        *added = 0;
        return DYAD_OK;
    }
    *added = 1;
    sqlite3_int64 rowid = sqlite3_last_insert_rowid(s->db);
    for (size_t i = 0; i < d->nsentences; i++) {
        st = s->ins_sent;
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, rowid);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
        sqlite3_bind_int64(st, 3, d->sentences[i].off);
        sqlite3_bind_int64(st, 4, d->sentences[i].len);
        sqlite3_bind_int64(st, 5, d->sentences[i].ntokens);
        if (sqlite3_step(st) != SQLITE_DONE) return db_error(s, err, "cannot insert sentence");
    }
    for (size_t i = 0; i < d->nevents; i++) {
        const dyad_event *e = &d->events[i];
        st = s->ins_event;
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        sqlite3_bind_int64(st, 1, rowid);
        sqlite3_bind_int64(st, 2, e->sentence);
        bind_text(st, 3, e->date ? e->date : d->date);
        bind_text(st, 4, e->source ? e->source : "");
        bind_text(st, 5, e->target ? e->target : "");
        bind_text(st, 6, e->code ? e->code : "");
        bind_text(st, 7, e->root);
        sqlite3_bind_int(st, 8, e->quad);
        sqlite3_bind_double(st, 9, e->goldstein);
        bind_text(st, 10, e->plover);
        bind_text(st, 11, e->modality);
        bind_text(st, 12, e->rule);
        sqlite3_bind_double(st, 13, e->confidence);
        bind_span(st, 14, d, e->source_span);
        bind_span(st, 15, d, e->target_span);
        bind_span(st, 16, d, e->verb_span);
        sqlite3_bind_int64(st, 17, e->source_span.off);
        sqlite3_bind_int64(st, 18, e->source_span.len);
        sqlite3_bind_int64(st, 19, e->target_span.off);
        sqlite3_bind_int64(st, 20, e->target_span.len);
        sqlite3_bind_int64(st, 21, e->verb_span.off);
        sqlite3_bind_int64(st, 22, e->verb_span.len);
        if (sqlite3_step(st) != SQLITE_DONE) return db_error(s, err, "cannot insert event");
    }
    st = s->upd_doc;
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, (sqlite3_int64)d->nevents);
    sqlite3_bind_int64(st, 2, rowid);
    if (sqlite3_step(st) != SQLITE_DONE) return db_error(s, err, "cannot update document");
    return DYAD_OK;
}

dyad_status dyad_store_add(dyad_store *s, dyad_doc *const *docs, size_t ndocs, size_t *added,
                           dyad_error *err) {
    size_t n_added = 0;
    if (added) *added = 0;
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return db_error(s, err, "cannot begin transaction");
    for (size_t i = 0; i < ndocs; i++) {
        int a = 0;
        if (add_one(s, docs[i], &a, err) != DYAD_OK) {
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
            return DYAD_EDB;
        }
        n_added += (size_t)a;
    }
    if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        db_error(s, err, "cannot commit");
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return DYAD_EDB;
    }
    if (added) *added = n_added;
    return DYAD_OK;
}

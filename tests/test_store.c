/* test_store.c - the SQLite store: idempotent ingest, whole-batch
 * transactions, reports, read-only SQL, and a kill -9 in the middle of an
 * ingest leaving a database that the next run completes. */
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>
#include "check.h"
#include "dyad.h"

static dyad_doc *make_doc(const char *id, const char *date, const char *text, int nevents) {
    dyad_doc *d = dyad_doc_new();
    d->id = dyad_doc_strdup(d, id);
    d->date = dyad_doc_strdup(d, date);
    d->input = dyad_doc_strdup(d, "test.jsonl");
    d->raw = dyad_doc_strdup(d, text);
    d->raw_len = strlen(text);
    d->text = dyad_doc_strdup(d, text);
    d->text_len = strlen(text);
    dyad_sentence *s = dyad_doc_add_sentence(d);
    s->len = (uint32_t)d->text_len;
    for (int i = 0; i < nevents; i++) {
        dyad_event *e = dyad_doc_add_event(d);
        e->source = "CHNGOV";
        e->target = i ? "USA" : "JPN";
        e->code = "012";
        e->root = "01";
        e->quad = 1;
        e->goldstein = -0.4;
        e->source_span = (dyad_span){0, 5};
        e->verb_span = (dyad_span){6, 6};
    }
    return d;
}

static long long count(const char *db, const char *sql) {
    sqlite3 *h;
    sqlite3_stmt *st;
    long long v = -1;
    if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) return -1;
    if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(h);
    return v;
}

static int integrity_ok(const char *db) {
    sqlite3 *h;
    sqlite3_stmt *st;
    int ok = 0;
    if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) return 0;
    if (sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) ok = !strcmp((const char *)sqlite3_column_text(st, 0), "ok");
        sqlite3_finalize(st);
    }
    sqlite3_close(h);
    return ok;
}

TEST(store_ingest_is_idempotent) {
    char path[512];
    snprintf(path, sizeof path, "%s/idem.db", check_tmpdir());
    dyad_error err;
    dyad_error_clear(&err);
    dyad_store *s = dyad_store_open(path, &err);
    CHECK(s != NULL);
    if (!s) return;
    dyad_doc *docs[2] = {make_doc("a", "2024-04-08", "China warned Japan.", 2),
                         make_doc("b", "2024-04-10", "Biden hosted Kishida.", 1)};
    size_t added = 99;
    CHECK_INT(dyad_store_add(s, docs, 2, &added, &err), DYAD_OK);
    CHECK_INT(added, 2);
    CHECK_INT(dyad_store_add(s, docs, 2, &added, &err), DYAD_OK);
    CHECK_INT(added, 0);
    dyad_store_close(s);
    CHECK_INT(count(path, "SELECT count(*) FROM documents"), 2);
    CHECK_INT(count(path, "SELECT count(*) FROM events"), 3);
    CHECK_INT(count(path, "SELECT count(*) FROM events WHERE source='CHNGOV' AND target='JPN' AND code='012'"), 2);
    CHECK_INT(count(path, "SELECT nevents FROM documents WHERE doc_id='a'"), 2);
    CHECK_INT(count(path, "SELECT count(*) FROM events WHERE source_text='China'"), 2);
    dyad_doc_free(docs[0]);
    dyad_doc_free(docs[1]);
}

TEST(store_reports_and_readonly_sql) {
    char path[512];
    snprintf(path, sizeof path, "%s/rep.db", check_tmpdir());
    dyad_error err;
    dyad_error_clear(&err);
    dyad_store *s = dyad_store_open(path, &err);
    CHECK(s != NULL);
    if (!s) return;
    dyad_doc *d = make_doc("a", "2024-04-08", "China warned Japan.", 2);
    CHECK_INT(dyad_store_add(s, &d, 1, NULL, &err), DYAD_OK);
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    CHECK_INT(dyad_store_report(s, "summary", mem, &err), DYAD_OK);
    fclose(mem);
    CHECK_CONTAINS(buf, "documents  1");
    CHECK_CONTAINS(buf, "events     2");
    CHECK_CONTAINS(buf, "CHNGOV -> JPN");
    free(buf);
    mem = open_memstream(&buf, &len);
    CHECK_INT(dyad_store_sql(s, "DELETE FROM events", mem, &err), DYAD_EINVAL);
    CHECK_CONTAINS(err.message, "read-only");
    CHECK_INT(dyad_store_sql(s, "SELECT target FROM events ORDER BY target", mem, &err), DYAD_OK);
    CHECK_INT(dyad_store_report(s, "no-such-report", mem, &err), DYAD_EINVAL);
    fclose(mem);
    CHECK_STR(buf, "target\nJPN\nUSA\n");
    free(buf);
    dyad_store_close(s);
    dyad_doc_free(d);
}

TEST(store_rejects_a_file_that_is_not_a_database) {
    char path[512];
    snprintf(path, sizeof path, "%s/garbage.db", check_tmpdir());
    FILE *f = fopen(path, "w");
    fputs("this is not an SQLite file, just some text that is long enough to look like a header....", f);
    fclose(f);
    dyad_error err;
    dyad_error_clear(&err);
    dyad_store *s = dyad_store_open(path, &err);
    CHECK(s == NULL);
    CHECK_STR(err.input, path);
    dyad_store_close(s);
}

/* Write N one-line news documents as JSONL */
static void write_corpus(const char *path, int n) {
    FILE *f = fopen(path, "w");
    for (int i = 0; i < n; i++)
        fprintf(f, "{\"id\":\"k%d\",\"date\":\"2024-04-%02d\",\"text\":\"China warned Japan on Monday "
                   "against joining the pact, officials said in report number %d.\"}\n",
                i, 1 + i % 28, i);
    fclose(f);
}

TEST(store_survives_kill_during_ingest) {
    const char *bin = getenv("DYAD_BIN");
    if (!bin) bin = "build/dyad";
    char db[512], in[512];
    snprintf(db, sizeof db, "%s/kill.db", check_tmpdir());
    snprintf(in, sizeof in, "%s/kill.jsonl", check_tmpdir());
    const int n = 3000;
    write_corpus(in, n);
    pid_t pid = fork();
    if (pid == 0) {
        int devnull = open("/dev/null", 1);
        dup2(devnull, 1);
        dup2(devnull, 2);
        execl(bin, bin, "ingest", "--db", db, "--threads", "1", in, (char *)NULL);
        _exit(127);
    }
    usleep(300 * 1000);
    kill(pid, SIGKILL);
    int st;
    waitpid(pid, &st, 0);
    /* whatever was committed is whole: every stored document has its events */
    /* (killed before it created the database: nothing to check yet) */
    if (access(db, F_OK) == 0 && count(db, "SELECT count(*) FROM sqlite_master") > 0) {
        long long partial = count(db, "SELECT count(*) FROM documents");
        CHECK(partial >= 0 && partial <= n);
        CHECK(integrity_ok(db));
        CHECK_INT(count(db, "SELECT count(*) FROM documents d WHERE nevents <> "
                            "(SELECT count(*) FROM events e WHERE e.doc=d.id)"), 0);
    }
    char args[1200], *out = NULL;
    snprintf(args, sizeof args, "ingest --db '%s' '%s' 2>/dev/null", db, in);
    CHECK_INT(check_run_cli(args, &out), 0);
    free(out);
    CHECK_INT(count(db, "SELECT count(*) FROM documents"), n);
    CHECK_INT(count(db, "SELECT count(DISTINCT hash) FROM documents"), n);
    CHECK_INT(check_run_cli(args, &out), 0);
    free(out);
    CHECK_INT(count(db, "SELECT count(*) FROM documents"), n);
}

/* schema.h - the SQLite schema of dyad's embedded store. Bump STORE_VERSION
 * when the schema changes; dyad refuses a database from a newer version. */
#ifndef DY_SCHEMA_H
#define DY_SCHEMA_H

#define STORE_VERSION 1

static const char STORE_SCHEMA[] =
    "CREATE TABLE IF NOT EXISTS documents ("
    "  id INTEGER PRIMARY KEY,"
    "  hash TEXT NOT NULL UNIQUE,"          /* content hash: re-ingesting is a no-op */
    "  doc_id TEXT, input TEXT, url TEXT, title TEXT, date TEXT, source TEXT,"
    "  nsentences INTEGER NOT NULL DEFAULT 0, ntokens INTEGER NOT NULL DEFAULT 0,"
    "  nevents INTEGER NOT NULL DEFAULT 0,"
    "  text TEXT,"
    "  added TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "CREATE TABLE IF NOT EXISTS sentences ("
    "  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  idx INTEGER NOT NULL, off INTEGER NOT NULL, len INTEGER NOT NULL,"
    "  ntokens INTEGER NOT NULL, PRIMARY KEY (doc, idx)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS events ("
    "  id INTEGER PRIMARY KEY,"
    "  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  sentence INTEGER NOT NULL, date TEXT,"
    "  source TEXT NOT NULL, target TEXT NOT NULL,"
    "  code TEXT NOT NULL, root TEXT, quad INTEGER, goldstein REAL, plover TEXT,"
    "  modality TEXT, rule TEXT, confidence REAL,"
    "  source_text TEXT, target_text TEXT, verb_text TEXT,"
    "  source_off INTEGER, source_len INTEGER, target_off INTEGER, target_len INTEGER,"
    "  verb_off INTEGER, verb_len INTEGER);"
    /* room for the knowledge graph: entities and quotes */
    "CREATE TABLE IF NOT EXISTS entities ("
    "  id INTEGER PRIMARY KEY,"
    "  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  sentence INTEGER, type TEXT NOT NULL, text TEXT NOT NULL, code TEXT,"
    "  off INTEGER, len INTEGER);"
    "CREATE TABLE IF NOT EXISTS quotes ("
    "  id INTEGER PRIMARY KEY,"
    "  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  sentence INTEGER, speaker TEXT, speaker_code TEXT, text TEXT NOT NULL,"
    "  off INTEGER, len INTEGER);"
    "CREATE INDEX IF NOT EXISTS documents_date ON documents(date);"
    "CREATE INDEX IF NOT EXISTS events_date ON events(date);"
    "CREATE INDEX IF NOT EXISTS events_dyad ON events(source, target);"
    "CREATE INDEX IF NOT EXISTS events_code ON events(code);"
    "CREATE INDEX IF NOT EXISTS events_root ON events(root);"
    "CREATE INDEX IF NOT EXISTS events_doc ON events(doc);"
    "CREATE INDEX IF NOT EXISTS entities_doc ON entities(doc);"
    "CREATE INDEX IF NOT EXISTS quotes_doc ON quotes(doc);";
#endif

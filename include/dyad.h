/* dyad.h - the public C API of libdyad: news text in, political event data out.
 *
 * One engine (models + dictionaries) is loaded once, is immutable afterwards and
 * may be shared by any number of threads. Each document lives in its own arena;
 * everything a document points to (tokens, events, strings) is freed with it.
 * Library calls never print, exit or abort on bad input: they return a status
 * and fill a dyad_error that names the input and the position. */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DYAD_VERSION "0.1.0"

typedef enum dyad_status {
    DYAD_OK = 0,
    DYAD_EINVAL,   /* bad argument or option */
    DYAD_EIO,      /* cannot open/read/write a file */
    DYAD_EFORMAT,  /* input is not in the expected format */
    DYAD_ENOMEM,   /* out of memory or over a size limit */
    DYAD_ENOTIMPL, /* this part of the pipeline is not available */
    DYAD_EMODEL,   /* a model file is missing or corrupt */
    DYAD_EDICT,    /* a dictionary cannot be loaded */
    DYAD_EDB,      /* the store failed */
    DYAD_ETARGET   /* an evaluation fell below its target */
} dyad_status;

/* Where and why something failed. input is a file name (or "-"), line is
 * 1-based (0 = unknown), offset is a byte offset into that input (-1 = unknown). */
typedef struct dyad_error {
    dyad_status status;
    long line;
    long long offset;
    char input[256];
    char message[512];
} dyad_error;

const char *dyad_status_str(dyad_status s);
void dyad_error_clear(dyad_error *err);
void dyad_error_set(dyad_error *err, dyad_status s, const char *input, long line,
                    long long offset, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* "input:line:offset: message" into buf */
const char *dyad_error_format(const dyad_error *err, char *buf, size_t cap);

/* ---- formats ---------------------------------------------------------- */
typedef enum dyad_format {
    DYAD_FMT_AUTO = 0,
    DYAD_FMT_TEXT,
    DYAD_FMT_HTML,
    DYAD_FMT_JSONL,
    DYAD_FMT_WARC,
    DYAD_FMT_CONLLU,
    DYAD_FMT_PETRXML,
    DYAD_FMT_TABARI
} dyad_format;

dyad_format dyad_format_from_name(const char *name);   /* "text", "html", ... or AUTO if unknown */
const char *dyad_format_name(dyad_format f);
dyad_format dyad_format_guess(const char *path);         /* from the file name; TEXT if unsure */

/* ---- the document model ----------------------------------------------- */
typedef struct dyad_arena dyad_arena;

typedef struct dyad_span { uint32_t off, len; } dyad_span; /* bytes into dyad_doc.text */

typedef struct dyad_token {
    uint32_t off, len;        /* bytes into dyad_doc.text */
    const char *form;         /* NUL-terminated copy */
    const char *lemma;        /* NULL until analyzed */
    const char *upos, *xpos;  /* NULL until tagged */
    const char *feats;        /* NULL or "_" */
    const char *deprel;       /* NULL until parsed */
    int32_t head;             /* 1-based within sentence, 0 = root, -1 = none yet */
    uint8_t space_after;      /* 1 if followed by whitespace in text */
    uint8_t ner;              /* 0 = O; reserved for the NER */
    uint16_t flags;
} dyad_token;

typedef struct dyad_sentence {
    uint32_t first_token, ntokens;
    uint32_t off, len;        /* bytes into dyad_doc.text */
    const char *id;           /* sent_id (NULL: "<doc>-<n>") */
} dyad_sentence;

typedef struct dyad_event {
    uint32_t sentence;                 /* index into dyad_doc.sentences */
    const char *source, *target;       /* actor codes; "" when unresolved */
    const char *code;                  /* CAMEO code, e.g. "012" */
    const char *root;                  /* CAMEO root, e.g. "01" */
    int quad;                          /* QuadClass 1-4 */
    double goldstein;
    const char *plover;                /* PLOVER type, e.g. "ACCUSE" */
    const char *modality;              /* asserted|intended|hypothetical|negated|reported */
    const char *rule;                  /* dictionary entry and pattern that fired */
    double confidence;                 /* 0..1 */
    const char *date;                  /* YYYY-MM-DD (document date or resolved) */
    dyad_span source_span, target_span, verb_span;
} dyad_event;

typedef struct dyad_doc {
    dyad_arena *arena;
    const char *input;          /* file the document came from */
    long input_line;            /* line / record number in the input (1-based, 0 unknown) */
    long long input_offset;     /* byte offset of the record in the input */
    const char *id, *url, *date, *title, *source;  /* metadata, NULL if absent */
    dyad_format content;        /* what raw holds: TEXT or HTML (readers decide) */
    const char *raw; size_t raw_len;
    char *text; size_t text_len;      /* cleaned text, NUL-terminated */
    uint32_t *text_to_raw;            /* text byte -> raw byte, NULL when identity */
    dyad_token *tokens; size_t ntokens, tokens_cap;
    dyad_sentence *sentences; size_t nsentences, sentences_cap;
    dyad_event *events; size_t nevents, events_cap;
    int given_tokens;           /* tokens came with the input (CoNLL-U) */
    /* settings the input file gives for coding this document, one per line,
     * oldest first, NULL when none: PETRARCH records' <Config option="name"
     * value="v"> as "name=v", TABARI's "{ OPTION: ... }" commands as given */
    const char *code_options;
    void *extra;                /* reader-specific data (e.g. a suite record's expected codings) */
} dyad_doc;

/* A document and its arena. dyad_doc_reset keeps the arena's memory for reuse. */
dyad_doc *dyad_doc_new(void);
void dyad_doc_reset(dyad_doc *doc);
void dyad_doc_free(dyad_doc *doc);
dyad_token *dyad_doc_add_token(dyad_doc *doc);        /* zeroed, head = -1 */
dyad_sentence *dyad_doc_add_sentence(dyad_doc *doc);  /* zeroed */
dyad_event *dyad_doc_add_event(dyad_doc *doc);        /* zeroed */
char *dyad_doc_strdup(dyad_doc *doc, const char *s);   /* copy into the document arena */

/* ---- the engine ------------------------------------------------------- */
typedef struct dyad_engine dyad_engine;

typedef struct dyad_engine_opts {
    const char *models_dir;   /* NULL: $DYAD_MODELS, ./models, <exe>/../models */
    const char *dicts_path;   /* NULL: $DYAD_DICTS, ./dicts, <exe>/../dicts */
    const char *dict_format;  /* "dyad" (default), "petrarch", "tabari" */
    int want_models;          /* load tagger/parser models (missing: warning, not fatal) */
    int want_dicts;           /* load dictionaries (missing default dicts: warning) */
    const char *default_date; /* --date for documents without one */
    int monadic;              /* --monadic: with dyad's dictionaries, also events with no target */
} dyad_engine_opts;

dyad_engine *dyad_engine_open(const dyad_engine_opts *opts, dyad_error *err);
void dyad_engine_close(dyad_engine *e);
/* What the engine can do, for "runs as far as it exists" messages. */
int dyad_engine_has_parser(const dyad_engine *e);
int dyad_engine_has_dicts(const dyad_engine *e);
/* Human-readable notes gathered while loading (missing models etc.), or "" */
const char *dyad_engine_notes(const dyad_engine *e);

typedef enum dyad_stage {
    DYAD_STAGE_READ = 0,  /* as read */
    DYAD_STAGE_CLEAN,     /* raw -> text */
    DYAD_STAGE_SEGMENT,   /* sentences and tokens */
    DYAD_STAGE_PARSE,     /* tags, lemmas, heads, relations */
    DYAD_STAGE_CODE       /* events */
} dyad_stage;

/* Run the pipeline on one read document up to `upto`. Stages the engine
 * cannot do (no model, no dictionary) are skipped, not failed. */
dyad_status dyad_process(const dyad_engine *e, dyad_doc *doc, dyad_stage upto, dyad_error *err);

/* ---- running many inputs ---------------------------------------------- */
/* Called on the caller's thread, in input order, once per document.
 * status != DYAD_OK: the document failed (err says why) and doc may be partial.
 * Return nonzero to stop the run. */
typedef int (*dyad_sink_fn)(void *user, dyad_doc *doc, dyad_status status, const dyad_error *err);

typedef struct dyad_run_opts {
    dyad_format format;     /* AUTO: from each file name */
    dyad_stage upto;
    int threads;            /* 0: number of cores */
    size_t batch;           /* documents per batch (0: 64) */
} dyad_run_opts;

typedef struct dyad_run_stats {
    size_t inputs, inputs_failed, docs, docs_failed, sentences, tokens, events;
} dyad_run_stats;

/* Read every input, process documents in parallel, hand them to sink in order. */
dyad_status dyad_run(const dyad_engine *e, const char *const *inputs, size_t ninputs,
                     const dyad_run_opts *opts, dyad_sink_fn sink, void *user,
                     dyad_run_stats *stats);

/* ---- writers (one line or block per document) ------------------------- */
dyad_status dyad_write_extract_jsonl(FILE *out, const dyad_doc *doc);
dyad_status dyad_write_conllu(FILE *out, const dyad_doc *doc);
dyad_status dyad_write_events(FILE *out, const dyad_doc *doc, const char *format /* jsonl|tsv|gdelt */);
/* GDELT Mentions-style rows (sentence ids and character offsets) */
dyad_status dyad_write_gdelt_mentions(FILE *out, const dyad_doc *doc);

/* ---- ontology --------------------------------------------------------- */
typedef struct dyad_cameo_info {
    const char *code, *label, *root;
    double goldstein;
    int quad;
    const char *plover_type, *plover_mode;
} dyad_cameo_info;
const dyad_cameo_info *dyad_cameo_lookup(const char *code); /* NULL if unknown */

/* ---- store (SQLite) --------------------------------------------------- */
typedef struct dyad_store dyad_store;
dyad_store *dyad_store_open(const char *path, dyad_error *err);
void dyad_store_close(dyad_store *s);
/* Add processed documents as one transaction. A document whose content hash
 * is already stored is skipped (*added counts the new ones). */
dyad_status dyad_store_add(dyad_store *s, dyad_doc *const *docs, size_t ndocs,
                           size_t *added, dyad_error *err);
/* Canned reports: "summary", "roots", "dyads", "actors", "timeline", "documents" */
dyad_status dyad_store_report(dyad_store *s, const char *name, FILE *out, dyad_error *err);
/* Any read-only SQL; rows printed as TSV with a header */
dyad_status dyad_store_sql(dyad_store *s, const char *sql, FILE *out, dyad_error *err);

/* ---- training and evaluation ------------------------------------------ */
typedef struct dyad_train_opts {
    const char *what;       /* "tagger", "parser", "lemmatizer", "all", "dicts" */
    const char *train;      /* training file (CoNLL-U) */
    const char *dev;        /* development file */
    const char *unlabeled;  /* optional raw text for clusters */
    const char *const *texts; /* "clusters" (or before "all"/"tagger"): unlabeled text files */
    int ntexts;
    const char *out;        /* output directory or file */
    const char *dicts;      /* for "dicts": source path */
    const char *dict_format;
    int iterations;         /* 0: the trainer's default */
    int beam;               /* parser: beam width to train and parse with (0: the default, greedy) */
    unsigned seed;
} dyad_train_opts;
dyad_status dyad_train(const dyad_train_opts *o, FILE *log, dyad_error *err);

typedef struct dyad_eval_opts {
    const char *what;   /* "parse", "segment", "extract", "suite", "plover" */
    const char *gold;   /* gold file (CoNLL-U, records XML, TSV, ground-truth JSON) */
    const char *aux;    /* e.g. the HTML directory for "extract" */
    int check;          /* return DYAD_ETARGET when a score is more than 0.5 under target */
    const char *pred_out; /* optional: write predictions here */
} dyad_eval_opts;
dyad_status dyad_eval(const dyad_engine *e, const dyad_eval_opts *o, FILE *out, dyad_error *err);

#ifdef __cplusplus
}
#endif
#endif

/* dyad.c - the command-line front end. It parses arguments and calls libdyad;
 * no pipeline logic lives here. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "dyad.h"

static const char *prog = "dyad";

static void usage_main(FILE *f) {
    fprintf(f,
            "dyad %s - political event data from news text\n\n"
            "usage: dyad <command> [options] [FILE...]   (FILE '-' is stdin)\n\n"
            "commands:\n"
            "  extract   main text and metadata of each input (JSONL)\n"
            "  parse     sentences, tokens, tags, lemmas, dependency parse (CoNLL-U)\n"
            "  code      coded events (JSONL, TSV, GDELT)\n"
            "  ingest    code and store in an SQLite database (idempotent)\n"
            "  query     reports and SQL over a database\n"
            "  train     train models or compile dictionaries\n"
            "  eval      score against gold data\n\n"
            "'dyad <command> --help' shows options and an example.\n",
            DYAD_VERSION);
}

/* Options shared by the commands; each command accepts the subset it documents. */
typedef struct cli {
    const char *input_format, *format, *date, *dicts, *dict_format, *models, *db, *sql, *report;
    const char *train, *dev, *out, *unlabeled, *aux, *pred_out, *mentions;
    int threads, iterations, beam, check, help, monadic;
    const char *texts[32];
    int ntexts;
    char **files;
    int nfiles;
} cli;

enum { O_INPUT_FORMAT = 256, O_FORMAT, O_DATE, O_DICTS, O_DICT_FORMAT, O_MODELS, O_DB, O_SQL,
       O_THREADS, O_TRAIN, O_DEV, O_OUT, O_ITER, O_UNLABELED, O_CHECK, O_AUX, O_PRED, O_REPORT,
       O_MENTIONS, O_TEXT, O_BEAM, O_MONADIC };

static const struct option long_opts[] = {
    {"input-format", required_argument, 0, O_INPUT_FORMAT},
    {"format", required_argument, 0, O_FORMAT},
    {"date", required_argument, 0, O_DATE},
    {"dicts", required_argument, 0, O_DICTS},
    {"dict-format", required_argument, 0, O_DICT_FORMAT},
    {"models", required_argument, 0, O_MODELS},
    {"db", required_argument, 0, O_DB},
    {"sql", required_argument, 0, O_SQL},
    {"report", required_argument, 0, O_REPORT},
    {"threads", required_argument, 0, O_THREADS},
    {"train", required_argument, 0, O_TRAIN},
    {"dev", required_argument, 0, O_DEV},
    {"out", required_argument, 0, O_OUT},
    {"iterations", required_argument, 0, O_ITER},
    {"beam", required_argument, 0, O_BEAM},
    {"monadic", no_argument, 0, O_MONADIC},
    {"unlabeled", required_argument, 0, O_UNLABELED},
    {"text", required_argument, 0, O_TEXT},
    {"check", no_argument, 0, O_CHECK},
    {"html-dir", required_argument, 0, O_AUX},
    {"pred", required_argument, 0, O_PRED},
    {"mentions", required_argument, 0, O_MENTIONS},
    {"help", no_argument, 0, 'h'},
    {0, 0, 0, 0},
};

static int parse_int(const char *opt, const char *v, int lo, int hi, int *out) {
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno || *end || n < lo || n > hi) {
        fprintf(stderr, "%s: --%s must be a number from %d to %d, not '%s'\n", prog, opt, lo, hi, v);
        return -1;
    }
    *out = (int)n;
    return 0;
}

static int parse_args(int argc, char **argv, cli *c) {
    memset(c, 0, sizeof *c);
    optind = 1;
    int ch;
    while ((ch = getopt_long(argc, argv, "ho:", long_opts, NULL)) != -1) {
        switch (ch) {
        case O_INPUT_FORMAT: c->input_format = optarg; break;
        case O_FORMAT: c->format = optarg; break;
        case O_DATE: c->date = optarg; break;
        case O_DICTS: c->dicts = optarg; break;
        case O_DICT_FORMAT: c->dict_format = optarg; break;
        case O_MODELS: c->models = optarg; break;
        case O_DB: c->db = optarg; break;
        case O_SQL: c->sql = optarg; break;
        case O_REPORT: c->report = optarg; break;
        case O_THREADS: if (parse_int("threads", optarg, 1, 256, &c->threads)) return -1; break;
        case O_TRAIN: c->train = optarg; break;
        case O_DEV: c->dev = optarg; break;
        case 'o':
        case O_OUT: c->out = optarg; break;
        case O_ITER: if (parse_int("iterations", optarg, 1, 1000, &c->iterations)) return -1; break;
        case O_BEAM: if (parse_int("beam", optarg, 1, 64, &c->beam)) return -1; break;
        case O_MONADIC: c->monadic = 1; break;
        case O_UNLABELED: c->unlabeled = optarg; break;
        case O_TEXT:
            if (c->ntexts == 32) {
                fprintf(stderr, "%s: at most 32 --text files\n", prog);
                return -1;
            }
            c->texts[c->ntexts++] = optarg;
            break;
        case O_CHECK: c->check = 1; break;
        case O_AUX: c->aux = optarg; break;
        case O_PRED: c->pred_out = optarg; break;
        case O_MENTIONS: c->mentions = optarg; break;
        case 'h': c->help = 1; break;
        default: return -1;
        }
    }
    c->files = argv + optind;
    c->nfiles = argc - optind;
    return 0;
}

static void print_error(const dyad_error *err) {
    char buf[1024];
    fprintf(stderr, "%s: error: %s\n", prog, dyad_error_format(err, buf, sizeof buf));
}

static int check_choice(const char *opt, const char *v, const char *const *choices) {
    if (!v) return 0;
    for (int i = 0; choices[i]; i++)
        if (!strcmp(v, choices[i])) return 0;
    fprintf(stderr, "%s: --%s '%s' is not one of:", prog, opt, v);
    for (int i = 0; choices[i]; i++) fprintf(stderr, " %s", choices[i]);
    fputc('\n', stderr);
    return -1;
}

static const char *const input_formats[] = {"auto", "text", "html", "jsonl", "warc", "conllu", "petrxml", "tabari", NULL};
static const char *const dict_formats[] = {"dyad", "petrarch", "tabari", NULL};

/* ---- the document commands: extract, parse, code, ingest ---------------- */
typedef enum { CMD_EXTRACT, CMD_PARSE, CMD_CODE, CMD_INGEST } doc_cmd;

typedef struct sink_ctx {
    doc_cmd cmd;
    const char *format;
    FILE *out, *mentions;
    dyad_store *store;
    dyad_doc **pending;       /* ingest: documents kept until the batch is stored */
    size_t npending, added;
    int failed;
} sink_ctx;

static int flush_store(sink_ctx *s) {
    if (!s->store || !s->npending) return 0;
    dyad_error err;
    dyad_error_clear(&err);
    size_t added = 0;
    if (dyad_store_add(s->store, s->pending, s->npending, &added, &err) != DYAD_OK) {
        print_error(&err);
        s->failed = 1;
    }
    s->added += added;
    for (size_t i = 0; i < s->npending; i++) dyad_doc_free(s->pending[i]);
    s->npending = 0;
    return 0;
}

/* Documents of a batch come one by one; ingest copies them out so the batch can
 * be written in one transaction. */
static dyad_doc *doc_steal(dyad_doc *doc) {
    dyad_doc *copy = dyad_doc_new();
    if (!copy) return NULL;
    dyad_arena *a = copy->arena;
    *copy = *doc;        /* take doc's arena and contents */
    doc->arena = a;      /* give doc the fresh arena */
    dyad_doc_reset(doc);
    /* the input name may belong to a reader that closes before the flush */
    if (copy->input) copy->input = dyad_doc_strdup(copy, copy->input);
    return copy;
}

static int on_doc(void *user, dyad_doc *doc, dyad_status st, const dyad_error *err) {
    sink_ctx *s = user;
    if (st != DYAD_OK) {
        print_error(err);
        s->failed = 1;
        return 0;
    }
    switch (s->cmd) {
    case CMD_EXTRACT: dyad_write_extract_jsonl(s->out, doc); break;
    case CMD_PARSE: dyad_write_conllu(s->out, doc); break;
    case CMD_CODE:
        dyad_write_events(s->out, doc, s->format);
        if (s->mentions) dyad_write_gdelt_mentions(s->mentions, doc);
        break;
    case CMD_INGEST: {
        dyad_doc *copy = doc_steal(doc);
        if (!copy) return 1;
        s->pending[s->npending++] = copy;
        if (s->npending == 64) flush_store(s);
        break;
    }
    }
    return 0;
}

static const char *help_extract =
    "usage: dyad extract [--input-format F] [--format jsonl] FILE...\n"
    "Prints the main text of each input document: {\"file\",\"title\",\"date\",\"url\",\"text\"}.\n"
    "  --input-format text|html|warc|jsonl   (default: from the file name)\n"
    "  --threads N                           worker threads (default: cores)\n"
    "example: dyad extract examples/html/*.html\n";
static const char *help_parse =
    "usage: dyad parse [--input-format text|conllu|...] [--models DIR] FILE...\n"
    "Writes CoNLL-U: sentences, tokens with SpaceAfter=No, UPOS, XPOS, lemma, head, relation.\n"
    "  --input-format conllu keeps the given tokens and predicts the rest.\n"
    "example: dyad parse examples/text/01-aukus.txt\n";
static const char *help_code =
    "usage: dyad code [options] FILE...\n"
    "Codes events (who did what to whom) from news text.\n"
    "  --input-format text|html|jsonl|warc|petrxml|tabari  (default: from the file name)\n"
    "  --date YYYY-MM-DD         date of documents that carry none\n"
    "  --dicts PATH              dictionaries (default: dyad's own, dicts/)\n"
    "  --dict-format dyad|petrarch|tabari\n"
    "  --format jsonl|tsv|gdelt  (default jsonl)\n"
    "  --mentions FILE           with --format gdelt: write Mentions rows there\n"
    "  --monadic                 with dyad's dictionaries, also one-sided events (no target);\n"
    "                            by default an event needs a target, as PETRARCH's require_dyad\n"
    "  --threads N\n"
    "example: dyad code --date 2024-04-08 examples/text/01-aukus.txt\n";
static const char *help_ingest =
    "usage: dyad ingest --db PATH [code options] FILE...\n"
    "Codes the inputs and stores documents and events in SQLite. Running it twice\n"
    "on the same input adds nothing; an interrupted run is completed by the next.\n"
    "example: dyad ingest --db news.db examples/jsonl/articles.jsonl\n";

static int cmd_docs(doc_cmd cmd, int argc, char **argv) {
    cli c;
    const char *help = cmd == CMD_EXTRACT ? help_extract : cmd == CMD_PARSE ? help_parse
                     : cmd == CMD_CODE ? help_code : help_ingest;
    if (parse_args(argc, argv, &c)) { fputs(help, stderr); return 2; }
    if (c.help) { fputs(help, stdout); return 0; }
    static const char *const out_extract[] = {"jsonl", NULL};
    static const char *const out_events[] = {"jsonl", "tsv", "gdelt", NULL};
    static const char *const out_parse[] = {"conllu", NULL};
    if (check_choice("input-format", c.input_format, input_formats) ||
        check_choice("dict-format", c.dict_format, dict_formats) ||
        check_choice("format", c.format, cmd == CMD_EXTRACT ? out_extract : cmd == CMD_PARSE ? out_parse : out_events))
        return 2;
    if (c.nfiles == 0) {
        fprintf(stderr, "%s: no input files (use - for stdin)\n%s", prog, help);
        return 2;
    }
    if (cmd == CMD_INGEST && !c.db) {
        fprintf(stderr, "%s: ingest needs --db PATH\n", prog);
        return 2;
    }
    if (c.mentions && (!c.format || strcmp(c.format, "gdelt"))) {
        fprintf(stderr, "%s: --mentions goes with --format gdelt\n", prog);
        return 2;
    }
    dyad_error err;
    dyad_error_clear(&err);
    dyad_engine_opts eo = {0};
    eo.models_dir = c.models;
    eo.dicts_path = c.dicts;
    eo.dict_format = c.dict_format;
    eo.default_date = c.date;
    eo.monadic = c.monadic;
    eo.want_models = cmd != CMD_EXTRACT;
    eo.want_dicts = cmd == CMD_CODE || cmd == CMD_INGEST;
    dyad_engine *e = dyad_engine_open(&eo, &err);
    if (!e) { print_error(&err); return 1; }
    const char *notes = dyad_engine_notes(e);
    if (notes[0]) fprintf(stderr, "%s: note: %s\n", prog, notes);

    sink_ctx s = {0};
    s.cmd = cmd;
    s.format = c.format ? c.format : "jsonl";
    s.out = stdout;
    if (c.mentions && !(s.mentions = fopen(c.mentions, "w"))) {
        fprintf(stderr, "%s: cannot write %s: %s\n", prog, c.mentions, strerror(errno));
        dyad_engine_close(e);
        return 1;
    }
    if (cmd == CMD_INGEST) {
        s.store = dyad_store_open(c.db, &err);
        if (!s.store) { print_error(&err); dyad_engine_close(e); return 1; }
        s.pending = calloc(64, sizeof *s.pending);
    }
    if (cmd == CMD_CODE && !strcmp(s.format, "tsv")) dyad_write_events(stdout, NULL, "tsv-header");
    dyad_run_opts ro = {0};
    ro.format = c.input_format ? dyad_format_from_name(c.input_format) : DYAD_FMT_AUTO;
    ro.threads = c.threads;
    ro.upto = cmd == CMD_EXTRACT ? DYAD_STAGE_CLEAN : cmd == CMD_PARSE ? DYAD_STAGE_PARSE : DYAD_STAGE_CODE;
    dyad_run_stats stats;
    dyad_run(e, (const char *const *)c.files, (size_t)c.nfiles, &ro, on_doc, &s, &stats);
    flush_store(&s);
    if (cmd == CMD_INGEST) {
        fprintf(stderr, "%s: %zu documents read, %zu new stored, %zu failed, %zu events\n", prog,
                stats.docs, s.added, stats.docs_failed, stats.events);
        free(s.pending);
        dyad_store_close(s.store);
    }
    if (s.mentions) fclose(s.mentions);
    fflush(stdout);
    dyad_engine_close(e);
    return (s.failed || stats.docs_failed || stats.inputs_failed) ? 1 : 0;
}

/* ---- query ------------------------------------------------------------- */
static int cmd_query(int argc, char **argv) {
    const char *help =
        "usage: dyad query --db PATH [--report NAME | --sql \"SELECT ...\"]\n"
        "Reports: summary (default), roots, dyads, actors, timeline, documents.\n"
        "example: dyad query --db demo.db --report dyads\n"
        "         dyad query --db demo.db --sql \"SELECT source,target,code FROM events LIMIT 5\"\n";
    cli c;
    if (parse_args(argc, argv, &c)) { fputs(help, stderr); return 2; }
    if (c.help) { fputs(help, stdout); return 0; }
    if (!c.db) { fprintf(stderr, "%s: query needs --db PATH\n%s", prog, help); return 2; }
    if (c.sql && c.report) { fprintf(stderr, "%s: give --report or --sql, not both\n", prog); return 2; }
    if (access(c.db, F_OK) != 0) { /* a typo must not create an empty database */
        fprintf(stderr, "%s: error: %s: no such database (create it with dyad ingest --db)\n", prog, c.db);
        return 1;
    }
    dyad_error err;
    dyad_error_clear(&err);
    dyad_store *s = dyad_store_open(c.db, &err);
    if (!s) { print_error(&err); return 1; }
    dyad_status st = c.sql ? dyad_store_sql(s, c.sql, stdout, &err)
                           : dyad_store_report(s, c.report ? c.report : "summary", stdout, &err);
    if (st != DYAD_OK) print_error(&err);
    dyad_store_close(s);
    return st == DYAD_OK ? 0 : 1;
}

/* ---- train and eval ---------------------------------------------------- */
static int cmd_train(int argc, char **argv) {
    const char *help =
        "usage: dyad train tagger|parser|lemmatizer|all --train F.conllu --dev F.conllu --out DIR\n"
        "                  [--iterations N] [--beam K] [--text TEXT...]\n"
        "       dyad train clusters --text TEXT... --out DIR/clusters.dyad\n"
        "       dyad train dicts --dicts DIR [--dict-format F] --out FILE\n"
        "  --text F   unlabeled text (CoNLL-U forms, WordNet data.* glosses or plain text)\n"
        "             for Brown word clusters; with tagger/all they are learned first,\n"
        "             into DIR/clusters.dyad, and the tagger uses them\n"
        "  --beam K   parser: train and parse with a beam of K (saved in the model; default 1, greedy)\n"
        "example: dyad train all --train ud/en_ewt-ud-train.conllu --dev ud/en_ewt-ud-dev.conllu --out models\n";
    cli c;
    if (parse_args(argc, argv, &c)) { fputs(help, stderr); return 2; }
    if (c.help) { fputs(help, stdout); return 0; }
    if (c.nfiles < 1) { fputs(help, stderr); return 2; }
    /* "--text a b c": the words after the first file are text files too */
    for (int i = 1; i < c.nfiles; i++) {
        if (!c.ntexts || c.ntexts == 32) { fputs(help, stderr); return 2; }
        c.texts[c.ntexts++] = c.files[i];
    }
    dyad_train_opts o = {0};
    o.what = c.files[0];
    o.train = c.train;
    o.dev = c.dev;
    o.out = c.out;
    o.unlabeled = c.unlabeled;
    o.texts = c.texts;
    o.ntexts = c.ntexts;
    o.dicts = c.dicts;
    o.dict_format = c.dict_format;
    o.iterations = c.iterations;
    o.beam = c.beam;
    dyad_error err;
    dyad_error_clear(&err);
    if (dyad_train(&o, stderr, &err) != DYAD_OK) { print_error(&err); return 1; }
    return 0;
}

static int cmd_eval(int argc, char **argv) {
    const char *help =
        "usage: dyad eval parse GOLD.conllu         UPOS, XPOS, lemma, UAS, LAS (gold tokens)\n"
        "       dyad eval segment GOLD.conllu       tokens and sentences from the raw text\n"
        "       dyad eval extract GROUND.json --html-dir DIR   article-body F1\n"
        "       dyad eval suite RECORDS.xml [--dicts DIR --dict-format petrarch|tabari]\n"
        "       dyad eval plover FILE (PLOVER_GSR_CAMEO.json or PLV_train.tsv)\n"
        "  --check     exit nonzero when a score is more than 0.5 under its target\n"
        "  --pred F    also write the predictions to F\n"
        "  --monadic   (plover) also count events with no target, as dyad code --monadic writes them\n"
        "example: dyad eval parse ../data/ud-ewt/en_ewt-ud-test.conllu\n";
    cli c;
    if (parse_args(argc, argv, &c)) { fputs(help, stderr); return 2; }
    if (c.help) { fputs(help, stdout); return 0; }
    if (c.nfiles != 2) { fputs(help, stderr); return 2; }
    dyad_error err;
    dyad_error_clear(&err);
    dyad_engine_opts eo = {0};
    eo.models_dir = c.models;
    eo.dicts_path = c.dicts;
    eo.dict_format = c.dict_format;
    eo.default_date = c.date;
    eo.monadic = c.monadic;
    eo.want_models = strcmp(c.files[0], "extract") != 0;
    eo.want_dicts = !strcmp(c.files[0], "suite") || !strcmp(c.files[0], "plover");
    dyad_engine *e = dyad_engine_open(&eo, &err);
    if (!e) { print_error(&err); return 1; }
    dyad_eval_opts o = {0};
    o.what = c.files[0];
    o.gold = c.files[1];
    o.aux = c.aux;
    o.check = c.check;
    o.pred_out = c.pred_out;
    dyad_status st = dyad_eval(e, &o, stdout, &err);
    if (st != DYAD_OK) print_error(&err);
    dyad_engine_close(e);
    return st == DYAD_OK ? 0 : 1;
}

int main(int argc, char **argv) {
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage_main(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    if (!strcmp(argv[1], "--version")) { printf("dyad %s\n", DYAD_VERSION); return 0; }
    const char *cmd = argv[1];
    argc--;
    argv++;
    if (!strcmp(cmd, "extract")) return cmd_docs(CMD_EXTRACT, argc, argv);
    if (!strcmp(cmd, "parse")) return cmd_docs(CMD_PARSE, argc, argv);
    if (!strcmp(cmd, "code")) return cmd_docs(CMD_CODE, argc, argv);
    if (!strcmp(cmd, "ingest")) return cmd_docs(CMD_INGEST, argc, argv);
    if (!strcmp(cmd, "query")) return cmd_query(argc, argv);
    if (!strcmp(cmd, "train")) return cmd_train(argc, argv);
    if (!strcmp(cmd, "eval")) return cmd_eval(argc, argv);
    fprintf(stderr, "%s: unknown command '%s'\n\n", prog, cmd);
    usage_main(stderr);
    return 2;
}

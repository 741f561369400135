/* eval_suite.c - `dyad eval suite RECORDS`: the field's validation suites
 * (UD-PETRARCH and PETRARCH XML records, TABARI text records). Each record is
 * read by the readers, run through the pipeline, coded with the suite's own
 * dictionaries, and its events compared with the expected codings as
 * multisets of (source, target, code) - the same scoring as suite_score.py.
 * Prints overall, per-category and <Include>-restricted figures. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "base/arena.h"
#include "base/util.h"
#include "code.h"
#include "core/engine.h"
#include "dict.h"
#include "io/reader.h"

enum { MAX_CATEGORIES = 64 };

typedef struct tally { char name[32]; size_t records, exact, correct, missed, extra; } tally;

typedef struct suite_run {
    tally all, included, cat[MAX_CATEGORIES];
    size_t ncat, skipped, parse_from_records, parse_from_dyad, unparsed;
    char include[512];   /* " DEMO ACTOR ... ": the records file's <Include> */
    FILE *detail;        /* DYAD_SUITE_DETAIL set: each record that is not exact, for development */
} suite_run;

static tally *category(suite_run *s, const char *name) {
    if (!name || !*name) name = "(none)";
    for (size_t i = 0; i < s->ncat; i++)
        if (!strcmp(s->cat[i].name, name)) return &s->cat[i];
    if (s->ncat == MAX_CATEGORIES) return &s->cat[MAX_CATEGORIES - 1];
    tally *t = &s->cat[s->ncat++];
    memset(t, 0, sizeof *t);
    snprintf(t->name, sizeof t->name, "%s", name);
    return t;
}

static int included(const suite_run *s, const char *cat) {
    if (!s->include[0] || !cat) return 0;
    char key[64];
    snprintf(key, sizeof key, " %s ", cat);
    return strstr(s->include, key) != NULL;
}

/* Tokens and sentences from a record's own CoNLL-U <Parse>, aligned to the text. */
static int tokens_from_parse(dyad_doc *doc, const char *parse) {
    size_t cursor = 0;
    dyad_sentence *sent = NULL;
    const char *p = parse;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        char line[2048];
        snprintf(line, sizeof line, "%.*s", (int)(n < sizeof line - 1 ? n : sizeof line - 1), p);
        p = nl ? nl + 1 : p + n;
        char *col[10] = {0};
        int nc = 0;
        char *save = NULL;
        for (char *f = strtok_r(line, "\t", &save); f && nc < 10; f = strtok_r(NULL, "\t", &save)) col[nc++] = f;
        while (nc && isspace((unsigned char)col[0][0])) col[0]++;
        if (nc < 8 || !isdigit((unsigned char)col[0][0]) || strchr(col[0], '-') || strchr(col[0], '.')) {
            if (n == 0 || (nc == 1 && !col[0][0])) sent = NULL;
            continue;
        }
        if (!strcmp(col[0], "1") || !sent) {
            sent = dyad_doc_add_sentence(doc);
            if (!sent) return -1;
            sent->first_token = (uint32_t)doc->ntokens;
        }
        dyad_token *t = dyad_doc_add_token(doc);
        if (!t) return -1;
        size_t fl = strlen(col[1]);
        const char *hit = doc->text ? strstr(doc->text + cursor, col[1]) : NULL;
        if (hit && (size_t)(hit - doc->text) - cursor < 200) {
            t->off = (uint32_t)(hit - doc->text);
            t->len = (uint32_t)fl;
            cursor = t->off + fl;
        } else {
            t->off = (uint32_t)cursor;
            t->len = 0;
        }
        t->form = arena_strdup(doc->arena, col[1]);
        t->lemma = arena_strdup(doc->arena, col[2]);
        t->upos = arena_strdup(doc->arena, col[3]);
        t->xpos = arena_strdup(doc->arena, col[4]);
        t->head = atoi(col[6]);
        t->deprel = arena_strdup(doc->arena, col[7]);
        if (!sent->ntokens) sent->off = t->off;
        sent->ntokens++;
        sent->len = t->off + t->len - sent->off;
    }
    return 0;
}

/* multiset comparison of expected and produced (source, target, code) */
static void score(suite_run *s, const dyad_doc *doc, const dy_record *rec) {
    size_t ne = rec->nexpected, ng = doc->nevents;
    uint8_t used_g[256] = {0};
    size_t correct = 0;
    for (size_t i = 0; i < ne; i++) {
        const dy_expected *x = &rec->expected[i];
        for (size_t j = 0; j < ng && j < 256; j++) {
            const dyad_event *e = &doc->events[j];
            if (used_g[j]) continue;
            if (!strcmp(x->source ? x->source : "", e->source) && !strcmp(x->target ? x->target : "", e->target) &&
                !strcmp(x->code ? x->code : "", e->code)) {
                used_g[j] = 1;
                correct++;
                break;
            }
        }
    }
    size_t missed = ne - correct, extra = ng - correct;
    if (s->detail && (missed || extra)) {
        fprintf(s->detail, "record %s (%s):", doc->id ? doc->id : "-", rec->category ? rec->category : "");
        for (size_t i = 0; i < ne; i++)
            fprintf(s->detail, " want %s>%s:%s", rec->expected[i].source ? rec->expected[i].source : "",
                    rec->expected[i].target ? rec->expected[i].target : "", rec->expected[i].code ? rec->expected[i].code : "");
        for (size_t j = 0; j < ng; j++)
            fprintf(s->detail, " got %s>%s:%s", doc->events[j].source, doc->events[j].target, doc->events[j].code);
        fprintf(s->detail, " | %.*s\n", (int)(doc->text_len > 300 ? 300 : doc->text_len), doc->text ? doc->text : "");
    }
    tally *ts[3] = {&s->all, category(s, rec->category), included(s, rec->category) ? &s->included : NULL};
    for (int k = 0; k < 3; k++) {
        if (!ts[k]) continue;
        ts[k]->records++;
        ts[k]->exact += !missed && !extra;
        ts[k]->correct += correct;
        ts[k]->missed += missed;
        ts[k]->extra += extra;
    }
}

static void print_tally(FILE *out, const char *label, const tally *t) {
    double r = t->correct + t->missed ? 100.0 * t->correct / (t->correct + t->missed) : 0;
    double p = t->correct + t->extra ? 100.0 * t->correct / (t->correct + t->extra) : 0;
    fprintf(out, "%-10s records %4zu  exact %4zu (%5.1f%%)  correct %4zu  missed %4zu  extra %4zu  recall %5.1f  precision %5.1f\n",
            label, t->records, t->exact, t->records ? 100.0 * t->exact / t->records : 0, t->correct, t->missed,
            t->extra, r, p);
}

/* The suite's own dictionaries: named by the records file, or beside it. */
static dy_dicts *suite_dicts(const dyad_engine *e, const char *gold, dyad_format fmt, dyad_error *err) {
    (void)e;
    if (fmt == DYAD_FMT_TABARI) {
        char dir[1024];
        snprintf(dir, sizeof dir, "%s", gold);
        char *slash = strrchr(dir, '/');
        if (slash) *slash = 0;
        else snprintf(dir, sizeof dir, ".");
        return code_dicts_load(dir, "tabari", NULL, NULL, err);
    }
    return code_dicts_load(gold, "petrarch", NULL, NULL, err);
}

dyad_status code_eval_suite(const dyad_engine *e, const dyad_eval_opts *o, FILE *out, dyad_error *err) {
    dyad_format fmt = dyad_format_guess(o->gold);
    if (fmt != DYAD_FMT_TABARI) fmt = DYAD_FMT_PETRXML;
    const dy_dicts *engine_d = engine_dicts(e);
    dy_dicts *own = NULL;
    const dy_dicts *d = engine_d;
    /* the engine's dictionaries count only when they were asked for in a suite format */
    if (!d || !strcmp(d->format, "dyad")) {
        own = suite_dicts(e, o->gold, fmt, err);
        if (!own) return err->status ? err->status : DYAD_EDICT;
        d = own;
    }
    dy_reader *r = reader_open(o->gold, fmt, err);
    if (!r) {
        code_dicts_free(own);
        return err->status;
    }
    FILE *pred = NULL;
    if (o->pred_out && !(pred = fopen(o->pred_out, "w"))) {
        dyad_error_set(err, DYAD_EIO, o->pred_out, 0, -1, "cannot write predictions");
        reader_close(r);
        code_dicts_free(own);
        return DYAD_EIO;
    }
    suite_run *s = calloc(1, sizeof *s);
    if (s && getenv("DYAD_SUITE_DETAIL")) s->detail = stderr;
    dyad_doc *doc = dyad_doc_new();
    if (!s || !doc) {
        dyad_error_set(err, DYAD_ENOMEM, o->gold, 0, -1, "out of memory");
        free(s);
        dyad_doc_free(doc);
        reader_close(r);
        if (pred) fclose(pred);
        code_dicts_free(own);
        return DYAD_ENOMEM;
    }
    snprintf(s->all.name, sizeof s->all.name, "all");
    /* DYAD_SUITE_PARSE=records scores the coder on the records' own <Parse>
     * (where they have one) to tell coder errors from parser errors */
    const char *parse_env = getenv("DYAD_SUITE_PARSE");
    int use_parser = dyad_engine_has_parser(e) && !(parse_env && !strcmp(parse_env, "records"));
    dyad_status st = DYAD_OK;
    for (;;) {
        dyad_doc_reset(doc);
        dyad_error re;
        dyad_error_clear(&re);
        int rc = reader_next(r, doc, &re);
        if (rc == READ_END) break;
        if (rc == READ_FATAL) {
            *err = re;
            st = re.status ? re.status : DYAD_EFORMAT;
            break;
        }
        if (rc == READ_BAD_DOC) continue;
        const dy_record *rec = doc->extra;
        if (!rec || !rec->evaluate || rec->has_error) {
            s->skipped++;
            continue;
        }
        dyad_error pe;
        dyad_error_clear(&pe);
        if (use_parser) {
            if (dyad_process(e, doc, DYAD_STAGE_PARSE, &pe) == DYAD_OK) s->parse_from_dyad++;
        } else {
            dyad_process(e, doc, DYAD_STAGE_CLEAN, &pe);
            if (rec->parse && !tokens_from_parse(doc, rec->parse) && doc->ntokens) s->parse_from_records++;
            else if (dyad_engine_has_parser(e) && dyad_process(e, doc, DYAD_STAGE_PARSE, &pe) == DYAD_OK)
                s->parse_from_dyad++;
            else s->unparsed++;
        }
        if (rec->include && !s->include[0]) snprintf(s->include, sizeof s->include, "%s", rec->include);
        if (doc->ntokens) code_doc_with_options(d, doc, NULL, &pe);  /* <Config>, OPTION records */
        score(s, doc, rec);
        if (pred) dyad_write_events(pred, doc, "jsonl");
    }
    fprintf(out, "suite %s (dictionaries: %s; parse: %s)\n", o->gold, d == own ? "the suite's own" : "as given",
            use_parser || (s->parse_from_dyad && !s->parse_from_records) ? "dyad's parser"
            : s->parse_from_records && s->parse_from_dyad ? "the records' own <Parse>, else dyad's parser"
            : s->parse_from_records ? "the records' own <Parse>" : "none (no models, no <Parse>)");
    fprintf(out, "skipped %zu records (evaluate=\"false\" or error codings)\n", s->skipped);
    print_tally(out, "all", &s->all);
    if (s->include[0]) print_tally(out, "include", &s->included);
    for (size_t i = 0; i < s->ncat; i++) print_tally(out, s->cat[i].name, &s->cat[i]);
    if (st == DYAD_OK && o->check) {
        const tally *t = s->include[0] ? &s->included : &s->all;
        double target = fmt == DYAD_FMT_TABARI ? 85 : strstr(o->gold, "UnitTest") ? 90 : 95;
        double rcl = t->correct + t->missed ? 100.0 * t->correct / (t->correct + t->missed) : 0;
        double prc = t->correct + t->extra ? 100.0 * t->correct / (t->correct + t->extra) : 0;
        if (rcl < target - 0.5 || prc < target - 0.5) {
            dyad_error_set(err, DYAD_ETARGET, o->gold, 0, -1, "recall %.1f / precision %.1f under the target %.0f",
                           rcl, prc, target);
            st = DYAD_ETARGET;
        }
    }
    if (pred) fclose(pred);
    dyad_doc_free(doc);
    free(s);
    reader_close(r);
    code_dicts_free(own);
    return st;
}

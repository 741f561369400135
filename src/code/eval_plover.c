/* eval_plover.c - `dyad eval plover FILE`: dyad's own dictionaries against
 * PLOVER development sets (PLV_train.tsv rows with marked source, target and
 * gold type; PLOVER_GSR_CAMEO.json records). A gold row is found when an event
 * of its sentence has source text sharing a word with the gold source and
 * target text sharing a word with the gold target (a gold event with no target,
 * GSR's "X resigned", constrains the source only); it is correct when that
 * event's PLOVER type is the gold type (CONCEDE and RETREAT count as YIELD).
 * The same matching as plover_score.py; figures per type too.
 * Precision is over the events that carry a PLOVER type: CAMEO roots 01
 * (public statement) and 02 (appeal) have none, so a PLOVER user never sees
 * them. The precision over all events is printed beside it.
 * With DYAD_PLOVER_DETAIL=1 in the environment every row and every typed event
 * is listed (one line each, tab-separated, after the tables, with the gold row's
 * number, 1-based; an event carries its sentence's first row), so errors can be
 * sorted by class: a missed row, a found pair with the wrong type, an event no
 * gold row asked for (FALSE) or one a row used (HIT). */
#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include "base/arena.h"
#include "base/util.h"
#include "code.h"

enum { MAX_TYPES = 32 };

typedef struct gold_row { char *sentence, *source, *target, *type; } gold_row;
typedef struct type_tally { char name[24]; size_t rows, found, correct, events, events_used; } type_tally;

typedef struct plover_set {
    gold_row *rows;
    size_t n, cap;
} plover_set;

static int add_row(plover_set *s, const char *sent, const char *src, const char *tgt, const char *type) {
    if (s->n == s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 256;
        gold_row *p = realloc(s->rows, nc * sizeof *p);
        if (!p) return -1;
        s->rows = p;
        s->cap = nc;
    }
    gold_row *r = &s->rows[s->n++];
    r->sentence = strdup(sent);
    r->source = strdup(src);
    r->target = strdup(tgt);
    r->type = strdup(type);
    return r->sentence && r->source && r->target && r->type ? 0 : -1;
}

static void free_set(plover_set *s) {
    for (size_t i = 0; i < s->n; i++) {
        free(s->rows[i].sentence);
        free(s->rows[i].source);
        free(s->rows[i].target);
        free(s->rows[i].type);
    }
    free(s->rows);
}

/* Gold and produced types compared on the current PLOVER types. CONCEDE and
 * RETREAT count as YIELD (as the scorer does). PLOVER_GSR_CAMEO.json was coded
 * with PLOVER's older type names, renamed or merged since (the current modes
 * say where each went):
 *   DISAPPROVE  -> ACCUSE  (mode "disapprove")
 *   INVESTIGATE -> ACCUSE  (mode "investigate")
 *   DEMAND      -> REQUEST (demands and requests are one type now)
 *   FIGHT       -> ASSAULT (CAMEO 19, conventional military force, maps to ASSAULT) */
static const char *norm_type(const char *t) {
    static const char *const renamed[][2] = {{"CONCEDE", "YIELD"},      {"RETREAT", "YIELD"},
                                             {"DISAPPROVE", "ACCUSE"},  {"INVESTIGATE", "ACCUSE"},
                                             {"DEMAND", "REQUEST"},     {"FIGHT", "ASSAULT"}};
    if (!t) return "";
    for (size_t i = 0; i < sizeof renamed / sizeof renamed[0]; i++)
        if (!strcmp(t, renamed[i][0])) return renamed[i][1];
    return t;
}

/* Split a TSV line into fields in place (no quoting in these files). */
static size_t tsv_fields(char *line, char **f, size_t cap) {
    size_t n = 0;
    char *p = line;
    while (n < cap) {
        f[n++] = p;
        char *tab = strchr(p, '\t');
        if (!tab) break;
        *tab = 0;
        p = tab + 1;
    }
    return n;
}

static int load_tsv(const char *path, plover_set *s, dyad_error *err) {
    size_t len;
    char *text = file_read_all(path, &len, (size_t)1 << 30, err);
    if (!text) return -1;
    char *save = NULL;
    char *line = strtok_r(text, "\n", &save);
    if (!line) {
        free(text);
        dyad_error_set(err, DYAD_EFORMAT, path, 1, 0, "empty file");
        return -1;
    }
    char *hdr[64];
    size_t nh = tsv_fields(line, hdr, 64);
    int c_sent = -1, c_src = -1, c_tgt = -1, c_type = -1;
    for (size_t i = 0; i < nh; i++) {
        char *h = hdr[i];
        h[strcspn(h, "\r")] = 0;
        if (!strcmp(h, "sentence")) c_sent = (int)i;
        else if (!strcmp(h, "source")) c_src = (int)i;
        else if (!strcmp(h, "target")) c_tgt = (int)i;
        else if (!strcmp(h, "gold_root")) c_type = (int)i;
    }
    if (c_sent < 0 || c_src < 0 || c_tgt < 0 || c_type < 0) {
        free(text);
        dyad_error_set(err, DYAD_EFORMAT, path, 1, 0, "need columns sentence, source, target, gold_root");
        return -1;
    }
    long lineno = 1;
    while ((line = strtok_r(NULL, "\n", &save))) {
        lineno++;
        char *f[64];
        size_t nf = tsv_fields(line, f, 64);
        int maxc = c_sent > c_src ? c_sent : c_src;
        if (c_tgt > maxc) maxc = c_tgt;
        if (c_type > maxc) maxc = c_type;
        if ((int)nf <= maxc) continue; /* a short row: not a gold row */
        f[c_type][strcspn(f[c_type], "\r")] = 0;
        if (add_row(s, f[c_sent], f[c_src], f[c_tgt], f[c_type])) {
            free(text);
            dyad_error_set(err, DYAD_ENOMEM, path, lineno, -1, "out of memory");
            return -1;
        }
    }
    free(text);
    return 0;
}

static void join_actor_texts(json_t *list, char *out, size_t cap) {
    out[0] = 0;
    size_t n = 0, i;
    json_t *a;
    if (!json_is_array(list)) return;
    json_array_foreach(list, i, a) {
        const char *t = json_string_value(json_object_get(a, "actorText"));
        if (t) n += (size_t)snprintf(out + n, n < cap ? cap - n : 0, "%s%s", n ? " " : "", t);
        if (n >= cap) break;
    }
}

static int load_json(const char *path, plover_set *s, dyad_error *err) {
    json_error_t je;
    json_t *root = json_load_file(path, 0, &je);
    if (!root || !json_is_array(root)) {
        dyad_error_set(err, DYAD_EFORMAT, path, je.line, je.position, "not a JSON array of records: %s", je.text);
        json_decref(root);
        return -1;
    }
    size_t i;
    json_t *rec;
    json_array_foreach(root, i, rec) {
        const char *text = json_string_value(json_object_get(rec, "text"));
        const char *type = json_string_value(json_object_get(rec, "event"));
        if (!text || !type || !strcmp(type, "DOCUMENT")) continue;
        char src[1024], tgt[1024];
        join_actor_texts(json_object_get(rec, "source"), src, sizeof src);
        join_actor_texts(json_object_get(rec, "target"), tgt, sizeof tgt);
        /* "(SRC/TAR: Hungarian) and (SRC/TAR: Romanian) officials agreed": a
         * compound actor is source and target at once; the record then lists
         * it under "source" only */
        const char *markup = json_string_value(json_object_get(json_object_get(rec, "textInfo"), "markup"));
        if (!tgt[0] && markup && strstr(markup, "SRC/TAR")) snprintf(tgt, sizeof tgt, "%s", src);
        if (add_row(s, text, src, tgt, norm_type(type))) {
            json_decref(root);
            dyad_error_set(err, DYAD_ENOMEM, path, 0, -1, "out of memory");
            return -1;
        }
    }
    json_decref(root);
    return 0;
}

/* Words as plover_score.py counts them: \w+ lower-cased, longer than 2 bytes */
static int next_word(const char **p, const char *end, char *w, size_t cap) {
    const char *s = *p;
    while (s < end && !(isalnum((unsigned char)*s) || *s == '_' || (unsigned char)*s >= 0x80)) s++;
    size_t n = 0;
    while (s < end && (isalnum((unsigned char)*s) || *s == '_' || (unsigned char)*s >= 0x80)) {
        if (n + 1 < cap) w[n++] = (char)tolower((unsigned char)*s);
        s++;
    }
    w[n] = 0;
    *p = s;
    return n > 0;
}

static int share_word(const char *a, size_t an, const char *b) {
    char wa[128], wb[128];
    const char *pa = a, *ea = a + an;
    while (next_word(&pa, ea, wa, sizeof wa)) {
        if (strlen(wa) <= 2) continue;
        const char *pb = b, *eb = b + strlen(b);
        while (next_word(&pb, eb, wb, sizeof wb))
            if (!strcmp(wa, wb)) return 1;
    }
    return 0;
}

/* Is the text empty or blank? */
static int is_blank(const char *s) {
    while (*s && isspace((unsigned char)*s)) s++;
    return !*s;
}

static type_tally *tally_for(type_tally *t, size_t *nt, const char *name) {
    for (size_t i = 0; i < *nt; i++)
        if (!strcmp(t[i].name, name)) return &t[i];
    if (*nt == MAX_TYPES) return &t[MAX_TYPES - 1];
    type_tally *x = &t[(*nt)++];
    memset(x, 0, sizeof *x);
    snprintf(x->name, sizeof x->name, "%s", name);
    return x;
}

static const char *span_text(const dyad_doc *d, dyad_span s, size_t *n) {
    if (!d->text || !s.len || (size_t)s.off + s.len > d->text_len) {
        *n = 0;
        return "";
    }
    *n = s.len;
    return d->text + s.off;
}

/* One event as "SOURCE[source text] -> TARGET[target text] CODE PLOVER modality rule (verb)". */
static void print_event(FILE *out, const dyad_doc *d, const dyad_event *ev) {
    size_t sn, tn, vn;
    const char *sx = span_text(d, ev->source_span, &sn), *tx = span_text(d, ev->target_span, &tn);
    const char *vx = span_text(d, ev->verb_span, &vn);
    fprintf(out, "%s[%.*s] -> %s[%.*s] %s %s %s {%s} (%.*s)", ev->source ? ev->source : "", (int)sn, sx,
            ev->target ? ev->target : "", (int)tn, tx, ev->code ? ev->code : "",
            ev->plover && ev->plover[0] ? ev->plover : "-", ev->modality ? ev->modality : "",
            ev->rule ? ev->rule : "", (int)vn, vx);
}

/* The detail lines of one sentence: each gold row as OK (right pair and
 * type), TYPE (pair found, type wrong) or MISS, with all the sentence's events;
 * then each typed event as HIT (a row used it) or FALSE (no row did). */
static void print_detail(FILE *out, const plover_set *set, size_t from, size_t to, const dyad_doc *d,
                         const int *row_status, const uint8_t *used, size_t ne) {
    static const char *const status_name[] = {"MISS", "TYPE", "OK"};
    for (size_t r = from; r < to; r++) {
        const gold_row *g = &set->rows[r];
        fprintf(out, "%s\t%zu\t%s\t%s\t%s\t%s\n", status_name[row_status[r - from]], r + 1, norm_type(g->type),
                g->source, g->target, g->sentence);
        for (size_t k = 0; k < ne; k++) {
            fputs("    ev ", out);
            print_event(out, d, &d->events[k]);
            fputc('\n', out);
        }
    }
    for (size_t k = 0; k < ne; k++) {
        if (!d->events[k].plover || !d->events[k].plover[0]) continue;
        fprintf(out, "%s\t%zu\t%s\t", used[k] ? "HIT" : "FALSE", from + 1, d->events[k].plover);
        print_event(out, d, &d->events[k]);
        fprintf(out, "\t%s\n", set->rows[from].sentence);
    }
}

dyad_status code_eval_plover(const dyad_engine *e, const dyad_eval_opts *o, FILE *out, dyad_error *err) {
    plover_set set = {0};
    size_t gl = strlen(o->gold);
    int is_json = gl > 5 && !strcmp(o->gold + gl - 5, ".json");
    if ((is_json ? load_json(o->gold, &set, err) : load_tsv(o->gold, &set, err))) {
        free_set(&set);
        return err->status ? err->status : DYAD_EFORMAT;
    }
    if (!dyad_engine_has_dicts(e)) {
        free_set(&set);
        dyad_error_set(err, DYAD_EDICT, o->gold, 0, -1, "no dictionaries loaded: nothing to code with (--dicts DIR)");
        return DYAD_EDICT;
    }
    FILE *pred = NULL;
    if (o->pred_out && !(pred = fopen(o->pred_out, "w"))) {
        free_set(&set);
        dyad_error_set(err, DYAD_EIO, o->pred_out, 0, -1, "cannot write predictions");
        return DYAD_EIO;
    }
    type_tally types[MAX_TYPES];
    size_t ntypes = 0;
    const char *detail_env = getenv("DYAD_PLOVER_DETAIL");
    int detail = detail_env && detail_env[0] && strcmp(detail_env, "0");
    FILE *detail_out = detail ? tmpfile() : NULL; /* printed after the tables */
    size_t found = 0, correct = 0, events = 0, used_events = 0, sentences = 0, dyadic = 0, dyadic_used = 0;
    size_t typed = 0, typed_used = 0; /* events with a PLOVER type */
    dyad_doc *doc = dyad_doc_new();
    dyad_status st = doc ? DYAD_OK : DYAD_ENOMEM;
    /* rows of one sentence are consecutive; each sentence is coded once */
    for (size_t i = 0; i < set.n && st == DYAD_OK;) {
        size_t j = i;
        while (j < set.n && !strcmp(set.rows[j].sentence, set.rows[i].sentence)) j++;
        dyad_doc_reset(doc);
        doc->input = o->gold;
        doc->input_line = (long)i + 2;
        doc->id = arena_printf(doc->arena, "plv-%zu", i + 1);
        doc->raw = arena_strdup(doc->arena, set.rows[i].sentence);
        doc->raw_len = strlen(set.rows[i].sentence);
        doc->content = DYAD_FMT_TEXT;
        dyad_error pe;
        dyad_error_clear(&pe);
        dyad_process(e, doc, DYAD_STAGE_CODE, &pe);
        sentences++;
        uint8_t used[512] = {0};
        int row_status[64] = {0};
        size_t ne = doc->nevents < 512 ? doc->nevents : 512;
        for (size_t r = i; r < j; r++) {
            const gold_row *g = &set.rows[r];
            type_tally *t = tally_for(types, &ntypes, norm_type(g->type));
            t->rows++;
            int cand = 0, ok = -1;
            for (size_t k = 0; k < ne; k++) {
                const dyad_event *ev = &doc->events[k];
                size_t sn, tn;
                const char *sx = span_text(doc, ev->source_span, &sn), *tx = span_text(doc, ev->target_span, &tn);
                /* a gold event without a target (GSR: "X resigned") constrains the source only */
                if (!share_word(sx, sn, g->source) || (!is_blank(g->target) && !share_word(tx, tn, g->target))) continue;
                cand = 1;
                if (ok < 0 && !strcmp(norm_type(ev->plover), norm_type(g->type))) ok = (int)k;
            }
            found += cand;
            t->found += cand;
            if (r - i < 64) row_status[r - i] = ok >= 0 ? 2 : cand;
            if (ok >= 0) {
                correct++;
                t->correct++;
                used[ok] = 1;
            }
        }
        for (size_t k = 0; k < ne; k++) {
            type_tally *t = tally_for(types, &ntypes, doc->events[k].plover && doc->events[k].plover[0]
                                                          ? norm_type(doc->events[k].plover) : "(none)");
            t->events++;
            t->events_used += used[k];
            used_events += used[k];
        }
        events += doc->nevents;
        for (size_t k = 0; k < ne; k++)
            if (doc->events[k].plover && doc->events[k].plover[0]) typed++, typed_used += used[k];
        for (size_t k = 0; k < ne; k++)
            if (doc->events[k].target_span.len) dyadic++, dyadic_used += used[k];
        if (pred) dyad_write_events(pred, doc, "jsonl");
        if (detail_out) print_detail(detail_out, &set, i, j - i <= 64 ? j : i + 64, doc, row_status, used, ne);
        i = j;
    }
    double recall = set.n ? (double)correct / set.n : 0, pair = set.n ? (double)found / set.n : 0;
    double precision = typed ? (double)typed_used / typed : 0;
    double precision_all = events ? (double)used_events / events : 0;
    fprintf(out, "plover %s: rows %zu, sentences %zu; pair found %zu (%.1f%%); pair+type correct %zu (%.1f%%); "
                 "events with a PLOVER type %zu; precision %.1f%%\n",
            o->gold, set.n, sentences, found, 100 * pair, correct, 100 * recall, typed, 100 * precision);
    fprintf(out, "all events %zu (incl. CAMEO 01/02, no PLOVER type); their precision %.1f%%\n", events,
            100 * precision_all);
    fprintf(out, "events with a target (dyadic) %zu; their precision %.1f%%\n", dyadic,
            dyadic ? 100.0 * dyadic_used / dyadic : 0);
    fprintf(out, "%-10s %6s %6s %8s %8s %7s %9s\n", "type", "rows", "found", "correct", "recall", "events", "precision");
    for (size_t t = 0; t < ntypes; t++)
        fprintf(out, "%-10s %6zu %6zu %8zu %7.1f%% %7zu %8.1f%%\n", types[t].name, types[t].rows, types[t].found,
                types[t].correct, types[t].rows ? 100.0 * types[t].correct / types[t].rows : 0, types[t].events,
                types[t].events ? 100.0 * types[t].events_used / types[t].events : 0);
    if (detail_out) {
        rewind(detail_out);
        char buf[4096];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, detail_out)) > 0) fwrite(buf, 1, n, out);
        fclose(detail_out);
    }
    if (st == DYAD_OK && o->check && (100 * recall < 60 - 0.5 || 100 * precision < 70 - 0.5) &&
        strstr(o->gold, "PLV_")) {
        dyad_error_set(err, DYAD_ETARGET, o->gold, 0, -1, "pair+type %.1f%% / precision %.1f%% under the targets 60/70",
                       100 * recall, 100 * precision);
        st = DYAD_ETARGET;
    }
    if (pred) fclose(pred);
    dyad_doc_free(doc);
    free_set(&set);
    return st;
}

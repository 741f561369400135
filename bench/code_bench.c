/* code_bench.c - the event coder alone, for bench/code.sh: dictionary load
 * time (best of 3) and code_doc throughput in sentences per second on one
 * core (thread CPU time), over parsed sentences read from a CoNLL-U file (gold parses). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "code/code.h"
#include "io/reader.h"

/* CPU time of this thread: the machine may be shared, wall time is noisy */
static double cpu_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: code_bench DICTS FORMAT FILE.conllu [ROUNDS]\n");
        return 2;
    }
    int rounds = argc > 4 ? atoi(argv[4]) : 5;
    dyad_error err;
    dyad_error_clear(&err);
    double best_load = 1e9;
    dy_dicts *d = NULL;
    for (int i = 0; i < 3; i++) {
        double t0 = cpu_seconds();
        dy_dicts *x = code_dicts_load(argv[1], argv[2], NULL, NULL, &err);
        double t = cpu_seconds() - t0;
        if (!x) {
            char b[900];
            fprintf(stderr, "code_bench: %s\n", dyad_error_format(&err, b, sizeof b));
            return 1;
        }
        if (t < best_load) best_load = t;
        if (d) code_dicts_free(d);
        d = x;
    }
    dy_reader *r = reader_open(argv[3], DYAD_FMT_CONLLU, &err);
    if (!r) return 1;
    dyad_doc **docs = NULL;
    size_t ndocs = 0, nsent = 0;
    for (;;) {
        dyad_doc *doc = dyad_doc_new();
        int rc = reader_next(r, doc, &err);
        if (rc != READ_DOC) {
            dyad_doc_free(doc);
            if (rc == READ_BAD_DOC) continue;
            break;
        }
        docs = realloc(docs, (ndocs + 1) * sizeof *docs);
        docs[ndocs++] = doc;
        nsent += doc->nsentences;
    }
    reader_close(r);
    double best = 1e9;
    size_t events = 0;
    for (int k = 0; k < rounds; k++) {
        events = 0;
        double t0 = cpu_seconds();
        for (size_t i = 0; i < ndocs; i++) {
            docs[i]->nevents = 0;
            code_doc(d, docs[i], "2020-01-01", &err);
            events += docs[i]->nevents;
        }
        double t = cpu_seconds() - t0;
        if (t < best) best = t;
    }
    printf("load_ms %.1f\nsentences %zu\nevents %zu\nsentences_per_s %.0f\n", best_load * 1000, nsent, events,
           best > 0 ? nsent / best : 0);
    for (size_t i = 0; i < ndocs; i++) dyad_doc_free(docs[i]);
    free(docs);
    code_dicts_free(d);
    return 0;
}

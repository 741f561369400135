/* run.c - run many inputs through the pipeline: the caller's thread reads a
 * batch of documents, a pool of workers processes them in parallel, then the
 * sink sees them in input order. Bad documents are reported and skipped. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include "dyad.h"
#include "../base/util.h"
#include "../io/reader.h"

typedef struct slot {
    dyad_doc *doc;
    dyad_status status;
    dyad_error err;
    int is_read_error;    /* the reader rejected this record: nothing to process */
} slot;

typedef struct pool {
    const dyad_engine *engine;
    dyad_stage upto;
    slot *slots;
    size_t nslots;
    atomic_size_t next;
    pthread_mutex_t mu;
    pthread_cond_t work_cv, done_cv;
    unsigned generation;
    int active, quit;
    int nthreads;
} pool;

static void process_slots(pool *p) {
    for (;;) {
        size_t i = atomic_fetch_add(&p->next, 1);
        if (i >= p->nslots) break;
        slot *s = &p->slots[i];
        if (s->is_read_error) continue;
        dyad_error_clear(&s->err);
        s->status = dyad_process(p->engine, s->doc, p->upto, &s->err);
    }
}

static void *worker(void *arg) {
    pool *p = arg;
    unsigned seen = 0;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->quit && p->generation == seen) pthread_cond_wait(&p->work_cv, &p->mu);
        if (p->quit) break;
        seen = p->generation;
        pthread_mutex_unlock(&p->mu);
        process_slots(p);
        pthread_mutex_lock(&p->mu);
        if (--p->active == 0) pthread_cond_signal(&p->done_cv);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* Process p->slots[0..nslots) with every worker plus the caller. */
static void pool_process(pool *p, pthread_t *threads) {
    atomic_store(&p->next, 0);
    if (p->nthreads > 1 && threads) {
        pthread_mutex_lock(&p->mu);
        p->active = p->nthreads - 1;
        p->generation++;
        pthread_cond_broadcast(&p->work_cv);
        pthread_mutex_unlock(&p->mu);
    }
    process_slots(p);
    if (p->nthreads > 1 && threads) {
        pthread_mutex_lock(&p->mu);
        while (p->active > 0) pthread_cond_wait(&p->done_cv, &p->mu);
        pthread_mutex_unlock(&p->mu);
    }
}

dyad_status dyad_run(const dyad_engine *e, const char *const *inputs, size_t ninputs,
                     const dyad_run_opts *opts, dyad_sink_fn sink, void *user,
                     dyad_run_stats *stats) {
    dyad_run_opts def = {0};
    if (!opts) opts = &def;
    dyad_run_stats st = {0};
    size_t batch = opts->batch ? opts->batch : 64;
    int nthreads = opts->threads > 0 ? opts->threads : cpu_count();
    if (nthreads > 256) nthreads = 256;

    pool p;
    memset(&p, 0, sizeof p);
    p.engine = e;
    p.upto = opts->upto;
    p.nthreads = nthreads;
    p.slots = calloc(batch, sizeof(slot));
    if (!p.slots) return DYAD_ENOMEM;
    for (size_t i = 0; i < batch; i++) {
        p.slots[i].doc = dyad_doc_new();
        if (!p.slots[i].doc) {
            for (size_t j = 0; j < i; j++) dyad_doc_free(p.slots[j].doc);
            free(p.slots);
            return DYAD_ENOMEM;
        }
    }
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.work_cv, NULL);
    pthread_cond_init(&p.done_cv, NULL);
    pthread_t *threads = NULL;
    if (nthreads > 1) {
        threads = calloc((size_t)nthreads, sizeof *threads);
        for (int i = 0; threads && i < nthreads - 1; i++)
            if (pthread_create(&threads[i], NULL, worker, &p) != 0) {
                p.nthreads = i + 1;
                break;
            }
    }

    int stop = 0;
    size_t in = 0;
    dy_reader *rd = NULL;
    int input_had_error = 0;
    while (!stop && (in < ninputs || rd)) {
        /* fill a batch from the current and following inputs */
        size_t n = 0;
        while (n < batch && !stop) {
            if (!rd) {
                if (in >= ninputs) break;
                slot *s = &p.slots[n];
                dyad_doc_reset(s->doc);
                dyad_error_clear(&s->err);
                st.inputs++;
                input_had_error = 0;
                rd = reader_open(inputs[in], opts->format, &s->err);
                if (!rd) {
                    s->doc->input = inputs[in];
                    s->status = s->err.status ? s->err.status : DYAD_EIO;
                    s->is_read_error = 1;
                    st.inputs_failed++;
                    n++;
                    in++;
                    continue;
                }
                in++;
            }
            slot *s = &p.slots[n];
            dyad_doc_reset(s->doc);
            dyad_error_clear(&s->err);
            s->is_read_error = 0;
            s->status = DYAD_OK;
            int r = reader_next(rd, s->doc, &s->err);
            if (r == READ_DOC) {
                n++;
            } else if (r == READ_BAD_DOC || r == READ_FATAL) {
                if (!s->err.status) s->err.status = DYAD_EFORMAT;
                s->status = s->err.status;
                s->is_read_error = 1;
                if (!input_had_error) st.inputs_failed++;
                input_had_error = 1;
                n++;
                if (r == READ_FATAL) {
                    reader_close(rd);
                    rd = NULL;
                }
            } else {
                reader_close(rd);
                rd = NULL;
            }
        }
        if (n == 0) break;
        p.nslots = n;
        pool_process(&p, threads);
        for (size_t i = 0; i < n; i++) {
            slot *s = &p.slots[i];
            if (s->is_read_error || s->status != DYAD_OK) st.docs_failed++;
            else {
                st.docs++;
                st.sentences += s->doc->nsentences;
                st.tokens += s->doc->ntokens;
                st.events += s->doc->nevents;
            }
            if (!stop && sink && sink(user, s->doc, s->status, &s->err)) stop = 1;
        }
    }
    if (rd) reader_close(rd);

    if (threads) {
        pthread_mutex_lock(&p.mu);
        p.quit = 1;
        pthread_cond_broadcast(&p.work_cv);
        pthread_mutex_unlock(&p.mu);
        for (int i = 0; i < p.nthreads - 1; i++) pthread_join(threads[i], NULL);
        free(threads);
    }
    for (size_t i = 0; i < batch; i++) dyad_doc_free(p.slots[i].doc);
    free(p.slots);
    pthread_mutex_destroy(&p.mu);
    pthread_cond_destroy(&p.work_cv);
    pthread_cond_destroy(&p.done_cv);
    if (stats) *stats = st;
    return (st.docs_failed || st.inputs_failed) ? DYAD_EFORMAT : DYAD_OK;
}

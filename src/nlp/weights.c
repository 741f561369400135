/* weights.c - sparse averaged-perceptron weights. Training keeps, per hashed
 * feature, a chain of (class, weight, accumulator) entries; saving averages,
 * quantizes to int16, prunes small weights and packs rows into an
 * open-addressing table that the run time reads straight from the map. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "nlp_internal.h"

#define NO_ENTRY 0xffffffffu

int tw_init(nlp_train_weights *t, uint32_t nclasses) {
    memset(t, 0, sizeof *t);
    t->nclasses = nclasses;
    t->cap = 1u << 20;
    t->keys = calloc(t->cap, sizeof *t->keys);
    t->first = malloc(t->cap * sizeof *t->first);
    t->cappool = 1u << 20;
    t->pool = malloc(t->cappool * sizeof *t->pool);
    if (!t->keys || !t->first || !t->pool) return -1;
    return 0;
}

void tw_free(nlp_train_weights *t) {
    free(t->keys);
    free(t->first);
    free(t->pool);
    memset(t, 0, sizeof *t);
}

/* key 0 marks an empty slot */
static inline uint64_t fix_key(uint64_t h) { return h ? h : 1; }

static uint64_t find_slot(const nlp_train_weights *t, uint64_t key) {
    uint64_t m = t->cap - 1;
    for (uint64_t i = key & m;; i = (i + 1) & m)
        if (t->keys[i] == key || t->keys[i] == 0) return i;
}

static int grow(nlp_train_weights *t) {
    nlp_train_weights old = *t;
    t->cap *= 2;
    t->keys = calloc(t->cap, sizeof *t->keys);
    t->first = malloc(t->cap * sizeof *t->first);
    if (!t->keys || !t->first) return -1;
    for (uint64_t i = 0; i < old.cap; i++)
        if (old.keys[i]) {
            uint64_t s = find_slot(t, old.keys[i]);
            t->keys[s] = old.keys[i];
            t->first[s] = old.first[i];
        }
    free(old.keys);
    free(old.first);
    return 0;
}

void tw_lookup(const nlp_train_weights *t, const uint64_t *f, int nf, uint32_t *first) {
    uint64_t m = t->cap - 1;
    for (int k = 0; k < nf; k++) {
        __builtin_prefetch(&t->keys[fix_key(f[k]) & m]);
        __builtin_prefetch(&t->first[fix_key(f[k]) & m]);
    }
    for (int k = 0; k < nf; k++) {
        uint64_t s = find_slot(t, fix_key(f[k]));
        first[k] = t->keys[s] ? t->first[s] : NO_ENTRY;
        if (first[k] != NO_ENTRY) __builtin_prefetch(&t->pool[first[k]]);
    }
}

void tw_add_rows(const nlp_train_weights *t, const uint32_t *first, int n, float *scores) {
    for (int k = 0; k < n; k++)
        for (uint32_t e = first[k]; e != NO_ENTRY; e = t->pool[e].next) scores[t->pool[e].cls] += t->pool[e].w;
}

void tw_score(const nlp_train_weights *t, const uint64_t *f, int nf, float *scores) {
    enum { CHUNK = 128 };
    uint32_t first[CHUNK];
    for (int base = 0; base < nf; base += CHUNK) {
        int n = nf - base < CHUNK ? nf - base : CHUNK;
        tw_lookup(t, f + base, n, first);
        tw_add_rows(t, first, n, scores);
    }
}

static int bump(nlp_train_weights *t, uint64_t key, int cls, float delta) {
    uint64_t s = find_slot(t, key);
    if (!t->keys[s]) {
        if ((t->n + 1) * 2 > t->cap) {
            if (grow(t)) return -1;
            s = find_slot(t, key);
        }
        t->keys[s] = key;
        t->first[s] = NO_ENTRY;
        t->n++;
    }
    uint32_t e = t->first[s];
    while (e != NO_ENTRY && t->pool[e].cls != cls) e = t->pool[e].next;
    if (e == NO_ENTRY) {
        if (t->npool == t->cappool) {
            nlp_tentry *np = realloc(t->pool, t->cappool * 2 * sizeof *np);
            if (!np) return -1;
            t->pool = np;
            t->cappool *= 2;
        }
        e = (uint32_t)t->npool++;
        t->pool[e] = (nlp_tentry){.next = t->first[s], .cls = (uint16_t)cls};
        t->first[s] = e;
    }
    t->pool[e].w += delta;
    t->pool[e].u += (float)(t->clock * delta);
    return 0;
}

int tw_update(nlp_train_weights *t, const uint64_t *f, int nf, int good, int bad) {
    t->clock += 1;
    if (good == bad) return 0;
    for (int k = 0; k < nf; k++) {
        uint64_t key = fix_key(f[k]);
        if (bump(t, key, good, 1.0f) || bump(t, key, bad, -1.0f)) return -1;
    }
    return 0;
}

int tw_add(nlp_train_weights *t, const uint64_t *f, int nf, int cls, float delta) {
    for (int k = 0; k < nf; k++)
        if (bump(t, fix_key(f[k]), cls, delta)) return -1;
    return 0;
}

int tw_compact(nlp_train_weights *t) {
    nlp_tentry *np = malloc(t->cappool * sizeof *np);
    if (!np) return -1;
    uint64_t n = 0;
    for (uint64_t s = 0; s < t->cap; s++) {
        if (!t->keys[s]) continue;
        uint32_t e = t->first[s];
        if (e == NO_ENTRY) continue;
        t->first[s] = (uint32_t)n;
        for (; e != NO_ENTRY; e = t->pool[e].next) {
            np[n] = t->pool[e];
            np[n].next = t->pool[e].next == NO_ENTRY ? NO_ENTRY : (uint32_t)(n + 1);
            n++;
        }
    }
    free(t->pool);
    t->pool = np;
    t->npool = n;
    return 0;
}

static inline float averaged(const nlp_train_weights *t, const nlp_tentry *e) {
    return t->clock > 0 ? e->w - e->u / (float)t->clock : e->w;
}

/* a dense row (2 bytes a class) is smaller than a sparse one (4 bytes an
 * entry) when the feature weighs half of the classes or more */
static int is_dense(uint64_t c, uint32_t nclasses) { return c * 2 >= nclasses || c >= ROW_DENSE; }

/* bytes the saved table takes when weights under thr are dropped */
static uint64_t saved_bytes(const nlp_train_weights *t, float thr, uint64_t *nfeat, uint64_t *nent) {
    uint64_t f = 0, e = 0;
    for (uint64_t s = 0; s < t->cap; s++) {
        if (!t->keys[s]) continue;
        uint64_t c = 0;
        for (uint32_t k = t->first[s]; k != NO_ENTRY; k = t->pool[k].next) c += fabsf(averaged(t, &t->pool[k])) >= thr;
        if (c) { f++; e += is_dense(c, t->nclasses) ? nlp_dense_classes(t->nclasses) / 2 : c; }
    }
    *nfeat = f;
    *nent = e;
    return (f * 8 / 5 + 16) * sizeof(nlp_slot) + e * sizeof(nlp_entry);
}

/* the smallest pruning threshold (to about 1%) whose table fits max_bytes */
static float fit_threshold(const nlp_train_weights *t, float maxabs, double max_bytes) {
    uint64_t nf, ne;
    if (saved_bytes(t, 0, &nf, &ne) <= max_bytes) return 0;
    float lo = 0, hi = maxabs + 1;
    while (hi - lo > 0.01f * hi) {
        float mid = (lo + hi) / 2;
        if (saved_bytes(t, mid, &nf, &ne) <= max_bytes) hi = mid;
        else lo = mid;
    }
    return hi;
}

int tw_save(const nlp_train_weights *t, nlp_writer *w, double max_bytes, FILE *log) {
    float maxabs = 0;
    for (uint64_t i = 0; i < t->npool; i++) {
        float a = fabsf(averaged(t, &t->pool[i]));
        if (a > maxabs) maxabs = a;
    }
    float prune = fit_threshold(t, maxabs, max_bytes);
    float scale = maxabs > 0 ? maxabs / 32000.0f : 1.0f;
    /* pass 1: rows that keep at least one weight */
    uint64_t nkeep = 0, nent = 0;
    uint32_t dense = nlp_dense_classes(t->nclasses), dense_units = dense / 2;
    int16_t *q = malloc(t->npool * sizeof *q);
    if (!q) return -1;
    for (uint64_t i = 0; i < t->npool; i++) {
        float a = averaged(t, &t->pool[i]);
        long v = fabsf(a) < prune ? 0 : lrintf(a / scale);
        q[i] = (int16_t)(v > 32767 ? 32767 : v < -32767 ? -32767 : v);
    }
    for (uint64_t s = 0; s < t->cap; s++) {
        if (!t->keys[s]) continue;
        uint64_t c = 0;
        for (uint32_t e = t->first[s]; e != NO_ENTRY; e = t->pool[e].next) c += q[e] != 0;
        if (c) { nkeep++; nent += is_dense(c, t->nclasses) ? dense / 2 : c; }
    }
    if (nent >= (1u << 24)) { free(q); return -1; } /* row offsets have 24 bits */
    uint64_t cap = nkeep * 8 / 5 + 16; /* load 0.6: misses, the common case, stay short */
    nlp_slot *slots = calloc(cap, sizeof *slots);
    nlp_entry *ents = malloc((nent + 1) * sizeof *ents);
    if (!slots || !ents) { free(q); free(slots); free(ents); return -1; }
    uint64_t pos = 0;
    for (uint64_t s = 0; s < t->cap; s++) {
        if (!t->keys[s]) continue;
        uint64_t start = pos, c = 0;
        for (uint32_t e = t->first[s]; e != NO_ENTRY; e = t->pool[e].next) c += q[e] != 0;
        if (!c) continue;
        uint32_t count = ROW_DENSE;
        if (is_dense(c, t->nclasses)) {
            int16_t *d = (int16_t *)&ents[pos];
            memset(d, 0, dense * sizeof *d);
            for (uint32_t e = t->first[s]; e != NO_ENTRY; e = t->pool[e].next) d[t->pool[e].cls] = q[e];
            pos += dense_units;
        } else {
            count = (uint32_t)c;
            for (uint32_t e = t->first[s]; e != NO_ENTRY; e = t->pool[e].next)
                if (q[e]) ents[pos++] = (nlp_entry){t->pool[e].cls, q[e]};
        }
        uint64_t h = t->keys[s];
        uint32_t fp = (uint32_t)(h >> 32) | 1u;
        uint64_t i = nlp_slot_of(h, cap);
        while (slots[i].fp) i = i + 1 == cap ? 0 : i + 1;
        slots[i] = (nlp_slot){fp, (uint32_t)start << 8 | count};
    }
    free(q);
    dy_buf *meta = nlp_writer_section(w, SEC_WEIGHT_META);
    dy_buf *bs = nlp_writer_section(w, SEC_WEIGHT_SLOTS);
    dy_buf *be = nlp_writer_section(w, SEC_WEIGHT_ENTRIES);
    uint32_t m[4] = {t->nclasses, 0, LAYOUT_PACKED, 0};
    memcpy(&m[1], &scale, 4);
    int rc = (!meta || !bs || !be || buf_push(meta, m, sizeof m) || buf_push(bs, slots, cap * sizeof *slots) ||
              buf_push(be, ents, pos * sizeof *ents)) ? -1 : 0;
    if (log)
        fprintf(log, "  weights: %llu features kept of %llu (pruned under %.2f), %llu entries, %.1f MB\n",
                (unsigned long long)nkeep, (unsigned long long)t->n, prune, (unsigned long long)pos,
                (cap * sizeof *slots + pos * sizeof *ents) / 1048576.0);
    free(slots);
    free(ents);
    return rc;
}

/* every slot's row lies inside the entries and names valid classes */
static const char *check_packed(const nlp_weights *w) {
    uint64_t empty = 0, dense_units = nlp_dense_classes(w->nclasses) / 2;
    for (uint64_t i = 0; i < w->nslots; i++) {
        const nlp_slot *s = &w->slots[i];
        if (!s->fp) { empty++; continue; }
        uint64_t off = s->off >> 8, count = s->off & 0xff, units = count == ROW_DENSE ? dense_units : count;
        if (off > w->nentries || units > w->nentries - off) return "weight row out of bounds";
        if (count != ROW_DENSE)
            for (uint64_t k = 0; k < count; k++)
                if (w->entries[off + k].cls >= w->nclasses) return "weight class out of range";
    }
    return empty ? NULL : "weight table has no empty slot";
}

int nlp_weights_load(nlp_weights *w, const nlp_file *f, uint32_t nclasses, dyad_error *err) {
    uint64_t nm, ns, ne;
    const uint32_t *meta = nlp_file_section(f, SEC_WEIGHT_META, &nm);
    const nlp_slot *slots = nlp_file_section(f, SEC_WEIGHT_SLOTS, &ns);
    const nlp_entry *ents = nlp_file_section(f, SEC_WEIGHT_ENTRIES, &ne);
    const char *why = NULL;
    if (!meta || nm < 16 || !slots || !ents) why = "weight sections missing";
    else if (meta[0] != nclasses) why = "weight class count mismatch";
    else if (ns % sizeof *slots || ns == 0 || ns / sizeof *slots >= (1ULL << 32)) why = "bad weight table size";
    else if (ne % sizeof *ents) why = "weight entries misaligned";
    if (!why) {
        w->slots = slots;
        w->nslots = ns / sizeof *slots;
        w->entries = ents;
        w->nentries = ne / sizeof *ents;
        w->nclasses = nclasses;
        memcpy(&w->scale, &meta[1], 4);
        w->layout = meta[2];
        if (w->layout == LAYOUT_PACKED) why = check_packed(w);
        else if (w->layout != LAYOUT_HEADERS) why = "unknown weight layout";
    }
    if (!why && w->layout == LAYOUT_HEADERS) {
        /* Walk the rows in order once (sequential, cache friendly), marking
         * where each starts; then every slot must point at a row start. */
        uint64_t empty = 0, dense_units = nlp_dense_classes(nclasses) / 2;
        uint8_t *starts = calloc(w->nentries / 8 + 1, 1);
        if (!starts) why = "out of memory";
        for (uint64_t pos = 0; !why && pos < w->nentries;) {
            const nlp_entry *row = &ents[pos];
            if (row->cls > w->nentries - pos - 1) { why = "weight row out of bounds"; break; }
            if (row->w) {
                if (row->w != 1 || row->cls != dense_units) { why = "bad dense weight row"; break; }
            } else {
                for (uint32_t k = 1; k <= row->cls; k++)
                    if (row[k].cls >= nclasses) { why = "weight class out of range"; break; }
            }
            starts[pos >> 3] |= (uint8_t)(1u << (pos & 7));
            pos += 1 + row->cls;
        }
        for (uint64_t i = 0; !why && i < w->nslots; i++) {
            if (!slots[i].fp) { empty++; continue; }
            uint64_t off = slots[i].off;
            if (off >= w->nentries || !(starts[off >> 3] & (1u << (off & 7)))) why = "weight slot points inside a row";
        }
        free(starts);
        if (!why && !empty) why = "weight table has no empty slot";
    }
    if (!why && !(w->scale > 0 && w->scale < 1e6f)) why = "bad weight scale";
    if (why) {
        dyad_error_set(err, DYAD_EMODEL, f->path, 0, -1, "%s", why);
        return -1;
    }
    return 0;
}

static inline void add_dense(const int16_t *d, uint32_t dense, int32_t *scores) {
    for (uint32_t c = 0; c < dense; c += 16)
        for (int j = 0; j < 16; j++) scores[c + j] += d[c + j];
}

void nlp_weights_lookup(const nlp_weights *w, const uint64_t *f, int nf, uint32_t *rows) {
    int packed = w->layout == LAYOUT_PACKED;
    for (int k = 0; k < nf; k++) __builtin_prefetch(&w->slots[nlp_slot_of(f[k], w->nslots)]);
    for (int k = 0; k < nf; k++) {
        uint32_t fp = (uint32_t)(f[k] >> 32) | 1u;
        rows[k] = NLP_NO_ROW;
        for (uint64_t i = nlp_slot_of(f[k], w->nslots);;) {
            const nlp_slot *s = &w->slots[i];
            if (s->fp == 0) break;
            if (s->fp == fp) {
                rows[k] = s->off;
                __builtin_prefetch(&w->entries[packed ? s->off >> 8 : s->off]);
                break;
            }
            if (++i == w->nslots) i = 0;
        }
    }
}

void nlp_weights_add_rows(const nlp_weights *w, const uint32_t *rows, int n, int32_t *scores) {
    uint32_t dense = nlp_dense_classes(w->nclasses);
    for (int r = 0; r < n; r++) {
        if (rows[r] == NLP_NO_ROW) continue;
        if (w->layout == LAYOUT_PACKED) {
            const nlp_entry *row = &w->entries[rows[r] >> 8];
            uint32_t count = rows[r] & 0xff;
            if (count == ROW_DENSE) add_dense((const int16_t *)row, dense, scores);
            else
                for (uint32_t k = 0; k < count; k++) scores[row[k].cls] += row[k].w;
            continue;
        }
        const nlp_entry *row = &w->entries[rows[r]];
        if (row->w) add_dense((const int16_t *)(row + 1), dense, scores);
        else
            for (uint32_t k = 1; k <= row->cls; k++) scores[row[k].cls] += row[k].w;
    }
}

void nlp_weights_score(const nlp_weights *w, const uint64_t *f, int nf, int32_t *scores) {
    enum { CHUNK = 128 };
    uint32_t rows[CHUNK];
    for (int base = 0; base < nf; base += CHUNK) {
        int n = nf - base < CHUNK ? nf - base : CHUNK;
        nlp_weights_lookup(w, f + base, n, rows);
        nlp_weights_add_rows(w, rows, n, scores);
    }
}

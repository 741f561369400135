/* clusters.c - Brown word clusters (Brown et al. 1992) learned from
 * unlabeled text, and their lookup for the tagger and the parser.
 *
 * Training follows Liang (2005): words are taken in order of frequency; the
 * first WINDOW words start as one cluster each, and every further word
 * enters as a new cluster, after which the two clusters whose merge loses
 * the least mutual information between adjacent clusters are merged. Once
 * every word is in, the remaining WINDOW clusters are merged down to one;
 * those last merges form a binary tree and a word's cluster is its path from
 * the root (a bit string: 0 left, 1 right). Prefixes of the path are coarser
 * clusters. The loss of every pair is kept in a table and updated in O(1)
 * per pair after each merge, so a step costs O(WINDOW^2). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "nlp_internal.h"
#include "text/segment.h"

enum {
    WINDOW = 256,        /* active clusters while words are added */
    MIN_COUNT = 3,       /* rarer words get no cluster */
    MAX_WORDS = 40000,   /* most frequent words clustered */
    MAX_DEPTH = 58,      /* path bits kept (the code holds a leading 1) */
    CAPS_SHIFT = 60,     /* stored values: path code | capitalisation bucket << CAPS_SHIFT */
};

/* ---- lookup ---------------------------------------------------------------- */

/* the leading k bits of a path code (1 followed by the bits); the whole
 * path when it is shorter */
static uint64_t path_prefix(uint64_t code, int k) {
    int len = 63 - __builtin_clzll(code);
    return len <= k ? code : code >> (len - k);
}

uint64_t clusters_prefix(uint64_t path, int bits) {
    return path ? hash_mix(path_prefix(path, bits), 0xb0 + (uint64_t)bits) : 0;
}

/* the stored value of a word: its path code, capitalisation bucket above */
static uint64_t value_of(const nlp_clusters *c, uint64_t lower) {
    if (!c || !c->slots) return 0;
    uint64_t key = lower | 1;
    for (uint64_t i = key & c->mask;; i = (i + 1) & c->mask) {
        if (c->slots[2 * i] == key) return c->slots[2 * i + 1];
        if (!c->slots[2 * i]) return 0;
    }
}

void clusters_apply(const nlp_clusters *c, nlp_word *words, int n) {
    for (int i = 0; i < n; i++) {
        nlp_word *w = &words[i];
        uint64_t v = value_of(c, w->lower), p = v & (((uint64_t)1 << CAPS_SHIFT) - 1);
        w->path = p;
        w->caps = (uint32_t)(v >> CAPS_SHIFT);
        w->brown[0] = clusters_prefix(p, 4);
        w->brown[1] = clusters_prefix(p, 6);
        w->brown[2] = clusters_prefix(p, 64);
    }
}

int clusters_load(nlp_clusters *c, const char *path, dyad_error *err) {
    memset(c, 0, sizeof *c);
    if (nlp_file_open(&c->file, path, NLP_KIND_CLUSTERS, err)) return -1;
    uint64_t nm, ns;
    const uint32_t *meta = nlp_file_section(&c->file, SEC_META, &nm);
    c->slots = nlp_file_section(&c->file, SEC_LEX_SLOTS, &ns);
    uint64_t slots = ns / 16, empty = 0;
    for (uint64_t i = 0; c->slots && !(ns % 16) && i < slots; i++) empty += c->slots[2 * i] == 0;
    if (!meta || nm < 16 || !c->slots || ns % 16 || !slots || (slots & (slots - 1)) || !empty) {
        dyad_error_set(err, DYAD_EMODEL, path, 0, -1, "bad word cluster table");
        clusters_free(c);
        return -1;
    }
    c->mask = slots - 1;
    c->nwords = meta[0];
    c->id = nlp_checksum((const unsigned char *)c->slots, ns);
    return 0;
}

void clusters_free(nlp_clusters *c) {
    nlp_file_close(&c->file);
    memset(c, 0, sizeof *c);
}

/* ---- reading unlabeled text -------------------------------------------------- */

/* The token stream: word hashes (lowercase form as the tagger sees it), 0
 * between sentences. Sentences seen before (boilerplate repeated on every
 * record) are counted once. */
typedef struct stream {
    uint64_t *h; size_t n, cap;
    uint8_t *caps;                         /* per token: CAP_* */
    uint64_t *seen; size_t nseen, capseen; /* open-addressing set of sentence hashes */
    int failed;
} stream;

/* how a token inside a sentence is written; the first word of a sentence
 * says nothing */
enum { CAP_NONE = 0, CAP_UPPER = 1, CAP_LOWER = 2 };
static uint8_t cap_class(const char *form, size_t i) {
    unsigned char c = (unsigned char)form[0];
    return i == 0 ? CAP_NONE : c >= 'A' && c <= 'Z' ? CAP_UPPER : c >= 'a' && c <= 'z' ? CAP_LOWER : CAP_NONE;
}

static int push(stream *s, uint64_t h, uint8_t caps) {
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 1 << 16;
        uint64_t *p = realloc(s->h, cap * sizeof *p);
        if (p) s->h = p;
        uint8_t *c = realloc(s->caps, cap);
        if (c) s->caps = c;
        if (!p || !c) return s->failed = -1;
        s->cap = cap;
    }
    s->caps[s->n] = caps;
    s->h[s->n++] = h;
    return 0;
}

/* 1 when the sentence hash was new (and is now recorded) */
static int first_time(stream *s, uint64_t h) {
    h |= 1;
    if (2 * (s->nseen + 1) > s->capseen) {
        size_t cap = s->capseen ? s->capseen * 2 : 1 << 12;
        uint64_t *t = calloc(cap, sizeof *t);
        if (!t) { s->failed = -1; return 0; }
        for (size_t i = 0; i < s->capseen; i++)
            if (s->seen[i]) {
                size_t j = s->seen[i] & (cap - 1);
                while (t[j]) j = (j + 1) & (cap - 1);
                t[j] = s->seen[i];
            }
        free(s->seen);
        s->seen = t;
        s->capseen = cap;
    }
    size_t j = h & (s->capseen - 1);
    while (s->seen[j]) {
        if (s->seen[j] == h) return 0;
        j = (j + 1) & (s->capseen - 1);
    }
    s->seen[j] = h;
    s->nseen++;
    return 1;
}

static void add_sentence(stream *s, const uint64_t *h, const uint8_t *caps, size_t n) {
    if (!n) return;
    uint64_t sig = 0x5e17;
    for (size_t i = 0; i < n; i++) sig = hash_mix(sig, h[i]);
    if (!first_time(s, sig)) return;
    for (size_t i = 0; i < n; i++) push(s, h[i], caps[i]);
    push(s, 0, CAP_NONE);
}

/* tokenize a line of running text and add its sentences (a line the
 * segmenter cannot take is skipped) */
static void add_text(stream *s, dyad_doc *doc, const char *text, size_t n) {
    dyad_error err;
    dyad_error_clear(&err);
    dyad_doc_reset(doc);
    doc->text = (char *)text; /* the sentence splitter looks at the text between tokens */
    doc->text_len = n;
    if (!n || tok_tokenize(doc, text, n, &err) != DYAD_OK || sent_split(doc, &err) != DYAD_OK) return;
    uint64_t buf[256];
    uint8_t caps[256];
    for (size_t k = 0; k < doc->nsentences; k++) {
        const dyad_sentence *se = &doc->sentences[k];
        size_t m = 0;
        for (uint32_t i = 0; i < se->ntokens && m < 256; i++) {
            nlp_word w;
            const char *form = doc->tokens[se->first_token + i].form;
            nlp_word_features(form, &w);
            caps[m] = cap_class(form, i);
            buf[m++] = w.lower;
        }
        add_sentence(s, buf, caps, m);
    }
}

static int is_digits(const char *p, const char *end) {
    if (p == end) return 0;
    for (; p < end; p++)
        if (*p < '0' || *p > '9') return 0;
    return 1;
}

/* A CoNLL-U file gives its word forms (not multiword ranges or empty
 * nodes); a WordNet data file its glosses (after '|'); anything else is
 * running text, tokenized line by line. */
static void read_text_file(stream *s, dyad_doc *doc, char *data, size_t len) {
    /* decide from the first lines */
    int nconllu = 0, nwordnet = 0, nlines = 0;
    for (const char *p = data; p < data + len && nlines < 200;) {
        const char *e = memchr(p, '\n', (size_t)(data + len - p));
        if (!e) e = data + len;
        const char *t = memchr(p, '\t', (size_t)(e - p));
        if (t && is_digits(p, t)) nconllu++;
        if (e - p > 12 && is_digits(p, p + 8) && p[8] == ' ' && memchr(p, '|', (size_t)(e - p))) nwordnet++;
        nlines++;
        p = e + 1;
    }
    uint64_t sent[256];
    uint8_t caps[256];
    size_t m = 0;
    for (char *p = data; p < data + len;) {
        char *e = memchr(p, '\n', (size_t)(data + len - p));
        if (!e) e = data + len;
        *e = 0; /* the buffer holds a NUL after its last byte */
        if (nconllu) {
            char *t1 = memchr(p, '\t', (size_t)(e - p));
            if (p == e || *p == '#') {
                if (p == e) add_sentence(s, sent, caps, m), m = 0;
            } else if (t1 && is_digits(p, t1) && m < 256) {
                char *t2 = memchr(t1 + 1, '\t', (size_t)(e - t1 - 1));
                if (t2) {
                    char save = *t2;
                    *t2 = 0;
                    nlp_word w;
                    nlp_word_features(t1 + 1, &w);
                    caps[m] = cap_class(t1 + 1, m);
                    *t2 = save;
                    sent[m++] = w.lower;
                }
            }
        } else if (nwordnet) {
            char *bar = is_digits(p, p + (e - p > 8 ? 8 : 0)) ? memchr(p, '|', (size_t)(e - p)) : NULL;
            if (bar) add_text(s, doc, bar + 1, (size_t)(e - bar - 1));
        } else {
            add_text(s, doc, p, (size_t)(e - p));
        }
        p = e + 1;
    }
    add_sentence(s, sent, caps, m);
}

/* ---- Brown clustering ----------------------------------------------------------- */

typedef struct wcount { uint64_t h; uint32_t n; } wcount;
static int by_hash(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}
static int by_count(const void *a, const void *b) {
    const wcount *x = a, *y = b;
    if (x->n != y->n) return x->n > y->n ? -1 : 1;
    return x->h < y->h ? -1 : x->h > y->h;
}

/* bigrams of word ids, compressed per word: right[rs[w]..rs[w+1]) are
 * (neighbor << 32 | count) of the words after w, left likewise */
typedef struct graph { uint64_t *right, *left; size_t *rs, *ls; } graph;

typedef struct brown {
    int K;                 /* slots */
    double *p2, *q, *loss; /* K x K: bigram probability, its MI term, merge loss (upper triangle) */
    double *p1;            /* cluster probability */
    int *active, *node;    /* slot in use; its tree node */
    int *first, *next;     /* members of each slot (linked through next, by word id) */
    int *slot_of;          /* word -> slot, -1 before the word is added */
} brown;

#define P2(b, i, j) (b)->p2[(size_t)(i) * (b)->K + (j)]
#define Q(b, i, j) (b)->q[(size_t)(i) * (b)->K + (j)]
#define LOSS(b, i, j) (b)->loss[(size_t)(i) * (b)->K + (j)]

static inline double mi_term(double pxy, double px, double py) { return pxy > 0 ? pxy * log(pxy / (px * py)) : 0; }

static void set_q(brown *b, int i, int j) { Q(b, i, j) = mi_term(P2(b, i, j), b->p1[i], b->p1[j]); }

/* MI terms between the union of slots i and j and slot x, both directions */
static inline double union_terms(const brown *b, int i, int j, int x) {
    double pij = b->p1[i] + b->p1[j];
    return mi_term(P2(b, i, x) + P2(b, j, x), pij, b->p1[x]) + mi_term(P2(b, x, i) + P2(b, x, j), b->p1[x], pij);
}

/* the mutual information lost by merging slots a and b, from scratch */
static double pair_loss(const brown *b, int a, int c) {
    double l = 0;
    for (int x = 0; x < b->K; x++) {
        if (!b->active[x] || x == a || x == c) continue;
        l += Q(b, a, x) + Q(b, x, a) + Q(b, c, x) + Q(b, x, c) - union_terms(b, a, c, x);
    }
    double pac = b->p1[a] + b->p1[c];
    double inner = P2(b, a, a) + P2(b, a, c) + P2(b, c, a) + P2(b, c, c);
    return l + Q(b, a, a) + Q(b, a, c) + Q(b, c, a) + Q(b, c, c) - mi_term(inner, pac, pac);
}

static void slot_losses(brown *b, int a) {
    for (int x = 0; x < b->K; x++)
        if (b->active[x] && x != a) {
            double l = pair_loss(b, a, x);
            if (x < a) LOSS(b, x, a) = l;
            else LOSS(b, a, x) = l;
        }
}

/* Put word w into the free slot k: its bigrams with the words already in. */
static void add_word(brown *b, const graph *g, const uint32_t *count, double ntok, double nbig, int w, int k) {
    b->active[k] = 1;
    b->first[k] = w;
    b->next[w] = -1;
    b->slot_of[w] = k;
    b->p1[k] = count[w] / ntok;
    for (int x = 0; x < b->K; x++) P2(b, k, x) = P2(b, x, k) = 0;
    for (size_t e = g->rs[w]; e < g->rs[w + 1]; e++) {
        int v = b->slot_of[g->right[e] >> 32];
        if (v >= 0) P2(b, k, v) += (double)(uint32_t)g->right[e] / nbig;
    }
    for (size_t e = g->ls[w]; e < g->ls[w + 1]; e++) {
        int u = b->slot_of[g->left[e] >> 32];
        if (u >= 0 && u != k) P2(b, u, k) += (double)(uint32_t)g->left[e] / nbig;
    }
    for (int x = 0; x < b->K; x++)
        if (b->active[x]) set_q(b, k, x), set_q(b, x, k);
    /* the other pairs' losses now include their terms with slot k */
    for (int i = 0; i < b->K; i++) {
        if (!b->active[i] || i == k) continue;
        for (int j = i + 1; j < b->K; j++) {
            if (!b->active[j] || j == k) continue;
            LOSS(b, i, j) += Q(b, i, k) + Q(b, k, i) + Q(b, j, k) + Q(b, k, j) - union_terms(b, i, j, k);
        }
    }
    slot_losses(b, k);
}

/* merge slot t into slot s (s < t) */
static void merge(brown *b, int s, int t) {
    for (int i = 0; i < b->K; i++) {
        if (!b->active[i] || i == s || i == t) continue;
        double di = Q(b, i, s) + Q(b, s, i) + Q(b, i, t) + Q(b, t, i);
        for (int j = i + 1; j < b->K; j++) {
            if (!b->active[j] || j == s || j == t) continue;
            double dj = Q(b, j, s) + Q(b, s, j) + Q(b, j, t) + Q(b, t, j);
            LOSS(b, i, j) -= di + dj - union_terms(b, i, j, s) - union_terms(b, i, j, t);
        }
    }
    double self = P2(b, s, s) + P2(b, s, t) + P2(b, t, s) + P2(b, t, t);
    for (int x = 0; x < b->K; x++) {
        P2(b, s, x) += P2(b, t, x);
        P2(b, x, s) += P2(b, x, t);
        P2(b, t, x) = P2(b, x, t) = 0;
    }
    P2(b, s, s) = self;
    b->p1[s] += b->p1[t];
    b->active[t] = 0;
    for (int x = 0; x < b->K; x++)
        if (b->active[x]) set_q(b, s, x), set_q(b, x, s);
    for (int i = 0; i < b->K; i++) {
        if (!b->active[i] || i == s) continue;
        double di = Q(b, i, s) + Q(b, s, i);
        for (int j = i + 1; j < b->K; j++) {
            if (!b->active[j] || j == s) continue;
            double dj = Q(b, j, s) + Q(b, s, j);
            LOSS(b, i, j) += di + dj - union_terms(b, i, j, s);
        }
    }
    slot_losses(b, s);
    /* members of t join s */
    int tail = -1;
    for (int w = b->first[t]; w >= 0; w = b->next[w]) b->slot_of[w] = s, tail = w;
    if (tail >= 0) {
        b->next[tail] = b->first[s];
        b->first[s] = b->first[t];
    }
    b->first[t] = -1;
}

static void best_pair(const brown *b, int *s, int *t) {
    double best = INFINITY;
    *s = *t = -1;
    for (int i = 0; i < b->K; i++) {
        if (!b->active[i]) continue;
        for (int j = i + 1; j < b->K; j++)
            if (b->active[j] && LOSS(b, i, j) < best) best = LOSS(b, i, j), *s = i, *t = j;
    }
}

static void brown_free(brown *b) {
    free(b->p2), free(b->q), free(b->loss), free(b->p1);
    free(b->active), free(b->node), free(b->first), free(b->next), free(b->slot_of);
}

/* Cluster nwords words (ids by falling frequency); path[w] = its path code. */
static int brown_cluster(const graph *g, const uint32_t *count, int nwords, double ntok, double nbig, uint64_t *path,
                         FILE *log) {
    brown b = {0};
    int win = nwords < WINDOW ? nwords : WINDOW;
    b.K = win + 1;
    size_t kk = (size_t)b.K * b.K;
    b.p2 = calloc(kk, sizeof *b.p2), b.q = calloc(kk, sizeof *b.q), b.loss = calloc(kk, sizeof *b.loss);
    b.p1 = calloc(b.K, sizeof *b.p1), b.active = calloc(b.K, sizeof *b.active), b.node = calloc(b.K, sizeof(int));
    b.first = calloc(b.K, sizeof(int)), b.next = malloc(nwords * sizeof(int)), b.slot_of = malloc(nwords * sizeof(int));
    /* the final tree: 2 * win - 1 nodes, parent and bit of each */
    int *parent = malloc(2 * (size_t)win * sizeof *parent), *bit = calloc(2 * (size_t)win, sizeof *bit);
    int *wleaf = calloc((size_t)nwords, sizeof *wleaf);
    if (!wleaf || !b.p2 || !b.q || !b.loss || !b.p1 || !b.active || !b.node || !b.first || !b.next || !b.slot_of || !parent ||
        !bit) {
        brown_free(&b);
        free(parent), free(bit), free(wleaf);
        return -1;
    }
    for (int w = 0; w < nwords; w++) b.slot_of[w] = -1;
    double t0 = now_seconds();
    for (int w = 0; w < nwords; w++) {
        int k = 0;
        while (b.active[k]) k++;
        add_word(&b, g, count, ntok, nbig, w, k);
        if (w >= win) {
            int s, t;
            best_pair(&b, &s, &t);
            merge(&b, s, t);
        }
        if (log && (w + 1) % 10000 == 0)
            fprintf(log, "clusters: %d words in (%.1fs)\n", w + 1, now_seconds() - t0);
    }
    /* the remaining clusters, merged to one, make the tree */
    int nodes = 0;
    for (int k = 0; k < b.K; k++)
        if (b.active[k]) {
            for (int w = b.first[k]; w >= 0; w = b.next[w]) wleaf[w] = nodes;
            b.node[k] = nodes++;
        }
    for (int left = nodes; left > 1; left--) {
        int s, t;
        best_pair(&b, &s, &t);
        parent[b.node[s]] = parent[b.node[t]] = nodes;
        bit[b.node[s]] = 0, bit[b.node[t]] = 1;
        int root = nodes++;
        merge(&b, s, t);
        b.node[s] = root;
    }
    parent[nodes - 1] = -1;
    /* leaf node of each word: the slot it was in when the tree began */
    int leaf_nodes = (nodes + 1) / 2;
    uint64_t *leaf_path = calloc((size_t)leaf_nodes, sizeof *leaf_path);
    if (!leaf_path) {
        brown_free(&b);
        free(parent), free(bit), free(wleaf);
        return -1;
    }
    for (int leaf = 0; leaf < leaf_nodes; leaf++) {
        int bits[128], nb = 0;
        for (int v = leaf; parent[v] >= 0 && nb < 128; v = parent[v]) bits[nb++] = bit[v];
        uint64_t code = 1;
        for (int i = nb - 1; i >= 0 && nb - 1 - i < MAX_DEPTH; i--) code = code << 1 | (uint64_t)bits[i];
        leaf_path[leaf] = code;
    }
    for (int w = 0; w < nwords; w++) path[w] = leaf_path[wleaf[w]];
    brown_free(&b);
    free(parent), free(bit), free(leaf_path), free(wleaf);
    if (log) fprintf(log, "clusters: %d words in %d clusters (%.1fs)\n", nwords, leaf_nodes, now_seconds() - t0);
    return 0;
}

/* ---- training ------------------------------------------------------------------ */

static int cmp_u64(const void *a, const void *b) { return by_hash(a, b); }

/* the word id of hash h in the vocabulary table, -1 when not clustered */
static int vocab_id(const uint64_t *tab, const int *ids, uint64_t mask, uint64_t h) {
    for (uint64_t i = (h | 1) & mask;; i = (i + 1) & mask) {
        if (tab[i] == (h | 1)) return ids[i];
        if (!tab[i]) return -1;
    }
}

/* (a, b) pairs -> per-a runs of (b << 32 | count) */
static int compress(uint64_t *pairs, size_t n, int nwords, uint64_t **out, size_t **start) {
    qsort(pairs, n, sizeof *pairs, cmp_u64);
    *start = calloc((size_t)nwords + 1, sizeof **start);
    *out = malloc((n + 1) * sizeof **out);
    if (!*start || !*out) return -1;
    size_t m = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && pairs[j] == pairs[i]) j++;
        (*start)[(pairs[i] >> 32) + 1]++;
        (*out)[m++] = (pairs[i] << 32) | (uint32_t)(j - i);
        i = j;
    }
    for (int w = 0; w < nwords; w++) (*start)[w + 1] += (*start)[w];
    return 0;
}

/* How often each word is capitalised inside a sentence: bucket 1 (never)
 * to 5 (always), 0 when seen there less than twice; kept above the path
 * bits. A word of running text capitalised in mid-sentence is a name. */
static int capitalisation(const stream *s, const uint64_t *tab, const int *ids, uint64_t mask, int nwords,
                          uint64_t *path) {
    uint32_t *upper = calloc((size_t)nwords, sizeof *upper), *lower = calloc((size_t)nwords, sizeof *lower);
    if (!upper || !lower) {
        free(upper), free(lower);
        return -1;
    }
    for (size_t i = 0; i < s->n; i++) {
        int w = s->h[i] && s->caps[i] != CAP_NONE ? vocab_id(tab, ids, mask, s->h[i]) : -1;
        if (w >= 0) (s->caps[i] == CAP_UPPER ? upper : lower)[w]++;
    }
    for (int w = 0; w < nwords; w++) {
        double n = (double)upper[w] + lower[w], r = n > 0 ? upper[w] / n : 0;
        uint64_t bucket = n < 2 ? 0 : 1 + (r >= 0.05) + (r >= 0.35) + (r >= 0.65) + (r >= 0.95);
        path[w] |= bucket << CAPS_SHIFT;
    }
    free(upper), free(lower);
    return 0;
}

static int write_model(const uint64_t *hashes, const uint64_t *path, int nwords, int nclusters, const char *out,
                       dyad_error *err) {
    uint64_t cap = 16; /* at most 3/4 full */
    while (cap * 3 < (uint64_t)nwords * 4) cap *= 2;
    uint64_t *tab = calloc(cap * 2, sizeof *tab);
    if (!tab) return -1;
    for (int w = 0; w < nwords; w++) {
        uint64_t key = hashes[w] | 1, s = key & (cap - 1);
        while (tab[2 * s]) s = (s + 1) & (cap - 1);
        tab[2 * s] = key;
        tab[2 * s + 1] = path[w];
    }
    nlp_writer wr;
    nlp_writer_init(&wr, NLP_KIND_CLUSTERS);
    uint32_t meta[4] = {(uint32_t)nwords, (uint32_t)nclusters, WINDOW, MIN_COUNT};
    buf_push(nlp_writer_section(&wr, SEC_META), meta, sizeof meta);
    buf_push(nlp_writer_section(&wr, SEC_LEX_SLOTS), tab, cap * 16);
    free(tab);
    int rc = nlp_writer_save(&wr, out, err);
    nlp_writer_free(&wr);
    return rc;
}

int clusters_train(const char *const *files, int nfiles, const char *out, FILE *log, dyad_error *err) {
    stream s = {0};
    dyad_doc *doc = dyad_doc_new();
    wcount *wc = NULL;
    uint64_t *sorted = NULL, *tab = NULL, *pairs = NULL, *hashes = NULL, *path = NULL;
    int *ids = NULL, rc = -1;
    uint32_t *count = NULL;
    graph g = {0};
    if (!doc) goto nomem;
    for (int f = 0; f < nfiles; f++) {
        size_t len;
        char *data = file_read_all(files[f], &len, (size_t)1 << 31, err);
        if (!data) goto done;
        size_t before = s.n;
        read_text_file(&s, doc, data, len);
        free(data);
        if (s.failed) goto nomem;
        if (log) fprintf(log, "clusters: %s: %zu tokens\n", files[f], s.n - before);
    }
    /* vocabulary: words seen MIN_COUNT times, the MAX_WORDS most frequent */
    sorted = malloc((s.n + 1) * sizeof *sorted);
    wc = malloc((s.n + 1) * sizeof *wc);
    if (!sorted || !wc) goto nomem;
    size_t ns = 0, ntok = 0;
    for (size_t i = 0; i < s.n; i++)
        if (s.h[i]) sorted[ns++] = s.h[i];
    ntok = ns;
    qsort(sorted, ns, sizeof *sorted, cmp_u64);
    size_t nw = 0;
    for (size_t i = 0; i < ns;) {
        size_t j = i;
        while (j < ns && sorted[j] == sorted[i]) j++;
        if (j - i >= MIN_COUNT) wc[nw++] = (wcount){sorted[i], (uint32_t)(j - i)};
        i = j;
    }
    qsort(wc, nw, sizeof *wc, by_count);
    int nwords = nw < MAX_WORDS ? (int)nw : MAX_WORDS;
    if (nwords < 2) {
        dyad_error_set(err, DYAD_EINVAL, out, 0, -1, "too little text to learn word clusters (%d words)", nwords);
        goto done;
    }
    uint64_t cap = 16;
    while (cap < (uint64_t)nwords * 2) cap *= 2;
    tab = calloc(cap, sizeof *tab);
    ids = malloc(cap * sizeof *ids);
    count = malloc((size_t)nwords * sizeof *count);
    hashes = malloc((size_t)nwords * sizeof *hashes);
    path = malloc((size_t)nwords * sizeof *path);
    pairs = malloc((s.n + 1) * sizeof *pairs);
    if (!tab || !ids || !count || !hashes || !path || !pairs) goto nomem;
    for (int w = 0; w < nwords; w++) {
        uint64_t key = wc[w].h | 1, i = key & (cap - 1);
        while (tab[i]) i = (i + 1) & (cap - 1);
        tab[i] = key;
        ids[i] = w;
        count[w] = wc[w].n;
        hashes[w] = wc[w].h;
    }
    /* bigrams of clustered words, both directions */
    size_t np = 0;
    for (size_t i = 0; i + 1 < s.n; i++) {
        int a = s.h[i] ? vocab_id(tab, ids, cap - 1, s.h[i]) : -1;
        int b = s.h[i + 1] ? vocab_id(tab, ids, cap - 1, s.h[i + 1]) : -1;
        if (a >= 0 && b >= 0) pairs[np++] = (uint64_t)a << 32 | (uint32_t)b;
    }
    double nbig = (double)np;
    if (compress(pairs, np, nwords, &g.right, &g.rs)) goto nomem;
    for (size_t i = 0; i < np; i++) pairs[i] = (pairs[i] << 32) | (pairs[i] >> 32); /* (b, a) */
    if (compress(pairs, np, nwords, &g.left, &g.ls)) goto nomem;
    if (log)
        fprintf(log, "clusters: %zu tokens, %d words clustered (of %zu seen %d+ times), %.0f bigrams\n", ntok, nwords,
                nw, MIN_COUNT, nbig);
    if (brown_cluster(&g, count, nwords, (double)ntok, nbig > 0 ? nbig : 1, path, log)) goto nomem;
    if (capitalisation(&s, tab, ids, cap - 1, nwords, path)) goto nomem;
    int leaves = nwords < WINDOW ? nwords : WINDOW;
    rc = write_model(hashes, path, nwords, leaves, out, err);
    goto done;
nomem:
    dyad_error_set(err, DYAD_ENOMEM, out, 0, -1, "out of memory learning word clusters");
done:
    dyad_doc_free(doc);
    free(s.h), free(s.caps), free(s.seen), free(wc), free(sorted), free(tab), free(ids), free(count), free(hashes), free(path);
    free(pairs), free(g.right), free(g.left), free(g.rs), free(g.ls);
    return rc;
}

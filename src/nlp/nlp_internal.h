/* nlp_internal.h - what the analyzer's files share: the model container
 * format, sparse perceptron weights (training and run-time forms), the
 * per-sentence working arrays, and the tagger/lemmatizer/parser entry points. */
#ifndef DY_NLP_INTERNAL_H
#define DY_NLP_INTERNAL_H
#include <stdint.h>
#include <stdio.h>
#include "dyad.h"
#include "base/arena.h"
#include "base/util.h"

/* ---- model container (model_file.c) -------------------------------------
 * header | section directory | sections. All integers little-endian, every
 * section 16-byte aligned. The checksum covers everything after the header. */
#define NLP_MAGIC "DYADMDL\x01"
#define NLP_VERSION 2u
enum { NLP_KIND_TAGGER = 1, NLP_KIND_LEMMATIZER = 2, NLP_KIND_PARSER = 3, NLP_KIND_CLUSTERS = 4 };
#define NLP_MAX_SECTIONS 16

typedef struct nlp_section { uint32_t id, reserved; uint64_t offset, size; } nlp_section;
typedef struct nlp_file {
    dy_map map;
    uint32_t kind;
    uint32_t nsections;
    nlp_section sec[NLP_MAX_SECTIONS];
    const char *path;
} nlp_file;

/* Map and verify a model file; kind must match. */
int nlp_file_open(nlp_file *f, const char *path, uint32_t kind, dyad_error *err);
void nlp_file_close(nlp_file *f);
/* A section's bytes (NULL when absent); *size set. */
const void *nlp_file_section(const nlp_file *f, uint32_t id, uint64_t *size);

/* Writer: collect sections, then write temp file + rename. */
typedef struct nlp_writer { uint32_t kind, n; uint32_t ids[NLP_MAX_SECTIONS]; dy_buf data[NLP_MAX_SECTIONS]; } nlp_writer;
void nlp_writer_init(nlp_writer *w, uint32_t kind);
dy_buf *nlp_writer_section(nlp_writer *w, uint32_t id);
int nlp_writer_save(nlp_writer *w, const char *path, dyad_error *err);
void nlp_writer_free(nlp_writer *w);
uint64_t nlp_checksum(const unsigned char *p, size_t n);

/* String table: n NUL-terminated strings packed; returns 0 when valid. */
int nlp_strings_index(const char *blob, uint64_t size, uint32_t n, const char **out);

/* ---- weights (weights.c) --------------------------------------------------
 * Run time: open-addressing table of 64-bit feature hashes -> a row of
 * (class, int16 weight) pairs. Training: the same keys -> chained entries with
 * averaged-perceptron accumulators. */
typedef struct nlp_slot { uint32_t fp, off; } nlp_slot;
typedef struct nlp_entry { uint16_t cls; int16_t w; } nlp_entry;
/* Two row layouts (WEIGHT_META word 2). LAYOUT_PACKED, what training
 * writes: the slot's off holds the row's first entry << 8 | its length, so a
 * lookup reads no row header; length ROW_DENSE marks a dense row (features
 * that weigh most classes, e.g. tag pairs): nlp_dense_classes(nclasses)
 * int16 weights summed with vector adds; other rows are (class, weight)
 * entries. LAYOUT_HEADERS (older files): a row starts with a header entry,
 * w = 0 and cls = the number of entries that follow, or w = 1 for dense. */
enum { LAYOUT_HEADERS = 0, LAYOUT_PACKED = 1, ROW_DENSE = 0xff };
static inline uint32_t nlp_dense_classes(uint32_t nclasses) { return (nclasses + 15) & ~15u; }
typedef struct nlp_weights {
    const nlp_slot *slots; uint64_t nslots;
    const nlp_entry *entries; uint64_t nentries;
    uint32_t nclasses, layout;
    float scale;
} nlp_weights;
/* Sections WEIGHT_META, WEIGHT_SLOTS, WEIGHT_ENTRIES; validates every row. */
int nlp_weights_load(nlp_weights *w, const nlp_file *f, uint32_t nclasses, dyad_error *err);
/* first probe of a key in a table of n slots (any n < 2^32) */
static inline uint64_t nlp_slot_of(uint64_t h, uint64_t n) { return ((h & 0xffffffffu) * n) >> 32; }
/* Sum the rows of nf features into scores; looks all slots up first with
 * prefetches so the cache misses overlap (the tables exceed the caches). */
void nlp_weights_score(const nlp_weights *w, const uint64_t *f, int nf, int32_t *scores);
/* The same in two steps, for callers that sum features into several score
 * arrays: rows[k] = feature k's row (NLP_NO_ROW when absent), looked up
 * with prefetches; then add rows[0..n) into scores. */
#define NLP_NO_ROW 0xffffffffu
void nlp_weights_lookup(const nlp_weights *w, const uint64_t *f, int nf, uint32_t *rows);
void nlp_weights_add_rows(const nlp_weights *w, const uint32_t *rows, int n, int32_t *scores);
enum { SEC_META = 1, SEC_CLASSES = 2, SEC_WEIGHT_META = 3, SEC_WEIGHT_SLOTS = 4, SEC_WEIGHT_ENTRIES = 5,
       SEC_LEX_SLOTS = 6, SEC_LEX_STRINGS = 7, SEC_RULES = 8, SEC_BASE_FORMS = 9, SEC_WORDNET = 10 };

typedef struct nlp_tentry { uint32_t next; uint16_t cls; uint16_t pad; float w, u; } nlp_tentry;
typedef struct nlp_train_weights {
    uint64_t *keys; uint32_t *first; uint64_t cap, n;
    nlp_tentry *pool; uint64_t npool, cappool;
    uint32_t nclasses;
    double clock; /* update counter for averaging */
} nlp_train_weights;
int tw_init(nlp_train_weights *t, uint32_t nclasses);
void tw_free(nlp_train_weights *t);
void tw_score(const nlp_train_weights *t, const uint64_t *f, int nf, float *scores);
/* The same in two steps (as nlp_weights_lookup/add_rows): each feature's
 * first entry (TW_NO_ENTRY when absent), looked up with prefetches; then
 * add those features' weights into scores, in feature order. */
#define TW_NO_ENTRY 0xffffffffu
void tw_lookup(const nlp_train_weights *t, const uint64_t *f, int nf, uint32_t *first);
void tw_add_rows(const nlp_train_weights *t, const uint32_t *first, int n, float *scores);
/* lay each feature's entries out contiguously (call between iterations) */
int tw_compact(nlp_train_weights *t);
/* +1 for cls good, -1 for cls bad on every feature */
int tw_update(nlp_train_weights *t, const uint64_t *f, int nf, int good, int bad);
/* delta for class cls on every feature, at the current clock (structured
 * updates: the caller advances clock once per training instance) */
int tw_add(nlp_train_weights *t, const uint64_t *f, int nf, int cls, float delta);
/* Average, quantize, prune the smallest weights until the table fits
 * max_bytes, and add the weight sections. */
int tw_save(const nlp_train_weights *t, nlp_writer *w, double max_bytes, FILE *log);

/* ---- CoNLL-U corpus for training and evaluation (corpus.c) ---------------- */
typedef struct nlp_gold_tok { const char *form, *lemma, *upos, *xpos, *deprel; int head; } nlp_gold_tok;
typedef struct nlp_corpus {
    dyad_arena *arena;
    nlp_gold_tok *toks; size_t ntoks, captoks;
    uint32_t *sent_first; size_t nsents, capsents; /* sentence i = toks[sent_first[i] .. sent_first[i+1]) */
    const char **sent_ids;
} nlp_corpus;
int corpus_load(nlp_corpus *c, const char *path, dyad_error *err);
void corpus_free(nlp_corpus *c);
/* Append to the last sentence: a new token (zeroed), or NULL when out of memory. */
nlp_gold_tok *corpus_add_token(nlp_corpus *c);
/* Start a new sentence at the current end of the tokens. */
int corpus_add_sentence(nlp_corpus *c, const char *id);
/* News-style copies of training sentences (augment.c): a temporal or source
 * phrase between subject and verb ("China on Monday said"), a dateline
 * ("MOSCOW (AFP) - ..."), a possessor before a named subject ("Russia 's
 * Putin said"). Returns the number of sentences added, -1 when out of memory. */
long corpus_augment_news(nlp_corpus *c);
/* sub = c without sentences [lo, hi): a jackknife fold's training set.
 * sub's toks and sent_first must hold c's; tokens are shared, not copied deeply. */
void corpus_without_range(const nlp_corpus *c, size_t lo, size_t hi, nlp_corpus *sub);
static inline size_t corpus_sent_len(const nlp_corpus *c, size_t i) {
    size_t end = i + 1 < c->nsents ? c->sent_first[i + 1] : c->ntoks;
    return end - c->sent_first[i];
}

/* ---- per-sentence working data ------------------------------------------ */
typedef struct nlp_word {
    uint64_t lower, raw, shape, suf[4], pre[3], cluster;
    uint64_t suf5, tail; /* 5-byte suffix; the part after the last hyphen ("pro-Russian" -> "russian") */
    /* Brown cluster of the lowercase form (clusters.c): hashes of its path's
     * prefixes of 4 and 6 bits and of the full path, and the path itself (a
     * leading 1, then the bits); all 0 when the word has no cluster */
    uint64_t brown[3], path;
    uint32_t caps; /* how often the unlabeled text capitalises it mid-sentence: 0 unknown, 1 never .. 5 always */
    uint32_t flags;
    uint32_t wn; /* set by the tagger: WN_* bits (wordnet.c), the sentence's case above them */
} nlp_word;
enum { W_UPPER1 = 1, W_ALLCAPS = 2, W_DIGIT = 4, W_HYPHEN = 8, W_PUNCT = 16, W_LOWER = 32 };
/* Hash one token's surface features. */
void nlp_word_features(const char *form, nlp_word *w);
/* the hash nlp_word_features gives a lowercase form of n bytes (nlp_word.lower) */
uint64_t nlp_lower_hash(const char *low, size_t n);

/* ---- WordNet lexicon for the tagger (wordnet.c) ----------------------------
 * word -> which parts of speech WordNet lists it under, as a base form or a
 * (regular or irregular) inflection. Table entries: 20-bit fingerprint << 12 | class. */
enum { WN_NOUN = 1, WN_VERB = 2, WN_ADJ = 4, WN_ADV = 8, WN_PLURAL = 16, WN_VERB_S = 32, WN_VERB_ED = 64,
       WN_VERB_ING = 128, WN_ADJ_CMP = 256, WN_CLASS_MASK = 0xfff };
static inline uint32_t wordnet_entry(uint64_t key, unsigned cls) {
    return (uint32_t)((key >> 44) | 1) << 12 | (cls & WN_CLASS_MASK);
}
/* read dir's index.* and *.exc files; returns a table of *nslots (a power of
 * two) entries, NULL when WordNet is missing or out of memory */
uint32_t *wordnet_classes(const char *dir, uint64_t *nslots);
/* the WN_* class of lowercase hash h (0: not in WordNet) */
uint32_t wordnet_lookup(const uint32_t *tab, uint64_t mask, uint64_t h);

/* ---- word clusters (clusters.c) -------------------------------------------
 * Brown clusters learned from unlabeled text: lowercase word hash -> path. */
typedef struct nlp_clusters {
    nlp_file file;
    const uint64_t *slots; uint64_t mask; /* (word hash | 1, path) pairs */
    uint32_t nwords;
    uint64_t id;                          /* checksum of the table: the tagger records the one it learned with */
} nlp_clusters;
int clusters_load(nlp_clusters *c, const char *path, dyad_error *err);
void clusters_free(nlp_clusters *c);
/* fill brown[] and path of each word (c may be NULL: no clusters) */
void clusters_apply(const nlp_clusters *c, nlp_word *words, int n);
/* hash of the first bits of a path (the whole path when shorter); 0 for no path */
uint64_t clusters_prefix(uint64_t path, int bits);
/* learn clusters from text files (CoNLL-U forms, WordNet glosses or running text) */
int clusters_train(const char *const *files, int nfiles, const char *out, FILE *log, dyad_error *err);

/* ---- tagger (tagger.c) ---------------------------------------------------- */
typedef struct nlp_tagger {
    nlp_file file;
    nlp_weights w;
    uint32_t nclasses;
    const char **upos, **xpos; /* per class, model-owned */
    const uint64_t *amb; uint64_t ambmask; /* (word hash, ambiguity class) pairs */
    int adp_in;                            /* the ADP/IN class, -1 if the model has none */
    uint64_t preps[32]; int npreps;        /* prepositions that stay ADP/IN when unseen in training */
    nlp_clusters clusters; int has_clusters; /* clusters.dyad beside the tagger, when trained with it */
    uint8_t *kinds;                        /* per class: TK_* bits (tagger.c) */
    const uint32_t *wn; uint64_t wnmask;   /* WordNet lexicon (wordnet.c), NULL in older models */
} nlp_tagger;
int tagger_load(nlp_tagger *t, const char *path, dyad_error *err);
void tagger_free(nlp_tagger *t);
/* words[n] -> tags[n] (class ids); scores scratch of nlp_dense_classes(nclasses)
 * ints. Also sets each word's cluster to its ambiguity class (the tags it had
 * in training) and its Brown cluster (brown[], path). */
void tagger_tag(const nlp_tagger *t, nlp_word *words, int n, int *tags, int32_t *scores);
/* set each word's cluster to its ambiguity class and its Brown cluster only (no tagging) */
void tagger_set_clusters(const nlp_tagger *t, nlp_word *words, int n);
int tagger_train(const nlp_corpus *train, const nlp_corpus *dev, int iterations, const char *out, FILE *log,
                 dyad_error *err);

/* ---- lemmatizer (lemmatizer.c) ---------------------------------------------- */
typedef struct nlp_lemmatizer {
    nlp_file file;
    const uint32_t *lex; uint64_t lexmask;       /* (hash(lower form), xpos) -> string offset pairs */
    const char *strings; uint64_t strings_size;
    const uint32_t *rules; uint64_t nrules;      /* hashed (xpos, suffix) -> strip, append offset */
    const uint32_t *dict; uint64_t dictmask;     /* fingerprints of (WordNet POS, base form) */
} nlp_lemmatizer;
int lemmatizer_load(nlp_lemmatizer *l, const char *path, dyad_error *err);
void lemmatizer_free(nlp_lemmatizer *l);
const char *lemmatize(const nlp_lemmatizer *l, const char *form, const char *upos, const char *xpos, dyad_arena *a);
int lemmatizer_train(const nlp_corpus *train, const nlp_corpus *dev, const char *out, FILE *log, dyad_error *err);

/* ---- parser (parser.c, parser_beam.c, parser_train.c) -------------------- */
typedef struct nlp_parser {
    nlp_file file;
    nlp_weights w;
    uint32_t nlabels, nclasses, ntags, root_label, fallback_label;
    uint32_t beam;            /* beam width: 1 parses greedily */
    const char **labels;
    const char **tag_names;   /* the tagger classes the parser was trained with */
} nlp_parser;
int parser_load(nlp_parser *p, const char *path, dyad_error *err);
void parser_free(nlp_parser *p);
/* words[n], tags[n] (tagger class ids mapped into the parser's) -> heads[n] (0 root, 1-based), labels[n] */
int parser_parse(const nlp_parser *p, const nlp_word *words, const int *tags, int n, int *heads, int *labels,
                 dyad_arena *a);
/* beam: the width to train and parse with (saved in the model); 0 the default (greedy) */
int parser_train(const nlp_corpus *train, const nlp_corpus *dev, const char *tagger_path, int iterations,
                 int beam, const char *out, FILE *log, dyad_error *err);

#endif

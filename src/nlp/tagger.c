/* tagger.c - averaged-perceptron POS tagger predicting a joint (UPOS, XPOS)
 * class from the word, its affixes and shape, its Brown cluster, the parts
 * of speech WordNet lists it under, two words of context either side and
 * two neighbouring tags. Two greedy passes share one weight table: the first
 * tags right to left, the second left to right and also sees the first
 * pass's tags of the next two words, so "X said" and "X 's" can look right
 * as well as left; the second is trained on jackknifed first-pass tags. */
#include <stdlib.h>
#include <string.h>
#include "nlp_internal.h"

enum { MAX_TAG_FEATS = 80, AMB_MIN_COUNT = 3 };
/* the headline rule takes near ties only (in averaged-perceptron update
 * units): on the EWT dev set, titles without a verb ("Great Family Fun and
 * Bonding") that a wider margin would give one all scored below -25 */
#define HEADLINE_MARGIN 20.0
/* the participle rule's margin: on EWT dev, 10 and 40 give the same XPOS to
 * within two words in 25k; 40 takes "Thousands of people marched" (10 would not) */
#define PARTICIPLE_MARGIN 40.0
/* jackknifed first-pass tags for training the second pass (small treebanks:
 * own tags); the fold taggers train as long as the full one, so that their
 * tags are as noisy as the full first pass's on new text */
enum { JK_FOLDS = 4, JK_ITERATIONS = 12, JK_MIN_SENTENCES = 2000 };
#define TAGGER_MAX_BYTES (6.5 * 1048576)
#define AMB_UNKNOWN 0x9999u
#define WORDNET_DIR "/usr/share/wordnet"
/* nlp_word.wn above the WordNet class: the sentence's case */
enum { SENT_CASE_SHIFT = 16, SENT_TITLE = 1, SENT_LOWER = 2 };

/* the ambiguity class of a word: the set of tags it had in training */
static uint64_t amb_lookup(const nlp_tagger *t, uint64_t h) {
    if (!t->amb) return AMB_UNKNOWN;
    uint64_t key = h | 1;
    for (uint64_t i = key & t->ambmask;; i = (i + 1) & t->ambmask) {
        if (t->amb[2 * i] == key) return t->amb[2 * i + 1];
        if (!t->amb[2 * i]) return AMB_UNKNOWN;
    }
}

static inline uint64_t f1(uint64_t t, uint64_t a) { return hash_mix(hash_mix(t * 0x9e3779b97f4a7c15ULL, a), 7); }
static inline uint64_t f2(uint64_t t, uint64_t a, uint64_t b) { return hash_mix(f1(t, a), b); }

static const nlp_word *word_at(const nlp_word *w, int n, int i) {
    static const nlp_word bos = {.lower = 0x1111, .raw = 0x1111, .shape = 0x1111, .suf = {0x1111}};
    static const nlp_word eos = {.lower = 0x2222, .raw = 0x2222, .shape = 0x2222, .suf = {0x2222}};
    return i < 0 ? &bos : i >= n ? &eos : &w[i];
}

/* The features of word i that do not depend on tags: the same in both
 * passes, so their scores are summed once per word. */
static int word_features(const nlp_word *words, int n, int i, uint64_t *f) {
    const nlp_word *w = &words[i], *l1 = word_at(words, n, i - 1), *l2 = word_at(words, n, i - 2),
                   *r1 = word_at(words, n, i + 1), *r2 = word_at(words, n, i + 2);
    int k = 0;
    f[k++] = f1(1, 0);
    f[k++] = f1(2, w->lower);
    f[k++] = f1(3, w->raw);
    for (int j = 0; j < 4; j++) f[k++] = f1(4 + j, w->suf[j]);
    for (int j = 0; j < 3; j++) f[k++] = f1(8 + j, w->pre[j]);
    f[k++] = f1(11, w->shape);
    f[k++] = f2(12, w->flags, i == 0);
    f[k++] = f1(13, l1->lower);
    f[k++] = f1(14, l2->lower);
    f[k++] = f1(15, r1->lower);
    f[k++] = f1(16, r2->lower);
    f[k++] = f1(17, l1->suf[2]);
    f[k++] = f1(18, r1->suf[2]);
    f[k++] = f1(19, r1->shape);
    f[k++] = f2(23, l1->lower, w->lower);
    f[k++] = f2(24, w->lower, r1->lower);
    f[k++] = f2(26, w->suf[2], r1->suf[2]);
    f[k++] = f2(28, r1->lower, r2->lower);
    f[k++] = f2(82, l2->lower, w->lower);
    f[k++] = f2(83, w->lower, r2->lower);
    f[k++] = f1(29, w->cluster);
    f[k++] = f1(30, r1->cluster);
    f[k++] = f1(31, l1->cluster);
    f[k++] = f2(32, w->flags, r1->flags);
    f[k++] = f1(33, l1->shape);
    f[k++] = f1(34, r2->cluster);
    f[k++] = f2(36, w->cluster, r1->cluster);
    f[k++] = f2(37, l1->cluster, w->cluster);
    f[k++] = f2(38, w->cluster, w->suf[2]);
    f[k++] = f1(39, w->suf5);
    f[k++] = f1(40, w->tail);
    f[k++] = f2(41, w->tail, w->flags & W_UPPER1);
    f[k++] = f2(42, w->lower, i == 0 ? 1 : 2 + (w->flags & (W_UPPER1 | W_ALLCAPS)));
    /* Brown clusters: coarse and fine classes of words rare in the treebank */
    f[k++] = f1(50, w->brown[0]);
    f[k++] = f1(51, w->brown[1]);
    f[k++] = f1(53, w->brown[2]);
    f[k++] = f1(54, l1->brown[0]);
    f[k++] = f1(55, l1->brown[2]);
    f[k++] = f1(56, r1->brown[0]);
    f[k++] = f1(57, r1->brown[2]);
    /* a capitalised word the unlabeled text always capitalises is a name */
    f[k++] = f2(60, w->caps, (w->flags & (W_UPPER1 | W_ALLCAPS)) | (uint64_t)(i == 0) << 8);
    /* WordNet: the parts of speech a word the treebank rarely saw can take */
    uint64_t wn = w->wn & WN_CLASS_MASK;
    f[k++] = f1(61, wn);
    f[k++] = f2(62, wn, w->cluster);
    f[k++] = f2(63, wn, (w->flags & (W_UPPER1 | W_ALLCAPS)) | (uint64_t)(i == 0) << 8);
    f[k++] = f1(65, r1->wn & WN_CLASS_MASK);
    f[k++] = f1(66, l1->wn & WN_CLASS_MASK);
    /* in a title-case line or one without capitals, capitals say little */
    uint64_t sc = w->wn >> SENT_CASE_SHIFT;
    if (sc) {
        f[k++] = f2(70, sc, w->lower);
        f[k++] = f2(71, sc, (w->flags & (W_UPPER1 | W_ALLCAPS)) | (uint64_t)(i == 0) << 8);
        f[k++] = f2(72, sc, w->caps);
    }
    return k;
}

/* The first pass tags right to left, the second left to right. p1, p2:
 * the tags already given on the side the pass comes from (-1 outside the
 * sentence: the next two words in the first pass, the previous two in the
 * second); tags: in the second pass, the first pass's tags for the right
 * context, NULL in the first pass. */
static int tag_context_features(const nlp_word *words, int n, int i, int p1, int p2, const int *tags, uint64_t *f) {
    const nlp_word *w = &words[i], *r1 = word_at(words, n, i + 1);
    uint64_t dir = tags ? 0 : 1u << 16; /* the first pass's neighbours are on the right */
    uint64_t t1 = (uint64_t)(p1 + 2) + dir, t2 = (uint64_t)(p2 + 2) + dir;
    int k = 0;
    f[k++] = f1(20, t1);
    f[k++] = f2(21, t1, t2);
    f[k++] = f2(22, t1, w->lower);
    f[k++] = f2(25, t1, r1->lower);
    f[k++] = f2(27, t1, w->suf[2]);
    f[k++] = f2(35, t1, w->cluster);
    f[k++] = f2(89, t1, w->wn & WN_CLASS_MASK);
    if (tags) {
        uint64_t r1t = (uint64_t)((i + 1 < n ? tags[i + 1] : -1) + 8),
                 r2t = (uint64_t)((i + 2 < n ? tags[i + 2] : -1) + 8);
        f[k++] = f1(43, r1t);
        f[k++] = f2(44, r1t, r2t);
        f[k++] = f2(45, r1t, w->lower);
        f[k++] = f2(46, t1, r1t);
        f[k++] = f2(47, r1t, w->suf[2]);
        f[k++] = f2(48, r1t, w->cluster);
        f[k++] = f2(49, hash_mix(t1, r1t), w->cluster);
        /* the word between its neighbours' tags: "up"/"about"/"that" as particle, preposition or pronoun */
        f[k++] = f2(80, hash_mix(t1, r1t), w->lower);
        f[k++] = f2(81, hash_mix(r1t, r2t), w->lower);
        f[k++] = f2(90, hash_mix(t1, r1t), w->wn & WN_CLASS_MASK);
    }
    return k;
}

static int tag_features(const nlp_word *words, int n, int i, int p1, int p2, const int *tags, uint64_t *f) {
    int k = word_features(words, n, i, f);
    return k + tag_context_features(words, n, i, p1, p2, tags, f + k);
}

/* the word a pass tags at step j, and the two tags it has as context */
static int pass_position(int pass, int n, int j) { return pass ? j : n - 1 - j; }
static int context_tag(const int *tags, int pass, int n, int i, int d) {
    int k = pass ? i - d : i + d;
    return k >= 0 && k < n ? tags[k] : -1;
}

static int argmax(const float *s, int n) {
    int b = 0;
    for (int i = 1; i < n; i++)
        if (s[i] > s[b]) b = i;
    return b;
}

/* SENT_TITLE: three in four words or more capitalised (two words at
 * least); SENT_LOWER: no capitals at all */
static uint32_t sentence_case(const nlp_word *words, int n) {
    int cap = 0, low = 0;
    for (int i = 0; i < n; i++) {
        cap += (words[i].flags & W_UPPER1) != 0;
        low += (words[i].flags & W_LOWER) != 0;
    }
    if (cap + low < 2) return 0;
    if (!cap) return SENT_LOWER;
    return cap * 4 >= (cap + low) * 3 ? SENT_TITLE : 0;
}

/* each word's ambiguity class, WordNet class and its sentence's case */
static void set_lexicon_classes(const nlp_tagger *t, nlp_word *words, int n) {
    uint32_t sc = sentence_case(words, n) << SENT_CASE_SHIFT;
    for (int i = 0; i < n; i++) {
        words[i].cluster = amb_lookup(t, words[i].lower);
        words[i].wn = wordnet_lookup(t->wn, t->wnmask, words[i].lower) | sc;
    }
}

void tagger_set_clusters(const nlp_tagger *t, nlp_word *words, int n) {
    set_lexicon_classes(t, words, n);
    clusters_apply(t->has_clusters ? &t->clusters : NULL, words, n);
}

/* Prepositions of news text that the treebank lacks or has too rarely for an
 * ambiguity class: tagged from their affixes they come out as verbs ("amid"
 * VBD, lemma "amy"). Closed-class words are listed, not learned. */
static const char *const unseen_prepositions[] = {
    "amid", "amidst", "despite", "via", "per", "towards", "toward", "among", "amongst", "upon", "unlike",
    "throughout", "notwithstanding", "versus", "vs", "vs.", "atop", "alongside", "onto", "into", "within",
    "underneath", "beneath", "beside", "during", "against", "across", "behind", "beyond", "without", NULL};

static int is_listed_preposition(const nlp_tagger *t, const nlp_word *w) {
    if (w->cluster != AMB_UNKNOWN || t->adp_in < 0) return 0;
    for (int i = 0; i < t->npreps; i++)
        if (t->preps[i] == w->lower) return 1;
    return 0;
}

/* class kinds for the headline and participle rules */
enum { TK_FINITE = 1, TK_FINITE_VERB = 2, TK_NOMINAL = 4, TK_NOUN = 8, TK_PARTICIPLE = 16, TK_AUX = 32, TK_OBJECT_START = 64 };
enum { HEADLINE_MAX = 48 };

static uint8_t class_kind(const char *upos, const char *xpos) {
    int finite = !strcmp(xpos, "VBZ") || !strcmp(xpos, "VBP") || !strcmp(xpos, "VBD") || !strcmp(xpos, "MD");
    uint8_t k = finite ? TK_FINITE : 0;
    if (finite && !strcmp(upos, "VERB") && strcmp(xpos, "MD")) k |= TK_FINITE_VERB;
    if (!strcmp(upos, "NOUN") || !strcmp(upos, "PROPN") || !strcmp(upos, "PRON")) k |= TK_NOMINAL;
    if (!strcmp(upos, "NOUN")) k |= TK_NOUN;
    if (!strcmp(upos, "VERB") && !strcmp(xpos, "VBN")) k |= TK_PARTICIPLE;
    if (!strcmp(upos, "AUX")) k |= TK_AUX;
    /* what can open a verb's object or its "to" infinitive */
    if ((k & TK_NOMINAL) || !strcmp(upos, "DET") || !strcmp(upos, "NUM") || !strcmp(upos, "ADJ") ||
        !strcmp(xpos, "TO"))
        k |= TK_OBJECT_START;
    return k;
}

/* A headline (no final punctuation) is a clause: "UN chief urges calm as
 * fighting spreads". When the tagger found no finite verb in one, the common
 * noun after a noun or pronoun that scored best as a finite verb is taken
 * for the verb if it nearly won. */
static void headline_verb(const nlp_tagger *t, const nlp_word *words, int n, int *tags, const int *vcls,
                          const int32_t *margin) {
    int cand = -1;
    for (int i = 0; i < n; i++) {
        if (t->kinds[tags[i]] & TK_FINITE) return;
        if (i > 0 && vcls[i] >= 0 && (t->kinds[tags[i]] & TK_NOUN) && (t->kinds[tags[i - 1]] & TK_NOMINAL) &&
            (cand < 0 || margin[i] > margin[cand]))
            cand = i;
    }
    if (cand >= 0 && margin[cand] * (double)t->w.scale >= -HEADLINE_MARGIN) tags[cand] = vcls[cand];
}

/* A participle that comes before any finite verb, after a noun or pronoun
 * and with no auxiliary before it, is taken for the past tense if that
 * nearly won: "Thousands of people marched in the capital". When a finite
 * verb follows, the participle may be a reduced relative ("the man arrested
 * on Sunday was freed"), which, being passive, takes no object: then only a
 * participle followed by an object or "to" is the verb ("US suspended food
 * supplies over fears they were helping", "units threatened to shell"). */
static void participle_verb(const nlp_tagger *t, int n, int *tags, const int *vcls, const int32_t *margin) {
    int cand = -1, nominal = 0, aux = 0;
    for (int i = 0; i < n; i++) {
        uint8_t k = t->kinds[tags[i]];
        if (k & TK_FINITE) {
            if (cand < 0 || cand + 1 >= n || !(t->kinds[tags[cand + 1]] & TK_OBJECT_START)) return;
            break;
        }
        aux |= (k & TK_AUX) != 0;
        nominal |= (k & TK_NOMINAL) != 0;
        if (cand < 0 && (k & TK_PARTICIPLE) && nominal && !aux && vcls[i] >= 0) cand = i;
    }
    if (cand >= 0 && margin[cand] * (double)t->w.scale >= -PARTICIPLE_MARGIN) tags[cand] = vcls[cand];
}

static void tag_passes(const nlp_tagger *t, nlp_word *words, int n, int *tags, int32_t *scores, int passes) {
    uint64_t f[MAX_TAG_FEATS];
    int vcls[HEADLINE_MAX];      /* best finite verb class of each word */
    int32_t margin[HEADLINE_MAX]; /* its score less the best score */
    tagger_set_clusters(t, words, n);
    int verbless = passes == 2 && t->kinds && n >= 3 && n <= HEADLINE_MAX; /* rules for a missing finite verb */
    int headline = verbless && !(words[n - 1].flags & W_PUNCT);
    /* the second pass overwrites tags in place: tags[i+1..] are still the
     * first pass's when word i is tagged */
    size_t dense = nlp_dense_classes(t->nclasses), bytes = dense * sizeof *scores;
    /* each word's scores from its tag-independent features, summed in the
     * first pass and reused in the second (recomputed if out of memory) */
    int32_t *fixed = passes > 1 && n > 0 ? malloc((size_t)n * bytes) : NULL;
    for (int pass = 0; pass < passes; pass++)
        for (int j = 0; j < n; j++) {
            int i = pass_position(pass, n, j);
            int32_t *own = fixed ? fixed + (size_t)i * dense : NULL;
            if (pass == 0 || !own) {
                int nf = word_features(words, n, i, f);
                memset(scores, 0, bytes);
                nlp_weights_score(&t->w, f, nf, scores);
                if (own) memcpy(own, scores, bytes);
            } else {
                memcpy(scores, own, bytes);
            }
            int nf = tag_context_features(words, n, i, context_tag(tags, pass, n, i, 1),
                                          context_tag(tags, pass, n, i, 2), pass ? tags : NULL, f);
            nlp_weights_score(&t->w, f, nf, scores);
            int best = 0, verb = -1;
            for (int c = 1; c < (int)t->nclasses; c++)
                if (scores[c] > scores[best]) best = c;
            tags[i] = is_listed_preposition(t, &words[i]) ? t->adp_in : best;
            /* the rules only ever turn a noun or a participle into a verb,
             * so other words need no search for their best verb class */
            if (pass == 1 && verbless && (t->kinds[tags[i]] & (TK_NOUN | TK_PARTICIPLE)))
                for (int c = 0; c < (int)t->nclasses; c++)
                    if ((t->kinds[c] & TK_FINITE_VERB) && (verb < 0 || scores[c] > scores[verb])) verb = c;
            if (pass == 1 && verbless) {
                vcls[i] = verb;
                margin[i] = verb >= 0 ? scores[verb] - scores[best] : INT32_MIN;
            }
        }
    free(fixed);
    if (headline) headline_verb(t, words, n, tags, vcls, margin);
    else if (verbless) participle_verb(t, n, tags, vcls, margin);
}

void tagger_tag(const nlp_tagger *t, nlp_word *words, int n, int *tags, int32_t *scores) {
    tag_passes(t, words, n, tags, scores, 2);
}

/* the clusters file beside a model file */
static void clusters_path(const char *model, char *out, size_t cap) {
    const char *slash = strrchr(model, '/');
    if (!slash) snprintf(out, cap, "clusters.dyad");
    else snprintf(out, cap, "%.*s/clusters.dyad", (int)(slash - model), model);
}

/* A tagger trained with word clusters needs the same clusters: its weights
 * are for their paths. */
static int load_clusters(nlp_tagger *t, const char *path, uint64_t id, dyad_error *err) {
    char cp[1100];
    clusters_path(path, cp, sizeof cp);
    if (!path_exists(cp)) {
        dyad_error_set(err, DYAD_EMODEL, cp, 0, -1, "the tagger was trained with word clusters: file missing");
        return -1;
    }
    if (clusters_load(&t->clusters, cp, err)) return -1;
    t->has_clusters = 1;
    if (t->clusters.id != id) {
        dyad_error_set(err, DYAD_EMODEL, cp, 0, -1, "not the word clusters the tagger was trained with");
        return -1;
    }
    return 0;
}

int tagger_load(nlp_tagger *t, const char *path, dyad_error *err) {
    memset(t, 0, sizeof *t);
    if (nlp_file_open(&t->file, path, NLP_KIND_TAGGER, err)) return -1;
    uint64_t nm, nc;
    const uint32_t *meta = nlp_file_section(&t->file, SEC_META, &nm);
    const char *cls = nlp_file_section(&t->file, SEC_CLASSES, &nc);
    const char *why = NULL;
    if (!meta || nm < 4 || !cls) why = "tagger sections missing";
    else if (meta[0] == 0 || meta[0] > 4096) why = "bad tagger class count";
    if (!why) {
        t->nclasses = meta[0];
        const char **names = malloc(2 * t->nclasses * sizeof *names);
        if (!names) why = "out of memory";
        else if (nlp_strings_index(cls, nc, 2 * t->nclasses, names)) {
            free(names);
            why = "bad tagger class names";
        } else {
            t->upos = malloc(t->nclasses * sizeof *t->upos);
            t->xpos = malloc(t->nclasses * sizeof *t->xpos);
            if (!t->upos || !t->xpos) why = "out of memory";
            for (uint32_t i = 0; !why && i < t->nclasses; i++) {
                t->upos[i] = names[2 * i];
                t->xpos[i] = names[2 * i + 1];
            }
            free(names);
        }
    }
    if (why) {
        dyad_error_set(err, DYAD_EMODEL, path, 0, -1, "%s", why);
        tagger_free(t);
        return -1;
    }
    t->adp_in = -1;
    if (!(t->kinds = malloc(t->nclasses))) {
        dyad_error_set(err, DYAD_ENOMEM, path, 0, -1, "out of memory");
        tagger_free(t);
        return -1;
    }
    for (uint32_t i = 0; i < t->nclasses; i++) t->kinds[i] = class_kind(t->upos[i], t->xpos[i]);
    for (uint32_t i = 0; i < t->nclasses; i++)
        if (!strcmp(t->upos[i], "ADP") && !strcmp(t->xpos[i], "IN")) t->adp_in = (int)i;
    for (const char *const *p = unseen_prepositions; *p && t->npreps < 32; p++) {
        nlp_word w;
        nlp_word_features(*p, &w);
        t->preps[t->npreps++] = w.lower;
    }
    if (nm >= 16 && meta[1] && load_clusters(t, path, ((uint64_t)meta[3] << 32) | meta[2], err)) {
        tagger_free(t);
        return -1;
    }
    uint64_t na;
    t->amb = nlp_file_section(&t->file, SEC_LEX_SLOTS, &na);
    if (t->amb) {
        uint64_t slots = na / 16;
        uint64_t empty = 0;
        for (uint64_t i = 0; !(na % 16) && i < slots; i++) empty += t->amb[2 * i] == 0;
        if (na % 16 || !slots || (slots & (slots - 1)) || !empty) {
            dyad_error_set(err, DYAD_EMODEL, path, 0, -1, "bad tagger lexicon");
            tagger_free(t);
            return -1;
        }
        t->ambmask = slots - 1;
    }
    uint64_t nw;
    t->wn = nlp_file_section(&t->file, SEC_WORDNET, &nw);
    if (t->wn) {
        uint64_t slots = nw / 4, empty = 0;
        for (uint64_t i = 0; !(nw % 4) && i < slots; i++) empty += t->wn[i] == 0;
        if (nw % 4 || !slots || (slots & (slots - 1)) || !empty) {
            dyad_error_set(err, DYAD_EMODEL, path, 0, -1, "bad tagger WordNet lexicon");
            tagger_free(t);
            return -1;
        }
        t->wnmask = slots - 1;
    }
    if (nlp_weights_load(&t->w, &t->file, t->nclasses, err)) {
        tagger_free(t);
        return -1;
    }
    return 0;
}

void tagger_free(nlp_tagger *t) {
    if (t->has_clusters) clusters_free(&t->clusters);
    free(t->kinds);
    free(t->upos);
    free(t->xpos);
    nlp_file_close(&t->file);
    memset(t, 0, sizeof *t);
}

/* ---- training ------------------------------------------------------------ */

/* Deterministic shuffle for sentence order */
static void shuffle(uint32_t *a, size_t n, uint64_t *seed) {
    for (size_t i = n; i > 1; i--) {
        *seed = *seed * 6364136223846793005ULL + 1442695040888963407ULL;
        size_t j = (size_t)((*seed >> 33) % i);
        uint32_t x = a[i - 1];
        a[i - 1] = a[j];
        a[j] = x;
    }
}

typedef struct tagset { char **names; int n, cap; } tagset;

static int tagset_id(tagset *ts, const char *upos, const char *xpos, int add) {
    char key[128];
    snprintf(key, sizeof key, "%s\t%s", upos, xpos);
    for (int i = 0; i < ts->n; i++)
        if (!strcmp(ts->names[i], key)) return i;
    if (!add) return -1;
    if (ts->n == ts->cap) {
        ts->cap = ts->cap ? ts->cap * 2 : 64;
        char **nn = realloc(ts->names, ts->cap * sizeof *nn);
        if (!nn) return -1;
        ts->names = nn;
    }
    ts->names[ts->n] = strdup(key);
    return ts->n++;
}

static void words_of(const nlp_corpus *c, nlp_word *out) {
    for (size_t i = 0; i < c->ntoks; i++) nlp_word_features(c->toks[i].form, &out[i]);
}

typedef struct word_tag { uint64_t word; int tag; } word_tag;
static int cmp_word_tag(const void *a, const void *b) {
    const word_tag *x = a, *y = b;
    if (x->word != y->word) return x->word < y->word ? -1 : 1;
    return x->tag - y->tag;
}

/* Ambiguity classes of the words seen AMB_MIN_COUNT times or more: a hash of
 * the tags each took (tags under 2% of its uses ignored). Returns the slot
 * array (pairs of key, class) and its slot count. */
static uint64_t *build_amb(const nlp_word *words, const int *gold, size_t n, uint64_t *nslots) {
    word_tag *wt = malloc((n + 1) * sizeof *wt);
    if (!wt) return NULL;
    for (size_t i = 0; i < n; i++) wt[i] = (word_tag){words[i].lower | 1, gold[i]};
    qsort(wt, n, sizeof *wt, cmp_word_tag);
    size_t nwords = 0;
    for (size_t i = 0; i < n; i++) nwords += i == 0 || wt[i].word != wt[i - 1].word;
    uint64_t cap = 16;
    while (cap < nwords * 2) cap *= 2;
    uint64_t *tab = calloc(cap * 2, sizeof *tab);
    if (!tab) { free(wt); return NULL; }
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && wt[j].word == wt[i].word) j++;
        if (j - i >= AMB_MIN_COUNT) {
            uint64_t sig = 0x5eed;
            for (size_t k = i; k < j;) {
                size_t e = k;
                while (e < j && wt[e].tag == wt[k].tag) e++;
                if ((e - k) * 50 >= j - i) sig = hash_mix(sig, (uint64_t)wt[k].tag + 1);
                k = e;
            }
            uint64_t key = wt[i].word, s = key & (cap - 1);
            while (tab[2 * s]) s = (s + 1) & (cap - 1);
            tab[2 * s] = key;
            tab[2 * s + 1] = sig;
        }
        i = j;
    }
    free(wt);
    *nslots = cap;
    return tab;
}

static double eval_tagger(const nlp_tagger *t, const nlp_corpus *c, nlp_word *words, double *xpos_acc) {
    int *tags = malloc((c->ntoks + 1) * sizeof *tags);
    int32_t *scores = malloc(nlp_dense_classes(t->nclasses) * sizeof *scores);
    size_t ok = 0, okx = 0;
    for (size_t s = 0; tags && scores && s < c->nsents; s++) {
        size_t f = c->sent_first[s];
        tagger_tag(t, words + f, (int)corpus_sent_len(c, s), tags + f, scores);
    }
    for (size_t i = 0; tags && scores && i < c->ntoks; i++) {
        ok += !strcmp(t->upos[tags[i]], c->toks[i].upos);
        okx += !strcmp(t->xpos[tags[i]], c->toks[i].xpos);
    }
    free(tags);
    free(scores);
    *xpos_acc = c->ntoks ? 100.0 * okx / c->ntoks : 0;
    return c->ntoks ? 100.0 * ok / c->ntoks : 0;
}

static int train_model(const nlp_corpus *train, const nlp_corpus *dev, int iterations, int passes, int folds,
                       const char *out, FILE *log, dyad_error *err);

/* First-pass tags of the training set from taggers that did not see the
 * sentence (contiguous folds: a fold tagger must not have seen the rest of
 * the document). The second pass learns from these: the first pass's own
 * tags of its training sentences are near perfect, while at run time it
 * sees first-pass tags as noisy as these. Returns 0 and fills jk (tag ids
 * of ts). */
static int jackknife_first_pass(const nlp_corpus *train, tagset *ts, nlp_word *words, int folds, const char *out,
                                int *jk, dyad_error *err) {
    nlp_corpus sub;
    memset(&sub, 0, sizeof sub);
    sub.toks = malloc(train->ntoks * sizeof *sub.toks);
    sub.sent_first = malloc(train->nsents * sizeof *sub.sent_first);
    int *map = NULL, rc = -1;
    int32_t *scores = NULL;
    char tmp[1100];
    snprintf(tmp, sizeof tmp, "%s.fold", out);
    if (!sub.toks || !sub.sent_first) goto done;
    for (int f = 0; f < folds; f++) {
        size_t lo = train->nsents * (size_t)f / (size_t)folds, hi = train->nsents * (size_t)(f + 1) / (size_t)folds;
        corpus_without_range(train, lo, hi, &sub);
        if (train_model(&sub, NULL, JK_ITERATIONS, 1, 0, tmp, NULL, err)) goto done;
        nlp_tagger t;
        if (tagger_load(&t, tmp, err)) goto done;
        free(map);
        free(scores);
        map = malloc(t.nclasses * sizeof *map);
        scores = malloc(nlp_dense_classes(t.nclasses) * sizeof *scores);
        if (!map || !scores) {
            tagger_free(&t);
            goto done;
        }
        for (uint32_t i = 0; i < t.nclasses; i++) map[i] = tagset_id(ts, t.upos[i], t.xpos[i], 0);
        for (size_t s = lo; s < hi; s++) {
            size_t first = train->sent_first[s], len = corpus_sent_len(train, s);
            tag_passes(&t, words + first, (int)len, jk + first, scores, 1);
            for (size_t i = first; i < first + len; i++) jk[i] = map[jk[i]] < 0 ? 0 : map[jk[i]];
        }
        tagger_free(&t);
    }
    rc = 0;
done:
    remove(tmp);
    free(map);
    free(scores);
    free(sub.toks);
    free(sub.sent_first);
    return rc;
}

int tagger_train(const nlp_corpus *train, const nlp_corpus *dev, int iterations, const char *out, FILE *log,
                 dyad_error *err) {
    return train_model(train, dev, iterations, 2, JK_FOLDS, out, log, err);
}

/* passes: 2 for the tagger, 1 for a jackknife fold's first-pass tagger */
static int train_model(const nlp_corpus *train, const nlp_corpus *dev, int iterations, int passes, int folds,
                       const char *out, FILE *log, dyad_error *err) {
    tagset ts = {0};
    int *gold = malloc(train->ntoks * sizeof *gold);
    int *pred = malloc(train->ntoks * sizeof *pred);
    nlp_word *words = malloc(train->ntoks * sizeof *words);
    uint32_t *order = malloc(train->nsents * sizeof *order);
    nlp_train_weights tw = {0};
    uint64_t *amb = NULL;
    uint32_t *wn = NULL;
    uint64_t nwn = 0;
    int *jk = NULL; /* jackknifed first-pass tags, the second pass's right context */
    nlp_tagger lex;
    memset(&lex, 0, sizeof lex);
    int rc = -1;
    if (!gold || !pred || !words || !order) goto nomem;
    for (size_t i = 0; i < train->ntoks; i++)
        if ((gold[i] = tagset_id(&ts, train->toks[i].upos, train->toks[i].xpos, 1)) < 0) goto nomem;
    words_of(train, words);
    uint64_t namb = 0;
    amb = build_amb(words, gold, train->ntoks, &namb);
    if (!amb) goto nomem;
    lex.amb = amb;
    lex.ambmask = namb - 1;
    /* the WordNet lexicon, when installed (Debian wordnet-base) */
    if ((wn = wordnet_classes(WORDNET_DIR, &nwn))) {
        lex.wn = wn;
        lex.wnmask = nwn - 1;
    }
    for (size_t s = 0; s < train->nsents; s++)
        set_lexicon_classes(&lex, words + train->sent_first[s], (int)corpus_sent_len(train, s));
    /* word clusters, when the output directory has them */
    char cp[1100];
    clusters_path(out, cp, sizeof cp);
    if (path_exists(cp)) {
        if (clusters_load(&lex.clusters, cp, err)) goto done;
        lex.has_clusters = 1;
        clusters_apply(&lex.clusters, words, (int)train->ntoks);
        if (log) fprintf(log, "tagger: word clusters from %s (%u words)\n", cp, lex.clusters.nwords);
    }
    if (passes == 2 && folds > 1 && train->nsents >= JK_MIN_SENTENCES) {
        if (!(jk = malloc(train->ntoks * sizeof *jk))) goto nomem;
        double t0 = now_seconds();
        if (jackknife_first_pass(train, &ts, words, folds, out, jk, err)) {
            if (err->status) goto done;
            goto nomem;
        }
        if (log) {
            size_t ok = 0;
            for (size_t i = 0; i < train->ntoks; i++) ok += jk[i] == gold[i];
            fprintf(log, "tagger: jackknifed first-pass tags (%d folds) %.2f correct (%.1fs)\n", folds,
                    100.0 * ok / (train->ntoks + !train->ntoks), now_seconds() - t0);
        }
    }
    if (tw_init(&tw, (uint32_t)ts.n)) goto nomem;
    float *scores = malloc(ts.n * sizeof *scores);
    if (!scores) goto nomem;
    for (size_t s = 0; s < train->nsents; s++) order[s] = (uint32_t)s;
    uint64_t seed = 12345;
    uint64_t f[MAX_TAG_FEATS];
    for (int it = 0; it < iterations; it++) {
        shuffle(order, train->nsents, &seed);
        size_t ok = 0;
        double t0 = now_seconds();
        for (size_t k = 0; k < train->nsents; k++) {
            size_t s = order[k], first = train->sent_first[s];
            int n = (int)corpus_sent_len(train, s);
            const nlp_word *w = words + first;
            int *g = gold + first, *p = pred + first;
            const int *right = jk ? jk + first : p;
            for (int pass = 0; pass < passes; pass++)
                for (int j = 0; j < n; j++) {
                    int i = pass_position(pass, n, j);
                    int nf = tag_features(w, n, i, context_tag(p, pass, n, i, 1), context_tag(p, pass, n, i, 2),
                                          pass ? right : NULL, f);
                    memset(scores, 0, ts.n * sizeof *scores);
                    tw_score(&tw, f, nf, scores);
                    p[i] = argmax(scores, ts.n);
                    ok += pass == passes - 1 && p[i] == g[i];
                    if (tw_update(&tw, f, nf, g[i], p[i])) { free(scores); goto nomem; }
                }
        }
        if (tw_compact(&tw)) { free(scores); goto nomem; }
        if (log)
            fprintf(log, "tagger iteration %d: train accuracy %.2f (%.1fs)\n", it + 1, 100.0 * ok / train->ntoks,
                    now_seconds() - t0);
    }
    free(scores);
    nlp_writer wr;
    nlp_writer_init(&wr, NLP_KIND_TAGGER);
    dy_buf *meta = nlp_writer_section(&wr, SEC_META), *cls = nlp_writer_section(&wr, SEC_CLASSES);
    uint32_t m[4] = {(uint32_t)ts.n, (uint32_t)lex.has_clusters, (uint32_t)lex.clusters.id,
                     (uint32_t)(lex.clusters.id >> 32)};
    buf_push(meta, m, sizeof m);
    buf_push(nlp_writer_section(&wr, SEC_LEX_SLOTS), amb, namb * 16);
    if (wn) buf_push(nlp_writer_section(&wr, SEC_WORDNET), wn, nwn * 4);
    for (int i = 0; i < ts.n; i++) {
        char *tab = strchr(ts.names[i], '\t');
        buf_push(cls, ts.names[i], (size_t)(tab - ts.names[i]));
        buf_putc(cls, 0);
        buf_push(cls, tab + 1, strlen(tab + 1) + 1);
    }
    if (tw_save(&tw, &wr, TAGGER_MAX_BYTES, log) || nlp_writer_save(&wr, out, err)) {
        nlp_writer_free(&wr);
        if (!err->status) dyad_error_set(err, DYAD_ENOMEM, out, 0, -1, "out of memory saving the tagger");
        goto done;
    }
    nlp_writer_free(&wr);
    if (dev && dev->ntoks) {
        nlp_tagger t;
        if (tagger_load(&t, out, err)) goto done;
        nlp_word *dw = malloc(dev->ntoks * sizeof *dw);
        if (dw) {
            words_of(dev, dw);
            double x, u = eval_tagger(&t, dev, dw, &x);
            if (log) fprintf(log, "tagger dev: UPOS %.2f XPOS %.2f\n", u, x);
            free(dw);
        }
        tagger_free(&t);
    }
    rc = 0;
    goto done;
nomem:
    dyad_error_set(err, DYAD_ENOMEM, train->sent_ids ? "tagger" : "tagger", 0, -1, "out of memory training the tagger");
done:
    if (lex.has_clusters) clusters_free(&lex.clusters);
    free(jk);
    tw_free(&tw);
    free(amb);
    free(wn);
    for (int i = 0; i < ts.n; i++) free(ts.names[i]);
    free(ts.names);
    free(gold);
    free(pred);
    free(words);
    free(order);
    return rc;
}

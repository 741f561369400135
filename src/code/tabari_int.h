/* tabari_int.h - what the two halves of TABARI's coder share: the sentence
 * as TABARI's upper-case words with its actor mentions, agents, pronouns,
 * compounds and dropped comma clauses (tabari_sentence.c), and the verbs,
 * patterns, clauses and events over them (tabari_code.c). Internal to src/code. */
#ifndef DY_TABARI_INT_H
#define DY_TABARI_INT_H
#include <stdint.h>
#include "tabari.h"

enum { MAX_WORDS = 400, MAX_MENTIONS = 128, MAX_CODES = 16, MAX_GAP = 40, MAX_VERB_GAP = 6, MAX_VERBS = 64,
       MAX_DEPTH = 16,     /* nested synsets and alternatives; a synset naming itself stops here */
       MAX_STEPS = 200000  /* match attempts per pattern: "THE THE THE *" over a sentence of THEs ends */ };

typedef struct tword {
    const char *up;          /* upper case */
    uint16_t len;
    uint8_t cap;             /* written with a capital */
    uint8_t comma;
    uint8_t deleted;         /* inside a dropped comma clause */
    uint8_t in_gap;          /* between the words of a name ("ITHILEN TELEVISION"), not part of it */
    int32_t mention;         /* the mention covering it, -1 */
    const char *lemma;       /* upper case, when the tagger gave one other than the word */
    uint32_t tok;            /* its (first) token in the document */
} tword;

typedef struct mention {
    int32_t start, end;      /* words [start, end) */
    const char *codes[MAX_CODES];
    uint8_t ncodes;
    uint8_t compound;        /* joined by AND / NOR / commas */
    uint8_t complex;         /* an actor coded "+++" */
    uint8_t agent;           /* an agent not (yet) given to an actor */
    uint8_t dead;            /* merged into another mention, or dropped */
} mention;

typedef struct verb_hit {
    int32_t start, end;      /* filtered words [start, end) */
    const tb_phrase *phrase;
} verb_hit;

typedef struct bindings { int32_t source, target, compound; } bindings;

typedef struct tsent {
    const tabari_data *t;
    const tabari_options *o;
    dyad_doc *doc;
    uint32_t si;
    int32_t day;             /* YYYYMMDD, 0 unknown */
    tword w[MAX_WORDS];
    uint32_t n;
    mention m[MAX_MENTIONS];
    uint32_t nm;
    int all_caps;
    /* the words left after dropping comma clauses */
    int32_t f[MAX_WORDS];    /* filtered -> word index */
    uint32_t nf;
    int32_t men_start[MAX_WORDS + 1], men_end[MAX_WORDS + 1];  /* filtered position -> mention, -1 */
    bindings b;
    uint32_t steps;          /* match attempts for the pattern being tried */
    const char *date;
} tsent;

/* the first actor of the sentence before, for a pronoun that opens a sentence */
typedef struct tdoc_memory { const char *codes[MAX_CODES]; uint8_t ncodes; } tdoc_memory;

/* tabari_sentence.c: words */
int tb_word_is(const tword *w, const char *s);
/* mode 0: pattern words (closed = exact); 1: names (closed = plus noun endings);
 * 2: verbs (closed = plus regular verb endings) */
int tb_word_match(const tb_item *it, const char *w, size_t wl, int mode);
int tb_is_punct_token(const char *s);
int tb_is_conj(const tword *w);          /* AND, OR, NOR */
int tb_is_determiner(const tword *w);    /* THE, A, AN */
int tb_build_words(tsent *c, const dyad_sentence *s);
/* the longest name of `buckets` at word i (of idx[] when given), its end in *end */
const tb_phrase *tb_longest_at(const tsent *c, tb_phrase *const *buckets, const int32_t *idx, uint32_t n,
                               uint32_t i, int mode, int gap, int32_t *end);
/* word i is in a <NOUN> or <ADJECTIVE> list */
int tb_in_list(const tsent *c, tb_phrase *const *buckets, uint32_t i);
/* tabari_sentence.c: mentions, in the order code_sentence calls them */
int tb_find_actors(tsent *c);            /* 1: an actor coded "###" discards the record */
void tb_attach_agents(tsent *c);
void tb_merge_compounds(tsent *c);
void tb_resolve_pronouns(tsent *c, tdoc_memory *mem);
void tb_mark_mentions(tsent *c);
void tb_drop_comma_clauses(tsent *c);
void tb_filter_words(tsent *c);
int tb_fmention(const tsent *c, uint32_t p);  /* filtered word p is in a mention */
void tb_add_codes(mention *m, const char *code, dyad_arena *a);  /* "FRO/BIL" adds two */
#endif

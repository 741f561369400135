/* tabari.h - TABARI's own dictionaries and its surface coder. TABARI patterns
 * are read as sequences of words over the sentence, not over a parse: '_'
 * joins words that must be consecutive, a blank lets other words come
 * between, a word ending in '_' is closed (no longer word may match it), '='
 * is exact, '~' reopens a closed word; '*' is the verb, '$' the source, '+'
 * the target, '%' a compound actor, '^' an actor to skip, { a | b } are
 * alternatives and &NAME a synset. Loaded by dict_tabari.c beside the generic
 * dictionary; used by coder.c whenever d->tabari is set. */
#ifndef DY_TABARI_H
#define DY_TABARI_H
#include <stddef.h>
#include <stdint.h>
#include "dict.h"

enum tb_kind { TB_WORD, TB_VERB, TB_SOURCE, TB_TARGET, TB_COMPOUND, TB_SKIP, TB_SYNSET, TB_ALT };

typedef struct tb_seq tb_seq;

typedef struct tb_item {
    uint8_t kind;
    uint8_t adj_before;   /* '_' joins it to the item before: no words between */
    uint8_t closed;       /* the word ends here ("DEPART_"); else any longer word matches */
    uint8_t exact;        /* '=': no endings either */
    uint16_t len;
    const char *word;     /* upper case; TB_SYNSET: the synset's name without '&' */
    const tb_seq *alts;   /* TB_ALT: the alternatives */
    uint16_t nalts;
} tb_item;

struct tb_seq {
    tb_item *items;
    uint16_t n;
};

typedef struct tb_dated {
    const char *code;     /* "ARN", "~GOV", "NGM~", "---", "###", "+++", "FRO/BIL/SAM" */
    int32_t from, to;     /* YYYYMMDD, inclusive; 0 / 99999999 when open */
} tb_dated;

typedef struct tb_phrase {  /* an actor, agent or verb name */
    tb_seq words;
    const tb_dated *codes;
    uint16_t ncodes;
    uint8_t agent;        /* from the .agents file or coded "~X" / "X~" */
    uint32_t order;
    const struct tb_verb *verb;  /* verbs: the entry the name or form belongs to */
    struct tb_phrase *next;      /* bucket chain */
} tb_phrase;

typedef struct tb_pattern {
    tb_seq seq;           /* holds exactly one TB_VERB item */
    uint16_t star;        /* its index */
    const char *code;
    const char *rule;
    uint32_t length, order;  /* longer patterns are tried first; then dictionary order */
} tb_pattern;

typedef struct tb_verb {
    const char *code;     /* the verb's own code when no pattern fits */
    const char *rule;
    tb_pattern *pats;
    uint32_t npats, cap;
    uint8_t sorted;
} tb_verb;

typedef struct tb_synset {
    const char *name;     /* without '&' */
    tb_seq *members;
    uint32_t n, cap;
} tb_synset;

enum { TB_BUCKETS = 1024 };

enum tb_code_by { TB_BY_CLAUSE, TB_BY_SENTENCE, TB_CODE_ALL };

/* The .options settings the coder follows (TABARI's defaults unless set). */
typedef struct tabari_options {
    int min_words;            /* SET: MINIMUM WORDS = 8: shorter records are not coded */
    int comma_min, comma_max, comma_emin, comma_emax, comma_bmin, comma_bmax;  /* COMMA: clause lengths dropped */
    int comma_off;            /* COMMA: OFF */
    int code_by;              /* SET: CODE BY CLAUSE | CODE BY SENTENCE | CODE ALL */
    int complex_verbs, complex_conj, complex_actors;  /* COMPLEX: VERBS[n] CONJ[n] ACTORS[n]; 0 off */
    int no_actor_prior;       /* COMPLEX: NOACTPRIOR: no actor before the verb, no event */
    const char *default_source, *default_target;  /* DEFAULT: SOURCE [X] PRIOR TARGET [Y] AFTER */
    int default_prior, default_after;
    int convert_agent;        /* SET: CONVERT AGENT = TRUE: an agent alone is coded "~GOV" */
    int time_shift;           /* SET: TIME SHIFT = TRUE: "yesterday" dates the event a day earlier;
                               * -1: on when there are <TIME> phrases */
} tabari_options;

/* TABARI's defaults */
void tabari_options_init(tabari_options *o);
/* Apply the commands of an .options text (or an OPTION record); unknown ones are ignored. */
void tabari_options_read(tabari_options *o, dyad_arena *a, const char *text, size_t n);

typedef struct tabari_data {
    dyad_arena *arena;    /* the dictionary's arena */
    tb_phrase *actors[TB_BUCKETS];   /* actors and agents, by their first two letters */
    tb_phrase *verbs[TB_BUCKETS];
    tb_phrase *nouns[TB_BUCKETS];    /* <NOUN> and <ADJECTIVE> words: never verbs */
    tb_phrase *adjectives[TB_BUCKETS];
    tb_phrase *times[TB_BUCKETS];    /* <TIME> phrases, read as verbs: "[-1]" shifts the date a day
                                      * back, "###" discards the record, "+++" makes it too complex */
    uint32_t ntimes;
    tb_synset *synsets;
    uint32_t nsynsets, synsets_cap;
    uint32_t nphrases;
    tabari_options options;  /* from the project's .options file */
} tabari_data;

/* bucket of a word by its first two letters */
unsigned tabari_bucket(const char *w, size_t n);
tabari_data *tabari_new(dyad_arena *a);
/* Read one file's text into t; kind "actors", "agents" or "verbs".
 * Bad lines are reported through warn and skipped; returns the count read. */
size_t tabari_read(tabari_data *t, const char *kind, const char *file, const char *text, size_t n,
                   dict_warn_fn warn, void *user);
/* after reading: order every verb's patterns (longest first) */
void tabari_finish(tabari_data *t);
/* Parse one pattern or name ("CALLED_ON", "- SAID $ *") into seq; 0 ok */
int tabari_parse_seq(dyad_arena *a, const char *s, size_t n, tb_seq *seq);

/* Code doc with the dictionaries' own options ... */
dyad_status tabari_code_doc(const dy_dicts *d, dyad_doc *doc, const char *default_date, dyad_error *err);
/* ... or with others: a TABARI text changes them with its OPTION records as it goes */
dyad_status tabari_code_doc_with(const dy_dicts *d, dyad_doc *doc, const char *default_date, const tabari_options *o,
                                 dyad_error *err);
/* ... or with the dictionaries' options changed by the OPTION commands of a
 * TABARI text seen so far (dy_record.options; NULL: none) */
dyad_status tabari_code_doc_options(const dy_dicts *d, dyad_doc *doc, const char *default_date, const char *options,
                                    dyad_error *err);
#endif

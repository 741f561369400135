/* dict.h - the in-memory dictionary shared by every loader (dyad, PETRARCH,
 * TABARI formats) and read by the coder: a phrase index for actors, agents,
 * adjectives, metonyms, persons and discards, and predicate patterns by lemma.
 * Built once at load in its own arena; immutable afterwards, shared by threads. */
#ifndef DY_DICT_H
#define DY_DICT_H
#include <stdint.h>
#include "dyad.h"
#include "base/arena.h"
#include "code/code.h"

enum { DATE_OPEN_FROM = INT32_MIN, DATE_OPEN_TO = INT32_MAX };

typedef enum phrase_kind {
    PHRASE_ACTOR = 1,   /* a state, organisation or group: code */
    PHRASE_ADJECTIVE,   /* a demonym: code of the country */
    PHRASE_METONYM,     /* a capital standing for its government: full code */
    PHRASE_PERSON,      /* a person: dated roles */
    PHRASE_AGENT,       /* a role composing with a country: role code ("GOV") */
    PHRASE_DISCARD      /* a sentence holding it is not coded */
} phrase_kind;

typedef struct dict_role {
    const char *code;
    int32_t from_day, to_day;       /* days since 1970; DATE_OPEN_* when open */
} dict_role;

/* One dictionary name in the phrase index. norm is the name case-folded with
 * spaces (and PETRARCH underscores) removed, so token boundaries in the text
 * need not match the dictionary's. */
enum { NEED_ALL_CAPS = 1, NEED_CAPITAL = 2 };

typedef struct dict_phrase {
    const char *norm;
    uint32_t norm_len;
    uint8_t kind;
    uint8_t need_upper;             /* NEED_ALL_CAPS: short all-capital names ("US") need capitals in
                                     * text; NEED_CAPITAL: a proper name needs its first letter capitalised */
    uint8_t ntokens;                /* words in the name, to prefer longer names */
    uint8_t stem;                   /* TABARI: the last word is a stem ("ARGENTIN" ~ "Argentina") */
    const char *code;               /* actor / adjective / metonym / agent code */
    const dict_role *roles;         /* persons (and dated actors): roles, nroles */
    uint32_t nroles;
    const char *canon;              /* the first (canonical) name of the entry */
    const char *rule;               /* "file:line" */
    struct dict_phrase *next;       /* hash chain, longer names first */
} dict_phrase;

/* A predicate pattern (see docs/dictionaries.md). */
typedef struct dict_pattern {
    const char *lemma;              /* head lemma, case-folded */
    const char *particle[4];        /* +word +word: words right after the head, in order */
    uint8_t nparticles;
    const char *object;             /* *lemma (object lemma, folded), or NULL */
    const char *object_mods[3];     /* words that must modify the object; "a|b" = either (PETRARCH {A B C}) */
    const char *prep;               /* preposition naming the target, or NULL */
    const char *pp_prep, *pp_noun;  /* a phrase "PREP NOUN" that must hang on the predicate (PETRARCH) */
    const char *pp_mods[3];         /* words that must come before pp_noun, as object_mods ("(FOR
                                     * &ECONSANCT)" with its member "TOTAL BOYCOTT") */
    const char *source_prep;        /* the source is the object of this preposition (PETRARCH "(FROM $)") */
    uint8_t target_from_clause;     /* ~ */
    uint8_t need_target;            /* ! */
    uint8_t is_noun;                /* noun predicate */
    uint8_t stem;                   /* TABARI: the head is a stem ("RESTOR" ~ "restored") */
    uint8_t need_negation;          /* PETRARCH "- &NEGATVAUXVRB * ...": only a negated verb */
    uint8_t need_compound;          /* PETRARCH "- % * ...": only with a compound subject */
    uint8_t swap_roles;             /* PETRARCH "- + * MONEY $", "- * TABASKI ^ $": the subject is
                                     * the target, the source the swap_roles-th actor named after
                                     * the verb (0: no swap) */
    uint8_t target_nth;             /* PETRARCH "- * IFTAR (AT ^ ^) +": the target is the nth actor
                                     * named after the verb (0: as usual) */
    const char *pre_word[3];        /* PETRARCH "- % HAVE * ...": words before the verb, in order (folded) */
    uint8_t npre;
    const char *subject;            /* PETRARCH "- {DEATH TOLL} * ...": the subject's head (folded) */
    const char *subject_mods[3];    /* words before it, as object_mods */
    const char *seq;                /* PETRARCH's linear pattern, folded: "+ known_* in_$" - words
                                     * before and after the verb '*', joined by ' ' (words may lie
                                     * between) or '_' (next to each other); '+' target, '$' source,
                                     * '^' a noun phrase passed over. NULL: a tree pattern */
    uint8_t seq_words;              /* words and markers in seq besides '*' */
    const char *code;               /* CAMEO code */
    const char *reverse_code;       /* PETRARCH "[042:043]": the target's event back to the source */
    const char *rule;               /* "file:line text" */
    uint32_t order;                 /* load order: the earlier entry wins a tie */
    uint8_t specificity;            /* how much of the sentence it constrains */
    uint64_t key_hash;              /* the hash it is filed under (loading only) */
    struct dict_pattern *next;      /* hash chain by lemma, or by lemma + object */
} dict_pattern;

typedef struct dict_member {
    const char *group;
    const dict_role *members;       /* country codes with ranges */
    uint32_t nmembers;
    const char *relation;           /* "member" or "partner" */
} dict_member;

struct dy_dicts {
    dyad_arena *arena;
    dict_phrase **phrases;          /* hash of the name's first word -> chain */
    uint32_t phrase_mask;
    dict_pattern **patterns;        /* hash of the head lemma -> chain */
    uint32_t pattern_mask;
    size_t nphrases, npatterns;
    size_t npattern_nodes;          /* chain entries: a pattern may be filed under several keys */
    dict_member *members;
    size_t nmembers, members_cap;
    int has_discards;
    int has_stems;                  /* TABARI dictionaries: look words up by their prefixes too */
    int has_seq;                    /* PETRARCH's linear patterns: keyed by the first word after the verb */
    const char *format;             /* "dyad", "petrarch", "tabari" */
    const char **negation;          /* PETRARCH PICO: pairs code, code-when-negated (NULL-ended) */
    size_t nnegation;
    const char **pico_codes;        /* PETRARCH PICO: CAMEO codes in file order ... */
    const int32_t *pico_values;     /* ... and their values in the internal ontology */
    size_t npico;
    dict_phrase *last_added[3];     /* while loading: the nodes of the last name added */
    int last_added_n;
    const void *map_data;           /* a compiled file, mapped: strings point into it */
    size_t map_len;
    int map_mapped;
    struct tabari_data *tabari;     /* loaded from TABARI files: coded by TABARI's rules (tabari_code.c) */
    /* PETRARCH's comma_emin / comma_emax: a closing ", ..." clause of that
     * many words is dropped before coding (PETRARCH's defaults 2 and 8) */
    int comma_end_min, comma_end_max;
    int new_actor_length;           /* PETRARCH's new_actor_length: a phrase of at most this many words
                                     * that no dictionary knows is an actor by its own words (0: off) */
    /* dyad's dictionaries: also write one-sided events, with no target at
     * all ("Protesters marched on Sunday"); 0 (the default): only events
     * with a target, as PETRARCH's require_dyad */
    int keep_monadic;
};

typedef void (*dict_warn_fn)(void *user, const dyad_error *e);

dy_dicts *dict_new(const char *format);
/* Case-fold a name for the index: lower-case ASCII, drop spaces and '_';
 * writes at most cap-1 bytes; returns the length. */
size_t dict_fold(const char *s, size_t n, char *out, size_t cap);
/* Hash of a folded first word (bucket key shared with the coder). */
uint64_t dict_word_hash(const char *folded, size_t n);
/* Add one name; first_word_len = bytes of the name's first word in `name`. */
int dict_add_phrase(dy_dicts *d, phrase_kind kind, const char *name, size_t name_len,
                    const char *code, const dict_role *roles, uint32_t nroles,
                    const char *canon, const char *rule);
int dict_add_pattern(dy_dicts *d, const dict_pattern *p);
/* after dict_add_phrase: mark the names just added as stems (TABARI) */
void dict_mark_last_phrase_stem(dy_dicts *d);
int dict_add_member(dy_dicts *d, const char *group, const char *relation,
                    const dict_role *members, uint32_t n);
/* after loading: order the name chains (longest names first) */
int dict_finish(dy_dicts *d);
/* Patterns without an object are keyed by their head lemma; patterns naming
 * an object by lemma and object, so a verb with thousands of object patterns
 * only tries those whose object is in the sentence. A linear pattern is keyed
 * by lemma and the first word it needs after the verb, found the same way. */
const dict_pattern *dict_patterns_for(const dy_dicts *d, const char *lemma_folded, size_t n);
const dict_pattern *dict_patterns_with_object(const dy_dicts *d, const char *lemma_folded, const char *object);
/* The role valid on `day` (or the most recent one when day < 0 unknown). */
const char *dict_role_on(const dict_role *roles, uint32_t n, int32_t day, int have_day);
/* Parse "YYYY-MM-DD..YYYY-MM-DD" (either end empty) into a role's range; 0 ok */
int dict_parse_range(const char *s, size_t n, int32_t *from, int32_t *to);

/* The code an event takes when its verb is negated (PETRARCH's PICO), or NULL */
const char *dict_negated_code(const dy_dicts *d, const char *code);
/* UD-PETRARCH's combination of an upper verb's code with the code of the
 * clause it governs, through its internal ontology (PICO): the CAMEO code
 * of the combination, or NULL when either code or the result is unknown */
const char *dict_pico_combine(const dy_dicts *d, const char *upper, const char *lower);

/* Loaders */
int dict_compiled_is(const char *path);
int dict_load_compiled(dy_dicts *d, const char *path, dyad_error *err);
/* a compiled dictionary already in memory; it must outlive d */
int dict_load_compiled_bytes(dy_dicts *d, const unsigned char *data, size_t len, const char *name, dyad_error *err);
int dict_load_dyad(dy_dicts *d, const char *dir, dict_warn_fn warn, void *user, dyad_error *err);
/* one dyad-format text already in memory (name is used in warnings and rules) */
int dict_load_dyad_text(dy_dicts *d, const char *name, const char *text, size_t len,
                        dict_warn_fn warn, void *user);
int dict_load_petrarch(dy_dicts *d, const char *path, dict_warn_fn warn, void *user, dyad_error *err);
int dict_load_tabari(dy_dicts *d, const char *path, dict_warn_fn warn, void *user, dyad_error *err);
#endif

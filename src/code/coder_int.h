/* coder_int.h - what the coder's parts share while coding one sentence: the
 * tree (children lists), actor mentions found by longest match, and the
 * resolution of a noun phrase to an actor code. Internal to src/code. */
#ifndef DY_CODER_INT_H
#define DY_CODER_INT_H
#include <stdint.h>
#include "dict.h"

enum { MAX_SENT_TOKENS = 512, MAX_ARGS = 8, MAX_DEPTH_WALK = 32 };

typedef struct actor_ref {
    const char *code;          /* "" when unresolved */
    dyad_span span;            /* the words that named it */
    int32_t token;             /* head token (sentence index), -1 none */
    uint8_t is_person;
    uint8_t in_chain;          /* added as another name of a hyphen chain */
} actor_ref;

/* Document-wide state for pronouns and quote attribution */
typedef struct doc_memory {
    const char *last_person_code;
    dyad_span last_person_span;
} doc_memory;

typedef struct sent_ctx {
    const dy_dicts *d;
    dyad_doc *doc;
    dyad_token *tok;           /* the sentence's tokens */
    uint32_t n;
    int32_t *first_child, *next_sibling;
    const char **form_f, **lemma_f; /* case-folded form and lemma per token */
    uint32_t *form_len, *lemma_len;
    const dict_phrase **mention;    /* mention starting at a token (longest match) */
    uint32_t *mention_end;          /* exclusive */
    int32_t *covered_by;            /* start token of the mention covering a token, -1 */
    int32_t day;
    int have_day;
    doc_memory *mem;
    int require_dyad;               /* 0: PETRARCH's require_dyad off (see code_doc_monadic) */
} sent_ctx;

/* actors.c */
int actors_prepare(sent_ctx *c);            /* fold tokens, find mentions; 0 ok */
int actors_sentence_discarded(const sent_ctx *c);
/* Resolve the noun phrase headed by token h (0-based) to an actor. */
actor_ref actor_resolve(sent_ctx *c, int32_t h);
/* the first resolvable actor in h's subtree other than `not_code`, not
 * looking below token `skip` (-1 none): statements about Z */
actor_ref actor_first_in_subtree(sent_ctx *c, int32_t h, const char *not_code, int32_t skip);
/* "Monday", "week", "tomorrow": folded words that name a time, not an actor */
int actor_is_time_word(const char *folded);
/* the subject a third-person pronoun at h stands for, -1 none */
int32_t actor_pronoun_antecedent(const sent_ctx *c, int32_t h);
/* "Indian and Chinese troops": the phrase at h as one actor per coordinated
 * country modifier (INDMIL, CHNMIL) into out[]; else out[0] = the phrase's
 * actor as given. Returns how many. */
size_t actor_modifier_conjuncts(sent_ctx *c, int32_t h, actor_ref *out, size_t cap);
/* "Lawmakers in Arnor and Gondor": refs[0..n) repeated for each country
 * coordinated in a place phrase of h0; returns the new count */
size_t actor_place_conjuncts(sent_ctx *c, int32_t h0, actor_ref *refs, size_t n, size_t cap);
/* "the US-Japan-Philippines summit": refs[0], the phrase at h, repeated
 * for every other actor named in a tight hyphen chain at h or a modifier
 * of it (in_chain set); returns the new count */
size_t actor_hyphen_conjuncts(sent_ctx *c, int32_t h, actor_ref *refs, size_t n, size_t cap);
/* after a sentence: its last person named becomes the document's last person */
void actors_remember_persons(sent_ctx *c);

/* tree helpers (coder.c) */
int32_t tree_child(const sent_ctx *c, int32_t h, const char *deprel);      /* exact deprel */
int32_t tree_child_prefix(const sent_ctx *c, int32_t h, const char *prefix); /* deprel or deprel:sub */
int deprel_is(const dyad_token *t, const char *rel);      /* rel or rel:subtype */
int32_t tree_head(const sent_ctx *c, int32_t i);          /* -1 for root */
/* the conj at k has "and"/"or" or a comma before it (patterns.c); one
 * without is a misparsed part of one name ("Bree Prime Minister Romendacil") */
int conj_is_coordinated(const sent_ctx *c, int32_t k);
#endif

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

/* actor_lookup.c */
int actors_prepare(sent_ctx *c);            /* fold tokens, find mentions; 0 ok */
int actors_sentence_discarded(const sent_ctx *c);

/* actor_phrase.c */
/* Resolve the noun phrase headed by token h (0-based) to an actor. */
actor_ref actor_resolve(sent_ctx *c, int32_t h);
/* the first resolvable actor in h's subtree other than `not_code`, not
 * looking below token `skip` (-1 none): statements about Z */
actor_ref actor_first_in_subtree(sent_ctx *c, int32_t h, const char *not_code, int32_t skip);
/* "Monday", "week", "tomorrow": folded words that name a time, not an actor */
int actor_is_time_word(const char *folded);

/* actor_pronouns.c */
/* the subject a third-person pronoun at h stands for, -1 none */
int32_t actor_pronoun_antecedent(const sent_ctx *c, int32_t h);
/* after a sentence: its last person named becomes the document's last person */
void actors_remember_persons(sent_ctx *c);

/* actor_members.c */
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
/* "student groups including A, B and C": refs[0], a group named by its
 * kind only, replaced by the members the phrase at h lists; returns the count */
size_t actor_included_members(sent_ctx *c, int32_t h, actor_ref *refs, size_t n, size_t cap);

/* tree helpers (pattern_tree.c) */
int32_t tree_child(const sent_ctx *c, int32_t h, const char *deprel);      /* exact deprel */
int32_t tree_child_prefix(const sent_ctx *c, int32_t h, const char *prefix); /* deprel or deprel:sub */
int deprel_is(const dyad_token *t, const char *rel);      /* rel or rel:subtype */
int32_t tree_head(const sent_ctx *c, int32_t i);          /* -1 for root */
/* the conj at k has "and"/"or" or a comma before it (pattern_conj.c); one
 * without is a misparsed part of one name ("Bree Prime Minister Romendacil") */
int conj_is_coordinated(const sent_ctx *c, int32_t k);

/* Declared in patterns.h and modality.h, which include this header; the
 * prototypes below only name them (callers include those headers). */
struct pattern_hit;
struct modality_info;

/* Coding one matched predicate (coder.c): the state its steps share */
typedef struct pred_args {
    sent_ctx *c;
    const struct pattern_hit *hit;
    const dict_pattern *p;               /* hit->pattern */
    int32_t v;                           /* the predicate */
    int speech_pass;                     /* the pass over speech verbs whose clause coded nothing */
    int field_format;                    /* PETRARCH's or TABARI's dictionaries, not dyad's */
    const struct modality_info *mod;
    int inherited;                       /* the source comes from another word (source_of, a reporter) */
    int32_t src_head, tgt_head;          /* -1 none */
    int32_t srcs[MAX_ARGS], tgts[MAX_ARGS]; /* their conjuncts' heads */
    size_t ns, nt;
    int target_named;                    /* some target names an actor */
    int patient_object;                  /* the target is what owns the object acted on */
    int plain_statement;                 /* dyad's 010: aimed at whom it is made to */
    int32_t said;                        /* a plain statement's clause, -1 none */
    int speech_target;                   /* the speech pass's target: who the statement is about */
    actor_ref about;
    int monadic;                         /* PETRARCH with require_dyad off: a target need name no one */
    actor_ref sref[MAX_ARGS], tref[MAX_ARGS]; /* the actors of the sources and targets */
} pred_args;

/* predicate_args.c */
/* who the predicate's event is from: src_head, srcs[0..ns), tgt_head when
 * the pattern swaps roles or names the nth actor, inherited */
void predicate_sources(pred_args *a);
/* whom it is aimed at: tgts[0..nt), from the pattern's target or, with
 * dyad's dictionaries, its object, a phrase, a governed clause, a place */
void predicate_targets(pred_args *a);
/* target_named; with the field's dictionaries and no named target, an
 * actor in the target's phrase or anywhere after the verb */
void predicate_field_targets(pred_args *a);

/* repairs.c */
/* the sentence's n tokens copied into the document's arena, relations in
 * UD v2 and typical misparses set right; NULL when out of memory */
dyad_token *repairs_working_tokens(dyad_doc *doc, const dyad_token *t, uint32_t n, const dy_dicts *d);

/* pattern_choice.c */
/* the most specific pattern that fits the predicate at v into *hit; 0 none */
int pattern_best(const sent_ctx *c, int32_t v, struct pattern_hit *hit);

/* emit.c */
/* the events of predicate v (code, source, target, modality) added to the
 * document, once per (source, target, code) in the sentence */
dyad_status event_emit(sent_ctx *c, uint32_t sent_index, int32_t v, const char *code, const actor_ref *src,
                       const actor_ref *tgt, struct modality_info mod, const dict_pattern *p, double conf,
                       const char *date);
/* how sure an event is, from what is known of its actors and its modality */
double event_confidence(const actor_ref *s, const actor_ref *t, int inherited, struct modality_info m);

/* speech.c */
/* what the speech verb at v says (its ccomp, or the quote it hangs on), -1 none */
int32_t speech_said_clause(const sent_ctx *c, int32_t v);
/* "Russia says Israel must end attacks": the speaker's demand or appeal to
 * the clause's subject coded as the event (marking v and its clause in
 * coded[] and asked[]); nothing when the clause asks nothing of an actor */
dyad_status speech_code_asked_for(sent_ctx *c, uint32_t si, int32_t v, const struct pattern_hit *hit,
                                  const char *date, uint8_t *coded, uint8_t *asked);

/* not_events.c */
/* whether the predicate at v, matched by hits[v], is no event of its own
 * given what is coded so far (verbs in pass 0, nouns in pass 1) */
int not_an_event_of_its_own(const sent_ctx *c, int32_t v, int noun_pass, const uint8_t *coded,
                            const struct pattern_hit *hits);
#endif

/* patterns.h - predicate patterns over the dependency tree: matching a
 * pattern (patterns.c; PETRARCH's linear ones in pattern_seq.c), a
 * predicate's source (pattern_source.c), coordinated actors (pattern_conj.c)
 * and the tree questions the coder shares with them (pattern_tree.c). */
#ifndef DY_PATTERNS_H
#define DY_PATTERNS_H
#include "coder_int.h"

typedef struct pattern_hit {
    const dict_pattern *pattern;
    int32_t target;   /* the target's head token, -1 none */
    int32_t source;   /* the source a pattern names itself (PETRARCH '$'), -1 none */
    int32_t object;   /* the object the pattern named, -1 none */
    int32_t particle_tok[4]; /* where the pattern's +words are */
    uint8_t nparticles;
    uint8_t seq_score;  /* PETRARCH's linear patterns: the words matched (the longer match wins) */
} pattern_hit;

/* whether predicate v satisfies p; where its target, source and object are in *hit */
int pattern_match(const sent_ctx *c, int32_t v, const dict_pattern *p, pattern_hit *hit);
/* PETRARCH's linear patterns: the first actor named before the verb, in its
 * clause or the clauses it hangs on (the subject PETRARCH's lower sequence
 * finds), -1 none */
int32_t seq_first_actor_before(const sent_ctx *c, int32_t v);
/* the same, the first actor before token `from` (other than the name `from` heads) */
int32_t seq_actor_before(const sent_ctx *c, int32_t v, int32_t from);
/* the first actor named after the verb in its phrase, other than `not` (the
 * head of the noun phrase), -1 none */
int32_t seq_first_actor_after(const sent_ctx *c, int32_t v, int32_t not);
/* the nth (1-based) such actor */
int32_t seq_nth_actor_after(const sent_ctx *c, int32_t v, int32_t not, int nth);
/* who acts in predicate v (an event noun when is_noun), -1 none; *inherited set
 * when it comes from another word (a clause v hangs on, a light verb) */
int32_t source_of(const sent_ctx *c, int32_t v, int is_noun, int *inherited);
/* h and the actors coordinated with it ("X, Y and Z"), at most cap */
size_t expand_conj(const sent_ctx *c, int32_t h, int32_t *out, size_t cap);
int is_passive(const sent_ctx *c, int32_t v);
/* the obl/nmod (or advcl) child of h introduced by prep, -1 none */
int32_t prep_object_of(const sent_ctx *c, int32_t h, const char *prep);
/* "launch", "offer", "hold" ...: verbs that lend their subject to an event noun */
int is_light_verb(const sent_ctx *c, int32_t v);
#endif

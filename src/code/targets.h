/* targets.h - who an event is aimed at and who did it, beyond the subject
 * and object of its predicate (targets.c). */
#ifndef DY_TARGETS_H
#define DY_TARGETS_H
#include "coder_int.h"
#include "modality.h"
#include "patterns.h"

/* an unresolved argument that may still be someone: a proper noun or a
 * personal pronoun the document resolves */
int actor_names_someone(const sent_ctx *c, int32_t h);
/* a word the dictionaries know as an event noun ("talks", "strike") */
int noun_is_event(const sent_ctx *c, int32_t k);
/* who carried out the event noun at h ("Hamas's attack", "Israeli
 * airstrikes"); no span when no one is named */
actor_ref source_event_agent(sent_ctx *c, int32_t h);
/* the object pattern p names at o is what the act is done to (08, 12, 16-20) */
int target_object_is_patient(const sent_ctx *c, const dict_pattern *p, int32_t o);
/* "withdrew its troops": o is owned by a pronoun */
int target_owned_by_pronoun(const sent_ctx *c, int32_t o);
/* the actor the thing at o belongs to ("an Afghan army base" -> AFGMIL) */
actor_ref target_patient_actor(sent_ctx *c, int32_t o);
/* p's events are done to or with someone (04-07, 11, 16, or a preposition) */
int event_needs_target(const dict_pattern *p);
/* the actor a to-clause of v or of its object names (a protest's aim), -1 none */
int32_t target_of_purpose(sent_ctx *c, int32_t v, int32_t not);
/* the subject of v's until/unless/before/if clause, when it names someone, -1 none */
int32_t target_of_condition(sent_ctx *c, int32_t v);
/* "must" (100) or "should"/"ought" (020) on the clause at cl, NULL none */
const char *speech_asked_for_code(const sent_ctx *c, int32_t cl);
/* "Evil Mordor, the awful Arnor, and good Gondor welcomed": the other
 * subjects of v an "and" or a list's comma joins to s, added to srcs[ns..] */
size_t source_subjects_split_by_and(const sent_ctx *c, int32_t v, int32_t s, int32_t *srcs, size_t ns);
/* with dyad's own dictionaries, when v's own target names no actor: the
 * target a refusal's condition, a protest's purpose or an attacked thing
 * names (*patient set for the last); returns the new count in tgts */
size_t target_refinements(sent_ctx *c, int32_t v, const pattern_hit *hit, int32_t src_head, modality_info mod,
                          int32_t *tgts, size_t nt, int *patient);
/* the one the act named by the object noun o is done to ("ordered the
 * arrest of X", "its demand that X ease ..."), -1 none */
int32_t target_of_object_noun(sent_ctx *c, int32_t o, int32_t src_head);
/* a named place the act at v is done in or to, -1 none */
int32_t target_place_of_act(const sent_ctx *c, int32_t v, int32_t src_head);
/* whom the statement at v is made to (an indirect object, the object of
 * "tell", a to-phrase), never an actor in what is said; -1 none (speech.c) */
int32_t speech_addressee(sent_ctx *c, int32_t v, const pattern_hit *hit);
#endif

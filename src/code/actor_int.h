/* actor_int.h - what the actor files (actor_lookup.c, actor_phrase.c,
 * actor_pronouns.c, actor_members.c) share among themselves; the coder's
 * interface to them is the actor part of coder_int.h. */
#ifndef DY_ACTOR_INT_H
#define DY_ACTOR_INT_H
#include "coder_int.h"

/* actor_lookup.c */
/* k is a hyphen written tight between two words ("US-Japan") */
int actor_tight_hyphen(const sent_ctx *c, int32_t k);

/* actor_phrase.c */
/* actor_resolve from within a resolution `depth` levels deep (a pronoun's
 * antecedent, a possessor, a speaker: followed at most 4 levels) */
actor_ref actor_resolve_nested(sent_ctx *c, int32_t h, int depth);
/* "Prime Minister Yousaf Raza Gilani": a role word among the words of the
 * name at h */
int actor_names_a_role(const sent_ctx *c, int32_t h);

/* actor_pronouns.c */
/* "his country", "its government" (has_role: the phrase names a role):
 * the country of the possessive pronoun's antecedent, NULL none */
const char *actor_possessor_country(sent_ctx *c, int32_t h, int has_role, int depth);
/* the actor the pronoun at h stands for; r, the phrase unresolved, if none */
actor_ref actor_pronoun_referent(sent_ctx *c, int32_t h, int depth, actor_ref r);
#endif

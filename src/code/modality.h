/* modality.h - the modality of a predicate (see modality.c). */
#ifndef DY_MODALITY_H
#define DY_MODALITY_H
#include "coder_int.h"

typedef enum modality_kind { MOD_ASSERTED, MOD_INTENDED, MOD_HYPOTHETICAL, MOD_NEGATED, MOD_REPORTED } modality_kind;
typedef struct modality_info {
    modality_kind kind;
    int32_t reporter;   /* the speech verb when reported, else -1 */
} modality_info;

modality_info modality_of(const sent_ctx *c, int32_t v);
/* only v's own auxiliaries and negation */
modality_info modality_of_self(const sent_ctx *c, int32_t v);
const char *modality_name(modality_kind k);
const char *modality_intent_code(const char *code);
/* CAMEO's 12x refusal for a negated cooperative code, NULL none */
const char *modality_refusal_code(const char *code);
/* "agree", "promise", "plan" ...: verbs whose xcomp is intended */
int modality_is_intent_verb(const sent_ctx *c, int32_t v);
int modality_is_speech(const sent_ctx *c, int32_t v);
/* the same for a lemma as the parser wrote it (before the tree is built) */
int modality_lemma_is_speech(const char *lemma);
/* "plan", "propose", "seek" ...: verbs whose event-noun object is intended */
int modality_plans_noun(const sent_ctx *c, int32_t v);
#endif

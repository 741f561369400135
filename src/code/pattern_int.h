/* pattern_int.h - what the pattern files (patterns.c, pattern_tree.c,
 * pattern_seq.c, pattern_source.c) share among themselves; the coder's
 * interface to them is patterns.h. */
#ifndef DY_PATTERN_INT_H
#define DY_PATTERN_INT_H
#include "coder_int.h"

struct pattern_hit;

/* pattern_tree.c */
/* k has a "case" or "mark" child that is the word prep */
int has_case(const sent_ctx *c, int32_t k, const char *prep);
/* the clause at k is an infinitive with "to" ("sent troops to serve") */
int infinitive_to(const sent_ctx *c, int32_t k);
/* the phrase at k is a time: "Saturday", "Nov. 18", "18 November" */
int time_phrase(const sent_ctx *c, int32_t k);
/* the word at k has lemma (or is written) `lemma` */
int lemma_is(const sent_ctx *c, int32_t k, const char *lemma);
/* i is top or below it in the tree */
int in_subtree(const sent_ctx *c, int32_t i, int32_t top);

/* pattern_seq.c */
/* PETRARCH's linear pattern p->seq matches the words around v (after hit's
 * +words); sets hit's target, source and seq_score; 0 no match */
int seq_match(const sent_ctx *c, int32_t v, const dict_pattern *p, struct pattern_hit *hit);
#endif

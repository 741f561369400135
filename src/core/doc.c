/* doc.c - the document object: metadata, raw bytes, clean text, tokens,
 * sentences and events, all in one arena. */
#include <stdlib.h>
#include <string.h>
#include "dyad.h"
#include "../base/arena.h"

dyad_doc *dyad_doc_new(void) {
    dyad_doc *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    d->arena = arena_new(256 * 1024);
    if (!d->arena) {
        free(d);
        return NULL;
    }
    return d;
}

void dyad_doc_reset(dyad_doc *d) {
    dyad_arena *a = d->arena;
    arena_reset(a);
    memset(d, 0, sizeof *d);
    d->arena = a;
}

void dyad_doc_free(dyad_doc *d) {
    if (!d) return;
    arena_free(d->arena);
    free(d);
}

/* Arrays double inside the arena; the abandoned copies die with the document. */
#define GROW(doc, arr, n, cap, type)                                                    \
    do {                                                                                \
        if ((doc)->n == (doc)->cap) {                                                   \
            size_t nc = (doc)->cap ? (doc)->cap * 2 : 64;                               \
            type *p = arena_grow((doc)->arena, (doc)->arr, (doc)->n, nc, sizeof(type)); \
            if (!p) return NULL;                                                        \
            (doc)->arr = p;                                                             \
            (doc)->cap = nc;                                                            \
        }                                                                               \
    } while (0)

dyad_token *dyad_doc_add_token(dyad_doc *d) {
    GROW(d, tokens, ntokens, tokens_cap, dyad_token);
    dyad_token *t = &d->tokens[d->ntokens++];
    memset(t, 0, sizeof *t);
    t->head = -1;
    return t;
}

dyad_sentence *dyad_doc_add_sentence(dyad_doc *d) {
    GROW(d, sentences, nsentences, sentences_cap, dyad_sentence);
    dyad_sentence *s = &d->sentences[d->nsentences++];
    memset(s, 0, sizeof *s);
    return s;
}

dyad_event *dyad_doc_add_event(dyad_doc *d) {
    GROW(d, events, nevents, events_cap, dyad_event);
    dyad_event *e = &d->events[d->nevents++];
    memset(e, 0, sizeof *e);
    e->source = e->target = "";
    return e;
}

char *dyad_doc_strdup(dyad_doc *d, const char *s) { return s ? arena_strdup(d->arena, s) : NULL; }

/* fuzz_segment.c - libFuzzer target: the segmenter on any bytes, alone and
 * after the cleaner; tokens and sentences must stay inside the text, cover
 * it in order, and the CoNLL-U writer must accept the result. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dyad.h"
#include "text/text.h"
#include "base/arena.h"

static void check_doc(const dyad_doc *d) {
    uint32_t prev_end = 0;
    for (size_t i = 0; i < d->ntokens; i++) {
        const dyad_token *t = &d->tokens[i];
        if (t->off < prev_end || t->off + t->len > d->text_len || !t->len || !t->form) abort();
        prev_end = t->off + t->len;
    }
    size_t next = 0;
    for (size_t s = 0; s < d->nsentences; s++) {
        if (d->sentences[s].first_token != next || !d->sentences[s].ntokens) abort();
        next += d->sentences[s].ntokens;
    }
    if (next != d->ntokens) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    dyad_error err;
    dyad_error_clear(&err);
    /* the raw bytes taken as clean text */
    dyad_doc *d = dyad_doc_new();
    d->text = arena_strndup(d->arena, (const char *)data, size);
    d->text_len = strlen(d->text); /* clean text never holds NUL */
    if (text_segment(d, &err) == DYAD_OK) check_doc(d);
    FILE *null = fopen("/dev/null", "w");
    if (null) {
        dyad_write_conllu(null, d);
        fclose(null);
    }
    dyad_doc_free(d);
    /* through the cleaner first, as the pipeline runs it */
    d = dyad_doc_new();
    d->raw = (const char *)data;
    d->raw_len = size;
    d->content = DYAD_FMT_TEXT;
    if (text_clean(d, &err) == DYAD_OK && text_segment(d, &err) == DYAD_OK) check_doc(d);
    d->raw = NULL;
    dyad_doc_free(d);
    return 0;
}

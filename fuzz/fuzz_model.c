/* fuzz_model.c - libFuzzer target: a corrupt or hostile model file must be
 * rejected cleanly (or, when it passes validation, be safe to run). Inputs
 * that are a multiple of 16 bytes (as model files are) are loaded as they
 * are, as the kind their header names; otherwise the last byte picks the kind
 * and whether to repair the header's size and checksum, so that mutations also
 * reach the section checks behind it. Seeds: tests/data/nlp/models. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "nlp/nlp_internal.h"

static void write_file(const char *path, const uint8_t *data, size_t size) {
    FILE *fp = fopen(path, "wb");
    if (!fp) return;
    if (size) fwrite(data, 1, size, fp);
    fclose(fp);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    static char path[256];
    if (!path[0]) snprintf(path, sizeof path, "/tmp/fuzz_model_%ld.dyad", (long)getpid());
    int kind = 1, repair = 0;
    if (size % 16 == 0) {
        if (size >= 16 && data[12] >= 1 && data[12] <= 3) kind = data[12];
    } else {
        kind = 1 + (data[size - 1] >> 1) % 3;
        repair = data[size - 1] & 1;
        size--;
    }
    uint8_t *copy = malloc(size + 1);
    if (!copy) return 0;
    if (size) memcpy(copy, data, size);
    if (repair && size >= 48) {
        uint64_t payload = size - 48, sum = nlp_checksum(copy + 48, size - 48);
        uint32_t k = (uint32_t)kind, version = NLP_VERSION;
        memcpy(copy, NLP_MAGIC, 8);
        memcpy(copy + 8, &version, 4);
        memcpy(copy + 12, &k, 4);
        memcpy(copy + 24, &payload, 8);
        memcpy(copy + 32, &sum, 8);
    }
    write_file(path, copy, size);
    free(copy);
    dyad_error err;
    dyad_error_clear(&err);
    dyad_arena *a = arena_new(4096);
    nlp_word words[6];
    const char *forms[6] = {"The", "embassy", "was", "attacked", "yesterday", "."};
    for (int i = 0; i < 6; i++) nlp_word_features(forms[i], &words[i]);
    if (kind == NLP_KIND_TAGGER) {
        nlp_tagger t;
        if (!tagger_load(&t, path, &err)) {
            int tags[6];
            int32_t *scores = malloc(nlp_dense_classes(t.nclasses) * sizeof *scores);
            if (scores) tagger_tag(&t, words, 6, tags, scores);
            free(scores);
            tagger_free(&t);
        }
    } else if (kind == NLP_KIND_LEMMATIZER) {
        nlp_lemmatizer l;
        if (!lemmatizer_load(&l, path, &err)) {
            for (int i = 0; i < 6; i++) (void)lemmatize(&l, forms[i], "NOUN", "NNS", a);
            lemmatizer_free(&l);
        }
    } else {
        nlp_parser p;
        if (!parser_load(&p, path, &err)) {
            int tags[6] = {0, 1, 2, 3, 4, 5}, heads[6], labels[6];
            for (int i = 0; i < 6; i++) tags[i] %= (int)p.ntags;
            (void)parser_parse(&p, words, tags, 6, heads, labels, a);
            parser_free(&p);
        }
    }
    arena_free(a);
    unlink(path);
    return 0;
}

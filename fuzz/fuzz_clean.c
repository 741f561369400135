/* fuzz_clean.c - libFuzzer target: any bytes through the plain-text cleaner
 * must give valid, NUL-terminated UTF-8 with every byte mapped into the input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "dyad.h"
#include "text/text.h"
#include "base/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    dyad_doc *doc = dyad_doc_new();
    if (!doc) return 0;
    doc->raw = (const char *)data;
    doc->raw_len = size;
    doc->content = DYAD_FMT_TEXT;
    dyad_error err;
    dyad_error_clear(&err);
    if (text_clean(doc, &err) == DYAD_OK) {
        if (!doc->text || strlen(doc->text) != doc->text_len || !utf8_valid(doc->text, doc->text_len)) abort();
        for (size_t i = 0; i < doc->text_len; i++)
            if (!doc->text_to_raw || doc->text_to_raw[i] >= size) abort();
    }
    dyad_doc_free(doc);
    return 0;
}

/* fuzz_html.c - libFuzzer target: any bytes through HTML main-text
 * extraction must give valid, NUL-terminated UTF-8, a map into the input,
 * and metadata strings or NULL. */
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
    doc->content = DYAD_FMT_HTML;
    dyad_error err;
    dyad_error_clear(&err);
    if (text_clean(doc, &err) == DYAD_OK) {
        if (!doc->text || strlen(doc->text) != doc->text_len || !utf8_valid(doc->text, doc->text_len)) abort();
        for (size_t i = 0; i < doc->text_len; i++)
            if (!doc->text_to_raw || (size && doc->text_to_raw[i] >= size)) abort();
        if (doc->title) (void)strlen(doc->title);
        if (doc->date && strlen(doc->date) != 10) abort();
        if (doc->url) (void)strlen(doc->url);
    }
    dyad_doc_free(doc);
    return 0;
}

/* fuzz_dict_dyad.c - libFuzzer target: dyad-format dictionary text through
 * the loader, then one hand-built parsed sentence through the coder, so
 * whatever the loader accepts must also be safe to code with. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "base/arena.h"
#include "code/code.h"
#include "code/dict.h"

static void ignore(void *user, const dyad_error *e) { (void)user; (void)e; }

/* "China met with Japan ." with a parse */
static void code_one_sentence(const dy_dicts *d) {
    static const char *form[] = {"China", "met", "with", "Japan", "."};
    static const char *lemma[] = {"China", "meet", "with", "Japan", "."};
    static const char *upos[] = {"PROPN", "VERB", "ADP", "PROPN", "PUNCT"};
    static const char *rel[] = {"nsubj", "root", "case", "obl", "punct"};
    static const int head[] = {2, 0, 4, 2, 2};
    dyad_doc *doc = dyad_doc_new();
    if (!doc) return;
    doc->text = arena_strdup(doc->arena, "China met with Japan .");
    doc->text_len = strlen(doc->text);
    dyad_sentence *s = dyad_doc_add_sentence(doc);
    uint32_t off = 0;
    for (int i = 0; i < 5 && s; i++) {
        dyad_token *t = dyad_doc_add_token(doc);
        if (!t) break;
        t->off = off;
        t->len = (uint32_t)strlen(form[i]);
        off += t->len + 1;
        t->form = form[i], t->lemma = lemma[i], t->upos = upos[i], t->deprel = rel[i], t->head = head[i];
        s->ntokens++;
    }
    dyad_error err;
    code_doc(d, doc, "2024-04-08", &err);
    dyad_doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    dy_dicts *d = dict_new("dyad");
    if (!d) return 0;
    dict_load_dyad_text(d, "fuzz.txt", (const char *)data, size, ignore, NULL);
    if (!dict_finish(d)) code_one_sentence(d);
    code_dicts_free(d);
    return 0;
}

/* fuzz_tabari_coder.c - libFuzzer target: the bytes read as a TABARI
 * .actors, .agents, .verbs or .options file by TABARI's own readers (the first
 * byte picks which, beside a small fixed dictionary), then sentences coded with
 * them by the surface coder: odd patterns, synsets that name themselves,
 * stray connectors. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "code/code.h"
#include "code/dict.h"
#include "code/tabari.h"

static void ignore(void *user, const dyad_error *e) { (void)user; (void)e; }

static const char *base_actors = "ARNOR [ARN]\nGONDOR\n+MINAS_TIRITH\n\t[GON]\nTHE_SHIRE [FRO/BIL]\nMINISTER_ [~GOV]\n";
static const char *base_verbs = "<SYNSETS>\n&SELF\n+&SELF_X\n+TIES\n</SYNSETS>\nRESTOR [064]\n- * &SELF [065]\n- % $ ^ + * { A | B_ } [066:067]\n";

static const char *sentences[] = {
    "Arnor is about to restore full diplomatic ties with Gondor after five long years.",
    "Gondor's minister and the Shire, Arnor and Minas Tirith restored it, a senior official said on Saturday.",
    "He restored them , , and but Arnor a b a b ties ties X restore restore Gondor Gondor.",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    dy_dicts *d = dict_new("tabari");
    if (!d) return 0;
    d->tabari = tabari_new(d->arena);
    if (!d->tabari) {
        code_dicts_free(d);
        return 0;
    }
    static const char *kinds[3] = {"actors", "agents", "verbs"};
    tabari_read(d->tabari, "actors", "base.actors", base_actors, strlen(base_actors), ignore, NULL);
    tabari_read(d->tabari, "verbs", "base.verbs", base_verbs, strlen(base_verbs), ignore, NULL);
    if (data[0] % 4 == 3) tabari_options_read(&d->tabari->options, d->arena, (const char *)data + 1, size - 1);
    else tabari_read(d->tabari, kinds[data[0] % 4], "fuzz", (const char *)data + 1, size - 1, ignore, NULL);
    tabari_finish(d->tabari);
    for (size_t i = 0; i < sizeof sentences / sizeof sentences[0]; i++) {
        dyad_doc *doc = dyad_doc_new();
        if (!doc) break;
        doc->raw = dyad_doc_strdup(doc, sentences[i]);
        doc->raw_len = strlen(sentences[i]);
        doc->content = DYAD_FMT_TEXT;
        doc->date = "1995-01-01";
        dyad_error err;
        dyad_error_clear(&err);
        if (dyad_process(NULL, doc, DYAD_STAGE_SEGMENT, &err) == DYAD_OK) code_doc(d, doc, NULL, &err);
        dyad_doc_free(doc);
    }
    code_dicts_free(d);
    return 0;
}

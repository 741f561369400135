/* fuzz_dict_tabari.c - libFuzzer target: the same bytes through the TABARI
 * .actors, .verbs and .agents readers (';' comments, <NOUN>/<TIME> sections,
 * one class per verb line); the first byte picks which. */
#include <stdint.h>
#include <stdlib.h>
#include "code/code.h"
#include "code/dict.h"
#include "code/dict_petrarch.h"

static void ignore(void *user, const dyad_error *e) { (void)user; (void)e; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    dy_dicts *d = dict_new("tabari");
    if (!d) return 0;
    ploader L = {d, ignore, NULL, "fuzz.project", 0, ';', 1};
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    switch (data[0] % 3) {
    case 0: petrarch_load_actors(&L, text, len); break;
    case 1: petrarch_load_agents(&L, text, len); break;
    default: petrarch_load_verbs(&L, text, len); break;
    }
    dict_finish(d);
    code_dicts_free(d);
    return 0;
}

/* fuzz_dict_compiled.c - libFuzzer target: bytes as a compiled dictionary
 * (`dyad train dicts` output). Every offset and count in the file is checked
 * before use; anything inconsistent must be refused, never followed. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "code/code.h"
#include "code/dict.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    unsigned char *copy = malloc(size ? size : 1); /* aligned like a mapped file */
    if (!copy) return 0;
    memcpy(copy, data, size);
    dy_dicts *d = dict_new("dyad");
    if (d) {
        dyad_error err;
        dict_load_compiled_bytes(d, copy, size, "fuzz.bin", &err);
        code_dicts_free(d);
    }
    free(copy);
    return 0;
}

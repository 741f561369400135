/* fuzz_reader_jsonl.c - libFuzzer target: the jsonl reader must never crash,
 * hang or leak on any bytes (also gzip-compressed ones, through zlib). */
#include "fuzz_reader_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    return fuzz_read_all(data, size, DYAD_FMT_JSONL, ".jsonl");
}

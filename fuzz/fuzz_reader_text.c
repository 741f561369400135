/* fuzz_reader_text.c - libFuzzer target: the text reader, reached through
 * format sniffing (AUTO on a name that says nothing), so the sniffer and
 * every reader it can pick must never crash, hang or leak on any bytes. */
#include "fuzz_reader_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    return fuzz_read_all(data, size, DYAD_FMT_AUTO, ".dat");
}

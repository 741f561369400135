#!/usr/bin/env bash
# segment.sh - single-thread throughput of reading + cleaning + segmenting
# plain news text (the synthetic stories of ../shared/data/bench, written as
# JSONL into a temporary directory), and of the segmenter alone. A small
# driver is compiled against build/libdyad.a so that only the library's work
# is timed (no output writing).
set -uo pipefail
cd "$(dirname "$0")/.."
data="${DYAD_SHARED:-../shared}/data"
csv="$data/bench/synthetic_news_stories.csv"
if [ ! -f "$csv" ]; then
  echo "segment: skipped: ../shared not found"
  exit 0
fi
[ -f build/libdyad.a ] || make -s build/libdyad.a >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$csv" "$tmp/stories.jsonl" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8')))
with open(sys.argv[2], 'w', encoding='utf-8') as f:
    for k in range(4):
        for i, r in enumerate(rows):
            f.write(json.dumps({"id": f"s{k}-{i}", "text": r["text"]}) + "\n")
PY
cat > "$tmp/drive.c" <<'C'
#include <stdio.h>
#include "dyad.h"
#include "io/reader.h"
#include "text/text.h"
#include "base/util.h"
int main(int argc, char **argv) {
    (void)argc;
    dyad_error err;
    dyad_error_clear(&err);
    double best_all = 0, best_read = 0, best_clean = 0, best_seg = 0;
    size_t bytes = 0, tokens = 0, sentences = 0;
    for (int round = 0; round < 3; round++) {
        dy_reader *r = reader_open(argv[1], DYAD_FMT_JSONL, &err);
        if (!r) return 1;
        dyad_doc *doc = dyad_doc_new();
        double rd = 0, cl = 0, seg = 0, t0 = now_seconds();
        bytes = tokens = sentences = 0;
        for (;;) {
            dyad_doc_reset(doc);
            double a = now_seconds();
            int rc = reader_next(r, doc, &err);
            double b = now_seconds();
            rd += b - a;
            if (rc == READ_END || rc == READ_FATAL) break;
            if (rc != READ_DOC) continue;
            bytes += doc->raw_len;
            text_clean(doc, &err);
            double c = now_seconds();
            cl += c - b;
            text_segment(doc, &err);
            seg += now_seconds() - c;
            tokens += doc->ntokens;
            sentences += doc->nsentences;
        }
        double all = now_seconds() - t0;
        if (!best_all || all < best_all) best_all = all;
        if (!best_read || rd < best_read) best_read = rd;
        if (!best_clean || cl < best_clean) best_clean = cl;
        if (!best_seg || seg < best_seg) best_seg = seg;
        dyad_doc_free(doc);
        reader_close(r);
    }
    printf("segment: %.1f MB/s read + clean + segment, one thread (%.1f MB of JSONL news, %zu sentences, %zu tokens, best of 3)\n",
           bytes / best_all / 1e6, bytes / 1e6, sentences, tokens);
    printf("segment: %.1f MB/s JSONL reader alone (reader_next)\n", bytes / best_read / 1e6);
    printf("segment: %.1f MB/s cleaner alone (text_clean)\n", bytes / best_clean / 1e6);
    printf("segment: %.1f MB/s segmenter alone (text_segment: tokens + sentences)\n", bytes / best_seg / 1e6);
    printf("segment: %.1f MB/s read + segment (without the cleaner)\n", bytes / (best_read + best_seg) / 1e6);
    return 0;
}
C
cc -std=c11 -D_GNU_SOURCE -O2 -Iinclude -Isrc "$tmp/drive.c" build/libdyad.a \
  $(pkg-config --libs libxml-2.0 zlib sqlite3 libutf8proc jansson) -lpthread -lm -o "$tmp/drive" || exit 1
nice "$tmp/drive" "$tmp/stories.jsonl"

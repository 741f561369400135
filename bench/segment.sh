#!/usr/bin/env bash
# segment.sh - single-thread throughput of reading + cleaning + segmenting
# plain news text (the synthetic stories of ../shared/data/bench, written as
# JSONL into a temporary directory), and of the segmenter alone. A small
# driver is compiled against build/libdyad.a so that only the library's work
# is timed (no output writing), in CPU seconds of the one thread so that other
# jobs on the machine do not skew the figures.
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
mkdir -p "$tmp/text"
python3 - "$csv" "$tmp/stories.jsonl" "$tmp/text" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8')))
with open(sys.argv[2], 'w', encoding='utf-8') as f:
    for k in range(4):
        for i, r in enumerate(rows):
            f.write(json.dumps({"id": f"s{k}-{i}", "text": r["text"]}) + "\n")
# the same stories as plain text files, ten stories a file
for j in range(0, len(rows), 10):
    with open(f"{sys.argv[3]}/{j:05d}.txt", 'w', encoding='utf-8') as f:
        f.write("\n\n".join(r["text"] for r in rows[j:j + 10]) + "\n")
PY
cat > "$tmp/drive.c" <<'C'
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "dyad.h"
#include "io/reader.h"
#include "text/text.h"
#include "base/util.h"
/* CPU seconds of this thread: steady on a machine shared with other jobs */
static double cpu_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}
#define now_seconds cpu_seconds

/* plain text files of a directory: read + clean + segment, seconds */
static double text_files(const char *dir, size_t *bytes) {
    dyad_error err;
    dyad_doc *doc = dyad_doc_new();
    DIR *d = opendir(dir);
    struct dirent *e;
    char path[4096];
    *bytes = 0;
    double t0 = now_seconds();
    while (d && (e = readdir(d))) {
        if (!strstr(e->d_name, ".txt")) continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        dy_reader *r = reader_open(path, DYAD_FMT_TEXT, &err);
        if (!r) continue;
        dyad_doc_reset(doc);
        if (reader_next(r, doc, &err) == READ_DOC) {
            *bytes += doc->raw_len;
            text_clean(doc, &err);
            text_segment(doc, &err);
        }
        reader_close(r);
    }
    double secs = now_seconds() - t0;
    if (d) closedir(d);
    dyad_doc_free(doc);
    return secs;
}

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
    double best_text = 0;
    size_t text_bytes = 0;
    for (int round = 0; round < 3; round++) {
        double t = text_files(argv[2], &text_bytes);
        if (!best_text || t < best_text) best_text = t;
    }
    printf("segment: %.1f MB/s read + clean + segment of plain text files, one thread (%.1f MB in 450 files, best of 3)\n",
           text_bytes / best_text / 1e6, text_bytes / 1e6);
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
nice "$tmp/drive" "$tmp/stories.jsonl" "$tmp/text"

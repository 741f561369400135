#!/usr/bin/env bash
# extract.sh - single-thread speed of the cleaner: HTML main-text extraction
# on the 91 pages of the article-body benchmark (in-process, and through the
# CLI), beside readability-lxml (Debian's python3-readability) on the same
# pages; and plain-text cleaning of the synthetic news stories. Targets:
# >= 10 MB/s and >= 10x readability for HTML. Figures are given by CPU time
# (stable on a shared machine) and by wall-clock time.
set -uo pipefail
cd "$(dirname "$0")/.."
data="${DYAD_SHARED:-../shared}/data"
html_dir="$data/boilerplate/html"
if [ ! -d "$html_dir" ]; then
  echo "extract: skipped: ../shared not found"
  exit 0
fi
[ -f build/libdyad.a ] && [ -x build/dyad ] || make -s >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/html"
for f in "$html_dir"/*.html*; do
  b=$(basename "$f"); b=${b%.gz}
  case "$f" in *.gz) gzip -dc "$f" > "$tmp/html/$b" ;; *) cp "$f" "$tmp/html/$b" ;; esac
done
mb=$(du -cb "$tmp"/html/*.html | tail -1 | awk '{printf "%.1f", $1/1e6}')

cat > "$tmp/drive.c" <<'C'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dyad.h"
#include "io/reader.h"
#include "text/text.h"
#include "base/util.h"
#include <time.h>
static double cpu_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}
/* html FILE...: clean each page 5 times, report the best round.
 * text JSONL: read + clean every record 3 times, report the best round. */
int main(int argc, char **argv) {
    dyad_error err;
    dyad_error_clear(&err);
    dyad_doc *doc = dyad_doc_new();
    double best = 0, best_cpu = 0, bytes = 0, clean = 0, best_clean = 0;
    if (!strcmp(argv[1], "html")) {
        int n = argc - 2;
        char **pages = calloc((size_t)n, sizeof *pages);
        size_t *lens = calloc((size_t)n, sizeof *lens);
        for (int i = 0; i < n; i++) pages[i] = file_read_all(argv[i + 2], &lens[i], 0, &err);
        for (int round = 0; round < 5; round++) {
            double t0 = now_seconds(), c0 = cpu_seconds();
            bytes = 0;
            for (int i = 0; i < n; i++) {
                if (!pages[i]) continue;
                dyad_doc_reset(doc);
                doc->raw = pages[i];
                doc->raw_len = lens[i];
                doc->content = DYAD_FMT_HTML;
                text_clean(doc, &err);
                bytes += (double)lens[i];
            }
            double t = now_seconds() - t0, c = cpu_seconds() - c0;
            if (!best || t < best) best = t;
            if (!best_cpu || c < best_cpu) best_cpu = c;
        }
        printf("extract: %.1f MB/s HTML main text + metadata, in-process, one thread, CPU time (%d pages, %.1f MB, best of 5)\n",
               bytes / best_cpu / 1e6, n, bytes / 1e6);
        printf("extract: %.1f MB/s the same by wall-clock time\n", bytes / best / 1e6);
    } else {
        for (int round = 0; round < 3; round++) {
            dy_reader *r = reader_open(argv[2], DYAD_FMT_JSONL, &err);
            if (!r) return 1;
            double t0 = now_seconds(), c0 = cpu_seconds();
            bytes = 0;
            clean = 0;
            for (;;) {
                dyad_doc_reset(doc);
                int rc = reader_next(r, doc, &err);
                if (rc == READ_END || rc == READ_FATAL) break;
                if (rc != READ_DOC) continue;
                bytes += (double)doc->raw_len;
                double k0 = cpu_seconds();
                text_clean(doc, &err);
                clean += cpu_seconds() - k0;
            }
            double t = now_seconds() - t0, c = cpu_seconds() - c0;
            if (!best || t < best) best = t;
            if (!best_cpu || c < best_cpu) best_cpu = c;
            if (!best_clean || clean < best_clean) best_clean = clean;
            reader_close(r);
        }
        printf("extract: %.1f MB/s plain text cleaning alone (text_clean), one thread, CPU time\n", bytes / best_clean / 1e6);
        printf("extract: %.1f MB/s plain text read + clean (residue removal), one thread, CPU time (%.1f MB of JSONL news, best of 3; wall clock %.1f MB/s)\n",
               bytes / best_cpu / 1e6, bytes / 1e6, bytes / best / 1e6);
    }
    dyad_doc_free(doc);
    return 0;
}
C
cc -std=c11 -D_GNU_SOURCE -O2 -Iinclude -Isrc "$tmp/drive.c" build/libdyad.a \
  $(pkg-config --libs libxml-2.0 zlib sqlite3 libutf8proc jansson) -lpthread -lm -o "$tmp/drive" || exit 1
out=$(nice "$tmp/drive" html "$tmp"/html/*.html)
echo "$out"
ours=$(echo "$out" | awk 'NR==1{print $2}')

t0=$(date +%s.%N)
nice build/dyad extract --threads 1 --input-format html "$tmp"/html/*.html > /dev/null 2>&1
t1=$(date +%s.%N)
awk -v a="$t0" -v b="$t1" -v mb="$mb" 'BEGIN{printf "extract: %.1f MB/s dyad extract CLI, one thread, JSONL output, process start included (%.2f s)\n", mb/(b-a), b-a}'

py=/usr/bin/python3; [ -x "$py" ] || py=python3
if "$py" -c 'import readability' 2>/dev/null; then
  theirs=$(nice "$py" - "$tmp"/html/*.html <<'PY'
import sys, time, logging
logging.disable(logging.CRITICAL)
from readability import Document
pages = [open(p, 'rb').read().decode('utf-8', 'replace') for p in sys.argv[1:]]
size = sum(len(p.encode('utf-8')) for p in pages)
t0, c0 = time.perf_counter(), time.process_time()
for p in pages:
    try:
        Document(p).summary()
    except Exception:
        pass
t, c = time.perf_counter() - t0, time.process_time() - c0
print(f"{size / c / 1e6:.2f} {c:.2f} {size / t / 1e6:.2f}")
PY
)
  rs=$(echo "$theirs" | awk '{print $1}')
  echo "extract: $rs MB/s readability-lxml (python3-readability), one thread, CPU time, same pages ($(echo "$theirs" | awk '{print $2}') s; wall clock $(echo "$theirs" | awk '{print $3}') MB/s)"
  awk -v a="$ours" -v b="$rs" 'BEGIN{ if (b > 0) printf "extract: %.1fx readability-lxml speed by CPU time (target >= 10x)\n", a/b }'
else
  echo "extract: readability-lxml not installed (scripts/install-deps adds python3-readability)"
fi

csv="$data/bench/synthetic_news_stories.csv"
if [ -f "$csv" ]; then
  python3 - "$csv" "$tmp/stories.jsonl" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8')))
with open(sys.argv[2], 'w', encoding='utf-8') as f:
    for k in range(4):
        for i, r in enumerate(rows):
            f.write(json.dumps({"id": f"s{k}-{i}", "text": r["text"]}) + "\n")
PY
  nice "$tmp/drive" text "$tmp/stories.jsonl"
fi

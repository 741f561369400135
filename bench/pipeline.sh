#!/usr/bin/env bash
# pipeline.sh - the whole job, raw news text to coded events (read, clean,
# segment, tag, lemmatize, parse, code, write JSONL), on the 4,500 synthetic
# news stories of ../shared/data/bench, with 1 thread and with all cores.
# Wall-clock time of `dyad code`; figures in documents/s, sentences/s, MB/s.
set -uo pipefail
cd "$(dirname "$0")/.."
csv="${DYAD_SHARED:-../shared}/data/bench/synthetic_news_stories.csv"
if [ ! -f "$csv" ]; then
  echo "pipeline: skipped: ../shared not found"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$csv" "$tmp/stories.jsonl" <<'PY'
import csv, json, sys
csv.field_size_limit(1 << 30)
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w") as out:
    for i, row in enumerate(csv.DictReader(f)):
        out.write(json.dumps({"id": "s%d" % i, "date": "2024-01-01", "text": row["text"]}) + "\n")
PY
bytes=$(stat -c %s "$tmp/stories.jsonl")
for threads in 1 $(nproc); do
  start=$(date +%s.%N)
  build/dyad code --threads "$threads" "$tmp/stories.jsonl" > "$tmp/events.jsonl" 2> "$tmp/err"
  end=$(date +%s.%N)
  events=$(wc -l < "$tmp/events.jsonl")
  python3 - "$start" "$end" "$bytes" "$events" "$threads" "$tmp/stories.jsonl" <<'PY'
import sys, json
start, end, size, events, threads = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
docs = sum(1 for _ in open(sys.argv[6]))
t = end - start
print("pipeline: %s thread(s): %d docs in %.2f s = %.0f docs/s, %.2f MB/s, %d events (text -> events, JSONL out)"
      % (threads, docs, t, docs / t, size / t / 1e6, events))
PY
done

#!/usr/bin/env bash
# demo.sh - dyad's main job on the shipped sample corpus: read text, HTML and
# JSONL news, code events, store them in demo.db and print a summary.
set -euo pipefail
cd "$(dirname "$0")/.."
DYAD=build/dyad
rm -f demo.db demo.db-wal demo.db-shm
echo "== dyad ingest: examples/ (text, HTML, JSONL) -> demo.db"
# Documents without a date of their own (the plain-text files) take --date.
set +e
$DYAD ingest --db demo.db --date 2024-04-08 \
    examples/text/*.txt examples/html/*.html examples/jsonl/articles.jsonl
rc=$?
set -e
echo
echo "== dyad query --db demo.db --report summary"
$DYAD query --db demo.db --report summary
echo
echo "== dyad query --db demo.db --report documents"
$DYAD query --db demo.db --report documents
echo
echo "== a few events (dyad query --sql ...)"
$DYAD query --db demo.db --sql "SELECT date, source, target, code, plover, substr(verb_text,1,20) AS verb FROM events ORDER BY date, id LIMIT 15"
exit $rc

#!/usr/bin/env bash
# run.sh - run every benchmark in bench/ (one line per figure). Benchmarks that
# need ../shared skip cleanly without it. Results are kept in bench/README.md.
set -uo pipefail
cd "$(dirname "$0")/.."
export DYAD_SHARED="${DYAD_SHARED:-../shared}"
echo "bench: $(date -u +%Y-%m-%d) $(uname -m) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
for b in bench/*.sh; do
  [ "$(basename "$b")" = run.sh ] && continue
  echo "== $b"
  bash "$b" || echo "bench: $b failed"
done

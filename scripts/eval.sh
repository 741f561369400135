#!/usr/bin/env bash
# eval.sh - run every evaluation in scripts/eval.d against ../shared. Each part
# prints its scores and fails when one falls more than 0.5 under its target.
# Each part checks for the data it needs: without ../shared the parts that
# need it say "skipped", and the rest (dyad's own news gold) still run.
set -uo pipefail
cd "$(dirname "$0")/.."
export DYAD_SHARED="${DYAD_SHARED:-../shared}"
[ -d "$DYAD_SHARED/data" ] || echo "eval: $DYAD_SHARED/data not found: the evaluations on the shared data sets are skipped"
pass=0; fail=0; failed=()
for part in scripts/eval.d/*.sh; do
  [ -e "$part" ] || continue
  echo "== $part"
  if bash "$part"; then pass=$((pass+1)); else fail=$((fail+1)); failed+=("$part"); fi
done
echo "eval: $pass passed, $fail failed${failed:+ (${failed[*]})}"
[ "$fail" -eq 0 ]

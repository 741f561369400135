#!/usr/bin/env bash
# eval.sh - run every evaluation in scripts/eval.d against ../shared. Each part
# prints its scores and fails when one falls more than 0.5 under its target.
# Without ../shared every part says "skipped" and the run succeeds.
set -uo pipefail
cd "$(dirname "$0")/.."
export DYAD_SHARED="${DYAD_SHARED:-../shared}"
if [ ! -d "$DYAD_SHARED/data" ]; then
  echo "eval: skipped: $DYAD_SHARED/data not found (evaluations need the shared data sets)"
  exit 0
fi
pass=0; fail=0; failed=()
for part in scripts/eval.d/*.sh; do
  [ -e "$part" ] || continue
  echo "== $part"
  if bash "$part"; then pass=$((pass+1)); else fail=$((fail+1)); failed+=("$part"); fi
done
echo "eval: $pass passed, $fail failed${failed:+ (${failed[*]})}"
[ "$fail" -eq 0 ]

#!/usr/bin/env bash
# 50-plover.sh - dyad's own dictionaries (dicts/) on the PLOVER development
# sets: how often dyad finds the marked source/target pair with the right
# PLOVER type, and its precision (the matching of plover_score.py). Target on
# PLV_train: pair+type >= 60%, precision >= 70%; fails when more than 0.5 under.
# DYAD_PLOVER_DETAIL=1 also lists every row and event (docs/dictionaries.md).
set -uo pipefail
data="${DYAD_SHARED:-../shared}/data"
if [ ! -d "$data" ]; then
  echo "50-plover: skipped: ../shared not found ($data)"
  exit 0
fi
check="--check"
rc=0
for f in cameo/plover/PLOVER_GSR_CAMEO.json plover-dev/PLV_train.tsv; do
  if [ ! -f "$data/$f" ]; then
    echo "50-plover: skipped: $data/$f not found"
    continue
  fi
  build/dyad eval plover --dicts dicts $check "$data/$f" || rc=1
done
exit $rc

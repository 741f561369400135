#!/usr/bin/env bash
# 40-suites.sh - the field's event-coding validation suites, each with its own
# dictionaries and dyad's own parse: UD-PETRARCH (target 95% recall and
# precision on its <Include> categories), PETRARCH unit tests (target 90%),
# TABARI Validate.text (target 85%). A suite fails (--check) when it is more
# than 0.5 under its target (as every part of make eval).
set -uo pipefail
data="${DYAD_SHARED:-../shared}/data/suites"
if [ ! -d "$data" ]; then
  echo "40-suites: skipped: ../shared not found ($data)"
  exit 0
fi
check="--check"
rc=0
for suite in upetrarch/PETR_Validate_records_2_02.xml petrarch/PETR.UnitTest.records.xml tabari/Validate.text; do
  if [ ! -f "$data/$suite" ]; then
    echo "40-suites: skipped: $data/$suite not found"
    continue
  fi
  build/dyad eval suite $check "$data/$suite" || rc=1
done
exit $rc

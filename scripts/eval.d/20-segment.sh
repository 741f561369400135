#!/usr/bin/env bash
# 20-segment.sh - tokens and sentences from raw text on the UD English EWT
# test set, CoNLL 2018 style (spans in the text with whitespace removed).
# Fails when a score is more than 0.5 under its target (tokens F1 99.0,
# sentences F1 85.0). The predictions are also cross-checked with the
# reference scorer when python3 is there.
set -uo pipefail
data="${DYAD_SHARED:-../shared}/data"
gold="$data/ud-ewt/en_ewt-ud-test.conllu"
if [ ! -f "$gold" ]; then
  echo "20-segment: skipped: ../shared not found ($gold)"
  exit 0
fi
pred=$(mktemp)
trap 'rm -f "$pred"' EXIT
build/dyad eval segment --check --pred "$pred" "$gold"
rc=$?
scorer="${DYAD_SHARED:-../shared}/tools/segment_eval.py"
if [ -f "$scorer" ] && command -v python3 >/dev/null; then
  echo "reference scorer: $(python3 "$scorer" score "$gold" "$pred")"
fi
exit $rc

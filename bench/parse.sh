#!/usr/bin/env bash
# parse.sh - analyzer throughput on one core: tagging + lemmatizing + parsing
# the UD English EWT test set on gold tokens, timed inside the process
# (nlp_analyze only), and model load time (wall ms of nlp_models_load).
# DYAD_BIN and DYAD_MODELS choose another binary or models directory.
set -uo pipefail
bin="${DYAD_BIN:-build/dyad}"
models="${DYAD_MODELS:-models}"
data="${DYAD_SHARED:-../shared}/data"
gold="$data/ud-ewt/en_ewt-ud-test.conllu"
if [ ! -f "$gold" ]; then
  echo "parse: skipped: ../shared not found"
  exit 0
fi
best=0
load=
for i in 1 2 3; do
  out=$(DYAD_MODELS="$models" "$bin" eval parse "$gold")
  wps=$(echo "$out" | awk '/^speed/ {print $2}')
  ms=$(echo "$out" | awk '/^load/ {print $2}')
  [ "${wps:-0}" -gt "$best" ] && best=$wps
  if [ -n "$ms" ] && { [ -z "$load" ] || awk -v a="$ms" -v b="$load" 'BEGIN {exit !(a < b)}'; }; then load=$ms; fi
done
echo "parse: $best tokens/s tag+lemma+parse, one thread (best of 3, EWT test, gold tokens)"
echo "parse: model load ${load:-?} ms wall (nlp_models_load of $models, best of 3)"
start=$(date +%s.%N)
DYAD_MODELS="$models" "$bin" parse --threads 1 --input-format conllu "$gold" > /dev/null
end=$(date +%s.%N)
words=$(grep -cP '^\d+\t' "$gold")
echo "parse: $(awk -v w="$words" -v s="$start" -v e="$end" 'BEGIN {printf "%.0f", w / (e - s)}') tokens/s end to end: dyad parse --threads 1 --input-format conllu (read, analyze, write CoNLL-U)"

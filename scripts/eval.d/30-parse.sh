#!/usr/bin/env bash
# 30-parse.sh - tagger, lemmatizer and parser on the UD English EWT test set
# (gold tokens): UPOS, XPOS, lemma, UAS, LAS. Fails when a score is more than
# 0.5 under its target (UPOS 96.0, lemma 97.5, UAS 88.5, LAS 86.0).
set -uo pipefail
data="${DYAD_SHARED:-../shared}/data"
gold="$data/ud-ewt/en_ewt-ud-test.conllu"
if [ ! -f "$gold" ]; then
  echo "30-parse: skipped: ../shared not found ($gold)"
  exit 0
fi
build/dyad eval parse --models models --check "$gold"

#!/usr/bin/env bash
# train-models.sh - the exact command that produces models/ (tagger,
# lemmatizer, parser) from UD English EWT; about 6 minutes on one core.
# Writes each model to a temporary file renamed into place, so models/ stays
# loadable while it runs.
set -euo pipefail
cd "$(dirname "$0")/.."
ud="${DYAD_SHARED:-../shared}/data/ud-ewt"
if [ ! -f "$ud/en_ewt-ud-train.conllu" ]; then
  echo "train-models: ../shared not found ($ud)" >&2
  exit 1
fi
make -j2 build/dyad
nice build/dyad train all --train "$ud/en_ewt-ud-train.conllu" --dev "$ud/en_ewt-ud-dev.conllu" --out models
build/dyad eval parse --models models "$ud/en_ewt-ud-dev.conllu"
build/dyad eval parse --models models "$ud/en_ewt-ud-test.conllu"

#!/usr/bin/env bash
# train-models.sh - the exact command that produces models/ (word clusters,
# tagger, lemmatizer, parser) from UD English EWT and unlabeled text; about
# 20 minutes on one core of a busy machine. Writes each model to a temporary
# file renamed into place, so models/ stays loadable while it runs.
set -euo pipefail
cd "$(dirname "$0")/.."
ud="${DYAD_SHARED:-../shared}/data/ud-ewt"
if [ ! -f "$ud/en_ewt-ud-train.conllu" ]; then
  echo "train-models: ../shared not found ($ud)" >&2
  exit 1
fi
make -j2 build/dyad
# --text: unlabeled text for the Brown clusters, learned first into
# models/clusters.dyad (the EWT training file's words, never dev or test;
# synthetic news stories; WordNet glosses and examples)
nice build/dyad train all --text "$ud/en_ewt-ud-train.conllu" "${DYAD_SHARED:-../shared}/data/bench/synthetic_news_stories.csv" \
    /usr/share/wordnet/data.noun /usr/share/wordnet/data.verb /usr/share/wordnet/data.adj /usr/share/wordnet/data.adv \
    --train "$ud/en_ewt-ud-train.conllu" --dev "$ud/en_ewt-ud-dev.conllu" --out models
build/dyad eval parse --models models "$ud/en_ewt-ud-dev.conllu"
build/dyad eval parse --models models "$ud/en_ewt-ud-test.conllu"

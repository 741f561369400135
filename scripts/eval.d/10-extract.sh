#!/usr/bin/env bash
# 10-extract.sh - HTML main-text extraction on the article-body benchmark
# (91 news pages + ground truth): shingle precision, recall and F1 as the
# benchmark's authors score them. Fails when F1 is more than 0.5 points
# under its target 0.96 (peers: trafilatura 0.958, Readability.js 0.947).
set -uo pipefail
data="${DYAD_SHARED:-../shared}/data"
gold="$data/boilerplate/ground-truth.json"
if [ ! -f "$gold" ]; then
  echo "10-extract: skipped: ../shared not found ($gold)"
  exit 0
fi
build/dyad eval extract --check "$gold" --html-dir "$data/boilerplate/html"

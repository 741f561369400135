#!/usr/bin/env bash
# code.sh - the event coder alone on one core: dictionary load time (best of 3)
# and code_doc throughput in sentences/s over the UD EWT test set's gold
# parses, with the Phoenix/PETRARCH2 reference dictionaries (~27,000 actors,
# ~15,000 verb patterns; targets: load <= 200 ms, >= 20,000 sentences/s) and
# with dyad's own dicts/; also the Phoenix dictionaries compiled by
# `dyad train dicts` (memory-mapped).
set -uo pipefail
shared="${DYAD_SHARED:-../shared}/data"
gold="$shared/ud-ewt/en_ewt-ud-test.conllu"
phoenix="$shared/dicts-reference/phoenix"
if [ ! -f "$gold" ] || [ ! -d "$phoenix" ]; then
  echo "code: skipped: ../shared not found"
  exit 0
fi
bin=build/code_bench
cc -std=c11 -D_GNU_SOURCE -O2 -Iinclude -Isrc $(pkg-config --cflags libxml-2.0) bench/code_bench.c build/libdyad.a \
  $(pkg-config --libs libxml-2.0 zlib sqlite3 libutf8proc jansson) -lpthread -lm -o "$bin" || exit 1
report() { # name dicts format
  out=$("$bin" "$2" "$3" "$gold" 5) || { echo "code: $1: failed"; return; }
  load=$(awk '/^load_ms/ {print $2}' <<<"$out")
  sps=$(awk '/^sentences_per_s/ {print $2}' <<<"$out")
  n=$(awk '/^sentences / {print $2}' <<<"$out")
  ev=$(awk '/^events/ {print $2}' <<<"$out")
  echo "code: $1 dictionaries load in $load ms (best of 3, CPU time)"
  echo "code: $1 dictionaries: $sps sentences/s coder alone, one thread ($n EWT test sentences, gold parses, $ev events; best of 5, CPU time)"
}
report phoenix "$phoenix" petrarch
if build/dyad train dicts --dicts "$phoenix" --dict-format petrarch --out build/phoenix.dicts.bin 2>/dev/null; then
  report "phoenix compiled (build/phoenix.dicts.bin)" build/phoenix.dicts.bin petrarch
fi
[ -d dicts ] && report dyad dicts dyad

#!/usr/bin/env bash
# run.sh - build every libFuzzer target fuzz/fuzz_*.c with clang (ASan + UBSan)
# against the library sources and run each for SECONDS (default 20), seeded
# from tests/data and examples/. A crash fails the run.
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${1:-20}"
OUT=build-fuzz
mkdir -p "$OUT"
PKGS="libxml-2.0 zlib sqlite3 libutf8proc jansson"
CFLAGS="-std=c11 -D_GNU_SOURCE -g -O1 -Iinclude -Isrc $(pkg-config --cflags $PKGS)"
LIBS="$(pkg-config --libs $PKGS) -lpthread -lm"
SAN="-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined"
objs=()
for c in src/*/*.c; do
  o="$OUT/$(echo "$c" | tr / _).o"
  if [ ! -f "$o" ] || [ "$c" -nt "$o" ]; then
    clang $CFLAGS -fsanitize=fuzzer-no-link,address,undefined -c "$c" -o "$o" || exit 1
  fi
  objs+=("$o")
done
pass=0; fail=0
for t in fuzz/fuzz_*.c; do
  [ -e "$t" ] || continue
  name=$(basename "$t" .c)
  clang $CFLAGS $SAN "$t" "${objs[@]}" $LIBS -o "$OUT/$name" || { echo "fuzz: $name does not build"; fail=$((fail+1)); continue; }
  corpus="$OUT/corpus-$name"
  mkdir -p "$corpus"
  seeds=(tests/data examples)
  [ -d "fuzz/seeds/$name" ] && seeds=("fuzz/seeds/$name" "${seeds[@]}")
  if "$OUT/$name" -max_total_time="$SECONDS_EACH" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=0 "$corpus" "${seeds[@]}" > "$OUT/$name.log" 2>&1; then
    echo "fuzz: $name ok ($(grep -c '' "$OUT/$name.log") log lines)"
    pass=$((pass+1))
  else
    echo "fuzz: $name FAILED, see $OUT/$name.log:"; tail -30 "$OUT/$name.log"
    fail=$((fail+1))
  fi
done
echo "fuzz: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

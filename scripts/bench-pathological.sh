#!/usr/bin/env bash
# Time and peak memory of `claimtrack extract` on each pathological article of
# tests/hostile.rs, at half and full size: the ratio of the two times shows
# whether the work is linear in the size (about 2) or worse (about 4).
# Needs python3 (to write the inputs) and GNU time at /usr/bin/time (for
# peak RSS; without it only seconds are shown).
set -euo pipefail
CARGO=${CARGO:-cargo}
BIN=target/release/claimtrack

if ! command -v python3 >/dev/null 2>&1; then
    echo "bench-pathological: python3 absent; skipped"
    exit 0
fi
$CARGO build --release --locked -p claimtrack-cli >/dev/null 2>&1 || $CARGO build --release --locked -p claimtrack-cli
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
python3 scripts/pathological.py "$TMP/half" --scale 0.5
python3 scripts/pathological.py "$TMP/full" --scale 1 --huge

measure() { # FILE -> "seconds rss_kb"
    local start end rss=""
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f "%e %M" -o "$TMP/t" "$BIN" extract -q "$1" >/dev/null 2>&1 || true
        tail -n 1 "$TMP/t"  # after "Command exited with non-zero status" when it did
    else
        start=$(date +%s.%N)
        "$BIN" extract -q "$1" >/dev/null 2>&1 || true
        end=$(date +%s.%N)
        awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f -\n", b - a }'
    fi
}

echo
echo "== pathological articles (release build, one article each)"
printf "%-24s %9s %8s %9s %11s %s\n" input MB seconds MB/s "peak RSS" "time ratio full/half"
for full in "$TMP"/full/*.txt; do
    name=$(basename "$full")
    bytes=$(wc -c < "$full")
    read -r secs rss < <(measure "$full")
    ratio="-"
    if [ -f "$TMP/half/$name" ]; then
        read -r hsecs _ < <(measure "$TMP/half/$name")
        ratio=$(awk -v a="$secs" -v b="$hsecs" 'BEGIN { if (b >= 0.05) printf "%.1f", a / b; else print "(too fast to tell)" }')
    fi
    awk -v n="$name" -v b="$bytes" -v s="$secs" -v r="$rss" -v q="$ratio" 'BEGIN {
        mbs = (s > 0) ? sprintf("%9.1f", b / 1e6 / s) : sprintf("%9s", "-")
        rs = (r == "-" || r == "") ? "-" : sprintf("%.0f MB", r / 1024)
        printf "%-24s %9.1f %8.2f %s %11s %s\n", n, b / 1e6, s, mbs, rs, q
    }'
done

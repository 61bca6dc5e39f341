#!/usr/bin/env bash
# Instructions per byte of `claimtrack extract`, counted by valgrind's
# callgrind on the BBC news articles of ../shared: a speed figure that does not
# depend on what else the machine is running (wall-clock rates on a shared
# 2-core machine vary by 30% from run to run; instruction counts repeat
# exactly), with the share of each stage of the pipeline.
#
# usage: scripts/bench-instructions.sh       (from the repository root)
# env:   SHARED (default ../shared), CARGO (default cargo),
#        BIN (default target/release/claimtrack; set it to skip the build),
#        ARTICLES (default 500: the first N articles in path order),
#        RUNS (default 15: native runs of each input, to time the budget)
#
# The one-time start-up (building the lexicons) is measured on one article and
# subtracted, so the figure is the marginal cost of article text. Without
# valgrind or ../shared/data/bbc-news it says so and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."

SHARED=${SHARED:-../shared}
CARGO=${CARGO:-cargo}
ARTICLES=${ARTICLES:-500}
SRC="$SHARED/data/bbc-news"

if [ ! -d "$SRC" ]; then
    echo "bench-instructions: $SRC is absent; no instruction count (set SHARED=path/to/shared)"
    exit 0
fi
if ! command -v valgrind > /dev/null || ! command -v callgrind_annotate > /dev/null; then
    echo "bench-instructions: valgrind is not installed; no instruction count"
    exit 0
fi
if [ -z "${BIN:-}" ]; then
    BIN=target/release/claimtrack
    echo "bench-instructions: building $BIN"
    "$CARGO" build --release --locked -p claimtrack-cli
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/claimtrack-instr.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/corpus" "$TMP/one"
find "$SRC" -type f -name "*.txt" | LC_ALL=C sort | sed -n "1,${ARTICLES}p" > "$TMP/list"
i=0
while read -r f; do
    i=$((i + 1))
    cp "$f" "$TMP/corpus/$(printf %05d "$i").txt"
done < "$TMP/list"
cp "$TMP/corpus/00001.txt" "$TMP/one/"
bytes=$(cat "$TMP"/corpus/*.txt | wc -c)

# count DIR OUT: total instructions of one run, its callgrind profile in OUT.
count() {
    valgrind --tool=callgrind --callgrind-out-file="$2" \
        "$BIN" extract --quiet --threads 1 "$1" > /dev/null 2> "$2.log"
    sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' "$2.log" | tail -n 1
}
one_bytes=$(wc -c < "$TMP/one/00001.txt")
startup=$(count "$TMP/one" "$TMP/one.cg")
total=$(count "$TMP/corpus" "$TMP/corpus.cg")
marginal=$((total - startup))
echo "bench-instructions: $i articles, $bytes bytes; $total instructions in all,"
echo "  $startup for start-up and one article of $one_bytes bytes"
awk -v t="$marginal" -v b="$((bytes - one_bytes))" \
    'BEGIN { printf "  %.0f instructions per byte of article text (the rest)\n", t / b }'

# Inclusive counts of the stages (symbol names of the workspace crates), less
# their share of the start-up run, per byte of the rest.
echo "  instructions per byte, by stage (inclusive):"
callgrind_annotate --inclusive=yes "$TMP/corpus.cg" 2> /dev/null > "$TMP/corpus.txt"
callgrind_annotate --inclusive=yes "$TMP/one.cg" 2> /dev/null > "$TMP/one.txt"
# The largest inclusive count of a line naming the function: callgrind also
# lists, under the function's name, the code inlined into it from other
# files; the function's own line counts all of it.
inclusive() {
    { grep -E "$1( |\$)" "$2" || true; } | awk '{ gsub(",", "", $1); if ($1 + 0 > m) m = $1 + 0 } END { print m + 0 }'
}
stage() {
    local label=$1 pattern=$2
    local all one
    all=$(inclusive "$pattern" "$TMP/corpus.txt")
    one=$(inclusive "$pattern" "$TMP/one.txt")
    awk -v a="${all:-0}" -v o="${one:-0}" -v b="$((bytes - one_bytes))" -v l="$label" \
        'BEGIN { printf "    %-36s %5.1f\n", l, (a - o) / b }'
}
# (`parse_into`, `attributions_into`, `resolve_with`, `classify_with`: the
# bodies behind the public functions, which lend them a thread's reused
# vectors or skip work; they are kept out of line, so that they show here.)
stage "parser: structure (tokens, quotes)" 'claimtrack_parser::structure::Document::parse(_into)?'
stage "parser: attributions" 'claimtrack_parser::attribution::attributions(_into)?'
stage "parser: speaker resolution" 'claimtrack_parser::resolve::resolve(_with)?'
stage "classifier: stance" 'claimtrack_classifier::classify(_with)?'
stage "rows encoded as CSV (workers)" 'ClaimCells as claimtrack_cli::cells::CsvRecord>::write_cells'
stage "articles loaded (workers: JSON)" 'claimtrack_cli::input::Piece::load'
stage "input split (main thread)" 'claimtrack_cli::pipeline::next_batch'
stage "output written (main thread)" 'claimtrack_cli::pipeline::hand_on'

# The budget those figures must meet: how many instructions a second this
# machine retires on this code, from native runs of the same two inputs
# (the fastest of RUNS, so that a busy moment does not count), and so how
# many instructions per byte 100 MB/s on one core allows.
RUNS=${RUNS:-15}
fastest() {
    local best=""
    for _ in $(seq "$RUNS"); do
        local t0 t1
        t0=$(date +%s%N)
        "$BIN" extract --quiet --threads 1 "$1" > /dev/null 2>&1
        t1=$(date +%s%N)
        if [ -z "$best" ] || [ $((t1 - t0)) -lt "$best" ]; then best=$((t1 - t0)); fi
    done
    echo "$best"
}
ns_corpus=$(fastest "$TMP/corpus")
ns_one=$(fastest "$TMP/one")
awk -v t="$marginal" -v ns="$((ns_corpus - ns_one))" -v b="$((bytes - one_bytes))" 'BEGIN {
    if (ns <= 0) { print "  (native runs too short to time)"; exit }
    rate = t / ns
    printf "  natively: %.1f MB/s on one core, %.2f G instructions per second (fastest of runs);\n", b * 1000 / ns, rate
    printf "  100 MB/s on this machine allows about %.0f instructions per byte\n", rate * 10
}'


#!/usr/bin/env bash
# Corpus throughput of `claimtrack extract`: the BBC news articles of ../shared,
# replicated to about 200 MB in a temporary folder, extracted on one core and on
# all cores; MB/s, articles/s, speed-up and peak memory, beside the targets.
#
# usage: scripts/bench-corpus.sh            (from the repository root)
# env:   SHARED (default ../shared), BENCH_MB (default 200), CARGO (default cargo),
#        BIN (default target/release/claimtrack; set it to skip the build),
#        BENCH_JSONL (default 1; 0 skips the JSON Lines measurement)
#
# Needs GNU tar, taskset and /usr/bin/time (GNU time) for the full report; without
# ../shared/data/bbc-news it says so and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."

SHARED=${SHARED:-../shared}
BENCH_MB=${BENCH_MB:-200}
BENCH_JSONL=${BENCH_JSONL:-1}
CARGO=${CARGO:-cargo}
SRC="$SHARED/data/bbc-news"

if [ ! -d "$SRC" ]; then
    echo "bench-corpus: $SRC is absent; no corpus benchmark (set SHARED=path/to/shared)"
    exit 0
fi

if [ -z "${BIN:-}" ]; then
    BIN=target/release/claimtrack
    echo "bench-corpus: building $BIN"
    "$CARGO" build --release --locked -p claimtrack-cli
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/claimtrack-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# --- the corpus: N copies of the BBC articles, each copy's files renamed
# (`07-name.txt`) so every article keeps a distinct doc_id.
src_bytes=$(find "$SRC" -type f -name '*.txt' -print0 | du -cb --files0-from=- | tail -n 1 | cut -f1)
src_files=$(find "$SRC" -type f -name '*.txt' | wc -l)
if [ "$src_files" -eq 0 ]; then
    echo "bench-corpus: no .txt article under $SRC"
    exit 0
fi
copies=$(( (BENCH_MB * 1000000 + src_bytes - 1) / src_bytes ))
echo "bench-corpus: $src_files articles, $src_bytes bytes in $SRC; making $copies copies in $TMP"
CORPUS="$TMP/corpus"
mkdir -p "$CORPUS"
for i in $(seq -w 1 "$copies"); do
    mkdir -p "$CORPUS/copy$i"
    tar -C "$SRC" -cf - --exclude=LICENSE . \
        | tar -C "$CORPUS/copy$i" -xf - --transform="s,\([^/]*\)\.txt\$,$i-\1.txt,"
done
bytes=$(find "$CORPUS" -type f -print0 | du -cb --files0-from=- | tail -n 1 | cut -f1)
articles=$(find "$CORPUS" -type f | wc -l)
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
echo "bench-corpus: corpus of $articles articles, $mb MB (1 MB = 10^6 bytes)"

# Warm the page cache so every run below reads from memory.
find "$CORPUS" -type f -print0 | xargs -0 cat > /dev/null

# A parser that finds nothing in the founding article is a stub: say so beside the figures.
seed_rows=$("$BIN" extract fixtures/seed/newser-2022-07-12.txt 2>/dev/null | wc -l || true)
if [ "${seed_rows:-0}" -lt 2 ]; then
    echo "bench-corpus: WARNING: extract finds no claim in the seed article (stub parser or extract?);"
    echo "              the figures below measure reading files, not extraction"
fi

# --- the options this binary knows (the CLI may not have --threads/--quiet yet).
help=$("$BIN" extract --help 2>&1 || true)
has() { grep -q -- "$1" <<<"$help"; }
out_args=(); has '--out' && out_args=(--out /dev/null)
quiet=(); has '--quiet' && quiet=(--quiet)
threads_flag=false; has '--threads' && threads_flag=true
cores=$(nproc)

now() { date +%s.%N; }
load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo 0)
if awk -v l="$load" -v n="$cores" 'BEGIN { exit !(l > n / 2) }'; then
    echo "bench-corpus: WARNING: load average $load on $cores cores: other work shares the CPU;"
    echo "              wall-clock MB/s and speed-up understate (MB per CPU second does not)"
fi
have_time=false; [ -x /usr/bin/time ] && have_time=true
have_taskset=false; command -v taskset > /dev/null && have_taskset=true

# run LABEL CMD...: times CMD (stdout discarded), records seconds and peak RSS.
run() {
    local label=$1; shift
    local start end rc=0
    start=$(now)
    if $have_time; then
        /usr/bin/time -v -o "$TMP/time.txt" "$@" > /dev/null || rc=$?
    else
        "$@" > /dev/null || rc=$?
    fi
    end=$(now)
    secs=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }')
    rss_kb=""; cpu=""
    if $have_time; then
        rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$TMP/time.txt")
        cpu=$(awk -F': ' '/User time|System time/ { t += $2 } END { printf "%.2f", t }' "$TMP/time.txt")
    fi
    if [ "$rc" -ne 0 ]; then
        echo "bench-corpus: $label: exit code $rc (figures below are not meaningful)"
    fi
}

report() {
    local label=$1
    awk -v l="$label" -v b="$bytes" -v a="$articles" -v s="$secs" -v r="$rss_kb" -v c="$cpu" 'BEGIN {
        if (s <= 0) s = 0.001
        line = sprintf("%-20s %7.2f s %8.1f MB/s %8.0f articles/s", l, s, b / 1e6 / s, a / s)
        if (c != "") line = line sprintf(" | cpu %7.2f s %8.1f MB/cpu-s", c, b / 1e6 / (c > 0 ? c : 0.001))
        if (r != "") line = line sprintf(" | peak RSS %6.1f MB", r / 1024)
        print line
    }'
}

# One big JSON Lines collection of the same articles, for a second measurement
# (one file read sequentially instead of 90,000 small ones). Needs jq or python3.
# The source articles as JSON Lines once ({"id":"name","text":...}), then
# replicated with the same copy prefixes as the folder.
JSONL="$TMP/corpus.jsonl"
SRC_JSONL="$TMP/source.jsonl"
if [ "$BENCH_JSONL" = 0 ]; then
    JSONL=""
elif command -v python3 > /dev/null; then
    find "$SRC" -type f -name '*.txt' | sort | python3 -c '
import json, os, sys
for path in sys.stdin.read().splitlines():
    with open(path, encoding="utf-8", newline="") as f:
        print(json.dumps({"id": os.path.basename(path)[:-4], "text": f.read()}, separators=(",", ":")))' > "$SRC_JSONL"
elif command -v jq > /dev/null; then
    find "$SRC" -type f -name '*.txt' | sort | while IFS= read -r path; do
        name=$(basename "$path" .txt)
        jq -c -R -s --arg id "$name" '{id: $id, text: .}' "$path"
    done > "$SRC_JSONL"
else
    echo "bench-corpus: neither python3 nor jq: no JSON Lines measurement"
    JSONL=""
fi
if [ -n "$JSONL" ]; then
    for i in $(seq -w 1 "$copies"); do
        sed "s/^{\"id\":\"/{\"id\":\"$i-/" "$SRC_JSONL"
    done > "$JSONL"
fi

echo
echo "== wc -w (for scale)"
run "wc -w" sh -c "find '$CORPUS' -type f -print0 | wc -w --files0-from=-"
report "wc -w"

# measure NAME INPUT: extract INPUT on one core (pinned), then on all cores.
measure() {
    local name=$1 input=$2
    echo
    echo "== claimtrack extract, $name, one core"
    one=("$BIN" extract "$input" "${out_args[@]}" "${quiet[@]}")
    $threads_flag && one+=(--threads 1)
    if $have_taskset; then one=(taskset -c 0 "${one[@]}"); fi
    echo "\$ ${one[*]}"
    run "$name, 1 core" "${one[@]}"
    report "$name, 1 core"
    local secs_one=$secs rss_one=$rss_kb cpu_one=$cpu

    echo "== claimtrack extract, $name, all $cores cores"
    all=("$BIN" extract "$input" "${out_args[@]}" "${quiet[@]}")
    $threads_flag && all+=(--threads "$cores")
    echo "\$ ${all[*]}"
    run "$name, $cores cores" "${all[@]}"
    report "$name, $cores cores"

    awk -v b="$bytes" -v s1="$secs_one" -v sn="$secs" -v n="$cores" -v r1="$rss_one" -v rn="$rss_kb" -v c1="$cpu_one" 'BEGIN {
        if (s1 <= 0) s1 = 0.001; if (sn <= 0) sn = 0.001
        mbs = b / 1e6 / s1; up = s1 / sn
        printf "  one core: %7.1f MB/s    target >= 100 MB/s          %s\n", mbs, (mbs >= 100 ? "ok" : "BELOW")
        if (c1 != "" && c1 > 0)
            printf "            %7.1f MB per CPU second (what one idle core would do)\n", b / 1e6 / c1
        printf "  speed-up: %7.2f x on %d cores  target near-linear (~%d x)  %s\n", up, n, n, (up >= 0.8 * n ? "ok" : "BELOW")
        if (r1 != "" && rn != "") {
            peak = (r1 > rn ? r1 : rn) / 1024
            printf "  peak RSS: %7.1f MB      target < 100 MB             %s\n", peak, (peak < 100 ? "ok" : "ABOVE")
        }
    }'
}

measure "folder" "$CORPUS"
if [ -n "$JSONL" ]; then
    if has 'jsonl'; then
        measure "one .jsonl" "$JSONL"
    else
        echo "bench-corpus: this claimtrack extract does not read .jsonl; no JSON Lines measurement"
    fi
fi
$threads_flag || echo "note: this claimtrack extract has no --threads; the one-core run is pinned by taskset only"

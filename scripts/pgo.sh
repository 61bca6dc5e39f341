#!/usr/bin/env bash
# Builds the fastest claimtrack binary: profile-guided (PGO) and static.
#
# usage: scripts/pgo.sh          (from the repository root; `make pgo` runs it)
# env:   CARGO (default cargo), LLVM_PROFDATA (default: the toolchain's own,
#        from rustup's llvm-tools component, which this installs if missing)
# out:   target/pgo/claimtrack
#
# Why: the rules engine is branchy code whose cost is spread over many small
# functions; telling the compiler which branches real articles take (block
# layout, inlining) cuts about a tenth of the instructions per byte
# (docs/bench.md). The output is byte-for-byte that of `make build`: this
# script checks it on the fixtures before it says done.
#
# The training run reads only what is in the repository (every article of
# fixtures/), so the build needs nothing from ../shared. Training on the BBC
# corpus instead gains about 2% more; not worth making the binary depend on
# data outside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO=${CARGO:-cargo}
HOST=$(rustc -vV | sed -n 's/^host: //p')
OUT=target/pgo
PROFILES="$PWD/$OUT/profiles"

case "$HOST" in
    *-linux-gnu | *-linux-musl) STATIC="-C target-feature=+crt-static" ;;
    *) STATIC="" ;; # no static C library to link: a dynamic PGO build
esac

# llvm-profdata must match rustc's LLVM: the toolchain's own copy.
find_profdata() {
    find "$(rustc --print sysroot)" -name llvm-profdata -type f 2> /dev/null | head -n 1
}
PROFDATA=${LLVM_PROFDATA:-$(find_profdata)}
if [ -z "$PROFDATA" ]; then
    echo "pgo: installing rustup's llvm-tools component (for llvm-profdata)"
    rustup component add llvm-tools
    PROFDATA=$(find_profdata)
fi
if [ -z "$PROFDATA" ]; then
    echo "pgo: no llvm-profdata for this toolchain; build with make build or make static" >&2
    exit 1
fi

echo "pgo: 1/3 instrumented build"
rm -rf "$PROFILES"
RUSTFLAGS="-Cprofile-generate=$PROFILES" \
    "$CARGO" build --release --locked -p claimtrack-cli --target "$HOST" --target-dir "$OUT/generate"

echo "pgo: 2/3 training run on the fixtures' articles"
TRAIN=$(mktemp -d "${TMPDIR:-/tmp}/claimtrack-pgo.XXXXXX")
trap 'rm -rf "$TRAIN"' EXIT
find fixtures -name '*.txt' | sort > "$TRAIN/articles"
# One run through every stage: extraction, claims CSV and both reports.
xargs "$OUT/generate/$HOST/release/claimtrack" extract --quiet --out-dir "$TRAIN/out" \
    < "$TRAIN/articles" 2> /dev/null
"$PROFDATA" merge -o "$OUT/claimtrack.profdata" "$PROFILES"

echo "pgo: 3/3 optimised build"
RUSTFLAGS="-Cprofile-use=$PWD/$OUT/claimtrack.profdata $STATIC" \
    "$CARGO" build --release --locked -p claimtrack-cli --target "$HOST" --target-dir "$OUT/use"
cp "$OUT/use/$HOST/release/claimtrack" "$OUT/claimtrack"

# Same output as the plain build, or no binary.
"$CARGO" build --release --locked -p claimtrack-cli
for bin in target/release/claimtrack "$OUT/claimtrack"; do
    xargs "$bin" extract --quiet < "$TRAIN/articles" > "$TRAIN/$(basename "$(dirname "$bin")").csv" 2> /dev/null
done
if ! cmp -s "$TRAIN/release.csv" "$TRAIN/pgo.csv"; then
    rm -f "$OUT/claimtrack"
    echo "pgo: the PGO build's output differs from the plain build's; binary removed" >&2
    exit 1
fi
echo "pgo: $OUT/claimtrack (profile-guided${STATIC:+, static}); same output as target/release/claimtrack"

# claimtrack: the two set-up commands are `make run` and `make test`.
SHARED ?= ../shared
CARGO ?= cargo
BIN := target/release/claimtrack
SEED := fixtures/seed/newser-2022-07-12.txt

.PHONY: all build static pgo run test fmt lint eval csv-check bench fuzz clean

all: build

build:
	$(CARGO) build --release --locked -p claimtrack-cli

# One self-contained executable with no shared libraries at all: the C library
# is linked in statically (a static-pie ELF), so it runs on any x86-64 (or
# other host-arch) Linux whatever its libc version. Built for the host triple
# named explicitly: with --target, RUSTFLAGS reach only the binary, not the
# build scripts and derive macros, which must stay dynamic.
HOST := $(shell rustc -vV 2>/dev/null | sed -n 's/^host: //p')
STATIC_BIN := target/$(HOST)/release/claimtrack

static:
	@case "$(HOST)" in *-linux-gnu|*-linux-musl) ;; \
		*) echo "make static: host $(HOST) has no static C library target; use make build"; exit 1;; esac
	RUSTFLAGS="-C target-feature=+crt-static" $(CARGO) build --release --locked -p claimtrack-cli --target $(HOST)
	@if readelf -d $(STATIC_BIN) 2>/dev/null | grep -q NEEDED; then \
		echo "make static: $(STATIC_BIN) still needs shared libraries:"; \
		readelf -d $(STATIC_BIN) | grep NEEDED; exit 1; fi
	@echo "static binary: $(STATIC_BIN)"

# The fastest binary: profile-guided optimisation (trained on the fixtures'
# articles) on top of make static; output checked identical to make build.
# Installs rustup's llvm-tools component when llvm-profdata is missing.
pgo:
	CARGO=$(CARGO) scripts/pgo.sh

# Build, then print the claims of the founding article.
run: build
	$(BIN) extract $(SEED)

# What CI runs: formatting, lints as errors, every test. Needs nothing from ../shared.
test:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --locked --workspace --all-targets -- -D warnings
	$(CARGO) test --locked --workspace

fmt:
	$(CARGO) fmt --all

# Accuracy on the seed (in the repo) and the human-annotated dev set (needs ../shared),
# then a cross-check: `claimtrack extract` to a CSV, scored by both the reference
# script and `claimtrack eval --claims`; the two must print the same lines.
GGT := $(SHARED)/data/ggt-dev
GGT_TEXTS := $(SHARED)/data/ggt-dev-texts
SCORER := $(SHARED)/tools/score_quotes.py

eval: build csv-check
	@echo "== seed: fixtures/seed"
	@$(BIN) eval --gold fixtures/seed --by-kind
	@if [ ! -d "$(GGT)" ]; then \
		echo "make eval: $(GGT) is absent; only the seed was scored (set SHARED=path/to/shared)"; \
		exit 0; \
	fi; \
	echo; echo "== ggt-dev: $(GGT)"; \
	$(BIN) eval --gold $(GGT) --by-kind --errors target/eval-errors.csv || exit $$?; \
	echo "(failures at 0.3: target/eval-errors.csv)"; \
	if ! command -v python3 >/dev/null 2>&1 || [ ! -f "$(SCORER)" ] || [ ! -d "$(GGT_TEXTS)" ]; then \
		echo "make eval: python3, $(SCORER) or $(GGT_TEXTS) absent; cross-check skipped"; \
		exit 0; \
	fi; \
	if ! $(BIN) extract --help | grep -q -- '--out'; then \
		echo "make eval: this claimtrack extract has no --out yet; cross-check skipped"; \
		exit 0; \
	fi; \
	tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; status=0; \
	for set in "fixtures/seed $(SEED)" "$(GGT) $(GGT_TEXTS)"; do \
		gold=$${set%% *}; texts=$${set#* }; \
		echo; echo "== cross-check on $$gold: claimtrack extract $$texts"; \
		$(BIN) extract "$$texts" --out "$$tmp/claims.csv" || { status=1; continue; }; \
		if [ ! -s "$$tmp/claims.csv" ]; then echo "extract wrote no CSV; cross-check skipped"; continue; fi; \
		python3 "$(SCORER)" "$$gold" "$$tmp/claims.csv" > "$$tmp/py.txt" || { status=1; continue; }; \
		$(BIN) eval --gold "$$gold" --claims "$$tmp/claims.csv" | head -n 2 > "$$tmp/rs.txt"; \
		echo "score_quotes.py:"; cat "$$tmp/py.txt"; \
		echo "claimtrack eval --claims:"; cat "$$tmp/rs.txt"; \
		if cmp -s "$$tmp/py.txt" "$$tmp/rs.txt"; then echo "agree"; \
		else echo "DISAGREE: claimtrack eval and score_quotes.py differ"; status=1; fi; \
		rm -f "$$tmp/claims.csv"; \
	done; \
	exit $$status

# Every fixture and pathological article through `claimtrack extract`, the
# CSV read back with Python's csv module (strict), row counts checked against
# the summary line. Skipped, saying so, without python3.
csv-check: build
	@if ! command -v python3 >/dev/null 2>&1; then \
		echo "make csv-check: python3 absent; the Python CSV read-back was skipped"; exit 0; \
	fi; \
	echo "== CSV read back by Python's csv module"; \
	tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	python3 scripts/pathological.py "$$tmp/in" --scale 0.25; \
	find fixtures -name '*.txt' | sort > "$$tmp/list"; ls "$$tmp"/in/*.txt >> "$$tmp/list"; \
	n=0; while read -r f; do \
		n=$$((n + 1)); \
		$(BIN) extract -q "$$f" > "$$tmp/out.csv" 2> "$$tmp/err.txt"; \
		rows=$$(sed -n 's/.* failed, \([0-9]*\) claims\{0,1\} written.*/\1/p' "$$tmp/err.txt"); \
		python3 scripts/check_csv.py "$$tmp/out.csv" "$${rows:-0}" > /dev/null || exit 1; \
	done < "$$tmp/list"; \
	echo "$$n outputs read back, row counts as claimtrack stated"

# Criterion benches of the parser (and the classifier, when it has some), then the
# corpus throughput script and the instruction count per byte (both need
# ../shared/data/bbc-news, the count also valgrind; each says so and passes without),
# the count again for the make pgo binary when it has been built.
bench:
	$(CARGO) bench --locked -p claimtrack-parser -p claimtrack-classifier
	SHARED=$(SHARED) CARGO=$(CARGO) scripts/bench-corpus.sh
	SHARED=$(SHARED) CARGO=$(CARGO) scripts/bench-instructions.sh
	@if [ -x target/pgo/claimtrack ]; then \
		echo "== the same count for the make pgo binary (target/pgo/claimtrack)"; \
		SHARED=$(SHARED) BIN=target/pgo/claimtrack scripts/bench-instructions.sh; \
	else echo "(make pgo first to count the profile-guided binary too)"; fi
	CARGO=$(CARGO) scripts/bench-pathological.sh

# Fuzz each target for FUZZ_SECONDS (nightly toolchain; installs cargo-fuzz when
# missing). The corpus grows in fuzz/corpus/<target>, starting from fuzz/seeds;
# a crashing or hanging input is saved in fuzz/artifacts/<target>/ and stops the run.
FUZZ_SECONDS ?= 600
FUZZ_MAX_LEN ?= 65536
# Seconds one input may take before it counts as a hang (a crash).
FUZZ_TIMEOUT ?= 10
# More libFuzzer flags; FUZZ_FLAGS=-len_control=0 tries long inputs from the start
# (by default libFuzzer lets the length grow slowly from the seeds' 2.5 KB).
FUZZ_FLAGS ?=
FUZZ_TARGETS := parser extract input

fuzz:
	@$(CARGO) fuzz --version >/dev/null 2>&1 || $(CARGO) install cargo-fuzz --locked
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p fuzz/corpus/$$t || exit $$?; \
		for f in fuzz/seeds/*; do \
			[ -e fuzz/corpus/$$t/$${f##*/} ] || cp $$f fuzz/corpus/$$t/ || exit $$?; \
		done; \
		echo "== fuzz $$t for $(FUZZ_SECONDS) s"; \
		$(CARGO) +nightly fuzz run --fuzz-dir fuzz $$t -- \
			-max_total_time=$(FUZZ_SECONDS) -max_len=$(FUZZ_MAX_LEN) -timeout=$(FUZZ_TIMEOUT) $(FUZZ_FLAGS) || exit $$?; \
	done

clean:
	$(CARGO) clean

# claimtrack: the two set-up commands are `make run` and `make test`.
SHARED ?= ../shared
CARGO ?= cargo
BIN := target/release/claimtrack
SEED := fixtures/seed/newser-2022-07-12.txt

.PHONY: all build run test fmt lint eval bench clean

all: build

build:
	$(CARGO) build --release --locked -p claimtrack-cli

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

# Accuracy on the human-annotated dev set and the seed (needs ../shared).
eval: build
	@if [ ! -d "$(SHARED)/data/ggt-dev" ]; then \
		echo "make eval: $(SHARED)/data/ggt-dev is absent; nothing to evaluate (set SHARED=path/to/shared)"; \
		exit 0; \
	fi; \
	echo "== seed ($(SHARED)/seed)"; \
	$(BIN) eval --gold $(SHARED)/seed; \
	echo "== ggt-dev ($(SHARED)/data/ggt-dev)"; \
	$(BIN) eval --gold $(SHARED)/data/ggt-dev --by-kind

clean:
	$(CARGO) clean

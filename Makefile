# mutagen-rs: the two commands a fresh machine needs are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
VPIP := $(VENV)/bin/pip
# Cargo profile of the extension that `make run` builds (the shipped one).
PROFILE ?= release
# The profile `make test` builds the extension with: optimised, no fat LTO.
TEST_PROFILE ?= ci
MANIFEST := bindings/mtg-py/Cargo.toml

.PHONY: run test venv build build-test inspect lint rust-test py-test conformance \
        init-rows api-surface bench-py bench-batch bench corpus test-files fuzz fuzz-ci clean

## run: set up the venv, build the release extension, inspect test_files/
run: build inspect

## test: every test the project has (what CI runs)
test: lint rust-test build-test py-test conformance init-rows api-surface fuzz-ci

$(VENV)/.stamp: tools/requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VPIP) install -q --upgrade pip
	$(VPIP) install -q -r tools/requirements.txt
	touch $@

venv: $(VENV)/.stamp

build: venv
	VIRTUAL_ENV=$(abspath $(VENV)) PATH=$(abspath $(VENV))/bin:$$PATH \
	  $(VENV)/bin/maturin develop -q --profile $(PROFILE) -m $(MANIFEST)

build-test:
	$(MAKE) build PROFILE=$(TEST_PROFILE)

inspect:
	$(VPY) -m mutagen_rs._tools.mutagen_inspect $(sort $(filter-out %.md,$(wildcard test_files/*)))

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings

rust-test:
	cargo test --workspace

py-test: venv
	$(VPY) -m pytest -q -p no:cacheprovider bindings/mtg-py/tests

conformance: venv
	$(VPY) tools/conformance.py

## init-rows: the rows of test___init__.py for the formats that exist (a patched copy)
init-rows: venv
	$(VPY) tools/init_rows.py

api-surface: venv
	$(VPY) tools/api_surface.py

## bench-batch: batch_open files per second by thread count, on the corpus
bench-batch: venv corpus
	$(VPY) tools/bench_batch.py

## bench-py: mutagen vs mutagen_rs side by side (builds the corpus first)
bench-py: venv corpus
	$(VPY) tools/bench_py.py

corpus:
	bash tools/make_corpus.sh

test-files:
	bash tools/make_test_files.sh

## fuzz: every cargo-fuzz target for FUZZ_SECONDS each (default 600)
FUZZ_SECONDS ?= 600
fuzz:
	bash tools/fuzz.sh $(FUZZ_SECONDS)

## fuzz-ci: every target briefly (part of make test)
fuzz-ci:
	bash tools/fuzz.sh 15

clean:
	cargo clean
	rm -rf $(VENV) .cache

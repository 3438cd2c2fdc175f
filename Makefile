# resolutions-kg: two commands set up everything — `make run` and `make test`.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
STORE  ?= var/store
HOST   ?= 127.0.0.1
PORT   ?= 8000
DATA   ?= data

.PHONY: run install load serve test test-fast lint bench bench-server clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## load data/ into the store and print what was published
load: $(STAMP)
	$(BIN)/reskg load $(DATA) --store $(STORE)
	$(BIN)/reskg stats --store $(STORE)

## serve the store (SPARQL endpoint, linked data, query UI)
serve: $(STAMP)
	$(BIN)/reskg serve --store $(STORE) --host $(HOST) --port $(PORT)

## everything a new user needs: venv, install, load the corpus, serve
run: load serve

## the whole suite (CI runs this): one pytest worker per core and one more (pytest-xdist: the
## extra worker runs while the others wait on the servers and `reskg` commands their tests start,
## which on two cores left a third of the processor idle); each test file
## runs on one worker, so its module fixtures are built once, the slowest files first (the order
## is tests/conftest.py's SLOWEST_FIRST, not xdist's, which puts files of few tests last). Every finished test is printed as
## "[gwN] [ 42%] PASSED tests/test_x.py::test_y"; the 25 slowest are listed at the end.
## `make test JOBS=0` runs it in one process, without workers; `make test PROGRESS=-q` prints dots.
## The three corpus-wide sweeps (every labelled document's facts through the named queries, in
## eleven layouts, judged by plain pyshacl) take CORPUS=sample by default: the shared corpus and
## every tenth document of tests/data/dev, the same ones every run. CI runs `make test
## CORPUS=all`, every document (tests/labelled.py: swept).
JOBS     ?= $(shell echo $$(( $$(nproc) + 1 )))
CORPUS   ?= sample
FAST_JOBS ?= auto
PROGRESS ?= -v
DURATIONS ?= 25
test: $(STAMP)
	RESKG_TEST_CORPUS=$(CORPUS) $(BIN)/python -m pytest -n $(JOBS) --dist loadfile --no-loadscope-reorder $(PROGRESS) --durations=$(DURATIONS)

## the library and the loader without servers, browsers or corpus loads: the edit-test loop
## (its small tests go one by one to the workers: --dist load)
FAST_TESTS := test_loader_corpus test_loader_genre test_loader_properties test_readers \
	test_expand test_topics_classifier test_iris test_formats test_metamorphic test_docs \
	test_queries test_mapping test_roles test_architecture test_dead_code test_places_recognised \
	test_phrases
test-fast: $(STAMP)
	RESKG_TEST_CORPUS=$(CORPUS) $(BIN)/python -m pytest -q -n $(FAST_JOBS) --dist load $(addprefix tests/,$(addsuffix .py,$(FAST_TESTS)))

## the fast tests at the lowest versions pyproject.toml allows (uv's lowest-direct resolution,
## in .venv-lowest): the floors are tested, not guessed
test-lowest:
	test -x .venv-lowest/bin/python || $(PYTHON) -m venv .venv-lowest
	.venv-lowest/bin/python -m pip install --quiet "uv>=0.5,<1"
	VIRTUAL_ENV=$(CURDIR)/.venv-lowest .venv-lowest/bin/uv pip install --quiet \
		--resolution lowest-direct -e '.[test]'
	RESKG_TEST_CORPUS=$(CORPUS) .venv-lowest/bin/python -m pytest -q -n $(FAST_JOBS) --dist load \
		$(addprefix tests/,$(addsuffix .py,$(FAST_TESTS)))

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy resolutions_kg

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/run.py

## reskg serve start-up, memory copy and latency at 1M and 10M triples (~15 min, several GB)
bench-server: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/run.py server

clean:
	rm -rf var build dist *.egg-info bench/out

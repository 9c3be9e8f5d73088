# tenderarchive — every target bootstraps .venv on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= archive.db
PORT   ?= 8001
STAMP  := $(VENV)/.installed

.PHONY: demo archive serve test fuzz bench bench-scale install clean screenshots

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

## Build archive.db from the bundled synthetic snapshot and serve it at http://127.0.0.1:8001 (another port: PORT=8002)
demo: archive
	$(BIN)/tenderarchive serve --db $(DB) --port $(PORT)

## Build archive.db from the bundled synthetic snapshot (no network)
archive: $(STAMP)
	$(BIN)/tenderarchive build-demo --db $(DB)

serve: $(STAMP)
	$(BIN)/tenderarchive serve --db $(DB) --port $(PORT)

## Run the whole test suite
test: $(STAMP)
	$(BIN)/python -m pytest -q -n 2  # two workers: the suite is mostly waiting on loopback crawls

## Long fuzz run over every parser (>= 100,000 mutated inputs); prints cases, failures and hangs
FUZZ_CASES ?= 100000
fuzz: $(STAMP)
	$(BIN)/python -m tests.fuzz.run --cases $(FUZZ_CASES)

## Benchmarks (print ratios against a baseline measured in the same run)
bench: $(STAMP)
	$(BIN)/python bench/run.py

## PNGs of the home page, a search, the dashboard, a timeline and the research pages in docs/screenshots/ (needs chromium)
screenshots: $(STAMP)
	$(BIN)/python docs/screenshots/make_screenshots.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache

## Scale benchmark (bench/scale.py): 1,000,000 notices + 200,000 articles served by Datasette;
## SCALE_ARGS=--small for the CI size (20,000 + 4,000)
SCALE_ARGS ?=
bench-scale: $(STAMP)
	$(BIN)/python bench/scale.py $(SCALE_ARGS)

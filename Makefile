# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= .lookthrough/demo.duckdb
FUZZ_SECONDS ?= 300

.PHONY: demo test lint typecheck check docs fuzz bench bench-smoke clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

KERNEL := lookthrough/matching/engine/_kernel.pyx

$(VENV)/.installed: pyproject.toml setup.py $(KERNEL) | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml setup.py $(KERNEL) | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test,yente,spark]'
	touch $@ $(VENV)/.installed

$(VENV)/.installed-bench: pyproject.toml setup.py $(KERNEL) | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test,yente,spark,bench]'
	touch $@ $(VENV)/.installed-test $(VENV)/.installed

## demo: screen examples/holdings.csv against the built-in dataset and print the flagged rows
demo: $(VENV)/.installed
	$(BIN)/lookthrough screen examples/holdings.csv --name-column holding --id-column isin \
		--format table --db $(DEMO_DB)

## test: install the test extras (nomenklatura for the yente tests, pyspark for the Spark tests) and run the whole suite
test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check lookthrough tests bench
	$(BIN)/ruff format --check lookthrough tests bench

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy lookthrough

check: lint typecheck test

## fuzz: every list adapter and input reader fed damaged files, FUZZ_SECONDS (300) each (CI runs a few dozen examples each)
fuzz: $(VENV)/.installed-test
	$(BIN)/python -m tests.fuzz.timed --seconds $(FUZZ_SECONDS) --out fuzz-failures

## docs: regenerate the reference pages generated from the code
docs: $(VENV)/.installed
	$(BIN)/python -m lookthrough.settings > docs/settings.md

## bench: the full benchmarks (minutes); figures go to bench/RESULTS.md
bench: $(VENV)/.installed-bench
	$(BIN)/python -m bench.run

bench-smoke: $(VENV)/.installed-bench
	$(BIN)/python -m bench.run --smoke

clean:
	rm -rf $(VENV) .lookthrough

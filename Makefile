# Two commands a new user needs: `make run` and `make test`.
# `make run PORT=9000 DATA_DIR=/srv/facilitate HOST=0.0.0.0` changes where it serves.
PYTHON ?= python3
PORT ?= 8866
HOST ?= 127.0.0.1
DATA_DIR ?=
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.run-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.run-installed

# FACILITATE_LAUNCHER lets hints say `make run HOST=...` rather than `--host`.
run: $(VENV)/.run-installed
	FACILITATE_LAUNCHER=make $(BIN)/facilitate $(if $(DATA_DIR),--data-dir "$(DATA_DIR)") serve --demo \
		--host "$(HOST)" --port "$(PORT)"

lint: $(VENV)/.test-installed
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports --no-logo

test: $(VENV)/.test-installed lint
	$(BIN)/python -m pytest

bench: $(VENV)/.test-installed
	$(BIN)/python bench/joins.py 100
	$(BIN)/python bench/joins_one_address.py 250
	$(BIN)/python bench/latency.py
	$(BIN)/python bench/display_speed.py
	$(BIN)/python bench/refill.py 100
	$(BIN)/python bench/page_weight.py
	$(BIN)/python bench/writers.py 200 50
	$(BIN)/python bench/writers.py 200 50 --postgres
	$(BIN)/python bench/large_event.py 200
	$(BIN)/python bench/export.py
	$(BIN)/python bench/alignment_recompute.py
	$(BIN)/python bench/verdicts.py --docstring
	$(BIN)/python bench/team_board.py
	$(BIN)/python bench/audit.py

clean:
	rm -rf $(VENV)

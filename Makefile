# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SAMPLE := examples/varrow-pass

.PHONY: demo test bench clean serve

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.core: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.server: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[server]'
	touch $@ $(VENV)/.core

$(VENV)/.test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@ $(VENV)/.core

demo: $(VENV)/.core
	$(BIN)/synoptic brief $(SAMPLE) --words 100

test: $(VENV)/.test
	$(BIN)/python -m pytest -q

# The web page and API on http://127.0.0.1:8000/, with the sample's folder briefable by name.
serve: $(VENV)/.server
	$(BIN)/synoptic serve --articles-dir examples

bench: $(VENV)/.test
	$(BIN)/python benchmarks/segment_speed.py
	$(BIN)/python benchmarks/brief_latency.py
	$(BIN)/python benchmarks/analysis_latency.py
	$(BIN)/python benchmarks/eval_table.py
	$(BIN)/python benchmarks/stories_updates.py
	$(BIN)/python benchmarks/stories_scale.py --articles 20000
	$(BIN)/python benchmarks/stories_cold_start.py
	$(BIN)/python benchmarks/brief_scale.py
	$(BIN)/python benchmarks/brief_dense.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis

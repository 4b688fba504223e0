VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install run test lint bench clean

# compileall after every install check: it recompiles only what changed since (this machine sets
# PYTHONDONTWRITEBYTECODE, so Python itself would compile the edited sources again at every start)
install: $(STAMP)
	@$(PY) -m compileall -q nlpmeet > /dev/null

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev,dask]"
	touch $(STAMP)

run: install
	$(VENV)/bin/nlpmeet extract examples/otan-2024-07-11-washington.txt --format table

test: install
	$(VENV)/bin/pytest -q

lint: install
	$(VENV)/bin/ruff check nlpmeet tests scripts
	$(VENV)/bin/mypy

bench: install
	$(PY) scripts/bench.py

clean:
	rm -rf $(VENV) build dist *.egg-info

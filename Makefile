# fundanalysis: every target creates the environment it needs; only Python and make are assumed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)

NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))
KERNEL_SPEC := $(VENV)/share/jupyter/kernels/fundanalysis/kernel.json
export PYTHONHASHSEED := 0
# Validated tables and checks are reused between kernels while their bytes are the same
# (src/fundanalysis/cache.py); here they stay inside the clone, in an ignored path.
export FUNDANALYSIS_CACHE ?= $(CURDIR)/build/cache

.PHONY: env test lint unit nbval notebooks lab site validate bench lock clean

$(STAMP): requirements.lock pyproject.toml
	@echo "==> creating the environment in $(VENV) (first run only)"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

$(KERNEL_SPEC): $(STAMP)
	$(BIN)/python -m ipykernel install --sys-prefix --name fundanalysis --display-name "Python 3 (fundanalysis)"

env: $(STAMP) $(KERNEL_SPEC)

lint: env
	$(BIN)/ruff check src tests tools notebooks hatch_build.py
	$(BIN)/ruff format --check src tests tools notebooks hatch_build.py

unit: env
	$(BIN)/python -m pytest tests

# Re-execute every notebook and compare with its stored outputs (strict, not --nbval-lax).
# Two workers, each notebook whole on one of them (--dist loadfile keeps its cells in order).
# The stored outputs are those of a run without the report's text (as a user's fresh clone has
# it): the audit page says whether the text was supplied, so both targets run without it.
nbval: env
	env -u FUNDANALYSIS_SOURCES $(BIN)/python -m pytest -p no:cacheprovider -n 2 --dist loadfile --nbval --nbval-current-env \
		--nbval-sanitize-with notebooks/sanitize.cfg $(NOTEBOOKS)

test: lint unit nbval

# Refresh the stored outputs after a change of data or code.
notebooks: env
	env -u FUNDANALYSIS_SOURCES $(BIN)/python tools/execute_notebooks.py --jobs 2 $(NOTEBOOKS)

# JupyterLab on the notebooks, with the project's kernel.
lab: env
	$(BIN)/jupyter lab --notebook-dir=notebooks

validate: env
	$(BIN)/fundanalysis validate $(DATA_DIR)

# The main job: execute the notebooks afresh against the data and publish them to site/.
# `make site DATA_DIR=path` publishes another data directory laid out like data/.
site: env
	$(BIN)/python tools/build_site.py $(if $(DATA_DIR),--data $(DATA_DIR))

# Speed and memory against their floors (not part of `make test`; prints ratios, asserts nothing).
bench: env
	$(BIN)/python tools/bench.py
	$(BIN)/python tools/bench_scan.py

# Re-resolve the pinned versions from pyproject.toml in a throw-away environment.
lock:
	rm -rf /tmp/fundanalysis-lock && $(PYTHON) -m venv /tmp/fundanalysis-lock
	/tmp/fundanalysis-lock/bin/pip install --quiet -e ".[dev]"
	/tmp/fundanalysis-lock/bin/pip freeze --exclude-editable > requirements.lock

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build/cache

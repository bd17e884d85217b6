# fundanalysis: every target creates the environment it needs; only Python and make are assumed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: env test lint site validate lock clean

$(STAMP): requirements.lock pyproject.toml
	@echo "==> creating the environment in $(VENV) (first run only)"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

env: $(STAMP)

lint: env
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

test: lint
	$(BIN)/python -m pytest

validate: env
	$(BIN)/fundanalysis validate $(DATA_DIR)

# The published site arrives with issue #4; until then `make site` validates the data it will show.
site: validate
	@echo "==> the HTML site is not built yet (issue #4); the data above is what it will publish"

# Re-resolve the pinned versions from pyproject.toml in a throw-away environment.
lock:
	rm -rf /tmp/fundanalysis-lock && $(PYTHON) -m venv /tmp/fundanalysis-lock
	/tmp/fundanalysis-lock/bin/pip install --quiet -e ".[dev]"
	/tmp/fundanalysis-lock/bin/pip freeze --exclude-editable > requirements.lock

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache

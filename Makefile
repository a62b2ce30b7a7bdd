# Two commands for a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)

.PHONY: run test lint typecheck unit bench clean console serve teams-package

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[dev,teams]'
	rm -f $(VENV)/.installed-*; touch $(STAMP)

install: $(STAMP)

## make run: Slack when credentials are set (serve), otherwise the local console playground.
run: $(STAMP)
	$(BIN)/supervision-bot run

## make test: lint, types and the whole suite.
test: $(STAMP) lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy --strict commands storage
	$(BIN)/mypy bot tests benchmarks

unit: $(STAMP)
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

## make teams-package BOT_ID=<guid>: the Teams app (manifest and icons) as dist/teams-app.zip for upload.
teams-package: teams/manifest.json teams/color.png teams/outline.png
	$(PYTHON) teams/package.py --bot-id "$(BOT_ID)" --out dist/teams-app.zip

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .ruff_cache .pytest_cache

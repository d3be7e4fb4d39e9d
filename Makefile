# TIPCase: the two commands of the README are `make run` and `make test`.
# Both create the virtual environment in .venv on first use and reinstall when pyproject.toml changes.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: run test dev lint bench screenshots translations translations-update clean

QM := resources/translations/tipcase_id.qm

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip "setuptools>=77" wheel
	$(PIP) install -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(PIP) install -e ".[test]"
	touch $@

$(QM): resources/translations/tipcase_id.ts resources/translations/tipcase_en.ts resources/translations/qtbase_id.ts $(VENV)/.installed
	$(BIN)/python tools/translations.py build

## translations: compile the interface translations (.ts sources to .qm)
translations: $(QM)

## translations-update: add new interface strings from the code to the .ts files (then translate them)
translations-update: $(VENV)/.installed
	$(BIN)/python tools/translations.py update

## run: install, seed the demo accounts and course (idempotent), then open the desktop app
run: $(VENV)/.installed $(QM)
	$(BIN)/tipcase demo
	$(BIN)/tipcase

## test: install the test extras, lint, type-check, check the layers and run every test headless
test: $(VENV)/.installed-test $(QM) lint
	$(BIN)/python tools/translations.py check
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

## dev: the test tools plus pre-commit, with its hooks installed (the checks of `make test` before each commit)
dev: $(VENV)/.installed-test
	$(PIP) install -e ".[dev]"
	$(BIN)/pre-commit install --hook-type pre-commit --hook-type pre-push

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

## bench: speed and memory figures against their baselines (not part of the tests); ONLY="cli startup" runs some
bench: $(VENV)/.installed-test $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run.py $(ONLY)

## screenshots: every screen in both languages, into docs/screenshots (offscreen)
screenshots: $(VENV)/.installed $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache

# Communiqué: the two commands a person needs are `make run` and `make test`.
# Everything installs into .venv from the committed lock files; nothing but
# Python 3.11+ and make is needed on the machine.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Links in e-mails and the demo site's address follow the port `make run` serves on.
BASE_URL ?= http://127.0.0.1:$(PORT)
MANAGE := $(BIN)/python manage.py

.PHONY: run test install install-dev lint format lock bench catalogs messages clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"

$(VENV)/.installed-base: requirements/base.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/base.lock
	touch $@

$(VENV)/.installed-dev: requirements/dev.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/dev.lock
	touch $@ $(VENV)/.installed-base

install: $(VENV)/.installed-base

install-dev: $(VENV)/.installed-dev

catalogs: install
	$(MANAGE) compile_catalogs

run: install
	mkdir -p var/static
	$(MANAGE) migrate --noinput
	$(MANAGE) compile_catalogs
	BASE_URL=$(BASE_URL) $(MANAGE) load_demo
	PORT=$(PORT) BASE_URL=$(BASE_URL) $(MANAGE) run_newsroom

# The suite on every core, then the tests that start processes or time a release on
# their own (tests/conftest.py SERIAL_MODULES). TEST_ARGS narrows both runs; a run
# that TEST_ARGS leaves empty (pytest's exit status 5) is not a failure.
test: install-dev
	$(MANAGE) compile_catalogs --settings=config.settings.test
	$(BIN)/python -m pytest --numprocesses=auto --dist=loadfile -m "not serial" $(TEST_ARGS) \
		|| [ $$? -eq 5 ]
	$(BIN)/python -m pytest -m serial $(TEST_ARGS) || [ $$? -eq 5 ]

bench: install-dev
	$(MANAGE) compile_catalogs --settings=config.settings.test
	$(BIN)/python -m tests.bench

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Regenerate the lock files after changing pyproject.toml (needs network to PyPI).
lock: install-dev
	$(BIN)/python -m pip install --quiet "uv>=0.5"
	cd requirements && ../$(BIN)/uv pip compile ../pyproject.toml --python-version 3.11 --generate-hashes -o base.lock
	cd requirements && ../$(BIN)/uv pip compile ../pyproject.toml --extra dev --python-version 3.11 --generate-hashes -o dev.lock

# Re-extract interface strings (needs GNU gettext's xgettext, as Django does).
messages: install-dev
	$(MANAGE) makemessages --all --no-obsolete --ignore=.venv --ignore=var --ignore=tests

clean:
	rm -rf var/celery-broker var/celerybeat-schedule* var/test-media

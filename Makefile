# Two commands do everything: `make run` and `make test`. Only Python 3.11+ and make are needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test setup migrate demo lint format bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 of nieuwer is nodig")'
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

migrate: setup
	@mkdir -p var
	$(BIN)/mgz migrate --noinput

demo: migrate
	$(BIN)/mgz demo --scale region --seed 1 --if-empty
	$(BIN)/mgz regiotafel_demo
	@echo "Toetsing van de demoregio (resultaat in var/laatste-toetsing.json)…"
	-@$(BIN)/mgz check --format json > var/laatste-toetsing.json
	$(BIN)/mgz demo_accounts

run: demo
	$(BIN)/mgz runserver 127.0.0.1:8000

test: setup
	@mkdir -p var test-results
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: setup
	@for f in bench/*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

clean:
	rm -rf $(VENV) var test-results .pytest_cache

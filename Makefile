# The two commands of the README: `make run` and `make test`. The rest is for maintainers.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
HOST ?= 127.0.0.1
PORT ?= 8000
VNU_VERSION := 26.9.27
UV_VERSION := 0.13.9

.PHONY: run test lock upgrade browser vnu bench loadtest lighthouse messages lint format clean backup restore

# One environment for run and test, from the test lock: `make run` needs honcho, a test extra.
# The build backend is in the lock, so that building the project without isolation downloads
# nothing unpinned.
$(BIN)/.installed: requirements-test.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-test.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

## run: install, create the database with the article in it, serve http://127.0.0.1:8000
## with the worker that emails enquiries beside it (Procfile.dev, honcho; Ctrl-C stops both).
## The worker rather than the immediate backend: development sends the way production does
## (enqueued, then sent by another process), so a change that breaks the worker shows here.
run: $(BIN)/.installed
	$(BIN)/python manage.py migrate --noinput
	@echo
	@echo "  Site:  http://$(HOST):$(PORT)/"
	@echo "  Admin: http://$(HOST):$(PORT)/admin/"
	@echo "  Create the psychologist's admin account (in another terminal):"
	@echo "    $(BIN)/python manage.py createsuperuser"
	@echo
	PATH="$(abspath $(BIN)):$$PATH" HOST=$(HOST) $(BIN)/honcho start -f Procfile.dev -p $(PORT)

## test: the whole test suite (SQLite, or the database of DATABASE_URL)
test: $(BIN)/.installed browser vnu
	$(BIN)/python -m pytest

## browser: Debian's chromium, which the browser tests drive (Playwright cannot download its own)
browser:
	@command -v chromium >/dev/null || { \
		echo "Installing Debian's chromium for the browser tests"; \
		$(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium; }

## vnu: the Nu Html Checker (npm's vnu-jar, pinned), which tests/test_html_validity.py runs on
## every public page, with Debian's Java to run it. --ignore-scripts: the package's postinstall
## would download a Java of its own.
vnu:
	@command -v java >/dev/null || { \
		echo "Installing Debian's Java for the HTML checker"; \
		$(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q default-jre-headless; }
	@command -v npm >/dev/null || { \
		echo "Installing Debian's npm for the HTML checker"; \
		$(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q npm; }
	@npm ls --prefix .vnu vnu-jar@$(VNU_VERSION) >/dev/null 2>&1 || \
		npm install --prefix .vnu --no-audit --no-fund --ignore-scripts -E vnu-jar@$(VNU_VERSION)

## lock: requirements*.txt from the ranges of pyproject.toml, keeping every pin they still allow
## (after adding a package or changing a range); upgrade: the newest versions they allow, then
## run make test. Each extra's lock shares the versions of requirements.txt.
# The resolver reads the project's dependencies but not its build backend: that comes on stdin.
LOCK_INPUT = $(BIN)/python -c 'import tomllib; \
	print(*tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"], sep="\n")'
COMPILE = $(LOCK_INPUT) | $(BIN)/uv pip compile --quiet pyproject.toml - --universal \
	--python-version 3.11 --generate-hashes --custom-compile-command "make lock" $(UPGRADE)

lock: $(BIN)/uv
	$(COMPILE) -o requirements.txt
	$(COMPILE) --extra test -c requirements.txt -o requirements-test.txt
	$(COMPILE) --extra s3 -c requirements.txt -o requirements-s3.txt

upgrade:
	$(MAKE) lock UPGRADE=--upgrade

$(BIN)/uv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet uv==$(UV_VERSION)

## bench: requests/s and latency of the main pages against a static file (wrk, gunicorn), and the
## search with 200 articles per language (its median in-process, on SQLite and PostgreSQL)
bench: $(BIN)/.installed
	@command -v wrk >/dev/null || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q wrk; }
	cd bench && ../$(BIN)/python bench.py

## loadtest: 200 concurrent enquiries, relay up and down, SQLite and PostgreSQL; fails on any loss
loadtest: $(BIN)/.installed
	cd bench && ../$(BIN)/python loadtest.py

## lighthouse: Lighthouse's four scores for home, About, article, contact, with the practice's
## details, portrait and an illustration filled in as when it goes live (Debian's chromium)
lighthouse: $(BIN)/.installed browser
	@test -x .lighthouse/node_modules/.bin/lighthouse || \
		npm install --prefix .lighthouse --no-audit --no-fund -E lighthouse@12.2.3
	cd bench && ../$(BIN)/python lighthouse.py

## backup: the database and the media, while the site runs, into BACKUP_DIR (var/backups/)
backup: $(BIN)/.installed
	$(BIN)/python manage.py backup

## restore: put back the database and the media of FILE=var/backups/practice-backup-….tar.gz
restore: $(BIN)/.installed
	@test -n "$(FILE)" || { echo "Usage: make restore FILE=var/backups/practice-backup-….tar.gz"; exit 2; }
	$(BIN)/python manage.py restore "$(FILE)"

## messages: refresh the .po catalogues (Python and templates, the editor's script) from the code and compile them to .mo
messages: $(BIN)/.installed
	$(BIN)/python manage.py makemessages --no-location --no-obsolete -l fr -l en --ignore "$(VENV)/*"
	$(BIN)/python manage.py makemessages -d djangojs --no-location --no-obsolete -l fr -l en --ignore "$(VENV)/*" --ignore "staticfiles/*"
	$(BIN)/python manage.py compilemessages --ignore "$(VENV)/*"

## lint: ruff's checks and formatting, and no model change without its migration
lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run

format: $(BIN)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) staticfiles var .lighthouse .vnu .pytest_cache .ruff_cache

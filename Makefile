# The two commands a newcomer needs are `make run` and `make test`; everything else is optional.
VENV    := .venv
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.installed-stamp
DEMO    ?= demo-data
PEOPLE  ?= 2000
EVENTS  ?= 120

.PHONY: run test setup system-deps lint bench soak soak-postgres demo screenshots translations clean dist bench-quick

$(PY):
	scripts/make-venv.sh $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install -q -e '.[server,dev]'
	touch $(STAMP)

system-deps:
	scripts/ensure-system-deps.sh

setup: $(STAMP) system-deps

## make run: set up, fill a demo database on first run, start the demo council platform on
## 127.0.0.1 (filled with the demo city, the demo device enrolled), open the app on it.
## Closing the app stops the platform; a second make run reuses both.
run: setup
	@if [ ! -f $(DEMO)/hromada.sqlite3 ]; then \
	  echo "Creating a demo database in $(DEMO)/ ..."; \
	  $(VENV)/bin/hromada-desk --data-dir $(DEMO) demo --people $(PEOPLE) --events $(EVENTS) --seed 1; \
	fi
	$(VENV)/bin/hromada-desk --data-dir $(DEMO) demo-platform
	$(VENV)/bin/hromada-desk --data-dir $(DEMO)

## make test: set up, then run the whole suite (Qt runs offscreen; PostgreSQL tests skip if none;
## 100 crash-soak kills included)
test: setup
	scripts/ensure-system-deps.sh poppler-utils chromium chromium-driver   # PDFs read back; the console in a browser
	$(PY) -m pytest -q

## make dist: the PyInstaller one-folder bundle in dist/hromada-desk/, then the bundle's own
## --self-test (store, window offscreen, a check-in, a report as PDF and XLSX) and its size.
## .ci/run runs it once per CI run, so a missing hidden import fails CI, not an office.
dist: setup
	scripts/ensure-system-deps.sh binutils   # PyInstaller reads and strips ELF files
	PY=$(PY) installer/build.sh

lint: setup
	$(VENV)/bin/ruff check desktop server tests bench

## make bench: the ratio benchmarks (python -m bench), then the council-scale figures of
## bench/scale.py on a cached 200,000-person store (built once in ~/.cache/hromada-bench/),
## written to bench/results.json with each goal met or not. make bench-quick: 20,000 people,
## written to bench/results-quick.json.
bench: setup
	$(PY) -m bench
	HROMADA_BENCH_PG_URL=$$(scripts/start-test-postgres.sh 2>/dev/null || true) $(PY) -m bench.scale

bench-quick: setup
	HROMADA_BENCH_PG_URL=$$(scripts/start-test-postgres.sh 2>/dev/null || true) $(PY) -m bench.scale --quick

## make soak: SIGKILL the app and the platform at random moments (KILLS, default 1000) and
## check after each kill that nothing saved was lost or half-written, and that every change
## reaches the platform exactly once (tests/soak/soak.py). make test runs 100 of these.
KILLS ?= 1000
soak: setup
	$(PY) -m tests.soak.soak --kills $(KILLS) --json soak-results.json

## make soak-postgres: the same with the platform on PostgreSQL (installed and started by
## scripts/start-test-postgres.sh; its test database is emptied), where pushes write side by side.
soak-postgres: setup
	$(PY) -m tests.soak.soak --kills $(KILLS) --json soak-postgres-results.json \
	  --pg-url $$(scripts/start-test-postgres.sh)

demo: setup
	$(VENV)/bin/hromada-desk --data-dir $(DEMO) demo --people $(PEOPLE) --events $(EVENTS) --seed 1

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache

## make translations: collect strings into resources/i18n/hromada_uk.ts (existing
## translations kept, vocabulary labels filled from desktop/domain/vocab.py), compile the .qm
TS := resources/i18n/hromada_uk.ts
translations: setup
	$(VENV)/bin/pyside6-lupdate $$(find desktop -name '*.py' | LC_ALL=C sort) \
	  -locations none -no-obsolete -target-language uk_UA -ts $(TS)
	$(PY) -m desktop.ui.i18n_sync $(TS)
	$(VENV)/bin/pyside6-lrelease $(TS) -qm $(TS:.ts=.qm)

## make screenshots: every screen at 1366x728 on the demo database, into docs/screenshots/
screenshots: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m desktop.ui.screenshots --data-dir $(DEMO) --out docs/screenshots

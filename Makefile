# Relais — the commands a newcomer needs: `make dev` and `make test`.
# Everything runs inside .venv, created and kept in sync with requirements-dev.txt.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed
# Checkers pinning many dependencies of their own, one venv each (tools/README.md).
TOOLS := .venv-tools
# hsds-validator needs Python 3.13: on PATH, or pyenv's.
# The first candidate that runs and is 3.13: pyenv's shim is on PATH but refuses to run
# when 3.13 is not the selected version (as in CI), so pyenv's own interpreter comes first.
PYTHON313 ?= $(shell for p in $$(ls -d $(HOME)/.pyenv/versions/3.13*/bin/python3.13 2>/dev/null) $$(command -v python3.13); do "$$p" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 13))' 2>/dev/null && { echo "$$p"; break; }; done)

.PHONY: help setup validate generate build dev serve test lint typecheck unit cfn-lint checkov opendata-check sam api-fuzz bench clean browser-deps screenshots

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): requirements-dev.txt functions/route_request/requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

setup: $(STAMP)  ## create .venv with every dependency

# AWS SAM CLI pins its own dependencies (boto3, cfn-lint, jsonschema…): it gets its own venv,
# installed from PyPI on first use, so a fresh clone's `make test` has it too.
SAM_VENV := .venv-tools/sam
SAM_VERSION := 1.170.0
SAM_STAMP := $(SAM_VENV)/.installed-$(SAM_VERSION)
SAM := SAM_CLI_TELEMETRY=0 $(SAM_VENV)/bin/sam

$(SAM_STAMP):
	test -x $(SAM_VENV)/bin/python || $(PYTHON) -m venv $(SAM_VENV)
	$(SAM_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(SAM_VENV)/bin/python -m pip install --quiet aws-sam-cli==$(SAM_VERSION)
	touch $@

browser-deps:  ## Debian's chromium and axe-core for the browser tests (no browser download)
	bash scripts/install-browser-deps.sh

validate: setup  ## check every content file; file:line errors, exit 1 on a content error
	$(PY) -m generator validate

generate: setup  ## content -> generated pages, routing table, open data
	$(PY) -m generator build

build: setup  ## the whole site in site/ (its hook validates and generates: pages, routing table, open data)
	$(VENV)/bin/mkdocs build --strict

dev: build  ## serve the site and the request endpoint on one origin (PORT, default 8000)
	PORT=$(PORT) $(PY) -m devserver --watch .

serve: generate  ## mkdocs live-reload server for editors (no request endpoint)
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check generator functions devserver tests

typecheck: setup
	$(VENV)/bin/mypy

cfn-lint: setup
	$(VENV)/bin/cfn-lint template.yaml

# The stamp is a copy of the pinned list: a rebase that rewrites the file without changing
# it does not reinstall the tool (Checkov takes minutes).
$(TOOLS)/%/.installed: tools/%.txt
	@if cmp -s $< $@; then touch $@; else \
	  rm -rf $(TOOLS)/$* && $(PYTHON) -m venv $(TOOLS)/$* && \
	  $(TOOLS)/$*/bin/pip install --quiet -r $< && cp $< $@; fi

$(TOOLS)/hsds-validator/.installed: tools/hsds-validator.txt
	@test -n "$(PYTHON313)" || { echo "hsds-validator needs Python 3.13: install python3.13 (or pyenv install 3.13), or set PYTHON313"; exit 1; }
	@if cmp -s $< $@; then touch $@; else \
	  rm -rf $(TOOLS)/hsds-validator && $(PYTHON313) -m venv $(TOOLS)/hsds-validator && \
	  $(TOOLS)/hsds-validator/bin/pip install --quiet -r $< && cp $< $@; fi

opendata-check: generate $(TOOLS)/frictionless/.installed $(TOOLS)/hsds-validator/.installed  ## Frictionless and hsds-validator on the open data, and Frictionless on the 10x content's
	$(PY) scripts/validate_open_data.py
	$(PY) scripts/validate_open_data.py --synthetic 10

checkov: $(TOOLS)/checkov/.installed  ## Checkov on template.yaml; every skipped check gives its reason in the template
	$(TOOLS)/checkov/bin/checkov --file template.yaml --framework cloudformation --compact --quiet --skip-download

# schemathesis too (hypothesis, its own pins): its own venv, from PyPI on first use.
ST_VENV := .venv-tools/schemathesis
ST_VERSION := 4.32.5
ST_STAMP := $(ST_VENV)/.installed-$(ST_VERSION)

$(ST_STAMP):
	test -x $(ST_VENV)/bin/python || $(PYTHON) -m venv $(ST_VENV)
	$(ST_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(ST_VENV)/bin/python -m pip install --quiet schemathesis==$(ST_VERSION)
	touch $@

api-fuzz: generate $(ST_STAMP)  ## schemathesis from docs/openapi.yaml against the local stack (bounded): no 5xx, every answer documented
	$(PY) scripts/fuzz_api.py $(ST_VENV)/bin/schemathesis --max-examples 25

sam: generate $(SAM_STAMP)  ## the deploy path without deploying: sam validate --lint, sam build (.aws-sam/build)
	$(SAM) validate --lint --region ca-central-1
	$(SAM) build --region ca-central-1 --no-cached

test: setup browser-deps lint typecheck cfn-lint checkov generate opendata-check sam api-fuzz  ## every test (generate validates the content and builds the routing table first)
	RELAIS_SAM_BUILT=1 $(PY) -m pytest

# The browser tests that take the README's pictures; only here do they write into docs/.
screenshots: generate browser-deps  ## refresh docs/screenshots/ (README): home on a phone and a desktop, a region page
	RELAIS_SCREENSHOTS=1 $(PY) -m pytest tests/browser -q -k "readme_screenshots or find_lanaudiere_from_the_french_home_page"

bench: generate browser-deps sam  ## build time, page weight, Lighthouse, edit-to-preview, function cold start and latency -> docs/benchmarks.md
	test -x benchmarks/lighthouse/node_modules/.bin/lighthouse || npm ci --silent --prefix benchmarks/lighthouse
	$(PY) -m benchmarks

clean:
	rm -rf site var functions/route_request/routing_table.json .aws-sam .pytest_cache .mypy_cache .ruff_cache

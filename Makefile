# datasync-privatelink: `make demo` runs the main job, `make test` runs every test.
# Both install what they need (npm ci, the Pulumi toolchain cache, a Python venv, Go modules).
# `make help` lists every public target: the `## ` comment after a target is its help line.
#
# Variable prefixes: NODE_ (npm and node_modules), TESTS_ (mocha test globs), TOOLCHAIN_/PULUMI_
# (the Pulumi toolchain; PULUMI_*_VERSION come from scripts/versions.env), ML_ (mk/multilang.mk),
# DIST_ (mk/dist.mk).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

include scripts/versions.env

NODE_BIN := $(CURDIR)/node_modules/.bin
NODE_STAMP := node_modules/.install-stamp
MOCHA := $(NODE_BIN)/mocha --reporter dot
export PATH := $(NODE_BIN):$(PATH)

TESTS_UNIT := 'build/tests/unit/**/*.test.js' 'build/tests/mocked/**/*.test.js'
TESTS_ACTIVATION := 'build/tests/activation/**/*.test.js'
TESTS_POLICY := 'build/tests/policy/**/*.test.js'

# The Pulumi toolchain (CLI, language hosts, command provider): the `toolchain` target runs
# scripts/toolchain.sh once per make run (a no-op when the versioned cache is complete) and writes the
# bin directory to TOOLCHAIN_BIN_FILE; recipes that depend on `toolchain` use $(PULUMI_BIN), a shell
# substitution reading that file.
TOOLCHAIN_BIN_FILE := $(CURDIR)/build/.toolchain-bin
PULUMI_BIN = $$(cat $(TOOLCHAIN_BIN_FILE))

.PHONY: help system-deps install build toolchain test-toolchain schema check-schema test test-unit test-ts \
	test-activation test-policy lint lint-ts lint-go lint-shell bench clean

help: ## this list
	@awk 'BEGIN { FS = ":[^#]*## " } /^[a-zA-Z0-9_-]+:[^#]*## / { printf "  make %-17s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

$(NODE_STAMP): package.json package-lock.json
	@echo "==> installing npm dependencies (npm ci)"
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

system-deps: ## install the system packages the tests need (curl, busybox, shellcheck; Debian)
	bash scripts/system-deps.sh

install: $(NODE_STAMP) ## npm ci (once per package-lock.json change)

build: $(NODE_STAMP) ## compile the TypeScript (provider, tests, scripts) into build/
	@echo "==> compiling TypeScript"
	tsc -p tsconfig.json
	cp provider/src/activation/activate.sh build/provider/src/activation/activate.sh

toolchain: ## build the pinned Pulumi CLI, language hosts and command provider into the cache
	@mkdir -p $(dir $(TOOLCHAIN_BIN_FILE))
	bash scripts/toolchain.sh --print-bin > $(TOOLCHAIN_BIN_FILE).tmp
	@mv -f $(TOOLCHAIN_BIN_FILE).tmp $(TOOLCHAIN_BIN_FILE)

test-toolchain: ## the toolchain's source archives: where they are found, checksum mismatches stop the build
	bash tests/toolchain/archives.sh

schema: build ## regenerate schema.json and docs/reference.md from the documented args
	node build/scripts/gen-contract.js

check-schema: build ## fail when schema.json or docs/reference.md is stale
	node build/scripts/gen-contract.js --check

test-unit: build ## the fast layer: pure planning code and mocked components
	$(MOCHA) $(TESTS_UNIT)

test-activation: build system-deps ## the activation script against the agent emulator
	$(MOCHA) $(TESTS_ACTIVATION)

test-policy: build ## the CrossGuard policy pack
	$(MOCHA) $(TESTS_POLICY)

# One mocha run over every TypeScript layer, so its summary counts them all.
test-ts: build system-deps ## unit, mocked, activation and policy tests in one mocha run
	$(MOCHA) $(TESTS_UNIT) $(TESTS_ACTIVATION) $(TESTS_POLICY)

lint: lint-ts lint-shell lint-go ## every linter: ESLint and Prettier (TypeScript), shellcheck, gofmt and go vet

lint-ts: install ## ESLint (typescript-eslint's recommended rules) and Prettier's check over the TypeScript
	@echo "==> lint: eslint and prettier --check"
	eslint .
	prettier --check --log-level warn .

lint-go: ## gofmt and go vet over the Go test and example modules
	@echo "==> lint: gofmt -l and go vet"
	@out=$$(gofmt -l tests/go $$(ls -d examples/go-* 2>/dev/null)); if [ -n "$$out" ]; then echo "gofmt would change: $$out"; exit 1; fi
	@for d in tests/go $$(ls -d examples/go-* 2>/dev/null); do (cd $$d && GOTOOLCHAIN=local GOFLAGS=-mod=readonly go vet ./...) || exit 1; done

lint-shell: system-deps ## shellcheck every shell script; every public make target has a help line
	bash tests/lint/shellcheck.sh
	bash tests/lint/make-help.sh

test: check-schema lint test-toolchain test-ts test-engine test-multilang test-examples test-policy-engine test-dist ## every test (what CI runs)

# `make bench` installs and builds what the benchmarks need (npm ci, the toolchain, the nodejs and
# Python SDKs, curl; the Go program's modules on first use), runs every benchmark of issue 11
# (tests/bench/main.ts: about 25 minutes on 2 cores) and writes bench/results.md. Options through
# BENCH_ARGS, e.g. BENCH_ARGS="--only fleet --reps 1" (see tests/bench/main.ts).
BENCH_ARGS ?=
bench: ## every benchmark (activation, fleet, critical path, languages, quotas, cold start) -> bench/results.md
	@start=$$(date +%s%3N); \
	echo "==> bench: installing and building what the benchmarks need"; \
	$(MAKE) --no-print-directory build toolchain sdk-nodejs sdk-python system-deps; \
	prepared=$$(( $$(date +%s%3N) - start )); \
	echo "==> bench: tests/bench/main.js $(BENCH_ARGS)"; \
	DSPL_PULUMI_BIN="$(PULUMI_BIN)" DSPL_BENCH_PREPARED_MS=$$prepared node build/tests/bench/main.js $(BENCH_ARGS)

clean: ## remove build/ and dist/
	rm -rf build dist

include mk/engine.mk
include mk/multilang.mk
include mk/dist.mk
include mk/examples.mk

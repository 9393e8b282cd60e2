# datasync-privatelink: `make demo` runs the main job, `make test` runs every test.
# Both install what they need (npm ci, the Pulumi toolchain cache, a Python venv, Go modules).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

include scripts/versions.env

NODE_BIN := $(CURDIR)/node_modules/.bin
NODE_STAMP := node_modules/.install-stamp
MOCHA := $(NODE_BIN)/mocha --reporter dot
export PATH := $(NODE_BIN):$(PATH)

TS_UNIT := 'build/tests/unit/**/*.test.js' 'build/tests/mocked/**/*.test.js'
TS_ACTIVATION := 'build/tests/activation/**/*.test.js'
TS_POLICY := 'build/tests/policy/**/*.test.js'

include mk/engine.mk
include mk/multilang.mk

.PHONY: help system-deps install build schema check-schema demo test test-unit test-ts test-activation test-policy bench toolchain clean

help:
	@echo "make demo        run the offline demo (simulated AWS, activation against a 127.0.0.1 emulator)"
	@echo "make test        every test: TypeScript layers, activation, policy pack, SDKs and examples"
	@echo "make test-unit   the fast layer: pure planning code and mocked components"
	@echo "make test-engine real programs through the Pulumi engine, against test-double AWS and command providers"
	@echo "make bench       activation latency benchmark"
	@echo "make schema      regenerate schema.json and docs/reference.md from the documented args"
	@echo "make gen-sdk     regenerate sdk/ from schema.json"
	@echo "make toolchain   build the Pulumi CLI and plugins into the cache"

$(NODE_STAMP): package.json package-lock.json
	@echo "==> installing npm dependencies (npm ci)"
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

install: $(NODE_STAMP)

build: $(NODE_STAMP)
	@echo "==> compiling TypeScript"
	tsc -p tsconfig.json
	cp provider/src/activation/activate.sh build/provider/src/activation/activate.sh

schema: build
	node build/scripts/gen-contract.js

check-schema: build
	node build/scripts/gen-contract.js --check

demo: build
	@echo "==> locating the Pulumi CLI (built from source into a cache on first use; a few minutes)"
	@B=$$(bash scripts/toolchain.sh --print-bin) || exit 1; DSPL_PULUMI_BIN="$$B" node build/scripts/demo.js

test-unit: build
	$(MOCHA) $(TS_UNIT)

system-deps:
	bash scripts/system-deps.sh

test-activation: build system-deps
	$(MOCHA) $(TS_ACTIVATION)

test-policy: build
	$(MOCHA) $(TS_POLICY)

# One mocha run over every TypeScript layer, so its summary counts them all.
test-ts: build system-deps
	$(MOCHA) $(TS_UNIT) $(TS_ACTIVATION) $(TS_POLICY)

test: check-schema test-ts test-engine test-multilang

bench: build
	node build/tests/bench/activation.bench.js

toolchain:
	bash scripts/toolchain.sh

clean:
	rm -rf build

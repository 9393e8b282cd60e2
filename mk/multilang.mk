# Multi-language part of the build: the provider plugin, the generated SDKs (nodejs, python, go) and
# their consumer tests (the examples run through the CLI: mk/examples.mk). Included by the root
# Makefile, which provides
# scripts/versions.env's pins, `build` (TypeScript -> build/), `install` (npm ci), `toolchain` and
# PULUMI_BIN (the bin directory of the Pulumi CLI, language hosts and command provider).
#
# The SDKs are generated the standard way: `make gen-sdk` runs `pulumi package gen-sdk schema.json
# --language nodejs|python|go --out sdk --version <package.json version>` (scripts/gen-sdk.sh), and
# `tests/plugin/sdk-drift.sh` fails when the committed sdk/ differs from that output. sdk/go.mod and
# sdk/go.sum are maintained by hand (gen-sdk writes only sdk/go/).

ML_PYTEST_VERSION := 8.4.2
ML_SETUPTOOLS_VERSION := 80.9.0
ML_VENV := .venv
ML_PY := $(ML_VENV)/bin/python
ML_PIP := $(ML_PY) -m pip --disable-pip-version-check
# The base virtualenv is rebuilt when a pinned version changes.
ML_VENV_STAMP := $(ML_VENV)/.dspl-base-pulumi$(PULUMI_VERSION)-pytest$(ML_PYTEST_VERSION)-setuptools$(ML_SETUPTOOLS_VERSION)
ML_SDK_STAMP := $(ML_VENV)/.dspl-sdk-installed
# Wheels the offline tests (package add, dist) install from, filled by `make test-deps`; the
# pip/setuptools/wheel pins are what Pulumi's pip toolchain upgrades in a fresh virtualenv.
ML_WHEELHOUSE := $(CURDIR)/build/wheelhouse
ML_WHEELHOUSE_EXTRAS := pulumi==$(PULUMI_VERSION) pip==25.3 setuptools==$(ML_SETUPTOOLS_VERSION) wheel==0.45.1
ML_SDK_PY_SRC := $(wildcard sdk/python/pyproject.toml sdk/python/pulumi_datasync_privatelink/*)
# Go: never fetch a toolchain; modules come from go.mod/go.sum as committed (-mod=readonly).
ML_GO := GOTOOLCHAIN=local GOFLAGS="-mod=readonly -buildvcs=false" go
# The nodejs SDK's npm name, as schema.json's language.nodejs.packageName gives it to gen-sdk.
ML_NPM_NAME := $(shell node -p 'require("./schema.json").language.nodejs.packageName')
# The Go example whose go.mod the README's Go blocks are built with.
ML_GO_EXAMPLE := examples/go-onprem-existing

.PHONY: gen-sdk test-deps test-multilang test-pins test-plugin test-package-add test-sdk-drift sdk-nodejs sdk-python \
	test-sdk-python test-python sdk-go test-go test-readme

gen-sdk: toolchain ## regenerate sdk/{nodejs,python,go} from schema.json (pulumi package gen-sdk)
	@echo "==> gen-sdk: pulumi package gen-sdk schema.json --language nodejs|python|go --out sdk"
	bash scripts/gen-sdk.sh sdk "$(PULUMI_BIN)"

# ---- the plugin -------------------------------------------------------------------------------

test-plugin: build toolchain ## the plugin serves schema.json: get-schema of the executable, the directory, PATH
	@echo "==> plugin: get-schema of provider/ (executable and directory), Pulumi.yaml plugin paths, PATH lookup"
	bash tests/plugin/get-schema.sh "$(PULUMI_BIN)"

test-package-add: build toolchain test-deps ## `pulumi package add ./provider` into fresh TypeScript, Python and Go projects
	@echo "==> plugin: pulumi package add ./provider into fresh projects (offline)"
	DSPL_WHEELHOUSE=$(ML_WHEELHOUSE) bash tests/plugin/package-add.sh "$(PULUMI_BIN)"

# The offline tests install packages into fresh projects from caches this fills (an install step),
# again when what they install changes; `make clean` forgets it (e.g. after clearing npm's cache).
ML_TEST_DEPS_STAMP := build/.test-deps-stamp
$(ML_TEST_DEPS_STAMP): scripts/versions.env scripts/test-deps.sh tests/support/fresh-project.sh schema.json \
		package-lock.json sdk/python/pyproject.toml sdk/go.mod | build toolchain $(ML_VENV_STAMP)
	@echo "==> test prerequisites: npm cache, wheels, Go modules (for package add and dist tests)"
	bash scripts/test-deps.sh "$(PULUMI_BIN)" $(ML_PY) $(ML_WHEELHOUSE) $(ML_WHEELHOUSE_EXTRAS)
	@touch $@

test-deps: $(ML_TEST_DEPS_STAMP) ## fill npm's cache, a wheelhouse and the Go module cache for the offline tests

test-pins: ## every Pulumi version pin agrees with scripts/versions.env
	@echo "==> pins: every Pulumi version pin agrees with scripts/versions.env"
	bash tests/plugin/pins.sh

test-sdk-drift: toolchain ## sdk/ equals a fresh `pulumi package gen-sdk` of schema.json
	@echo "==> SDK drift: pulumi package gen-sdk into a temporary directory, compared with sdk/"
	bash tests/plugin/sdk-drift.sh "$(PULUMI_BIN)"

# ---- nodejs -----------------------------------------------------------------------------------

# The SDK compiles against the root node_modules (@pulumi/pulumi, typescript, @types/node); bin/
# is the package users install (package.json copied in, as the SDK's build instructions say).
sdk-nodejs: install ## compile the nodejs SDK into sdk/nodejs/bin
	@echo "==> nodejs SDK: tsc -p sdk/nodejs"
	tsc -p sdk/nodejs
	cp sdk/nodejs/package.json sdk/nodejs/bin/package.json

# ---- python -----------------------------------------------------------------------------------

$(ML_VENV_STAMP): scripts/versions.env
	@echo "==> python: virtualenv $(ML_VENV) (pulumi==$(PULUMI_VERSION), pytest==$(ML_PYTEST_VERSION))"
	rm -f $(ML_VENV)/.dspl-base-* $(ML_SDK_STAMP)
	python3 -m venv $(ML_VENV)
	$(ML_PIP) install -q pulumi==$(PULUMI_VERSION) pytest==$(ML_PYTEST_VERSION) setuptools==$(ML_SETUPTOOLS_VERSION)
	@touch $@

# pip builds a local directory in place; the build/ and egg-info it leaves would be packaged again
# by the next install (stale modules included), so they go right away.
$(ML_SDK_STAMP): $(ML_VENV_STAMP) $(ML_SDK_PY_SRC)
	@echo "==> python SDK: pip install ./sdk/python"
	$(ML_PIP) install -q --no-build-isolation ./sdk/python
	$(ML_PIP) install -q --no-build-isolation --force-reinstall --no-deps ./sdk/python
	rm -rf sdk/python/build sdk/python/*.egg-info
	@touch $@

sdk-python: $(ML_SDK_STAMP) ## install the python SDK into the .venv virtualenv

test-sdk-python: sdk-python ## import the python SDK
	@echo "==> python SDK: import"
	cd / && $(CURDIR)/$(ML_PY) -c 'import pulumi_datasync_privatelink as m; \
	  assert m.PrivateAgent and m.ServiceEndpoint and m.NetworkLink and m.Agent; \
	  print("    imported", m.__name__, "from", m.__file__.rsplit("/", 2)[0])'

test-python: test-sdk-python ## python consumer tests and the README's Python block under mocks (pytest)
	@echo "==> python consumer tests and the README's Python block under mocks (pytest)"
	cd tests/python && ../../$(ML_PY) -m pytest -q -p no:cacheprovider

# ---- go ---------------------------------------------------------------------------------------

sdk-go: ## build and vet the Go SDK
	@echo "==> go SDK: go build + go vet (sdk/go.mod)"
	cd sdk && $(ML_GO) build ./... && $(ML_GO) vet ./...

# The engine test in tests/go runs `pulumi preview` through the real CLI: the toolchain goes on PATH.
test-go: sdk-go build toolchain ## Go consumer tests (mocks, and the engine loading the plugin)
	@echo "==> go consumer tests: go vet + go test (mocks, and the engine loading the plugin)"
	cd tests/go && $(ML_GO) vet ./... && PATH="$(PULUMI_BIN):$$PATH" $(ML_GO) test -count=1 ./...

# ---- README code blocks -------------------------------------------------------------------------

# Every ```typescript and ```go block of README.md compiles against the generated SDK (the
# ```python block runs under mocks in tests/python/test_readme.py).
ML_README_DIR := build/readme-check
test-readme: sdk-nodejs sdk-go ## compile every TypeScript and Go block of README.md
	@echo "==> README: TypeScript blocks, tsc --noEmit against the generated nodejs SDK"
	rm -rf $(ML_README_DIR) && python3 tests/docs/readme_blocks.py typescript $(ML_README_DIR)/ts
	mkdir -p $(dir $(ML_README_DIR)/ts/node_modules/$(ML_NPM_NAME))
	ln -sfn $(CURDIR)/sdk/nodejs/bin $(ML_README_DIR)/ts/node_modules/$(ML_NPM_NAME)
	tsc --noEmit --strict --target ES2022 --module commonjs --moduleResolution node --skipLibCheck $(ML_README_DIR)/ts/*.ts
	@echo "==> README: Go blocks, go build + go vet (module wired like $(ML_GO_EXAMPLE))"
	python3 tests/docs/readme_blocks.py go $(ML_README_DIR)/go
	sed -e 's#^module .*#module readmecheck#' -e 's#=> ../../sdk#=> ../../../sdk#' $(ML_GO_EXAMPLE)/go.mod > $(ML_README_DIR)/go/go.mod
	cp $(ML_GO_EXAMPLE)/go.sum $(ML_README_DIR)/go/go.sum
	cd $(ML_README_DIR)/go && $(ML_GO) build -o /dev/null ./... && $(ML_GO) vet ./...

# ---- all --------------------------------------------------------------------------------------

test-multilang: test-pins test-plugin test-package-add test-sdk-drift sdk-nodejs test-python sdk-go test-go test-readme ## the plugin, SDK, consumer and README tests (the examples: mk/examples.mk)
	@echo "==> multilang: all passed"

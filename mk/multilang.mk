# Multi-language part of the build: the provider plugin, the generated SDKs (nodejs, python, go),
# their consumer tests and the examples. Included by the root Makefile after
# `include scripts/versions.env`; uses its `build` (TypeScript -> build/) and `install` (npm ci)
# targets.
#
#   make gen-sdk          regenerate sdk/ from schema.json (commit the result)
#   make test-multilang   plugin schema test, SDK drift test, the three SDK builds, the Python and
#                         Go consumer tests, the examples
#   make toolchain-bin    build (once, cached) the Pulumi CLI and print its bin directory
#
# Upstream, `gen-sdk` is `pulumi package gen-sdk schema.json --language nodejs|python|go --out sdk/`.
# That command delegates to the language hosts (pulumi-language-nodejs/-python/-go), and the Go
# module proxy reachable here refuses every version of those modules (scripts/versions.env). So
# `gen-sdk` runs scripts/gen-sdk.sh instead: a small Go program (scripts/gen-sdk) that links
# github.com/pulumi/pulumi/pkg/v3@v$(PULUMI_CLI_VERSION) and makes the same codegen calls the
# hosts make, stamping package.json's version. Same target name, same output layout.

ML_PYTEST_VERSION := 8.4.2
ML_SETUPTOOLS_VERSION := 80.9.0
ML_VENV := .venv
ML_PY := $(ML_VENV)/bin/python
ML_PIP := $(ML_PY) -m pip --disable-pip-version-check
# The base virtualenv is rebuilt when a pinned version changes.
ML_VENV_STAMP := $(ML_VENV)/.dspl-base-pulumi$(PULUMI_VERSION)-pytest$(ML_PYTEST_VERSION)-setuptools$(ML_SETUPTOOLS_VERSION)
ML_SDK_STAMP := $(ML_VENV)/.dspl-sdk-installed
ML_SDK_PY_SRC := $(wildcard sdk/python/pyproject.toml sdk/python/pulumi_datasync_privatelink/*)
# Go: never fetch a toolchain; modules come from go.mod/go.sum as committed (-mod=readonly).
ML_GO := GOTOOLCHAIN=local GOFLAGS="-mod=readonly -buildvcs=false" go
ML_TS_EXAMPLE := examples/ts-same-account
ML_PY_EXAMPLE := examples/python-cross-account-peering
ML_GO_EXAMPLE := examples/go-cross-region-tgw

.PHONY: toolchain-bin gen-sdk test-multilang test-pins test-plugin test-sdk-drift sdk-nodejs sdk-python \
	test-sdk-python test-python sdk-go test-go test-examples test-readme

toolchain-bin:
	@B=$$(bash scripts/toolchain.sh --print-bin) || exit 1; echo "$$B"

gen-sdk:
	@echo "==> gen-sdk: sdk/{nodejs,python,go} + sdk/go.mod from schema.json (scripts/gen-sdk.sh; the language hosts 'pulumi package gen-sdk' needs cannot be built here)"
	bash scripts/gen-sdk.sh sdk

# ---- the plugin -------------------------------------------------------------------------------

test-plugin: build
	@echo "==> toolchain: the Pulumi CLI v$(PULUMI_CLI_VERSION) (cached under ~/.cache; the first build takes several minutes)"
	@B=$$(bash scripts/toolchain.sh --print-bin) || exit 1; \
	echo "==> plugin: get-schema of provider/, Pulumi.yaml plugin paths, PATH lookup, equal to schema.json"; \
	bash tests/plugin/get-schema.sh "$$B"

test-pins:
	@echo "==> pins: every Pulumi version pin agrees with scripts/versions.env"
	bash tests/plugin/pins.sh

test-sdk-drift:
	@echo "==> SDK drift: regenerate into a temporary directory and compare with sdk/"
	bash tests/plugin/sdk-drift.sh

# ---- nodejs -----------------------------------------------------------------------------------

# The SDK compiles against the root node_modules (@pulumi/pulumi, typescript, @types/node); bin/
# is the package users install (package.json copied in, as the SDK's build instructions say).
sdk-nodejs: install
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

sdk-python: $(ML_SDK_STAMP)

test-sdk-python: sdk-python
	@echo "==> python SDK: import"
	cd / && $(CURDIR)/$(ML_PY) -c 'import pulumi_datasync_privatelink as m; \
	  assert m.PrivateAgent and m.ServiceEndpoint and m.NetworkLink and m.Agent; \
	  print("    imported", m.__name__, "from", m.__file__.rsplit("/", 2)[0])'

test-python: test-sdk-python
	@echo "==> python consumer tests and the Python example under mocks (pytest)"
	cd tests/python && ../../$(ML_PY) -m pytest -q -p no:cacheprovider

# ---- go ---------------------------------------------------------------------------------------

sdk-go:
	@echo "==> go SDK: go build + go vet (sdk/go.mod)"
	cd sdk && $(ML_GO) build ./... && $(ML_GO) vet ./...

# The engine test in tests/go runs `pulumi preview` through the real CLI: the toolchain goes on PATH.
test-go: sdk-go build
	@B=$$(bash scripts/toolchain.sh --print-bin) || exit 1; \
	echo "==> go consumer tests: go vet + go test (mocks, and the engine loading the plugin)"; \
	cd tests/go && $(ML_GO) vet ./... && PATH="$$B:$$PATH" $(ML_GO) test -count=1 ./...

# ---- examples ---------------------------------------------------------------------------------

# The TypeScript example depends on "file:../../sdk/nodejs/bin"; npm would link it into its
# node_modules: the same link is made here, offline.
test-examples: sdk-nodejs sdk-python sdk-go
	@echo "==> example $(ML_TS_EXAMPLE): tsc --noEmit against the generated nodejs SDK"
	mkdir -p $(ML_TS_EXAMPLE)/node_modules
	ln -sfn ../../../sdk/nodejs/bin $(ML_TS_EXAMPLE)/node_modules/datasync-privatelink-sdk
	tsc --noEmit -p $(ML_TS_EXAMPLE)
	@echo "==> example $(ML_PY_EXAMPLE): py_compile (it runs under mocks in tests/python)"
	$(ML_PY) -m py_compile $(ML_PY_EXAMPLE)/__main__.py
	@echo "==> example $(ML_GO_EXAMPLE): go build + go vet"
	cd $(ML_GO_EXAMPLE) && $(ML_GO) build -o /dev/null . && $(ML_GO) vet ./...

# ---- README code blocks -------------------------------------------------------------------------

# Every ```typescript and ```go block of README.md compiles against the generated SDK (the
# ```python block runs under mocks in tests/python/test_readme.py).
RM_DIR := build/readme-check
test-readme: sdk-nodejs sdk-go
	@echo "==> README: TypeScript blocks, tsc --noEmit against the generated nodejs SDK"
	rm -rf $(RM_DIR) && python3 tests/docs/readme_blocks.py typescript $(RM_DIR)/ts
	mkdir -p $(RM_DIR)/ts/node_modules && ln -sfn ../../../../sdk/nodejs/bin $(RM_DIR)/ts/node_modules/datasync-privatelink-sdk
	tsc --noEmit --strict --target ES2022 --module commonjs --moduleResolution node --skipLibCheck $(RM_DIR)/ts/*.ts
	@echo "==> README: Go blocks, go build + go vet (module wired like $(ML_GO_EXAMPLE))"
	python3 tests/docs/readme_blocks.py go $(RM_DIR)/go
	sed -e 's#^module .*#module readmecheck#' -e 's#=> ../../sdk#=> ../../../sdk#' $(ML_GO_EXAMPLE)/go.mod > $(RM_DIR)/go/go.mod
	cp $(ML_GO_EXAMPLE)/go.sum $(RM_DIR)/go/go.sum
	cd $(RM_DIR)/go && $(ML_GO) build -o /dev/null ./... && $(ML_GO) vet ./...

# ---- all --------------------------------------------------------------------------------------

test-multilang: test-pins test-plugin test-sdk-drift sdk-nodejs test-python sdk-go test-go test-examples test-readme
	@echo "==> multilang: all passed"

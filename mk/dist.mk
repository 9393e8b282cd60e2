# mk/dist.mk: what a release publishes, built into dist/ (ignored by git), and the test that
# installs each artefact the way the README's "Installation" section says. Included by the root
# Makefile (build, install, toolchain, PULUMI_BIN) after mk/multilang.mk (ML_VENV_STAMP, ML_PY).
#
#   dist/pulumi-resource-<name>-v<version>-linux-amd64.tar.gz   the provider plugin
#                                      (pulumi plugin install resource <name> <version> --file ...)
#   dist/<npm name>-<version>.tgz      the nodejs SDK (npm pack; the name is schema.json's
#                                      language.nodejs.packageName)
#   dist/<python name>-<version>-py3-none-any.whl, .tar.gz   the python SDK (wheel and sdist)
#   dist/goproxy/<module>/@v/...       the Go SDK module as a module proxy serves it
#
# Versions: package.json's "version" (the one gen-sdk stamps into the SDKs).

DIST_DIR := dist
DIST_STAGE := build/dist
DIST_VERSION := $(shell node -p 'require("./package.json").version')
# npm pack names the file <scope>-<name>-<version>.tgz (ML_NPM_NAME: schema.json's packageName).
DIST_NPM_TGZ := $(DIST_DIR)/$(subst /,-,$(patsubst @%,%,$(ML_NPM_NAME)))-$(DIST_VERSION).tgz
DIST_PY_NAME := $(shell node -p 'require("./schema.json").language.python.packageName')
# `python -m build`: PyPA's PEP 517 frontend; the only standard tool that makes both the sdist and
# the wheel (pip makes wheels only), and it builds the wheel from the sdist, so a file missing from
# the sdist fails here rather than for users. --no-isolation: the venv's pinned setuptools, no
# download at build time.
DIST_PYBUILD_VERSION := 1.3.0
DIST_PYBUILD_STAMP := $(ML_VENV)/.dspl-build$(DIST_PYBUILD_VERSION)

.PHONY: dist dist-plugin dist-nodejs dist-python dist-go test-dist

dist: dist-plugin dist-nodejs dist-python dist-go ## build the release artefacts into dist/ (plugin tarball, npm, wheel+sdist, Go module)
	@echo "==> dist/:" && (cd $(DIST_DIR) && find . -maxdepth 1 -type f -printf '%f\n' | sort | while read -r f; do printf '    %-64s %s\n' "$$f" "$$(du -h "$$f" | cut -f1)"; done) && \
	  printf '    %-64s %s\n' "goproxy/ (Go module zip)" "$$(du -h $$(find $(DIST_DIR)/goproxy -name '*.zip') | cut -f1)"

dist-plugin: build ## dist/: the provider plugin tarball
	@echo "==> dist: provider plugin tarball"
	bash scripts/dist/plugin.sh $(DIST_DIR)

dist-nodejs: install ## dist/: the nodejs SDK as an npm package (npm pack)
	@echo "==> dist: nodejs SDK (tsc, npm pack)"
	rm -rf $(DIST_STAGE)/nodejs && mkdir -p $(DIST_STAGE)/nodejs $(DIST_DIR)
	tsc -p sdk/nodejs --outDir $(DIST_STAGE)/nodejs
	cp sdk/nodejs/package.json sdk/nodejs/README.md $(DIST_STAGE)/nodejs/
	rm -f $(DIST_NPM_TGZ)
	cd $(DIST_DIR) && npm pack --ignore-scripts --loglevel=error $(CURDIR)/$(DIST_STAGE)/nodejs
	test -f $(DIST_NPM_TGZ)

$(DIST_PYBUILD_STAMP): $(ML_VENV_STAMP)
	$(ML_PIP) install -q build==$(DIST_PYBUILD_VERSION)
	@touch $@

dist-python: $(DIST_PYBUILD_STAMP) ## dist/: the python SDK as a wheel and an sdist (python -m build)
	@echo "==> dist: python SDK (python -m build: sdist, then the wheel from it)"
	rm -rf $(DIST_STAGE)/python && mkdir -p $(DIST_STAGE) $(DIST_DIR)
	cp -R sdk/python $(DIST_STAGE)/python
	cp README.md $(DIST_STAGE)/python/README.md   # pyproject.toml's readme (the package's long description)
	rm -rf $(DIST_STAGE)/python/build $(DIST_STAGE)/python/*.egg-info $(DIST_DIR)/$(DIST_PY_NAME)-*
	$(ML_PY) -m build --no-isolation --outdir $(DIST_DIR) $(DIST_STAGE)/python

dist-go: ## dist/: the Go SDK module in a GOPROXY file tree (dist/goproxy)
	@echo "==> dist: Go SDK module (golang.org/x/mod/zip)"
	bash scripts/dist/go-module.sh $(DIST_DIR)/goproxy

test-dist: dist test-deps toolchain ## install each dist/ artefact into fresh projects and `pulumi up` them against the AWS test double
	@echo "==> dist: plugin install --file, npm/pip/go installs, pulumi up + destroy per language"
	DSPL_WHEELHOUSE=$(ML_WHEELHOUSE) bash tests/dist/run.sh "$(PULUMI_BIN)"

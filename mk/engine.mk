# mk/engine.mk: the engine test layer (included by the root Makefile; alone:
#   make -f Makefile -f mk/engine.mk test-engine).
#
# Real programs (Automation API, inline) through the real Pulumi engine: the CLI pinned in
# scripts/versions.env (built and cached by scripts/toolchain.sh), the component served by
# provider/pulumi-resource-datasync-privatelink (Construct), the real command provider built beside the
# CLI, and the AWS provider replaced by the TEST DOUBLE in tests/engine/doubles/aws (launcher in
# tests/engine/bin, found on PATH). tests/engine/double/* test the double itself, rule by rule
# (docs/aws-double.md). Everything stays on 127.0.0.1: the double never calls AWS, activation goes
# to the agent emulator.
# Each run uses its own temp dir for the file backend and PULUMI_HOME.
# DSPL_KEEP_ENGINE_SANDBOX=1 keeps that dir (state, the doubles' logs) for inspection.

TS_ENGINE := 'build/tests/engine/**/*.test.js'
MOCHA ?= $(CURDIR)/node_modules/.bin/mocha --reporter dot

.PHONY: test-engine

test-engine: build
	@echo "==> engine tests: locating the Pulumi CLI (scripts/toolchain.sh --print-bin)"
	@B=$$(bash scripts/toolchain.sh --print-bin) || exit 1; \
	  echo "==> engine tests: pulumi $$(PULUMI_SKIP_UPDATE_CHECK=true "$$B/pulumi" version) from $$B"; \
	  echo "==> engine tests: test-double aws provider from tests/engine/bin, command provider beside the CLI, component from provider/"; \
	  DSPL_PULUMI_BIN="$$B" $(MOCHA) --timeout 300000 $(TS_ENGINE)

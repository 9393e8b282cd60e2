# mk/engine.mk: the engine test layer (included by the root Makefile, which provides build,
# toolchain, PULUMI_BIN and MOCHA).
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

TESTS_ENGINE := 'build/tests/engine/**/*.test.js'
# The graph test runs in a Node process of its own. It switches the double's latency mode through
# this process's environment, and the nodejs SDK keeps its runtime state in globals that every inline
# program of a process shares (pulumi/pulumi#5449): one CI run saw its `up` report success with an
# empty state after the other engine tests had run in the same process; alone it passed every run.
TESTS_ENGINE_GRAPH := build/tests/engine/graph.test.js

.PHONY: test-engine

test-engine: build toolchain ## real programs through the Pulumi engine: the real command provider, the AWS test double
	@echo "==> engine tests: pulumi $$(PULUMI_SKIP_UPDATE_CHECK=true "$(PULUMI_BIN)/pulumi" version) and pulumi-resource-command from $(PULUMI_BIN)"
	DSPL_PULUMI_BIN="$(PULUMI_BIN)" $(MOCHA) --timeout 300000 --ignore $(TESTS_ENGINE_GRAPH) $(TESTS_ENGINE)
	DSPL_PULUMI_BIN="$(PULUMI_BIN)" $(MOCHA) --timeout 300000 $(TESTS_ENGINE_GRAPH)

# mk/engine.mk: the engine test layer (included by the root Makefile, which provides build,
# toolchain, PULUMI_BIN and MOCHA).
#
# Real programs (Automation API, inline) through the real Pulumi engine: the CLI pinned in
# scripts/versions.env (built and cached by scripts/toolchain.sh), the component served by
# provider/pulumi-resource-datasync-privatelink (Construct), and the AWS and command providers
# replaced by the TEST DOUBLES in tests/engine/doubles (launchers in tests/engine/bin, found on PATH).
# Everything stays on 127.0.0.1: the doubles never call AWS, activation goes to the agent emulator.
# Each run uses its own temp dir for the file backend and PULUMI_HOME.
# DSPL_KEEP_ENGINE_SANDBOX=1 keeps that dir (state, the doubles' logs) for inspection.

TESTS_ENGINE := 'build/tests/engine/**/*.test.js'
# The engine tests still expect the command DOUBLE (found on PATH after DSPL_PULUMI_BIN), so they get
# a directory with the CLI and the language hosts only, not the toolchain's real
# pulumi-resource-command (so does `make demo`). When they move to the real command provider
# (issue 10 section 5), pass $(PULUMI_BIN) itself and drop engine-cli.
ENGINE_CLI_BIN := $(CURDIR)/build/engine-cli/bin

.PHONY: engine-cli test-engine

engine-cli: toolchain ## build/engine-cli/bin: the toolchain without its command provider (engine tests, demo)
	@rm -rf $(ENGINE_CLI_BIN) && mkdir -p $(ENGINE_CLI_BIN)
	@ln -s "$(PULUMI_BIN)"/pulumi "$(PULUMI_BIN)"/pulumi-language-* $(ENGINE_CLI_BIN)/

test-engine: build engine-cli ## real programs through the Pulumi engine, against test-double providers
	@echo "==> engine tests: pulumi $$(PULUMI_SKIP_UPDATE_CHECK=true "$(ENGINE_CLI_BIN)/pulumi" version) from $(PULUMI_BIN)"
	DSPL_PULUMI_BIN="$(ENGINE_CLI_BIN)" $(MOCHA) --timeout 300000 $(TESTS_ENGINE)

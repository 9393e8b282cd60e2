# mk/examples.mk: the example projects (examples/<language>-<scenario>) as end-to-end tests, the policy
# pack through the engine, and the demo. Included by the root Makefile, which provides build,
# install, toolchain, PULUMI_BIN and MOCHA, after mk/multilang.mk (sdk-nodejs, sdk-python).
#
# `make test-examples` runs every example through the real pulumi CLI in a copy of its directory
# (stack init, config set, preview with the policy pack, up, stack output, preview
# --expect-no-changes, a tags-only update, a reactivationTrigger change, destroy) with the toolchain's
# language hosts and command provider, the plugin through Pulumi.yaml, the AWS TEST DOUBLE
# (tests/engine/doubles/aws; never AWS) and the agent emulator on 127.0.0.1; plus the bad-input probe
# (tests/engine/projects/python-bad-inputs). Two runs at a time (mocha --parallel --jobs 2), a wall
# time table at the end. DSPL_KEEP_EXAMPLE_SANDBOX=1 keeps each run's directory.

EX_DEPS_STAMP := build/examples/deps/.stamp
# Longest runs first (EC2 scenarios, then on-premises, then the probe): two workers finish closer together.
EX_MOCHA_FILES := build/tests/examples/specs/*-ec2-*.test.js build/tests/examples/specs/*-onprem-*.test.js build/tests/examples/badInputs.test.js

.PHONY: policy-pack examples-deps test-examples test-policy-engine demo

policy-pack: install ## compile the policy pack's entry point (policy/bin), as `pulumi preview --policy-pack policy/` loads it
	@echo "==> policy pack: npm run build in policy/"
	cd policy && npm run --silent build

$(EX_DEPS_STAMP): tests/examples/deps.sh $(wildcard examples/ts-*/package.json examples/go-*/go.mod examples/go-*/go.sum) sdk/nodejs/package.json
	bash tests/examples/deps.sh
	@touch $@

examples-deps: sdk-nodejs sdk-python $(EX_DEPS_STAMP) ## install what the examples' READMEs install, once for all runs

test-examples: build toolchain policy-pack examples-deps ## every example project through the pulumi CLI (2 at a time), and the Python bad-input probe
	@echo "==> examples: 9 projects x (init, config, preview, up, outputs, no-change preview, tag update, re-activation, destroy), 2 at a time"
	DSPL_PULUMI_BIN="$(PULUMI_BIN)" $(NODE_BIN)/mocha --parallel --jobs 2 --timeout 600000 \
	  --require build/tests/examples/globalFixtures.js $(EX_MOCHA_FILES)

test-policy-engine: build toolchain policy-pack ## pulumi preview --policy-pack policy/ over the usual-mistakes @pulumi/aws project (AWS test double)
	@echo "==> policy pack through the engine: pulumi preview --policy-pack policy/ over tests/policy/projects/usual-mistakes"
	DSPL_PULUMI_BIN="$(PULUMI_BIN)" bash tests/policy/engine.sh

demo: build toolchain sdk-nodejs ## run examples/ts-ec2-cross-account-peering with pulumi up and destroy (AWS SIMULATED, activation against a 127.0.0.1 emulator)
	DSPL_PULUMI_BIN="$(PULUMI_BIN)" node build/tests/examples/demo.js

#!/usr/bin/env bash
# The policy pack through the real engine (`make test-policy-engine`, part of `make test`):
# `pulumi preview --policy-pack policy/` over the hand-written @pulumi/aws + @pulumi/command project
# tests/policy/projects/usual-mistakes, with the AWS TEST DOUBLE (tests/engine/bin, found on PATH;
# never AWS) and the real command provider and nodejs language host from the toolchain.
# Checked: the engine used those plugins; the preview fails because mandatory policies are violated
# (the pack's report is the only error); the engine reports every (policy, resource) pair of
# expected-violations.json exactly that often, at the policy's enforcement level; every policy of
# the pack is among them; no policy was skipped for unknown values. (The example projects' zero-
# violation previews are in `make test-examples`.)
#
# Everything stays on 127.0.0.1: a preview runs no command, the double calls no cloud, and the
# project's activation request (never run by a preview) targets AGENT_ADDRESS=127.0.0.1.
#
# Usage (from the repository root, after `make build policy-pack`):
#   DSPL_PULUMI_BIN=$(bash scripts/toolchain.sh --print-bin) bash tests/policy/engine.sh
# DSPL_KEEP_ENGINE_SANDBOX=1 keeps the sandbox (state, preview output, the double's log).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PROJECT="$ROOT/tests/policy/projects/usual-mistakes"
: "${DSPL_PULUMI_BIN:?set DSPL_PULUMI_BIN to the toolchain bin directory (pulumi, its language hosts, pulumi-resource-command)}"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/dspl-policy-engine.XXXXXX")
cleanup() { if [ -z "${DSPL_KEEP_ENGINE_SANDBOX:-}" ]; then rm -rf "$WORK"; else echo "sandbox kept: $WORK" >&2; fi; }
trap cleanup EXIT
fail() { echo "engine.sh: FAIL: $*" >&2; echo "--- preview output ($WORK/preview.txt) ---" >&2; cat "$WORK/preview.txt" >&2 || true; exit 1; }

# The AWS test double first on PATH, so no real AWS plugin can be picked up (the engine says which
# binary it used; checked below).
export PATH="$ROOT/tests/engine/bin:$DSPL_PULUMI_BIN:$ROOT/node_modules/.bin:$PATH"
export PULUMI_HOME="$WORK/pulumi-home"
export PULUMI_BACKEND_URL="file://$WORK/state"
export PULUMI_CONFIG_PASSPHRASE="dspl-policy-engine-test"
export PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
export DSPL_AWS_DOUBLE_WORLD="$WORK/world.json"
export DSPL_AWS_DOUBLE_LOG="$WORK/aws-double.log"
mkdir -p "$PULUMI_HOME" "$WORK/state"

for f in build/tests/policy/engineWorld.js policy/bin/policy/index.js build/policy/policies/index.js; do
  [ -f "$ROOT/$f" ] || { echo "engine.sh: $f is missing: run \`make build policy-pack\` first" >&2; exit 2; }
done
node "$ROOT/build/tests/policy/engineWorld.js" > "$DSPL_AWS_DOUBLE_WORLD"

# A copy of the project in the sandbox, laid out as in the repository (node_modules and the shared
# fixtures linked), so `pulumi stack init` and `config set` write nothing into the repository.
COPY="$WORK/repo/tests/policy/projects/usual-mistakes"
mkdir -p "$COPY" "$WORK/repo/tests"
cp "$PROJECT"/{Pulumi.yaml,package.json,tsconfig.json,index.ts} "$COPY/"
ln -s "$ROOT/node_modules" "$WORK/repo/node_modules"
ln -s "$ROOT/tests/fixtures" "$WORK/repo/tests/fixtures"
cd "$COPY"
pulumi stack init test --non-interactive >/dev/null
pulumi config set aws:region eu-west-2
pulumi config set agentAddress 127.0.0.1

set +e
pulumi preview --non-interactive --color never \
    --policy-pack "$ROOT/policy" \
    --policy-pack-config "$PROJECT/policy-config.json" > "$WORK/preview.txt" 2>&1
STATUS=$?
set -e

# The plugins: the AWS double, and the toolchain's command provider.
grep -qF "using pulumi-resource-aws from \$PATH at $ROOT/tests/engine/bin/pulumi-resource-aws" "$WORK/preview.txt" \
    || fail "the engine did not use the AWS test double from tests/engine/bin"
grep -qF "using pulumi-resource-command from \$PATH at $DSPL_PULUMI_BIN/pulumi-resource-command" "$WORK/preview.txt" \
    || fail "the engine did not use the toolchain's pulumi-resource-command"

# Mandatory violations fail the preview, and they are the only reason it fails.
[ "$STATUS" -ne 0 ] || fail "pulumi preview succeeded although mandatory policies were violated"
grep -qE "❌ datasync-privatelink-policies@v[0-9.]+ \(local: $ROOT/policy\)" "$WORK/preview.txt" \
    || fail "the engine did not report the pack as failed"
OTHER_ERRORS=$(grep -E "^\s*error: " "$WORK/preview.txt" | grep -vE "error: preview failed\s*$" || true)
[ -z "$OTHER_ERRORS" ] || fail "the preview failed for another reason than the policies: $OTHER_ERRORS"
# No policy was skipped for unknown values ("can't run during preview").
! grep -q "can't run" "$WORK/preview.txt" || fail "a policy was skipped at preview"

# Every expected (policy, resource) pair is reported as often as expected, at the policy's level.
# The engine prints each violation as
#   [<level>] [severity: <s>]  <policy>  (<type>: <resource name>)
# (pkg/backend/display/diff.go, renderDiffPolicyViolationEvent, pulumi v3.259.0); stack-level
# violations that name a resource carry its URN, so the same clause.
# The duplicate policies report the second of two identical rules (routes) in the order the stack
# lists them. The engine registers resources concurrently, so which one is second varies from run to
# run (seen: src-to-dst and src-to-dst-again both): for those pairs either member counts.
declare -A EITHER=(
    ["aws-route-duplicate|src-to-dst-again"]="src-to-dst-again|src-to-dst"
    ["aws-security-group-rule-duplicate|allowed-onprem-0-443"]="allowed-onprem-0-443|fleet-0-443"
)
TOTAL=0
# shellcheck disable=SC2016  # JavaScript in single quotes: its ${...} are template literals
while IFS=$'\t' read -r POLICY RESOURCE COUNT; do
    LEVEL=mandatory
    [ "$POLICY" = "datasync-endpoint-private-dns-disabled" ] && LEVEL=advisory
    NAMES=${EITHER["$POLICY|$RESOURCE"]:-$RESOURCE}
    GOT=$(grep -cE "\[$LEVEL\]( \[severity: [a-z]+\])?  $POLICY  \([^)]*: ($NAMES)\)" "$WORK/preview.txt" || true)
    [ "$GOT" -eq "$COUNT" ] || fail "$POLICY on $RESOURCE: expected $COUNT $LEVEL violation(s), the engine reported $GOT"
    TOTAL=$((TOTAL + COUNT))
done < <(node -e '
const expected = require(process.argv[1]);
for (const [k, n] of Object.entries(expected)) { const [p, r] = k.split("|"); console.log(`${p}\t${r}\t${n}`); }
' "$PROJECT/expected-violations.json")
# And nothing else was reported.
REPORTED=$(grep -cE "^\s*- \[(mandatory|advisory|disabled)\]" "$WORK/preview.txt" || true)
[ "$REPORTED" -eq "$TOTAL" ] || fail "the engine reported $REPORTED violations, expected-violations.json lists $TOTAL"

# Every policy of the pack is among them.
# shellcheck disable=SC2016  # JavaScript in single quotes
node -e '
const { policies } = require(process.argv[1]);
const expected = Object.keys(require(process.argv[2])).map((k) => k.split("|")[0]);
const missing = policies.map((p) => p.name).filter((n) => !expected.includes(n));
if (missing.length) { console.error("policies with no expected violation: " + missing.join(", ")); process.exit(1); }
console.log(`engine.sh: ${policies.length} policies, each reported by the engine at least once`);
' "$ROOT/build/policy/policies/index.js" "$PROJECT/expected-violations.json" || fail "expected-violations.json does not cover every policy"

echo "engine.sh: $TOTAL violations as expected; pulumi preview failed (status $STATUS) on the mandatory ones"

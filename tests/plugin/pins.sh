#!/usr/bin/env bash
# Every Pulumi pin in the project agrees with scripts/versions.env, the one place they are set.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/versions.env
pass=0 fail=0
expect() { # description, file, fixed string that must occur in it
  if grep -qF -- "$3" "$2"; then pass=$((pass + 1)); else echo "pins: FAIL $1: $2 lacks '$3'"; fail=$((fail + 1)); fi
}
expect "npm @pulumi/pulumi" package.json "\"@pulumi/pulumi\": \"$PULUMI_VERSION\""
expect "npm lock @pulumi/pulumi" package-lock.json "\"node_modules/@pulumi/pulumi\": {
      \"version\": \"$PULUMI_VERSION\""
expect "npm @pulumi/command" package.json "\"@pulumi/command\": \"$PULUMI_COMMAND_VERSION\""
expect "python SDK requires" schema.json "\"pulumi\": \">=$PULUMI_VERSION,<4.0.0\""
expect "nodejs SDK dependency" schema.json "\"@pulumi/pulumi\": \"^$PULUMI_VERSION\""
expect "venv pulumi" mk/multilang.mk 'pulumi==$(PULUMI_VERSION)'
for mod in sdk/go.mod tests/go/go.mod examples/go-cross-region-tgw/go.mod; do
  expect "Go SDK in $mod" "$mod" "github.com/pulumi/pulumi/sdk/v3 v$PULUMI_GO_SDK_VERSION"
done
echo "pins: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

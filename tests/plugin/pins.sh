#!/usr/bin/env bash
# Every Pulumi pin in the project agrees with scripts/versions.env, the one place they are set.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../../scripts/versions.env
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
# shellcheck disable=SC2016  # the Makefile's own text, not a shell expansion
expect "venv pulumi" mk/multilang.mk 'pulumi==$(PULUMI_VERSION)'
for mod in sdk/go.mod tests/go/go.mod examples/go-*/go.mod; do
  expect "Go SDK in $mod" "$mod" "github.com/pulumi/pulumi/sdk/v3 v$PULUMI_VERSION"
  expect "pulumi-cloud-sdk in $mod" "$mod" "github.com/pulumi/pulumi-cloud-sdk/go v$PULUMI_CLOUD_SDK_GO_VERSION"
done
echo "pins: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

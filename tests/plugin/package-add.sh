#!/usr/bin/env bash
# `pulumi package add <repo>/provider` (the directory form: PulumiPlugin.yaml, run through the nodejs
# language host) into fresh TypeScript, Python and Go projects, as Pulumi documents it for component
# packages, and what it generated and recorded in each:
#
#   tests/plugin/package-add.sh PULUMI_BIN_DIR     (after `make build test-deps`)
#
# Every project: exit 0, `packages: { datasync-privatelink: <provider dir> }` in Pulumi.yaml and a
# local SDK in sdks/datasync-privatelink. Then per language: TypeScript - a file: dependency in
# package.json, the SDK compiled by its postinstall, a program using PrivateAgent type-checks, and
# `pulumi preview` runs the plugin from the `packages:` entry against the AWS test double (never
# AWS); Python - the SDK path in requirements.txt, installed into the project's virtualenv and
# importable; Go - a go.mod replace to the local SDK and a program using it builds. Offline: see
# tests/support/fresh-project.sh (DSPL_WHEELHOUSE names the wheels).
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)
BIN=$(cd -- "${1:?usage: package-add.sh PULUMI_BIN_DIR}" && pwd)
WHEELHOUSE=${DSPL_WHEELHOUSE:?DSPL_WHEELHOUSE must name the dependency wheels (make test-deps)}
# shellcheck source=../../scripts/versions.env
source "$ROOT/scripts/versions.env"
# shellcheck source=../support/fresh-project.sh
source "$ROOT/tests/support/fresh-project.sh"

NAME=$(node -p 'require(process.argv[1]).name' "$ROOT/schema.json")
NPM_NAME=$(node -p 'require(process.argv[1]).language.nodejs.packageName' "$ROOT/schema.json")
GO_IMPORT=$(node -p 'require(process.argv[1]).language.go.importBasePath' "$ROOT/schema.json")
PROVIDER=$ROOT/provider
TMP=$(mktemp -d "${TMPDIR:-/tmp}/dspl-package-add.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
hermetic_env "$TMP" "$BIN" "$WHEELHOUSE"

passed=0 failed=0
ok() { echo "  ok: $*"; passed=$((passed + 1)); }
bad() { echo "  FAIL: $*"; failed=$((failed + 1)); }
check() { local what=$1; shift; if "$@"; then ok "$what"; else bad "$what"; fi; }
type_checks() { (cd "$1" && node_modules/.bin/tsc --noEmit -p .); }
planned() { grep -q "aws:datasync/agent:Agent" "$1" && grep -q "aws:ec2/vpcEndpoint:VpcEndpoint" "$1"; }
# The local Go SDK's go.mod asks for an older sdk/v3; the project pins the repository's versions
# (scripts/versions.env says why pulumi-cloud-sdk/go is named).
go_builds() {
  (cd "$1" && go get "github.com/pulumi/pulumi/sdk/v3@v$PULUMI_VERSION" \
      "github.com/pulumi/pulumi-cloud-sdk/go@v$PULUMI_CLOUD_SDK_GO_VERSION" &&
    go mod tidy && go build -o /dev/null .) >"$1/build.log" 2>&1 || { tail -n 20 "$1/build.log"; return 1; }
}

# package_add KEY DIR: run it, then the checks every language shares. False when it failed.
package_add() {
  local key=$1 dir=$2
  if ! (cd "$dir" && pulumi package add "$PROVIDER") >"$dir/add.log" 2>&1; then
    bad "$key: pulumi package add $PROVIDER:"; sed 's/^/    /' "$dir/add.log" | tail -n 25; return 1
  fi
  ok "$key: pulumi package add <repo>/provider"
  check "$key: Pulumi.yaml records packages: $NAME: <repo>/provider" \
    grep -qE "^  $NAME: $PROVIDER/?$" "$dir/Pulumi.yaml"
  check "$key: a local SDK in sdks/$NAME" test -d "$dir/sdks/$NAME"
}

# ---- TypeScript ---------------------------------------------------------------------------------
echo "-- TypeScript"
TS=$TMP/ts
new_ts_project "$TS" dspl-add-nodejs >"$TMP/ts-new.log" 2>&1 || { cat "$TMP/ts-new.log"; bad "ts: a fresh project"; }
if package_add ts "$TS"; then
  check "ts: package.json depends on $NPM_NAME from file:sdks/$NAME" \
    grep -qE "\"$NPM_NAME\": *\"file:sdks/$NAME\"" "$TS/package.json"
  check "ts: the SDK was installed and compiled (node_modules/$NPM_NAME/bin/index.js)" test -f "$TS/node_modules/$NPM_NAME/bin/index.js"
  sed "s#@datasync-privatelink/pulumi#$NPM_NAME#" "$ROOT/tests/dist/programs/nodejs/index.ts" >"$TS/index.ts"
  check "ts: a program using PrivateAgent type-checks against it" type_checks "$TS"
  # The `packages:` entry is what the engine uses at deployment: the plugin runs from the directory
  # and constructs the PrivateAgent, whose children the preview lists (world: one VPC, one subnet,
  # in the format of tests/engine/doubles/aws.ts).
  cat >"$TMP/world.json" <<'JSON'
{ "region": "eu-west-2", "accountId": "111111111111",
  "vpcs": { "vpc-0d5700000000000a1": { "cidrBlocks": ["10.0.0.0/16"] } },
  "subnets": { "subnet-0d5700000000000a1": { "vpcId": "vpc-0d5700000000000a1", "availabilityZone": "eu-west-2a",
    "cidrBlock": "10.0.1.0/24", "availableIpAddressCount": 251 } } }
JSON
  if (cd "$TS" && pulumi stack init add --non-interactive && pulumi config set aws:region eu-west-2 &&
      pulumi config set vpcId vpc-0d5700000000000a1 &&
      pulumi config set --path 'endpointSubnetIds[0]' subnet-0d5700000000000a1 &&
      pulumi config set --secret manualKey D1ST0-TEST0-FAKE0-KEY00-00009 &&
      PATH="$ROOT/tests/engine/bin:$PATH" DSPL_AWS_DOUBLE_WORLD=$TMP/world.json DSPL_AWS_DOUBLE_LOG=$TMP/aws.jsonl \
        pulumi preview --non-interactive --diff) >"$TMP/preview.log" 2>&1; then
    check "ts: pulumi preview runs the plugin from the packages: entry (the agent and the endpoint are planned)" \
      planned "$TMP/preview.log"
  else
    bad "ts: pulumi preview:"; sed 's/^/    /' "$TMP/preview.log" | tail -n 25
  fi
fi

# ---- Python -------------------------------------------------------------------------------------
echo "-- Python"
PY=$TMP/py
new_py_project "$PY" dspl-add-python
echo "pulumi==$PULUMI_VERSION" >"$PY/requirements.txt"
if package_add py "$PY"; then
  check "py: requirements.txt names sdks/$NAME" grep -qx "sdks/$NAME" "$PY/requirements.txt"
  check "py: the project's virtualenv imports the SDK's PrivateAgent" \
    "$PY/venv/bin/python" -c 'import pulumi_datasync_privatelink as m; assert m.PrivateAgent'
fi

# ---- Go -----------------------------------------------------------------------------------------
echo "-- Go"
GO=$TMP/go
new_go_project "$GO" dspl-add-go
if package_add go "$GO"; then
  GO_MODULE=${GO_IMPORT%/*}
  check "go: go.mod replaces $GO_MODULE with ./sdks/$NAME" grep -qE "^replace $GO_MODULE => \./sdks/$NAME$" "$GO/go.mod"
  cp "$ROOT/tests/dist/programs/go/main.go" "$GO/main.go"
  sed -i "s#\"github.com/datasync-privatelink/datasync-privatelink/sdk/go/datasyncprivatelink\"#\"$GO_IMPORT\"#" "$GO/main.go"
  check "go: a program using PrivateAgent builds against it" go_builds "$GO"
fi

echo "package-add: $passed passed, $failed failed"
(( failed == 0 ))

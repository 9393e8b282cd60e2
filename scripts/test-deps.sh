#!/usr/bin/env bash
# Fill the package managers' caches with what the offline tests install into fresh projects
# (tests/plugin/package-add.sh, tests/dist/run.sh), so that those tests need nothing beyond the
# machine. An installation step like `npm ci` (`make test-deps`); it uses the registries through
# their ordinary clients, and costs seconds when the caches are already warm.
#
#   scripts/test-deps.sh PULUMI_BIN_DIR PYTHON WHEELHOUSE [PIP_REQUIREMENT...]
#
# - npm's cache: a fresh TypeScript project's packages (tests/support/fresh-project.sh) and the
#   dependencies of the local nodejs SDK `pulumi package add` generates (it is run here, online);
# - WHEELHOUSE: wheels for the python SDK's dependencies and the PIP_REQUIREMENTs (pip, setuptools
#   and wheel, which Pulumi's pip toolchain upgrades in a new virtualenv), fetched with PYTHON's pip;
# - the Go module cache: the modules of sdk/ and the module graph of a project to which
#   `pulumi package add` added the local Go SDK.
# Needs `make build` (package add runs the plugin).
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
BIN=$(cd -- "${1:?usage: scripts/test-deps.sh PULUMI_BIN_DIR PYTHON WHEELHOUSE [PIP_REQUIREMENT...]}" && pwd)
PYTHON=${2:?python}
WHEELHOUSE=${3:?wheelhouse}
shift 3
# shellcheck source=versions.env
source "$ROOT/scripts/versions.env"
# shellcheck source=../tests/support/fresh-project.sh
source "$ROOT/tests/support/fresh-project.sh"
log() { printf 'test-deps: %s\n' "$*" >&2; }

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# The CLI with a throw-away home; npm, pip and go as configured on this machine (online).
pulumi() { PATH="$BIN:$PATH" PULUMI_HOME=$TMP/home PULUMI_SKIP_UPDATE_CHECK=true \
  PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true command pulumi "$@"; }
export GOTOOLCHAIN=local npm_config_prefer_offline=true npm_config_audit=false npm_config_fund=false

log "npm cache: ${NODE_PROJECT_DEPS[*]}, and what \`pulumi package add\` installs in a TypeScript project"
new_ts_project "$TMP/ts" dspl-deps-nodejs >/dev/null
(cd "$TMP/ts" && pulumi package add "$ROOT/provider") >"$TMP/ts.log" 2>&1 || { cat "$TMP/ts.log" >&2; exit 1; }

log "wheels: the python SDK's dependencies${*:+ and $*} -> $WHEELHOUSE"
mkdir -p "$WHEELHOUSE"
cp -R "$ROOT/sdk/python" "$TMP/python"   # pip prepares metadata in place; keep sdk/ clean
"$PYTHON" -m pip download -q --disable-pip-version-check --dest "$WHEELHOUSE" "$TMP/python" "$@"
rm -f "$WHEELHOUSE"/pulumi_datasync_privatelink-*   # the SDK itself is what the tests install

log "Go module cache: sdk/'s modules, and the graph of a project \`pulumi package add\` gave a Go SDK"
(cd "$ROOT/sdk" && GOFLAGS=-mod=readonly go mod download)
new_go_project "$TMP/go" dspl-deps-go
(cd "$TMP/go" && pulumi package add "$ROOT/provider" && GOFLAGS=-mod=mod go list -m all) >"$TMP/go.log" 2>&1 \
  || { cat "$TMP/go.log" >&2; exit 1; }

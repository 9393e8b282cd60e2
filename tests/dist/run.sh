#!/usr/bin/env bash
# The release artefacts in dist/, installed the way the README's "Installation" section says, each
# into a fresh project, then `pulumi up` and `pulumi destroy` through the real engine:
#
#   tests/dist/run.sh PULUMI_BIN_DIR      (after `make dist test-deps`; `make test-dist` runs both)
#
# - the plugin: `pulumi plugin install resource <name> <version> --file <tarball>` into a temporary
#   PULUMI_HOME, shared by the three projects; nothing on PATH and no Pulumi.yaml `plugins:` entry
#   names it, so the engine can only take it from there;
# - TypeScript: `npm install <tgz>`; Python: `pip install <wheel>` into a fresh virtualenv; Go:
#   `go get <module>@v<version>` from dist/goproxy.
# Each program makes one PrivateAgent: an on-premises agent over mode "existing", activation mode
# "manual" with a well-formed fake key (so no request to any port 80), against the AWS TEST DOUBLE
# (tests/engine/bin/pulumi-resource-aws; never AWS) and its world file. Checked: the stack output
# agentArn, the key absent from the output and the state, the resources the double created, and,
# after destroy, nothing live in the double's log. Offline: installs come from npm's cache,
# DSPL_WHEELHOUSE (dependency wheels) and the Go module cache, which scripts/test-deps.sh fills
# (tests/support/fresh-project.sh).
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)
BIN=$(cd -- "${1:?usage: tests/dist/run.sh PULUMI_BIN_DIR}" && pwd)
DIST=$ROOT/dist
WHEELHOUSE=${DSPL_WHEELHOUSE:?DSPL_WHEELHOUSE must name the dependency wheels (make test-deps)}
# shellcheck source=../../scripts/versions.env
source "$ROOT/scripts/versions.env"
# shellcheck source=../support/fresh-project.sh
source "$ROOT/tests/support/fresh-project.sh"
# shellcheck source=steps.sh
source "$ROOT/tests/dist/steps.sh"

NAME=$(node -p 'require(process.argv[1]).name' "$ROOT/schema.json")
VERSION=$(node -p 'require(process.argv[1]).version' "$ROOT/package.json")
NPM_NAME=$(node -p 'require(process.argv[1]).language.nodejs.packageName' "$ROOT/schema.json")
GO_MODULE=$(sed -n 's/^module[[:space:]]\{1,\}//p' "$ROOT/sdk/go.mod")
PLUGIN_TGZ=$DIST/pulumi-resource-$NAME-v$VERSION-linux-amd64.tar.gz
NPM_TGZ=$DIST/$(sed 's#^@##; s#/#-#' <<<"$NPM_NAME")-$VERSION.tgz
WHEEL=$(find "$DIST" -maxdepth 1 -name "*-$VERSION-py3-none-any.whl" | head -n 1)
for f in "$PLUGIN_TGZ" "$NPM_TGZ" "$WHEEL" "$DIST/goproxy/$GO_MODULE/@v/v$VERSION.zip"; do
  [[ -n $f && -f $f ]] || { echo "dist test: ${f:-the wheel} is missing (make dist)" >&2; exit 1; }
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/dspl-dist.XXXXXX")
if [[ -n ${DSPL_KEEP_DIST_SANDBOX:-} ]]; then echo "dist test: sandbox $TMP (kept)"; else trap 'rm -rf "$TMP"' EXIT; fi

# Hermetic and offline; on PATH the CLI and language hosts, then the AWS test double. Not the
# plugin: it must come from PULUMI_HOME. Go modules: dist/goproxy, else only the module cache.
hermetic_env "$TMP" "$BIN" "$WHEELHOUSE"
export PATH="$PATH:$ROOT/tests/engine/bin" GOPROXY="file://$DIST/goproxy,off"
if found=$(command -v "pulumi-resource-$NAME"); then
  echo "dist test: $found is on PATH; the test must see only the installed plugin" >&2; exit 1
fi

# ---- the plugin, once ---------------------------------------------------------------------------
step "plugin: pulumi plugin install resource $NAME $VERSION --file $(basename -- "$PLUGIN_TGZ")"
pulumi plugin install resource "$NAME" "$VERSION" --file "$PLUGIN_TGZ" >"$TMP/plugin-install.log" 2>&1 \
  || { cat "$TMP/plugin-install.log"; fail "plugin install"; }
installed=$PULUMI_HOME/plugins/resource-$NAME-v$VERSION
check "the plugin is installed in PULUMI_HOME with its launcher" test -x "$installed/pulumi-resource-$NAME"
check "pulumi plugin ls lists $NAME $VERSION" grep -qE "^$NAME +resource +$VERSION " <(pulumi plugin ls 2>/dev/null)
check "the installed plugin carries no PulumiPlugin.yaml (nothing to install at run time)" test ! -e "$installed/PulumiPlugin.yaml"

# ---- TypeScript ---------------------------------------------------------------------------------
ts_project() {
  local dir=$1
  new_ts_project "$dir" dspl-dist-nodejs >"$dir.log" 2>&1 || { cat "$dir.log"; return 1; }
  sed "s#@datasync-privatelink/pulumi#$NPM_NAME#" "$ROOT/tests/dist/programs/nodejs/index.ts" >"$dir/index.ts"
  (cd "$dir" && npm install --loglevel=error "$NPM_TGZ") >"$dir/install.log" 2>&1 || { cat "$dir/install.log"; return 1; }
  grep -qE "\"$NPM_NAME\": *\"file:[^\"]*$(basename -- "$NPM_TGZ")\"" "$dir/package.json" &&
    test -f "$dir/node_modules/$NPM_NAME/index.d.ts"
}

# ---- Python -------------------------------------------------------------------------------------
py_project() {
  local dir=$1
  new_py_project "$dir" dspl-dist-python
  cp "$ROOT/tests/dist/programs/python/__main__.py" "$dir/"
  (cd "$dir" && python3 -m venv venv && venv/bin/pip install -q "$WHEEL") >"$dir/install.log" 2>&1 \
    || { cat "$dir/install.log"; return 1; }
  "$dir/venv/bin/python" -c 'import pulumi_datasync_privatelink as m; assert m.PrivateAgent'
}

# ---- Go -----------------------------------------------------------------------------------------
go_project() {
  local dir=$1
  new_go_project "$dir" dspl-dist-go
  cp "$ROOT/tests/dist/programs/go/main.go" "$dir/"
  (cd "$dir" && go get "$GO_MODULE@v$VERSION" && go mod tidy) >"$dir/install.log" 2>&1 \
    || { cat "$dir/install.log"; return 1; }
  grep -q "$GO_MODULE v$VERSION" "$dir/go.mod"
}

run_language ts "TypeScript: npm install $(basename -- "$NPM_TGZ")" ts_project
run_language py "Python: pip install $(basename -- "$WHEEL") into a fresh virtualenv" py_project
run_language go "Go: go get $GO_MODULE@v$VERSION from dist/goproxy" go_project

summary

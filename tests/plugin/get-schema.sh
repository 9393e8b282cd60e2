#!/usr/bin/env bash
# The plugin serves schema.json, wherever the engine finds it.
#
#   tests/plugin/get-schema.sh PULUMI_BIN_DIR
#
# 1. `pulumi package get-schema provider/pulumi-resource-datasync-privatelink`: the executable a
#    Pulumi.yaml `plugins.providers[].path: .../provider` entry resolves to (the engine runs
#    <path>/pulumi-resource-<name> directly when it exists), compared with schema.json as data
#    (get-schema re-encodes what it gets; tests/plugin/schema-equal.js).
# 2. Each example's Pulumi.yaml names a path whose pulumi-resource-datasync-privatelink is that
#    executable.
# 3. From PATH, through a symlink in another directory: `pulumi plugin run --kind resource
#    datasync-privatelink` must find it on PATH (the engine's ambient-plugin lookup) and the
#    process it starts must serve schema.json byte for byte over gRPC (GetSchema).
# 4. `pulumi package get-schema ./provider` (the directory): the engine reads PulumiPlugin.yaml
#    and runs the plugin through the nodejs language host (provider/package.json's "main"); its
#    output must equal the executable's byte for byte, and so schema.json.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)
BIN=${1:?usage: get-schema.sh PULUMI_BIN_DIR}
[[ -x $BIN/pulumi ]] || { echo "no pulumi in $BIN" >&2; exit 1; }
NAME=datasync-privatelink
PLUGIN=$ROOT/provider/pulumi-resource-$NAME

TMP=$(mktemp -d)
RUN_PID=
# `pulumi plugin run` runs under setsid, so everything it starts is in the session RUN_PID leads,
# including the plugin, which the CLI puts in a process group of its own: stop them all by session.
stop_run() {
  [[ -n $RUN_PID ]] || return 0
  local pids
  pids=$(ps -eo pid=,sid= | awk -v s="$RUN_PID" '$2 == s { print $1 }')
  # shellcheck disable=SC2086
  [[ -z $pids ]] || kill $pids 2>/dev/null || true
  wait "$RUN_PID" 2>/dev/null || true
  RUN_PID=
}
cleanup() {
  stop_run
  rm -rf "$TMP"
}
trap cleanup EXIT

# Hermetic, offline CLI: its own home, no update check, no downloads, no registry lookups.
export PATH="$BIN:$PATH" PULUMI_HOME="$TMP/home" PULUMI_SKIP_UPDATE_CHECK=true \
  PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true PULUMI_DISABLE_REGISTRY_RESOLVE=true \
  PULUMI_BACKEND_URL="file://$TMP/state" PULUMI_CONFIG_PASSPHRASE=test npm_config_offline=true
mkdir -p "$TMP/home" "$TMP/state"

passed=0 failed=0
ok() { echo "  ok: $*"; passed=$((passed + 1)); }
bad() { echo "  FAIL: $*"; failed=$((failed + 1)); }

[[ -x $PLUGIN ]] || { bad "$PLUGIN is missing or not executable"; exit 1; }
[[ -f $ROOT/build/provider/src/main.js ]] || { bad "build/provider/src/main.js is missing (make build)"; exit 1; }
# 1. get-schema of the executable.
if (cd "$TMP" && pulumi package get-schema "$PLUGIN") >"$TMP/got.json" 2>"$TMP/got.err"; then
  if node "$ROOT/tests/plugin/schema-equal.js" "$ROOT/schema.json" "$TMP/got.json" 2>"$TMP/cmp.err"; then
    ok "pulumi package get-schema provider/pulumi-resource-$NAME equals schema.json"
  else
    bad "pulumi package get-schema provider/pulumi-resource-$NAME differs from schema.json: $(cat "$TMP/cmp.err")"
  fi
else
  bad "pulumi package get-schema provider/pulumi-resource-$NAME failed:"; sed 's/^/    /' "$TMP/got.err" | head -n 20
fi

# 2. The examples' plugin paths.
for y in "$ROOT"/examples/*/Pulumi.yaml; do
  ex=$(dirname -- "$y")
  p=$(sed -n '/^plugins:/,/^[^ ]/{s/^ *path: *\(.*\)$/\1/p}' "$y" | head -n 1)
  n=$(sed -n '/^plugins:/,/^[^ ]/{s/^ *- name: *\(.*\)$/\1/p}' "$y" | head -n 1)
  if [[ $n == "$NAME" && -n $p && -x $ex/$p/pulumi-resource-$NAME && \
        "$(cd "$ex/$p" && pwd -P)/pulumi-resource-$NAME" -ef $PLUGIN ]]; then
    ok "examples/$(basename "$ex")/Pulumi.yaml: plugins.providers $n -> $p/pulumi-resource-$NAME"
  else
    bad "examples/$(basename "$ex")/Pulumi.yaml: plugins.providers must name $NAME with a path to provider/ (got name '$n', path '$p')"
  fi
done

# 3. From PATH, through a symlink: the CLI's plugin lookup, then GetSchema on the started process.
mkdir -p "$TMP/pathbin"
ln -s "$PLUGIN" "$TMP/pathbin/pulumi-resource-$NAME"
(cd "$TMP" && PATH="$TMP/pathbin:$PATH" exec setsid pulumi plugin run --kind resource "$NAME") \
  >"$TMP/run.out" 2>"$TMP/run.err" &
RUN_PID=$!
port=
for _ in $(seq 1 150); do
  port=$(grep -m1 -E '^[0-9]+$' "$TMP/run.out" 2>/dev/null || true)
  [[ -n $port ]] && break
  kill -0 "$RUN_PID" 2>/dev/null || break
  sleep 0.2
done
if [[ -z $port ]]; then
  bad "pulumi plugin run did not start the plugin from PATH:"; sed 's/^/    /' "$TMP/run.err" | head -n 20
elif ! grep -q "from \$PATH at $TMP/pathbin/pulumi-resource-$NAME" "$TMP/run.err"; then
  bad "the CLI did not take the plugin from PATH:"; sed 's/^/    /' "$TMP/run.err" | head -n 5
elif node "$ROOT/tests/plugin/grpc-get-schema.js" "$port" >"$TMP/served.json" 2>"$TMP/served.err" &&
     cmp -s "$ROOT/schema.json" "$TMP/served.json"; then
  ok "from PATH (symlinked): the CLI runs the plugin and it serves schema.json byte for byte"
else
  bad "the plugin started from PATH does not serve schema.json:"; cat "$TMP/served.err"
  diff <(head -c 2000 "$ROOT/schema.json") <(head -c 2000 "$TMP/served.json") | head -n 10 || true
fi
stop_run

# 4. The directory: PulumiPlugin.yaml, through the nodejs language host.
if [[ ! -x $BIN/pulumi-language-nodejs ]]; then
  bad "no pulumi-language-nodejs in $BIN (scripts/toolchain.sh builds it)"
elif (cd "$TMP" && pulumi package get-schema "$ROOT/provider") >"$TMP/dir.json" 2>"$TMP/dir.err"; then
  if cmp -s "$TMP/got.json" "$TMP/dir.json"; then
    ok "pulumi package get-schema ./provider (PulumiPlugin.yaml, nodejs host) prints what the executable's does"
  else
    bad "pulumi package get-schema ./provider differs from get-schema of the executable:"
    diff "$TMP/got.json" "$TMP/dir.json" | head -n 20 || true
  fi
else
  bad "pulumi package get-schema ./provider failed:"; sed 's/^/    /' "$TMP/dir.err" | head -n 20
fi
# The engine runs `npm install` in the directory first (the nodejs host's InstallDependencies);
# provider/.npmrc and package.json (no dependencies) keep that from writing anything there.
if [[ -e $ROOT/provider/package-lock.json || -e $ROOT/provider/node_modules ]]; then
  bad "the directory form left provider/package-lock.json or provider/node_modules behind"
else
  ok "the directory form leaves provider/ as it was (no lockfile, no node_modules)"
fi

echo "plugin: $passed passed, $failed failed"
(( failed == 0 ))

#!/usr/bin/env bash
# The plugin serves schema.json, wherever the engine finds it.
#
#   tests/plugin/get-schema.sh PULUMI_BIN_DIR
#
# 1. `pulumi package get-schema provider/pulumi-resource-datasync-privatelink`: the executable a
#    Pulumi.yaml `plugins.providers[].path: .../provider` entry resolves to (the engine runs
#    <path>/pulumi-resource-<name> directly when it exists), compared with schema.json as
#    get-schema prints it (decoded into Pulumi's PackageSpec and re-encoded; see scripts/gen-sdk).
# 2. Each example's Pulumi.yaml names a path whose pulumi-resource-datasync-privatelink is that
#    executable.
# 3. From PATH, through a symlink in another directory: `pulumi plugin run --kind resource
#    datasync-privatelink` must find it on PATH (the engine's ambient-plugin lookup) and the
#    process it starts must serve schema.json byte for byte over gRPC (GetSchema).
# 4. `pulumi package get-schema ./provider` (the directory): the engine reads PulumiPlugin.yaml
#    and runs the plugin through the nodejs language host. Checked when pulumi-language-nodejs is
#    in PULUMI_BIN_DIR; when it is not (it cannot be built here), the documented failure is checked.
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
  PULUMI_BACKEND_URL="file://$TMP/state" PULUMI_CONFIG_PASSPHRASE=test
mkdir -p "$TMP/home" "$TMP/state"

passed=0 failed=0
ok() { echo "  ok: $*"; passed=$((passed + 1)); }
bad() { echo "  FAIL: $*"; failed=$((failed + 1)); }

[[ -x $PLUGIN ]] || { bad "$PLUGIN is missing or not executable"; exit 1; }
[[ -f $ROOT/build/provider/src/main.js ]] || { bad "build/provider/src/main.js is missing (make build)"; exit 1; }
# The schema normalizer is the SDK generator's -normalize mode (built once, incrementally).
GEN=$(bash "$ROOT/scripts/gen-sdk.sh" --build) || { bad "the SDK generator (schema normalizer) could not be built"; exit 1; }
"$GEN" -normalize "$ROOT/schema.json" >"$TMP/expected.json"

# 1. get-schema of the executable.
if (cd "$TMP" && pulumi package get-schema "$PLUGIN") >"$TMP/got.json" 2>"$TMP/got.err"; then
  if cmp -s "$TMP/expected.json" "$TMP/got.json"; then
    ok "pulumi package get-schema provider/pulumi-resource-$NAME equals schema.json"
  else
    bad "pulumi package get-schema provider/pulumi-resource-$NAME differs from schema.json:"
    diff "$TMP/expected.json" "$TMP/got.json" | head -n 20 || true
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

# 4. The directory: PulumiPlugin.yaml, through the language host.
if [[ ! -f $ROOT/provider/PulumiPlugin.yaml ]]; then
  bad "provider/PulumiPlugin.yaml is missing"
elif [[ -x $BIN/pulumi-language-nodejs ]]; then
  if (cd "$TMP" && pulumi package get-schema "$ROOT/provider") >"$TMP/dir.json" 2>"$TMP/dir.err" &&
     cmp -s "$TMP/expected.json" "$TMP/dir.json"; then
    ok "pulumi package get-schema ./provider (PulumiPlugin.yaml, nodejs host) equals schema.json"
  else
    bad "pulumi package get-schema ./provider:"; sed 's/^/    /' "$TMP/dir.err" | head -n 20
  fi
else
  # Without the host the directory form must fail the way PulumiPlugin.yaml documents, naming
  # the missing host, so users are pointed at the executable instead.
  if (cd "$TMP" && pulumi package get-schema "$ROOT/provider") >"$TMP/dir.json" 2>"$TMP/dir.err"; then
    bad "pulumi package get-schema ./provider worked without pulumi-language-nodejs: update PulumiPlugin.yaml's notes"
  elif grep -q "pulumi-language-nodejs" "$TMP/dir.err"; then
    ok "pulumi package get-schema ./provider, without the nodejs host here, fails naming pulumi-language-nodejs (as PulumiPlugin.yaml documents)"
  else
    bad "pulumi package get-schema ./provider failed otherwise than documented:"; sed 's/^/    /' "$TMP/dir.err" | head -n 20
  fi
fi

echo "plugin: $passed passed, $failed failed"
(( failed == 0 ))

# shellcheck shell=bash
# Sourced by tests/plugin/package-add.sh, tests/dist/run.sh and scripts/test-deps.sh (after
# scripts/versions.env): fresh Pulumi projects, and the environment that keeps the tests offline.

# The packages a fresh TypeScript Pulumi project starts with (as `pulumi new typescript` gives).
# shellcheck disable=SC2034  # used by the scripts that source this file
NODE_PROJECT_DEPS=("@pulumi/pulumi@$PULUMI_VERSION" typescript@^5.9.0 @types/node@^20.19.0)

# hermetic_env DIR PULUMI_BIN_DIR WHEELHOUSE: the CLI from PULUMI_BIN_DIR with its own home and file
# backend under DIR, no update check, no plugin downloads; npm, pip and go limited to their caches
# (npm's cache, the wheels in WHEELHOUSE, the Go module cache; scripts/test-deps.sh fills them), so
# nothing leaves the machine.
hermetic_env() {
  local dir=$1 bin=$2 wheels=$3
  mkdir -p "$dir/home" "$dir/state"
  export PATH="$bin:$PATH" PULUMI_HOME=$dir/home PULUMI_BACKEND_URL=file://$dir/state \
    PULUMI_CONFIG_PASSPHRASE=offline-test PULUMI_SKIP_UPDATE_CHECK=true \
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true \
    npm_config_offline=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false \
    PIP_NO_INDEX=1 PIP_FIND_LINKS=$wheels PIP_DISABLE_PIP_VERSION_CHECK=1 \
    GOTOOLCHAIN=local GOFLAGS=-mod=mod GOPROXY=off GOSUMDB=off
}

# new_ts_project DIR NAME: Pulumi.yaml, package.json with NODE_PROJECT_DEPS installed, tsconfig.json.
new_ts_project() {
  local dir=$1 name=$2
  mkdir -p "$dir"
  printf 'name: %s\nruntime: nodejs\n' "$name" >"$dir/Pulumi.yaml"
  printf '{ "name": "%s", "private": true }\n' "$name" >"$dir/package.json"
  cat >"$dir/tsconfig.json" <<'JSON'
{ "compilerOptions": { "strict": true, "outDir": "bin", "target": "ES2020", "module": "commonjs",
    "moduleResolution": "node", "sourceMap": true, "skipLibCheck": true }, "files": ["index.ts"] }
JSON
  (cd "$dir" && npm install --loglevel=error "${NODE_PROJECT_DEPS[@]}")
}

# new_py_project DIR NAME: Pulumi.yaml for a pip virtualenv `venv` (not created yet).
new_py_project() {
  local dir=$1 name=$2
  mkdir -p "$dir"
  printf 'name: %s\nruntime:\n  name: python\n  options:\n    toolchain: pip\n    virtualenv: venv\n' "$name" >"$dir/Pulumi.yaml"
}

# new_go_project DIR NAME: Pulumi.yaml and `go mod init`.
new_go_project() {
  local dir=$1 name=$2
  mkdir -p "$dir"
  printf 'name: %s\nruntime: go\n' "$name" >"$dir/Pulumi.yaml"
  (cd "$dir" && go mod init "$name" 2>/dev/null)
}

#!/usr/bin/env bash
# What each example's README has a user install, done once for all the example runs of
# `make test-examples` (an installation step, like `npm ci`):
# - TypeScript: `npm install` of the examples' package.json (the three declare the same
#   dependencies; checked), in build/examples/deps/repo/examples/nodejs next to a link to sdk/, so
#   that its "file:../../sdk/nodejs/bin" resolves as in the repository; the runs link their
#   node_modules there;
# - Go: `go mod download` in each Go example (the module cache the runs then use with GOPROXY=off);
# - Python: nothing here; the runs use the repository's .venv (pulumi and the SDK, `make sdk-python`).
#   tests/examples/deps.sh
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)
OUT=$ROOT/build/examples/deps/repo
cd "$ROOT"

# shellcheck disable=SC2016  # JavaScript in single quotes: its ${...} are template literals
node -e '
const fs = require("fs");
const [first, ...rest] = process.argv.slice(1);
const deps = (f) => { const p = JSON.parse(fs.readFileSync(f, "utf8")); return JSON.stringify([p.dependencies, p.devDependencies]); };
for (const f of rest) {
    if (deps(f) !== deps(first)) { console.error(`${f} declares other dependencies than ${first}: one shared install cannot stand for both`); process.exit(1); }
}' examples/ts-*/package.json

echo "examples-deps: npm install (the TypeScript examples' package.json) -> ${OUT#"$ROOT"/}/examples/nodejs" >&2
rm -rf "$OUT"
mkdir -p "$OUT/examples/nodejs"
ln -s "$ROOT/sdk" "$OUT/sdk"
cp examples/ts-onprem-existing/package.json "$OUT/examples/nodejs/package.json"
(cd "$OUT/examples/nodejs" && npm install --prefer-offline --no-audit --no-fund --loglevel=error)

for d in examples/go-*/; do
  echo "examples-deps: go mod download in $d" >&2
  (cd "$d" && GOTOOLCHAIN=local GOFLAGS=-mod=readonly go mod download)
done

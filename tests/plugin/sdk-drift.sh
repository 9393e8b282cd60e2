#!/usr/bin/env bash
# SDK drift: regenerate every SDK from schema.json into a temporary directory (scripts/gen-sdk.sh,
# the same command `make gen-sdk` runs) and fail on any difference from the committed sdk/.
# Build products the other targets leave in sdk/ (ignored by git) are not compared.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

bash "$ROOT/scripts/gen-sdk.sh" "$TMP/sdk" 2>"$TMP/gen.log" || { cat "$TMP/gen.log" >&2; exit 1; }

# What the SDK builds create inside sdk/ (nodejs: tsc output and npm's; python: pip's in-tree build).
EXCLUDES=(-x node_modules -x bin -x build -x '*.egg-info' -x __pycache__ -x '*.pyc' -x dist)
if diff -r "${EXCLUDES[@]}" "$ROOT/sdk" "$TMP/sdk" >"$TMP/diff.txt"; then
  n=$(cd "$TMP/sdk" && find . -type f | wc -l)
  echo "sdk-drift: sdk/ matches a fresh generation from schema.json ($n files: nodejs, python, go, go.mod, go.sum)"
  echo "sdk-drift: 1 passed, 0 failed"
else
  echo "sdk-drift: sdk/ differs from what schema.json generates; run 'make gen-sdk' and commit sdk/:" >&2
  head -n 60 "$TMP/diff.txt" >&2
  echo "sdk-drift: 0 passed, 1 failed"
  exit 1
fi

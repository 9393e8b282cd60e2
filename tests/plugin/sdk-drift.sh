#!/usr/bin/env bash
# SDK drift: regenerate every SDK from schema.json into a temporary directory with
# `pulumi package gen-sdk` (scripts/gen-sdk.sh, the command `make gen-sdk` runs) and fail on any
# difference from the committed sdk/nodejs, sdk/python and sdk/go.
#
#   tests/plugin/sdk-drift.sh PULUMI_BIN_DIR
#
# Build products the other targets leave in sdk/ (ignored by git) are not compared; sdk/go.mod and
# sdk/go.sum are maintained files, not generated, so they are not compared either.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)
BIN=${1:?usage: sdk-drift.sh PULUMI_BIN_DIR}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

bash "$ROOT/scripts/gen-sdk.sh" "$TMP/sdk" "$BIN" 2>"$TMP/gen.log" || { cat "$TMP/gen.log" >&2; exit 1; }

# What the SDK builds create inside sdk/ (nodejs: tsc output and npm's; python: pip's in-tree build).
EXCLUDES=(-x node_modules -x bin -x build -x '*.egg-info' -x __pycache__ -x '*.pyc' -x dist)
passed=0 failed=0
for lang in nodejs python go; do
  if diff -r "${EXCLUDES[@]}" "$ROOT/sdk/$lang" "$TMP/sdk/$lang" >"$TMP/diff-$lang.txt"; then
    n=$(cd "$TMP/sdk/$lang" && find . -type f | wc -l)
    echo "  ok: sdk/$lang equals pulumi package gen-sdk --language $lang ($n files)"
    passed=$((passed + 1))
  else
    echo "  FAIL: sdk/$lang differs from what schema.json generates; run 'make gen-sdk' and commit sdk/:"
    head -n 60 "$TMP/diff-$lang.txt" | sed 's/^/    /'
    failed=$((failed + 1))
  fi
done
# Nothing else may appear: gen-sdk writes exactly one directory per language.
extra=$(cd "$TMP/sdk" && find . -mindepth 1 -maxdepth 1 ! -name nodejs ! -name python ! -name go)
if [[ -z $extra ]]; then
  passed=$((passed + 1))
else
  echo "  FAIL: gen-sdk wrote more than sdk/{nodejs,python,go}: $extra"
  failed=$((failed + 1))
fi
echo "sdk-drift: $passed passed, $failed failed"
(( failed == 0 ))

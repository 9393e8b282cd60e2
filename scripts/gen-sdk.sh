#!/usr/bin/env bash
# Generate the nodejs, python and go SDKs from schema.json with Pulumi's own generator:
#
#   scripts/gen-sdk.sh OUTDIR PULUMI_BIN_DIR
#
# runs, for each language L, `pulumi package gen-sdk schema.json --language L --out OUTDIR
# --version <package.json version>`, which replaces OUTDIR/L (the CLI hands the work to
# pulumi-language-L, found beside it in PULUMI_BIN_DIR). OUTDIR/go.mod and go.sum are not generated:
# sdk/go.mod is maintained by hand (module path and the Go SDK pin; see tests/plugin/pins.sh).
# `make gen-sdk` runs this into sdk/; tests/plugin/sdk-drift.sh runs it into a temporary directory.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
[[ $# -eq 2 ]] || { echo "usage: scripts/gen-sdk.sh OUTDIR PULUMI_BIN_DIR" >&2; exit 2; }
OUT=$1
BIN=$(cd -- "$2" && pwd)
[[ -x $BIN/pulumi ]] || { echo "gen-sdk: no pulumi in $BIN (make toolchain)" >&2; exit 1; }
VERSION=$(node -p 'require(process.argv[1]).version' "$ROOT/package.json")

# Hermetic: a throw-away PULUMI_HOME, no update check, no plugin downloads.
HOME_DIR=$(mktemp -d)
trap 'rm -rf "$HOME_DIR"' EXIT
export PATH="$BIN:$PATH" PULUMI_HOME="$HOME_DIR" PULUMI_SKIP_UPDATE_CHECK=true \
  PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true

mkdir -p "$OUT"
OUT=$(cd -- "$OUT" && pwd)
for lang in nodejs python go; do
  (cd "$ROOT" && pulumi package gen-sdk schema.json --language "$lang" --out "$OUT" --version "$VERSION")
done

#!/usr/bin/env bash
# The provider plugin as a release tarball, installable with
#   pulumi plugin install resource <name> <version> --file <tarball>
#
#   scripts/dist/plugin.sh OUTDIR    (after `make build`)
#
# The plugin is a Node.js program. The tarball's top holds what the engine runs and what that reads:
#   pulumi-resource-<name>   the launcher (provider/pulumi-resource-<name>; it finds build/ beside it)
#   build/provider/src/      the compiled provider (JavaScript only) and activation/activate.sh
#   schema.json, package.json   read by main.js from the directory above build/
#   node_modules/            production dependencies only (npm ci --omit=dev from package-lock.json),
#                            without type declarations and source maps
# and no PulumiPlugin.yaml: with one, `pulumi plugin install` would run the nodejs host's dependency
# installation; without one the engine runs the launcher directly. Needs node >= 20 on PATH at run
# time. Prints the tarball's path.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)
OUT=${1:?usage: scripts/dist/plugin.sh OUTDIR}
NAME=$(node -p 'require(process.argv[1]).name' "$ROOT/schema.json")
VERSION=$(node -p 'require(process.argv[1]).version' "$ROOT/package.json")
LAUNCHER=$ROOT/provider/pulumi-resource-$NAME
[[ -f $ROOT/build/provider/src/main.js ]] || { echo "dist-plugin: build/provider/src/main.js is missing (make build)" >&2; exit 1; }
[[ -x $LAUNCHER ]] || { echo "dist-plugin: $LAUNCHER is missing" >&2; exit 1; }

# Production node_modules, cached by package-lock.json's content (npm ci takes a while).
DEPS=$ROOT/build/dist/plugin-deps
LOCK_SUM=$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)
if [[ ! -f $DEPS/.lock-sha256 || $(cat "$DEPS/.lock-sha256") != "$LOCK_SUM" ]]; then
  echo "dist-plugin: npm ci --omit=dev (production dependencies)" >&2
  rm -rf "$DEPS" && mkdir -p "$DEPS"
  cp "$ROOT/package.json" "$ROOT/package-lock.json" "$DEPS/"
  (cd "$DEPS" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --prefer-offline --loglevel=error)
  printf '%s\n' "$LOCK_SUM" >"$DEPS/.lock-sha256"
fi

STAGE=$ROOT/build/dist/plugin
rm -rf "$STAGE" && mkdir -p "$STAGE/build/provider"
cp "$LAUNCHER" "$STAGE/"
cp -R "$ROOT/build/provider/src" "$STAGE/build/provider/src"
find "$STAGE/build" -type f ! -name '*.js' ! -name '*.sh' -delete
cp "$ROOT/schema.json" "$ROOT/package.json" "$STAGE/"
cp -R "$DEPS/node_modules" "$STAGE/node_modules"
# Type declarations and source maps are never loaded at run time; they are half of node_modules.
find "$STAGE/node_modules" -type f \( -name '*.d.ts' -o -name '*.d.mts' -o -name '*.d.cts' -o -name '*.map' \) -delete
[[ -f $STAGE/build/provider/src/activation/activate.sh ]] || { echo "dist-plugin: activate.sh was not staged" >&2; exit 1; }

mkdir -p "$OUT"
TARBALL=$(cd "$OUT" && pwd)/pulumi-resource-$NAME-v$VERSION-linux-amd64.tar.gz
# Reproducible: sorted names, fixed owner and time.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$STAGE" -czf "$TARBALL.tmp" .
mv -f "$TARBALL.tmp" "$TARBALL"
printf '%s\n' "$TARBALL"

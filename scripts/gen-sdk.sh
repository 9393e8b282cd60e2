#!/usr/bin/env bash
# Generate the nodejs, python and go SDKs from schema.json.
#
#   scripts/gen-sdk.sh OUTDIR [SCHEMA]   writes OUTDIR/nodejs, OUTDIR/python, OUTDIR/go, OUTDIR/go.mod + go.sum
#                                         from SCHEMA (default: schema.json at the repository root)
#   scripts/gen-sdk.sh --build           only build the generator; print its path
#
# Upstream this is `pulumi package gen-sdk schema.json --language L --out OUTDIR --version V` for each
# L. That command hands generation to the language host pulumi-language-L, and those host modules
# cannot be had from the module proxy reachable here (scripts/versions.env). So a small Go program,
# scripts/gen-sdk, depends on github.com/pulumi/pulumi/pkg/v3 at PULUMI_CLI_VERSION and makes the
# same codegen calls the hosts make (same tool names, same output). The version stamped into the
# SDKs is package.json's "version".
#
# OUTDIR/go.mod (module <importBasePath minus /go/<pkg>>, requiring github.com/pulumi/pulumi/sdk/v3
# at PULUMI_GO_SDK_VERSION) is written and tidied here, so OUTDIR is a complete copy of sdk/: the
# drift test generates into a temporary OUTDIR and compares it with sdk/.
#
# PULUMI_GO_SDK_VERSION from versions.env, not PULUMI_VERSION: the proxy
# here serves github.com/pulumi/pulumi/sdk/v3 up to v3.274.1, but from v3.264.0 on sdk/v3 requires
# github.com/pulumi/pulumi-cloud-sdk/go (refused at every version) and from v3.268.0 on
# github.com/go-git/go-git/v6@v6.0.0-beta.1 (refused; alpha.4 is the newest served). v3.263.0 is the
# newest sdk/v3 whose whole module graph can be downloaded, so Go programs build against it.
#
# Environment: DSPL_GEN_SDK_BIN  where the generator binary is built (default build/tools/gen-sdk)
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=versions.env
source "$ROOT/scripts/versions.env"

[[ $# -eq 1 || $# -eq 2 ]] || { echo "usage: scripts/gen-sdk.sh OUTDIR [SCHEMA] | --build" >&2; exit 2; }
BUILD_ONLY=0
[[ $1 == --build ]] && BUILD_ONLY=1
SCHEMA=$(cd -- "$(dirname -- "${2:-$ROOT/schema.json}")" && pwd)/$(basename -- "${2:-$ROOT/schema.json}")

GO_SDK_VERSION=${PULUMI_GO_SDK_VERSION:?scripts/versions.env must set PULUMI_GO_SDK_VERSION}
export GOTOOLCHAIN=local
GEN=${DSPL_GEN_SDK_BIN:-$ROOT/build/tools/gen-sdk}
log() { printf 'gen-sdk: %s\n' "$*" >&2; }

VERSION=$(sed -n 's/^[[:space:]]*"version":[[:space:]]*"\([^"]*\)".*/\1/p' "$ROOT/package.json" | head -n 1)
[[ -n $VERSION ]] || { log "no version in package.json"; exit 1; }

# ---- the generator (go build is incremental; the first build compiles pkg/v3's codegen, a few minutes)
t0=$SECONDS
if [[ ! -x $GEN ]]; then log "building the generator (first time: pkg/v3@v$PULUMI_CLI_VERSION codegen, a few minutes) ..."; fi
mkdir -p "$(dirname -- "$GEN")"
( cd "$ROOT/scripts/gen-sdk" && GOFLAGS="-mod=readonly -buildvcs=false" go build -o "$GEN" . )
if (( SECONDS - t0 > 5 )); then log "generator built in $((SECONDS - t0))s"; fi
if (( BUILD_ONLY )); then printf '%s\n' "$GEN"; exit 0; fi

OUT=$1
mkdir -p "$OUT"
OUT=$(cd -- "$OUT" && pwd)

# ---- the SDKs
"$GEN" -schema "$SCHEMA" -out "$OUT" -version "$VERSION" -languages nodejs,python,go

# ---- sdk/go.mod: the Go SDK's module root is OUTDIR (importBasePath .../sdk/go/<pkg>)
IMPORT_BASE=$(sed -n 's/.*"importBasePath":[[:space:]]*"\([^"]*\)".*/\1/p' "$SCHEMA" | head -n 1)
MODULE=${IMPORT_BASE%/go/*}
[[ -n $IMPORT_BASE && $MODULE != "$IMPORT_BASE" ]] || { log "schema.json language.go.importBasePath must be <module>/go/<package>"; exit 1; }
rm -f "$OUT/go.mod" "$OUT/go.sum"
cat >"$OUT/go.mod" <<GOMOD
module $MODULE

go 1.26.6

require github.com/pulumi/pulumi/sdk/v3 v$GO_SDK_VERSION
GOMOD
( cd "$OUT" && GOFLAGS=-mod=mod go mod tidy )
log "SDKs for v$VERSION written to $OUT (go module $MODULE, github.com/pulumi/pulumi/sdk/v3 v$GO_SDK_VERSION)"

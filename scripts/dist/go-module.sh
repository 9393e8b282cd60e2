#!/usr/bin/env bash
# The Go SDK as a module version in a GOPROXY file tree (what a module proxy serves for a release
# tag sdk/v<version> of this repository):
#
#   scripts/dist/go-module.sh PROXY_DIR
#
# The module is sdk/ (sdk/go.mod); its zip holds the files a tag would (git's tracked and untracked,
# not ignored, files under sdk/: no build products), made by scripts/dist/gomodzip with
# golang.org/x/mod/zip. A Go user then runs, in a project:
#   GOPROXY=file://PROXY_DIR,https://proxy.golang.org GONOSUMDB=<module> go get <module>@v<version>
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)
OUT=${1:?usage: scripts/dist/go-module.sh PROXY_DIR}
VERSION=v$(node -p 'require(process.argv[1]).version' "$ROOT/package.json")
MODULE=$(sed -n 's/^module[[:space:]]\{1,\}//p' "$ROOT/sdk/go.mod")
[[ -n $MODULE ]] || { echo "dist-go: no module line in sdk/go.mod" >&2; exit 1; }

STAGE=$ROOT/build/dist/go-module
rm -rf "$STAGE" && mkdir -p "$STAGE"
(cd "$ROOT" && git ls-files -z --cached --others --exclude-standard -- sdk) | while IFS= read -r -d '' f; do
  [[ -f $ROOT/$f ]] || continue   # deleted in the work tree
  mkdir -p "$STAGE/$(dirname -- "${f#sdk/}")"
  cp -p "$ROOT/$f" "$STAGE/${f#sdk/}"
done

mkdir -p "$OUT"
OUT=$(cd -- "$OUT" && pwd)
rm -rf "${OUT:?}/${MODULE:?}"   # module paths here are lower case, so no escaping is involved
(cd "$ROOT/scripts/dist/gomodzip" && GOTOOLCHAIN=local GOFLAGS="-mod=readonly -buildvcs=false" \
  go run . -dir "$STAGE" -module "$MODULE" -version "$VERSION" -out "$OUT")
echo "dist-go: $MODULE@$VERSION in $OUT ($(du -h "$OUT/$MODULE/@v/$VERSION.zip" | cut -f1) zip)" >&2

#!/usr/bin/env bash
# scripts/toolchain.sh's source archives: where the folder is found, and that a checksum that does
# not match SHA256SUMS stops the build (scripts/toolchain/archives.sh). Offline: the last case runs
# toolchain.sh with GOPROXY=off, so the proxy is refused at once and the archive is used.
#
#   tests/toolchain/archives.sh
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=../../scripts/versions.env
source "$ROOT/scripts/versions.env"
# shellcheck source=../../scripts/toolchain/archives.sh
source "$ROOT/scripts/toolchain/archives.sh"
log() { :; }
die() { printf '%s\n' "$*" >&2; exit 1; }
with_src() { DSPL_PULUMI_SRC=$1 archives_dir "$2"; }

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0 failed=0
ok() { echo "  ok: $*"; passed=$((passed + 1)); }
bad() { echo "  FAIL: $*"; failed=$((failed + 1)); }
# expect_error DESCRIPTION TEXT COMMAND...: the command fails and its stderr contains TEXT.
expect_error() {
  local what=$1 text=$2; shift 2
  if ("$@") >/dev/null 2>"$TMP/err"; then bad "$what: succeeded"; return; fi
  if grep -qF -- "$text" "$TMP/err"; then ok "$what"; else bad "$what: said: $(cat "$TMP/err")"; fi
}

# A copy of the real folder, found as shared/pulumi-src beside an ancestor of a nested "clone".
SRC=$(archives_dir "$ROOT")
mkdir -p "$TMP/work/shared/pulumi-src" "$TMP/work/clones/a/repo"
cp "$SRC"/pulumi-*.tar.gz "$SRC/SHA256SUMS" "$TMP/work/shared/pulumi-src/"
COPY=$TMP/work/shared/pulumi-src
# check DESCRIPTION ACTUAL EXPECTED
same() { if [[ $2 == "$3" ]]; then ok "$1"; else bad "$1: got '$2', expected '$3'"; fi; }
same "found as shared/pulumi-src beside an ancestor of the repository" "$(with_src '' "$TMP/work/clones/a/repo")" "$COPY"
same "DSPL_PULUMI_SRC wins" "$(with_src "$COPY" /)" "$COPY"
expect_error "a DSPL_PULUMI_SRC without SHA256SUMS is an error that names the variable" "DSPL_PULUMI_SRC=$TMP holds no SHA256SUMS" \
  with_src "$TMP" /

HOSTS=pulumi-language-hosts-v$PULUMI_CLI_VERSION.tar.gz
CMD=pulumi-command-v$PULUMI_COMMAND_VERSION.tar.gz
same "archive_verify accepts $HOSTS and prints its sum" "$(archive_verify "$COPY" "$HOSTS")" "$(sha256sum "$COPY/$HOSTS" | cut -d' ' -f1)"

# A changed checksum line, a missing line, a changed archive: each a hard error.
BAD=$TMP/bad && mkdir -p "$BAD" && cp "$COPY"/* "$BAD/"
sed -i "s/^[0-9a-f]\{64\}  $CMD\$/$(printf '0%.0s' {1..64})  $CMD/" "$BAD/SHA256SUMS"
expect_error "a checksum other than SHA256SUMS's is an error" "checksum mismatch for $BAD/$CMD" archive_verify "$BAD" "$CMD"
grep -v " $HOSTS\$" "$BAD/SHA256SUMS" >"$BAD/SUMS" && mv "$BAD/SUMS" "$BAD/SHA256SUMS"
expect_error "an archive without a SHA256SUMS line is an error" "has no line for $HOSTS" archive_verify "$BAD" "$HOSTS"
cp "$COPY/SHA256SUMS" "$BAD/SHA256SUMS" && printf 'x' >>"$BAD/$HOSTS"
expect_error "a modified archive is an error" "checksum mismatch for $BAD/$HOSTS" archive_verify "$BAD" "$HOSTS"

# The real script, end to end: the proxy refused (GOPROXY=off), the archive's sum wrong -> no build.
cp "$COPY/$HOSTS" "$BAD/$HOSTS"
sed -i "s/^[0-9a-f]\{64\}  $CMD\$/$(printf '0%.0s' {1..64})  $CMD/" "$BAD/SHA256SUMS"
expect_error "toolchain.sh stops at a checksum mismatch, before building" "checksum mismatch for $BAD/$CMD" \
  env GOPROXY=off DSPL_PULUMI_SRC="$BAD" DSPL_TOOLCHAIN_CACHE="$TMP/cache" DSPL_TOOLCHAIN_BINARIES=pulumi-resource-command \
  bash "$ROOT/scripts/toolchain.sh"
if [[ -e $TMP/cache/pulumi-v$PULUMI_CLI_VERSION-command-v$PULUMI_COMMAND_VERSION/bin/pulumi-resource-command ]]; then
  bad "a binary was installed despite the mismatch"
else
  ok "nothing was installed into the cache"
fi

echo "toolchain-archives: $passed passed, $failed failed"
(( failed == 0 ))

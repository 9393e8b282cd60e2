#!/usr/bin/env bash
# Build the Pulumi toolchain (CLI, language hosts, command provider) and cache it by version.
#
#   scripts/toolchain.sh              build whatever is missing, report progress on stderr
#   scripts/toolchain.sh --print-bin  the same, then print only the bin directory on stdout:
#                                     PATH="$(scripts/toolchain.sh --print-bin):$PATH"
#
# Versions come from scripts/versions.env and nothing else. Sources: the Go module proxy where it
# serves them (the CLI always; the language hosts and the command provider by the pseudo-versions in
# versions.env), else the unmodified source archives of the shared pulumi-src folder, checked against
# its SHA256SUMS (see scripts/toolchain/archives.sh for where it is looked for). Binaries land in
#   ${DSPL_TOOLCHAIN_CACHE:-$HOME/.cache/datasync-privatelink/toolchain}/
#     pulumi-v$PULUMI_CLI_VERSION-command-v$PULUMI_COMMAND_VERSION/bin/
# each moved into place only once fully built; PROVENANCE beside bin/ says where each came from.
# Go's module and build caches are kept; they make reruns fast. Environment:
#   DSPL_TOOLCHAIN_CACHE     cache root (default above)
#   DSPL_TOOLCHAIN_BINARIES  comma-separated binaries to build, or "all" (default: versions.env)
#   DSPL_TOOLCHAIN_JOBS      go build -p (default: number of CPUs)
#   DSPL_TOOLCHAIN_HEARTBEAT seconds between progress lines during a build (default 30)
#   DSPL_PULUMI_SRC          the folder of source archives (default: found as described above)
#   DSPL_PULUMI_BIN          use this directory (e.g. a normal Pulumi installation's) instead of
#                            building: it must hold every selected binary; nothing is built or cached
set -euo pipefail

SCRIPT_DIR=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname -- "$SCRIPT_DIR")
# shellcheck source=versions.env
source "$SCRIPT_DIR/versions.env"
# shellcheck source=toolchain/archives.sh
source "$SCRIPT_DIR/toolchain/archives.sh"

print_bin=0
case "${1:-}" in
  "") ;;
  --print-bin) print_bin=1 ;;
  -h|--help) sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "toolchain: unknown argument: $1 (try --help)" >&2; exit 2 ;;
esac

ALL_BINARIES=(pulumi pulumi-language-nodejs pulumi-language-python pulumi-language-go pulumi-resource-command)
START=$SECONDS

log() { printf 'toolchain: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
fmt_dur() {
  local s=$1
  if (( s >= 3600 )); then printf '%dh%02dm%02ds' $((s / 3600)) $((s % 3600 / 60)) $((s % 60))
  elif (( s >= 60 )); then printf '%dm%02ds' $((s / 60)) $((s % 60))
  else printf '%ds' "$s"; fi
}
elapsed() { fmt_dur $((SECONDS - START)); }

# ---- what to build --------------------------------------------------------------------------
wanted_spec=${DSPL_TOOLCHAIN_BINARIES:-$TOOLCHAIN_BINARIES}
WANTED=()
if [[ $wanted_spec == all ]]; then
  WANTED=("${ALL_BINARIES[@]}")
else
  IFS=',' read -r -a _req <<<"$wanted_spec"
  for b in "${ALL_BINARIES[@]}"; do          # keep the canonical order
    for r in "${_req[@]}"; do [[ ${r// /} == "$b" ]] && WANTED+=("$b"); done
  done
  for r in "${_req[@]}"; do
    r=${r// /}; [[ -z $r ]] && continue
    [[ " ${ALL_BINARIES[*]} " == *" $r "* ]] || die "unknown binary '$r' in TOOLCHAIN_BINARIES/DSPL_TOOLCHAIN_BINARIES"
  done
fi
(( ${#WANTED[@]} > 0 )) || die "no binaries selected"

CACHE_ROOT=${DSPL_TOOLCHAIN_CACHE:-$HOME/.cache/datasync-privatelink/toolchain}
TC_DIR="$CACHE_ROOT/pulumi-v$PULUMI_CLI_VERSION-command-v$PULUMI_COMMAND_VERSION"
BIN="$TC_DIR/bin"
STAMP="$TC_DIR/.complete"
PROVENANCE="$TC_DIR/PROVENANCE"

# Files a binary consists of (the python host needs its exec script beside it).
files_of() {
  case $1 in
    pulumi-language-python) echo "pulumi-language-python pulumi-language-python-exec" ;;
    *) echo "$1" ;;
  esac
}
have() {
  local f
  for f in $(files_of "$1"); do [[ -x "$BIN/$f" && -s "$BIN/$f" ]] || return 1; done
}
pulumi_version_ok() {
  local v
  v=$(PULUMI_SKIP_UPDATE_CHECK=true "$BIN/pulumi" version 2>/dev/null) || return 1
  [[ $v == "v$PULUMI_CLI_VERSION" ]]
}
stamp_text() {
  printf 'pulumi=v%s commit=%s hosts=%s command=v%s (%s@%s)\nbinaries=%s\n' \
    "$PULUMI_CLI_VERSION" "$PULUMI_CLI_COMMIT" "$PULUMI_HOSTS_PSEUDO" "$PULUMI_COMMAND_VERSION" \
    "$PULUMI_COMMAND_MODULE" "$PULUMI_COMMAND_PSEUDO" "${WANTED[*]}"
}
all_present() {
  local b
  for b in "${WANTED[@]}"; do have "$b" || return 1; done
  if [[ " ${WANTED[*]} " == *" pulumi "* ]]; then pulumi_version_ok || return 1; fi
}
finish() {
  [[ -f $STAMP && "$(cat "$STAMP")" == "$(stamp_text)" ]] || { stamp_text >"$STAMP.$$" && mv -f "$STAMP.$$" "$STAMP"; }
  if (( print_bin )); then printf '%s\n' "$BIN"; fi
  exit 0
}

# ---- a toolchain someone else installed -------------------------------------------------------
if [[ -n ${DSPL_PULUMI_BIN:-} ]]; then
  BIN=$(cd -- "$DSPL_PULUMI_BIN" 2>/dev/null && pwd) || die "DSPL_PULUMI_BIN=$DSPL_PULUMI_BIN is not a directory"
  for b in "${WANTED[@]}"; do
    have "$b" || die "DSPL_PULUMI_BIN=$BIN lacks $(files_of "$b") (needed: ${WANTED[*]}; link the command provider in from \$PULUMI_HOME/plugins/resource-command-v$PULUMI_COMMAND_VERSION, or narrow DSPL_TOOLCHAIN_BINARIES)"
  done
  if [[ " ${WANTED[*]} " == *" pulumi "* ]] && ! pulumi_version_ok; then
    log "note: $BIN/pulumi is $(PULUMI_SKIP_UPDATE_CHECK=true "$BIN/pulumi" version 2>/dev/null || echo unknown), not the pinned v$PULUMI_CLI_VERSION"
  fi
  log "using DSPL_PULUMI_BIN=$BIN (nothing built)"
  if (( print_bin )); then printf '%s\n' "$BIN"; fi
  exit 0
fi

# ---- fast path --------------------------------------------------------------------------------
if all_present; then
  log "up to date ($TC_DIR)"
  mkdir -p "$TC_DIR"
  finish
fi

command -v go >/dev/null || die "go is not on PATH"
mkdir -p "$BIN"

# One build at a time per toolchain directory (make -j, two shells).
exec 9>"$TC_DIR/.lock"
if ! flock -n 9; then
  log "another toolchain build holds $TC_DIR/.lock; waiting ..."
  flock 9
fi
if all_present; then log "up to date ($TC_DIR)"; finish; fi

WORK=$(mktemp -d "$TC_DIR/.work.XXXXXX")   # same filesystem as bin/: mv is an atomic rename
SRC="$WORK/src"
OUT="$WORK/out"
mkdir -p "$SRC" "$OUT"
BUILD_PID=
# shellcheck disable=SC2317  # run by the EXIT trap
cleanup() {
  local rc=$?
  if [[ -n ${BUILD_PID:-} ]] && kill -0 "$BUILD_PID" 2>/dev/null; then
    kill -- "-$BUILD_PID" 2>/dev/null || kill "$BUILD_PID" 2>/dev/null || true
    wait "$BUILD_PID" 2>/dev/null || true
  fi
  if [[ -n ${WORK:-} && -d $WORK ]]; then chmod -R u+w "$WORK" 2>/dev/null || true; rm -rf "$WORK"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod
JOBS=${DSPL_TOOLCHAIN_JOBS:-$(nproc 2>/dev/null || echo 2)}
HEARTBEAT=${DSPL_TOOLCHAIN_HEARTBEAT:-30}
VERSION_PKG=github.com/pulumi/pulumi/sdk/v3/go/common/version.Version

TODO=()
for b in "${WANTED[@]}"; do have "$b" || TODO+=("$b"); done
if [[ " ${TODO[*]} " != *" pulumi "* && " ${WANTED[*]} " == *" pulumi "* ]] && ! pulumi_version_ok; then
  log "$BIN/pulumi does not report v$PULUMI_CLI_VERSION; rebuilding it"
  TODO=(pulumi "${TODO[@]}")
fi
log "building ${TODO[*]} into $BIN (go build -p $JOBS; Go module/build caches: $(go env GOMODCACHE), $(go env GOCACHE))"

# ---- sources ----------------------------------------------------------------------------------
# try_fetch MODULE VERSION DEST: go mod download, copy its Dir to $SRC/DEST (writable), once.
# On failure returns 1 with the proxy's reason in FETCH_ERROR.
declare -A FETCHED=()
declare -A ORIGIN=()    # binary -> where its source came from (PROVENANCE)
FETCH_ERROR=
try_fetch() {
  local mod=$1 ver=$2 dest=$3 json dir
  [[ -n ${FETCHED[$dest]:-} ]] && return 0
  log "  fetching $mod@$ver -> src/$dest"
  if ! json=$(cd "$WORK" && GOFLAGS='' go mod download -json "$mod@$ver" 2>&1); then
    FETCH_ERROR=$(sed -n 's/^[[:space:]]*"Error": "\(.*\)",\{0,1\}$/\1/p' <<<"$json" | sed 's/\\n/ /g; s/\\t/ /g')
    FETCH_ERROR=${FETCH_ERROR:-$json}
    return 1
  fi
  dir=$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p' <<<"$json")
  [[ -n $dir && -d $dir ]] || { FETCH_ERROR="no source directory for $mod@$ver"; return 1; }
  mkdir -p "$SRC/$dest"
  cp -R "$dir/." "$SRC/$dest/"
  chmod -R u+w "$SRC/$dest"
  FETCHED[$dest]=1
}
fetch() { # the same, fatal: MODULE VERSION DEST FOR
  try_fetch "$1" "$2" "$3" || die "cannot build $4: the module proxy did not serve $1@$2: $FETCH_ERROR"
}
# from_archive FILE PREFIX FOR: unpack a verified archive over $SRC (it has the monorepo's layout
# below PREFIX), once; the folder is looked up on first use only.
ARCHIVES=
from_archive() {
  local file=$1 prefix=$2 for=$3 dest=$SRC
  [[ $file == pulumi-command-* ]] && dest=$SRC/pulumi-command
  if [[ -z ${FETCHED[$file]:-} ]]; then
    [[ -n $ARCHIVES ]] || ARCHIVES=$(archives_dir "$ROOT")
    log "  source archive $ARCHIVES/$file (for $for)"
    archive_extract "$ARCHIVES" "$file" "$prefix" "$dest"
    FETCHED[$file]=1
  fi
  ORIGIN[$for]="archive $ARCHIVES/$file (sha256 $(archive_verify "$ARCHIVES" "$file"))"
}
fetch_monorepo() { # pkg and sdk side by side, as in the upstream repository
  fetch github.com/pulumi/pulumi/sdk/v3 "v$PULUMI_CLI_VERSION" sdk "$1"
  fetch github.com/pulumi/pulumi/pkg/v3 "v$PULUMI_CLI_VERSION" pkg "$1"
}
# proxy_or_archive FOR MODULE PSEUDO DEST FILE PREFIX: the module proxy first, else the archive.
proxy_or_archive() {
  local for=$1 mod=$2 ver=$3 dest=$4 file=$5 prefix=$6
  if try_fetch "$mod" "$ver" "$dest"; then
    ORIGIN[$for]="module proxy $mod@$ver"
  else
    log "  the module proxy did not serve $mod@$ver ($FETCH_ERROR); using the source archive"
    from_archive "$file" "$prefix" "$for"
  fi
}

# ---- build ------------------------------------------------------------------------------------
# go_build NAME STEP DIR PACKAGE LDFLAGS: builds $OUT/NAME, heartbeat on stderr, log tail on failure.
go_build() {
  local name=$1 step=$2 dir=$3 pkg=$4 ldflags=$5 logf="$WORK/$1.build.log" t0=$SECONDS next rc
  log "$step go build $name (in src/${dir#"$SRC"/}) ..."
  set -m   # own process group, so cleanup can stop the compiler too
  ( cd "$dir" && exec go build -p "$JOBS" -trimpath -buildvcs=false -tags osusergo,grpcnotrace \
      -ldflags "$ldflags" -o "$OUT/$name" "$pkg" ) >"$logf" 2>&1 &
  BUILD_PID=$!
  set +m
  next=$((SECONDS + HEARTBEAT))
  while kill -0 "$BUILD_PID" 2>/dev/null; do
    sleep 2
    if (( SECONDS >= next )) && kill -0 "$BUILD_PID" 2>/dev/null; then
      log "$step ... still building $name ($(fmt_dur $((SECONDS - t0))) this step, elapsed $(elapsed))"
      next=$((SECONDS + HEARTBEAT))
    fi
  done
  rc=0; wait "$BUILD_PID" || rc=$?
  BUILD_PID=
  if (( rc != 0 )) || [[ ! -s $OUT/$name ]]; then
    log "---- last 40 lines of the go build log for $name ----"
    tail -n 40 "$logf" >&2
    die "go build of $name failed (exit $rc)"
  fi
  STEP_TIME[$name]=$((SECONDS - t0))
}
install_bin() { # atomic: rename within the same filesystem
  chmod 0755 "$OUT/$1"
  mv -f "$OUT/$1" "$BIN/$1"
}
declare -A STEP_TIME=()

host_rel() { # where a language host's module sits in the monorepo
  case $1 in
    pulumi-language-go) echo sdk/go/pulumi-language-go ;;
    *) local lang=${1#pulumi-language-}; echo "sdk/$lang/cmd/pulumi-language-$lang" ;;
  esac
}
CMD_SRC=pulumi-command/provider

# All sources first, so a module the proxy will not serve fails in seconds, not after a long build.
fetch_sources() {
  local b=$1 rel
  case $b in
    pulumi)
      fetch_monorepo "$b"
      ORIGIN[$b]="module proxy github.com/pulumi/pulumi/pkg/v3@v$PULUMI_CLI_VERSION (+ sdk/v3)"
      ;;
    pulumi-language-*)
      rel=$(host_rel "$b")
      fetch_monorepo "$b"
      proxy_or_archive "$b" "github.com/pulumi/pulumi/$rel/v3" "$PULUMI_HOSTS_PSEUDO" "$rel" \
        "pulumi-language-hosts-v$PULUMI_CLI_VERSION.tar.gz" "pulumi-v$PULUMI_CLI_VERSION"
      [[ -f $SRC/$rel/go.mod ]] || die "cannot build $b: no $rel/go.mod in its source"
      ;;
    pulumi-resource-command)
      proxy_or_archive "$b" "$PULUMI_COMMAND_MODULE" "$PULUMI_COMMAND_PSEUDO" "$CMD_SRC" \
        "pulumi-command-v$PULUMI_COMMAND_VERSION.tar.gz" "pulumi-command-v$PULUMI_COMMAND_VERSION"
      grep -qs '^var Version\b' "$SRC/$CMD_SRC/pkg/version/version.go" \
        || die "cannot stamp $b: $PULUMI_COMMAND_MODULE/pkg/version.Version not found in $PULUMI_COMMAND_MODULE@$PULUMI_COMMAND_PSEUDO"
      [[ -d $SRC/$CMD_SRC/cmd/pulumi-resource-command ]] \
        || die "cannot build $b: no cmd/pulumi-resource-command in $PULUMI_COMMAND_MODULE@$PULUMI_COMMAND_PSEUDO"
      ;;
  esac
}

build_one() {
  local b=$1 step=$2 t0=$SECONDS rel
  log "$step building $b ... (elapsed $(elapsed))"
  case $b in
    pulumi)
      go_build pulumi "$step" "$SRC/pkg" ./cmd/pulumi "-s -w -X $VERSION_PKG=v$PULUMI_CLI_VERSION"
      install_bin pulumi
      pulumi_version_ok || die "built pulumi does not report v$PULUMI_CLI_VERSION"
      ;;
    pulumi-language-*)
      rel=$(host_rel "$b")
      go_build "$b" "$step" "$SRC/$rel" . "-s -w -X $VERSION_PKG=v$PULUMI_CLI_VERSION"
      if [[ $b == pulumi-language-python ]]; then
        local exe="$SRC/sdk/python/cmd/pulumi-language-python-exec"
        [[ -f $exe ]] || die "pulumi-language-python-exec is missing from sdk/v3@v$PULUMI_CLI_VERSION"
        cp "$exe" "$OUT/pulumi-language-python-exec"
        install_bin pulumi-language-python-exec   # before the host: the host's presence implies both
      fi
      install_bin "$b"
      ;;
    pulumi-resource-command)
      go_build "$b" "$step" "$SRC/$CMD_SRC" ./cmd/pulumi-resource-command \
        "-s -w -X $PULUMI_COMMAND_MODULE/pkg/version.Version=v$PULUMI_COMMAND_VERSION"
      install_bin "$b"
      ;;
  esac
  record_provenance "$b"
  log "$step $b done in $(fmt_dur $((SECONDS - t0))) (elapsed $(elapsed))"
}
record_provenance() { # one line per binary, replaced atomically
  local tmp="$PROVENANCE.$$"
  { grep -v "^$1: " "$PROVENANCE" 2>/dev/null || true
    printf '%s: %s, built %s with %s\n' "$1" "${ORIGIN[$1]:-unknown}" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(go env GOVERSION)"
  } >"$tmp"
  mv -f "$tmp" "$PROVENANCE"
}

log "fetching sources ..."
for b in "${TODO[@]}"; do fetch_sources "$b"; done
n=${#TODO[@]} i=0
for b in "${TODO[@]}"; do
  i=$((i + 1))
  build_one "$b" "[$i/$n]"
done

all_present || die "toolchain incomplete after building (see above)"
summary=""
for b in "${TODO[@]}"; do summary+=" $b $(fmt_dur "${STEP_TIME[$b]:-0}");"; done
log "built:${summary%;}; total $(elapsed)"
log "ready: $BIN"
finish

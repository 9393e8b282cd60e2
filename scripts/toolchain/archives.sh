# shellcheck shell=bash
# Sourced by scripts/toolchain.sh: the unmodified Pulumi source archives (a folder holding
# pulumi-language-hosts-v<cli>.tar.gz, pulumi-command-v<command>.tar.gz and SHA256SUMS), used for the
# binaries the Go module proxy does not serve. Needs log/die from the caller.

# The archive folder: $DSPL_PULUMI_SRC, else shared/pulumi-src beside the repository or beside any
# of its ancestors (a worktree or a clone in a subdirectory), else /work/shared/pulumi-src. CI runs on
# a clean clone that may live in /tmp, hence the fixed last resort. Prints the folder.
archives_dir() {
  local root=$1 d tried=()
  if [[ -n ${DSPL_PULUMI_SRC:-} ]]; then
    [[ -f $DSPL_PULUMI_SRC/SHA256SUMS ]] || die "DSPL_PULUMI_SRC=$DSPL_PULUMI_SRC holds no SHA256SUMS (it must be the folder with the Pulumi source archives)"
    printf '%s\n' "$DSPL_PULUMI_SRC"; return 0
  fi
  d=$root
  while [[ $d != / ]]; do
    d=$(dirname -- "$d")
    tried+=("$d/shared/pulumi-src")
    [[ -f $d/shared/pulumi-src/SHA256SUMS ]] && { printf '%s\n' "$d/shared/pulumi-src"; return 0; }
  done
  tried+=(/work/shared/pulumi-src)
  [[ -f /work/shared/pulumi-src/SHA256SUMS ]] && { printf '%s\n' /work/shared/pulumi-src; return 0; }
  die "no Pulumi source archives found (looked for SHA256SUMS in: ${tried[*]}). Set DSPL_PULUMI_SRC to the folder holding $(archive_names) and SHA256SUMS."
}

archive_names() { printf '%s' "pulumi-language-hosts-v$PULUMI_CLI_VERSION.tar.gz, pulumi-command-v$PULUMI_COMMAND_VERSION.tar.gz"; }

# archive_verify DIR FILE: the file's SHA-256 must equal its line in DIR/SHA256SUMS; anything else
# (no file, no line, a different sum) is a hard error. Prints the sum.
archive_verify() {
  local dir=$1 file=$2 want got
  [[ -f $dir/$file ]] || die "$dir/$file is missing"
  want=$(awk -v f="$file" '$2 == f || $2 == "*" f { print $1; exit }' "$dir/SHA256SUMS")
  [[ -n $want ]] || die "$dir/SHA256SUMS has no line for $file"
  got=$(sha256sum -- "$dir/$file" | cut -d' ' -f1)
  [[ $got == "$want" ]] || die "checksum mismatch for $dir/$file: SHA256SUMS says $want, the file is $got"
  printf '%s\n' "$got"
}

# archive_extract DIR FILE PREFIX DEST: verified, then unpacked into DEST without its top directory
# PREFIX (which must be the archive's only top-level entry).
archive_extract() {
  local dir=$1 file=$2 prefix=$3 dest=$4 sum tops
  sum=$(archive_verify "$dir" "$file")
  tops=$(tar -tzf "$dir/$file" | cut -d/ -f1 | sort -u)
  [[ $tops == "$prefix" ]] || die "$dir/$file: expected one top-level directory $prefix, found: $(tr '\n' ' ' <<<"$tops")"
  mkdir -p "$dest"
  tar -xzf "$dir/$file" --no-same-owner --strip-components=1 -C "$dest"
  chmod -R u+w "$dest"
  log "  unpacked $file (sha256 $sum, checked against SHA256SUMS)"
}

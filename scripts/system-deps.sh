#!/usr/bin/env bash
# System packages the tests need beyond Node, Python and Go: curl (the activation script), busybox
# (the script is also tested under busybox sh) and shellcheck (the script is linted as POSIX sh;
# make lint-shell lints every shell script).
# Installs what is missing from Debian's packages when run as root; otherwise says what to install.
set -euo pipefail
missing=()
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v busybox >/dev/null 2>&1 || missing+=(busybox)
command -v shellcheck >/dev/null 2>&1 || missing+=(shellcheck)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "system-deps: please install: ${missing[*]} (e.g. sudo apt-get install -y ${missing[*]})" >&2
  exit 1
fi
echo "==> system-deps: installing ${missing[*]} (apt-get)" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null

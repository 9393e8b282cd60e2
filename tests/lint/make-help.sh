#!/usr/bin/env bash
# Every public make target (declared .PHONY in the Makefile or mk/*.mk) appears in `make help`,
# which is generated from the `## ` comments after the targets.
set -euo pipefail
cd "$(dirname "$0")/../.."
help=$(make --no-print-directory help)
mapfile -t targets < <(awk '/^\.PHONY:/ { p = 1; sub(/^\.PHONY:/, "") } p { c = sub(/\\$/, ""); print; p = c }' Makefile mk/*.mk |
  tr -s ' \t' '\n' | sed '/^$/d' | sort -u)
(( ${#targets[@]} > 5 )) || { echo "make-help: found only ${#targets[@]} .PHONY targets; the parser is broken" >&2; exit 1; }
missing=()
for t in "${targets[@]}"; do
  grep -qE "^  make $t( |$)" <<<"$help" || missing+=("$t")
done
if (( ${#missing[@]} )); then
  echo "make-help: targets without a '## ' help line: ${missing[*]}" >&2
  exit 1
fi
echo "make-help: all ${#targets[@]} public targets are in make help"

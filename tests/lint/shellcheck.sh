#!/usr/bin/env bash
# Runs shellcheck over every tracked shell script: *.sh files and extensionless files whose first line is
# a sh or bash shebang (the plugin launchers). Settings: .shellcheckrc at the repository root.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v shellcheck >/dev/null || { echo "lint-shell: shellcheck is missing (make system-deps)" >&2; exit 1; }
files=()
while IFS= read -r f; do
  [[ -f $f ]] || continue
  if [[ $f == *.sh ]] || head -n 1 -- "$f" | grep -qE '^#! */(usr/)?bin/(env +)?(ba|da)?sh\b'; then files+=("$f"); fi
done < <(git ls-files --cached --others --exclude-standard)
(( ${#files[@]} > 0 )) || { echo "lint-shell: no shell scripts found" >&2; exit 1; }
shellcheck "${files[@]}"
echo "lint-shell: shellcheck clean: ${#files[@]} scripts"

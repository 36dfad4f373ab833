#!/usr/bin/env bash
# Creates the Python tools of the AWS test layers once, in git-ignored virtual environments:
#   .venv/aws-tools/moto     the local AWS emulator (moto's server), for test/apply
#   .venv/aws-tools/checkov  the static checker, for test/checkov
# Versions are pinned in test/aws-tools/*.requirements.txt; a venv is rebuilt when its file changes.
# Fails (non-zero) when python3, venv or the package index is not available: never skips.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=.venv/aws-tools
PYTHON=${PYTHON:-python3}
mkdir -p "$ROOT"
exec 9>"$ROOT/.lock"
flock 9

install() {
  local name=$1
  local req=test/aws-tools/$name.requirements.txt
  local dir=$ROOT/$name
  local sum
  sum=$(sha256sum "$req" | cut -d' ' -f1)
  if [ -f "$dir/.installed" ] && [ "$(cat "$dir/.installed")" = "$sum" ]; then
    return 0
  fi
  echo "aws-tools: creating $dir from $req"
  rm -rf "$dir"
  "$PYTHON" -m venv "$dir"
  "$dir/bin/python" -m pip install --disable-pip-version-check --quiet --no-input -r "$req"
  echo "$sum" > "$dir/.installed"
}

for name in "${@:-moto checkov}"; do
  for n in $name; do install "$n"; done
done

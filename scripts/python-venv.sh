#!/usr/bin/env bash
# Creates (or refreshes) the virtual environment the Python tests run in, .venv/python, with
# the wheel that `npx projen package:python` built into dist/python and the pinned
# dependencies of test/python/requirements.txt. Fails loudly when a piece is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
# The cdktn flavour's venv sets these (projen task python:venv:cdktn).
VENV="${VENV:-.venv/python}"
REQUIREMENTS="${REQUIREMENTS:-test/python/requirements.txt}"
WHEEL_DIR="${WHEEL_DIR:-dist/python}"
WHEEL_PREFIX="${WHEEL_PREFIX:-cdktf_integrations}"

command -v "$PYTHON" >/dev/null || { echo "python-venv: $PYTHON not found: Python 3.10 or newer is needed" >&2; exit 1; }
"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)' \
  || { echo "python-venv: $("$PYTHON" --version) is too old: Python 3.10 or newer is needed" >&2; exit 1; }

shopt -s nullglob
wheels=("$WHEEL_DIR"/"$WHEEL_PREFIX"-*.whl)
[ "${#wheels[@]}" -eq 1 ] || { echo "python-venv: expected one $WHEEL_PREFIX wheel in $WHEEL_DIR, found ${#wheels[@]}: run npx projen package:python (package:cdktn for the cdktn flavour)" >&2; exit 1; }
wheel="${wheels[0]}"

# A venv whose requirements changed is made anew; the wheel is reinstalled every time.
stamp="$VENV/.requirements.sha256"
want="$(sha256sum "$REQUIREMENTS" | cut -d' ' -f1)"
if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$REQUIREMENTS"
  echo "$want" > "$stamp"
fi
rm -f "$VENV/.wheel.sha256"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheel"
# The wheel's own requirements must be met by the pinned set (no silent upgrade).
"$VENV/bin/python" -m pip check
# What the tests check against the wheel (test/python/support.ts).
sha256sum "$wheel" | cut -d' ' -f1 > "$VENV/.wheel.sha256"
echo "python-venv: $(basename "$wheel") installed in $VENV"

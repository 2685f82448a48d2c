#!/usr/bin/env bash
# Builds dist/hromada-desk/ with PyInstaller and runs the bundle's smoke test against a
# temporary data folder: a bundle that cannot open its window never leaves this script.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
"$PY" -m pip install -q 'pyinstaller>=6.3'
"$PY" -m PyInstaller --noconfirm --clean --distpath dist --workpath build installer/hromada-desk.spec
smoke=$(mktemp -d)
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} dist/hromada-desk/hromada-desk --data-dir "$smoke" smoke-test
rm -rf "$smoke"
du -sh dist/hromada-desk

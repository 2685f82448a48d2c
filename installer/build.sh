#!/usr/bin/env bash
# Builds dist/hromada-desk/ with PyInstaller, then runs the bundle's own --self-test in a
# temporary folder (store, window offscreen, a check-in, a report saved as PDF and XLSX): a
# bundle missing a hidden import or a Qt plugin never leaves this script. Prints the size.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
"$PY" -m pip install -q 'pyinstaller>=6.3'
"$PY" installer/make_icons.py >/dev/null
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build \
  installer/hromada-desk.spec
cp installer/hromada-desk.desktop installer/hromada-desk.png dist/hromada-desk/
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} dist/hromada-desk/hromada-desk --self-test
echo "bundle size: $(du -sh dist/hromada-desk | cut -f1) (dist/hromada-desk, unpacked)"

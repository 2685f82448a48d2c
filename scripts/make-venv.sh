#!/usr/bin/env bash
# Creates .venv. Debian ships venv separately (python3-venv); install it when we can.
set -euo pipefail
venv=${1:-.venv}
py=${PYTHON:-python3}
if ! "$py" -m venv "$venv" 2>/dev/null; then
  rm -rf "$venv"
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    ver=$("$py" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq "python${ver}-venv" >/dev/null || apt-get install -y -qq python3-venv >/dev/null
    "$py" -m venv "$venv"
  else
    echo "error: '$py -m venv' does not work; install the python3-venv package and retry." >&2
    exit 1
  fi
fi
"$venv/bin/python" -m pip install -q --upgrade pip

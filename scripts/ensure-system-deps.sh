#!/usr/bin/env bash
# Installs the Debian packages Qt needs (offscreen for tests, xcb for a real window) when they
# are missing. Runs from `make run` / `make test`, so a fresh Debian with python3 and make is
# enough. Does nothing when everything is present; only warns when it cannot install (not root).
set -euo pipefail
want=(libgl1 libegl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3 fonts-dejavu-core
      libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
      libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1 "$@")
command -v dpkg >/dev/null 2>&1 || exit 0   # not Debian: nothing we know how to install
missing=()
for pkg in "${want[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "warning: these system packages are missing; install them with your package manager:" >&2
  echo "  ${missing[*]}" >&2
fi

#!/usr/bin/env bash
# Set up VocPlan on a Debian or Ubuntu machine: the system libraries Qt needs,
# a virtual environment in .venv, and VocPlan installed into it (editable).
#   bash scripts/setup.sh         for using VocPlan
#   bash scripts/setup.sh --dev   also the test, lint and type-check tools
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

extras=""
[ "${1:-}" = "--dev" ] && extras="[dev]"

# Qt needs these even with no screen (offscreen); the xcb ones for a real window.
system_packages=(
  libgl1 libegl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0
  fonts-dejavu-core
  poppler-utils  # pdfinfo, pdffonts, pdftotext, pdftoppm: the plan document tests
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0
  libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-shm0 libxcb-sync1
  libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1
)
python=${PYTHON:-python3}
# Debian's own Python keeps venv in a separate package.
"$python" -c 'import ensurepip, venv' 2>/dev/null || system_packages+=(python3-venv)

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for package in "${system_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$package")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installing system libraries: ${missing[*]}"
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
else
  echo "Not a Debian-based system: install Qt's system libraries yourself (see README)." >&2
fi

if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "VocPlan needs Python 3.11 or newer; $("$python" --version) found." >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet --editable ".${extras}"
echo "VocPlan is set up in .venv"

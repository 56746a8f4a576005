#!/usr/bin/env bash
# Sets up everything the site and its tests need, and is safe to run again:
#   scripts/setup.sh          the site only (a .venv with requirements.txt)
#   scripts/setup.sh --tests  also the test tools (Zensical too), and Chromium for the browser tests
#   scripts/setup.sh --zensical  the site and Zensical, the second builder (scripts/build.sh --builder zensical)
# pip runs only when a requirements file has changed since it last ran (a stamp in .venv/ records them).
# On Debian or Ubuntu it installs what is missing with apt (or snap, for Ubuntu's Chromium), through
# sudo, showing their messages; where it cannot, it says exactly what to run.
# PYTHON=python3.12 picks the Python; CHROMIUM=/path/to/chromium picks the browser.
set -euo pipefail
cd "$(dirname "$0")/.."

# Material for MkDocs 9.8 and several other pinned tools need Python 3.11 or newer (their
# Requires-Python; tests/test_requirements.py keeps every pin installable on 3.11.2, Debian 12's).
NEEDED=3.11
# Where Debian and Ubuntu put Chromium, in the order benchmark/sitebench/browser.py looks.
CHROMIUM_PLACES="/usr/bin/chromium /usr/bin/chromium-browser /snap/bin/chromium"

say() { printf '%s\n' "$*"; }
fail() { printf 'setup: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when already root, otherwise through sudo (which may ask for a password).
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else return 1
  fi
}

version_of() { "$1" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])' 2>/dev/null; }

new_enough() {  # is version $1 (X.Y.Z) at least $NEEDED?
  local major minor
  IFS=. read -r major minor _ <<<"$1"
  [ "$major" -gt "${NEEDED%%.*}" ] || { [ "$major" -eq "${NEEDED%%.*}" ] && [ "$minor" -ge "${NEEDED#*.}" ]; }
}

find_python() {
  local candidate version
  if [ -n "${PYTHON:-}" ]; then
    version=$(version_of "$PYTHON") || fail "PYTHON is set to $PYTHON, but that does not run a Python; set it to one that does, like PYTHON=python3.11"
    new_enough "$version" || fail "the site needs Python $NEEDED or newer, and PYTHON ($PYTHON) is Python $version; set PYTHON to a newer one"
    echo "$PYTHON"
    return
  fi
  for candidate in python3 python3.14 python3.13 python3.12 python3.11; do
    if command -v "$candidate" >/dev/null 2>&1 && version=$(version_of "$candidate") && new_enough "$version"; then
      echo "$candidate"
      return
    fi
  done
  version=$(version_of python3 || echo "none")
  fail "the site needs Python $NEEDED or newer, and this machine's python3 is ${version}. Install a newer one (Debian 12 and Ubuntu 24.04 have it; on Ubuntu 22.04: sudo apt-get install python3.11-venv), then run this again: it finds python3.11 and newer by itself"
}

# A .venv is usable when its Python runs, is new enough, and has pip.
venv_works() {
  local version
  [ -x .venv/bin/python ] && version=$(version_of .venv/bin/python) && new_enough "$version" \
    && .venv/bin/python -m pip --version >/dev/null 2>&1
}

apt_install() {
  say "Installing $* with apt (sudo may ask for your password):"
  as_root apt-get update && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@"
}

make_venv() {
  local python=$1 version package errors
  version=$(version_of "$python")
  # Debian and Ubuntu keep venv's pip installer (ensurepip) out of Python itself, in python3.X-venv.
  package="python${version%.*}-venv"
  errors=$(mktemp)
  if "$python" -m venv .venv 2>"$errors" && venv_works; then
    rm -f "$errors"
    return
  fi
  rm -rf .venv  # Never leave a half-made .venv behind: every later run would fail with "No module named pip".
  if ! grep -q "ensurepip" "$errors"; then
    cat "$errors" >&2
    rm -f "$errors"
    fail "could not make .venv with $python (its messages are above)"
  fi
  rm -f "$errors"
  say "Python's venv module cannot make a .venv here: the package $package is not installed."
  if command -v apt-get >/dev/null 2>&1 && apt_install "$package" && "$python" -m venv .venv && venv_works; then
    return
  fi
  rm -rf .venv
  fail "could not make .venv: install $package with: sudo apt-get install $package, then run this again"
}

python=$(find_python)
if [ -e .venv ] && ! venv_works; then
  say "The .venv folder is half-made or out of date (no working Python $NEEDED+ with pip in it): making it again."
  rm -rf .venv
fi
if [ ! -e .venv ]; then
  make_venv "$python"
fi

# Installs a requirements file with pip, unless the same file was installed into this .venv already.
# Exact pins, and no pre-releases: pip must never pick an mkdocs 2.0 pre-release.
install() {
  local stamp=".venv/.installed-${1//\//-}" wanted
  wanted=$(cat "$@")
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then return; fi
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$1"
  printf '%s' "$wanted" >"$stamp"
}

install requirements.txt

find_chromium() {
  local place
  if [ -n "${CHROMIUM:-}" ]; then
    [ -x "$CHROMIUM" ] || fail "CHROMIUM is set to $CHROMIUM, but there is no program there; set it to where Chromium is, or unset it to look in the usual places ($CHROMIUM_PLACES)"
    echo "$CHROMIUM"
    return
  fi
  for place in $CHROMIUM_PLACES; do
    if [ -x "$place" ]; then
      echo "$place"
      return
    fi
  done
  return 1
}

install_chromium() {
  local system=""
  if [ -r /etc/os-release ]; then system=$(. /etc/os-release && echo "${ID:-}"); fi
  if [ "$system" = ubuntu ] && command -v snap >/dev/null 2>&1; then
    # Ubuntu's chromium package only installs the snap, which puts it at /snap/bin/chromium.
    say "Installing Chromium from Ubuntu's snap store (sudo may ask for your password): sudo snap install chromium"
    as_root snap install chromium
  elif command -v apt-get >/dev/null 2>&1; then
    apt_install chromium
  else
    return 1
  fi
}

if [ "${1:-}" = "--tests" ]; then
  install tests/requirements.txt requirements.txt requirements-zensical.txt
  # The browser tests drive the system's Chromium: Playwright's own browser download is not used.
  if ! find_chromium >/dev/null; then
    install_chromium || fail "the browser tests need Chromium, and it could not be installed (any messages are above). Install it yourself (Debian: sudo apt-get install chromium; Ubuntu: sudo snap install chromium), or set CHROMIUM=/path/to/chromium"
    find_chromium >/dev/null || fail "Chromium was installed, but is not at $CHROMIUM_PLACES; set CHROMIUM=/path/to/chromium"
  fi
fi

if [ "${1:-}" = "--zensical" ]; then
  install requirements-zensical.txt requirements.txt
fi

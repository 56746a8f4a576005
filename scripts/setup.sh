#!/usr/bin/env bash
# Sets up everything the site and its tests need, and is safe to run again:
#   scripts/setup.sh          the site only (a .venv with requirements.txt)
#   scripts/setup.sh --tests  also the test tools (Zensical too), and Debian's Chromium for the browser tests
#   scripts/setup.sh --zensical  the site and Zensical, the second builder (scripts/build_site.py --builder zensical)
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
# Exact pins, and no pre-releases: pip must never pick an mkdocs 2.0 pre-release.
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt

if [ "${1:-}" = "--tests" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r tests/requirements.txt
  if [ ! -x /usr/bin/chromium ]; then
    # The browser tests use Debian's Chromium: Playwright's own browser download cannot work offline.
    sudo=""
    if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  fi
fi

if [ "${1:-}" = "--zensical" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-zensical.txt
fi

#!/usr/bin/env bash
# Sets up, then builds the site into site/ (events, pages and security headers included):
#   SITE_URL=https://www.example.org/ scripts/build.sh   for publication at that address
#   scripts/build.sh --preview                            to look at on this machine, at http://127.0.0.1:8000/
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/python scripts/build_site.py "$@"

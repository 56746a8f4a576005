#!/usr/bin/env bash
# Sets up, then builds the production site into site/ (events, pages and security headers included).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/python scripts/build_site.py "$@"

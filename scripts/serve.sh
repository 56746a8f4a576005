#!/usr/bin/env bash
# Sets up, then serves the site at http://127.0.0.1:8000 and reloads it when a page, template or event changes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/mkdocs serve --dev-addr 127.0.0.1:8000 "$@"

#!/usr/bin/env bash
# Sets up, then serves the site at http://127.0.0.1:8000/ and rebuilds it as you edit.
# Another port: scripts/serve.sh --port 8001
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/python scripts/website.py serve "$@"

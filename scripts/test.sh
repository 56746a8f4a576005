#!/usr/bin/env bash
# Sets up, then runs every test: site build, events, content checks, workflows and the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --tests
exec .venv/bin/python -m pytest "$@"

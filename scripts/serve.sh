#!/usr/bin/env bash
# Sets up, then serves the site at http://127.0.0.1:8000/ and rebuilds it as you edit.
# Another port: scripts/serve.sh --port 8001
set -euo pipefail
cd "$(dirname "$0")/.."
# A busy port is said at once, in one line, before set-up (website.py serve says the same when run itself).
port=8000
previous=""
for argument in "$@"; do
  if [ "$previous" = "--port" ]; then port=$argument; fi
  case "$argument" in --port=*) port=${argument#--port=} ;; esac
  previous=$argument
done
if [[ $port =~ ^[0-9]+$ ]] && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "error: port $port is busy (is the site already being served?); choose another with scripts/serve.sh --port $((port + 1))" >&2
  exit 1
fi
scripts/setup.sh
exec .venv/bin/python scripts/website.py serve "$@"

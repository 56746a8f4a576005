#!/usr/bin/env bash
# Sets up, then builds the site into site/, all or nothing (scripts/website.py build):
#   SITE_URL=https://the-sites-address/ scripts/build.sh   for publication at that address (its real one)
#   scripts/build.sh --preview                            to look at on this machine
#   add --builder zensical (or set SITE_BUILDER=zensical) to build with Zensical instead of MkDocs
set -euo pipefail
cd "$(dirname "$0")/.."
case " $* ${SITE_BUILDER:+--builder $SITE_BUILDER} " in
  *" --builder zensical "* | *" --builder=zensical "*) scripts/setup.sh --zensical ;;
  *) scripts/setup.sh ;;
esac
exec .venv/bin/python scripts/website.py build "$@"

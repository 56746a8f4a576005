#!/usr/bin/env bash
# Sets up, then builds the production site into site/ (events, pages and security headers included).
#   scripts/build.sh                      with MkDocs, the production builder
#   scripts/build.sh --builder zensical   with Zensical (or SITE_BUILDER=zensical scripts/build.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
case " $* ${SITE_BUILDER:+--builder $SITE_BUILDER} " in
  *" --builder zensical "* | *" --builder=zensical "*) scripts/setup.sh --zensical ;;
  *) scripts/setup.sh ;;
esac
exec .venv/bin/python scripts/build_site.py "$@"

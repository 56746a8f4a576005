"""Packs the site's static files for a slow phone: minified, stylesheets trimmed to what the site uses, names that carry a hash of their content.

Run it over any built site (scripts/pack_assets.py), or let the MkDocs hook call it after a build.
Import from the modules (assets.site, assets.names): this file imports nothing, so the security
step can read names without loading the CSS parser.
"""

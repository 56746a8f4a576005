"""The facts register, data/facts.yml: every phone number, text number, short code and service website
the site shows, with its sources and when it was last confirmed.

The steps are separate modules, as for the events: load (YAML with positions, the events loader) ->
validate (schema and rules) -> model (frozen dataclasses) -> render (templates in overrides/) -> write.
build.py runs them for scripts/build_facts.py and the MkDocs hook; scripts/content checks pages
against the model. contact.py reads the site's contact setting (extra.contact in mkdocs.yml), whose
page text the same step writes.
"""

"""Turns data/events.yml into the events page fragments, calendar files and structured data.

The steps are separate modules: load (YAML with positions) -> validate (schema and rules) ->
model (frozen dataclasses) -> render (page, calendar, JSON-LD) -> write (atomic, only if changed).
build.py runs them in order for both scripts/build_events.py and the MkDocs hook.
"""

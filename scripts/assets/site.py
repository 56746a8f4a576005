"""Packs a built site's static files, all or nothing, and points every page at their new names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from atomic_files import write_if_changed
from step_cache import digest, keep, recall
from assets.minify import minify
from assets.names import carries_its_hash, hashed_name
from assets.purge import purge, words_in
from assets.theme_words import builds_components, theme_script_words
from assets.references import resolve, rewrite

_STYLESHEET = re.compile(r"""<link\b(?=[^>]*\brel=["']?stylesheet\b)[^>]*\bhref=["']([^"']+)["']""", re.IGNORECASE)
# Our own files that get a name with their content's hash.
PACKED_SUFFIXES = (".css", ".js", ".svg", ".png", ".ico", ".webp")
# Scripts that add no classes to pages: lunr's language files, loaded by the search worker.
_NOT_SCANNED = "/lunr/"


@dataclass(frozen=True)
class PackedSite:
    """What was packed: how many files got hashed names, and their bytes before and after."""

    files: int
    bytes_before: int
    bytes_after: int


def pack_site(site_dir: Path, own_assets: Path, cache: Path | None = None) -> PackedSite:
    """Minifies our own files (those from own_assets, the theme override's assets/), trims every
    stylesheet the pages load, names each file after its content's hash, and updates every
    reference to it. A second run changes nothing.

    cache: a folder where the trimmed stylesheets are kept, to be used again by a build whose
    stylesheets, pages and scripts are byte for byte the same (trimming is most of this step's time).
    """
    site_dir = Path(site_dir)
    pages = {path: path.read_text(encoding="utf-8") for path in sorted(site_dir.rglob("*.html"))}
    ours = [site_dir / "assets" / path.relative_to(own_assets) for path in sorted(Path(own_assets).rglob("*"))
            if path.suffix in PACKED_SUFFIXES]
    originals = {path: path.read_bytes() for path in ours if path.is_file()}  # a second run finds them renamed
    for path in _stylesheets(pages, site_dir):
        originals.setdefault(path, path.read_bytes())

    packed = {path: minify(raw.decode("utf-8"), path.suffix) if path.suffix in (".css", ".js") else raw
              for path, raw in originals.items()}
    stylesheets = {path: text for path, text in packed.items() if path.suffix == ".css"}
    if stylesheets:
        scripts = {path: path.read_text(encoding="utf-8") for path in sorted(site_dir.rglob("*.js"))
                   if _NOT_SCANNED not in "/" + path.relative_to(site_dir).as_posix()}
        texts = Texts(pages=list(pages.values()),
                      ours=[text for path, text in scripts.items() if path in originals],
                      theme=[text for path, text in scripts.items() if path not in originals])
        for path, text in _trimmed(stylesheets, texts, site_dir, cache).items():
            packed[path] = minify(text, ".css")
    # Files that name none of the others first; then stylesheets, whose url(...) may name those: each
    # is hashed only once it names the new names, so its own name always matches what it holds.
    data = {path: content.encode("utf-8") if isinstance(content, str) else content
            for path, content in packed.items() if path.suffix != ".css"}
    renames = {_name(path, site_dir): hashed_name(_name(path, site_dir), raw) for path, raw in data.items()}
    for path, text in packed.items():
        if path.suffix == ".css":
            data[path] = rewrite(str(text), _name(path, site_dir), renames).encode("utf-8")
            renames[_name(path, site_dir)] = hashed_name(_name(path, site_dir), data[path])

    for path, raw in data.items():
        write_if_changed(site_dir / renames[_name(path, site_dir)], raw)
    for path, text in pages.items():
        write_if_changed(path, rewrite(text, _name(path, site_dir), renames).encode("utf-8"))
    for path in data:
        path.unlink()
        # A trimmed stylesheet's source map describes the file before trimming: it would mislead.
        path.with_name(path.name + ".map").unlink(missing_ok=True)
    return PackedSite(len(data), sum(map(len, originals.values())), sum(map(len, data.values())))


@dataclass(frozen=True)
class Texts:
    """What a stylesheet rule may have to match: the built pages, our own scripts, the theme's scripts."""

    pages: list[str]
    ours: list[str]
    theme: list[str]


def words(texts: Texts) -> set[str]:
    """Every class, id or attribute name the site's pages can have, as loaded or once scripts have run."""
    on_pages = words_in(texts.pages)
    return on_pages | words_in(texts.ours) | theme_script_words(words_in(texts.theme), on_pages,
                                                                 builds_components(texts.pages))


def _trimmed(stylesheets: dict[Path, str], texts: Texts, site_dir: Path, cache: Path | None) -> dict[Path, str]:
    """purge() of the stylesheets against the site's words, or its kept result for the same bytes and code."""
    if cache is None:
        return purge(stylesheets, words(texts))
    names = {_name(path, site_dir): text for path, text in stylesheets.items()}
    code = [path.read_bytes() for path in sorted(Path(__file__).parent.glob("*.py"))]
    key = digest([*code, *(f"{name}\0{text}".encode() for name, text in sorted(names.items())),
                  *(text.encode() for text in [*texts.pages, "\0ours", *texts.ours, "\0theme", *texts.theme])])
    record = cache / "trimmed-stylesheets.json"
    kept = recall(record, key)
    if kept is not None:
        return {site_dir / name: text for name, text in kept.items()}
    trimmed = purge(stylesheets, words(texts))
    keep(record, key, {_name(path, site_dir): text for path, text in trimmed.items()})
    return trimmed


def _name(path: Path, site_dir: Path) -> str:
    return path.relative_to(site_dir).as_posix()


def _stylesheets(pages: dict[Path, str], site_dir: Path) -> list[Path]:
    """The site's own stylesheets that pages load, except those packed already."""
    found: dict[Path, None] = {}
    for page, text in pages.items():
        for address in _STYLESHEET.findall(text):
            name = resolve(address, _name(page, site_dir), lambda name: (site_dir / name).is_file())
            if name and not carries_its_hash(site_dir / name):
                found[site_dir / name] = None
    return list(found)

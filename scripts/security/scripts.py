"""Styles that the site's script files write into a page as it runs, allowed by hash like inline code.

Zensical's search dialog sits in a shadow root with its own <style>, whose text is a string in
Zensical's script bundle. The Content-Security-Policy governs that <style> as it does any inline
style, so each page that loads the bundle must allow that exact text by hash. The text is read
here from the built script file, so the hash always matches the script the site ships.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from security.pages import script_hashes
from urllib.parse import unquote, urlsplit

_SCRIPT_SRC = re.compile(r"""<script\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
# The bundle's element helper called to make a <style>: h("style", {}, text.toString()).
_STYLE_ELEMENT = re.compile(r"""[\w$]+\(\s*["']style["']\s*,\s*\{\}\s*,\s*([A-Za-z_$][\w$]*)(?:\.toString\(\))?\s*\)""")
_ESCAPE = re.compile(r"""\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)""", re.DOTALL)
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


class UnreadableStyle(Exception):
    """A script writes a <style> whose text cannot be read from the file, so it cannot be hashed."""


def script_files(page_text: str, page: str, site_dir: Path) -> list[Path]:
    """The site's own script files a page loads (page is its path inside the site)."""
    files = []
    for source in _SCRIPT_SRC.findall(page_text):
        parts = urlsplit(source)
        if parts.scheme or parts.netloc:
            continue
        path = unquote(parts.path)
        if path.startswith("/"):
            # The 404 page loads from the site's root, which may sit under a path such as
            # /repository-name/: the file is the one whose path ends the address.
            segments = path.strip("/").split("/")
            candidates = ["/".join(segments[start:]) for start in range(len(segments))]
        else:
            candidates = [posixpath.normpath(posixpath.join(posixpath.dirname(page), path))]
        found = next((site_dir / name for name in candidates if (site_dir / name).is_file()), None)
        if found:
            files.append(found)
    return files


def injected_styles(script: str) -> list[str]:
    """The text of every <style> the script makes from a string it holds."""
    styles = []
    for match in _STYLE_ELEMENT.finditer(script):
        name = match.group(1)
        literal = re.search(r"(?<![\w$.])" + re.escape(name) + r"""\s*=\s*(['"])((?:(?!\1)[^\\\n]|\\.)*)\1""", script)
        if literal is None:
            raise UnreadableStyle(f"it makes a <style> from {name}, which is not a plain string in the file")
        styles.append(_unescape(literal.group(2)))
    return styles


def _unescape(text: str) -> str:
    """A JavaScript string literal's value."""
    def replace(match: re.Match[str]) -> str:
        code = match.group(1)
        if code.startswith("u{"):
            return chr(int(code[2:-1], 16))
        if code[0] in "ux" and len(code) > 1:
            return chr(int(code[1:], 16))
        if code == "\n":
            return ""  # a line continuation
        return _SIMPLE_ESCAPES.get(code, code)
    return _ESCAPE.sub(replace, text)


REPO = Path(__file__).resolve().parents[2]
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def default_theme_dirs() -> list[Path]:
    """The site's overrides, then the templates of each builder that is installed."""
    dirs = [REPO / "overrides"]
    for package in ("material", "zensical"):
        try:
            module = __import__(package)
        except ImportError:
            continue
        dirs.append(Path(module.__file__).parent / "templates")
    return dirs


def theme_scripts(dirs: list[Path] | None = None) -> set[str]:
    """The hash of every inline script written in the theme's templates as plain text (no template code in it)."""
    bodies = []
    for folder in dirs if dirs is not None else default_theme_dirs():
        for template in sorted(Path(folder).rglob("*.html")):
            bodies += [body for body in _INLINE_SCRIPT.findall(template.read_text(encoding="utf-8"))
                       if "{{" not in body and "{%" not in body]
    return set(script_hashes(bodies))

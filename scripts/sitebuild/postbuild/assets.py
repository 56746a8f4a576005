"""Packs the built site's static files: minified, trimmed to what the site uses, and named after their content.

- Our own stylesheets and scripts (from overrides/assets/) are minified with rcssmin and rjsmin: the
  sources stay readable, with their comments; only comments and whitespace go.
- Every stylesheet the pages load is trimmed to the rules that can match something on the site. The
  theme's stylesheet styles every feature the theme has (code blocks, tabs, blog, versions...): about
  23 KB compressed on every first visit. A selector is kept when every class, id and attribute it
  names occurs somewhere in the site: in a built page, in our own scripts, or among the names the
  theme's script can put on these pages as it runs (theme_words() below). Custom properties that
  nothing kept reads go too. Read with tinycss2, a real CSS parser.
- Each packed file is named after a hash of its content (site.<hash>.css), and every reference to it
  is updated, so browsers may keep it for a year: a changed file gets a new name.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import rcssmin
import rjsmin
import tinycss2

HASH_LENGTH = 10
_HASHED = re.compile(r"^(?P<stem>.+)\.(?P<hash>[0-9a-f]{%d})(?P<suffix>\.[A-Za-z0-9]+)$" % HASH_LENGTH)
# The theme's own hash in its file names (main.57a0d79d.min.css), dropped from a file we change.
_THEME_HASH = re.compile(r"\.[0-9a-f]{8}(\.min)?$")
# Our own files that get a name with their content's hash.
PACKED_SUFFIXES = (".css", ".js", ".svg", ".png", ".ico", ".webp")
# Words as a page or script could spell a class, id or attribute: "md-nav__link--active".
WORD = re.compile(r"[A-Za-z0-9_-]+")
_VAR = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")
# At-rules whose block holds rules, which are trimmed; every other block is kept as written.
_GROUPING = {"media", "supports", "container", "layer", "document", "-moz-document"}
# Pseudo-classes whose arguments need not match for the selector to match.
_OPTIONAL_ARGUMENTS = {"not", "is", "where", "has", "matches", "-webkit-any", "-moz-any"}


class UnreadableStylesheet(Exception):
    """A stylesheet with text outside any rule, which cannot be trimmed safely."""

    def __init__(self, name: str, line: int, reason: str) -> None:
        super().__init__(f"{name}: line {line}: {reason}")
        self.name, self.line, self.reason = name, line, reason


@dataclass(frozen=True)
class Packed:
    """What packing changed: every file's new name (by its old path in the site), and each new file's bytes."""

    renames: dict[str, str]
    files: dict[str, bytes]
    removed: list[str]


def pack(site_dir: Path, own_assets: Path, pages: dict[str, str], stylesheets: list[str]) -> Packed:
    """Minifies our own files, trims the stylesheets the pages load, and names each after its content.

    Nothing is written here: the caller writes the files and updates the pages with the renames.
    """
    ours = [(site_dir / "assets" / path.relative_to(own_assets)) for path in sorted(own_assets.rglob("*"))
            if path.suffix in PACKED_SUFFIXES]
    originals = {_name(path, site_dir): path.read_bytes() for path in ours if path.is_file()}
    for name in stylesheets:
        originals.setdefault(name, (site_dir / name).read_bytes())
    texts = {name: minify(raw.decode("utf-8"), PurePosixPath(name).suffix) for name, raw in originals.items()
             if name.endswith((".css", ".js"))}
    css = {name: text for name, text in texts.items() if name.endswith(".css")}
    if css:
        ours = {name for name in originals if name.endswith(".js")}
        theme = [path.read_text(encoding="utf-8") for path in sorted(site_dir.rglob("*.js"))
                 if _name(path, site_dir) not in ours and "/lunr/" not in _name(path, site_dir)]
        on_pages = words(pages.values())
        used = on_pages | words(texts[name] for name in ours) | theme_words(words(theme), on_pages,
                                                                          builds_components(pages.values()))
        for name, text in trim(css, used).items():
            texts[name] = minify(text, ".css")
    data = {name: texts[name].encode("utf-8") if name in texts else raw for name, raw in originals.items()}
    # Files that name none of the others first; then stylesheets, whose url(...) may name those: each
    # is hashed only once it names the new names, so its own name always matches what it holds.
    renames = {name: hashed_name(name, raw) for name, raw in data.items() if not name.endswith(".css")}
    for name in [name for name in data if name.endswith(".css")]:
        data[name] = rewrite(data[name].decode("utf-8"), name, renames).encode("utf-8")
        renames[name] = hashed_name(name, data[name])
    files = {renames[name]: raw for name, raw in data.items()}
    # A trimmed stylesheet's source map describes the file before trimming: it would mislead.
    removed = list(data) + [name + ".map" for name in data if (site_dir / (name + ".map")).is_file()]
    return Packed(renames, files, removed)


def minify(text: str, suffix: str) -> str:
    """A .css or .js file's text without comments or needless whitespace."""
    return rcssmin.cssmin(text) if suffix == ".css" else rjsmin.jsmin(text) if suffix == ".js" else text


def content_hash(content: bytes) -> str:
    """The first characters of the content's SHA-256, in hex."""
    return hashlib.sha256(content).hexdigest()[:HASH_LENGTH]


def hashed_name(name: str, content: bytes) -> str:
    """site.css with this content becomes site.<hash>.css."""
    path = PurePosixPath(name)
    return str(path.with_name(f"{_THEME_HASH.sub('', path.stem)}.{content_hash(content)}{path.suffix}"))


def content_hashed_files(site_dir: Path) -> list[str]:
    """Every file of the site whose name carries its content's hash, as paths from the site's root."""
    return sorted(_name(path, site_dir) for path in site_dir.rglob("*")
                  if (match := _HASHED.match(path.name)) and path.is_file()
                  and content_hash(path.read_bytes()) == match.group("hash"))


def resolve(address: str, where: str, exists) -> str | None:
    """The path from the site's root of the file an address in the file at `where` leads to, if it exists."""
    path = re.split(r"[?#]", address, maxsplit=1)[0]
    if not path or re.match(r"[a-z][a-z0-9+.-]*:", path, re.IGNORECASE) or path.startswith("//"):
        return None
    if path.startswith("/"):
        # From the site's root, which may sit under a path such as /repository-name/: the file is
        # the one whose path ends the address.
        segments = path.strip("/").split("/")
        return next(("/".join(segments[start:]) for start in range(len(segments))
                     if exists("/".join(segments[start:]))), None)
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(where), path))
    return resolved if exists(resolved) else None


def renamed(address: str, where: str, renames: dict[str, str]) -> str | None:
    """The address pointed at the file's new name, or None if it names no renamed file."""
    base = re.split(r"[?#]", address, maxsplit=1)[0]
    target = resolve(base, where, renames.__contains__)
    old = posixpath.basename(target) if target else ""
    if not target or not base.endswith(old):
        return None
    return base[: len(base) - len(old)] + posixpath.basename(renames[target]) + address[len(base):]


def rewrite(text: str, where: str, renames: dict[str, str]) -> str:
    """A file's text (a stylesheet, a page's settings) with its references to renamed files updated."""
    if not renames:
        return text
    # Only addresses that end in one of the old names, with any ?query or #fragment.
    names = "|".join(sorted({re.escape(posixpath.basename(old)) for old in renames}, key=len, reverse=True))
    candidates = re.compile(rf"""(?<=["'(/])((?:[^"'()<>\s]*/)?)({names})([?#][^"'()<>\s]*)?(?=["')])""")
    return candidates.sub(lambda match: renamed(match.group(0), where, renames) or match.group(0), text)


# -- Trimming ------------------------------------------------------------------------------------

# Material's script holds the class and attribute names of every feature the theme has (annotations,
# copy buttons, tooltips, versions); what it can put on these pages is narrower: names in its
# namespace for parts of components the page already has (md-nav__link--active for md-nav), its
# data-md- attributes, custom properties, and these few names outside its namespace, read from every
# classList.add/toggle/remove, setAttribute and class: "..." in Material 9.8's bundle.js (pinned).
NAMESPACES = ("md-", "data-md-", "--md-")
OUTSIDE_NAMESPACE = frozenset({
    "aria-controls", "aria-describedby", "aria-expanded", "aria-haspopup", "data-clipboard-text",
    "data-focus-visible-added", "data-js-focus-visible", "focus-visible", "hll", "js",
    "js-focus-visible", "mermaid", "no-js", "open", "readonly", "role", "select", "tabbed-button",
    "tabbed-labels--linked", "tabindex", "title",
})


# Features for which the theme's script makes whole components of its own (copy buttons, tooltips,
# annotations, the version selector): with one on, every name in its namespace counts.
_SCRIPT_BUILT_FEATURES = ("content.code.", "content.tooltips", "navigation.tooltips")
_CONFIG = re.compile(r"""<script id="__config" type="application/json">(.*?)</script>""", re.DOTALL)


def builds_components(pages: Iterable[str]) -> bool:
    """Whether any page turns on a feature whose components the theme's script makes from nothing."""
    for page in pages:
        for found in _CONFIG.findall(page):
            try:
                config = json.loads(found)
            except ValueError:
                return True  # unreadable: assume the worst, keep everything
            if config.get("version") or config.get("annotate") or any(
                    str(feature).startswith(_SCRIPT_BUILT_FEATURES) for feature in config.get("features") or []):
                return True
    return False


def theme_words(script_words: set[str], page_words: set[str], all_components: bool = False) -> set[str]:
    """The words of the theme's scripts that they can put on this site's pages."""
    kept = set(OUTSIDE_NAMESPACE)
    for word in script_words:
        block = re.split(r"__|--", word, maxsplit=1)[0]
        if word.startswith("--") or (word.startswith(NAMESPACES) and (
                all_components or word.startswith("data-md-") or block in page_words)):
            kept.add(word)
    return kept


def words(texts: Iterable[str]) -> set[str]:
    """Every word in the texts that could name a class, id or attribute."""
    return {word for text in texts for word in WORD.findall(text)}


def trim(sheets: dict[str, str], used: set[str]) -> dict[str, str]:
    """Each stylesheet with only the rules that can match the site, read together (one sheet's properties serve another)."""
    parsed = {}
    for name, text in sheets.items():
        rules = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
        errors = [rule for rule in rules if rule.type == "error"]
        if errors:
            raise UnreadableStylesheet(name, errors[0].source_line, errors[0].message)
        parsed[name] = _kept(rules, used)
    declarations = [item for rules in parsed.values() for item in _declarations(rules)]
    needed = _needed_properties(declarations, used)
    return {name: "".join(_written(rule, needed) for rule in rules) for name, rules in parsed.items()}


def may_match(selector: list, used: set[str]) -> bool:
    """False when the selector (its tokens) names a class, id or attribute that nothing on the site has."""
    previous = None
    for token in selector:
        after_dot = previous is not None and previous.type == "literal" and previous.value == "."
        if (token.type == "hash" or token.type == "ident" and after_dot) and token.value not in used:
            return False
        if token.type == "[] block":
            parts = [part for part in token.content if part.type not in ("whitespace", "comment")]
            if parts and parts[0].type == "ident":
                if parts[0].value not in used:
                    return False
                # [name=value]: the value too, when it is a plain word; other operators match parts of values.
                if len(parts) >= 3 and parts[1].type == "literal" and parts[1].value == "=" \
                        and parts[2].type in ("ident", "string") and WORD.fullmatch(parts[2].value) \
                        and parts[2].value not in used:
                    return False
        if token.type == "function" and token.lower_name not in _OPTIONAL_ARGUMENTS:
            if not may_match(token.arguments, used):
                return False
        previous = token
    return True


def _selectors(prelude: list) -> list[list]:
    """A rule's selector list, split at its top-level commas."""
    selectors: list[list] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return selectors


def _kept(rules: list, used: set[str]) -> list:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [selector for selector in _selectors(rule.prelude) if may_match(selector, used)]
            if selectors:
                prelude = ",".join(tinycss2.serialize(selector).strip() for selector in selectors)
                kept.append(("rule", prelude, tinycss2.parse_blocks_contents(rule.content, skip_comments=True,
                                                                               skip_whitespace=True)))
        elif rule.type == "at-rule" and rule.lower_at_keyword in _GROUPING and rule.content is not None:
            children = _kept(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), used)
            if children:
                kept.append(("group", f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}", children))
        else:
            kept.append(("as written", tinycss2.serialize([rule]), None))
    return kept


def _declarations(rules: list) -> Iterable:
    for kind, head, body in rules:
        if kind == "rule":
            yield from (item for item in body if item.type == "declaration")
        elif kind == "group":
            yield from _declarations(body)
        else:
            yield head


def _needed_properties(declarations: list, used: set[str]) -> set[str]:
    """Custom properties read by a kept declaration (through any chain of others), or named by the site's scripts."""
    definitions: dict[str, list[str]] = {}
    roots = {word for word in used if word.startswith("--")}
    for item in declarations:
        if isinstance(item, str):  # an at-rule kept as written
            roots.update(_VAR.findall(item))
            continue
        value = tinycss2.serialize(item.value)
        if item.name.startswith("--"):
            definitions.setdefault(item.name, []).append(value)
        else:
            roots.update(_VAR.findall(value))
    needed: set[str] = set()
    pending = list(roots)
    while pending:
        name = pending.pop()
        if name not in needed:
            needed.add(name)
            for value in definitions.get(name, ()):
                pending.extend(_VAR.findall(value))
    return needed


def _written(rule: tuple, needed: set[str]) -> str:
    kind, head, body = rule
    if kind == "as written":
        return head
    if kind == "group":
        inner = "".join(_written(child, needed) for child in body)
        return f"{head}{{{inner}}}" if inner else ""
    kept = [f"{item.name}:{tinycss2.serialize(item.value).strip()}{'!important' if item.important else ''}"
            for item in body if item.type == "declaration" and (not item.name.startswith("--") or item.name in needed)]
    return f"{head}{{{';'.join(kept)}}}" if kept else ""


def _name(path: Path, site_dir: Path) -> str:
    return path.relative_to(site_dir).as_posix()

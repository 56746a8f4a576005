"""An event description's Markdown as safe HTML: paragraphs, lists, links and emphasis only."""

from __future__ import annotations

import functools
import html
import re
import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor

ALLOWED_SCHEMES = ("https://", "mailto:", "tel:")

# Python-Markdown parts that would let a description add headings, quotes, code, images, rules,
# line breaks or raw HTML. Without them that text stays ordinary, escaped text.
_BLOCK_PROCESSORS_OFF = ("code", "hashheader", "setextheader", "hr", "quote", "reference")
_INLINE_PATTERNS_OFF = ("backtick", "reference", "image_link", "image_reference", "short_reference",
                        "short_image_ref", "autolink", "automail", "linebreak", "html", "entity")


class _SafeLinks(Treeprocessor):
    """Keeps https:, mailto: and tel: links (opening nothing new); other links become plain text."""

    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            href = link.get("href", "")
            link.attrib.clear()
            if href.lower().startswith(ALLOWED_SCHEMES):
                link.set("href", href)
            else:
                link.tag = "span"


def _markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=[], output_format="html")
    md.preprocessors.deregister("html_block")
    for name in _BLOCK_PROCESSORS_OFF:
        md.parser.blockprocessors.deregister(name)
    for name in _INLINE_PATTERNS_OFF:
        md.inlinePatterns.deregister(name)
    md.treeprocessors.register(_SafeLinks(md), "safe_links", 0)
    return md


_MD = _markdown()
# Text with none of these characters has no Markdown in it: plain paragraphs, made without the parser.
_MARKDOWN_SIGNS = re.compile(r"[*_\[\]()<>&`\\]|^\s*([-+]|\d+\.)\s", re.MULTILINE)


# The page, JSON-LD and calendar each need the same description: it is converted once per build.
# Unbounded, so a file of more events than a fixed size would not convert each one again (build.py
# empties it after every build, so `mkdocs serve` does not keep old descriptions).
@functools.lru_cache(maxsize=None)
def description_html(text: str) -> str:
    """The description as HTML on one line, so no line of it can be read as Markdown or a snippet."""
    if not _MARKDOWN_SIGNS.search(text):
        paragraphs = [" ".join(part.split()) for part in re.split(r"\n\s*\n", text) if part.strip()]
        return "".join(f"<p>{html.escape(part, quote=False)}</p>" for part in paragraphs)
    _MD.reset()
    # Raw HTML never reaches the parser: it is escaped first, and the parser's HTML handling is off.
    converted = _MD.convert(text.replace("<", "&lt;").replace(">", "&gt;"))
    return converted.replace("\n", " ")


@functools.lru_cache(maxsize=None)  # The JSON-LD and the calendar file both need it.
def plain_text(text: str) -> str:
    """The description without Markdown or HTML, for calendar files and structured data."""
    without_tags = re.sub(r"<[^>]*>", " ", description_html(text).replace("</p>", "\n\n").replace("</li>", "\n"))
    lines = (" ".join(line.split()) for line in html.unescape(without_tags).split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def forget() -> None:
    """Empties the per-build caches of converted descriptions."""
    description_html.cache_clear()
    plain_text.cache_clear()

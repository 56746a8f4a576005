"""An event description's Markdown as safe HTML: paragraphs, lists, links and emphasis only."""

from __future__ import annotations

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


def description_html(text: str) -> str:
    """The description as HTML on one line, so no line of it can be read as Markdown or a snippet."""
    _MD.reset()
    # Raw HTML never reaches the parser: it is escaped first, and the parser's HTML handling is off.
    converted = _MD.convert(text.replace("<", "&lt;").replace(">", "&gt;"))
    return converted.replace("\n", " ")


def plain_text(text: str) -> str:
    """The description without Markdown or HTML, for calendar files and structured data."""
    without_tags = re.sub(r"<[^>]*>", " ", description_html(text).replace("</p>", "\n\n").replace("</li>", "\n"))
    lines = (" ".join(line.split()) for line in html.unescape(without_tags).split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()

"""A page as a reader gets it: loaded (front matter and numbered lines), its generated parts included,
then read by one Markdown parser (markdown-it-py) and one HTML parser, for every check.

Links of every syntax, images and their alt text, titles, labels, tables and raw HTML are read the way
the builder renders them, each piece at the line where it was typed; code is left out (an example, not
advice). The HTML parser also finds what no page may carry (scripts, event handlers, embeds, forms,
styles, files from other sites). markdown-it-py's tokens carry line maps, so no regular expressions
over Markdown are needed, and it reads a page in linear time.

The checks must see what will be published, so the parts a page includes (--8<-- "facts/…") are made
in memory from data/facts.yml and mkdocs.yml before any build (expand()); each included line keeps the
line number of its include, the line an editor can see.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path

import yaml
from markdown_it import MarkdownIt

from sitebuild.problems import ERROR, Problem
from sitebuild.yamlfile import MAX_BYTES, explain, not_utf8, too_big

Lines = list[tuple[int, str]]

# Python-Markdown's admonition (!!! note "Title") and md_in_html (<div markdown>) extensions, which
# CommonMark lacks: the lines are adjusted (line numbers kept) so the parser reads them as the builder does.
_ADMONITION = re.compile(r"^(\s*)(?:!!!|\?\?\?\+?)\s*[\w-]*(?:\s+\"(.*)\")?\s*$")
_MARKDOWN_HTML = re.compile(r"^\s*<\w+\b[^>]*\smarkdown(?:=[\"']?1[\"']?)?[^>]*>\s*$")
_CLOSING_TAG = re.compile(r"^\s*</\w+>\s*$")
# Python-Markdown's attribute lists ({: .class }, { #id }, { lang=en }): never shown to the reader.
_ATTRIBUTE_LIST = re.compile(r"\{:?[ \t]*[.#\w][^{}\n]*\}")
# Elements that start a new run of text: their words never join the words before them.
_INLINE_TAGS = {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "em", "i", "kbd", "mark", "q", "s", "small",
                "span", "strong", "sub", "sup", "time", "u"}
_EMBEDS = {"iframe", "object", "embed", "frame", "frameset", "applet", "portal"}
_SHOWN_ATTRIBUTES = ("alt", "title", "aria-label")
# Set on the links and images Markdown wrote, so they can be told from raw HTML ones once rendered.
_MARK = "data-written-in-markdown"


_MD = MarkdownIt("commonmark", {"html": True}).enable("table")
# Keep every link target exactly as typed: the checks judge it, so none is dropped or re-encoded here.
_MD.validateLink = lambda url: True
_MD.normalizeLink = lambda url: url
_MD.normalizeLinkText = lambda url: url


# The rules no page may break, in the words of the messages. Each names the one thing to take out.
SCRIPT = ("a page must not carry a script of its own: take out this <script> element; the site's own scripts are "
          "in the theme, and a script here could change what a link or number does")
HANDLER = "a page must not run code when a reader clicks or loads something: take out {}= from this <{}> tag"
SCRIPT_LINK = ("a link must go to a page, a phone number or an email address, never run a script: this link "
               "starts {}:; link to a web address instead")
EMBED = "a page must not embed another website or program: take out this <{}> element, and link to the page instead"
FORM = ("a page must not carry a form, which could send what a reader types somewhere else: take out this <form>, "
        "and link to the service's own form instead")
REMOTE = ("a page must not load {} from another website, which would tell that site who is reading: take it out, "
          "or save the file in the docs folder and use it from there; found '{}'")
STYLE = "a page must not carry its own styles: take out {}; the site's look is in the theme's stylesheet"


@dataclass(frozen=True)
class Link:
    """A link or image as the reader gets it: its target as typed, the words it shows, and its line."""

    line: int
    target: str
    text: str
    image: bool = False
    markdown: bool = False  # written in Markdown's syntax, which the builder rewrites, not as raw HTML


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    text: str  # as typed, attribute list included: '## Kaynaklar (Sources) {#sources}'


@dataclass(frozen=True)
class Block:
    """A paragraph or list item's running text as one string, with the line each part of it came from."""

    text: str
    starts: list[int]  # offset in text where each source line begins
    lines: list[int]  # the line number of each of those parts

    def line_at(self, offset: int) -> int:
        """The page line that holds the character at this offset."""
        return self.lines[bisect.bisect_right(self.starts, offset) - 1]


@dataclass
class Reading:
    """Everything a page shows, each with its line."""

    texts: list[tuple[int, str]] = field(default_factory=list)  # visible text, alt text, titles, labels
    links: list[Link] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)  # running text, for the plain-English advice
    unsafe: list[tuple[int, str]] = field(default_factory=list)  # (line, message)

    def section(self, heading: Heading) -> tuple[int, float]:
        """The lines under a heading: after it, up to the next heading of the same level or higher."""
        later = [h.line for h in self.headings if h.line > heading.line and h.level <= heading.level]
        return heading.line, (min(later) if later else float("inf"))


def read(lines: Lines) -> Reading:
    """The reading of a page's body (numbered lines, parts already included)."""
    lines = _as_the_builder_reads(lines)
    reading = Reading()
    tokens = _MD.parse("\n".join(text for _, text in lines))
    in_table = False
    for index, token in enumerate(tokens):
        if token.type in ("table_open", "table_close"):
            in_table = token.type == "table_open"
        if token.map is None:
            continue
        start, end = token.map
        number_at = _numbering(lines, start, end)
        if token.type == "html_block":
            _HTML(reading, number_at).read(token.content)
        elif token.type == "inline":
            for child in token.children or []:
                if child.type in ("link_open", "image"):
                    child.attrSet(_MARK, "")
            html = _MD.renderer.renderInline(token.children or [], _MD.options, {})
            _HTML(reading, number_at).read(html)
            opener = tokens[index - 1]
            if opener.type == "heading_open":
                reading.headings.append(Heading(number_at(0), int(opener.tag[1]), token.content))
            elif opener.type == "paragraph_open" and not in_table:
                block = _block(token.children or [], number_at)
                if block:
                    reading.blocks.append(block)
    return reading


def read_html(text: str, first_line: int = 1) -> Reading:
    """The reading of an HTML fragment or template (a front matter value, a theme template)."""
    reading = Reading()
    _HTML(reading, lambda offset: first_line + offset).read(text)
    return reading


def _numbering(lines: Lines, start: int, end: int) -> Callable[[int], int]:
    """The page line of each line of a token, counted from its first."""
    last = max(start, min(end, len(lines)) - 1)
    return lambda offset: lines[min(start + offset, last)][0]


def _as_the_builder_reads(lines: Lines) -> Lines:
    """Admonitions as a title and their body out of code; <div markdown> content as Markdown."""
    adjusted: Lines = []
    body_indent: int | None = None
    for number, text in lines:
        if body_indent is not None:
            stripped = text[:body_indent]
            if not text.strip() or (stripped.isspace() and len(stripped) == body_indent):
                adjusted.append((number, text[body_indent:]))
                continue
            body_indent = None
        admonition = _ADMONITION.match(text)
        if admonition:
            title = admonition.group(2) or ""
            adjusted += [(number, f'<p class="admonition-title">{title}</p>'), (number, "")]
            body_indent = len(admonition.group(1)) + 4
        elif _MARKDOWN_HTML.match(text):
            adjusted += [(number, text), (number, "")]
        elif _CLOSING_TAG.match(text):
            adjusted += [(number, ""), (number, text)]
        else:
            adjusted.append((number, text))
    return adjusted


def _block(children, number_at: Callable[[int], int]) -> Block | None:
    """A paragraph's words as the plain-English advice reads them: links as their text, code as 'code'."""
    parts: list[tuple[int, str]] = []
    offset = 0
    words = ""
    autolink = False
    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            parts.append((number_at(offset), words))
            offset += 1
            words = ""
        elif child.type == "link_open" and child.markup == "autolink":
            autolink = True
            words += "link"
        elif child.type == "link_close":
            autolink = False
        elif child.type == "text" and not autolink:
            words += child.content
        elif child.type == "code_inline":
            words += "code"
        elif child.type == "image":
            words += "".join(grandchild.content for grandchild in child.children or [])
    parts.append((number_at(offset), words))
    parts = [(number, " ".join(_ATTRIBUTE_LIST.sub("", text).split())) for number, text in parts]
    parts = [(number, text) for number, text in parts if text]
    if not parts or parts[0][1].startswith("--8<--"):
        return None
    starts = [0]  # the parts are joined with one space
    for _, part in parts[:-1]:
        starts.append(starts[-1] + len(part) + 1)
    return Block(" ".join(part for _, part in parts), starts, [number for number, _ in parts])


class _HTML(HTMLParser):
    """Reads HTML (rendered from Markdown, or raw) into a Reading, each piece at its page line."""

    def __init__(self, reading: Reading, number_at: Callable[[int], int]) -> None:
        super().__init__(convert_charrefs=True)
        self.reading = reading
        self.number_at = number_at
        self.runs: dict[int, list[str]] = {}  # line -> visible text, in order
        self.hidden = 0  # inside <script> or <style>
        self.open_links: list[tuple[int, str, list[str], bool]] = []  # line, target, words so far, markdown

    def read(self, text: str) -> None:
        self.feed(text)
        self.close()
        for line, words in self.runs.items():
            text = _ATTRIBUTE_LIST.sub(" ", "".join(words))
            if text.strip():
                self.reading.texts.append((line, text))

    def _line(self) -> int:
        return self.number_at(self.getpos()[0] - 1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self._line()
        values = {name: value or "" for name, value in attrs}
        self._unsafe(tag, values, line)
        if tag not in _INLINE_TAGS:
            self.runs.setdefault(line, []).append(" ")
        for name in _SHOWN_ATTRIBUTES:
            if values.get(name, "").strip():
                self.reading.texts.append((line, values[name]))
        if tag in ("script", "style"):
            self.hidden += 1
        elif tag == "a" and "href" in values:
            self.open_links.append((line, values["href"].strip(), [values.get("aria-label", "")], _MARK in values))
        elif tag == "img":
            alt = values.get("alt", "")
            if self.open_links:
                self.open_links[-1][2].append(alt)
            if values.get("src"):
                self.reading.links.append(Link(line, values["src"].strip(), alt, image=True, markdown=_MARK in values))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in ("script", "style", "a"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.hidden = max(0, self.hidden - 1)
        elif tag == "a" and self.open_links:
            line, target, words, markdown = self.open_links.pop()
            self.reading.links.append(Link(line, target, " ".join("".join(words).split()), markdown=markdown))
        if tag not in _INLINE_TAGS:
            self.runs.setdefault(self._line(), []).append(" ")

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        line_offset = self.getpos()[0] - 1
        for offset, piece in enumerate(data.split("\n")):
            self.runs.setdefault(self.number_at(line_offset + offset), []).append(piece)
        for link in self.open_links:
            link[2].append(data)

    def _unsafe(self, tag: str, values: dict[str, str], line: int) -> None:
        problems = self.reading.unsafe
        if tag == "script":
            problems.append((line, SCRIPT))
        elif tag in _EMBEDS:
            problems.append((line, EMBED.format(tag)))
        elif tag == "form":
            problems.append((line, FORM))
        elif tag == "style":
            problems.append((line, STYLE.format("this <style> element")))
        elif tag == "img" and _elsewhere(values.get("src", "")):
            problems.append((line, REMOTE.format("images", values["src"])))
        elif tag == "link" and "stylesheet" in values.get("rel", "").lower().split() and _elsewhere(values.get("href", "")):
            problems.append((line, REMOTE.format("a stylesheet", values["href"])))
        for name, value in values.items():
            if name.startswith("on"):
                problems.append((line, HANDLER.format(name, tag)))
            elif name == "style":
                problems.append((line, STYLE.format(f"style= from this <{tag}> tag")))
            elif name in ("href", "src", "action", "formaction", "data") and _runs_script(value):
                problems.append((line, SCRIPT_LINK.format(value.split(":", 1)[0].strip().lower())))


def _elsewhere(address: str) -> bool:
    """An address on another site: with a scheme that fetches (http, https) or starting //."""
    return address.strip().lower().startswith(("http:", "https:", "//"))


def _runs_script(address: str) -> bool:
    """javascript: or vbscript:, however it is spaced or cased (browsers ignore spaces and controls in it)."""
    compact = "".join(character for character in address[:40] if character > " ").lower()
    return compact.startswith(("javascript:", "vbscript:"))


# -- Loading a page ---------------------------------------------------------------------------------

# libyaml where it is installed (it is in PyYAML's wheels): the same reader, and so the same messages, as the events check.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

FRONT_MATTER_HINT = (
    "a page must start with front matter: a '---' line, then title, description, "
    "last_reviewed and review_interval, each on its own line, then another '---' line"
)


def finding(path: Path, line: int, message: str, severity: str = ERROR) -> Problem:
    """A rule a page breaks, at a line of that page (page problems have no column)."""
    return Problem(Path(path).as_posix(), line, None, message, severity)


@dataclass(frozen=True)
class Field:
    """One front matter value as written (text, even for dates), and the line it is on."""

    text: str | None  # None when the value is a list or mapping, not plain text
    line: int


@dataclass(frozen=True)
class Page:
    """A page split into what the checks need."""

    path: Path
    fields: dict[str, Field] = field(default_factory=dict)
    body: list[tuple[int, str]] = field(default_factory=list)  # (line number, line text)
    problems: list[Problem] = field(default_factory=list)  # why the front matter could not be read


def load_page(path: Path) -> Page:
    """Reads a page; problems reading its front matter become findings, never exceptions."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        return Page(path, problems=[finding(path, 1, too_big("the page", size))])
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()  # as MkDocs reads pages
    except UnicodeDecodeError as error:
        line, _, perhaps = not_utf8(path.read_bytes(), error.start)
        message = (f"a page must be saved as UTF-8 text, but a character on this line{perhaps} is in another "
                   "encoding; save the file as UTF-8 (in most editors: Save As, then choose UTF-8), "
                   "or type the character again")
        return Page(path, problems=[finding(path, line, message)])
    if not lines or lines[0].rstrip() != "---":
        return Page(path, body=_numbered(lines, 1), problems=[finding(path, 1, FRONT_MATTER_HINT)])
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if closing is None:
        message = "the front matter must end with a '---' line before the page text starts"
        return Page(path, problems=[finding(path, 1, message)])
    body = _numbered(lines[closing + 1 :], closing + 2)
    fields, problems = _read_front_matter(path, "\n".join(lines[1:closing]) + "\n")
    return Page(path, fields, body, problems)


def _numbered(lines: list[str], first: int) -> list[tuple[int, str]]:
    return [(first + index, line) for index, line in enumerate(lines)]


def _read_front_matter(path: Path, text: str) -> tuple[dict[str, Field], list[Problem]]:
    # compose, not load: nodes keep line numbers, and dates stay text so their format is checked.
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as error:
        # What to change, at the line where the mistake was made (+1 for the opening '---').
        mistake = explain(error, text)
        return {}, [finding(path, mistake.line + 1, mistake.message)]
    if root is None:
        return {}, []
    if not isinstance(root, yaml.MappingNode):
        return {}, [finding(path, root.start_mark.line + 2, (
            "the lines between the two '---' lines must each be a field name, a colon and a space, "
            "then the value, like title: Get help and report"))]
    fields: dict[str, Field] = {}
    problems: list[Problem] = []
    for key_node, value_node in root.value:
        key = str(key_node.value)
        line = key_node.start_mark.line + 2  # +1 for 1-based lines, +1 for the opening '---'
        if key in fields:
            message = f"'{key}' appears twice in the front matter (first on line {fields[key].line}); keep one and delete the other"
            problems.append(finding(path, line, message))
            continue
        text = value_node.value if isinstance(value_node, yaml.ScalarNode) else None
        fields[key] = Field(text=text, line=line)
    return fields, problems


# -- Generated parts included ----------------------------------------------------------------------

# A pymdownx.snippets include line: --8<-- "facts/phone-book.md"
INCLUDE = re.compile(r"""^\s*-+8<-+\s+(["'])([^"']+)\1\s*$""")
# Parts from the facts step; the events parts (events/*.html) stay as they are.
_GENERATED = re.compile(r"^facts/([^/]+\.md)$")


@dataclass(frozen=True)
class Parts:
    """The generated parts by file name, or None when the files they are made from have problems."""

    texts: dict[str, str] | None


def include_lines(page: Page) -> set[int]:
    """The lines of the page that include a part: what is read there is the part's, not the page's own."""
    return {number for number, text in page.body if INCLUDE.match(text)}


def expand(page: Page, parts: Parts | None) -> tuple[Page, list[Problem], bool]:
    """The page with its generated parts in place, any problem with an include, and whether every part was found."""
    if parts is None:
        return page, [], True
    body: list[tuple[int, str]] = []
    problems: list[Problem] = []
    for number, text in page.body:
        match = INCLUDE.match(text)
        name = _GENERATED.search(match.group(2)) if match else None
        if not match or not name:
            body.append((number, text))
        elif parts.texts is None:
            if problems:
                continue  # once per page: the files' own problems are the ones to fix
            problems.append(finding(page.path, number, (
                f"this page includes {match.group(2)}, which is made from data/facts.yml and mkdocs.yml; "
                "fix the problems reported in those files first")))
        elif name.group(1) not in parts.texts:
            near = difflib.get_close_matches(name.group(1), list(parts.texts), n=1)
            hint = (f"did you mean facts/{near[0]}?" if near
                    else f"the parts are: {', '.join(sorted(part for part in parts.texts if '/' not in part))}")
            problems.append(finding(page.path, number, (
                f"this page includes {match.group(2)}, but no part of that name is made; {hint}")))
        else:
            body.extend((number, line) for line in parts.texts[name.group(1)].splitlines())
    return replace(page, body=body), problems, not problems

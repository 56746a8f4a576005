"""Every built page, 404 included, meets the rules a visitor relies on.

Each test checks one rule across all pages and reports every page that breaks it, by name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import yaml

MAX_TITLE = 65  # search results and browser tabs cut longer titles
MAX_DESCRIPTION = 160  # search results cut longer descriptions


def _report(problems: list[str]) -> str:
    return f"{len(problems)} problem(s):\n" + "\n".join(problems)


def test_the_404_page_is_checked_with_the_rest(pages) -> None:
    assert "404.html" in pages
    assert "index.html" in pages


def _written_language(name: str) -> str:
    """The language a page's Markdown says it is in (its front matter's lang:), else English."""
    docs = Path(__file__).resolve().parents[2] / "docs"
    folder = name.removesuffix("index.html").rstrip("/")
    for source in (docs / f"{folder}.md", docs / folder / "index.md"):
        if folder and source.is_file():
            front = re.match(r"---\n(.*?)\n---\n", source.read_text(encoding="utf-8"), re.S)
            written = (yaml.safe_load(front.group(1)) or {}).get("lang") if front else None
            return str(written or "en")
    return "en"


def test_every_page_says_which_language_it_is_in(pages) -> None:
    """Screen readers choose their voice from <html lang>: English, or a translated page's own language."""
    problems = [f"{name}: <html lang> is {facts.lang!r}; it must be {_written_language(name)!r}"
                for name, facts in pages.items() if facts.lang != _written_language(name)]
    assert not problems, _report(problems)


def test_every_page_has_exactly_one_h1(pages) -> None:
    problems = [f"{name}: has {facts.h1_count} <h1> headings; a page needs exactly one"
                for name, facts in pages.items() if facts.h1_count != 1]
    assert not problems, _report(problems)


def test_every_page_has_a_short_unique_title(pages) -> None:
    problems = []
    pages_by_title = defaultdict(list)
    for name, facts in pages.items():
        if not facts.title:
            problems.append(f"{name}: has no <title>")
            continue
        pages_by_title[facts.title].append(name)
        if len(facts.title) > MAX_TITLE:
            problems.append(f"{name}: <title> is {len(facts.title)} characters; the limit is "
                            f"{MAX_TITLE} (shorten 'title' in its front matter): {facts.title!r}")
    for title, names in pages_by_title.items():
        if len(names) > 1:
            problems.append(f"{', '.join(names)}: share the <title> {title!r}; each title must be unique")
    assert not problems, _report(problems)


def test_every_page_has_a_short_description(pages) -> None:
    problems = []
    for name, facts in pages.items():
        if not facts.description:
            problems.append(f"{name}: has no meta description (add 'description' to its front matter)")
        elif len(facts.description) > MAX_DESCRIPTION:
            problems.append(f"{name}: meta description is {len(facts.description)} characters; "
                            f"the limit is {MAX_DESCRIPTION}")
    assert not problems, _report(problems)


def test_every_page_lists_its_sources(pages) -> None:
    problems = [f"{name}: has no sources list (end the page with a '## Sources' section)"
                for name, facts in pages.items() if "sources" not in facts.ids]
    assert not problems, _report(problems)


def _digits(text: str) -> str:
    """Phone digits only: '+44 20 7008 0151' and 'tel:+442070080151' both give '442070080151'."""
    return re.sub(r"\D", "", text)


def _joined_numbers(text: str) -> str:
    """The page text with spaces and hyphens inside numbers removed, so '0808 2000 247' reads '08082000247'."""
    return re.sub(r"(?<=\d)[\s\u00a0-]+(?=\d)", "", text)


def test_every_phone_link_shows_its_number(pages) -> None:
    problems = []
    for name, facts in pages.items():
        text = _joined_numbers(facts.text)
        for href, link_text in facts.tel_links:
            number = _digits(href)
            if not number:
                problems.append(f"{name}: the phone link {href!r} has no number in it")
            elif number not in text:
                problems.append(f"{name}: the phone link {href!r} (text {link_text!r}) dials a number "
                                "that is not written on the page; show the number people will call")
    assert not problems, _report(problems)


def test_reading_numbers_ignores_the_spaces_people_write_in_them() -> None:
    assert _joined_numbers("Call 08 08 16 89 111 or 0800-555-111 now") == "Call 08081689111 or 0800555111 now"
    assert _digits("tel:+44 20 7008 0151") == "442070080151"


def test_no_page_shows_a_local_address(pages) -> None:
    """The tests build a preview, for 127.0.0.1: even then no page's text shows that address."""
    problems = [f"{name}: shows a local address" for name, facts in pages.items()
                if "127.0.0.1" in facts.text or "localhost" in facts.text]
    assert not problems, _report(problems)

"""A translated page, built with the real templates: when a screen reader user opens it, the page's
text is read in its language, the notice says when it was translated, and links to it say their language.

The fixture site (tests/fixtures/sites/translated) has an English page, a Turkish and a right-to-left
Arabic translation, with made-up content.
"""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

import website
from sitebuild import pipeline

# Elements that never have a closing tag, so they do not stay open on the stack.
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Languages(HTMLParser):
    """The language each element is read in (its own lang, or its nearest ancestor's), with its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str], str | None, str | None]] = []
        self.elements: list[dict] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        lang = attributes.get("lang", self.stack[-1][2] if self.stack else None)
        direction = attributes.get("dir", self.stack[-1][3] if self.stack else None)
        element = {"tag": tag, "attrs": attributes, "lang": lang, "dir": direction, "text": ""}
        self.elements.append(element)
        if tag not in _VOID:
            self.stack.append((tag, attributes, lang, direction))
            self._open = getattr(self, "_open", []) + [element]

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        while self.stack:
            open_tag, *_ = self.stack.pop()
            self._open.pop()
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        for element in getattr(self, "_open", []):
            element["text"] += data


def _elements(path: Path) -> list[dict]:
    reader = _Languages()
    reader.feed(path.read_text(encoding="utf-8"))
    for element in reader.elements:
        element["text"] = " ".join(element["text"].split())
    return reader.elements


def _one(elements: list[dict], tag: str, **attrs: str) -> dict:
    found = [e for e in elements if e["tag"] == tag and all(attrs[k] in e["attrs"].get(k, "").split() or
                                                               attrs[k] == e["attrs"].get(k) for k in attrs)]
    assert len(found) == 1, f"expected one <{tag} {attrs}>, found {len(found)}"
    return found[0]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, fixture_site) -> Path:
    config = fixture_site("translated", tmp_path_factory.mktemp("translated"))
    pipeline.build(config, config.parent / "site")
    return config.parent / "site"


@pytest.mark.parametrize(("page", "lang", "direction"), [("tr", "tr", None), ("ar", "ar", "rtl")])
def test_a_translated_pages_text_is_read_in_its_language(site: Path, page: str, lang: str, direction: str | None) -> None:
    elements = _elements(site / page / "index.html")
    assert _one(elements, "html")["attrs"]["lang"] == lang  # the site's own words say they are English (below)
    assert _one(elements, "title")["attrs"].get("lang") == lang
    wrapper = _one(elements, "div", **{"class": "translated-page"})
    assert (wrapper["attrs"]["lang"], wrapper["attrs"].get("dir")) == (lang, direction)
    assert (_one(elements, "h1")["lang"], _one(elements, "h1")["dir"]) == (lang, direction or "ltr")  # <html dir="ltr">
    # The header shows only the site's name, in English, never the page's title.
    assert [e["attrs"].get("lang") for e in elements if e["tag"] == "header"] == ["en"]
    reviewed = [element for element in elements if element["tag"] == "p"
                and element["attrs"].get("class") == "page-reviewed"]
    # "Page last reviewed" is the site's English; only once a native speaker has checked the translation (ar).
    assert [element["lang"] for element in reviewed] == (["en"] if page == "ar" else [])


def test_the_notice_says_in_the_language_when_it_was_translated_and_that_no_native_speaker_checked_it(site: Path) -> None:
    notice = _one(_elements(site / "tr" / "index.html"), "p", **{"class": "translation-notice"})
    assert notice["lang"] == "tr"
    # The date sits between invisible left-to-right isolate marks, so right-to-left text keeps it in order.
    assert notice["text"] == ("Örnek: İngilizceden \u20662026-11-01\u2069 tarihinde çevrildi. "
                              "Örnek: Bu çeviriyi henüz anadili Türkçe olan biri kontrol etmedi.")


def test_the_notice_says_when_a_native_speaker_has_checked_it(site: Path) -> None:
    notice = _one(_elements(site / "ar" / "index.html"), "p", **{"class": "translation-notice"})
    assert (notice["lang"], notice["dir"]) == ("ar", "rtl")
    assert notice["text"] == "مثال: تُرجمت من الإنجليزية في \u20662026-11-01\u2069. مثال: راجع متحدث أصلي هذه الترجمة."


def test_an_english_page_has_no_notice_and_no_language_of_its_own(site: Path) -> None:
    elements = _elements(site / "index.html")
    assert not [e for e in elements if "translation-notice" in e["attrs"].get("class", "")]
    assert _one(elements, "h1")["lang"] == "en"


def test_links_to_a_translated_page_mark_its_name_in_its_language(site: Path) -> None:
    """The menu title 'Örnek (Example Turkish)': 'Örnek' is Turkish, '(Example Turkish)' stays English."""
    elements = _elements(site / "index.html")
    names = [(e["text"], e["attrs"]["lang"], e["attrs"].get("dir")) for e in elements
             if e["tag"] == "span" and e["attrs"].get("lang")]
    assert ("Örnek", "tr", None) in names and ("مثال", "ar", "rtl") in names
    links = {e["text"]: e for e in elements if e["tag"] == "a" and e["attrs"].get("href") in ("tr/", "ar/")}
    assert links["Örnek"]["attrs"].get("lang") == "tr"  # a link whose whole text is the name
    assert links["in Turkish"]["attrs"].get("lang") is None  # English words about the page stay English
    assert links["مثال"]["attrs"].get("dir") == "rtl"


def test_the_footer_link_keeps_its_name_and_marks_the_title_it_shows(site: Path) -> None:
    """At phone widths the footer hides its titles, so the English aria-label stays the link's name."""
    footer_next = [e for e in _elements(site / "index.html")
                   if e["tag"] == "a" and "md-footer__link--next" in e["attrs"].get("class", "")]
    assert len(footer_next) == 1 and footer_next[0]["attrs"]["aria-label"] == "Next: Örnek (Example Turkish)"
    marked = [e for e in _elements(site / "index.html") if e["tag"] == "span" and e["attrs"].get("lang") == "tr"]
    assert len(marked) >= 2  # in the menu and in the footer's shown title


def test_a_translated_pages_own_headings_in_the_menu_are_in_its_language(site: Path) -> None:
    elements = _elements(site / "tr" / "index.html")
    toc = [e for e in elements if e["tag"] == "a" and e["attrs"].get("href", "").startswith("#")
           and "md-nav__link" in e["attrs"].get("class", "")]
    assert toc and all(e["attrs"].get("lang") == "tr" for e in toc)


def test_on_a_right_to_left_page_phone_numbers_keep_their_digits_in_order(site: Path) -> None:
    tel = [e for e in _elements(site / "ar" / "index.html") if e["attrs"].get("href", "").startswith("tel:")]
    assert tel and all(e["attrs"].get("dir") == "ltr" for e in tel)
    assert all(e["attrs"].get("dir") is None for e in _elements(site / "tr" / "index.html")
               if e["attrs"].get("href", "").startswith("tel:"))


def test_the_fixture_sites_pages_pass_the_content_checks(capsys: pytest.CaptureFixture[str], fixture_site,
                                                       tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = fixture_site("translated", tmp_path)
    monkeypatch.chdir(config.parent)
    status = website.main(["check", "--today", "2026-11-25", "--config", "mkdocs.yml"])
    assert capsys.readouterr().out.splitlines()[-1] == "0 errors, 1 warning"  # the register's due line
    assert status == 0


@pytest.mark.parametrize(("page", "lang", "direction"), [("tr", "tr", None), ("ar", "ar", "rtl")])
def test_a_translated_page_is_in_its_language_and_the_sites_own_parts_say_they_are_english(
        site: Path, page: str, lang: str, direction: str | None) -> None:
    elements = _elements(site / page / "index.html")
    html = _one(elements, "html")
    assert (html["attrs"].get("lang"), html["attrs"].get("dir")) == (lang, direction)
    for tag, css in (("header", "md-header"), ("footer", "md-footer"), ("nav", "quick-exit")):
        assert _one(elements, tag, **{"class": css})["lang"] == "en"
    assert _one(elements, "html")["attrs"]["lang"] != "en"
    english = _elements(site / "index.html")
    assert _one(english, "html")["attrs"].get("lang") == "en"


@pytest.mark.parametrize(("page", "lang", "label", "line"), [
    ("tr", "tr", "Örnek çıkış", "Örnek: acil durumda 999'u arayın."),
    ("ar", "ar", "مثال: اخرج", "مثال: في حالة الطوارئ اتصل بالرقم 999."),
])
def test_the_exit_and_the_emergency_line_are_in_the_pages_language(site: Path, page: str, lang: str, label: str,
                                                                   line: str) -> None:
    """When I open a translated page, the exit button and the emergency line are in my language; the plain
    exit link keeps the English beside mine, for whoever helps me read."""
    elements = _elements(site / page / "index.html")
    button = _one(elements, "a", **{"class": "quick-exit__button"})
    assert (button["text"], button["lang"]) == (label, lang)
    assert _one(elements, "a", **{"class": "quick-exit__link"})["text"] == f"{label} / Exit this page"
    emergency = _one(elements, "aside", **{"class": "emergency"})
    assert line in emergency["text"]
    assert any(e["tag"] == "span" and e["lang"] == lang and e["text"] == line for e in elements)
    assert [e["attrs"]["href"] for e in elements if e["tag"] == "a" and e["text"] == "999"] == ["tel:999"]

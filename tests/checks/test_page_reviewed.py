"""Each page's footer says, in words, when the page was last reviewed."""

from __future__ import annotations

import calendar
import datetime
from pathlib import Path

import jinja2
import pytest

from sitebuild import config as site_config
from sitebuild.checks.reader import load_page

REPO = Path(__file__).resolve().parents[2]
TEMPLATE = jinja2.Environment(loader=jinja2.FileSystemLoader(REPO / "overrides")).get_template(
    "partials/page-reviewed.html"
)


@pytest.mark.parametrize(("last_reviewed", "expected"), [
    # YAML reads an unquoted date as a date, and a quoted one as text: both read the same.
    (datetime.date(2026, 11, 25),
     '<p class="page-reviewed">Page last reviewed: <time datetime="2026-11-25">25 November 2026</time></p>'),
    ("2026-03-05",
     '<p class="page-reviewed">Page last reviewed: <time datetime="2026-03-05">5 March 2026</time></p>'),
    ("<b>soon</b>", '<p class="page-reviewed">Page last reviewed: &lt;b&gt;soon&lt;/b&gt;</p>'),
])
def test_the_review_date_reads_as_words(last_reviewed: object, expected: str) -> None:
    assert TEMPLATE.render(page={"meta": {"last_reviewed": last_reviewed}}).strip() == expected


def test_a_page_without_a_review_date_shows_nothing() -> None:
    assert TEMPLATE.render(page={"meta": {}}).strip() == ""


@pytest.mark.parametrize(("checked", "shown"), [(False, False), ("no", False), (True, True)])
def test_a_translation_says_it_was_reviewed_only_once_a_native_speaker_has_checked_it(checked, shown) -> None:
    meta = {"last_reviewed": "2026-11-25", "translated_from": "get-help.md", "native_speaker_checked": checked}
    assert ("Page last reviewed" in TEMPLATE.render(page={"meta": meta})) is shown


def test_every_built_page_shows_its_review_date(built_site: Path) -> None:
    for page in site_config.load(REPO / "mkdocs.yml").pages:
        source = REPO / "docs" / page
        fields = load_page(source).fields
        field = fields.get("last_reviewed")
        checked = fields.get("native_speaker_checked")
        unchecked = "translated_from" in fields and not (checked and checked.text == "yes")
        if not field or unchecked:
            continue
        reviewed = datetime.date.fromisoformat(field.text)
        built = built_site / site_config.page_output(page)
        words = f"{reviewed.day} {calendar.month_name[reviewed.month]} {reviewed.year}"
        assert (
            f'Page last reviewed: <time datetime="{reviewed.isoformat()}">{words}</time>'
            in built.read_text(encoding="utf-8")
        ), source.name

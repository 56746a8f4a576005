"""The contact route setting (extra.identity.contact in mkdocs.yml), built in each state: when I read the about
page, I see the team's email address or form if it has one, and otherwise an honest sentence and what
exists instead. A mistake in the setting stops the build, naming mkdocs.yml and the line."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from sitebuild import config as site_config
from sitebuild import facts, pipeline
from sitebuild.facts import load_register

from .conftest import read_page

REPO = Path(__file__).resolve().parents[2]
UNSET = ("The team that runs this website does not have a public email address or contact form yet, "
         "so you cannot send feedback about the website directly.")


def _build(fixture_site, folder: Path, contact: str | None = None, complaints_page: bool = False) -> Path:
    config = fixture_site("contact", folder)
    if contact is not None:
        config.write_text(config.read_text().replace("    contact: {}\n", textwrap.indent(contact, "  ")))
    if complaints_page:
        (config.parent / "docs" / "police-perpetrator.md").write_text(
            "---\ntitle: Example complaints page\n---\n\n# Example complaints page\n\n"
            "## Complaining about a Met officer\n\nExample text.\n")
        config.write_text(re.sub(r"(?m)^nav:\n", "nav:\n  - police-perpetrator.md\n", config.read_text(), count=1))
    pipeline.build(config, config.parent / "site")
    return config.parent / "site"


def _links(page: Path) -> list[str]:
    return re.findall(r'<a href="([^"]+)"', page.read_text(encoding="utf-8"))


def test_unset_the_page_says_there_is_no_route_yet_and_what_exists(fixture_site, tmp_path: Path) -> None:
    page = _build(fixture_site, tmp_path) / "index.html"
    text = read_page(page).text
    assert UNSET in text
    assert "sign up to Met Engage" in text
    links = _links(page)
    assert "https://metengage.co.uk/" in links
    assert "https://policeconduct.gov.uk/complaints/submit-a-complaint" in links  # no complaints page on this site
    assert not [link for link in links if link.startswith("mailto:")]


def test_unset_with_a_complaints_page_the_page_links_to_it(fixture_site, tmp_path: Path) -> None:
    page = _build(fixture_site, tmp_path, complaints_page=True) / "index.html"
    assert "police-perpetrator/#complaining-about-a-met-officer" in _links(page)
    assert "https://policeconduct.gov.uk/complaints/submit-a-complaint" not in _links(page)


def test_with_an_email_address_the_page_links_to_it(fixture_site, tmp_path: Path) -> None:
    page = _build(fixture_site, tmp_path, "  contact:\n    email: feedback@example.org\n") / "index.html"
    text = read_page(page).text
    assert "To send us feedback about this website, including criticism, email feedback@example.org" in text
    assert UNSET not in text
    assert "mailto:feedback@example.org" in _links(page)
    assert "https://metengage.co.uk/" not in _links(page)


def test_a_wrong_setting_stops_the_build_naming_mkdocs_yml_and_keeps_the_last_good_site(
    fixture_site, tmp_path: Path, capfd: pytest.CaptureFixture[str],
) -> None:
    """Every other mistake is tested on the step itself (tests/facts/test_build_facts.py)."""
    contact = "  contact:\n    email: feedback.example.org\n"
    message = ("mkdocs.yml:24:14: error: extra.identity.contact.email must be an email address like name@example.org; "
               "found 'feedback.example.org'")
    config = fixture_site("contact", tmp_path)
    site = config.parent / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good build")
    config.write_text(config.read_text().replace("    contact: {}\n", textwrap.indent(contact, "  ")))
    with pytest.raises(pipeline.BuildFailed):
        pipeline.build(config, site)
    assert message in capfd.readouterr().err
    assert (site / "index.html").read_text() == "the last good build"


def _plain(markdown: str) -> str:
    """A generated part's first paragraph as a reader sees it: link text without addresses."""
    first = markdown.strip().split("\n\n")[0]
    # The page reader puts a space between a link and the text after it.
    return " ".join(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1 ", first).split())


@pytest.mark.parametrize(("page", "part"), [
    ("about/index.html", "contact-feedback.md"),
    ("accessibility/index.html", "contact-accessibility.md"),
    ("privacy/index.html", "contact-privacy.md"),
])
def test_the_sites_pages_show_the_contact_text_for_the_current_setting(pages, page: str, part: str) -> None:
    parts = facts.build(site_config.load(REPO / "mkdocs.yml"))
    assert _plain(parts[part]) in pages[page].text


def test_the_phone_numbers_page_lists_every_current_service_with_its_links(built_site: Path, pages) -> None:
    register = load_register(REPO / "data" / "facts.yml")
    html = (built_site / "phone-numbers" / "index.html").read_text(encoding="utf-8")
    missing = []
    for fact in register.current():
        if fact.service not in pages["phone-numbers/index.html"].text:
            missing.append(fact.service)
        missing += [f"{fact.service}: {n.href}" for n in fact.numbers if n.href and f'href="{n.href}"' not in html]
    assert missing == []
    withdrawn = [fact.service for fact in register.facts if not fact.current]
    assert not [name for name in withdrawn if name in pages["phone-numbers/index.html"].text]

"""The facts step: the phone book, its sources and the contact texts, from the register and mkdocs.yml.

Each state of the contact setting (none, an email address, a form) is generated and read back.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import website
from sitebuild import config as site_config
from sitebuild import facts

REPO = Path(__file__).resolve().parents[2]
REGISTER = REPO / "tests" / "fixtures" / "facts" / "register.yml"

UNSET_FEEDBACK = (
    "The team that runs this website does not have a public email address or contact form yet, so you "
    "cannot send feedback about the website directly."
)


def _site(tmp_path: Path, contact: str = "  contact: {}\n", complaints_page: bool = False) -> Path:
    """A folder with a register, a docs folder and an mkdocs.yml holding this contact setting."""
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "facts.yml").write_bytes(REGISTER.read_bytes())
    (tmp_path / "docs").mkdir(exist_ok=True)
    if complaints_page:
        (tmp_path / "docs" / "police-perpetrator.md").write_text("# Example complaints page\n")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Example site for a test\nsite_url: !ENV [SITE_URL, \"http://127.0.0.1:8000/\"]\n"
                      "extra:\n  short_name: Example\n  identity:\n" + textwrap.indent(contact, "  "))
    return config


def _generated(config: Path) -> dict[str, str]:
    return facts.build(site_config.load(config))


@pytest.fixture(autouse=True)
def _here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def test_the_phone_book_lists_every_current_service_with_one_tap_links(tmp_path: Path) -> None:
    parts = _generated(_site(tmp_path))
    assert sorted(parts) == ["contact-accessibility.md", "contact-feedback.md", "contact-privacy.md",
                             "contact-sources.md", "controller.md", "phone-book-sources.md", "phone-book.md", "run-by.md"]
    assert parts["phone-book.md"] == textwrap.dedent("""\
        ## Example helplines

        ### Example Helpline

        A made-up helpline for the tests. It does not exist.

        - Call [020 7946 0000](tel:02079460000)
        - Text [80999](sms:80999)
        - Website: [example.org](https://www.example.org/)

        Compared with its source: 1 November 2026.

        ### Example Short Code

        A made-up short code for the tests, and a key to press during its calls.

        - Call [10999](tel:10999)
        - Press 77

        Compared with its source: 1 November 2026.

        ## Example local services

        ### Example Due Line

        A made-up line that was last checked long ago.

        - Out of hours: call [020 7946 0123](tel:02079460123)

        Compared with its sources: 10 January 2026.

        """)


def test_the_sources_list_names_each_address_once_and_leaves_out_withdrawn_services(tmp_path: Path) -> None:
    assert _generated(_site(tmp_path))["phone-book-sources.md"] == textwrap.dedent("""\
        - [Example Helpline: example.org](https://www.example.org/example-helpline)
        - [Example Short Code: example.org](https://www.example.org/example-short-code)
        - [Example Due Line: example.org](https://www.example.org/example-due-line)
        - [Example Due Line: example.org (page 2)](https://www.example.org/example-due-line-2)
        """)


def test_without_a_contact_route_the_pages_say_so_and_point_to_what_exists(tmp_path: Path) -> None:
    parts = _generated(_site(tmp_path))
    assert parts["contact-feedback.md"] == UNSET_FEEDBACK + "\n\n" + textwrap.dedent("""\
        What you can do now:

        - To hear from your local neighbourhood officers, sign up to [Met Engage](https://metengage.co.uk/). It is the Met's free email service, with updates, news of meetings and a survey about local priorities.
        - To complain about a police officer, use the [Independent Office for Police Conduct's complaint form](https://policeconduct.gov.uk/complaints/submit-a-complaint). It sends your complaint to the police force concerned.
        """)
    for name in ("contact-accessibility.md", "contact-privacy.md"):
        assert "does not have a public email address or contact form yet" in parts[name]
        assert "mailto:" not in parts[name]
    assert parts["contact-sources.md"].count("- [") == 2


def test_once_the_site_has_a_complaints_page_the_texts_link_to_it(tmp_path: Path) -> None:
    parts = _generated(_site(tmp_path, complaints_page=True))
    assert ("- To complain about a police officer, read [Complaining about a Met officer]"
            "(police-perpetrator.md#complaining-about-a-met-officer).\n") in parts["contact-feedback.md"]
    assert "policeconduct.gov.uk" not in parts["contact-feedback.md"] + parts["contact-sources.md"]


def test_with_an_email_address_the_pages_link_to_it(tmp_path: Path) -> None:
    parts = _generated(_site(tmp_path, "  contact:\n    email: feedback@example.org\n"))
    assert parts["contact-feedback.md"] == (
        "To send us feedback about this website, including criticism, email "
        "[feedback@example.org](mailto:feedback@example.org).\n")
    assert parts["contact-accessibility.md"] == (
        "To tell us about a problem with this website, or to ask for information in a different format, "
        "email [feedback@example.org](mailto:feedback@example.org).\n")
    assert parts["contact-privacy.md"] == (
        "To ask about this notice, email [feedback@example.org](mailto:feedback@example.org).\n")
    assert parts["contact-sources.md"] == ""


def test_with_a_form_the_pages_link_to_it_and_name_its_site(tmp_path: Path) -> None:
    parts = _generated(_site(tmp_path, "  contact:\n    form: https://www.example.org/feedback\n"))
    assert parts["contact-feedback.md"] == (
        "To send us feedback about this website, including criticism, use "
        "[the team's form on example.org](https://www.example.org/feedback).\n")


@pytest.mark.parametrize(("contact", "message"), [
    ("  contact:\n    email: not-an-email\n",
     "mkdocs.yml:7:14: error: extra.identity.contact.email must be an email address like name@example.org; found 'not-an-email'"),
    ("  contact:\n    form: http://www.example.org/feedback\n",
     "mkdocs.yml:7:13: error: extra.identity.contact.form must be the https:// address of a form on an official website, like "
     "https://www.example.org/feedback; found 'http://www.example.org/feedback'"),
    ("  contact:\n    email: feedback@example.org\n    form: https://www.example.org/feedback\n",
     "mkdocs.yml:6:5: error: extra.identity.contact must hold email or form, not both: keep the one the team reads"),
    ("  contact:\n    emial: feedback@example.org\n",
     "mkdocs.yml:7:7: error: 'emial' is not a setting allowed under extra.identity.contact; did you mean 'email'?"),
    ("  contact: feedback@example.org\n",
     "mkdocs.yml:6:14: error: extra.identity.contact must hold either email: or form: on its own line below it, indented; "
     "found 'feedback@example.org'"),
])
def test_a_wrong_contact_setting_fails_the_check_with_its_place_in_mkdocs_yml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], contact: str, message: str,
) -> None:
    _site(tmp_path, contact)
    assert website.main(["check", "--config", "mkdocs.yml", "--today", "2026-11-25"]) == 1
    # The made-up register's due line is always a warning (tests/fixtures/facts/register.yml).
    assert [line for line in capsys.readouterr().out.splitlines() if "warning: " not in line] == [message, "1 error, 1 warning"]


def test_problems_in_both_files_are_reported_together(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _site(tmp_path, "  contact:\n    email: not-an-email\n")
    register = tmp_path / "data" / "facts.yml"
    register.write_text(register.read_text().replace("kind: call", "kind: phone", 1))
    assert website.main(["check", "--config", "mkdocs.yml", "--today", "2026-11-25"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "data/facts.yml:11:15: error: kind must be one of: call, text, press; found 'phone'",
        "mkdocs.yml:7:14: error: extra.identity.contact.email must be an email address like name@example.org; found 'not-an-email'",
        "2 errors",
    ]


@pytest.mark.parametrize("kind, compared", [
    ("service", "Compared with the service's own website: 1 November 2026."),
    ("police", "Compared with a police force's page: 1 November 2026."),
    ("council", "Compared with a council's page: 1 November 2026."),
    ("government", "Compared with a government page: 1 November 2026."),
])
def test_the_phone_book_says_what_each_number_was_compared_with(tmp_path: Path, kind: str, compared: str) -> None:
    """Only a number checked on the service's own site says so; the kind comes from data/sources.yml."""
    config = _site(tmp_path)
    (tmp_path / "data" / "sources.yml").write_text(f"domains:\n  example.org: {kind}\n")
    book = _generated(config)["phone-book.md"]
    assert book.count(compared) == 2
    assert "Compared with " + compared.split("Compared with ")[1].split(":")[0] + " and 1 other source: 10 January 2026." in book

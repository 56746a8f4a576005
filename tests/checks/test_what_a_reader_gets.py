"""The page check reads a page as a reader gets it: no page may carry code of its own, every link syntax is
checked, numbers are read however they are written, and a paste of any size is answered quickly.
Each rule's exact message, at the line where the page's editor typed the mistake."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import website

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path("tests/fixtures/content/reader")  # relative, as the messages show them
REGISTER = Path("tests/fixtures/facts/register.yml")
CONFIG = Path("tests/fixtures/sites/translated/mkdocs.yml")
DUE = "tests/fixtures/facts/register.yml:60: warning: the number 020 7946 0123"
SCRIPT = ("error: a page must not carry a script of its own: take out this <script> element; the site's own "
          "scripts are in the theme, and a script here could change what a link or number does")
HANDLER = "error: a page must not run code when a reader clicks or loads something: take out {}= from this <{}> tag"
SCRIPT_LINK = ("error: a link must go to a page, a phone number or an email address, never run a script: this "
               "link starts javascript:; link to a web address instead")
EMBED = "error: a page must not embed another website or program: take out this <{}> element, and link to the page instead"
REMOTE = ("error: a page must not load {} from another website, which would tell that site who is reading: take it "
          "out, or save the file in the docs folder and use it from there; found '{}'")
STYLE = "error: a page must not carry its own styles: take out {}; the site's look is in the theme's stylesheet"
SWAP = ("error: a link must {} the number its words show, so a tap reaches the service the reader chose: its words "
        "show {} but it {} {}; make the link {}, or change its words")
UNREGISTERED = (
    "error: every phone number, text number and short code on a page must be in the register, "
    "tests/fixtures/facts/register.yml; {} is not: did you mean 020 7946 0000 (Example Helpline)? Correct it on "
    "the page; if it really is another number, check it against the service's own website or an official page, "
    "then add it to tests/fixtures/facts/register.yml with that source")



def _check(capsys: pytest.CaptureFixture[str], *pages: str | Path, register: Path = REGISTER) -> list[str]:
    website.main(["check", "--today", "2026-11-25", "--facts", str(register), "--config", str(CONFIG), *map(str, pages)])
    return [line for line in capsys.readouterr().out.splitlines() if not line.startswith(DUE)][:-1]


def test_no_page_may_carry_code_of_its_own(capsys: pytest.CaptureFixture[str]) -> None:
    """The first is a script that would rewrite every phone link: refused here, before any build."""
    page = f"{FIXTURES}/scripts.md"
    assert _check(capsys, page) == [
        f"{page}:12: {SCRIPT}",
        f"{page}:14: {HANDLER.format('onclick', 'button')}",
        f"{page}:16: {SCRIPT_LINK}",
        f"{page}:18: {SCRIPT_LINK}",
        f"{page}:20: {EMBED.format('iframe')}",
        f"{page}:22: {EMBED.format('embed')}",
        f"{page}:22: {EMBED.format('object')}",
        f"{page}:24: error: a page must not carry a form, which could send what a reader types somewhere else: "
        "take out this <form>, and link to the service's own form instead",
        f"{page}:26: {REMOTE.format('images', 'https://www.example.org/picture.png')}",
        f"{page}:28: {REMOTE.format('images', '//www.example.org/tracker.gif')}",
        f"{page}:30: {REMOTE.format('a stylesheet', 'https://www.example.org/look.css')}",
        f"{page}:32: {STYLE.format('this <style> element')}",
        f"{page}:34: {STYLE.format('style= from this <p> tag')}",
    ]


def test_front_matter_the_templates_show_may_not_carry_code_either(capsys: pytest.CaptureFixture[str]) -> None:
    page = f"{FIXTURES}/shown-fields.md"
    assert _check(capsys, page) == [f"{page}:2: {SCRIPT}", f"{page}:11: {HANDLER.format('onmouseover', 'span')}"]


def test_a_link_that_shows_one_number_and_dials_another_fails_in_every_link_syntax(
        capsys: pytest.CaptureFixture[str]) -> None:
    page = f"{FIXTURES}/swapped-links.md"
    calls = SWAP.format("call", "020 7946 0000 (Example Helpline)", "calls", "02079460123 (Example Due Line)",
                        "tel:02079460000")
    # Inline, reference-style, raw HTML in a paragraph, and a raw HTML block; then a text link.
    assert _check(capsys, page) == [f"{page}:{line}: {calls}" for line in (10, 12, 14, 16)] + [
        f"{page}:18: " + SWAP.format("text", "80999 (Example Helpline)", "texts", "10999 (Example Short Code)",
                                     "sms:80999"),
        f"{page}:18: error: an sms: link must go to a number that takes texts: tests/fixtures/facts/register.yml "
        "lists 10999 (Example Short Code) as call only, so tapping this link would not reach it; link it as "
        "tel:10999, or check the number's kind in tests/fixtures/facts/register.yml",
    ]


def test_a_registered_number_passes_however_it_is_written(capsys: pytest.CaptureFixture[str]) -> None:
    """Brackets, +44 (0), every dash, no-break and thin spaces, invisible characters, full-width digits;
    and years, times, money, postcodes, sections and dates are still not numbers."""
    assert _check(capsys, f"{FIXTURES}/written-forms.md") == []


def test_a_mistyped_number_is_caught_however_it_is_written_and_the_nearest_is_named(
        capsys: pytest.CaptureFixture[str]) -> None:
    page = f"{FIXTURES}/mistyped-forms.md"
    assert _check(capsys, page) == [
        f"{page}:10: {UNREGISTERED.format('(020) 7946 0001')}",
        f"{page}:11: {UNREGISTERED.format('020-7946-0002')}",
        f"{page}:12: {UNREGISTERED.format('02079460003')}",
        f"{page}:13: {UNREGISTERED.format('020 7946 0004')}",
    ]


def test_a_number_far_from_every_registered_one_gets_no_guess(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text((REPO / FIXTURES / "mistyped-forms.md").read_text().replace("(020) 7946 0001", "0300 123 4567"))
    assert _check(capsys, page)[0] == (
        f"{page.as_posix()}:10: error: every phone number, text number and short code on a page must be in the "
        "register, tests/fixtures/facts/register.yml; 0300 123 4567 is not: check it against the service's own "
        "website or an official page, then add it to tests/fixtures/facts/register.yml with that source, or take it "
        "off the page")


def test_a_withdrawn_number_says_what_replaced_it(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    register = tmp_path / "facts.yml"
    register.write_text((REPO / REGISTER).read_text().replace(
        "    status: withdrawn\n", "    status: withdrawn\n    replaced_by: example-helpline\n"))
    lines = _check(capsys, "tests/fixtures/content/numbers/withdrawn.md", register=register)
    assert lines[::-1] == [
        "tests/fixtures/content/numbers/withdrawn.md:10: error: a page must not show a withdrawn number: 0808 157 0999 "
        f"is marked withdrawn in {register.as_posix()} (line 36, Example Old Line); it was replaced by 020 7946 0000 "
        "and 80999 (Example Helpline): show that instead",
        f"{register.as_posix()}:61: warning: the number 020 7946 0123 for Example Due Line had to be confirmed by "
        "2026-07-10 (6 months after last_confirmed): check it against its sources, then set last_confirmed to the "
        "day you checked; if it has changed, change it here and on every page that shows it",
    ]


@pytest.mark.parametrize("old, new, message", [
    ("    status: withdrawn\n", "    status: withdrawn\n    replaced_by: no-such-entry\n",
     "48:18: error: replaced_by must be the id of another entry in this file; there is no entry with id 'no-such-entry'"),
    ("    status: withdrawn\n", "    status: withdrawn\n    replaced_by: example-old-line\n",
     "48:18: error: replaced_by must be the id of another entry in this file; there is no entry with id "
     "'example-old-line'"),
    ("    confirm_every: 6 months\n    status: current\n\n  - id: example-old-line",
     "    confirm_every: 6 months\n    status: current\n    replaced_by: example-helpline\n\n  - id: example-old-line",
     "35:18: error: replaced_by belongs only on a withdrawn entry: set status: withdrawn, or remove replaced_by"),
])
def test_replaced_by_names_a_current_entry_and_only_on_a_withdrawn_one(
        old: str, new: str, message: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    register = tmp_path / "facts.yml"
    text = (REPO / REGISTER).read_text()
    assert old in text
    register.write_text(text.replace(old, new, 1))
    lines = _check(capsys, register, register=register)
    assert f"{register.as_posix()}:{message}" in lines


def test_a_number_typed_in_the_events_file_is_reported_at_its_line(capsys: pytest.CaptureFixture[str],
                                                                     tmp_path: Path) -> None:
    """The events page shows each description: its numbers and links are checked where the officer typed them."""
    site = tmp_path / "site"
    (site / "docs").mkdir(parents=True)
    (site / "data").mkdir()
    (site / "mkdocs.yml").write_text("site_name: Fixture\nsite_url: https://example.org/\nnav:\n  - Home: index.md\n")
    (site / "docs" / "index.md").write_text((REPO / "tests/fixtures/content/good-page.md").read_text())
    (site / "data" / "facts.yml").write_bytes((REPO / REGISTER).read_bytes())
    lines = (REPO / "tests/fixtures/events/good.yml").read_text().splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip() == "description: |")
    lines.insert(at + 1, lines[at + 1][: len(lines[at + 1]) - len(lines[at + 1].lstrip())]
                 + "Ask at the desk, or call [0808 157 0000](tel:08081570000).")
    (site / "data" / "events.yml").write_text("\n".join(lines) + "\n")
    website.main(["check", "--today", "2026-11-25", "--config", str(site / "mkdocs.yml")])
    output = capsys.readouterr().out.splitlines()
    shown = (site / "data" / "events.yml").as_posix()
    assert [line for line in output if line.startswith(shown) and "must be in the register" in line] == [
        f"{shown}:{at + 2}: error: every phone number, text number and short code on a page must be in the register, "
        f"{(site / 'data' / 'facts.yml').as_posix()}; 0808 157 0000 is not: check it against the service's own "
        f"website or an official page, then add it to {(site / 'data' / 'facts.yml').as_posix()} with that source, "
        "or take it off the page",
    ]


PATHOLOGICAL = [
    "a" * 200_000,
    "0 " * 100_000,
    "call 1 " * 30_000,
    "020 7946 0000 " * 15_000,
    "[" * 200_000,
    "*a" * 100_000,
    "<" * 200_000,
    "<a " * 70_000,
    "{:" * 100_000,
    "`" * 200_000,
    " " * 200_000 + "x",
    "e.g." * 50_000,
    "on " * 70_000 + "101",
]


@pytest.mark.parametrize("paste", PATHOLOGICAL, ids=lambda text: repr(text[:6]))
def test_a_page_with_a_huge_paste_on_one_line_is_checked_quickly(paste: str, tmp_path: Path) -> None:
    """Every check is linear in the size of the page: no pattern reads a long line again for each character.
    It counts this process's CPU time, not the clock, so other work on a busy machine cannot fail it; the
    bound is generous, and a check that read the line again for each character would take minutes."""
    page = tmp_path / "page.md"
    page.write_text((REPO / "tests/fixtures/content/good-page.md").read_text() + "\n" + paste + "\n\n# " + paste[:20_000] + "\n")
    started = time.process_time()
    website.main(["check", "--today", "2026-11-25", "--facts", str(REGISTER), "--config", str(CONFIG), str(page)])
    assert time.process_time() - started < 10


def test_a_file_far_larger_than_a_page_is_refused_at_once(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("---\ntitle: Fixture\n---\n" + "x" * 1_000_001)
    website.main(["check", "--today", "2026-11-25", str(page)])
    assert capsys.readouterr().out.splitlines() == [
        f"{page.as_posix()}:1: error: the page is 1,000,024 bytes, more than the 1,000,000 (1 MB) a real page needs, "
        "so it was not read; check that nothing else was pasted or saved into it",
        "1 error",
    ]

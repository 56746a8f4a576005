"""Finding the numbers a page shows: one finder for the register check and the translated-page check.

Each case is a line an editor might write, and the numbers a visitor would call, text or press.
"""

from __future__ import annotations

import pytest

from sitebuild.checks.numbers import every_number, external_links, find_numbers, template_text
from sitebuild.checks.reader import read, read_html
from sitebuild.facts.model import dialled


def _found(line: str, any_language: bool = False) -> list[str]:
    return [shown.text for shown in find_numbers(read([(1, line)]), any_language)]


@pytest.mark.parametrize(("line", "numbers"), [
    # UK-format numbers, however they are spaced, with or without a link.
    ("Call [0808 2000 247](tel:08082000247).", ["0808 2000 247"]),
    ("| Victim Support | [08 08 16 89 111](tel:08081689111) |", ["08 08 16 89 111"]),
    ("From abroad, call +44 20 7946 0000.", ["+44 20 7946 0000"]),
    ("Ring 020-7946-0000 or 020\u00a07946\u00a00123.", ["020-7946-0000", "020 7946 0123"]),
    ("Childline: 0800 1111", ["0800 1111"]),
    ("Call 0800 40 50 40 at any time.", ["0800 40 50 40"]),
    ("Phone 0300 020 0096 (press 1) for help.", ["0300 020 0096"]),
    # Short codes used as numbers to call, text or press.
    ("Call [999](tel:999) if a crime is happening now.", ["999"]),
    ("If you are in danger, call **999**.", ["999"]),
    ("3. Press 55 when the message asks you to.", ["55"]),
    ("Silence alone does not bring help, so press 55 if you can.", ["55"]),
    ("Text British Transport Police on [61016](tel:61016).", ["61016"]),
    ('1. Text the word "register" to 999.', ["999"]),
    ("They help you contact a helpline or the police on [101](tel:101).", ["101"]),
    ("Report it online, on 101, or on 999 in an emergency.", ["101", "999"]),
    ("If you are worried about symptoms, call NHS 111.", ["111"]),
    ("For the police non-emergency line, call [18001 101](tel:18001101).", ["18001 101"]),
    ("Calls to Samaritans on 116 123 do not show on your bill.", ["116 123"]),
    ("From a mobile, call 999, then 55.", ["999", "55"]),
    ("Dial 999 or 112.", ["999", "112"]),
    ("<li>In an emergency, call <a href=\"tel:999\">999</a>.</li>", ["999"]),
    ("Text [the line](sms:80999) now.", ["sms:80999"]),
    ("Tap [to call us](tel:+442079460000).", ["tel:+442079460000"]),
    # Digits in another script count as the digits they stand for.
    ("Call ৯৯৯ now.", ["999"]),
])
def test_a_number_to_call_text_or_press_is_found(line: str, numbers: list[str]) -> None:
    assert _found(line) == numbers


@pytest.mark.parametrize("line", [
    "In March 2021, the Hackney Gazette surveyed almost 800 women.",
    "It started at 18:30 on 24 July 2017, and 45% of those asked came.",
    "The event costs £101, or $999 abroad.",
    "Under s.24 and ss.22, 23 and 25 of the Act.",
    "The hall is at 1 Example Road, E8 1AA.",
    "About 2,700 allegations were made; 3.5 per 1,000 people.",
    "It was published on 25 November 2026 and revised 2026-11-25 and 01/12/2021.",
    "10. The tenth item of a numbered list.",
    "Choose option 2, then press 1.",
    "Zoom in up to 400% without losing text.",
    "Calls rose from 2021 to 2024.",
    "Call 3 friends or 100 people.",
    "Text 10 friends.",
    "We tested at 375 and 1280 pixels wide.",
    "Crimestoppers has no caller display and does not use 1471.",
    "[Read the report](https://www.example.org/reports/0808-2000-247/999)",
    "--8<-- \"docs/generated/contact-999.md\"",
    "Open 24/7, or 7/24 in Turkish.",
])
def test_counts_dates_times_and_addresses_are_not_numbers_to_call(line: str) -> None:
    assert _found(line) == []


def test_a_number_inside_a_code_block_is_not_shown_to_visitors() -> None:
    lines = [(1, "```"), (2, "call 0808 157 0000"), (3, "```"), (4, "Call 0808 157 0001.")]
    assert [(shown.line, shown.text) for shown in find_numbers(read(lines))] == [(4, "0808 157 0001")]


def test_a_number_written_and_linked_on_one_line_is_found_once() -> None:
    assert [(s.text, s.digits) for s in find_numbers(read([(7, "Call [020 7946 0000](tel:02079460000).")]))] == [
        ("020 7946 0000", "02079460000"),
    ]


def test_on_a_page_in_another_language_every_number_of_two_or_more_digits_counts() -> None:
    assert _found("Acil durumda 112'yi arayın; 55'e basın; 24 saat; 7/24; 2026-11-25.", any_language=True) == [
        "112", "55", "24",
    ]


def test_every_number_includes_counts_and_dates_for_comparing_a_translation() -> None:
    lines = [(1, "Open 24 hours. Call [0808 157 0000](tel:08081570000) or 101 since 2021.")]
    assert every_number(read(lines)) == {"24", "08081570000", "101", "2021"}


@pytest.mark.parametrize(("written", "digits"), [
    ("0808 2000 247", "08082000247"),
    ("+44 20 7008 0151", "02070080151"),
    ("+44 (0)20 7008 0151", "02070080151"),
    ("0044 20 7008 0151", "02070080151"),
    ("tel:+442070080151", "02070080151"),
    ("sms:61016", "61016"),
    ("116 123", "116123"),
    ("৯৯৯", "999"),
])
def test_numbers_are_compared_by_the_digits_a_caller_in_the_uk_dials(written: str, digits: str) -> None:
    assert dialled(written) == digits


def test_external_links_are_found_in_markdown_autolinks_html_and_definitions() -> None:
    lines = [
        (1, "See [the site](https://www.example.org/a) and <https://www.example.org/b>."),
        (2, '<a href="https://www.example.org/c">c</a>, [mail](mailto:help@example.org), [page](other.md)'),
        (3, "And [d][]."), (4, ""), (5, "[d]: https://www.example.org/d"),
    ]
    assert external_links(read(lines)) == [
        (1, "https://www.example.org/a"), (1, "https://www.example.org/b"),
        (2, "https://www.example.org/c"), (2, "mailto:help@example.org"), (3, "https://www.example.org/d"),
    ]


def test_a_template_is_read_without_its_template_code_and_keeps_its_line_numbers() -> None:
    text = '{#- 0808 157 0000 in a comment,\n    over two lines -#}\n<p>Call <a href="{{ url }}">0808 157 0001</a>{% if x %} 0808 157 0002{% endif %}</p>\n'
    # Text inside {% if %} is shown when its condition holds, so it counts.
    assert [(s.line, s.text) for s in find_numbers(read_html(template_text(text)))] == [(3, "0808 157 0001"), (3, "0808 157 0002")]

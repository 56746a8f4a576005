"""The copy-me example's placeholder values are refused in the real data/events.yml, and only there.

The test fixtures use the same values on purpose; they are never published.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from sitebuild.yamlfile import load
from sitebuild.events.validate import validate

from .helpers import EVENT, TODAY


def problems(text: str, placeholders: bool = True) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.message) for p in validate(load(text, "events.yml"), TODAY, placeholders)]


# A correct event with made-up values that are not the example's (the venue and address are EVENT's own).
CORRECT = (EVENT.replace("Example Hall For Tests", "Test Fixture Hall")
           .replace("1 Example Road, Testville", "2 Fixture Street, London"))


def test_a_correct_event_with_made_up_values_passes() -> None:
    assert problems(CORRECT) == []


PLACEHOLDERS = [
    pytest.param("id: example-event-for-tests", "id: 2027-03-14-example-safety-evening",
                 (2, 9, "id is still the example's 2027-03-14-example-safety-evening; replace it with this event's "
                        "date and a few words about it, in lower case with hyphens"), id="id"),
    pytest.param("name: Test Fixture Hall", "name: Example Community Hall",
                 (8, 13, "venue name is still the example's 'Example Community Hall'; replace it with the real "
                         "venue's name"), id="venue"),
    pytest.param("address: 2 Fixture Street, London", "address: 1 Example Road, London",
                 (9, 16, "venue address '1 Example Road, London' is the example's, not a real address; replace it "
                         "with the venue's street address"), id="address"),
    pytest.param("postcode: E8 1AA", "postcode: EC1A 1BB",
                 (10, 17, "postcode is still the example's EC1A 1BB, which is not in Hackney or Tower Hamlets; replace "
                          "it with the venue's postcode"), id="postcode"),
    pytest.param("      borough: Hackney\n", "      borough: Hackney\n      latitude: 51.514\n      longitude: -0.0990\n",
                 (12, 17, "latitude and longitude are still the example's, which are not in Hackney or Tower Hamlets; "
                          "replace them with the venue's own, or remove both to link the map by postcode"),
                 id="map-position"),
    pytest.param("    status: scheduled\n", "    status: moved online\n    online_link: https://...\n",
                 (18, 18, "online_link 'https://...' is an example address, which leads nowhere; replace it with the "
                          "real one"), id="address-with-no-name"),
    pytest.param("booking: not needed", "booking:\n      link: https://www.example.org/book",
                 (15, 13, "booking link 'https://www.example.org/book' is an example address, which leads nowhere; "
                          "replace it with the real one"), id="booking-link"),
    pytest.param("booking: not needed", "booking:\n      link: http://www.example.org/book",
                 (15, 13, "booking link 'http://www.example.org/book' is an example address, which leads nowhere; "
                          "replace it with the real one"), id="one-message-for-a-placeholder-that-breaks-a-rule-too"),
    pytest.param("booking: not needed", "booking:\n      phone: 020 7946 0000",
                 (15, 14, "booking phone '020 7946 0000' is a made-up number (020 7946 0000 to 0999 are kept for TV "
                          "and radio drama); replace it with the real number"), id="booking-phone"),
    pytest.param("booking: not needed", "booking:\n      phone: +44 20 7946 0123",
                 (15, 14, "booking phone '+44 20 7946 0123' is a made-up number (020 7946 0000 to 0999 are kept for TV "
                          "and radio drama); replace it with the real number"), id="drama-number"),
    pytest.param("booking: not needed", "booking:\n      email: events@example.org",
                 (15, 14, "booking email 'events@example.org' is an example address, which leads nowhere; replace it "
                          "with the real one"), id="booking-email"),
    pytest.param("    status: scheduled\n", "    status: scheduled\n    contact:\n      link: https://book.test/x\n",
                 (19, 13, "contact link 'https://book.test/x' is an example address, which leads nowhere; replace it "
                          "with the real one"), id="reserved-name"),
    pytest.param("    status: scheduled\n", "    status: moved online\n    online_link: https://meet.example.com/x\n",
                 (18, 18, "online_link 'https://meet.example.com/x' is an example address, which leads nowhere; "
                          "replace it with the real one"), id="online-link"),
    pytest.param("description: A made-up event for tests.", "description: Book [here](https://www.example.org).",
                 (13, 18, "a link in description 'https://www.example.org' is an example address, which leads "
                          "nowhere; replace it with the real one"), id="description-link"),
    pytest.param("description: A made-up event for tests.",
                 "description: |\n      Meet officers from the youth         # [links](https://www.example.org) allowed; no HTML\n"
                 "      engagement team and ask questions.",
                 (14, 44, "description still has a note from the example: '# [links](https://www.example.org) allowed; "
                          "no HTML'; delete it (in a description, text after # is published, not hidden)"),
                 id="note-in-description"),
]


@pytest.mark.parametrize("old, new, expected", PLACEHOLDERS)
def test_each_placeholder_is_refused_in_the_real_file(old: str, new: str, expected: tuple[int, int, str]) -> None:
    text = CORRECT.replace(old, new, 1)
    assert text != CORRECT
    assert problems(text) == [expected]


@pytest.mark.parametrize("old, new, expected", [case for case in PLACEHOLDERS if case.id != "one-message-for-a-placeholder-that-breaks-a-rule-too"])
def test_fixtures_may_use_them(old: str, new: str, expected: tuple[int, int, str]) -> None:
    assert problems(CORRECT.replace(old, new, 1), placeholders=False) == []


def _example(events_file: str) -> list[str]:
    """The commented example at the top of an events file, with the "# " taken off, as CONTRIBUTING.md says."""
    lines = events_file.splitlines()
    start = next(number for number, line in enumerate(lines) if line.startswith("#   #") or line.startswith("# - id:")
                 or line.startswith("#   - id:"))
    end = next(number for number in range(start, len(lines)) if lines[number].rstrip() == "#")
    return [line[2:] for line in lines[start:end]]


def test_copying_the_example_carries_no_note_into_a_value_and_only_its_placeholders_are_refused() -> None:
    real = (Path(__file__).resolve().parents[2] / "data" / "events.yml").read_text(encoding="utf-8")
    pasted = real + "\n".join(_example(real)) + "\n"
    document = load(pasted, "data/events.yml")
    copied = document.data["events"][-1]
    assert copied["description"] == "Meet officers from the youth engagement team and ask questions.\n"
    assert not [value for value in _strings(copied) if "#" in value]
    messages = [message for _, _, message in problems(pasted)]
    assert messages == [
        "id is still the example's 2027-03-14-example-safety-evening; replace it with this event's date and a few "
        "words about it, in lower case with hyphens",
        "added is empty; after added: write today's date, written YYYY-MM-DD (for a record of a past event, delete "
        "the added line instead)",
        "venue name is still the example's 'Example Community Hall'; replace it with the real venue's name",
        "venue address '1 Example Road, London' is the example's, not a real address; replace it with the venue's "
        "street address",
        "postcode is still the example's EC1A 1BB, which is not in Hackney or Tower Hamlets; replace it with the "
        "venue's postcode",
    ]


def test_every_optional_line_of_the_example_uncommented_unchanged_is_refused_where_it_cannot_be_real() -> None:
    """The example's optional lines (map position, online link, contact) taken up as they are."""
    real = (Path(__file__).resolve().parents[2] / "data" / "events.yml").read_text(encoding="utf-8")
    example = "\n".join(_example(real))
    for optional in ("latitude", "longitude", "online_link", "contact", "  email"):
        example = example.replace(f"# {optional}:", f"{optional}:")
    example = example.replace("added:", "added: 2026-11-25").replace("status: scheduled", "status: moved online")
    messages = [message for _, _, message in problems(real + example + "\n")]
    assert messages[4:] == [
        "latitude and longitude are still the example's, which are not in Hackney or Tower Hamlets; replace them "
        "with the venue's own, or remove both to link the map by postcode",
        "online_link 'https://...' is an example address, which leads nowhere; replace it with the real one",
        "contact email 'events@example.org' is an example address, which leads nowhere; replace it with the real one",
    ]


def _strings(value: object) -> list[str]:
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return [value] if isinstance(value, str) else []


def test_the_old_example_with_notes_beside_the_values_is_caught() -> None:
    old_example = """\
events:
  - id: 2027-05-02-bow-fixture-evening
    title: Fixture evening
    date: 2027-05-02
    start: "18:30"
    end: "20:30"
    venue:
      name: Test Fixture Hall
      address: 2 Fixture Street, London
      postcode: E3 2AA
      borough: Tower Hamlets
    audience: Women only
    description: |                         # a few short paragraphs; lists, **bold**, *italics* and
      Meet officers from the youth         # [links](https://www.example.org) allowed; no HTML
      engagement team and ask questions.
    booking: not needed
    cost: free
    access: Step-free entrance and an accessible toilet.
    status: scheduled
"""
    assert problems(old_example) == [
        (14, 44, "description still has a note from the example: '# [links](https://www.example.org) allowed; "
                 "no HTML'; delete it (in a description, text after # is published, not hidden)")]


def test_the_rule_applies_to_the_sites_own_events_file_and_no_other(site_copy: Callable[[str], Path],
                                                                    tmp_path: Path) -> None:
    copy = site_copy("placeholders")
    with_placeholder = CORRECT.replace("name: Test Fixture Hall", "name: Example Community Hall")
    (copy / "data" / "events.yml").write_text(with_placeholder, encoding="utf-8")
    elsewhere = tmp_path / "events.yml"
    elsewhere.write_text(with_placeholder, encoding="utf-8")

    def check(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "scripts/website.py", "check", "--today", "2026-11-25", *extra],
                              cwd=copy, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"})

    real = check("data/events.yml")
    assert real.returncode == 1
    assert real.stdout == ("data/events.yml:8:13: error: venue name is still the example's 'Example Community Hall'; "
                           "replace it with the real venue's name\n1 error\n")
    other = check(str(elsewhere))
    assert other.returncode == 0, other.stdout

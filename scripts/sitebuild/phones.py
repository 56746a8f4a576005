"""UK phone numbers as a reader reads them: one recogniser for the facts register, the pages and tel: links.

canonical() writes every way of typing a number the same way: digits of any script or width as
0-9, every kind of space as a space, every kind of dash as a hyphen, invisible characters
(zero-width spaces, soft hyphens, direction marks) gone. dialled() gives the digits a caller in the
UK dials: '+44 (0)20 7008 0151', '(020) 7008 0151', 'tel:+442070080151' and '020–7008–0151' are
all 02070080151. full_numbers() finds whole UK numbers in text ('0808 2000 247', '+44 20 7946 0000').

Why not phonenumbers' PhoneNumberMatcher: it finds only numbers valid in its own tables, so a
mistyped number (a digit short, say) would pass unseen, and that is exactly what the check must
catch; at its loosest setting it reads dates such as 2026-11-25 as numbers.
"""

from __future__ import annotations

import re
import unicodedata

_INTERNATIONAL = (("+44", 2), ("0044", 4))
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_DASH_TABLE = {ord(dash): "-" for dash in _DASHES}

# Spaces and hyphens (after canonical(): every kind is one of these) may separate the digits of one number.
_SEP = r"[ -]"
_NOT_BEFORE = r"(?<![\w+£$€#.,/:\-])"
# Not followed by more of a number (2,700; 3.5; 18:30; 7/24), a percentage or a letter.
NOT_AFTER = r"(?![\w%]|[.,/:\-]\d)"
# 8 to 11 digits starting 0, the area code perhaps in brackets; or +44 / 0044, perhaps with (0).
_FULL = re.compile(
    _NOT_BEFORE
    + rf"(?:(?:\+|00)44{_SEP}?(?:\(0\){_SEP}?)?[1-9](?:{_SEP}?\d){{8,9}}"
    + rf"|\(0\d{{2,4}}\){_SEP}?\d(?:{_SEP}?\d){{5,7}}"
    + rf"|0\d(?:{_SEP}?\d){{6,9}})"
    + NOT_AFTER
)


def canonical(text: str) -> str:
    """The text with one form for every digit, space and dash, and nothing invisible."""
    if text.isascii():
        return text
    kept = []
    for character in text.translate(_DASH_TABLE):
        category = unicodedata.category(character)
        if category == "Cf":  # zero-width spaces and joiners, soft hyphens, direction marks: never seen
            continue
        if category == "Zs":
            kept.append(" ")
        elif character.isdecimal():
            kept.append(str(unicodedata.decimal(character)))
        else:
            kept.append(character)
    return "".join(kept)


def dialled(text: str) -> str:
    """The digits a caller in the UK dials: '+44 (0)20 7008 0151' gives '02070080151', '116 123' gives '116123'."""
    compact = "".join(canonical(text).split())
    for prefix in ("tel:", "sms:"):
        if compact.lower().startswith(prefix):
            compact = compact[len(prefix):]
    digits = "".join(character for character in compact if character.isdigit())
    for prefix, length in _INTERNATIONAL:
        if compact.startswith(prefix):
            national = digits[length:]
            return national if national.startswith("0") else "0" + national
    return digits


def full_numbers(text: str) -> list[tuple[int, int]]:
    """Where each whole UK number is in text that canonical() has already written (start, end)."""
    return [match.span() for match in _FULL.finditer(text)]

"""How two ways of writing a phone number are compared: by the digits a UK caller dials.

One rule for the facts register (scripts/facts), the page checks (scripts/content) and tel: links:
'+44 20 7008 0151', 'tel:+442070080151', '020 7008 0151' and '020-7008-0151' are the same number.
Digits in other scripts (such as Bengali ৯৯৯) count as the digits they stand for.
"""

from __future__ import annotations

import unicodedata

_INTERNATIONAL = (("+44", 2), ("0044", 4))


def dialled(text: str) -> str:
    """The digits a caller in the UK dials: '+44 (0)20 7008 0151' gives '02070080151', '116 123' gives '116123'."""
    compact = "".join(text.split())
    for prefix in ("tel:", "sms:"):
        if compact.lower().startswith(prefix):
            compact = compact[len(prefix):]
    digits = "".join(str(unicodedata.decimal(character)) for character in compact if character.isdecimal())
    for prefix, length in _INTERNATIONAL:
        if compact.startswith(prefix):
            national = digits[length:]
            return national if national.startswith("0") else "0" + national
    return digits

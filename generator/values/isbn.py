"""ISBN-10 and ISBN-13: checksum and conversion to ISBN-13 (how we show and link them)."""

from __future__ import annotations

import re


def normalise(value: str) -> str:
    return re.sub(r"[\s-]", "", value).upper()


def problem(value: str) -> str | None:
    """None for a valid ISBN; otherwise a message code."""
    digits = normalise(value)
    if re.fullmatch(r"\d{9}[\dX]", digits):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits))
        return None if total % 11 == 0 else "isbn.checksum"
    if re.fullmatch(r"97[89]\d{10}", digits):
        return None if _check13(digits[:12]) == digits[12] else "isbn.checksum"
    return "isbn.format"


def _check13(first12: str) -> str:
    total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(first12))
    return str((10 - total % 10) % 10)


def to_isbn13(value: str) -> str:
    digits = normalise(value)
    if len(digits) == 13:
        return digits
    core = "978" + digits[:9]
    return core + _check13(core)

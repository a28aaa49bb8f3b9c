"""Language tags (BCP 47), checked against the CLDR data Babel ships."""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale, UnknownLocaleError

_WELL_FORMED = re.compile(
    r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|\d{3}))?(-[A-Za-z0-9]{5,8})*$"
)


@lru_cache(maxsize=256)
def is_language_tag(tag: str) -> bool:
    """``id``, ``en``, ``en-GB``, ``zh-Hant``…: well formed and a language CLDR knows."""
    if not _WELL_FORMED.match(tag):
        return False
    try:
        Locale.parse(tag, sep="-")
    except (UnknownLocaleError, ValueError):
        return False
    return True


def base_language(tag: str) -> str:
    """``en-GB`` -> ``en``: the part our message and page strings are chosen by."""
    return tag.split("-")[0].lower()

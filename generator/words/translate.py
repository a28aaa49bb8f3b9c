"""One way to say a word in a page's language: the translator every stage uses.

The site speaks Indonesian and English; a page in any other language (an item with
``lang: jv``) gets English, the one rule kept here and nowhere else. Every table has both
languages for every key (tests/test_words.py), so a lookup never falls back word by word.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time

from ..values.languages import base_language
from . import citation, feeds, pages, player, reach, reach_report, report, search, social

LANGUAGES = ("id", "en")
Table = Mapping[str, Mapping[str, str]]


def _merged(*tables: Table) -> dict[str, Mapping[str, str]]:
    out: dict[str, Mapping[str, str]] = {}
    for table in tables:
        clash = set(out) & set(table)
        assert not clash, f"two word tables use the same keys: {sorted(clash)}"
        out.update(table)
    return out


# Every word the site's pages, feeds, share kit, player and reports print.
WORDS = _merged(pages.WORDS, feeds.WORDS, social.WORDS, player.WORDS, report.WORDS,
                search.WORDS, citation.WORDS, reach_report.WORDS,
                reach.WORDS)


def words_language(tag: str | None) -> str:
    """The language the words are given in for a BCP 47 ``tag``: ``id`` or ``en``."""
    base = base_language(tag or "en")
    return base if base in LANGUAGES else "en"


class Translator:
    """``t("level.beginner")`` -> "Pemula"; ``t("minutes", n=5)`` fills the braces."""

    def __init__(self, lang: str, table: Table = WORDS) -> None:
        self.lang = words_language(lang)
        self.table = table

    def __call__(self, key: str, **params: object) -> str:
        text = self.table[key][self.lang]
        return text.format(**params) if params else text


@cache
def translator(lang: str) -> Translator:
    return Translator(lang)


def pick(entry: Mapping[str, str], lang: str) -> str:
    """One entry of a table the caller holds (messages, sayings) in ``lang``."""
    return entry[words_language(lang)]


def format_moment(moment: datetime, tz: ZoneInfo, lang: str) -> str:
    """A date and time as people read it, in the site's zone: "14 Maret 2026 pukul 09.30 WIB",
    "March 14, 2026 at 9:30 AM WIB"."""
    local = moment.astimezone(tz)
    locale = words_language(lang)
    return translator(locale)("moment", date=format_date(local.date(), "long", locale=locale),
                              time=format_time(local, "short", locale=locale),
                              zone=zone_label(local))


# Indonesia's zones by the names people use; any other zone is told by its offset.
INDONESIAN_ZONES = ("WIB", "WITA", "WIT")


def zone_label(local: datetime) -> str:
    """``WIB``, ``WITA`` or ``WIT`` for Indonesia's zones; else the offset: ``UTC``,
    ``UTC+7``, ``UTC-3``, ``UTC+5:30``."""
    name = local.tzname() or ""
    if name in INDONESIAN_ZONES:
        return name
    offset = local.utcoffset()
    minutes = round(offset.total_seconds() / 60) if offset is not None else 0
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def format_short_moment(moment: datetime, tz: ZoneInfo, lang: str) -> str:
    """A date and time in a line, as people read it, in the site's zone: "18 Sep 2026, 19.30
    WIB" (Indonesian), "18 Sep 2026, 7:30 pm WIB" (English, and any other language)."""
    local = moment.astimezone(tz)
    locale = words_language(lang)
    date = format_date(local.date(), "d MMM y", locale=locale)
    if locale == "id":
        time = format_time(local, "HH.mm", locale=locale)
    else:
        time = format_time(local, "h:mm a", locale=locale).lower()
    return f"{date}, {time} {zone_label(local)}"

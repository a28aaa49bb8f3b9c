"""What an analytics export holds once read, the problems a reader reports, and the small
helpers every tool's reader shares (numbers, times, URLs, CSV tables).

The readers live in ``exports_<tool>.py``; ``exports.read_export`` opens a file, recognises the
tool and hands the parsed content to one of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo
from enum import StrEnum
from types import MappingProxyType
from typing import Any
from urllib.parse import parse_qs, urlsplit

from ..words.translate import translator


class Tool(StrEnum):
    GOATCOUNTER = "goatcounter"
    PLAUSIBLE = "plausible"
    UMAMI = "umami"
    MATOMO = "matomo"


TOOL_NAMES = {Tool.GOATCOUNTER: "GoatCounter", Tool.PLAUSIBLE: "Plausible",
              Tool.UMAMI: "Umami", Tool.MATOMO: "Matomo"}

# The fields of Visits a count can be broken down by.
DIMENSIONS = ("path", "source", "medium", "campaign", "content", "day", "hour")


@dataclass(frozen=True)
class Visits:
    """One row of what the tool counted, as fine-grained as its export gives."""

    path: str        # the page path without query or host ("/tutorial/x/"), "" when not per page
    source: str      # utm_source (or the tool's campaign source / ref), "" when not known
    medium: str      # utm_medium, ""
    campaign: str    # utm_campaign, ""
    content: str     # utm_content, ""
    visits: int      # visits when the tool has them, else pageviews or visitors: Export.unit
    day: date | None = None   # the day when the export is per day (or per pageview)
    hour: int | None = None   # the hour 0-23 in the zone asked for, when there are timestamps


def _no_marginals() -> Mapping[str, tuple[Visits, ...]]:
    return MappingProxyType({})


@dataclass(frozen=True)
class Export:
    """One export as read. ``rows`` never overlap, so they add up; an export made of
    separate one-dimension breakdowns (Plausible's dashboard zip) also gives each of them in
    ``marginals`` ({"source": rows with only source set, ...}), which do not add up across
    dimensions: ``by`` picks the right one."""

    tool: Tool
    unit: str                        # "visits" | "pageviews" | "visitors"
    rows: tuple[Visits, ...]
    source_name: str                 # the file name as given
    marginals: Mapping[str, tuple[Visits, ...]] = field(default_factory=_no_marginals)

    def total(self) -> int:
        return sum(row.visits for row in self.rows)

    def by(self, dimension: str) -> dict[str, int]:
        """The counts per value of one of DIMENSIONS, from its own breakdown when the export
        has one, else summed over the rows ("" collects rows without that value)."""
        if dimension not in DIMENSIONS:
            raise ValueError(f"no such dimension: {dimension}")
        rows = self.marginals.get(dimension, self.rows)
        out: dict[str, int] = {}
        for row in rows:
            value = getattr(row, dimension)
            key = "" if value is None else str(value)
            out[key] = out.get(key, 0) + row.visits
        return out


class ExportProblem(Exception):
    """Something wrong with an export, said in words: a key of words/reach.py and its values.
    ``str()`` gives the English; ``message("id")`` the Indonesian."""

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(self.message("en"))

    def message(self, lang: str) -> str:
        return translator(lang)(self.key, **self.values)


@dataclass(frozen=True)
class Table:
    """A CSV file as read: its header and its rows, each with its line number."""

    name: str                       # the file name, for problems
    header: tuple[str, ...]
    rows: tuple[tuple[int, dict[str, str]], ...]


def count(value: object, name: str, row: int, column: str) -> int:
    """A whole non-negative number as the tools write it: 12, "12", "12.0", "" (none: 0)."""
    if isinstance(value, bool):
        raise ExportProblem("reach.bad_number", name=name, row=row, column=column, value=value)
    if value is None or value == "":
        return 0
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str):
        text = value.strip()
        if text.endswith(".0"):
            text = text[:-2]
        if not text.isascii() or not text.isdigit() or len(text) > 15:
            raise ExportProblem("reach.bad_number", name=name, row=row, column=column,
                                value=shorten(value))
        number = int(text)
    else:
        raise ExportProblem("reach.bad_number", name=name, row=row, column=column,
                            value=shorten(str(value)))
    if number < 0:
        raise ExportProblem("reach.bad_number", name=name, row=row, column=column, value=number)
    return number


def shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def moment(value: object, tz: tzinfo, name: str, row: int, column: str) -> tuple[date, int]:
    """The local day and hour of a timestamp: ISO 8601 / RFC 3339 text ("2026-03-14T02:15:33Z",
    "2026-03-14 02:15:33", "…+07:00"; without a zone it is UTC, as every tool here writes
    it) or Unix seconds."""
    try:
        if isinstance(value, int | float) and not isinstance(value, bool):
            when = datetime.fromtimestamp(value, tz)
        elif isinstance(value, str) and value.strip():
            when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
            if when.tzinfo is None:
                when = when.replace(tzinfo=UTC)
            when = when.astimezone(tz)
        else:
            raise ValueError(value)
    except (ValueError, OverflowError, OSError) as err:
        raise ExportProblem("reach.bad_date", name=name, row=row, column=column,
                            value=shorten(str(value))) from err
    return when.date(), when.hour


def day_of(value: object, name: str, row: int, column: str) -> date:
    """A day written "2026-03-14" (the first ten characters of a longer stamp are enough)."""
    try:
        if not isinstance(value, str):
            raise ValueError(value)
        return date.fromisoformat(value.strip()[:10])
    except ValueError as err:
        raise ExportProblem("reach.bad_date", name=name, row=row, column=column,
                            value=shorten(str(value))) from err


UTM = ("utm_source", "utm_medium", "utm_campaign", "utm_content")


def split_url(url: str) -> tuple[str, dict[str, str]]:
    """The path of a URL or path ("https://h/x/?a=b", "/x/?a=b", "x/") and its utm_*
    parameters (the first value of each)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return "", {}
    return parts.path, utm_of(parts.query)


def utm_of(query: str) -> dict[str, str]:
    query = query.lstrip("?")
    try:
        values = parse_qs(query, keep_blank_values=False)
    except ValueError:
        return {}
    return {key: values[key][0].strip() for key in UTM if values.get(key)}


def columns_text(columns: Iterable[str]) -> str:
    return ", ".join(columns)


def has_columns(header: Sequence[str], needed: Iterable[str]) -> bool:
    present = set(header)
    return all(column in present for column in needed)


def list_of_dicts(data: Any) -> list[dict[str, Any]] | None:
    """``data`` when it is a non-empty list of JSON objects, else None."""
    if isinstance(data, list) and data and all(isinstance(item, dict) for item in data):
        return data
    return None

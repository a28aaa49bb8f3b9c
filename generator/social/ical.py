"""iCalendar text (RFC 5545), written by hand: TEXT escaped, content lines folded at 75 octets,
times in UTC."""

from __future__ import annotations

import re
from datetime import UTC, datetime


def ics_escape(text: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and line ends escaped; the other control
    characters, which TEXT cannot hold (only HTAB), left out."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    text = text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")
    return _ICS_CONTROLS.sub("", text)


_ICS_CONTROLS = re.compile("[\x00-\x08\x0a-\x1f\x7f]")


def fold(line: str, limit: int = 75) -> str:
    """Fold a content line into pieces of at most 75 octets (the continuation's leading space
    included), never inside a UTF-8 character."""
    if len(line) <= limit and len(line.encode("utf-8")) <= limit:
        return line  # most lines: no need to walk them character by character
    pieces: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        room = limit if not pieces else limit - 1
        if size + width > room:
            pieces.append(current)
            current, size = "", 0
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def utc(moment: datetime) -> str:
    """A DATE-TIME in UTC: ``20260110T230000Z``."""
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")

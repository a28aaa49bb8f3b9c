"""The file an imported post becomes: front matter a librarian can read and edit (every text
double-quoted, so ``1984``, ``no`` and ``0441172717`` stay text), then the Markdown body."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from ..content.models import Kind
from .kinds import BookFacts

TITLE_MAX, SUMMARY_SOFT = 120, 200


@dataclass(frozen=True)
class Fields:
    kind: Kind
    title: str
    summary: str
    date: datetime
    updated: datetime | None
    authors: tuple[str, ...]
    topics: tuple[str, ...]
    tags: tuple[str, ...]
    draft: bool
    aliases: tuple[str, ...]
    lang: str | None
    book: BookFacts | None
    video: str | None


def q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def clean_line(value: str) -> str:
    """One line of plain text: entities read, tags and control characters out, spaces
    collapsed."""
    value = re.sub(r"<(script|style|template|noscript)\b.*?</\1\s*>", " ", value,
                   flags=re.S | re.I)
    value = html.unescape(html.unescape(re.sub(r"<[^>]+>", " ", value)))
    value = "".join(c for c in value if c >= " " or c == "\t")
    return " ".join(value.split())


def shorten(value: str, limit: int) -> str:
    if len(value) <= limit:
        return value
    cut = value[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,.;:\u2014\u2013-")
    return (cut or value[: limit - 1]) + "…"


def local_time(moment: datetime, tz: ZoneInfo) -> str:
    local = moment.astimezone(tz) if moment.tzinfo else moment
    return local.strftime("%Y-%m-%dT%H:%M")


def item_text(f: Fields, body: str, tz: ZoneInfo) -> str:
    lines = ["---", f"title: {q(f.title)}", f"summary: {q(f.summary)}",
             f"date: {local_time(f.date, tz)}"]
    if f.updated is not None:
        lines.append(f"updated: {local_time(f.updated, tz)}")
    lines.append("authors:")
    lines += [f"  - {a}" for a in f.authors]
    lines.append("topics:")
    lines += [f"  - {t}" for t in f.topics]
    if f.tags:
        lines.append("tags:")
        lines += [f"  - {q(t)}" for t in f.tags]
    if f.lang:
        lines.append(f"lang: {q(f.lang)}")
    if f.draft:
        lines.append("draft: true")
    if f.aliases:
        lines.append("aliases:")
        lines += [f"  - {q('/' + a)}" for a in f.aliases]
    if f.kind is Kind.TUTORIAL:
        lines.append("level: beginner")
    elif f.kind is Kind.REVIEW and f.book is not None:
        lines += ["book:", f"  title: {q(shorten(f.book.title, 300))}", "  authors:"]
        lines += [f"    - {q(a)}" for a in f.book.authors]
        if f.book.isbn:
            lines.append(f"  isbn: {q(f.book.isbn)}")
        if f.book.publisher:
            lines.append(f"  publisher: {q(shorten(f.book.publisher, 200))}")
        if f.book.year and 1000 <= f.book.year <= 2100:
            lines.append(f"  year: {f.book.year}")
        lines.append(f"rating: {f.book.rating}")
    elif f.kind is Kind.VIDEO and f.video:
        lines += ["video:", f"  url: {q(f.video)}"]
    lines.append("---")
    return "\n".join(lines) + "\n" + body

"""Any RSS 2.0, RSS 1.0 or Atom feed, read by feedparser (the body from ``content:encoded`` or
Atom ``content``, else the description). A feed holds only its newest posts: import the
export when the old host has one (docs/importing.md)."""

from __future__ import annotations

import calendar
import time
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit
from xml.sax import SAXParseException

import feedparser

from ..post import ImportedPost, Person, Source, SourceError, Trouble


def _moment(parsed: time.struct_time | None) -> datetime | None:
    if parsed is None:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), UTC)


def read(data: bytes, source: str) -> Source:
    parsed: Any = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    problem = parsed.get("bozo_exception")
    if isinstance(problem, SAXParseException) or (not parsed.entries and parsed.bozo):
        # Not well-formed (a download cut off, say): feedparser would guess; we say so.
        line = problem.getLineNumber() if isinstance(problem, SAXParseException) else 0
        why = problem.getMessage() if isinstance(problem, SAXParseException) else str(problem)
        raise SourceError(Trouble.of("import.malformed", source=source, line=line, why=why))
    notes: tuple[Trouble, ...] = ()
    if parsed.bozo and parsed.get("encoding", "utf-8").lower() not in ("utf-8", "utf8"):
        notes = (Trouble.of("import.not_utf8", source=source, encoding=parsed.encoding),)
    base = parsed.feed.get("link")
    posts = []
    for number, entry in enumerate(parsed.entries, 1):
        contents = entry.get("content") or []
        html = next((c.get("value", "") for c in contents
                     if "html" in c.get("type", "text/html")), "")
        summary = entry.get("summary", "")
        if not html or summary == html:  # feedparser repeats content as summary
            html, summary = html or summary, ""
        authors = tuple(Person(a.get("email") or a.get("name", ""), a.get("name", ""))
                        for a in entry.get("authors", []) if a.get("name"))
        if not authors and entry.get("author"):
            authors = (Person(entry.author, entry.author),)
        link = entry.get("link")
        ident = entry.get("id") or link or f"{number}"
        terms = [t.get("term") or "" for t in entry.get("tags", [])]
        posts.append(ImportedPost(
            key=f"feed:{ident}",
            title=entry.get("title", "").strip(),
            body=html,
            where=link or f"entry {number}",
            url=link,
            date=_moment(entry.get("published_parsed") or entry.get("updated_parsed")),
            updated=_moment(entry.get("updated_parsed")) if entry.get("published_parsed")
            else None,
            excerpt=summary,
            authors=authors,
            categories=tuple(dict.fromkeys(t.strip() for t in terms if t.strip())),
            slug=urlsplit(link or "").path.rstrip("/").rsplit("/", 1)[-1].removesuffix(
                ".html") or None,
        ))
    return Source("feed", tuple(posts), base, notes)

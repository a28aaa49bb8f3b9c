"""``knowledge-site report``: what a librarian should look at, beyond what ``check`` refuses.

Content due for review (``review_by`` reached), video pages without a transcript,
items without a cover picture, every link to another website per item (for a person
to open: the build never goes online), and the old addresses that now redirect.
Nothing here is an error; the report is for the weekly round, not for the build.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from ..content.models import Item, ReviewDetails, VideoDetails
from ..values.links import code_mask
from ..words.translate import format_moment, translator
from .addresses import redirects
from .history import History, Redirect
from .library import Library

_BARE_URL = re.compile(r"https?://[^\s<>()\[\]{}\"'`|]+", re.I)
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_TRAILING = ".,;:!?*_~"


@dataclass(frozen=True)
class ItemRef:
    path: str  # site_src/tutorials/x.md
    title: str
    url: str  # site-relative address: tutorials/x/
    state: str  # published | draft | scheduled


@dataclass(frozen=True)
class Overdue:
    item: ItemRef
    review_by: date
    days: int  # days since review_by (0: due today)


@dataclass(frozen=True)
class ExternalLink:
    url: str
    line: int  # the file's own line


@dataclass(frozen=True)
class ItemLinks:
    item: ItemRef
    links: tuple[ExternalLink, ...]


@dataclass(frozen=True)
class Scheduled:
    item: ItemRef
    goes_out: datetime  # its date: the first build after it publishes it


@dataclass(frozen=True)
class Report:
    today: date  # the build's "now" in the site's time zone
    overdue: tuple[Overdue, ...]
    no_transcript: tuple[ItemRef, ...]
    no_image: tuple[ItemRef, ...]
    no_book_cover: tuple[ItemRef, ...]
    external_links: tuple[ItemLinks, ...]
    moved: tuple[Redirect, ...]
    history_available: bool
    drafts: tuple[ItemRef, ...] = ()  # not published until draft: true goes
    scheduled: tuple[Scheduled, ...] = ()  # dated later, soonest first
    zone: str = "UTC"  # the site's time zone, for printing ``goes_out``


def build_report(library: Library, history: History) -> Report:
    """Every valid item except retired ones (their content is no longer shown)."""
    tz = library.settings.tz
    today = library.now.astimezone(tz).date()
    items = sorted((i for i in library.all_items if not i.retired), key=lambda i: i.path)

    def ref(item: Item) -> ItemRef:
        state = ("draft" if item.draft else
                 "scheduled" if item.date > library.now else "published")
        return ItemRef(item.path, item.title, item.url, state)

    overdue = sorted((Overdue(ref(i), i.review_by, (today - i.review_by).days)
                      for i in items if i.review_by is not None and i.review_by <= today),
                     key=lambda o: (o.review_by, o.item.path))
    no_transcript = [ref(i) for i in items if isinstance(i.details, VideoDetails)
                     and not (i.details.transcript_path or i.details.transcript_in_body)]
    no_image = [ref(i) for i in items if i.image is None]
    no_book_cover = [ref(i) for i in items
                     if isinstance(i.details, ReviewDetails) and i.details.book.cover is None]
    links = [ItemLinks(ref(i), found) for i in items if (found := external_links(i))]
    live = [i for i in library.items if not i.draft and i.date <= library.now]
    moved = redirects(history, live, include_aliases=False) if history.available else []
    drafts, later = library.held_back()
    return Report(today, tuple(overdue), tuple(no_transcript), tuple(no_image),
                  tuple(no_book_cover), tuple(links), tuple(moved), history.available,
                  tuple(ref(i) for i in drafts if not i.retired),
                  tuple(Scheduled(ref(i), i.date) for i in later if not i.retired),
                  str(tz))


def external_links(item: Item) -> tuple[ExternalLink, ...]:
    """http(s) links of an item, first occurrence of each, in file order.

    From the body (Markdown and HTML links, ``<https://…>`` and bare addresses, not
    inside code) and the video's address (a video taken down on its host is the
    most common broken link of all).
    """
    found: dict[str, tuple[int, int]] = {}  # url -> (file line, column)
    video = item.details.video
    if video is not None and _is_web(video.source.url):
        found[video.source.url] = (item.line_of("video"), 0)
    lines = item.body.split("\n")
    for target, at in item.web_links:  # as the renderer reads the body (check found them)
        if _is_web(target):
            n = at - item.body_line
            found.setdefault(target, (at, lines[n].find(target) if 0 <= n < len(lines) else 0))
    mask = code_mask(item.body)
    for n, line in enumerate(lines):
        if mask[n] or "://" not in line:
            continue
        line = _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line)
        for m in _BARE_URL.finditer(line):
            url = m.group(0).rstrip(_TRAILING)
            if _is_web(url):
                found.setdefault(url, (item.body_line + n, m.start()))
    ordered = sorted(found.items(), key=lambda entry: (entry[1], entry[0]))
    return tuple(ExternalLink(url, where[0]) for url, where in ordered)


def _is_web(target: str) -> bool:
    parts = urlsplit(target)
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


# -- printing -----------------------------------------------------------------------------
def _w(lang: str, key: str, **params: object) -> str:
    return translator(lang)("report." + key, **params)


def _item_line(ref: ItemRef, lang: str) -> str:
    state = f" [{_w(lang, 'state.' + ref.state)}]" if ref.state != "published" else ""
    return f"  {ref.path}: {ref.title}{state}"


def format_report(report: Report, lang: str) -> str:
    """The report as plain text in ``id`` or ``en``: one section per question."""
    out = [_w(lang, "title", today=report.today.isoformat()), ""]

    def section(key: str, refs: Iterable[ItemRef]) -> None:
        refs = list(refs)
        out.append(_w(lang, key, n=len(refs)))
        out.extend(_item_line(r, lang) for r in refs)
        out.append("")

    out.append(_w(lang, "held", drafts=len(report.drafts), scheduled=len(report.scheduled)))
    out.extend(_item_line(r, lang) for r in report.drafts)
    zone = ZoneInfo(report.zone)
    out.extend(f"{_item_line(s.item, lang)} — "
               f"{_w(lang, 'goes_out', when=format_moment(s.goes_out, zone, lang))}"
               for s in report.scheduled)
    out.append("")
    out.append(_w(lang, "overdue", n=len(report.overdue)))
    for o in report.overdue:
        when = (_w(lang, "overdue.today") if o.days == 0 else
                _w(lang, "overdue.line", day=o.review_by.isoformat(), days=o.days))
        out.append(f"{_item_line(o.item, lang)} — {when}")
    out.append("")
    section("no_transcript", report.no_transcript)
    section("no_image", report.no_image)
    section("no_book_cover", report.no_book_cover)
    count = sum(len(entry.links) for entry in report.external_links)
    out.append(_w(lang, "links", count=count, n=len(report.external_links)))
    for entry in report.external_links:
        out.append(_item_line(entry.item, lang))
        out.extend(f"    {_w(lang, 'line', line=link.line)}: {link.url}" for link in entry.links)
    out.append("")
    if report.history_available:
        out.append(_w(lang, "moved", n=len(report.moved)))
        out.extend(f"  /{r.from_url} -> /{r.to_url}" for r in report.moved)
    else:
        out.append(_w(lang, "no_history"))
    return "\n".join(out).rstrip("\n") + "\n"


def report_json(report: Report) -> str:
    """The same report for tools (``--format json``)."""
    def default(value: Any) -> str:
        if isinstance(value, date | datetime):
            return value.isoformat()
        raise TypeError(type(value))  # pragma: no cover

    return json.dumps(asdict(report), default=default, ensure_ascii=False, indent=2)


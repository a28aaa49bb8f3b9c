"""What a visit counter's export says about the library's reach (``report reach``).

The export's rows (reach/exports.py: visits per page, per campaign, per day or hour, as fine as
the tool gives them) are joined with the library: a row belongs to the item whose page it
counted (its path, an old address of the item included), else to the item its campaign names
(``utm_campaign`` is the item's slug, docs/analytics.md). Campaign visits are the rows with a
``utm_source``: the share kit's posts, the link-in-bio page, short links.

The share kit's side: an item counts as *shared* in the period when the share kit suggested
posts for it then (it was published in the period) or a campaign link brought anyone to it;
*shared, no one came*: suggested in the period and no campaign visit; *never shared*: published
before the period, no campaign visit in it — the library's older knowledge, worth a post.

Best slots: the two-hour windows of the day (in the site's zone) in which most visitors arrived
through a campaign link, when the export has the hour of each visit; otherwise the library's
posting slots ranked by the campaign visits their posts brought (``utm_content``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from ..content.models import Item
from ..content.settings import PostingSlot
from ..library.library import Library
from .exports import Export, Visits

WINDOW_HOURS = 2  # a suggested slot's length, as the default slots have
BEST_COUNT = 3  # how many best slots the report names (the default slots are three)


@dataclass(frozen=True)
class ItemReach:
    item: Item
    visits: int  # every visit to its page (or through its campaign)
    campaign: int  # of those, through a campaign link
    shared: bool  # suggested in the period or brought someone through a campaign


@dataclass(frozen=True)
class SlotReach:
    start_minute: int
    end_minute: int
    visits: int

    @property
    def label(self) -> str:
        """``06:00-08:00``: as ``posting_slots`` is written."""
        def hhmm(m: int) -> str:
            return f"{m // 60:02d}:{m % 60:02d}"
        return f"{hhmm(self.start_minute)}-{hhmm(self.end_minute)}"


@dataclass(frozen=True)
class Reach:
    export: Export
    start: date | None  # the period the export covers (None: not known)
    end: date | None
    total: int  # every visit in the export
    items: tuple[ItemReach, ...]  # most visited first
    platforms: tuple[tuple[str, int], ...]  # utm_source -> visits, most first
    posting_slots: tuple[tuple[str, int], ...]  # utm_content slot -> visits, by time of day
    topics: tuple[tuple[str, int], ...]  # topic id -> visits to its items, most first
    hours: tuple[int, ...] | None  # campaign visits per hour of the day; None: no hours
    best: tuple[SlotReach, ...]  # best slots, best first
    best_basis: str  # "arrival" (hours of campaign visits) | "posted" (utm_content) | ""
    basis_visits: int  # the visits the best slots were chosen from
    unmatched: int  # visits to pages that are not items (home, listings, other pages)

    @property
    def campaign_total(self) -> int:
        return sum(v for _, v in self.platforms)

    @property
    def shared_no_one(self) -> tuple[ItemReach, ...]:
        return tuple(r for r in self.items if r.shared and r.campaign == 0)

    @property
    def never_shared(self) -> tuple[ItemReach, ...]:
        return tuple(r for r in self.items if not r.shared)


def measure(library: Library, export: Export, old_paths: Mapping[str, str] | None = None,
            start: date | None = None, end: date | None = None) -> Reach:
    """The reach of ``library``'s published items by ``export``. ``old_paths``: an old
    address (site-relative, ``tutorials/x/``) -> the item address it redirects to. The period
    is ``start``..``end`` when given, else the days the export has, else unknown."""
    settings = library.settings
    items = [i for i in library.items if not i.retired]
    by_url = {i.url: i for i in items}
    for old, new in (old_paths or {}).items():
        if new in by_url:
            by_url.setdefault(old, by_url[new])
    by_slug: dict[str, list[Item]] = {}
    for each in items:
        by_slug.setdefault(each.slug.lower(), []).append(each)

    def by_campaign(name: str) -> Item | None:
        found = by_slug.get(name.lower(), [])  # Matomo lowercases campaign names
        return found[0] if len(found) == 1 else None

    days = [r.day for r in export.rows if r.day is not None]
    start = start or (min(days) if days else None)
    end = end or (max(days) if days else None)

    visits: Counter[str] = Counter()
    campaign: Counter[str] = Counter()
    platforms: Counter[str] = Counter()
    posted: Counter[str] = Counter()
    hours = [0] * 24
    has_hours = False
    unmatched = 0
    for row in _in_period(export.rows, start, end):
        item = by_url.get(site_relative(row.path, settings.site_path)) if row.path else None
        if item is None and row.campaign:
            item = by_campaign(row.campaign)
        if item is not None:
            visits[item.src] += row.visits
        elif row.path:
            unmatched += row.visits
        if not (row.source or row.campaign):
            continue  # not through a shared link (a report of campaigns has no source)
        if row.source:
            platforms[row.source.lower()] += row.visits
        if item is not None:
            campaign[item.src] += row.visits
        if row.content:
            posted[row.content] += row.visits
        if row.hour is not None:
            has_hours = True
            hours[row.hour] += row.visits
    # An export of separate breakdowns (Plausible's dashboard zip): its rows are totals per
    # day; pages, campaigns, sources and slots each come from their own breakdown.
    for row in export.marginals.get("path", ()):
        item = by_url.get(site_relative(row.path, settings.site_path))
        if item is not None:
            visits[item.src] += row.visits
        else:
            unmatched += row.visits
    for row in export.marginals.get("campaign", ()):
        item = by_campaign(row.campaign) if row.campaign else None
        if item is not None:
            campaign[item.src] += row.visits
    for row in export.marginals.get("source", ()):
        if row.source:
            platforms[row.source.lower()] += row.visits
    for row in export.marginals.get("content", ()):
        if row.content:
            posted[row.content] += row.visits

    suggested = {i.src for i in items if _in(i.date.astimezone(settings.tz).date(), start, end)}
    before = {i.src for i in items if start is None or
              i.date.astimezone(settings.tz).date() < start}
    reach = sorted((ItemReach(i, visits[i.src], campaign[i.src],
                              i.src in suggested or campaign[i.src] > 0 or i.src not in before)
                    for i in items), key=lambda r: (-r.visits, r.item.url))
    topics: Counter[str] = Counter()
    for r in reach:
        for topic in r.item.topics:
            topics[topic] += r.visits
    best, basis, basis_visits = _best(hours if has_hours else None, posted)
    return Reach(
        export=export, start=start, end=end,
        total=sum(r.visits for r in _in_period(export.rows, start, end)),
        items=tuple(reach),
        platforms=_ranked(platforms),
        posting_slots=tuple(sorted(posted.items())),
        topics=_ranked(topics),
        hours=tuple(hours) if has_hours else None,
        best=best, best_basis=basis, basis_visits=basis_visits,
        unmatched=unmatched,
    )


def site_relative(path: str, site_path: str) -> str:
    """``/pustaka/tutorials/x/index.html`` -> ``tutorials/x/`` for a site at ``/pustaka/``;
    the page's address as the library knows it."""
    path = path.split("?", 1)[0].split("#", 1)[0]
    if not path.startswith("/"):
        path = "/" + path
    if path.startswith(site_path):
        path = path[len(site_path):]
    elif path.startswith(site_path.rstrip("/")):
        path = path[len(site_path.rstrip("/")):]
    path = path.lstrip("/")
    if path.endswith("index.html"):
        path = path[:-len("index.html")]
    if path and not path.endswith("/"):
        path += "/"
    return path


def parse_label(label: str) -> PostingSlot | None:
    """A link's slot, ``0600-0800``, back to a slot; None when it is not one."""
    digits = label.strip()
    if len(digits) != 9 or digits[4] != "-" or not digits.replace("-", "").isdigit():
        return None
    start = int(digits[:2]) * 60 + int(digits[2:4])
    end = int(digits[5:7]) * 60 + int(digits[7:9])
    if not (0 <= start < end <= 24 * 60) or int(digits[2:4]) > 59 or int(digits[7:9]) > 59:
        return None
    return PostingSlot(start, end)


def _in(day: date, start: date | None, end: date | None) -> bool:
    return (start is None or day >= start) and (end is None or day <= end)


def _in_period(rows: Iterable[Visits], start: date | None, end: date | None
               ) -> Iterable[Visits]:
    return (r for r in rows if r.day is None or _in(r.day, start, end))


def _ranked(counts: Counter[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _best(hours: Sequence[int] | None, posted: Mapping[str, int]
          ) -> tuple[tuple[SlotReach, ...], str, int]:
    """The best slots and what they were chosen from (see the module's text)."""
    if hours is not None and sum(hours) > 0:
        windows = [SlotReach(h * 60, (h + WINDOW_HOURS) * 60,
                             sum(hours[(h + k) % 24] for k in range(WINDOW_HOURS)))
                   for h in range(24 - WINDOW_HOURS + 1)]
        chosen: list[SlotReach] = []
        for window in sorted(windows, key=lambda w: (-w.visits, w.start_minute)):
            if window.visits == 0 or len(chosen) == BEST_COUNT:
                break
            if all(window.end_minute <= c.start_minute or window.start_minute >= c.end_minute
                   for c in chosen):
                chosen.append(window)
        return tuple(chosen), "arrival", sum(hours)
    ranked = sorted(((slot, n) for label, n in posted.items()
                     if (slot := parse_label(label)) is not None and n > 0),
                    key=lambda pair: (-pair[1], pair[0].start_minute))
    if not ranked:
        return (), "", 0
    best = tuple(SlotReach(s.start_minute, s.end_minute, n) for s, n in ranked[:BEST_COUNT])
    return best, "posted", sum(n for _, n in ranked)

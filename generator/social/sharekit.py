"""The share kit: ready-to-paste social-media posts for every published item.

Per item and platform: the text (in the item's language, with hashtags from its topics and
tags), a tracked link (``utm_source=<platform>&utm_medium=social&utm_campaign=<slug>`` and
``utm_content=<slot>``, the posting slot as ``0600-0800``), the preview picture, and a
suggested time (the next posting slot on or after publication, in the site's time zone).

Only what is still to be posted: a post is in the kit while its slot is not over at the
build's "now" (``library.now``: SOURCE_DATE_EPOCH when set), or ended at most
``share_kit_days_back`` days before it (setting, default 0). Written into the built site as:

- ``share/posts.csv``: one row per post; header ``scheduled_at, platform, text, link, image,
  item``. Spreadsheet-safe: a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a
  carriage return gets a leading ``'`` so Excel/LibreOffice/Sheets never run it as a formula
  (OWASP "CSV injection"). The JSON keeps the exact text.
- ``share/posts.json``: the same posts with more fields.
- ``share/calendar.ics``: one event per post whose time has not come yet, never a past event
  (RFC 5545, written here with ``ical``: CRLF line ends, lines folded at 75 octets, TEXT
  escaped; DTSTAMP is the item's date, never the clock; UIDs stay the same from build to
  build).
- ``/share/``: a staff page, one folded block per item (title, type, suggested time as people
  read it), a copy button per post (not indexed, not searched).

X counts every link as 23 characters and most other characters outside Latin/general
punctuation as 2 ("weighted length"); ``x_length`` counts that way (erring long, never short)
and X posts are trimmed with an ellipsis to fit 280, never cutting the link.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from text_unidecode import unidecode

from ..content.models import Item
from ..library.library import Library
from ..pictures.previews import kind_label, preview_path
from ..render.environment import environment
from ..render.link_preview import absolute
from ..render.pages import GeneratedPage
from ..values.links import relative
from ..values.platforms import POSTED, Platform
from ..values.spreadsheet import safe_cell
from ..words.translate import format_short_moment, translator
from . import slots
from .ical import fold, ics_escape, utc

CSV_HEADER = ("scheduled_at", "platform", "text", "link", "image", "item")
X_LIMIT = 280
X_URL_LENGTH = 23
SHARE_PAGE_ITEMS = 50  # the staff page shows this many items; the files hold every one
_ELLIPSIS = "…"


@dataclass(frozen=True)
class Post:
    platform: str
    text: str  # ready to paste
    link: str  # the item's address with this platform's UTM parameters
    image: str  # absolute address of the preview picture
    scheduled_at: datetime  # aware, in the site's time zone
    item: str  # the item's canonical address
    item_src: str  # the item's source file, relative to docs_dir
    kind: str
    slug: str
    title: str
    lang: str
    short_link: str | None = None
    slot_end: datetime | None = None  # the end of the slot the time is in (None: no slots)

    @property
    def open_until(self) -> datetime:
        """Until when posting it is still on time: the end of its slot."""
        return self.slot_end or self.scheduled_at


# -- counting, hashtags, links (the posting times: slots.py) ----------------------------------

# Code points X counts as 1; everything else counts 2 (twitter-text v3 configuration).
_LIGHT_RANGES = ((0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))
_URL = re.compile(
    r"(?P<scheme>https?://\S+)"
    r"|(?<![\w@.#/-])(?P<bare>(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?:/\S*)?)",
    re.IGNORECASE,
)
_TRAILING = ".,:;!?'\")]}…"


def _weight(text: str) -> int:
    return sum(1 if any(lo <= ord(c) <= hi for lo, hi in _LIGHT_RANGES) else 2 for c in text)


def x_length(text: str) -> int:
    """X's weighted length: a URL counts 23, a CJK character or an emoji 2, Latin text 1.

    Errs long, never short: a bare domain (``perpustakaan.id``) X may link counts at least 23,
    and every code point of an emoji sequence counts, where X counts the sequence as 2.
    """
    text = unicodedata.normalize("NFC", text)
    total, position = 0, 0
    for match in _URL.finditer(text):
        total += _weight(text[position:match.start()])
        url = match.group(0)
        core = url.rstrip(_TRAILING)
        tail = url[len(core):]
        if match.group("scheme"):
            total += X_URL_LENGTH
        else:
            total += max(X_URL_LENGTH, _weight(core))
        total += _weight(tail)
        position = match.end()
    return total + _weight(text[position:])


def hashtag(text: str) -> str | None:
    """``Literasi Informasi`` -> ``#LiterasiInformasi``: ASCII letters and digits only, each
    word capitalised; None when nothing usable is left or it is only digits."""
    words = re.findall(r"[A-Za-z0-9]+", unidecode(text))
    tag = "".join(w[:1].upper() + w[1:] for w in words)
    if not tag or tag.isdigit():
        return None
    return "#" + tag


def hashtags(library: Library, item: Item) -> list[str]:
    """Hashtags from the item's topic names, then its tags; no duplicates (case-insensitive)."""
    names = [library.topics[t].name for t in item.topics if t in library.topics]
    out: list[str] = []
    seen: set[str] = set()
    for name in [*names, *item.tags]:
        tag = hashtag(name)
        if tag and tag.lower() not in seen:
            seen.add(tag.lower())
            out.append(tag)
    return out


CAMPAIGN_KEYS = ("utm_source", "utm_medium", "utm_campaign", "utm_content")


def tracked(url: str, source: str, campaign: str, medium: str = "social",
            content: str = "") -> str:
    """``url`` with ``utm_source``, ``utm_medium``, ``utm_campaign`` and, when given,
    ``utm_content`` (the posting slot) set, replacing any given before; other query parameters
    and the fragment kept. The analytics tool records them (docs/analytics.md)."""
    parts = urlsplit(url)
    keep = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if k not in CAMPAIGN_KEYS]
    query = urlencode([*keep, ("utm_source", source), ("utm_medium", medium),
                       ("utm_campaign", campaign), *([("utm_content", content)] if content
                                                     else [])])
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))


# -- posts ------------------------------------------------------------------------------------

def share_items(library: Library) -> list[Item]:
    """Items the share kit covers: published (never a draft or a scheduled item shown in a
    preview), not retired; newest first."""
    return [i for i in library.items
            if i.is_published(library.now) and not i.retired]


def has_video(item: Item) -> bool:
    return item.details.video is not None


def posts_for(library: Library, item: Item, short_link: str | None = None) -> list[Post]:
    """Every platform's post for one item (YouTube and TikTok only for items with a video)."""
    settings = library.settings
    t = translator(item.lang)
    canonical = absolute(settings, item.url)
    image = absolute(settings, preview_path(item))
    when = slots.next_slot(item.date, settings.posting_slots, settings.tz)
    end = slots.slot_end(when, settings.posting_slots, settings.tz)
    slot = slots.slot_label(slots.slot_of(when, settings.posting_slots, settings.tz))
    tags = hashtags(library, item)
    title, summary = _one_line(item.title), _tidy(item.summary)
    out = []
    for platform in POSTED:
        if platform.video_only and not has_video(item):
            continue
        link = tracked(canonical, platform.id, item.slug, content=slot)
        chosen = tags[:platform.hashtags]
        text = _compose(platform, title, summary, chosen, link, t, settings.library_name)
        out.append(Post(platform.id, text, link, image, when, canonical, item.src,
                        item.kind.value, item.slug, item.title, item.lang, short_link, end))
    return out


def all_posts(library: Library, short_links: Mapping[str, str] | None = None, *,
              since: datetime | None = None) -> list[Post]:
    """The share kit's posts, by suggested time, then item, then platform order: every one,
    or, with ``since``, those whose slot ends after it."""
    links = short_links or {}
    items = share_items(library)
    if since is not None:
        items = [i for i in items if _open_until(library, i) > since]
    posts = [p for item in items for p in posts_for(library, item, links.get(item.src))]
    order = {p.id: n for n, p in enumerate(POSTED)}
    return sorted(posts, key=lambda p: (p.scheduled_at, p.item, order[p.platform]))


def kit_start(library: Library) -> datetime:
    """The kit holds posts whose slot ends after this: the build's "now", less
    ``share_kit_days_back`` days."""
    return library.now - timedelta(days=library.settings.share_kit_days_back)


def kit_posts(library: Library, short_links: Mapping[str, str] | None = None) -> list[Post]:
    """What the share kit's files and page hold: posts still to make (their slot is not over),
    and those of the last ``share_kit_days_back`` days."""
    return all_posts(library, short_links, since=kit_start(library))


def _open_until(library: Library, item: Item) -> datetime:
    settings = library.settings
    return slots.open_until(item.date, settings.posting_slots, settings.tz)


def upcoming(posts: Iterable[Post], now: datetime) -> list[Post]:
    """The posts whose suggested time has not come yet (the calendar holds only these)."""
    return [p for p in posts if p.scheduled_at >= now]


def _compose(platform: Platform, title: str, summary: str, tags: list[str], link: str,
             t: Callable[..., str], library_name: str) -> str:
    """The platform's post from its parts (values/platforms.py)."""
    assert platform.post is not None
    if platform.limit is not None:  # X: the link is never cut, hashtags only as room allows
        body = _join(*(part.format(title=title, summary=summary) for part in platform.post))
        return x_post(body, tags, link, platform.limit)
    fields = {"title": title, "summary": summary, "link": link, "hashtags": " ".join(tags),
              "library": library_name, "read_more": t("post.read_more"),
              "link_in_bio": t("post.link_in_bio"), "video_page": t("post.video_page")}
    text = _join(*(part.format(**fields) for part in platform.post))
    if platform.no_angle_brackets:
        text = text.replace("<", "\u2039").replace(">", "\u203a")
    return text


def x_post(body: str, tags: Sequence[str], link: str, limit: int = X_LIMIT) -> str:
    """``body``, the link, then as many of ``tags`` as fit; the body is cut (with an ellipsis,
    at a word where it can) only when even without hashtags it does not fit. The link is
    never cut."""
    for count in range(len(tags), -1, -1):
        text = _join(f"{body}\n{link}", " ".join(tags[:count]))
        if x_length(text) <= limit:
            return text
    budget = limit - x_length(f"\n{link}")
    return f"{_cut(body, budget)}\n{link}"


def _cut(text: str, budget: int) -> str:
    """The longest start of ``text`` that, with an ellipsis, weighs at most ``budget``."""
    if budget <= x_length(_ELLIPSIS):
        return ""
    low, high = 0, len(text)
    while low < high:  # longest prefix that fits, by characters
        mid = (low + high + 1) // 2
        if x_length(text[:mid].rstrip() + _ELLIPSIS) <= budget:
            low = mid
        else:
            high = mid - 1
    cut = text[:low]
    if low < len(text) and not text[low].isspace():
        space = max(cut.rfind(" "), cut.rfind("\n"))
        if space > len(cut) // 2:  # end at a word unless that throws away too much
            cut = cut[:space]
    while 0 < len(cut) < len(text) and unicodedata.combining(text[len(cut)]):
        cut = cut[:-1]  # never separate a letter from its accent
    return cut.rstrip(" \n.,;:-\u2013\u2014") + _ELLIPSIS


def _join(*parts: str) -> str:
    return "\n\n".join(p for p in parts if p)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _tidy(text: str) -> str:
    return "\n".join(" ".join(line.split()) for line in text.strip().splitlines())


# -- files -------------------------------------------------------------------------------------

def csv_text(posts: Iterable[Post]) -> str:
    """RFC 4180 CSV (CRLF), UTF-8 without BOM, formula-looking cells neutralised."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for p in posts:
        writer.writerow([safe_cell(v) for v in (p.scheduled_at.isoformat(), p.platform,
                                                 p.text, p.link, p.image, p.item)])
    return buffer.getvalue()


def json_text(library: Library, posts: Iterable[Post]) -> str:
    settings = library.settings
    data = {
        "library": settings.library_name,
        "site_url": settings.site_url,
        "timezone": settings.timezone,
        "days_back": settings.share_kit_days_back,
        "posts": [{
            "scheduled_at": p.scheduled_at.isoformat(),
            "platform": p.platform,
            "text": p.text,
            "link": p.link,
            "image": p.image,
            "item": p.item,
            "item_src": p.item_src,
            "kind": p.kind,
            "slug": p.slug,
            "title": p.title,
            "lang": p.lang,
            "short_link": p.short_link,
        } for p in posts],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def ics_text(library: Library, posts: Iterable[Post]) -> str:
    """An iCalendar file with one 15-minute event per post, in UTC (no VTIMEZONE needed)."""
    settings = library.settings
    host = urlsplit(settings.site_url).hostname or "knowledge-site"
    by_src = {i.src: i for i in library.all_items}
    t = translator(settings.language)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//knowledge-site//share kit//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:" + ics_escape(t("kit.calendar", library=settings.library_name)),
        "X-WR-TIMEZONE:" + settings.timezone,
    ]
    for p in posts:
        item = by_src.get(p.item_src)
        stamp = (item.updated or item.date) if item else p.scheduled_at
        platform = translator(p.lang)(f"platform.{p.platform}")
        lines += [
            "BEGIN:VEVENT",
            f"UID:{p.platform}.{p.kind}.{p.slug}@{host}",
            "DTSTAMP:" + utc(stamp),
            "DTSTART:" + utc(p.scheduled_at),
            "DURATION:PT15M",
            "SUMMARY:" + ics_escape(f"[{platform}] {p.title}"),
            "DESCRIPTION:" + ics_escape(p.text),
            "URL:" + p.link,
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def write_share_kit(library: Library, out_dir: Path,
                    short_links: Mapping[str, str] | None = None) -> None:
    """``share/posts.csv``, ``share/posts.json`` and ``share/calendar.ics`` under ``out_dir``
    (the built site): the kit's posts (``kit_posts``), the calendar only those still to come.
    ``short_links`` maps ``item.src`` to its short address, when known."""
    posts = kit_posts(library, short_links)
    folder = out_dir / "share"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "posts.csv").write_bytes(csv_text(posts).encode("utf-8"))
    (folder / "posts.json").write_bytes(json_text(library, posts).encode("utf-8"))
    (folder / "calendar.ics").write_bytes(
        ics_text(library, upcoming(posts, library.now)).encode("utf-8"))


# -- the staff page ------------------------------------------------------------------------------

SHARE_PAGE_SRC = "share/index.md"


@dataclass(frozen=True)
class KitEntry:
    item: Item
    label: str
    posts: tuple[Post, ...]
    preview: str  # relative to the share page
    short_link: str | None
    qr: str | None  # relative to the share page
    when: datetime  # the suggested time, in the site's zone
    when_text: str  # as people read it: "18 Sep 2026, 19.30 WIB"
    due_now: bool  # its time has come and its slot is not over yet

    @property
    def anchor(self) -> str:
        """The block's id on the page: ``ks-kit-<type>-<slug>``."""
        return f"ks-kit-{self.item.kind.value}-{self.item.slug}"


def share_page(library: Library, short_links: Mapping[str, str] | None = None,
               qr_images: Mapping[str, str] | None = None) -> GeneratedPage:
    """The staff page ``/share/``: one folded block per item of the kit (``kit_posts``) with
    its posts and copy buttons, and the files. Coming up first (soonest first), then those
    of the last ``share_kit_days_back`` days (latest first); at most ``SHARE_PAGE_ITEMS``.

    ``short_links`` (``item.src`` -> absolute short address) and ``qr_images`` (``item.src``
    -> the QR code's site path) are shown when given. The page's front matter keeps it out of
    Material's search; the adapter must also leave it out of the sitemap and the navigation
    and give it ``<meta name="robots" content="noindex">`` (see link_preview.listing_meta).
    """
    settings = library.settings
    lang = settings.language
    t = translator(lang)
    page_url = "share/"
    links = short_links or {}
    qrs = qr_images or {}
    now, start = library.now, kit_start(library)
    timed = [(item, _open_until(library, item)) for item in share_items(library)]
    timed = [(item, until) for item, until in timed if until > start]
    coming = sorted((pair for pair in timed if pair[1] > now),
                    key=lambda pair: (pair[1], pair[0].url))
    earlier = sorted((pair for pair in timed if pair[1] <= now),
                     key=lambda pair: (pair[1], pair[0].url), reverse=True)
    shown = [*coming, *earlier][:SHARE_PAGE_ITEMS]

    def entry(item: Item) -> KitEntry:
        posts = tuple(posts_for(library, item, links.get(item.src)))
        when = posts[0].scheduled_at
        return KitEntry(
            item, kind_label(item.kind, lang), posts,
            relative(preview_path(item), page_url), links.get(item.src),
            relative(qrs[item.src], page_url) if item.src in qrs else None,
            when, format_short_moment(when, settings.tz, lang),
            when <= now < posts[0].open_until)

    entries = [entry(item) for item, _ in shown]
    markdown = environment().get_template("pages/share.md.j2").render(
        t=t, coming=entries[:len(coming)], earlier=entries[len(coming):],
        more=len(timed) - len(shown), days_back=settings.share_kit_days_back,
        url=lambda target: relative(target, page_url),
        item_url=lambda item: relative(item.url, page_url),
        platform=lambda name: t(f"platform.{name}"), lang=lang)
    return GeneratedPage(SHARE_PAGE_SRC, markdown, t("kit.title"), t("kit.intro"), lang,
                         styles=("assets/social.css",))

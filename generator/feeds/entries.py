"""What one item says in a feed: an engine- and format-independent ``Entry``.

Built once per item however many feeds it appears in (site, type, each topic, each
author), then written as RSS, Atom and JSON Feed by ``feeds.py``. Everything here is a
pure function of the library, the item's rendered HTML and the files of the built site:
no clock, no git, no network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree
from PIL import Image, UnidentifiedImageError

from ..content.models import Item
from ..content.settings import Settings
from ..library.library import Library
from ..values.licenses import license_url

# Characters XML 1.0 forbids (C0 controls but tab/newline/return, lone surrogates,
# U+FFFE/U+FFFF) and C1 controls, which validators flag and readers show as boxes.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

# Media types by file suffix; a fixed table, not ``mimetypes`` (which reads the machine's
# /etc/mime.types, so two machines could write different feeds).
MEDIA_TYPES = {
    ".avif": "image/avif",
    ".gif": "image/gif",
    ".jpeg": "image/jpeg",
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
}

# Elements a feed reader would drop or could not run; removed with their content.
_DROP = ("script", "style", "noscript", "template", "form", "button", "input", "select",
         "textarea", "object", "embed", "link", "meta", "base")
# Embedded pages (video players) become a plain link to what they embed.
_EMBEDS = ("iframe", "frame")
_URL_ATTRS = ("href", "src", "poster", "cite", "longdesc")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_HAS_SCHEME = re.compile(r"^(https?://|mailto:|tel:|data:)", re.I)


def clean_text(text: str) -> str:
    """Text that cannot break XML: characters XML 1.0 forbids are removed.

    ``]]>``, ``<`` and ``&`` need no cleaning: feeds are written by lxml, which escapes them
    (and never writes CDATA), and JSON by ``json``.
    """
    return _NOT_XML.sub("", text)


def feed_moment(moment: datetime, settings: Settings) -> datetime:
    """A front-matter date as feeds show it: in the site's time zone, whole seconds."""
    if moment.tzinfo is None:  # the model promises aware datetimes; feedgen raises otherwise
        raise ValueError(f"naive datetime {moment!r}")
    return moment.astimezone(settings.tz).replace(microsecond=0)


def last_change(item: Item) -> datetime:
    return max(item.date, item.updated or item.date)


def newest_change(items: tuple[Item, ...] | list[Item], fallback: datetime = _EPOCH) -> datetime:
    """The feed's lastBuildDate/updated: the newest entry's date or update, never the clock."""
    return max((last_change(i) for i in items), default=fallback)


def site_host(settings: Settings) -> str:
    return urlsplit(settings.site_url).hostname or "localhost"


def default_entry_id(item: Item, settings: Settings) -> str:
    """``tag:<host>,<YYYY-MM-DD>:<kind>/<slug>`` (RFC 4151), from the first publication date.

    Only a fallback: the lead's record of published items supplies an id fixed at first
    publication, which survives renaming the file and changing the slug; this one does not.
    """
    day = item.date.astimezone(settings.tz).date().isoformat()
    return f"tag:{site_host(settings)},{day}:{item.kind.value}/{item.slug}"


@dataclass(frozen=True)
class Picture:
    """The item's cover as an enclosure / media:content / JSON Feed image."""

    url: str  # absolute
    length: int  # bytes of the published file
    media_type: str
    width: int | None = None
    height: int | None = None


@dataclass(frozen=True)
class Attachment:
    """A video file of the site: an RSS enclosure, an Atom enclosure link, a JSON Feed
    attachment, a ``media:content`` of medium video."""

    url: str  # absolute
    length: int  # bytes of the published file
    media_type: str
    duration: int | None = None  # seconds


@dataclass(frozen=True)
class EntryAuthor:
    name: str
    url: str  # absolute: the author's own site, else their page on this site
    avatar: str | None = None  # absolute


@dataclass(frozen=True)
class Category:
    term: str
    label: str
    scheme: str | None = None  # absolute URL of the vocabulary (topics), or None (tags)


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    url: str  # absolute
    summary: str  # plain text
    content_html: str  # absolute links; the summary and a link when the article is too long
    published: datetime
    updated: datetime  # == published when the item was never updated
    was_updated: bool
    authors: tuple[EntryAuthor, ...]
    categories: tuple[Category, ...]
    lang: str
    license: str  # SPDX id
    license_url: str
    picture: Picture | None
    attachment: Attachment | None = None  # the item's video, when a file of the site


def picture_of(item: Item, settings: Settings, site_dir: Path) -> Picture | None:
    """The first of image, book cover, video poster that the built site actually holds.

    The size comes from the published file (the bytes a reader downloads), so
    ``write_feeds`` must run after the engine has copied the site's files.
    """
    for rel in (item.image, item.details.picture):
        if not rel:
            continue
        media_type = MEDIA_TYPES.get(Path(rel).suffix.lower())
        path = site_dir / rel
        if media_type is None or not path.is_file():
            continue
        width = height = None
        if media_type != "image/svg+xml":
            try:
                with Image.open(path) as img:
                    width, height = img.size
            except (OSError, UnidentifiedImageError):
                pass
        return Picture(settings.site_url + rel, path.stat().st_size, media_type, width, height)
    return None


def absolute_html(html: str, base_url: str, embedded_text: str) -> str:
    """The article with every link and picture absolute, ready for a feed reader.

    Relative ``href``/``src``/``poster``/``srcset`` are resolved against ``base_url`` (the
    item page's absolute address); scripts, styles, forms and event handlers are removed;
    an ``<iframe>`` becomes a link to what it embeds (text ``embedded_text`` unless it has a
    title); Material's "¶" header anchors are dropped. The result is one ``<div>``.
    """
    root = lxml.html.fragment_fromstring(clean_text(html), create_parent="div")
    for el in list(root.iter(etree.Comment)):
        el.drop_tree()
    for el in list(root.iter(*_DROP)):
        el.drop_tree()
    for el in list(root.iter("a")):
        if "headerlink" in (el.get("class") or "").split():
            el.drop_tree()
    for el in list(root.iter(*_EMBEDS)):
        src = (el.get("src") or "").strip()
        if not src or _is_script_url(src):
            el.drop_tree()
            continue
        para = lxml.html.Element("p")
        link = etree.SubElement(para, "a", href=urljoin(base_url, src))
        link.text = el.get("title") or embedded_text
        para.tail = el.tail
        el.getparent().replace(el, para)
    for el in root.iter(etree.Element):
        for name in list(el.attrib):
            value = el.attrib[name]
            lower = name.lower()
            if lower.startswith("on") or lower == "style":
                del el.attrib[name]
            elif lower in _URL_ATTRS:
                if _is_script_url(value):
                    del el.attrib[name]
                else:
                    el.attrib[name] = _absolute(base_url, value)
            elif lower == "srcset":
                el.attrib[name] = _absolute_srcset(value, base_url)
    return str(lxml.html.tostring(root, encoding="unicode", method="html"))


@lru_cache(maxsize=4096)
def _absolute(base_url: str, value: str) -> str:
    value = value.strip()
    return value if _HAS_SCHEME.match(value) else urljoin(base_url, value)


def _is_script_url(value: str) -> bool:
    if ":" not in value:
        return False
    return re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith(("javascript:", "vbscript:"))


def _absolute_srcset(value: str, base_url: str) -> str:
    out = []
    for candidate in value.split(","):
        parts = candidate.strip().split(maxsplit=1)
        if not parts or _is_script_url(parts[0]):
            continue
        parts[0] = _absolute(base_url, parts[0])
        out.append(" ".join(parts))
    return ", ".join(out)


def build_entry(item: Item, library: Library, *, entry_id: str, content_html: str,
                picture: Picture | None, attachment: Attachment | None = None) -> Entry:
    """One item as a feed entry; ``content_html`` is already absolute and within the limit."""
    settings = library.settings
    site = settings.site_url
    authors = []
    for author_id in item.authors:
        author = library.authors.get(author_id)
        if author is None:
            continue
        authors.append(EntryAuthor(
            name=clean_text(author.name),
            url=author.url or f"{site}authors/{author.id}/",
            avatar=site + author.avatar if author.avatar else None,
        ))
    categories = []
    for topic_id in item.topics:
        topic = library.topics.get(topic_id)
        label = clean_text(topic.name) if topic else topic_id
        categories.append(Category(topic_id, label, f"{site}topics/"))
    for tag in item.tags:
        categories.append(Category(clean_text(tag), clean_text(tag)))
    published = feed_moment(item.date, settings)
    updated = feed_moment(last_change(item), settings)
    return Entry(
        id=clean_text(entry_id),
        title=clean_text(item.title),
        url=site + item.url,
        summary=clean_text(item.summary),
        content_html=content_html,
        published=published,
        updated=updated,
        was_updated=item.updated is not None and updated != published,
        authors=tuple(authors),
        categories=tuple(categories),
        lang=item.lang,
        license=item.license,
        license_url=license_url(item.license),
        picture=picture,
        attachment=attachment,
    )

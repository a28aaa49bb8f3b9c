"""Feeds: which feeds the site has (scopes), where they live and which items they carry.

Scopes: the whole site, each type (tutorials, reviews, videos), each topic, each author.
Each scope gets RSS 2.0 and Atom next to its listing page; the whole site also gets
JSON Feed 1.1::

    feed.xml  atom.xml  feed.json                   the whole site
    tutorials/feed.xml  tutorials/atom.xml          each type (reviews/, videos/ too)
    topics/<id>/feed.xml  topics/<id>/atom.xml      each topic
    authors/<id>/feed.xml  authors/<id>/atom.xml    each author
    feeds.opml  assets/feed.xsl  assets/feed.css  assets/feed-copy.js

RSS and Atom are written by feedgen; what it cannot express (the xml-stylesheet
instruction, a per-entry licence link, per-entry language in Atom, the update date in
RSS) is added to its output with lxml. Same input, same bytes: the feed's date is the
newest entry's, never the clock, and every list is sorted explicitly.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from ..content.models import Item, Kind
from ..library.library import Library, newest_first
from ..values.links import relative
from ..words.translate import translator
from .entries import clean_text

RSS_TYPE = "application/rss+xml"
ATOM_TYPE = "application/atom+xml"
JSON_TYPE = "application/feed+json"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"

OPML_PATH = "feeds.opml"
MANIFEST_PATH = "feeds-manifest.json"  # every feed's digest, for ping-hub (WebSub)
XSL_PATH = "assets/feed.xsl"
CSS_PATH = "assets/feed.css"
COPY_SCRIPT_PATH = "assets/feed-copy.js"
SUBSCRIBE_SRC = "subscribe.md"
SUBSCRIBE_URL = "subscribe/"

# Channel images in RSS may only be GIF, JPEG or PNG.
_RSS_IMAGE_SUFFIXES = (".gif", ".jpeg", ".jpg", ".png")



class Scope(StrEnum):
    SITE = "site"
    KIND = "kind"
    TOPIC = "topic"
    AUTHOR = "author"


@dataclass(frozen=True)
class FeedFormat:
    label: str  # "RSS", "Atom", "JSON Feed"
    media_type: str
    path: str  # site-relative


@dataclass(frozen=True)
class FeedSpec:
    """One scope's feeds: what they are called, where they live, which items they carry."""

    scope: Scope
    key: str  # "" (site), the type ("tutorial"), the topic id or the author id
    name: str  # short, for lists: "Tutorial", a topic's or an author's name
    title: str  # the feed's title, in the site language
    description: str
    page: str  # the listing the feeds belong to, site-relative ("" is the home page)
    items: tuple[Item, ...] = ()  # newest first, at most settings.feed_size
    image: str | None = None  # channel image (an author's avatar), site-relative

    @property
    def folder(self) -> str:
        return self.page

    @property
    def anchor(self) -> str:
        """The id of this feed's row on the subscribe page ("feed-topic-sastra")."""
        return subscribe_anchor(self.scope, self.key)

    @property
    def rss_path(self) -> str:
        return f"{self.folder}feed.xml"

    @property
    def atom_path(self) -> str:
        return f"{self.folder}atom.xml"

    @property
    def json_path(self) -> str | None:
        return "feed.json" if self.scope is Scope.SITE else None

    @property
    def formats(self) -> tuple[FeedFormat, ...]:
        out: tuple[FeedFormat, ...] = (FeedFormat("RSS", RSS_TYPE, self.rss_path),
                                       FeedFormat("Atom", ATOM_TYPE, self.atom_path))
        if self.json_path:
            out += (FeedFormat("JSON Feed", JSON_TYPE, self.json_path),)
        return out


@dataclass(frozen=True)
class AlternateLink:
    """One ``<link rel="alternate" type=... title=... href=...>`` for autodiscovery."""

    title: str
    type: str
    href: str  # absolute


@dataclass(frozen=True)
class FeedSection:
    """A group on the subscribe page and in the OPML file."""

    id: str
    heading: str
    specs: tuple[FeedSpec, ...]


# -- scopes --------------------------------------------------------------------------------

def subscribe_anchor(scope: Scope, key: str = "") -> str:
    """The id of a scope's row on the subscribe page (also ``FeedSpec.anchor``):
    ``feed-site`` (the whole site), ``feed-kind-<type>`` (``feed-kind-tutorial``,
    ``feed-kind-review``, ``feed-kind-video``), ``feed-topic-<id>``, ``feed-author-<id>``."""
    return f"feed-{scope.value}" + (f"-{key}" if key else "")


def published(library: Library) -> tuple[Item, ...]:
    """Library.items already holds only what this build publishes; guard anyway."""
    return newest_first(i for i in library.items
                        if library.preview or i.is_published(library.now))


def _spec(library: Library, scope: Scope, key: str, items: tuple[Item, ...] = ()) -> FeedSpec:
    settings = library.settings
    t = translator(settings.language)
    site = clean_text(settings.site_name)
    lib_name = clean_text(settings.library_name)
    if scope is Scope.SITE:
        return FeedSpec(scope, key, t("feeds.everything"), t("feeds.title.site", site=site),
                        t("feeds.description.site", library=lib_name), "", items)
    if scope is Scope.KIND:
        kind = Kind(key)
        name = t(f"kinds.{kind.value}")
        return FeedSpec(scope, key, name, t("feeds.title.kind", kind=name, site=site),
                        t(f"kinds.intro.{kind.value}"), f"{kind.folder}/", items)
    if scope is Scope.TOPIC:
        topic = library.topics[key]
        name = clean_text(topic.name)
        return FeedSpec(scope, key, name, t("feeds.title.topic", topic=name, site=site),
                        clean_text(topic.description) or name, f"topics/{key}/", items)
    author = library.authors[key]
    name = clean_text(author.name)
    image = author.avatar if author.avatar and author.avatar.lower().endswith(
        _RSS_IMAGE_SUFFIXES) else None
    return FeedSpec(scope, key, name, t("feeds.title.author", author=name, site=site),
                    t("feeds.description.author", author=name, role=clean_text(author.role),
                      library=lib_name),
                    f"authors/{key}/", items, image)


def feed_specs(library: Library) -> list[FeedSpec]:
    """Every feed of the site: whole site, each type, each topic (by id), each author (by id).

    Topics and authors without published items still get (empty) feeds, so an address
    never appears and disappears with the content.
    """
    size = library.settings.feed_size
    items = published(library)
    by_kind: dict[Kind, list[Item]] = {k: [] for k in Kind}
    by_topic: dict[str, list[Item]] = {tid: [] for tid in library.topics}
    by_author: dict[str, list[Item]] = {aid: [] for aid in library.authors}
    for item in items:  # one pass, newest first, so each list stays newest first
        by_kind[item.kind].append(item)
        for tid in dict.fromkeys(item.topics):
            if tid in by_topic:
                by_topic[tid].append(item)
        for aid in dict.fromkeys(item.authors):
            if aid in by_author:
                by_author[aid].append(item)
    specs = [_spec(library, Scope.SITE, "", items[:size])]
    specs += [_spec(library, Scope.KIND, k.value, tuple(by_kind[k][:size])) for k in Kind]
    specs += [_spec(library, Scope.TOPIC, tid, tuple(by_topic[tid][:size]))
              for tid in sorted(by_topic)]
    specs += [_spec(library, Scope.AUTHOR, aid, tuple(by_author[aid][:size]))
              for aid in sorted(by_author)]
    return specs


def sections(library: Library, specs: list[FeedSpec]) -> list[FeedSection]:
    """The feeds grouped for people: site, types, topics and authors by name."""
    t = translator(library.settings.language)

    def by_name(scope: Scope) -> tuple[FeedSpec, ...]:
        return tuple(sorted((s for s in specs if s.scope is scope),
                            key=lambda s: (s.name.casefold(), s.key)))

    return [
        FeedSection("site", t("feeds.section.site"),
                    tuple(s for s in specs if s.scope is Scope.SITE)),
        FeedSection("types", t("feeds.section.kind"),
                    tuple(s for s in specs if s.scope is Scope.KIND)),
        FeedSection("topics", t("feeds.section.topic"), by_name(Scope.TOPIC)),
        FeedSection("authors", t("feeds.section.author"), by_name(Scope.AUTHOR)),
    ]


# -- autodiscovery -------------------------------------------------------------------------

def listing_scope(library: Library, page_url: str) -> tuple[Scope, str] | None:
    """The feed of a type, topic or author listing (any page of it), or None."""
    parts = [p for p in page_url.split("/") if p]
    if len(parts) >= 2 and parts[-2] == "page" and parts[-1].isdigit():
        parts = parts[:-2]  # page n of a paginated listing
    folders = {k.folder: k for k in Kind}
    if len(parts) == 1 and parts[0] in folders:
        return Scope.KIND, folders[parts[0]].value
    if len(parts) == 2 and parts[0] == "topics" and parts[1] in library.topics:
        return Scope.TOPIC, parts[1]
    if len(parts) == 2 and parts[0] == "authors" and parts[1] in library.authors:
        return Scope.AUTHOR, parts[1]
    return None


def feed_spec(library: Library, scope: Scope, key: str) -> FeedSpec:
    """One scope's feeds (names and addresses; no items)."""
    return _spec(library, scope, key)


def alternate_links(library: Library, page_url: str, item: Item | None) -> list[AlternateLink]:
    """The feeds a page belongs to, for ``<link rel="alternate">``: the whole site's first,
    then the item's type and topics (item pages), or the listing's own (type, topic or
    author listings, any page of them). Cheap: no item is looked at."""
    scopes: list[tuple[Scope, str]] = [(Scope.SITE, "")]
    if item is not None:
        scopes.append((Scope.KIND, item.kind.value))
        scopes += [(Scope.TOPIC, tid) for tid in dict.fromkeys(item.topics)
                   if tid in library.topics]
    else:
        own = listing_scope(library, page_url)
        if own is not None:
            scopes.append(own)
    t = translator(library.settings.language)
    site = library.settings.site_url
    return [AlternateLink(t("feeds.format_title", title=spec.title, format=fmt.label),
                          fmt.media_type, site + fmt.path)
            for spec in (_spec(library, scope, key) for scope, key in scopes)
            for fmt in spec.formats]


def template_context(library: Library, here: str) -> dict[str, Any]:
    settings = library.settings
    return {
        "t": translator(settings.language),
        "lang": settings.language,
        "url": lambda target: folder_relative(target, here),
        "absolute": lambda target: settings.site_url + target,
        "settings": settings,
    }


def folder_relative(target: str, here: str) -> str:
    """links.relative, keeping the trailing slash of a folder address ("" is the home page)."""
    rel = relative(target, here)
    return rel + "/" if (target == "" or target.endswith("/")) and not rel.endswith("/") else rel



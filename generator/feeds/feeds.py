"""Publish: feeds for every scope, the OPML file, the feed stylesheet, the subscribe page.

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

import json
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import quote

from feedgen.feed import FeedGenerator
from jinja2 import Environment
from lxml import etree
from markupsafe import escape

from ..content.models import Item, Kind
from ..library.collect import Library, newest_first
from ..render.environment import environment
from ..render.pages import GeneratedPage
from ..values.licenses import license_url
from ..values.links import relative
from ..words.translate import translator
from .entries import (
    Entry,
    absolute_html,
    build_entry,
    clean_text,
    default_entry_id,
    feed_moment,
    newest_change,
    picture_of,
)

__all__ = [
    "AlternateLink", "FeedSpec", "Scope", "alternate_links", "default_entry_id", "feed_specs",
    "subscribe_page", "write_feeds",
]

RSS_TYPE = "application/rss+xml"
ATOM_TYPE = "application/atom+xml"
JSON_TYPE = "application/feed+json"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"

OPML_PATH = "feeds.opml"
XSL_PATH = "assets/feed.xsl"
CSS_PATH = "assets/feed.css"
COPY_SCRIPT_PATH = "assets/feed-copy.js"
SUBSCRIBE_SRC = "subscribe.md"
SUBSCRIBE_URL = "subscribe/"
ASSETS = Path(__file__).parents[1] / "assets"

ATOM_NS = "http://www.w3.org/2005/Atom"
CC_NS = "http://backend.userland.com/creativeCommonsRssModule"
DCTERMS_NS = "http://purl.org/dc/terms/"
XML_NS = "http://www.w3.org/XML/1998/namespace"
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

def _published(library: Library) -> tuple[Item, ...]:
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
    items = _published(library)
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


def _sections(library: Library, specs: list[FeedSpec]) -> list[FeedSection]:
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
        parts = [p for p in page_url.split("/") if p]
        if len(parts) >= 2 and parts[-2] == "page" and parts[-1].isdigit():
            parts = parts[:-2]  # page n of a paginated listing
        folders = {k.folder: k for k in Kind}
        if len(parts) == 1 and parts[0] in folders:
            scopes.append((Scope.KIND, folders[parts[0]].value))
        elif len(parts) == 2 and parts[0] == "topics" and parts[1] in library.topics:
            scopes.append((Scope.TOPIC, parts[1]))
        elif len(parts) == 2 and parts[0] == "authors" and parts[1] in library.authors:
            scopes.append((Scope.AUTHOR, parts[1]))
    t = translator(library.settings.language)
    site = library.settings.site_url
    return [AlternateLink(t("feeds.format_title", title=spec.title, format=fmt.label),
                          fmt.media_type, site + fmt.path)
            for spec in (_spec(library, scope, key) for scope, key in scopes)
            for fmt in spec.formats]


# -- the subscribe page --------------------------------------------------------------------

def subscribe_page(library: Library) -> GeneratedPage:
    """``subscribe.md`` (address ``subscribe/``): what feeds are, and every feed to copy."""
    settings = library.settings
    lang = settings.language
    t = translator(lang)
    md = environment().get_template("pages/subscribe.md.j2").render(
        sections=_sections(library, feed_specs(library)),
        opml_path=OPML_PATH,
        script_path=COPY_SCRIPT_PATH,
        **_context(library, SUBSCRIBE_URL),
    )
    return GeneratedPage(SUBSCRIBE_SRC, md, t("feeds.subscribe"),
                         t("feeds.subscribe.description"), lang)


def _context(library: Library, here: str) -> dict[str, Any]:
    settings = library.settings
    return {
        "t": translator(settings.language),
        "lang": settings.language,
        "url": lambda target: _relative(target, here),
        "absolute": lambda target: settings.site_url + target,
        "settings": settings,
    }


def _relative(target: str, here: str) -> str:
    """links.relative, keeping the trailing slash of a folder address ("" is the home page)."""
    rel = relative(target, here)
    return rel + "/" if (target == "" or target.endswith("/")) and not rel.endswith("/") else rel


# -- writing -------------------------------------------------------------------------------

def write_feeds(library: Library, html_by_src: Mapping[str, str],
                entry_ids: Mapping[str, str], out_dir: Path) -> list[Path]:
    """Write every feed, the OPML file and the stylesheet into the built site ``out_dir``.

    ``html_by_src``: item.src -> the article HTML the engine rendered for the item's page
    (relative links are relative to that page). ``entry_ids``: item.src -> the id fixed at
    first publication; items missing from it get ``default_entry_id``. Run it after the
    engine has copied the site's files: enclosure sizes are read from ``out_dir``.
    Returns the written files, sorted.
    """
    env = environment()
    specs = feed_specs(library)
    entries: dict[str, Entry] = {}
    for spec in specs:
        for item in spec.items:
            if item.src not in entries:
                entries[item.src] = _entry(library, item, html_by_src.get(item.src),
                                           entry_ids, out_dir, env)
    site_newest = newest_change(_published(library))
    stylesheet = library.settings.site_path + XSL_PATH
    written = []
    for spec in specs:
        chosen = [entries[i.src] for i in spec.items]
        updated = feed_moment(newest_change(spec.items, site_newest), library.settings)
        image = spec.image if spec.image and (out_dir / spec.image).is_file() else None
        written.append(_write(out_dir / spec.rss_path,
                              rss_bytes(library, spec, chosen, updated, image, stylesheet)))
        written.append(_write(out_dir / spec.atom_path,
                              atom_bytes(library, spec, chosen, updated, image, stylesheet)))
        if spec.json_path:
            written.append(_write(out_dir / spec.json_path, json_feed_bytes(library, spec,
                                                                            chosen)))
    written.append(_write(out_dir / OPML_PATH, opml_bytes(library, specs, env)))
    written.append(_write(out_dir / XSL_PATH, xsl_bytes(library, env)))
    for name, target in (("feed.css", CSS_PATH), ("feed-copy.js", COPY_SCRIPT_PATH)):
        (out_dir / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ASSETS / name, out_dir / target)
        written.append(out_dir / target)
    return sorted(written)


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _entry(library: Library, item: Item, html: str | None, entry_ids: Mapping[str, str],
           out_dir: Path, env: Environment) -> Entry:
    settings = library.settings
    t = translator(settings.language)
    page = settings.site_url + item.url
    content = None
    if html is not None:
        content = absolute_html(html, page, t("feeds.embedded"))
        if len(content) > settings.feed_content_limit:
            content = None
    if content is None:  # too long (or not rendered): the summary and a link instead
        content = env.get_template("feeds/entry_summary.html.j2").render(
            summary=clean_text(item.summary), href=page,
            more=t("feeds.read_more", site=clean_text(settings.site_name))).strip()
    return build_entry(item, library, entry_id=entry_ids.get(item.src) or
                       default_entry_id(item, settings), content_html=content,
                       picture=picture_of(item, settings, out_dir))


def _rights(library: Library) -> str:
    settings = library.settings
    return translator(settings.language)(
        "feeds.rights", library=clean_text(settings.library_name),
        license=settings.default_license, url=license_url(settings.default_license))


def _generator(library: Library, spec: FeedSpec, *, self_path: str, self_type: str,
               updated: datetime, image: str | None, rss: bool) -> Any:
    """A FeedGenerator with the channel set; feedgen's own clock stamps are overridden."""
    settings = library.settings
    site = settings.site_url
    fg = FeedGenerator()
    fg.load_extension("media")
    if rss:
        fg.load_extension("dc", atom=False, rss=True)
    fg.id(site + self_path)
    fg.title(spec.title)
    fg.description(spec.description)
    fg.link(href=site + self_path, rel="self", type=self_type)
    if not rss:  # RSS takes its <link> from the last link given: keep alternate last
        fg.link(href=license_url(settings.default_license), rel="license")
    fg.link(href=site + spec.page, rel="alternate", type="text/html")
    fg.language(settings.language)
    fg.rights(_rights(library))
    fg.author(name=clean_text(settings.library_name), uri=site)  # Atom only: no e-mail
    fg.generator("knowledge-site")
    fg.updated(updated)  # also lastBuildDate; feedgen would stamp the build time
    if image:
        fg.image(url=site + image, title=spec.title, link=site + spec.page)
    return fg


def _common_entry(fe: Any, entry: Entry, *, rss: bool) -> None:
    fe.id(entry.id)  # also <guid isPermaLink="false">
    fe.title(entry.title)
    pic = entry.picture
    if rss:
        # Atom entry links are added afterwards: feedgen 1.0 drops rel/type/length on them.
        fe.link(href=entry.url, rel="alternate", type="text/html")
        if pic:
            fe.link(href=pic.url, rel="enclosure", type=pic.media_type, length=str(pic.length))
    if pic:
        media: dict[str, str | None] = {"url": pic.url, "fileSize": str(pic.length),
                                        "type": pic.media_type, "medium": "image",
                                        "group": None}  # None: directly in the item
        if pic.width and pic.height:
            media["width"], media["height"] = str(pic.width), str(pic.height)
        fe.media.content(media)
    fe.content(entry.content_html, type="html")
    fe.published(entry.published)
    fe.updated(entry.updated)  # feedgen would stamp the build time
    for cat in entry.categories:
        fe.category(term=cat.term, label=cat.label, **({"scheme": cat.scheme}
                                                       if cat.scheme else {}))


def rss_bytes(library: Library, spec: FeedSpec, entries: list[Entry], updated: datetime,
              image: str | None, stylesheet: str) -> bytes:
    fg = _generator(library, spec, self_path=spec.rss_path, self_type=RSS_TYPE,
                    updated=updated, image=image, rss=True)
    lang = library.settings.language
    for entry in entries:
        fe = fg.add_entry(order="append")  # feedgen prepends by default
        _common_entry(fe, entry, rss=True)
        # <description> is HTML to readers: escaped once more, the summary shows as text.
        fe.summary(str(escape(entry.summary)))
        for author in entry.authors:
            fe.dc.dc_creator(author.name)  # names without e-mail: never <author>
        fe.dc.dc_rights(entry.license)
        if entry.lang != lang:
            fe.dc.dc_language(entry.lang)
    root = etree.fromstring(fg.rss_str(pretty=False))
    for node, entry in zip(root.find("channel").iterfind("item"), entries, strict=True):
        _sub(node, f"{{{CC_NS}}}license", entry.license_url)
        if entry.was_updated:
            _sub(node, f"{{{DCTERMS_NS}}}modified", entry.updated.isoformat())
    etree.cleanup_namespaces(root, top_nsmap={"creativeCommons": CC_NS, "dcterms": DCTERMS_NS})
    return _serialize(root, stylesheet)


def atom_bytes(library: Library, spec: FeedSpec, entries: list[Entry], updated: datetime,
               image: str | None, stylesheet: str) -> bytes:
    fg = _generator(library, spec, self_path=spec.atom_path, self_type=ATOM_TYPE,
                    updated=updated, image=image, rss=False)
    for entry in entries:
        fe = fg.add_entry(order="append")
        _common_entry(fe, entry, rss=False)
        fe.summary(entry.summary)  # type text: shown as text whatever it holds
        for author in entry.authors:
            fe.author(name=author.name, uri=author.url)
        fe.rights(entry.license)
    root = etree.fromstring(fg.atom_str(pretty=False))
    lang = library.settings.language
    for node, entry in zip(root.iterfind(f"{{{ATOM_NS}}}entry"), entries, strict=True):
        # After <title>/<updated>: the page, the cover as an enclosure, and the licence
        # (RFC 4946), which feedgen cannot write (it allows five rels and, in 1.0, loses
        # rel/type/length on entry links).
        anchor = node.find(f"{{{ATOM_NS}}}updated")
        links = [{"rel": "alternate", "type": "text/html", "href": entry.url}]
        if entry.picture:
            links.append({"rel": "enclosure", "type": entry.picture.media_type,
                          "length": str(entry.picture.length), "href": entry.picture.url})
        links.append({"rel": "license", "type": "text/html", "href": entry.license_url})
        for attrs in links:
            link = etree.Element(f"{{{ATOM_NS}}}link", attrs)
            anchor.addnext(link)
            anchor = link
        if entry.lang != lang:
            node.set(f"{{{XML_NS}}}lang", entry.lang)
    return _serialize(root, stylesheet)


def _sub(parent: Any, tag: str, text: str) -> None:
    etree.SubElement(parent, tag).text = text


def _serialize(root: Any, stylesheet: str) -> bytes:
    """Pretty XML with ``<?xml-stylesheet?>`` (which feedgen cannot write) before the root."""
    pi = etree.ProcessingInstruction(
        "xml-stylesheet", f'type="text/xsl" href="{quote(stylesheet, safe="/:")}"')
    root.addprevious(pi)
    return bytes(etree.tostring(root.getroottree(), pretty_print=True, xml_declaration=True,
                                encoding="UTF-8"))


def json_feed_bytes(library: Library, spec: FeedSpec, entries: list[Entry]) -> bytes:
    """JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/)."""
    settings = library.settings
    site = settings.site_url
    items = []
    for e in entries:
        item: dict[str, Any] = {
            "id": e.id,
            "url": e.url,
            "title": e.title,
            "summary": e.summary,
            "content_html": e.content_html,
            "date_published": e.published.isoformat(),
            "date_modified": e.updated.isoformat(),
            "authors": [{"name": a.name, "url": a.url, **({"avatar": a.avatar}
                                                           if a.avatar else {})}
                        for a in e.authors],
            "tags": list(dict.fromkeys(c.label for c in e.categories)),
            "language": e.lang,
        }
        if e.picture:
            item["image"] = e.picture.url
        item["_license"] = {"about": "https://spdx.org/licenses/", "spdx": e.license,
                            "url": e.license_url}
        items.append(item)
    feed = {
        "version": JSON_FEED_VERSION,
        "title": spec.title,
        "home_page_url": site + spec.page,
        "feed_url": site + (spec.json_path or ""),
        "description": spec.description,
        "language": settings.language,
        "authors": [{"name": clean_text(settings.library_name), "url": site}],
        "items": items,
    }
    return (json.dumps(feed, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def opml_bytes(library: Library, specs: list[FeedSpec], env: Environment | None = None) -> bytes:
    """OPML 2.0: one outline per scope (its RSS feed), grouped like the subscribe page.

    Listing RSS and Atom of the same scope would make a reader that imports the file
    subscribe twice to the same entries; the Atom twin sits next to each RSS address.
    """
    env = env or environment()
    t = translator(library.settings.language)
    text = env.get_template("feeds/feeds.opml.j2").render(
        title=t("feeds.opml.title", site=clean_text(library.settings.site_name)),
        owner=clean_text(library.settings.library_name),
        sections=_sections(library, specs),
        **_context(library, ""),
    )
    return text.encode("utf-8")


def xsl_bytes(library: Library, env: Environment | None = None) -> bytes:
    """The stylesheet that makes a feed opened in a browser read as a page (site language)."""
    env = env or environment()
    path = library.settings.site_path
    text = env.get_template("feeds/feed.xsl.j2").render(
        css_href=path + CSS_PATH, subscribe_href=path + SUBSCRIBE_URL,
        **_context(library, ""),
    )
    return text.encode("utf-8")

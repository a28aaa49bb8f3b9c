"""The feed files: RSS 2.0 and Atom (written by feedgen; what it cannot express added with
lxml), JSON Feed 1.1, the OPML list of every feed and the feeds' stylesheet. Same input,
same bytes: the feed's date is the newest entry's, never the clock."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any
from urllib.parse import quote

from feedgen.feed import FeedGenerator
from jinja2 import Environment
from lxml import etree
from markupsafe import escape

from ..content.models import Kind
from ..library.library import Library
from ..render.environment import environment
from ..values.licenses import license_url
from ..words.translate import translator
from .entries import Entry, clean_text
from .scopes import (
    ATOM_TYPE,
    CSS_PATH,
    JSON_FEED_VERSION,
    RSS_TYPE,
    SUBSCRIBE_URL,
    FeedSpec,
    Scope,
    sections,
    subscribe_anchor,
    template_context,
)

ATOM_NS = "http://www.w3.org/2005/Atom"
CC_NS = "http://backend.userland.com/creativeCommonsRssModule"
DCTERMS_NS = "http://purl.org/dc/terms/"
XML_NS = "http://www.w3.org/XML/1998/namespace"

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
    video = entry.attachment
    if rss:
        # Atom entry links are added afterwards: feedgen 1.0 drops rel/type/length on them.
        fe.link(href=entry.url, rel="alternate", type="text/html")
        # An RSS item has one enclosure: the video file when the item has one (what a
        # podcast app downloads), else the cover; the picture stays in media:content.
        if video:
            fe.link(href=video.url, rel="enclosure", type=video.media_type,
                    length=str(video.length))
        elif pic:
            fe.link(href=pic.url, rel="enclosure", type=pic.media_type, length=str(pic.length))
    contents: list[dict[str, str | None]] = []
    if video:  # first: the one the enclosure names
        movie: dict[str, str | None] = {"url": video.url, "fileSize": str(video.length),
                                        "type": video.media_type, "medium": "video",
                                        "group": None}
        if video.duration:
            movie["duration"] = str(video.duration)
        contents.append(movie)
    if pic:
        media: dict[str, str | None] = {"url": pic.url, "fileSize": str(pic.length),
                                        "type": pic.media_type, "medium": "image",
                                        "group": None}  # None: directly in the item
        if pic.width and pic.height:
            media["width"], media["height"] = str(pic.width), str(pic.height)
        contents.append(media)
    if contents:
        fe.media.content(contents)
    if pic:
        thumb: dict[str, str | None] = {"url": pic.url, "group": None}
        if pic.width and pic.height:
            thumb["width"], thumb["height"] = str(pic.width), str(pic.height)
        fe.media.thumbnail(thumb)
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
    hub = library.settings.websub_hub
    if hub:  # WebSub: after the channel's self link (feedgen allows no rel="hub")
        self_link = root.find(f"channel/{{{ATOM_NS}}}link")
        self_link.addnext(etree.Element(f"{{{ATOM_NS}}}link", {"rel": "hub", "href": hub}))
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
    hub = library.settings.websub_hub
    if hub:  # WebSub: next to the feed's own links
        root.find(f"{{{ATOM_NS}}}link").addprevious(
            etree.Element(f"{{{ATOM_NS}}}link", {"rel": "hub", "href": hub}))
    for node, entry in zip(root.iterfind(f"{{{ATOM_NS}}}entry"), entries, strict=True):
        # After <title>/<updated>: the page, the cover as an enclosure, and the licence
        # (RFC 4946), which feedgen cannot write (it allows five rels and, in 1.0, loses
        # rel/type/length on entry links).
        anchor = node.find(f"{{{ATOM_NS}}}updated")
        links = [{"rel": "alternate", "type": "text/html", "href": entry.url}]
        if entry.attachment:
            links.append({"rel": "enclosure", "type": entry.attachment.media_type,
                          "length": str(entry.attachment.length),
                          "href": entry.attachment.url})
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
        if e.attachment:
            attachment: dict[str, Any] = {"url": e.attachment.url,
                                          "mime_type": e.attachment.media_type,
                                          "size_in_bytes": e.attachment.length}
            if e.attachment.duration:
                attachment["duration_in_seconds"] = e.attachment.duration
            item["attachments"] = [attachment]
        item["_license"] = {"about": "https://spdx.org/licenses/", "spdx": e.license,
                            "url": e.license_url}
        items.append(item)
    feed: dict[str, Any] = {
        "version": JSON_FEED_VERSION,
        "title": spec.title,
        "home_page_url": site + spec.page,
        "feed_url": site + (spec.json_path or ""),
        "description": spec.description,
        "language": settings.language,
        "authors": [{"name": clean_text(settings.library_name), "url": site}],
    }
    if settings.websub_hub:
        feed["hubs"] = [{"type": "WebSub", "url": settings.websub_hub}]
    feed["items"] = items
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
        sections=sections(library, specs),
        **template_context(library, ""),
    )
    return text.encode("utf-8")


def xsl_bytes(library: Library, env: Environment | None = None) -> bytes:
    """The stylesheet that makes a feed opened in a browser read as a page (site language)."""
    env = env or environment()
    path = library.settings.site_path
    site_url = library.settings.site_url
    text = env.get_template("feeds/feed.xsl.j2").render(
        css_href=path + CSS_PATH, subscribe_href=path + SUBSCRIBE_URL,
        # What the stylesheet needs to find a feed's row on the subscribe page from the
        # feed's address (an address with a quote cannot sit in an XPath literal: no row).
        site_prefix=site_url if "'" not in site_url else "",
        site_anchor=subscribe_anchor(Scope.SITE),
        kind_anchors=[(k.folder, subscribe_anchor(Scope.KIND, k.value)) for k in Kind],
        topic_prefix=subscribe_anchor(Scope.TOPIC, "x")[:-1],
        author_prefix=subscribe_anchor(Scope.AUTHOR, "x")[:-1],
        **template_context(library, ""),
    )
    return text.encode("utf-8")

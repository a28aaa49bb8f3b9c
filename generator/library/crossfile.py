"""The checks no single file can make: two items claiming one address, links between items,
translations of items that exist."""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import datetime
from urllib.parse import quote, unquote
from zoneinfo import ZoneInfo

from ..content.diagnostics import Diagnostic, diag
from ..content.models import KIND_BY_FOLDER, Item, Kind, Link
from ..content.readers import written_as
from ..values.links import local_target, page_url
from ..values.suggest import code_list, similar_files, suggest
from .addresses import redirects
from .history import History
from .relations import tag_slug


def check_addresses(items: Iterable[Item], pages: Iterable[str]) -> list[Diagnostic]:
    """No two things may claim one address: items, their aliases, ordinary pages."""
    claims: dict[str, list[tuple[Item | None, str, int]]] = defaultdict(list)
    for src in pages:
        claims[page_url(src)].append((None, src, 1))
    for item in items:
        claims[item.url].append((item, "address", item.line_of("slug")
                                 if "slug" in dict(item.key_lines) else 1))
        for alias, line in zip(item.aliases, item.alias_lines, strict=True):
            claims[alias].append((item, "aliases", line))
    out = []
    for url, owners in sorted(claims.items()):
        if len(owners) < 2:
            continue
        for i, (owner, field_name, line) in enumerate(owners):
            others = [o for j, o in enumerate(owners) if j != i]
            names = ", ".join(sorted({_where(o[0], o[1]) for o in others}))
            if owner is None:
                continue  # the ordinary page is reported through the item that clashes
            code = "address.duplicate" if field_name == "address" else "alias.taken"
            out.append(diag(owner.path, line, "slug" if field_name == "address" else "aliases",
                            code, address="/" + url, other=names))
    return out


def _where(item: Item | None, src: str) -> str:
    return item.path if item else src


def generated_addresses(items: Iterable[Item], authors: Iterable[str], topics: Iterable[str],
                        tz: ZoneInfo) -> frozenset[str]:
    """The addresses the site makes besides item pages (site paths): listings per type,
    topic, librarian, tag and year, the search, subscribe, link-in-bio and share pages and
    the feeds — what a link may name though no file under site_src/ is it."""
    out = {"", "topics/", "tags/", "authors/", "archive/", "search/", "subscribe/", "links/",
           "share/", "feed.xml", "atom.xml", "feed.json", "feeds.opml"}
    listings = {f"{kind.folder}/" for kind in Kind} | {f"topics/{t}/" for t in topics} | {
        f"authors/{a}/" for a in authors}
    items = list(items)
    listings |= {f"tags/{tag_slug(tag)}/" for item in items for tag in item.tags}
    out |= {f"archive/{item.date.astimezone(tz).year}/" for item in items}
    out |= listings | {f"{url}{feed}" for url in listings for feed in ("feed.xml", "atom.xml")}
    return frozenset(out)


def old_addresses(history: History | None, items: Iterable[Item]) -> dict[str, Item]:
    """An address an item had before (git) or keeps as an alias -> the item: a link to it
    still works (it redirects), and ``fix`` points it at the address now."""
    if history is None:
        return {}
    items = list(items)
    by_url = {i.url: i for i in items}
    return {r.from_url: by_url[r.to_url] for r in redirects(history, items)
            if r.to_url in by_url}


def address_written_now(item: Item, link: Link, other: Item) -> str:
    """How to write a link to an old address of ``other`` with its address now, in the way
    it was written (from the root, relative to the file, or to site_src/)."""
    written = item.body[link.start:link.end] if link.start >= 0 else link.written
    cut = min((i for i in (written.find("?"), written.find("#")) if i >= 0),
              default=len(written))
    path = written[:cut]
    here = posixpath.dirname(item.src)
    if path.startswith("/"):
        new = "/" + other.url
    elif posixpath.normpath(posixpath.join(here, unquote(path))) == link.target.rstrip("/"):
        new = posixpath.relpath(other.url, here) + "/"
    else:
        new = other.url
    return quote(new, safe="/!$&'()*+,;=:@-._~") + written[cut:]


def check_links(items: Iterable[Item], every: Iterable[Item], files: frozenset[str],
                pages: frozenset[str], now: datetime,
                generated: frozenset[str] = frozenset(),
                old: Mapping[str, Item] | None = None) -> list[Diagnostic]:
    """Every link from an item to a file of the site must point at something that exists:
    an item (its file or its address), a file, a librarian's page, or a page the site makes
    (``generated``). A link to an old address of an item (``old``) works but is a warning."""
    old = old or {}
    by_src = {i.src: i for i in every}
    by_url = {i.url: i for i in every}
    page_urls = {page_url(p) for p in pages} | generated
    out = []
    for item in items:
        for link in item.links:
            target = link.target
            other: Item | None
            if target in by_src:
                other = by_src[target]
            elif target in files or target in pages:
                continue
            elif (target.rstrip("/") + "/") in by_url:
                other = by_url[target.rstrip("/") + "/"]
            elif ((target.rstrip("/") + "/") in page_urls or target in page_urls
                  or target in ("", ".")):
                continue
            elif (target.rstrip("/") + "/") in old:
                other = old[target.rstrip("/") + "/"]
                out.append(diag(item.path, link.line, "body", "link.old_address", warning=True,
                                value=link.written, new=address_written_now(item, link, other),
                                other=other.path))
            else:
                folder = target.split("/")[0]
                code = "link.broken_item" if folder in KIND_BY_FOLDER else "link.broken"
                close = _near(item, link, files, by_url)
                out.append(diag(item.path, link.line, "body", code + ("_suggest" if close else ""),
                                value=link.written or posixpath.basename(target) or target,
                                suggestion=code_list(close)))
                continue
            if other is not None and not other.is_published(now) and item.is_published(now):
                out.append(diag(item.path, link.line, "body", "link.unpublished", warning=True,
                                other=other.path))
    return out


def _near(item: Item, link: Link, files: frozenset[str], by_url: Mapping[str, Item]
          ) -> list[str]:
    """What a broken link probably meant, written the way the link was: a file that differs
    in letter case, extension, folder or a typo, or an item's address."""
    written = (local_target(link.written) or ("", ""))[0] or link.target
    if "." in posixpath.basename(link.target):
        near = [f for path in (link.target, posixpath.normpath(written.lstrip("/")))
                for f in similar_files(path, files)]
        return [written_as(f, written, item.src) for f in dict.fromkeys(near)][:3]
    folder, _, slug = link.target.rstrip("/").rpartition("/")
    slugs = {url.rstrip("/").rpartition("/")[2]: url for url in by_url
             if url.rstrip("/").rpartition("/")[0] == folder}
    return [written_as(slugs[s].rstrip("/"), written.rstrip("/"), item.src) + "/"
            for s in suggest(slug, slugs)]


def check_translations(items: Iterable[Item]) -> list[Diagnostic]:
    slugs = defaultdict(list)
    for item in items:
        slugs[item.slug].append(item)
    out = []
    for item in items:
        if item.translation_of and item.translation_of not in slugs:
            out.append(diag(item.path, item.line_of("translation_of"), "translation_of",
                            "translation.missing", value=item.translation_of))
    return out

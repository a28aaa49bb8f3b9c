"""Blogger exports, both shapes.

- Classic (Settings → Manage blog → Back up content): an Atom feed whose entries say what they
  are with ``<category scheme="http://schemas.google.com/g/2005#kind"
  term="http://schemas.google.com/blogger/2008/kind#post"/>`` (also ``#comment``,
  ``#settings``, ``#template``, ``#page``); labels are categories with the scheme
  ``http://www.blogger.com/atom/ns#``; a draft has ``app:control/app:draft`` ``yes`` and no
  ``alternate`` link; comments point at their post with ``thr:in-reply-to``.
- Google Takeout (``feed.atom``): entries with ``blogger:type`` (``POST``, ``PAGE``,
  ``COMMENT``), ``blogger:status`` (``LIVE``, ``DRAFT``, ``DELETED``), ``blogger:filename``
  (the path, e.g. ``/2019/05/cara.html``) and ``blogger:parent`` on comments.
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

from lxml import etree

from ..post import ImportedPost, Person, Source

ATOM = "http://www.w3.org/2005/Atom"
KIND = "http://schemas.google.com/g/2005#kind"
KINDS = "http://schemas.google.com/blogger/2008/kind#"
LABEL = "http://www.blogger.com/atom/ns#"
APP = ("http://purl.org/atom/app#", "http://www.w3.org/2007/app")
THR = "http://purl.org/syndication/thread/1.0"
TAKEOUT = "http://schemas.google.com/blogger/2018"
NS = {"a": ATOM, "thr": THR, "b": TAKEOUT}


def _iso(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def _kind(entry: etree._Element) -> str:
    typed = entry.findtext("b:type", namespaces=NS)
    if typed:
        return str(typed).strip().lower()
    for cat in entry.findall("a:category", NS):
        if cat.get("scheme") == KIND and (cat.get("term") or "").startswith(KINDS):
            return str(cat.get("term") or "")[len(KINDS):]
    return ""


def _draft(entry: etree._Element) -> bool:
    status = entry.findtext("b:status", namespaces=NS)
    if status:
        return bool(str(status).strip().upper() != "LIVE")
    for app in APP:
        if (entry.findtext(f"{{{app}}}control/{{{app}}}draft") or "").strip() == "yes":
            return True
    return False


def read(root: etree._Element, source: str) -> Source:
    entries = root.findall("a:entry", NS)
    base = None
    for link in root.findall("a:link", NS):
        if link.get("rel") == "alternate" and link.get("href"):
            base = link.get("href")
    comments: dict[str, int] = {}
    for entry in entries:
        if _kind(entry) == "comment":
            parent = entry.findtext("b:parent", namespaces=NS)
            if not parent:
                reply = entry.find("thr:in-reply-to", NS)
                parent = reply.get("ref") if reply is not None else None
            if parent:
                comments[parent.strip()] = comments.get(parent.strip(), 0) + 1
    posts, skipped = [], 0
    for entry in entries:
        kind = _kind(entry)
        if kind != "post":
            skipped += kind != "comment"
            continue
        if (entry.findtext("b:status", namespaces=NS) or "").strip().upper() == "DELETED":
            skipped += 1
            continue
        ident = (entry.findtext("a:id", namespaces=NS) or "").strip()
        url = None
        for link in entry.findall("a:link", NS):
            if link.get("rel") == "alternate" and link.get("type", "text/html") == "text/html":
                url = link.get("href")
        filename = (entry.findtext("b:filename", namespaces=NS) or "").strip()
        if url is None and filename and base:
            url = base.rstrip("/") + "/" + filename.lstrip("/")
        authors = []
        for author in entry.findall("a:author", NS):
            name = (author.findtext("a:name", namespaces=NS) or "").strip()
            uri = (author.findtext("a:uri", namespaces=NS) or "").strip()
            if name:
                authors.append(Person(uri or name, name))
        labels = tuple(dict.fromkeys(
            (c.get("term") or "").strip() for c in entry.findall("a:category", NS)
            if c.get("scheme") in (LABEL, None) and c.get("scheme") != KIND
            and (c.get("term") or "").strip()))
        short = ident.rsplit(".post-", 1)[-1] if ".post-" in ident else ident
        slug = None
        path = urlsplit(url).path if url else filename
        if path:
            slug = path.rstrip("/").rsplit("/", 1)[-1].removesuffix(".html") or None
        posts.append(ImportedPost(
            key=f"blogger:{short}",
            title=(entry.findtext("a:title", namespaces=NS) or "").strip(),
            body=entry.findtext("a:content", namespaces=NS) or "",
            where=url or f"post {short}",
            url=url,
            date=_iso(entry.findtext("a:published", namespaces=NS)),
            updated=_iso(entry.findtext("a:updated", namespaces=NS)),
            authors=tuple(authors),
            categories=labels,
            draft=_draft(entry),
            slug=slug,
            comments=comments.get(ident, 0) + comments.get(short, 0),
        ))
    return Source("blogger", tuple(posts), base, skipped=skipped)

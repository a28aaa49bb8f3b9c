"""A source, read: a file, a folder or an address; its bytes decoded (exports are not always
UTF-8) and its format recognised from what it holds, or named with ``--from``."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from pathlib import Path

from lxml import etree

from .encoding import decode
from .post import FORMATS, Source, SourceError, Trouble

__all__ = ["FORMATS", "read_source"]
MAX_BYTES = 200_000_000
TIMEOUT = 60
_DECLARED = re.compile(rb"^\s*<\?xml[^>]*encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")


def read_source(source: str, named: str | None = None) -> Source:
    """The source at ``source`` (a path or an http(s) address) read by its format's reader."""
    if re.match(r"^https?://", source, re.I):
        data = fetch_bytes(source)
        return read_bytes(data, source, named)
    path = Path(source)
    if path.is_dir():
        fmt = named or folder_format(path)
        if fmt == "jekyll":
            from .sources import jekyll

            return jekyll.read(path)
        if fmt == "hugo":
            from .sources import hugo

            return hugo.read(path)
        raise SourceError(Trouble.of("import.folder_unknown", source=source))
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(Trouble.of("import.missing", source=source)) from None
    except OSError as exc:
        raise SourceError(Trouble.of("import.unreadable", source=source,
                                     why=exc.strerror or exc)) from None
    return read_bytes(data, source, named)


def read_bytes(data: bytes, source: str, named: str | None) -> Source:
    fmt = named or sniff(data)
    if fmt is None:
        raise SourceError(Trouble.of("import.unknown_format", source=source))
    if fmt in ("jekyll", "hugo"):
        raise SourceError(Trouble.of("import.needs_folder", source=source, format=fmt))
    if fmt == "feed":
        from .sources import feed

        return feed.read(data, source)
    root, notes = parse_xml(data, source)
    if fmt == "wxr":
        from .sources import wxr

        found = wxr.read(root, source)
    else:
        from .sources import blogger

        found = blogger.read(root, source)
    return Source(found.format, found.posts, found.base_url, (*notes, *found.notes),
                  found.skipped)


def fetch_bytes(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "knowledge-site import"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            data: bytes = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise SourceError(Trouble.of("import.url_failed", source=url,
                                     why=f"HTTP {exc.code}")) from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise SourceError(Trouble.of("import.url_failed", source=url,
                                     why=getattr(exc, "reason", exc))) from None
    return data


def sniff(data: bytes) -> str | None:
    """The format from the bytes: a WordPress export names its namespace, a Blogger export its
    kinds (classic) or the ``blogger:`` namespace (Takeout), any other feed its root."""
    head = data[:65536].lower()
    if b"wordpress.org/export/" in head:
        return "wxr"
    if (b"schemas.google.com/blogger/2008/kind#" in data
            or b"http://schemas.google.com/blogger/2018" in head):
        return "blogger"
    if re.search(rb"<(rss|feed|rdf:rdf)[\s>]", head):
        return "feed"
    return None


def folder_format(path: Path) -> str | None:
    """Jekyll: a ``_posts`` folder (or the folder is one, or ``_config.yml``); Hugo: a
    ``content`` folder with a Hugo configuration, or the folder is a Hugo ``content``."""
    hugo_config = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml",
                   "config.yaml", "config.yml")
    if (path / "_posts").is_dir() or path.name == "_posts" or (path / "_config.yml").is_file():
        return "jekyll"
    if (path / "content").is_dir() and any((path / c).is_file() for c in hugo_config):
        return "hugo"
    if path.name == "content" or (path / "archetypes").is_dir():
        return "hugo"
    return None


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                          load_dtd=False, remove_comments=False, recover=False)


def parse_xml(data: bytes, source: str) -> tuple[etree._Element, tuple[Trouble, ...]]:
    """An XML export parsed safely (no entity expansion, no network, no huge trees); not UTF-8
    (declared otherwise, or stray bytes) is decoded first and noted."""
    notes: list[Trouble] = []
    declared = _DECLARED.match(data)
    encoding = declared.group(1).decode().lower() if declared else "utf-8"
    if encoding not in ("utf-8", "utf8"):
        try:
            text = data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            text, _ = decode(data)
        notes.append(Trouble.of("import.not_utf8", source=source, encoding=encoding))
    else:
        text, used = decode(data)
        if used:
            notes.append(Trouble.of("import.not_utf8", source=source, encoding=used))
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text, count=1)
    try:
        root = etree.fromstring(text.encode("utf-8"), _PARSER)
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if exc.position else 0
        raise SourceError(Trouble.of("import.malformed", source=source, line=line,
                                     why=exc.msg or str(exc))) from None
    if root is None:
        raise SourceError(Trouble.of("import.malformed", source=source, line=1, why="empty"))
    return root, tuple(notes)

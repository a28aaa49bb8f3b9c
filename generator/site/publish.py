"""Publish: what is written after the engine has built the pages — feeds, preview pictures,
the share kit, short links with QR codes, and the search index — all into the built site."""

from __future__ import annotations

import gzip
import io
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from lxml import etree

from ..feeds.write import write_feeds
from ..library.addresses import output_path, redirects
from ..library.library import Library
from ..pictures.jobs import PictureJob
from ..pictures.pool import Drawing
from ..pictures.previews import preview_jobs, site_preview_job
from ..pictures.qr import qr_job
from ..social.sharekit import write_share_kit
from ..social.shortlinks import render_redirect, write_short_links
from ..values.links import page_url, relative
from .assemble import UNLISTED, Assembly
from .search_index import build_search_index

_SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def picture_jobs(library: Library, assembly: Assembly, docs: Path) -> list[PictureJob]:
    """Every picture a build draws: previews (items, site) and the short links' QR codes."""
    return [*preview_jobs(library, docs).values(), site_preview_job(library),
            *(qr_job(link.url, link.qr_path) for link in assembly.short_links.values())]


def publish(library: Library, assembly: Assembly, html_by_src: Mapping[str, str],
            docs: Path, site_dir: Path, drawing: Drawing | None = None, *,
            transcripts: Mapping[str, str] | None = None, search: bool = True) -> None:
    """``transcripts``: a video item's source -> its transcript's HTML, for the feeds.
    ``drawing``: the pictures, started earlier (the plugin starts them while mkdocs renders
    the pages); without one they are drawn here. ``search``: False when the caller builds
    the search index itself, once the engine's pages are out of memory (``build``)."""
    if drawing is None:
        drawing = Drawing(picture_jobs(library, assembly, docs), site_dir).start()
    # First every HTML page, then Pagefind indexes them in its own process while this one
    # writes what Pagefind does not read (feeds, the share kit, the sitemap) and the
    # pictures are finished.
    links = assembly.short_links
    write_short_links(library, site_dir, links, qr=False)
    write_redirects(library, assembly, site_dir)
    with ThreadPoolExecutor(max_workers=1) as pool:
        index = (pool.submit(build_search_index, site_dir, library.settings.language)
                 if search else None)
        try:
            write_feeds(library, html_by_src, assembly.stable_ids, site_dir,
                        transcripts=transcripts)
            write_share_kit(library, site_dir, {src: link.url for src, link in links.items()})
            unlist_from_sitemap(site_dir, [library.settings.site_url + p for p in UNLISTED])
        finally:
            drawing.finish()
        if index is not None:
            index.result()  # raises SearchIndexError from the search index


def write_redirects(library: Library, assembly: Assembly, site_dir: Path) -> None:
    """Old addresses (from git history) and ``aliases`` lead to the item's address now:
    a small page with a meta refresh and rel=canonical works on any static host."""
    if library.history is None:
        return
    shown = [*library.items, *library.retired]
    by_url = {i.url: i for i in shown}
    live = {page_url(src) for src in assembly.pages} | {page_url(p) for p in library.pages}
    for r in redirects(library.history, shown, include_aliases=True, live=sorted(live)):
        item = by_url.get(r.to_url)
        if item is None:
            continue
        target = site_dir / output_path(r.from_url)
        if target.exists():  # never over a page the engine wrote
            continue
        html = render_redirect(relative(r.to_url, r.from_url),
                               library.settings.site_url + r.to_url, item.title, item.lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(html.encode("utf-8"))


def unlist_from_sitemap(site_dir: Path, urls: list[str]) -> None:
    """mkdocs lists every page in sitemap.xml; staff pages come out again (and the .gz copy
    is rewritten the way mkdocs writes it, without a timestamp)."""
    path = site_dir / "sitemap.xml"
    if not path.is_file():
        return
    tree = etree.parse(str(path))
    for url in tree.getroot().findall(f"{{{_SITEMAP_NS}}}url"):
        loc = url.find(f"{{{_SITEMAP_NS}}}loc")
        if loc is not None and (loc.text or "").strip() in urls:
            url.getparent().remove(url)
    data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
    path.write_bytes(data)
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, filename="") as gz:
        gz.write(data)
    (site_dir / "sitemap.xml.gz").write_bytes(buffer.getvalue())

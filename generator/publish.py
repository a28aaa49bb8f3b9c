"""Publish: what is written after the engine has built the pages — feeds, preview pictures,
the share kit, short links with QR codes, and the search index — all into the built site."""

from __future__ import annotations

import gzip
import io
from collections.abc import Mapping
from pathlib import Path

from lxml import etree

from .assemble import Assembly
from .collect import Library
from .feeds import write_feeds
from .preview_image import write_previews, write_site_preview
from .search_index import build_search_index
from .sharekit import write_share_kit
from .shortlinks import write_short_links

# Staff pages: not for search engines (and not in the sitemap, search or feeds).
UNLISTED = ("share/",)
_SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def publish(library: Library, assembly: Assembly, html_by_src: Mapping[str, str],
            docs: Path, site_dir: Path) -> None:
    write_feeds(library, html_by_src, assembly.stable_ids, site_dir)
    write_previews(library, docs, site_dir)
    write_site_preview(library, site_dir)
    links = write_short_links(library, site_dir, assembly.stable_ids)
    write_share_kit(library, site_dir, {src: link.url for src, link in links.items()})
    unlist_from_sitemap(site_dir, [library.settings.site_url + p for p in UNLISTED])
    build_search_index(site_dir, library.settings.language)


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

"""Everything the core adds to a site, in memory: generated pages, thumbnails, our assets.

The mkdocs plugin hands these to mkdocs; ``export`` writes them to disk for another
engine. One function, so both always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..feeds.entries import default_entry_id
from ..feeds.feeds import subscribe_page
from ..library.collect import Library
from ..library.history import stable_ids as history_ids
from ..pictures.previous import NOTHING, Previous
from ..pictures.thumbnails import thumbnails_for
from ..render.items import Renderer
from ..render.listings import listing_pages
from ..render.pages import GeneratedPage
from ..social.linkinbio import links_page
from ..social.sharekit import share_page
from ..social.shortlinks import ShortLink, short_links

ASSETS = Path(__file__).parents[1] / "assets"
CSS = ("assets/knowledge-site.css", "assets/social.css", "assets/video.css")
JS = ("assets/search.js", "assets/share.js", "assets/video.js")


@dataclass(frozen=True)
class Assembly:
    renderer: Renderer
    pages: dict[str, GeneratedPage]  # src (relative to docs_dir) -> page
    binaries: dict[str, bytes]  # generated files such as thumbnails
    assets: dict[str, Path]  # our stylesheets and scripts: site path -> packaged file
    stable_ids: dict[str, str]  # item.src -> the id that never changes (feeds, short links)
    short_links: dict[str, ShortLink]  # item.src -> its short link and QR code


def assemble(library: Library, docs: Path, *, previous: Previous = NOTHING,
             memo: dict[str, Any] | None = None) -> Assembly:
    """``previous``: the site being replaced, whose thumbnails are reused; ``memo``: item
    pages kept between the builds of one ``serve`` session."""
    thumbs = thumbnails_for(docs, {i.image for i in library.items if i.image}, previous)
    renderer = Renderer(library, {src: th for src, (th, _) in thumbs.items()}, memo)
    if library.history is not None:
        stable_ids = history_ids(library.history, library.all_items, library.settings.site_url)
    else:
        stable_ids = {i.src: default_entry_id(i, library.settings) for i in library.all_items}
    links = short_links(library, stable_ids)
    extra = [
        subscribe_page(library),
        links_page(library),
        share_page(library, {src: link.url for src, link in links.items()},
                   {src: link.qr_path for src, link in links.items()}),
    ]
    pages = {p.src: p for p in [*(renderer.item_page(i) for i in library.items),
                                *(renderer.retired_page(i) for i in library.retired),
                                *listing_pages(renderer), *extra]}
    binaries = {th.src: data for th, data in thumbs.values() if data is not None}
    assets = {name: ASSETS / Path(name).name for name in CSS + JS}
    return Assembly(renderer, pages, dict(sorted(binaries.items())), assets, stable_ids,
                    links)

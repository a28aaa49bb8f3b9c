"""Assemble: everything the core adds to a site, in memory, before an engine runs —
generated pages, thumbnails, our assets — and what an engine must leave out (the sources the
generated pages replace) and the order of the navigation.

Every engine is handed the same Assembly, so they always agree on what a site holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..content.models import KIND_BY_FOLDER, Kind
from ..content.registry import AUTHORS_FILE, TOPICS_FILE
from ..feeds.entries import default_entry_id
from ..feeds.subscribe import subscribe_page
from ..library.addresses import stable_ids as history_ids
from ..library.library import Library
from ..pictures.previous import NOTHING, Previous
from ..pictures.thumbnails import thumbnails_for
from ..render.counter import SCRIPT_PATH as COUNTER_JS
from ..render.items import Renderer
from ..render.listings import listing_pages
from ..render.pages import GeneratedPage
from ..social.linkinbio import links_page
from ..social.sharekit import share_page
from ..social.shortlinks import ShortLink, short_links
from ..values.minify import minified
from ..words.translate import translator

ASSETS = Path(__file__).parents[1] / "assets"
# Every page has the first; the others only the pages that need them (GeneratedPage.styles).
CSS = ("assets/knowledge-site.css", "assets/social.css", "assets/video.css", "assets/search.css",
       "assets/home.css", "assets/item.css")
HOME_CSS = "assets/home.css"  # the home page's first screen, on the home page only
GLOBAL_CSS = CSS[:1]
# The site's icon unless it chose one: 0.3 kB, where the theme's default picture is 1.9 kB.
FAVICON = "assets/favicon.svg"
# Copied into every site; each page names the scripts it needs (templates), none is global.
JS = ("assets/search.js", "assets/share.js", "assets/video.js")
# Staff pages: not for search engines (and not in the sitemap, search or feeds).
UNLISTED = ("share/",)


@dataclass(frozen=True)
class Assembly:
    renderer: Renderer
    pages: dict[str, GeneratedPage]  # src (relative to docs_dir) -> page
    binaries: dict[str, bytes]  # generated files such as thumbnails
    assets: dict[str, bytes]  # our stylesheets and scripts (minified): site path -> bytes
    stable_ids: dict[str, str]  # item.src -> the id that never changes (feeds, short links)
    short_links: dict[str, ShortLink]  # item.src -> its short link and QR code
    hidden: frozenset[str]  # sources that are not pages of the site (see ``is_hidden``)

    def is_hidden(self, src: str) -> bool:
        """Item sources become generated pages (a draft's source must not leak as a page);
        the registries and transcripts are read, not published."""
        return src in self.hidden or (src.endswith(".md") and src.count("/") == 1
                                      and src.split("/")[0] in KIND_BY_FOLDER)

    def navigation(self, library: Library) -> list[str]:
        """Home, the three kinds, topics, search, then the librarians' own pages. Items, later
        listing pages, tags, authors and the archive are reached through links (Material
        renders the navigation into every page: items in it would make a build grow with
        the square of the item count)."""
        own = sorted(p for p in library.pages if p != "index.md")
        return ["index.md", *(f"{k.folder}/index.md" for k in Kind), "topics/index.md",
                "search.md", "subscribe.md", *own]

    def not_found(self, library: Library) -> dict[str, Any]:
        """What the theme's 404 page says, in the site's language."""
        t = translator(library.settings.language)
        return {
            "title": t("notfound.title"), "text": t("notfound.text"),
            "search_label": t("search.label"), "search_button": t("search.button"),
            "root": library.settings.site_path,
            "topics": sorted(library.topics.values(), key=lambda tp: tp.name.lower()),
            # No relative links inside: the page is served at any depth.
            "ask": self.renderer.ask_box(library.settings.language, "", t("notfound.title")),
        }


def assemble(library: Library, docs: Path, *, previous: Previous = NOTHING,
             memo: dict[str, Any] | None = None, html_links: str = "page") -> Assembly:
    """``previous``: the site being replaced, whose thumbnails are reused; ``memo``: item
    pages kept between the builds of one ``serve`` session; ``html_links``: how the engine
    reads relative addresses in raw HTML (render/items.py)."""
    thumbs, thumb_files = thumbnails_for(docs, {i.image for i in library.items if i.image},
                                         previous)
    renderer = Renderer(library, thumbs, memo, html_links)
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
    binaries = thumb_files
    scripts = (*JS, COUNTER_JS) if library.settings.analytics else JS
    assets = {name: minified(ASSETS / Path(name).name) for name in (*CSS, *scripts, FAVICON)}
    hidden = frozenset({AUTHORS_FILE, TOPICS_FILE} | set(library.supporting))
    return Assembly(renderer, pages, dict(sorted(binaries.items())), assets, stable_ids,
                    links, hidden)

"""A page the core hands to an engine: Markdown with HTML blocks, its title and description,
and, for an item page, the item it shows."""

from __future__ import annotations

from dataclasses import dataclass

from ..content.models import Item
from ..values.links import page_url


@dataclass(frozen=True)
class GeneratedPage:
    src: str  # path relative to docs_dir, e.g. tutorials/x.md
    markdown: str
    title: str
    description: str
    lang: str
    item: Item | None = None
    searchable: bool = False  # indexed by the site search (items; not listings)
    # Stylesheets only this page needs (site paths), beside the one every page has.
    styles: tuple[str, ...] = ()

    @property
    def url(self) -> str:
        return page_url(self.src)

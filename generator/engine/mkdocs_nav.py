"""The navigation mkdocs renders into every page: the core's order (SiteBuild.navigation),
or the site's own ``nav:`` with the items taken out (Material renders the navigation into
every page: items in it would make a build grow with the square of the item count)."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from .base import SiteBuild


def navigation(site: SiteBuild, nav: Navigation, files: Files, config: MkDocsConfig
               ) -> Navigation:
    if config.nav is not None:  # the site chose its own navigation: only drop items
        items = {p.src for p in site.assembly.pages.values() if p.item is not None}
        nav.items = _without(nav.items, items)
        nav.pages = [p for p in nav.pages if p.file.src_uri not in items]
        return nav
    found = (files.get_file_from_path(src) for src in site.navigation)
    pages = [f.page for f in found if f is not None and isinstance(f.page, Page)]
    return Navigation(list(pages), list(pages))


def _without(entries: list[Any], drop: set[str]) -> list[Any]:
    out = []
    for entry in entries:
        if isinstance(entry, Section):
            entry.children = _without(entry.children, drop)
            if entry.children:
                out.append(entry)
        elif isinstance(entry, Page) and entry.file.src_uri in drop:
            continue
        else:
            out.append(entry)
    return out

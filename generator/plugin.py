"""The mkdocs plugin ``knowledge-site``: a thin adapter around the engine-independent core.

It asks the core for the generated pages and hands them to mkdocs in memory
(nothing is written into site_src/, so a watcher never loops), keeps item pages
out of the global navigation (Material renders the nav into every page, which
would make builds grow with the square of the item count), and reports content
problems as messages, not tracebacks.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from .clock import build_time
from .collect import Library
from .diagnostics import format_text, has_errors
from .pipeline import Options, run
from .registry import AUTHORS_FILE, TOPICS_FILE
from .render import GeneratedPage, Renderer

log = logging.getLogger("mkdocs.plugins.knowledge-site")

ASSETS = Path(__file__).parent / "assets"
THEME_OVERRIDES = Path(__file__).parent / "theme"
CSS = "assets/knowledge-site.css"


class _Anything(base.BaseConfigOption[Any]):
    """Our settings are validated by the core (settings.py), with line numbers; mkdocs only
    needs to know the names so it does not warn about them."""

    def run_validation(self, value: object) -> object:
        return value


class PluginConfig(base.Config):
    enabled = c.Type(bool, default=True)
    library_name = _Anything()
    language = _Anything()
    timezone = _Anything()
    default_license = _Anything()
    catalog_url = _Anything()
    ask_librarian = _Anything()
    social = _Anything()
    posting_slots = _Anything()
    feed_size = _Anything()
    feed_content_limit = _Anything()


class KnowledgeSitePlugin(BasePlugin[PluginConfig]):
    def __init__(self) -> None:
        self.command = "build"
        self.preloaded: Library | None = None
        self.library: Library | None = None
        self.generated: dict[str, GeneratedPage] = {}

    def preload(self, library: Library) -> None:
        """``knowledge-site build`` has already checked everything: don't do it twice."""
        self.preloaded = library

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        library = self.preloaded
        if library is None:
            root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
            preview = self.command == "serve"
            result = run(root, build_time(), Options(drafts=preview, future=preview))
            lang = "id"
            if result.library:
                lang = result.library.settings.language.split("-")[0]
            for line in format_text(result.diagnostics, lang if lang in ("id", "en") else "en"
                                    ).splitlines():
                (log.error if ": error: " in line else log.warning)(line)
            if has_errors(result.diagnostics) or result.library is None:
                raise PluginError("knowledge-site: the content has errors (listed above); "
                                  "nothing was built.")
            library = result.library
        self.library = library
        self.generated = {p.src: p for p in Renderer(library).pages()}
        # Our block overrides sit between a site's own custom_dir and Material's templates.
        dirs = config.theme.dirs
        position = 1 if config.theme.custom_dir else 0
        if str(THEME_OVERRIDES) not in dirs:
            dirs.insert(position, str(THEME_OVERRIDES))
        if CSS not in config.extra_css:
            config.extra_css.append(CSS)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.library is None:
            return files
        lib = self.library
        remove = {AUTHORS_FILE, TOPICS_FILE} | set(lib.supporting)
        type_folders = {f"{k.folder}/" for k in _kinds()}
        for file in list(files):
            src = file.src_uri
            # Item sources become generated pages; a draft's source must not leak as a page.
            if src in remove or (src.endswith(".md") and src.count("/") == 1
                                 and src.split("/")[0] + "/" in type_folders):
                files.remove(file)
        for page in self.generated.values():
            existing = files.get_file_from_path(page.src)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, page.src, content=page.markdown))
        files.append(File.generated(config, CSS, abs_src_path=str(ASSETS / "knowledge-site.css")))
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Items are reached through listings, never through the global navigation."""
        items = {p.src for p in self.generated.values() if p.item is not None}
        nav.items = _without(nav.items, items)
        # Sections named after our folders ("tutorials") get the listing's own title.
        for entry in nav.items:
            if isinstance(entry, Section):
                index = next((ch for ch in entry.children if isinstance(ch, Page)
                              and ch.file.src_uri in self.generated), None)
                if index is not None and index.file.src_uri.endswith("index.md"):
                    entry.title = self.generated[index.file.src_uri].title
        nav.pages = [p for p in nav.pages if p.file.src_uri not in items]
        return nav

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str | None:
        generated = self.generated.get(page.file.src_uri)
        if generated is not None:
            page.meta.setdefault("title", generated.title)
            page.meta.setdefault("description", generated.description)
            if generated.item is not None:
                page.meta["ks_item"] = True
                page.meta["ks_lang"] = generated.lang
        return markdown


def _kinds() -> list[Any]:
    from .models import Kind

    return list(Kind)


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

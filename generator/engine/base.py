"""The engine contract: what the core hands an engine, and what an engine must do with it.

An engine turns Markdown pages into HTML pages, and nothing else. Everything this product
adds — the checked library, the generated pages, what to leave out, the navigation, the
finishing of every HTML file, the publishing after (feeds, pictures, search, short links,
redirects, share kit) — is decided by the core and handed over as one ``SiteBuild``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..content.diagnostics import Diagnostic, has_errors
from ..content.markdown_scan import added_extensions, footnote_words
from ..content.settings import SETTING_KEYS
from ..library.check import Options, run
from ..library.library import Library
from ..pictures.pool import Drawing
from ..pictures.previous import NOTHING, Previous
from ..site.assemble import FAVICON, GLOBAL_CSS, Assembly, assemble
from ..site.finish import Finisher
from ..site.publish import picture_jobs, publish
from ..site.search_index import SearchIndexError, fits_beside
from ..values.clock import build_time
from ..words.translate import words_language

__all__ = ["NOTHING", "SETTING_KEYS", "THEME_OVERRIDES", "Drawing", "Engine", "EngineUnavailable",
           "Previous", "SearchIndexError", "SiteBuild", "prepare", "prepare_from_sources",
           "stable_epoch"]

# Our block overrides of Material's templates (main.html, 404.html).
THEME_OVERRIDES = Path(__file__).parents[1] / "theme"


@dataclass(frozen=True)
class SiteBuild:
    """One build, described for an engine. ``finisher`` keeps what the build learns as the
    engine goes (lifted HTML, each item's article for the feeds); the rest never changes."""

    root: Path  # the site repository (holds mkdocs.yml)
    docs: Path  # its docs_dir
    library: Library
    assembly: Assembly
    finisher: Finisher = field(compare=False)
    previous: Previous = NOTHING  # the site this build replaces (its pictures are reused)
    serving: bool = False  # a preview: drafts and scheduled items shown with a banner
    # The caller may build the search index after the engine has returned (``build``:
    # Pagefind then runs while the engine's pages are no longer in memory); ``publish`` still
    # builds it beside the feeds when this process and a Pagefind run fit in memory together.
    search_later: bool = False
    done: dict[str, bool] = field(default_factory=dict, compare=False)  # "search": indexed

    def is_hidden(self, src: str) -> bool:
        """A source file the engine must not publish as a page."""
        return self.assembly.is_hidden(src)

    @property
    def added_extensions(self) -> dict[str, dict[str, Any]]:
        """Markdown extensions (with settings) the engine must add to the site's own: those
        check read the bodies with (footnotes, maths kept as written)."""
        settings = self.library.settings
        return added_extensions(settings.markdown_extensions, settings.language)

    @property
    def footnote_words(self) -> dict[str, str]:
        """The footnotes' settings in the site's language, for a site that lists them."""
        return footnote_words(self.library.settings.language)

    @property
    def favicon(self) -> str:
        """Our icon, for a site whose theme names none."""
        return FAVICON

    @property
    def global_css(self) -> tuple[str, ...]:
        """Our stylesheets every page carries (the engine lists them in its settings)."""
        return GLOBAL_CSS

    @property
    def navigation(self) -> list[str]:
        return self.assembly.navigation(self.library)

    @property
    def not_found(self) -> dict[str, Any]:
        return self.assembly.not_found(self.library)

    def start_pictures(self, site_dir: Path) -> Drawing:
        """The pictures, drawn in other processes while the engine renders the pages."""
        return Drawing(picture_jobs(self.library, self.assembly, self.docs), site_dir,
                       self.previous).start()

    def publish(self, site_dir: Path, drawing: Drawing | None = None) -> None:
        """Everything written after the pages: raises SearchIndexError when Pagefind fails.
        A build's articles are dropped once the feeds have them; ``serve`` keeps them."""
        search = not self.search_later or fits_beside(len(self.library.all_items))
        publish(self.library, self.assembly, dict(self.finisher.articles), self.docs,
                site_dir, drawing, transcripts=dict(self.finisher.transcripts), search=search)
        self.done["search"] = search
        if not self.serving:
            self.finisher.articles.clear()
            self.finisher.transcripts.clear()


def prepare(root: Path, library: Library, *, previous: Previous = NOTHING,
            serving: bool = False, memo: dict[str, Any] | None = None,
            html_links: str = "page", search_later: bool = False) -> SiteBuild:
    """The description of a build of ``library``; ``memo``: item pages kept between the
    builds of one ``serve`` session; ``html_links``: the engine's ``raw_html_links``."""
    docs = root / library.settings.docs_dir
    assembly = assemble(library, docs, previous=previous, memo=memo, html_links=html_links)
    return SiteBuild(root, docs, library, assembly, Finisher(library, assembly), previous,
                     serving, search_later)


def prepare_from_sources(root: Path, *, serving: bool, previous: Previous = NOTHING,
                         validated: dict[str, Any] | None = None,
                         pages: dict[str, Any] | None = None
                         ) -> tuple[SiteBuild | None, list[Diagnostic], str]:
    """For an engine that runs the core itself (plain ``mkdocs build``/``serve``): check the
    sources, then describe the build — None when the content has errors — with the problems
    and the language to print them in. A preview shows drafts and scheduled items;
    ``validated``/``pages``: what a serve session keeps."""
    result = run(root, build_time(), Options(drafts=serving, future=serving), memo=validated)
    library = result.library
    lang = words_language(library.settings.language) if library else "id"
    if has_errors(result.diagnostics) or library is None:
        return None, result.diagnostics, lang
    return prepare(root, library, previous=previous, serving=serving,
                   memo=pages), result.diagnostics, lang


def stable_epoch(library: Library) -> str:
    """Engines stamp their sitemap with the build date; give them the newest content's date
    instead (unless SOURCE_DATE_EPOCH is set), so the same input gives the same bytes."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    moments = [max(i.date, i.updated or i.date) for i in library.items]
    return str(int(max(moments).timestamp())) if moments else "0"


class EngineUnavailable(Exception):
    """The engine's package is not installed; the message names the install command."""


class Engine(Protocol):
    name: str
    # How it reads a relative address in raw HTML: "page" or "source" (render/items.py).
    raw_html_links: str

    def build(self, site: SiteBuild, site_dir: Path, *, strict: bool) -> bool:
        """Write the whole site into ``site_dir`` (empty or absent); False when the engine
        failed (it has printed why)."""

    def serve(self, root: Path, dev_addr: str) -> int:
        """Preview the site on this computer, rebuilding on every edit; the exit code."""

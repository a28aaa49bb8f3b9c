"""The site search: Pagefind's static, sharded index, built after the pages.

Measured choice (docs/search.md): Material's built-in search downloads one JSON
of every page's text before the first result (8.5 MB at 1,000 items); Pagefind
fetches a ~15 KB loader and only the index shards a query needs, and nothing at
all until the patron searches.
"""

from __future__ import annotations

import asyncio
import queue
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

OUTPUT = "pagefind"
# Pagefind's ready-made interfaces; our own search page uses only its small core API.
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js",
           "pagefind-modular-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
           "pagefind-highlight.js")


# Parts of a page that are not its text: anchors, the path above it, its type label.
_EXCLUDED = (".headerlink", ".ks-breadcrumbs", ".ks-kind")


# The attribute in a tag (not the words in a page's text, where "<" is escaped).
_MARKED = re.compile(r"<[a-zA-Z][^<>]*\sdata-pagefind-body[\s=>/]")


class SearchIndexError(Exception):
    pass


def build_search_index(site_dir: Path, language: str) -> None:
    """Index every page marked ``data-pagefind-body`` as one language (the site's), so
    Indonesian and English items are found from the same search box."""
    target = site_dir / OUTPUT
    if target.exists():
        shutil.rmtree(target)
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", OUTPUT,
         "--force-language", language.split("-")[0], "--silent",
         "--exclude-selectors", ", ".join(_EXCLUDED)],
        capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        raise SearchIndexError(result.stderr.strip() or result.stdout.strip())
    _drop_unused(target)


def _drop_unused(target: Path) -> None:
    for name in _UNUSED:
        (target / name).unlink(missing_ok=True)


class StreamingIndex:
    """The same index, fed page by page while mkdocs writes them (``build``): Pagefind
    indexes in its own process alongside the rendering instead of reading every page again
    afterwards. Pages are handed over through Pagefind's service API (its Python package);
    only pages marked ``data-pagefind-body`` are given, as the CLI would index."""

    def __init__(self, site_dir: Path, language: str) -> None:
        self.target = site_dir / OUTPUT
        self._config = IndexConfig(force_language=language.split("-")[0],
                                   exclude_selectors=list(_EXCLUDED),
                                   output_path=str(self.target))
        # Bounded: when Pagefind lags, the renderer waits rather than holding every page.
        self._pages: queue.Queue[tuple[str, str] | None] = queue.Queue(maxsize=256)
        self._error: BaseException | None = None
        self.added = 0
        self._thread = threading.Thread(target=self._run, name="knowledge-site search",
                                        daemon=True)
        self._thread.start()

    def add(self, dest_path: str, html: str) -> None:
        """``dest_path``: the page's file in the site, e.g. ``tutorials/x/index.html``."""
        if _MARKED.search(html):
            self.added += 1
            self._pages.put((dest_path, html))

    def finish(self, site_dir: Path, language: str) -> None:
        """Write the index into the site (waits for Pagefind). A site with no marked page
        is left to the CLI, which then indexes every page."""
        if not self.added:
            self.abandon()
            build_search_index(site_dir, language)
            return
        self._pages.put(None)
        self._thread.join()
        if self._error is not None:
            raise SearchIndexError(str(self._error) or type(self._error).__name__)
        _drop_unused(self.target)

    def abandon(self) -> None:
        """A failed build: stop Pagefind without writing anything."""
        self._error = self._error or SearchIndexError("abandoned")
        self._pages.put(None)
        self._thread.join()

    def _run(self) -> None:
        try:
            asyncio.run(self._index())
        except BaseException as exc:  # reported by finish(), in the build's thread
            self._error = exc

    async def _index(self) -> None:
        loop = asyncio.get_running_loop()
        async with PagefindIndex(config=self._config) as index:
            while (page := await loop.run_in_executor(None, self._pages.get)) is not None:
                if self._error is None:
                    await index.add_html_file(content=page[1], source_path=page[0])
            if self._error is not None:  # abandoned: leave without writing the files
                raise self._error

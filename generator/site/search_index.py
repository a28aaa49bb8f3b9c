"""The site search: Pagefind's static, sharded index, built after the pages.

Measured choice (docs/search.md): Material's built-in search downloads one JSON
of every page's text before the first result (8.5 MB at 1,000 items); Pagefind
fetches a ~15 KB loader and only the index shards a query needs, and nothing at
all until the patron searches.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

OUTPUT = "pagefind"
# Pagefind's ready-made interfaces; our own search page uses only its small core API.
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js",
           "pagefind-modular-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
           "pagefind-highlight.js")


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
         "--exclude-selectors", ".headerlink, .ks-breadcrumbs, .ks-kind"],
        capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        raise SearchIndexError(result.stderr.strip() or result.stdout.strip())
    for name in _UNUSED:
        (target / name).unlink(missing_ok=True)

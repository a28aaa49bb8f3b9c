"""The site search: Pagefind's static, sharded index, built after the pages.

Measured choice (docs/search.md): Material's built-in search downloads one JSON
of every page's text before the first result (8.5 MB at 1,000 items); Pagefind
fetches a ~15 KB loader and only the index shards a query needs, and nothing at
all until the patron searches.

Pagefind holds everything it indexes in memory until it writes the bundle: about 100 MB
plus 200 KB a page (measured: 590 MB for 2,500 of the benchmark's item pages, 2.2 GB for
10,000). So a library of more than ``PART_PAGES`` searchable pages is indexed in parts, one
Pagefind run after the other, each over a folder of hard links to its pages: ``pagefind/``
holds the first part and Pagefind's loader, ``pagefind/part-2/`` … the others, and
``pagefind/parts.json`` lists them; the search page merges them in the browser (Pagefind's
``mergeIndex``, which reuses the first part's WebAssembly). A page's part is chosen by a hash
of its path, so an edit changes the files of one part only while the number of parts stays.

One catch, and its cure: where no word of an index starts with the searched word, Pagefind
answers with the pages holding the longest word that *begins* the searched one ("l" for
"library"). One index does so only for a word found nowhere; a part does so whenever the word
is in other parts only. So every part also indexes one page of every word of the site (the
``ks:words`` filter), which the search page leaves out: each part then answers as one index
would.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

OUTPUT = "pagefind"
PARTS = "parts.json"
# Fewer parts are fewer bytes a search moves (each part adds its metadata and one or two
# ~30 kB index chunks per word), more parts less memory: at 10,000 items three parts of 3,300
# pages take 0.73 GB each and a search 307-432 kB; five of 2,000, 0.41 GB and more bytes.
PART_PAGES = 4000
# Pagefind's memory, measured on the benchmark's item pages: 590 MB for 2,500, 1.1 GB for 5,000.
_PAGEFIND_BASE, _PAGEFIND_PER_PAGE = 100_000_000, 200_000
# A build indexes beside the feeds (quicker) only while this process and Pagefind stay under
# this together; else after the engine, with the engine's memory given back (cli/build.py).
BESIDE_BYTES = 1_200_000_000
_MARK = b"data-pagefind-body"
WORDS_FILTER = "ks:words"  # the page of every word in each part; search.js leaves it out
_WORDS_PAGE = "ks-search-words.html"
_TAG = re.compile(rb"<[^>]*>")
_PUNCTUATION = b".,;:!?()[]{}\"'*"
# Pagefind's ready-made interfaces; our own search page uses only its small core API.
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js",
           "pagefind-modular-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
           "pagefind-highlight.js")
# A merged part needs only its entry file and index: the loader and WebAssembly are the
# first part's.
_LOADER = ("pagefind.js", "pagefind-worker.js")


class SearchIndexError(Exception):
    pass


def part_pages() -> int:
    """Pages per Pagefind run: ``KS_SEARCH_PART_PAGES`` (a machine with little memory, a test)."""
    value = os.environ.get("KS_SEARCH_PART_PAGES", "").strip()
    return max(1, int(value)) if value else PART_PAGES


def fits_beside(pages: int) -> bool:
    """Whether Pagefind, indexing a part of ``pages`` pages, fits in memory next to this
    process as it is now (its resident size, from /proc; elsewhere only the estimate), within
    ``BESIDE_BYTES`` or ``KS_SEARCH_BESIDE_MB``."""
    value = os.environ.get("KS_SEARCH_BESIDE_MB", "").strip()
    budget = int(float(value) * 1_000_000) if value else BESIDE_BYTES
    try:
        with open("/proc/self/statm") as f:
            resident = int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        resident = 0
    part = -(-pages // max(1, -(-pages // part_pages())))  # the pages of the biggest part
    return resident + _PAGEFIND_BASE + _PAGEFIND_PER_PAGE * part <= budget


def build_search_index(site_dir: Path, language: str, *, per_part: int | None = None) -> int:
    """Index every page marked ``data-pagefind-body`` as one language (the site's), so
    Indonesian and English items are found from the same search box; the number of parts."""
    target = site_dir / OUTPUT
    if target.exists():
        shutil.rmtree(target)
    pages = searchable_pages(site_dir)
    count = max(1, -(-len(pages) // (per_part or part_pages())))
    if count == 1:
        _pagefind(site_dir, target, language)
    else:
        parts: list[list[str]] = [[] for _ in range(count)]
        for page in pages:
            parts[int(hashlib.sha256(page.encode()).hexdigest(), 16) % count].append(page)
        words = words_page(site_dir, pages, language)
        for number, part in enumerate(parts, start=1):
            _index_part(site_dir, part, words,
                        target if number == 1 else target / f"part-{number}", language)
    names = [f"part-{n}/" for n in range(2, count + 1)]
    for unused in _UNUSED:
        (target / unused).unlink(missing_ok=True)
    for name in names:
        for path in (target / name).iterdir():
            if path.name in _UNUSED or path.name in _LOADER or path.name.startswith("wasm."):
                path.unlink()
    (target / PARTS).write_text(json.dumps(names) + "\n", encoding="utf-8")
    return count


def searchable_pages(site_dir: Path) -> list[str]:
    """The HTML files Pagefind indexes (they hold ``data-pagefind-body``), relative, sorted."""
    found = []
    for folder, dirs, files in os.walk(site_dir):
        if folder == str(site_dir) and OUTPUT in dirs:
            dirs.remove(OUTPUT)
        for name in files:
            if name.endswith(".html"):
                path = os.path.join(folder, name)
                with open(path, "rb") as f:
                    if _MARK in f.read():
                        found.append(os.path.relpath(path, site_dir))
    return sorted(found)


def words_page(site_dir: Path, pages: list[str], language: str) -> bytes:
    """One page holding every word of the searchable pages once, as the pages write it (so
    Pagefind cuts and folds it the same way), marked with ``WORDS_FILTER``. More words than
    Pagefind indexes (an attribute's, the footer's) do no harm: they only keep the fallback
    away. Bytes, not text: 1.8 s for 10,000 pages instead of 7.4 s."""
    words: set[bytes] = set()
    for rel in pages:
        data = (site_dir / rel).read_bytes()
        data = data[data.find(_MARK):]
        words.update(word.strip(_PUNCTUATION) for word in _TAG.sub(b" ", data).lower().split())
    words.discard(b"")
    name, value = WORDS_FILTER.split(":")
    return (f'<!doctype html><html lang="{html.escape(language)}"><head><meta charset="utf-8">'
            f'<title>{name}</title></head><body><div data-pagefind-body '
            f'data-pagefind-filter="{name}:{value}"><p>').encode() + b" ".join(
                sorted(words)) + b"</p></div></body></html>\n"


def _index_part(site_dir: Path, pages: list[str], words: bytes, output: Path,
                language: str) -> None:
    """Pagefind over ``pages`` only: a folder of hard links (copies where the file system
    has none) next to the site, so each page keeps its address."""
    try:
        tree = Path(tempfile.mkdtemp(prefix=".search-part-", dir=site_dir.parent))
    except OSError:  # a folder we may not write next to
        tree = Path(tempfile.mkdtemp(prefix="ks-search-part-"))
    try:
        for rel in pages:
            link = tree / rel
            link.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(site_dir / rel, link)
            except OSError:
                shutil.copyfile(site_dir / rel, link)
        (tree / _WORDS_PAGE).write_bytes(words)
        _pagefind(tree, output, language)
    finally:
        shutil.rmtree(tree, ignore_errors=True)


def _pagefind(site: Path, output: Path, language: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(output),
         "--force-language", language.split("-")[0], "--silent",
         "--exclude-selectors", ".headerlink, .ks-breadcrumbs, .ks-kind"],
        capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        raise SearchIndexError(result.stderr.strip() or result.stdout.strip())

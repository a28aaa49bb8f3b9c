"""Page weight of the listings and the bytes one search moves, in a real browser.

    python benchmarks/weight.py SITE_DIR [--common WORD] [--rare WORD] [--markdown FILE]
    python benchmarks/weight.py --items 5000 [--work DIR] [--code DIR] [--markdown FILE]

SITE_DIR is a built site (the folder holding ``index.html``). With ``--items N`` the script
first writes the synthetic library (``benchmarks/generate.py N <work>/library``) and builds it
(``python -m generator build`` in that folder, ``SOURCE_DATE_EPOCH`` fixed as in ``run.py``;
the ``generator`` package is taken from ``--code``, default this repository).

The site is served on 127.0.0.1 and opened in Debian's Chromium (``/usr/bin/chromium`` or
``KS_GATES_CHROMIUM``; Playwright never downloads a browser) with the quality gates' own helpers
(``tests/gates/browser.py``, ``checks.py``), so a page is weighed exactly as the weight gate
weighs it: on a phone, empty cache, everything fetched until the network has been quiet for
0.5 s after ``load``, each URL once, gzip -6, the item's own pictures excluded.

Pages: the home page, each type listing (first page) and the deepest page of the biggest
one, the biggest topic, tag and librarian listing (first and last page), the topic, tag and
librarian indexes, the archive and its latest year, and the search page before a search.

Search: on the search page, the word is typed into the box and Enter pressed (search.js
searches on submit), then the script waits until the results show. Everything requested from
the first keystroke until then is summed: raw bytes (what the local server sent) and the
bytes a static host sends ("served": gzip -6 for text types a host compresses — HTML, CSS,
JavaScript, JSON — and the file unchanged for the rest; Pagefind's wasm, metadata, index
chunks and result fragments are gzip files already and go over the wire as they are). What
Pagefind fetches after the results show is reported too, not counted.

Budgets: 100 kB gzip per page (``tests/gates/checks.py`` WEIGHT_BUDGET_GZIP) and 300 kB served
per search. Exit status 1 when something is over budget, 2 when the measurement failed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "tests"))  # the gates' helpers: tests/gates/

from gates.checks import (  # noqa: E402
    WEIGHT_BUDGET_GZIP,
    Resource,
    counted_gzip,
    page_weight,
    url_to_file,
)

if TYPE_CHECKING:
    from gates.browser import Served
    from playwright.sync_api import Browser

SEARCH_BUDGET = 300_000  # bytes served for one search, from the first keystroke to the results
BUILD_EPOCH = 1767225600  # benchmarks/generate.py BUILD_EPOCH
START, END = "<!-- weight:start -->", "<!-- weight:end -->"
TYPES = ("tutorials", "reviews", "videos")
# What a static host (GitHub Pages) compresses on the fly, by suffix; "" is a directory URL.
COMPRESSED_BY_HOST = frozenset(
    {"", ".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".map"}
)
CARD = re.compile(r'class="ks-card"')
GZIP_MAGIC = b"\x1f\x8b"
# The words searched by default: in the generated library "perpustakaan" is in 85 % of the
# items (4,222 of 5,000), "dongeng" (a tag) in 29.
COMMON_WORD, RARE_WORD = "perpustakaan", "dongeng"


# -- choosing the pages -------------------------------------------------------------------


def listing_pages(folder: Path) -> list[Path]:
    """A listing's pages in order: ``folder/index.html``, then ``folder/page/N/index.html``."""
    numbered = [p for p in (folder / "page").glob("*/index.html") if p.parent.name.isdigit()]
    first = [folder / "index.html"] if (folder / "index.html").is_file() else []
    return first + sorted(numbered, key=lambda p: int(p.parent.name))


def listing_size(folder: Path) -> tuple[int, int]:
    """(pages, cards) of a listing: how many pages it has and how many items they show."""
    pages = listing_pages(folder)
    cards = sum(len(CARD.findall(p.read_text(encoding="utf-8", errors="replace")))
                for p in pages)
    return len(pages), cards


def biggest_listing(parent: Path) -> Path | None:
    """The sub-folder of ``parent`` (``topics/``, ``tags/`` …) with the most items; the first
    by name among equals, so runs repeat."""
    best: tuple[int, int] | None = None
    chosen = None
    for folder in sorted(p for p in parent.iterdir() if p.is_dir()) if parent.is_dir() else []:
        pages, cards = listing_size(folder)
        if pages and (best is None or (cards, pages) > best):
            best, chosen = (cards, pages), folder
    return chosen


def url_of(site: Path, html: Path) -> str:
    rel = html.relative_to(site).as_posix()
    return "/" + rel.removesuffix("index.html")


def pages_to_weigh(site: Path) -> list[tuple[str, str]]:
    """(label, URL path) of the pages to weigh, each once, those the site has."""
    chosen: list[tuple[str, str]] = [("home", "/")]

    def add(label: str, html: Path | None) -> None:
        if html is not None and html.is_file():
            url = url_of(site, html)
            if url not in {u for _, u in chosen}:
                chosen.append((label, url))

    def first_and_last(label: str, folder: Path | None) -> None:
        if folder is None:
            return
        pages = listing_pages(folder)
        if pages:
            add(label, pages[0])
            add(f"{label}, last page ({len(pages)})", pages[-1])

    sizes = {t: listing_size(site / t) for t in TYPES if (site / t / "index.html").is_file()}
    for t in sizes:
        add(f"{t} listing", site / t / "index.html")
    if sizes:
        biggest = max(sizes, key=lambda t: (sizes[t][1], sizes[t][0]))
        pages = listing_pages(site / biggest)
        add(f"{biggest} listing, last page ({len(pages)})", pages[-1])
    for group, label in (("topics", "topic"), ("tags", "tag"), ("authors", "librarian")):
        add(f"{group} index", site / group / "index.html")
        first_and_last(f"biggest {label}", biggest_listing(site / group))
    archive = site / "archive"
    add("archive", archive / "index.html")
    years = sorted((p for p in archive.glob("*") if p.is_dir() and p.name.isdigit()),
                   key=lambda p: int(p.name)) if archive.is_dir() else []
    if years:
        first_and_last(f"archive {years[-1].name}", years[-1])
    add("search page, before searching", site / "search" / "index.html")
    return chosen


# -- weighing what was fetched -------------------------------------------------------------


def served_size(url_path: str, body: bytes) -> int:
    """The bytes a static host sends for this file: gzip -6 for the text types it compresses,
    the file as it is otherwise (pictures, fonts, wasm, and files that are gzip already)."""
    if body[:2] == GZIP_MAGIC:
        return len(body)
    if PurePosixPath(url_path).suffix.lower() in COMPRESSED_BY_HOST:
        return len(gzip.compress(body, compresslevel=6, mtime=0))
    return len(body)


def search_part(url_path: str) -> str:
    """Which part of the search a fetched file is (for the breakdown)."""
    name = PurePosixPath(url_path).name
    if "/pagefind/" not in url_path:
        return "other"
    if "/fragment/" in url_path:
        return "result fragments"
    if "/index/" in url_path:
        return "index chunks"
    if "/filter/" in url_path:
        return "filter chunks"
    if name.startswith("wasm."):
        return "wasm"
    if name.endswith(".pf_meta"):
        return "metadata"
    return "loader (js, json)"


@dataclass
class Fetched:
    path: str
    raw: int
    served: int
    part: str


def weigh_fetched(site: Path, url_paths: list[str]) -> list[Fetched]:
    """Each distinct URL path once; paths that found no file weigh nothing."""
    out = []
    for path in dict.fromkeys(url_paths):
        file = url_to_file(site, path)
        if file is None:
            continue
        body = file.read_bytes()
        out.append(Fetched(path, len(body), served_size(path, body), search_part(path)))
    return out


@dataclass
class PageResult:
    label: str
    path: str
    status: int | None
    resources: list[Resource]

    @property
    def counted(self) -> int:
        return counted_gzip(self.resources)

    @property
    def over(self) -> bool:
        return self.counted > WEIGHT_BUDGET_GZIP or self.status != 200


@dataclass
class SearchResult:
    word: str
    hits: int | None  # as the results page says; None when no results showed
    seconds: float  # first keystroke -> results shown
    fetched: list[Fetched]
    later: list[Fetched] = field(default_factory=list)  # after the results showed
    error: str = ""

    @property
    def raw(self) -> int:
        return sum(f.raw for f in self.fetched)

    @property
    def served(self) -> int:
        return sum(f.served for f in self.fetched)

    @property
    def over(self) -> bool:
        return bool(self.error) or self.served > SEARCH_BUDGET


# -- in the browser -----------------------------------------------------------------------


def weigh_page(browser: Browser, served: Served, site: Path, label: str,
               path: str) -> PageResult:
    from gates.browser import open_page

    with open_page(browser, served, path, phone=True) as visit:
        return PageResult(label, path, visit.status,
                          page_weight(site, path, visit.local_paths()))


# The count line is on the page from the start (a live region); it gets its text with the
# results.
_COUNT = "(document.querySelector('.ks-search-results .ks-search-count') || {}).textContent || ''"
# Shown: the first page of results is in place (or the count line says there are none).
_SHOWN = ("document.querySelector('.ks-search-results a.ks-result-title') !== null"
          f" || (({_COUNT}).trim() !== '' && !/[0-9]/.test({_COUNT}))")


def search_once(browser: Browser, served: Served, site: Path, search_path: str,
                word: str, timeout_s: float = 60.0) -> SearchResult:
    """Open the search page (fresh context: empty cache), type ``word``, press Enter, wait
    for the results, and weigh what was fetched from the first keystroke on."""
    from gates.browser import _settle, open_page, wait_until

    with open_page(browser, served, search_path, phone=True) as visit:
        box = visit.page.locator("form[data-ks-search] input[name=q]")
        box.wait_for(state="visible")
        mark = len(visit.requests)
        t0 = time.monotonic()
        box.press_sequentially(word)
        box.press("Enter")
        shown = wait_until(visit.page, _SHOWN, timeout_s=timeout_s)
        seconds = time.monotonic() - t0
        until = len(visit.requests)
        _settle(visit)  # whatever Pagefind still fetches once the results show
        text = str(visit.page.evaluate(_COUNT))
        paths = [p for u in visit.requests[mark:] if (p := served.local_path(u)) is not None]
        early, late = paths[: until - mark], paths[until - mark:]
    fetched = weigh_fetched(site, early)
    later = [f for f in weigh_fetched(site, late) if f.path not in set(early)]
    number = re.search(r"\d[\d.,\u00a0 ]*", text)
    hits = int(re.sub(r"\D", "", number.group())) if number else (0 if shown else None)
    error = "" if shown else f"no results shown within {timeout_s:.0f} s"
    return SearchResult(word, hits, seconds, fetched, later, error)


def chromium() -> str:
    exe = os.environ.get("KS_GATES_CHROMIUM") or "/usr/bin/chromium"
    if not os.access(exe, os.X_OK):
        raise SystemExit(f"no Chromium at {exe} (apt-get install chromium, or set "
                         "KS_GATES_CHROMIUM); Playwright's own browsers are not used")
    return exe


def measure(site: Path, words: list[str]) -> tuple[list[PageResult], list[SearchResult], str]:
    from gates.browser import CHROMIUM_ARGS, SiteServer
    from playwright.sync_api import sync_playwright

    pages: list[PageResult] = []
    searches: list[SearchResult] = []
    with SiteServer(site) as served, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        try:
            version = browser.version
            for label, path in pages_to_weigh(site):
                print(f"  page {path}", file=sys.stderr, flush=True)
                pages.append(weigh_page(browser, served, site, label, path))
            for word in words:
                print(f"  search {word!r}", file=sys.stderr, flush=True)
                searches.append(search_once(browser, served, site, "/search/", word))
        finally:
            browser.close()
    return pages, searches, version


# -- the report ---------------------------------------------------------------------------


def kb(n: int) -> str:
    return f"{n / 1000:,.1f}"


def pages_table(pages: list[PageResult]) -> list[str]:
    lines = [
        "| page | address | requests | raw kB | gzip kB | own pictures gzip kB "
        "| counted gzip kB | budget 100 kB |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for p in pages:
        res = p.resources
        own = sum(r.gzip for r in res if r.own_picture)
        verdict = "ok" if not p.over else (
            f"**over** (status {p.status})" if p.status != 200 else "**over**")
        lines.append(f"| {p.label} | `{p.path}` | {len(res)} | {kb(sum(r.raw for r in res))} | "
                     f"{kb(sum(r.gzip for r in res))} | {kb(own)} | {kb(p.counted)} | "
                     f"{verdict} |")
    return lines


def heaviest_table(pages: list[PageResult], top: int = 8) -> list[str]:
    seen: dict[str, tuple[Resource, int]] = {}
    for p in pages:
        for r in p.resources:
            if not r.own_picture:
                res, n = seen.get(r.path, (r, 0))
                seen[r.path] = (res, n + 1)
    heavy = sorted(seen.values(), key=lambda x: -x[0].gzip)[:top]
    lines = ["| heaviest resources counted on those pages | kind | gzip kB | on pages |",
             "|---|---|---:|---:|"]
    lines += [f"| `{r.path}` | {r.kind} | {kb(r.gzip)} | {n} |" for r, n in heavy]
    return lines


PARTS = ("loader (js, json)", "wasm", "metadata", "index chunks", "filter chunks",
         "result fragments", "other")


def search_table(searches: list[SearchResult]) -> list[str]:
    lines = [
        "| search (one word) | results | requests | raw kB | served kB | "
        + " | ".join(f"{p} kB" for p in PARTS)
        + " | time to results | budget 300 kB |",
        "|---|---:|---:|---:|---:|" + "---:|" * len(PARTS) + "---:|---|",
    ]
    for s in searches:
        by_part = {p: [f for f in s.fetched if f.part == p] for p in PARTS}
        cells = []
        for part in PARTS:
            fs = by_part[part]
            count = f" ({len(fs)})" if part.endswith(("chunks", "fragments")) else ""
            cells.append(f"{kb(sum(f.served for f in fs))}{count}" if fs else "-")
        verdict = s.error or ("ok" if not s.over else "**over**")
        hits = "-" if s.hits is None else f"{s.hits:,}"
        lines.append(f"| `{s.word}` | {hits} | {len(s.fetched)} | {kb(s.raw)} | "
                     f"**{kb(s.served)}** | " + " | ".join(cells)
                     + f" | {s.seconds:.1f} s | {verdict} |")
    return lines


def report(pages: list[PageResult], searches: list[SearchResult], about: str) -> str:
    out = [f"Budgets: {WEIGHT_BUDGET_GZIP / 1000:.0f} kB gzip per page before interaction "
           f"(counted as the weight gate counts), {SEARCH_BUDGET / 1000:.0f} kB served per "
           "search, from the first keystroke until the results show.", ""]
    out += [*pages_table(pages), "", *heaviest_table(pages), "", *search_table(searches)]
    later = [(s.word, f) for s in searches for f in s.later]
    if later:
        out += ["", "Fetched after the results showed (not counted): " + ", ".join(
            f"`{f.path}` {kb(f.served)} kB ({w})" for w, f in later) + "."]
    out += ["", about]
    return "\n".join(out) + "\n"


def verdict(pages: list[PageResult], searches: list[SearchResult]) -> int:
    """0 when everything is within budget, 2 when a search did not finish (no measurement),
    1 when a page or a search is over budget."""
    if any(s.error for s in searches) or any(p.status != 200 for p in pages):
        return 2
    return 1 if any(p.over for p in pages) or any(s.over for s in searches) else 0


def write_markdown(path: Path, text: str) -> None:
    """Put ``text`` between the weight markers of ``path`` (appended when it has none);
    everything else in the file stays as it is."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if START not in old or END not in old:
        old = old + ("\n" if old and not old.endswith("\n") else "") + f"{START}\n{END}\n"
    head, rest = old.split(START, 1)
    _, tail = rest.split(END, 1)
    path.write_text(f"{head}{START}\n{text.rstrip()}\n{END}{tail}", encoding="utf-8")


def git_state(code: Path | None) -> str:
    """The repository's commit (and whether generator/ has uncommitted changes); with
    ``code`` None the site was built beforehand, by code this script cannot know."""
    try:
        head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "generator"],
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    state = head + (" + uncommitted changes in generator/" if dirty else "")
    if code is None:
        return f"site built beforehand; repository now at {state}"
    return state + ("" if code.resolve() == REPO else f"; built with generator/ from {code}")


def describe_site(site: Path) -> str:
    items = sum(1 for t in TYPES for _ in (site / t).glob("*/index.html"))
    entry = site / "pagefind" / "pagefind-entry.json"
    version, indexed = "?", "?"
    if entry.is_file():
        data = json.loads(entry.read_text(encoding="utf-8"))
        version = data.get("version", "?")
        indexed = ", ".join(f"{v.get('page_count', '?'):,}" for v in data["languages"].values())
    return f"{items:,} item pages, Pagefind {version} ({indexed} pages indexed)"


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


# -- building a corpus --------------------------------------------------------------------


def build_corpus(n: int, work: Path, code: Path) -> Path:
    library = work / "library"
    subprocess.run([sys.executable, str(HERE / "generate.py"), str(n), str(library)],
                   check=True)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(SOURCE_DATE_EPOCH=str(BUILD_EPOCH), NO_MKDOCS_2_WARNING="1",
               DISABLE_MKDOCS_2_WARNING="true", PYTHONPATH=str(code.resolve()))
    print(f"building {n:,} items in {library} (a few minutes) ...", file=sys.stderr, flush=True)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "generator", "build"], cwd=library, env=env,
                   check=True)
    print(f"built in {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    return library / "site"


def add_site_arguments(parser: argparse.ArgumentParser) -> None:
    """SITE, or --items N [--work DIR] [--code DIR]: what a benchmark of a built site reads."""
    parser.add_argument("site", nargs="?", type=Path, help="a built site folder")
    parser.add_argument("--items", type=int, help="generate and build a library of N items")
    parser.add_argument("--work", type=Path, help="where --items builds (default: a new "
                        "temporary folder)")
    parser.add_argument("--code", type=Path, default=REPO,
                        help="the folder holding the generator package --items builds with")


def site_of(parser: argparse.ArgumentParser, args: argparse.Namespace, prefix: str) -> Path:
    """The built site the arguments name, generating and building it for --items."""
    if (args.site is None) == (args.items is None):
        parser.error("give a built site folder or --items N (one of them)")
    if args.items is not None:
        work = args.work or Path(tempfile.mkdtemp(prefix=prefix))
        work.mkdir(parents=True, exist_ok=True)
        site: Path = build_corpus(args.items, work, args.code)
    else:
        site = args.site
    site = site.resolve()
    if not (site / "index.html").is_file():
        parser.error(f"{site} is not a built site (no index.html)")
    return site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    add_site_arguments(parser)
    parser.add_argument("--common", default=COMMON_WORD, help="a word many items contain")
    parser.add_argument("--rare", default=RARE_WORD, help="a word few items contain")
    parser.add_argument("--markdown", type=Path,
                        help=f"also write the report between {START} and {END} in this file")
    args = parser.parse_args(argv)
    site = site_of(parser, args, "ks-weight-")
    if not (site / "search" / "index.html").is_file():
        parser.error(f"{site} has no search page (/search/)")
    started = datetime.now(UTC)
    pages, searches, version = measure(site, [args.common, args.rare])
    command = "python3 benchmarks/weight.py " + " ".join(
        argv if argv is not None else sys.argv[1:])
    about = (f"Site: {describe_site(site)}. Chromium {version} (Debian), phone viewport "
             f"360 x 740, empty cache for every page and every search. Machine: {cpu_name()}, "
             f"{os.cpu_count()} cores. Code: "
             f"{git_state(args.code if args.items is not None else None)}. Run "
             f"{started:%Y-%m-%d %H:%M} UTC: `{command}`.")
    text = report(pages, searches, about)
    print(text)
    if args.markdown:
        write_markdown(args.markdown, text)
    return verdict(pages, searches)


if __name__ == "__main__":
    sys.exit(main())

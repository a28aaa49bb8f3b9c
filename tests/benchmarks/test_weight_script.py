"""benchmarks/weight.py without a browser: which pages it weighs, how it counts the bytes a
search moves, its verdict and its Markdown block. The browser part is run by hand (it needs a
built site; see benchmarks/README.md "Page weight and search at 5,000 items")."""

from __future__ import annotations

import gzip
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from sitekit import REPO


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ks_bench_weight", REPO / "benchmarks" /
                                                  "weight.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


weight = _load()
CARD = '<li class="ks-card"><a class="ks-card-link" href="x/">x</a></li>'


def _page(site: Path, url: str, cards: int = 0) -> None:
    path = site / url.strip("/") / "index.html" if url != "/" else site / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<html><body><ol>{CARD * cards}</ol></body></html>", encoding="utf-8")


def _listing(site: Path, base: str, cards: list[int]) -> None:
    """A listing whose page i shows cards[i] items (page 1 at base, then base/page/N/)."""
    for i, n in enumerate(cards):
        _page(site, base if i == 0 else f"{base}page/{i + 1}/", n)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    s = tmp_path / "site"
    _page(s, "/", 3)
    _listing(s, "/tutorials/", [24] * 11 + [5])  # 12 pages: page/12 sorts after page/2
    _listing(s, "/reviews/", [24, 24, 1])
    _listing(s, "/videos/", [7])
    _page(s, "/topics/")
    _listing(s, "/topics/agama/", [24, 3])
    _listing(s, "/topics/budaya/", [24, 9])  # most items, same number of pages
    _listing(s, "/topics/zz-kecil/", [2])
    _page(s, "/tags/")
    _listing(s, "/tags/opac/", [24, 24, 24])
    _listing(s, "/tags/anak/", [24, 24, 24])  # a tie: the first by name wins
    _page(s, "/archive/")
    _listing(s, "/archive/2019/", [24, 24])
    _listing(s, "/archive/2025/", [24, 2])
    _page(s, "/search/")
    return s


def test_pages_to_weigh_picks_the_biggest_listings_and_their_last_pages(site: Path) -> None:
    assert weight.pages_to_weigh(site) == [
        ("home", "/"),
        ("tutorials listing", "/tutorials/"),
        ("reviews listing", "/reviews/"),
        ("videos listing", "/videos/"),
        ("tutorials listing, last page (12)", "/tutorials/page/12/"),
        ("topics index", "/topics/"),
        ("biggest topic", "/topics/budaya/"),
        ("biggest topic, last page (2)", "/topics/budaya/page/2/"),
        ("tags index", "/tags/"),
        ("biggest tag", "/tags/anak/"),
        ("biggest tag, last page (3)", "/tags/anak/page/3/"),
        ("archive", "/archive/"),
        ("archive 2025", "/archive/2025/"),
        ("archive 2025, last page (2)", "/archive/2025/page/2/"),
        ("search page, before searching", "/search/"),
    ]


def test_listing_size_counts_pages_and_cards(site: Path) -> None:
    assert weight.listing_size(site / "tutorials") == (12, 11 * 24 + 5)
    assert weight.listing_size(site / "nowhere") == (0, 0)
    assert weight.biggest_listing(site / "authors") is None


def test_served_size_compresses_text_and_sends_gzip_files_as_they_are() -> None:
    text = b"var pagefind = 1;\n" * 500
    packed = gzip.compress(b"\x00pagefind index chunk" * 300)
    assert weight.served_size("/pagefind/pagefind.js", text) == len(
        gzip.compress(text, compresslevel=6, mtime=0))
    assert weight.served_size("/search/", text) < len(text)  # a directory URL is HTML
    assert weight.served_size("/pagefind/index/id_1.pf_index", packed) == len(packed)
    assert weight.served_size("/pagefind/wasm.id.pagefind", text) == len(text)  # unknown type
    assert weight.served_size("/assets/app.js", packed) == len(packed)  # gzip already


def test_search_parts() -> None:
    part = weight.search_part
    assert part("/pagefind/pagefind.js") == "loader (js, json)"
    assert part("/pagefind/pagefind-entry.json") == "loader (js, json)"
    assert part("/pagefind/wasm.id.pagefind") == "wasm"
    assert part("/pagefind/pagefind.id_abc.pf_meta") == "metadata"
    assert part("/pagefind/index/id_1.pf_index") == "index chunks"
    assert part("/pagefind/fragment/id_1.pf_fragment") == "result fragments"
    assert part("/pagefind/filter/id_1.pf_filter") == "filter chunks"
    assert part("/assets/images/favicon.png") == "other"


def test_weigh_fetched_counts_each_file_once_and_skips_missing(tmp_path: Path) -> None:
    (tmp_path / "pagefind" / "fragment").mkdir(parents=True)
    frag = gzip.compress(b"{}" * 100)
    (tmp_path / "pagefind" / "fragment" / "a.pf_fragment").write_bytes(frag)
    got = weight.weigh_fetched(tmp_path, ["/pagefind/fragment/a.pf_fragment",
                                          "/pagefind/fragment/a.pf_fragment", "/missing.js"])
    assert [(f.path, f.raw, f.served) for f in got] == [
        ("/pagefind/fragment/a.pf_fragment", len(frag), len(frag))]


def _page_result(counted: int, status: int = 200) -> object:
    res = [weight.Resource("/a.js", "js", counted * 3, counted, False),
           weight.Resource("/images/x.jpg", "image", 10**6, 10**6, True)]  # own: not counted
    return weight.PageResult("page", "/", status, res)


def _search(served: int, error: str = "") -> object:
    return weight.SearchResult("w", 1, 0.1, [weight.Fetched("/p", served, served, "wasm")],
                               error=error)


def test_verdict_is_the_check_budgets() -> None:
    budget, search_budget = weight.WEIGHT_BUDGET_GZIP, weight.SEARCH_BUDGET
    assert weight.verdict([_page_result(budget)], [_search(search_budget)]) == 0
    assert weight.verdict([_page_result(budget + 1)], [_search(1)]) == 1
    assert weight.verdict([_page_result(1)], [_search(search_budget + 1)]) == 1
    assert weight.verdict([_page_result(1, status=404)], [_search(1)]) == 2
    assert weight.verdict([_page_result(1)], [_search(1, error="no results")]) == 2


def test_report_flags_what_is_over() -> None:
    text = weight.report([_page_result(weight.WEIGHT_BUDGET_GZIP + 1)],
                         [_search(weight.SEARCH_BUDGET + 1)], "about")
    assert text.count("**over**") == 2
    assert "about" in text


def test_write_markdown_replaces_only_its_block(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# Title\n\nbefore\n<!-- results:start -->\nkeep\n<!-- results:end -->\n",
                      encoding="utf-8")
    weight.write_markdown(readme, "first table")
    weight.write_markdown(readme, "second table\n")
    text = readme.read_text(encoding="utf-8")
    assert text.startswith("# Title\n\nbefore\n<!-- results:start -->\nkeep\n")
    assert text.endswith(f"{weight.START}\nsecond table\n{weight.END}\n")
    assert "first table" not in text
    readme.write_text(f"a\n{weight.START}\nold\n{weight.END}\nz\n", encoding="utf-8")
    weight.write_markdown(readme, "new")
    assert readme.read_text(encoding="utf-8") == f"a\n{weight.START}\nnew\n{weight.END}\nz\n"

"""The search page's results read well on a phone and on a desktop, and every result can be
reached (issue 18): in the real browser, on the built site.

Each result is its title on its own line (a link as wide as the column, never split inside a
word), a line with the item's kind and date (from Pagefind metadata the item pages carry), and
Pagefind's excerpt; 20 at a time, with a button that shows the next 20.
"""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page

from generator.content.models import KIND_BY_FOLDER
from generator.site.search_index import PARTS, build_search_index

from .browser import INJECTION_SPY, Served, SiteServer, injection_problems, open_page, wait_until
from .checks import report
from .hostile import EVIL_HOST, MARKER

SEARCH_JS = Path(__file__).resolve().parents[2] / "generator" / "assets" / "search.js"
PAGE = 20  # results shown at a time
WIDTHS = (320, 390, 1280)
# Words common enough that one of them matches more than a page of results on every site the
# gates build (the example library with the hostile pages: "perpustakaan", 21 pages).
COMMON_WORDS = ("perpustakaan", "pustakawan", "dan", "yang", "di", "the", "and", "library")
# In a few pages only, or in none (a typo: Pagefind then answers with the longest indexed word
# that begins it, in one index and in parts alike).
RARE = ("library", "e-book", "opac", "librarx")
MIN_TITLE_WIDTH = 120  # CSS px: the old cards squeezed titles into ~50 px
MIN_TARGET = 24  # CSS px, WCAG 2.2 target size (minimum)

RESULTS = ".ks-search-results .ks-results > li.ks-result"
MORE = ".ks-search-results button.ks-more"

# How many results Pagefind finds for each word (the page's own engine, as search.js loads it:
# the index's other parts, listed in parts.json, merged into the first).
_COUNTS = """
async (words) => {
  const form = document.querySelector('form[data-ks-search]');
  const loader = new URL(form.getAttribute('data-ks-search'), document.baseURI);
  const pf = await import(loader.href);
  const parts = await (await fetch(new URL('parts.json', loader).href)).json();
  for (const name of parts) await pf.mergeIndex(new URL(name, loader).href);
  const only = parts.length ? {filters: {not: {ks: 'words'}}} : {};
  const out = {};
  for (const w of words) out[w] = (await pf.search(w, only)).results.length;
  return out;
}
"""

# What is wrong with how the results are laid out at this width: a title narrower than
# MIN_TITLE_WIDTH or than the list, a word of a title split over two lines although it fits on
# one, a result wider than the page, a link or button smaller than MIN_TARGET.
_LAYOUT = """
([minTitle, minTarget]) => {
  const found = [];
  const list = document.querySelector('.ks-search-results .ks-results');
  if (!list) return ['no result list'];
  const listWidth = list.getBoundingClientRect().width;
  const ctx = document.createElement('canvas').getContext('2d');
  const doc = document.documentElement;
  if (doc.scrollWidth > innerWidth) found.push(`the page scrolls sideways: ${doc.scrollWidth} px`);
  for (const li of list.children) {
    const title = li.querySelector('a.ks-result-title');
    if (!title || li.firstElementChild !== title) {
      found.push(`no title link first in ${li.outerHTML.slice(0, 80)}`);
      continue;
    }
    const box = title.getBoundingClientRect();
    const name = JSON.stringify(title.textContent.slice(0, 40));
    if (box.width < minTitle || box.width < listWidth - 1) {
      found.push(`title ${name} is ${Math.round(box.width)} px wide`
                 + ` (the list: ${Math.round(listWidth)} px)`);
    }
    if (box.width < minTarget || box.height < minTarget) {
      found.push(`title link ${name} is ${Math.round(box.width)}x${Math.round(box.height)} px`);
    }
    const r = li.getBoundingClientRect();
    if (r.left < 0 || r.right > innerWidth || li.scrollWidth > li.clientWidth) {
      found.push(`result ${name} is wider than the page`);
    }
    ctx.font = getComputedStyle(title).font;
    const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      // Words; a break after a hyphen, dash or slash is the language's, not a split word.
      const re = /[^\\s\\-\\u2010-\\u2015\\/]+/g;
      let m;
      while ((m = re.exec(node.data))) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].filter(q => q.width > 0)
                                                         .map(q => Math.round(q.bottom)));
        if (lines.size > 1 && ctx.measureText(m[0]).width <= box.width) {
          found.push(`title ${name}: the word ${JSON.stringify(m[0])} is split`
                     + ` over ${lines.size} lines`);
        }
      }
    }
  }
  const more = document.querySelector('.ks-search-results button.ks-more');
  if (more) {
    const b = more.getBoundingClientRect();
    if (b.width < minTarget || b.height < minTarget || b.right > innerWidth) {
      found.push(`the more button is ${Math.round(b.width)}x${Math.round(b.height)} px`
                 + ` at ${Math.round(b.left)}`);
    }
  }
  return found;
}
"""

# Each result as the page shows it.
_SHOWN = """
() => [...document.querySelectorAll('.ks-search-results .ks-results > li')].map(li => {
  const time = li.querySelector('.ks-result-meta time');
  return {
    href: li.querySelector('a.ks-result-title')?.href || '',
    title: li.querySelector('a.ks-result-title')?.textContent || '',
    meta: li.querySelector('.ks-result-meta') !== null,
    kind: li.querySelector('.ks-result-meta .ks-result-kind')?.textContent || null,
    datetime: time ? time.getAttribute('datetime') : null,
    date: time ? time.textContent : null,
    excerpt: li.querySelector('.ks-result-excerpt') !== null,
  };
})
"""


def _common_word(page: Page) -> tuple[str, int]:
    """The word of COMMON_WORDS with the most results; more than a page of them."""
    counts: dict[str, int] = page.evaluate(_COUNTS, list(COMMON_WORDS))
    word = max(counts, key=lambda w: counts[w])
    if counts[word] <= PAGE:
        pytest.fail(f"no word matches more than {PAGE} pages on this site: {counts}",
                    pytrace=False)
    return word, counts[word]


def _search(page: Page, words: str) -> None:
    page.fill("#ks-q", words)
    page.press("#ks-q", "Enter")
    assert wait_until(page, f"document.querySelectorAll({RESULTS!r}).length > 0",
                      timeout_s=10), f"no result shown for {words!r}"


def _shown(page: Page) -> int:
    return page.locator(RESULTS).count()


def _show_more(page: Page) -> None:
    before = _shown(page)
    page.locator(MORE).click()
    assert wait_until(page, f"document.querySelectorAll({RESULTS!r}).length > {before}"), (
        "the more button showed nothing more")
    page.wait_for_timeout(50)  # the focus moves once the new results are in


def _item_date(site: Path, path: str) -> str | None:
    """The published date an item page prints (its first <time> in the byline)."""
    html = (site / path.strip("/") / "index.html").read_text(encoding="utf-8")
    byline = html[html.find('class="ks-byline"'):]
    m = re.search(r'<time datetime="(\d{4}-\d\d-\d\d)', byline)
    return m.group(1) if m else None


@pytest.mark.gates
@pytest.mark.parametrize("width", WIDTHS)
def test_results_read_well_at_every_width(width: int, browser: Browser, served: Served) -> None:
    with open_page(browser, served, "/search/", phone=width < 1000) as visit:
        page = visit.page
        page.set_viewport_size({"width": width, "height": 800})
        word, total = _common_word(page)
        _search(page, word)
        assert _shown(page) == PAGE
        problems = page.evaluate(_LAYOUT, [MIN_TITLE_WIDTH, MIN_TARGET])
        while page.locator(MORE).count():
            _show_more(page)
        assert _shown(page) == total
        problems += page.evaluate(_LAYOUT, [MIN_TITLE_WIDTH, MIN_TARGET])
        assert not problems, f"at {width} px, searching {word!r}:\n" + "\n".join(problems)
        assert not visit.external, visit.external
        assert not visit.console_errors, visit.console_errors


@pytest.mark.gates
def test_every_result_in_pages_of_twenty(browser: Browser, served: Served,
                                          built_site: Path) -> None:
    with open_page(browser, served, "/search/", phone=True) as visit:
        page = visit.page
        word, total = _common_word(page)
        _search(page, word)
        assert parse_qs(urlsplit(page.url).query).get("q") == [word], page.url
        results = page.locator(".ks-search-results")
        count_line = (results.get_attribute("data-count") or "").replace("{n}", str(total))
        assert count_line and str(total) in count_line
        count = page.locator(".ks-search-results .ks-search-count")
        assert count.inner_text().strip() == count_line
        assert count.get_attribute("role") == "status"

        assert _shown(page) == PAGE
        more = page.locator(MORE)
        assert more.count() == 1
        assert more.inner_text().strip() == results.get_attribute("data-more")
        while more.count():
            before = _shown(page)
            _show_more(page)
            assert _shown(page) == min(before + PAGE, total)
            # The reader goes on where the new results start.
            focused = page.evaluate(
                "document.activeElement.closest('li') === document.querySelectorAll("
                f"{RESULTS!r})[{before}] && document.activeElement.matches('a.ks-result-title')")
            assert focused, page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
            assert count.inner_text().strip() == count_line
        assert _shown(page) == total
        assert parse_qs(urlsplit(page.url).query).get("q") == [word], page.url

        shown = page.evaluate(_SHOWN)
        assert len({r["href"] for r in shown}) == total, "a result is shown twice"
        items = 0
        for r in shown:
            path = served.local_path(r["href"])
            assert path and r["title"].strip(), r
            parts = path.strip("/").split("/")
            kind = KIND_BY_FOLDER.get(parts[0]) if len(parts) == 2 else None
            if kind is None:  # the librarians' own pages: title and excerpt only
                assert not r["meta"], r
                continue
            items += 1
            assert r["kind"] == results.get_attribute(f"data-kind-{kind.value}"), r
            assert r["datetime"] == _item_date(built_site, path), r
            assert r["date"] and r["date"] != r["datetime"], r  # written out, not ISO
            assert r["excerpt"], r
        assert items, f"no item among the results for {word!r}"
        assert not visit.external, visit.external
        assert not visit.console_errors, visit.console_errors


def _all_results(browser: Browser, served: Served, word: str) -> list[str]:
    """Every result's address the search page shows for ``word``, through search.js."""
    with open_page(browser, served, "/search/") as visit:
        _search(visit.page, word)
        while visit.page.locator(MORE).count():
            _show_more(visit.page)
        assert not visit.console_errors, visit.console_errors
        return sorted(served.local_path(r["href"]) or r["href"]
                      for r in visit.page.evaluate(_SHOWN))


@pytest.mark.gates
def test_an_index_in_parts_finds_what_one_index_finds(
        browser: Browser, served: Served, built_site: Path,
        tmp_path_factory: pytest.TempPathFactory) -> None:
    """A big library's index is built in parts (site/search_index.py): the search page merges
    them, and finds every page the single index finds."""
    parted = tmp_path_factory.mktemp("parted") / "site"
    shutil.copytree(built_site, parted)
    lang = re.search(r'<html lang="([^"]+)"', (built_site / "index.html").read_text())
    assert lang
    count = build_search_index(parted, lang.group(1), per_part=4)
    names = json.loads((parted / "pagefind" / PARTS).read_text())
    assert count > 3 and len(names) == count - 1
    assert json.loads((built_site / "pagefind" / PARTS).read_text()) == []
    for name in names:  # a part is its index; the loader and WebAssembly are the first part's
        folder = parted / "pagefind" / name
        assert (folder / "pagefind-entry.json").is_file()
        assert not list(folder.glob("wasm.*")) and not (folder / "pagefind.js").exists()
    with open_page(browser, served, "/search/") as visit:
        whole: dict[str, int] = visit.page.evaluate(_COUNTS, [*COMMON_WORDS, *RARE])
    with SiteServer(parted) as split_served:
        with open_page(browser, split_served, "/search/") as visit:
            split: dict[str, int] = visit.page.evaluate(_COUNTS, [*COMMON_WORDS, *RARE])
        assert split == whole
        word = max(whole, key=lambda w: whole[w])
        assert _all_results(browser, split_served, word) == _all_results(browser, served, word)


@pytest.mark.gates
def test_hostile_titles_and_excerpts_stay_text(browser: Browser, served: Served) -> None:
    with open_page(browser, served, "/search/", init_script=INJECTION_SPY) as visit:
        for words in ("alert", "script", "pwned"):
            visit.page.fill("#ks-q", words)
            visit.page.press("#ks-q", "Enter")
            visit.page.wait_for_timeout(500)
        problems = injection_problems(visit, marker=MARKER, foreign_host=EVIL_HOST, scope="")
        markup = visit.page.evaluate(
            "[...document.querySelectorAll('.ks-result *')].filter(e => !e.matches("
            "'a.ks-result-title, p.ks-result-meta, span.ks-result-kind, time, "
            "p.ks-result-excerpt, p.ks-result-excerpt > mark')).map(e => e.outerHTML)")
        assert not problems, report(problems)
        assert not markup, markup


@pytest.mark.gates
def test_search_styles_only_on_the_search_page(built_site: Path) -> None:
    def stylesheets(page: str) -> list[str]:
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        return [unescape(h) for h in re.findall(r'<link rel="stylesheet" href="([^"]*)"', html)]

    assert "../assets/search.css" in stylesheets("search")
    assert (built_site / "assets" / "search.css").is_file()
    assert not [h for h in stylesheets(".") if h.endswith("search.css")]


def test_search_script_is_small_and_writes_no_markup_but_the_excerpt() -> None:
    js = SEARCH_JS.read_text(encoding="utf-8")
    assert len(js.encode()) <= 5_000, "assets/search.js is loaded on every search: keep it small"
    assert js.count("innerHTML") == 1
    assert re.search(r"\bexcerpt\.innerHTML = r\.excerpt;", js)
    for never in ("outerHTML", "insertAdjacentHTML", "document.write", "eval(", "Function(",
                  ".style.", "setAttribute(\"style\"", "setAttribute(\"on"):
        assert never not in js, never

"""The layout gate: every page kind, at 320, 390, 768 and 1280 px, scrolls only downwards, has
no squeezed text blocks, tap targets a finger can hit (WCAG 2.2 SC 2.5.8), share buttons in at
most two rows on a phone, and an "ask a librarian" control. What each check counts and exempts:
layout.py. Full-page screenshots of every kind at 390 and 1280 px are written to KS_SCREENSHOTS,
else <pytest's basetemp>/screenshots, as <engine>-<kind>-<width>.png (the folder is printed at
the end of the run).

test_layout_catches_breakage shows on small planted pages, without the gates' site, that each
check names what it must and passes what WCAG and the exemptions allow."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from .browser import Served, SiteServer
from .checks import Problem, report
from .layout import ITEM_KINDS, KINDS, SCREENSHOT_WIDTHS, PageLayout, check_page, layout_pages
from .layout import screenshot_dir as _screenshot_dir

pytestmark = pytest.mark.gates

Layouts = Callable[[str, str], PageLayout]  # (kind, engine) -> the page's layout


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _screenshot_dir(tmp_path_factory.getbasetemp() / "screenshots")


@pytest.fixture(scope="module")
def layouts(browser: Browser, served: Served, built_site: Path, screenshots: Path) -> Layouts:
    """Each kind's page measured once per site, at every width, for all the checks."""
    chosen = layout_pages(built_site)
    cache: dict[str, PageLayout] = {}

    def get(kind: str, engine: str) -> PageLayout:
        if kind not in chosen:
            pytest.fail(f"the built site has no {kind!r} page (it has: {sorted(chosen)})",
                        pytrace=False)
        if kind not in cache:
            cache[kind] = check_page(browser, served, kind, chosen[kind], engine=engine,
                                     shots=screenshots)
        return cache[kind]

    return get


@pytest.fixture
def engine(request: pytest.FixtureRequest, screenshots: Path,
           record_property: Callable[[str, object], None]) -> str:
    """The gates' site being checked (mkdocs, properdocs, zensical, corpus; "given" for
    KS_GATES_SITE); the screenshot folder is recorded for the end-of-run summary."""
    record_property("layout_screenshots", str(screenshots))
    return str(request.node.callspec.params.get("gates_site", "site"))


def verdict(layout: PageLayout, problems: list[Problem], screenshots: Path, engine: str) -> str:
    shots = ", ".join(str(screenshots / f"{engine}-{layout.kind}-{w}.png")
                      for w in SCREENSHOT_WIDTHS)
    return f"{layout.kind} ({layout.path}): {report(problems)}\nscreenshots: {shots}"


def _check(layouts: Layouts, kind: str, engine: str, check: str, screenshots: Path) -> None:
    layout = layouts(kind, engine)
    problems = layout.of(check)
    assert not problems, verdict(layout, problems, screenshots, engine)


@pytest.mark.parametrize("kind", KINDS)
def test_no_horizontal_scrolling(kind: str, layouts: Layouts, engine: str,
                                 screenshots: Path) -> None:
    _check(layouts, kind, engine, "scroll", screenshots)


@pytest.mark.parametrize("kind", KINDS)
def test_no_squeezed_text(kind: str, layouts: Layouts, engine: str, screenshots: Path) -> None:
    _check(layouts, kind, engine, "narrow-text", screenshots)


@pytest.mark.parametrize("kind", KINDS)
def test_tap_targets_big_enough(kind: str, layouts: Layouts, engine: str,
                                screenshots: Path) -> None:
    _check(layouts, kind, engine, "tap-target", screenshots)


@pytest.mark.parametrize("kind", ITEM_KINDS)
def test_share_buttons_in_two_rows_on_a_phone(kind: str, layouts: Layouts, engine: str,
                                              screenshots: Path) -> None:
    _check(layouts, kind, engine, "share-rows", screenshots)


@pytest.mark.parametrize("kind", KINDS)
def test_ask_a_librarian_on_every_page(kind: str, layouts: Layouts, engine: str,
                                       screenshots: Path) -> None:
    _check(layouts, kind, engine, "ask-librarian", screenshots)


# -- the checks catch what they claim to ----------------------------------------------------

_STYLE = """<style>
  html { overflow-x: hidden; }  /* as Material's: hides a too-wide element, must not excuse it */
  body { margin: 0; font: 16px/1.5 sans-serif; }
  main { padding: 0 16px; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden;
             clip: rect(0 0 0 0); white-space: nowrap; }
  .ks-share-list { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 8px; }
  .ks-share-list a { display: inline-block; padding: 12px; }
  .icon { width: 16px; height: 16px; padding: 0; border: 0; font-size: 10px; }
</style>"""

_ADDRESS = "https://repositori.perpustakaan.example.org/bitstream/handle/123456789/skripsi.pdf"

# Every defect the gate exists for, on one page.
PLANTED = f"""<!doctype html><html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Planted</title>
{_STYLE}</head><body><main>
<h1>Halaman yang rusak</h1>
<div style="display: flex; gap: 8px">
  <h2 id="squeezed" style="flex: 0 0 50px; min-width: 0; overflow-wrap: anywhere; margin: 0"
  >Perpustakaan digital nasional</h2>
  <p style="margin: 0">Ringkasan yang mengambil semua tempat, seperti kutipan hasil pencarian
  yang panjang dan mendesak judulnya ke kolom yang sempit.</p>
</div>
<div id="wide" style="width: 500px; background: #eee">Lebar lima ratus piksel</div>
<p id="address">Unduh {_ADDRESS}</p>
<p style="margin: 40px 0"><button id="tiny-a" class="icon">a</button><button id="tiny-b"
  class="icon" style="margin-left: 4px">b</button></p>
<p style="margin: 40px 0"><button id="tiny-c" class="icon">c</button><a id="big" href="#x"
  style="display: inline-block; padding: 12px; margin-left: 2px">Tombol besar</a></p>
<ul class="ks-share-list" style="display: block">
  <li><a href="#1">WhatsApp</a></li><li><a href="#2">Facebook</a></li><li><a href="#3">X</a></li>
  <li><a href="#4">Telegram</a></li><li><a href="#5">E-mail</a></li><li><a href="#6">Salin</a></li>
</ul>
</main></body></html>"""

# What must pass: the exemptions, and the planted defects done right.
CONTROL = f"""<!doctype html><html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Control</title>
{_STYLE}</head><body>
<nav id="drawer" style="position: fixed; top: 0; left: -300px; width: 280px; height: 100%">
  <a href="#d1" style="font-size: 10px">a</a> <a href="#d2" style="font-size: 10px">b</a>
  <p style="width: 40px">Laci navigasi yang tersembunyi di luar layar</p></nav>
<nav id="drawer-rtl" style="position: fixed; top: 0; right: -300px; width: 280px">
  <p style="width: 40px">Laci navigasi di sisi kanan</p></nav>
<header style="overflow: hidden; width: 200px; height: 24px">
  <div style="width: 900px; transform: translateX(20px)">Judul yang terpotong rapi oleh
  kotaknya sendiri, seperti judul di kepala halaman Material</div></header>
<main>
<h1>Halaman yang benar <span class="badge" style="display: inline-block; width: 40px;
  font-size: 12px">Baru</span></h1>
<div style="display: flex; gap: 8px">
  <h2 style="flex: 0 0 160px; margin: 0">Perpustakaan digital</h2>
  <p style="margin: 0">Ringkasan di sampingnya.</p>
</div>
<span class="sr-only">Teks untuk pembaca layar yang tidak terlihat sama sekali di layar</span>
<pre style="overflow: auto"><code>baris_kode_yang_panjang_{"." * 80}_sampai_jauh</code></pre>
<div style="overflow-x: auto"><table style="width: 800px"><tr><td>Tabel lebar</td>
  <td>yang bergulir di dalam kotaknya sendiri</td></tr></table></div>
<p style="font-size: 12px">Baca <a href="#in">tautan kecil</a> di dalam kalimat ini.</p>
<p style="overflow-wrap: anywhere">Unduh {_ADDRESS}</p>
<p style="margin: 40px 0"><button id="alone" class="icon">x</button></p>
<p style="margin: 40px 0"><button class="icon">a</button><button class="icon"
  style="margin-left: 12px">b</button></p>
<p><label><input type="checkbox"> Kotak centang bawaan peramban</label></p>
<ul class="ks-share-list">
  <li><a href="#1">WhatsApp</a></li><li><a href="#2">Facebook</a></li><li><a href="#3">X</a></li>
  <li><a href="#4">Telegram</a></li><li><a href="#5">E-mail</a></li><li><a href="#6">Salin</a></li>
</ul>
<p><a data-ks-ask href="#ask" style="display: inline-block; padding: 12px">Tanya
  pustakawan</a></p>
</main></body></html>"""


def test_layout_catches_breakage(browser: Browser, tmp_path: Path) -> None:
    site = tmp_path / "site"
    for name, html in (("planted", PLANTED), ("control", CONTROL)):
        (site / name).mkdir(parents=True)
        (site / name / "index.html").write_text(html, encoding="utf-8")
    with SiteServer(site) as served:
        planted = check_page(browser, served, "review", "/planted/", engine="planted",
                             shots=tmp_path, widths=(390,))
        control = check_page(browser, served, "review", "/control/", engine="control",
                             shots=None)
    found = "\n".join(map(str, planted.problems))
    for check, expected in (
        ("scroll", r"the document is \d+ px wide in a 390 px window"),
        ("scroll", r"div#wide 'Lebar lima ratus piksel' reaches x=516 px"),
        ("scroll", r"p#address 'Unduh https://.*' reaches x=\d+.* its text runs out of the box"),
        ("narrow-text", r"h2#squeezed 'Perpustakaan digital nasional': \d+ lines in a 50 px"),
        ("tap-target", r"button#tiny-a 'a' is 16x16 px .* that of button#tiny-b 'b', also "
                       r"undersized \(centres 20 px apart\)"),
        ("tap-target", r"button#tiny-c 'c' is 16x16 px .* overlaps a#big 'Tombol besar' "
                       r"\(10 px from its centre\)"),
        ("share-rows", r"6 share buttons in 6 rows"),
        ("ask-librarian", r"nothing matches \[data-ks-ask\]"),
    ):
        assert any(p.check == check and re.search(expected, p.what) for p in planted.problems), (
            f"the {check} check missed {expected!r}; it said:\n{found}")
    assert (tmp_path / "planted-review-390.png").is_file()
    assert not control.problems, (
        "flagged what the exemptions allow (off-canvas drawers, clipped header, pre, scrolling "
        "table, an address that wraps, screen-reader text, a one-line badge, a link in a "
        "sentence, an isolated or well-spaced small button, a native checkbox):\n"
        f"{report(control.problems)}")


def test_layout_pages_open_real_pages(tmp_path: Path) -> None:
    """One page per kind, never a hostile fixture page, a listing's later page or a redirect."""
    pages = {
        "index.html": "", "404.html": "", "search/index.html": "", "share/index.html": "",
        "links/index.html": "", "reviews/index.html": "", "reviews/page/2/index.html": "",
        "reviews/0-hostile-review/index.html": "", "reviews/bumi-manusia/index.html": "",
        "halaman-hostile/index.html": "", "judul-entitas/index.html": "",
        "s/abc/index.html": '<meta http-equiv="refresh" content="0; url=../../">',
        "tentang/index.html": "",
    }  # fmt: skip
    for rel, html in pages.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(f"<html><head>{html}</head><body></body></html>", "utf-8")
    assert layout_pages(tmp_path) == {
        "home": "/", "reviews-listing": "/reviews/", "review": "/reviews/bumi-manusia/",
        "search": "/search/?q=perpustakaan", "share": "/share/", "links": "/links/",
        "page": "/tentang/", "404": "/404.html",
    }  # fmt: skip
    (tmp_path / "tanya-pustakawan").mkdir()
    (tmp_path / "tanya-pustakawan" / "index.html").write_text("<html></html>", "utf-8")
    assert layout_pages(tmp_path)["page"] == "/tanya-pustakawan/"

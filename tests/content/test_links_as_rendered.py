"""Links, pictures and footnotes as the renderer reads them (content/markdown_scan.py): one
small body per case, with exactly what check must say of it (or nothing), and what the
built page then holds. Every case that went wrong on real tutorials by other people."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import lxml.html
import pytest
from sitekit import MKDOCS_YML, make_site

from generator.cli.main import main

HEAD = """\
---
title: Kasus
summary: Satu kasus.
date: 2026-01-10
authors: [ani]
topics: [literasi]
level: beginner
---
"""
BODY_LINE = HEAD.count("\n") + 1  # the file line of the body's first line
EXTENSIONS = "markdown_extensions:\n  - attr_list\n  - md_in_html\n  - footnotes\n"

# name, body, [(body line (1-based), code)] check must report for the file's body, nothing else
CASES = [
    ("footnote definition starting with a name",
     "Teks.[^1]\n\n[^1]: Johnson, A. (2020). *Judul*.\n", []),
    ("footnote definition starting with code", "Teks.[^d]\n\n[^d]: `DOI` ditulis tanpa awalan.\n",
     []),
    ("footnote reference without its note", "Teks.[^nope] Lagi.\n", [(1, "footnote.missing")]),
    ("link in an indented code block", "Contoh:\n\n    [edisi](tidak-ada.md)\n", []),
    ("link in a fence inside a longer fence",
     "````markdown\n```\n[x](tidak-ada.md)\n```\n````\n", []),
    ("link in a double-backtick code span", "Kode `` `a` [x](tidak-ada.md) `` selesai.\n", []),
    ("link in a code span over two lines", "Kode `awal\n[x](tidak-ada.md)` selesai.\n", []),
    ("link in an HTML comment", "<!-- [lama](tidak-ada.md) -->\n\nTeks.\n", []),
    ("escaped brackets", "\\[bukan tautan\\](tidak-ada.md) dan \\[^0-9\\].\n", []),
    ("escaped HTML is shown, not removed", "Tulis \\<iframe\\> sebagai teks.\n", []),
    ("link text wrapped onto the next line, to no item",
     "Baca [panduan\npeminjaman](../tutorials/tidak-ada.md).\n", [(2, "link.broken_item")]),
    ("link text wrapped onto the next line, to an item",
     "Baca [resensi\nDune](../reviews/dune.md).\n", []),
    ("reference link to an item's address, without .md",
     "Lihat [resensi][r].\n\n[r]: /reviews/dune/\n", []),
    ("reference link to an address that is no item",
     "Lihat [panduan][r].\n\n[r]: /tutorials/tidak-ada/\n", [(3, "link.broken_item")]),
    ("reference definition with its target on the next line",
     "Lihat [x][r].\n\n[r]:\n    ../tutorials/tidak-ada.md\n", [(4, "link.broken_item")]),
    ("link to a listing the site makes", "Semua [resensi](/reviews/) dan [topik](/topics/).\n",
     []),
    ("picture on another host", "![Peta](https://i.imgur.com/abc.png)\n", [(1, "image.remote")]),
    ("raw-HTML picture on another host",
     '<img src="https://upload.wikimedia.org/a.png" alt="x">\n', [(1, "image.remote")]),
    ("maths as written", "Rumus $a_1 * b_2$ dan \\( x_i^2 \\).\n", []),
]


def _site(tmp_path: Path, body: str, settings: str = "") -> Path:
    mkdocs = MKDOCS_YML + settings + EXTENSIONS
    return make_site(tmp_path, {"mkdocs.yml": mkdocs,
                                "site_src/tutorials/kasus.md": HEAD + body})


def _check(root: Path, monkeypatch: pytest.MonkeyPatch) -> set[tuple[int, str]]:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        main(["-C", str(root), "check", "--format", "json"])
    found = json.loads(out.getvalue())
    return {(m["line"] - BODY_LINE + 1, m["code"]) for m in found
            if m["path"] == "site_src/tutorials/kasus.md"}


@pytest.mark.parametrize(("body", "expected"), [(b, e) for _, b, e in CASES],
                         ids=[name for name, _, _ in CASES])
def test_check_says_exactly_this(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str,
                                 expected: list[tuple[int, str]]) -> None:
    assert _check(_site(tmp_path, body), monkeypatch) == set(expected)


def test_a_trusted_picture_host_is_no_warning(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    settings = "      image_hosts:\n        - i.imgur.com\n"
    root = _site(tmp_path, "![Peta](https://i.imgur.com/abc.png)\n", settings)
    assert _check(root, monkeypatch) == set()


@pytest.mark.slow
def test_the_built_page_links_where_check_said(tmp_path: Path) -> None:
    """Every link of the cases check accepts, built into one page: each resolves to a file of
    the site (the site lives under /lib/); footnotes stand inside the article, before its
    footer, and in the feed; maths keep their TeX; the trusted host may show its picture."""
    accepted = "\n\n".join(body for _, body, expected in CASES
                           if not expected and "[^1]" not in body and "[^d]" not in body)
    body = accepted + "\n\nCatatan.[^n]\n\n[^n]: Johnson, A. (2020).\n"
    root = _site(tmp_path, body, "      image_hosts:\n        - i.imgur.com\n")
    env = {"SOURCE_DATE_EPOCH": "1790000000"}
    result = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=root,
                            env={**__import__("os").environ, **env}, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    page = site / "tutorials" / "kasus" / "index.html"
    doc = lxml.html.parse(str(page)).getroot()
    article = doc.xpath("//article")[0]
    for href in article.xpath(".//a/@href"):
        if href.startswith(("#", "http", "mailto:")) or "wa.me" in href:
            continue
        target = (page.parent / href.split("#")[0]).resolve()
        assert target.is_file() or (target / "index.html").is_file(), href
    body_end = article.xpath(".//footer[@class='ks-item-footer']")[0]
    notes = article.xpath(".//div[@class='footnote']")
    assert (len(notes) == 1 and notes[0].getparent() is not body_end.getparent()) or \
        notes[0].getroottree().getpath(notes[0]) < body_end.getroottree().getpath(body_end)
    text = article.text_content()
    assert "a_1 * b_2" in text and "\\( x_i^2 \\)" in text
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert "Johnson, A. (2020)." in feed


def _bodies() -> list[tuple[str, str]]:
    repo = Path(__file__).resolve().parents[2]
    out = []
    for folder in (repo / "site_src", repo / "tests" / "corpus" / "site" / "site_src"):
        for path in sorted(folder.glob("*/*.md")):
            text = path.read_text(encoding="utf-8")
            if text.startswith("---\n") and text.count("---\n") >= 2:
                out.append((path.name, text.split("---\n", 2)[2]))
    return out


def test_the_shortcut_for_plain_bodies_reads_them_as_the_parse_does() -> None:
    """scan_body skips the parse of a body with no code block, raw HTML, escape, footnote,
    attribute list or reference definition (and no code span on a line with a link): on
    every body of the example library and the corpus, and on a generated one, the two
    readings find the same links at the same places."""
    from generator.content.markdown_scan import _mark, _plain, parse_body, scan_body

    extensions = ("toc", "tables", "fenced_code", "attr_list", "md_in_html", "footnotes")
    generated = "".join(f"Para {n} [a{n}](../t/{n}.md) ![p{n}](../images/{n}.png) [x [y]](z{n}.md)"
                        f"\n\n- [item](../r/{n}.md)\n\n> [q](q{n}.md)\n\n" for n in range(30))
    shortcut_taken = 0
    for name, body in [*_bodies(), ("generated", generated), ("stray", "a ](x.md) b\n")]:
        quick, full = scan_body(body, extensions), parse_body(body, extensions)
        assert quick.links == full.links, name
        shortcut_taken += _plain(body, _mark(body)[1]) is not None
    assert shortcut_taken >= 5, shortcut_taken

"""What a patron meets on every page (issue 18): the home page's first screen, ask a librarian
everywhere, following a type, topic or librarian, and component lists that Material's article
rules cannot reach. Real sites built into tmp_path; the look itself is checked in a browser by
the layout gate (tests/gates/test_layout.py)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from lxml import html
from sitekit import MKDOCS_YML, cli, make_site

ASK = """\
      ask_librarian:
        whatsapp: "+62 812-3456-7890"
        email: tanya@example.org
        url: https://chat.example.org/
        hours: Senin-Jumat 08.00-16.00 WIB <b>tidak</b> pada hari libur.
"""
HOME = """\
---
title: Beranda
---

# Selamat datang di Perpustakaan Uji

Teks sambutan pustakawan, <script>alert(1)</script> yang tetap dibersihkan.

## Butuh bantuan?

Tanyakan kepada kami.
"""


def _site(root: Path, *, ask: bool = True) -> Path:
    yml = MKDOCS_YML + (ASK if ask else "")
    return make_site(root, {"mkdocs.yml": yml, "site_src/index.md": HOME,
                            "site_src/tentang.md": "# Tentang\n\nKami perpustakaan.\n"})


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = _site(tmp_path_factory.mktemp("patron"))
    result = cli("build", cwd=root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def page(site: Path, rel: str) -> html.HtmlElement:
    return html.fromstring((site / rel).read_bytes())


def article(site: Path, rel: str) -> html.HtmlElement:
    found = page(site, rel).xpath("//article")
    assert len(found) == 1, rel
    return found[0]


def test_home_first_screen_comes_before_the_librarians_text(site: Path) -> None:
    art = article(site, "index.html")
    order = [e for e in art.iter() if e.tag in ("h1", "form", "li", "p", "h2")
             and (e.tag != "li" or "ks-tile" in (e.get("class") or ""))]
    tags = [(e.tag, (e.get("class") or "")) for e in order]
    h1 = next(i for i, (tag, _) in enumerate(tags) if tag == "h1")
    form = next(i for i, (tag, cls) in enumerate(tags) if tag == "form")
    tiles = [i for i, (_, cls) in enumerate(tags) if "ks-tile" in cls]
    own = next(i for i, e in enumerate(order) if "Teks sambutan" in e.text_content())
    assert h1 < form < tiles[0] < own, tags
    assert len(tiles) == 3  # the three items, newest first, as picture cards
    assert art.xpath("//h1")[0].text_content().strip().startswith("Selamat datang")
    titles = [li.xpath(".//*[@class='ks-tile-title']")[0].text for li in
              art.xpath("//li[contains(@class, 'ks-tile')]")]
    assert titles == ["Dasar OPAC", *titles[1:]] or "Dasar OPAC" in titles
    # The librarian's own text still goes through the sanitiser; ours is kept.
    text = (site / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in text
    assert art.xpath("//div[@class='ks-home-top' and @data-pagefind-ignore='all']")
    assert art.xpath("//div[@class='ks-home-end']//a[contains(@href, 'topics/literasi/')]")


def test_home_page_is_not_in_the_search_index(site: Path) -> None:
    assert not page(site, "index.html").xpath("//*[@data-pagefind-body]")
    assert page(site, "tentang/index.html").xpath("//*[@data-pagefind-body]")
    assert page(site, "tutorials/dasar-opac/index.html").xpath("//*[@data-pagefind-body]")


def test_home_without_a_heading_gets_the_first_screen_on_top(tmp_path: Path) -> None:
    root = _site(tmp_path)
    (root / "site_src/index.md").write_text("Halo, tanpa judul.\n", encoding="utf-8")
    assert cli("build", cwd=root).returncode == 0
    art = article(root / "site", "index.html")
    first = next(e for e in art.iter() if e.tag in ("form", "p"))
    assert first.tag == "form"


def test_every_page_offers_to_ask_a_librarian(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    missing, twice = [], []
    for path in pages:
        doc = page(site, str(path.relative_to(site)))
        if doc.xpath("//meta[@http-equiv='refresh']"):
            continue  # redirect and short-link pages only forward
        boxes = doc.xpath("//*[@data-ks-ask]")
        if not boxes:
            missing.append(str(path.relative_to(site)))
        elif len(boxes) > 1:
            twice.append(str(path.relative_to(site)))
    assert len(pages) > 20
    assert not missing, missing
    assert not twice, twice


@pytest.mark.parametrize("rel", ["tentang/index.html", "404.html", "topics/literasi/index.html",
                                 "tutorials/dasar-opac/index.html"])
def test_ask_links_can_be_tapped(site: Path, rel: str) -> None:
    box = page(site, rel).xpath("//*[@data-ks-ask]")[0]
    links = {a.get("class").split()[-1]: a.get("href") for a in box.xpath(".//a")}
    assert set(links) == {"ks-ask-whatsapp", "ks-ask-email", "ks-ask-chat"}
    wa = urlsplit(links["ks-ask-whatsapp"])
    assert (wa.scheme, wa.netloc, wa.path) == ("https", "wa.me", "/6281234567890")
    assert parse_qs(wa.query)["text"][0].startswith("Halo Pustakawan")
    assert links["ks-ask-email"].startswith("mailto:tanya@example.org?subject=")
    assert links["ks-ask-chat"] == "https://chat.example.org/"
    hours = box.xpath(".//*[@class='ks-ask-hours']")[0].text_content()
    assert "<b>tidak</b>" in hours  # settings text is shown as written, never as markup
    if rel.startswith("tutorials/"):  # an item's message names the item
        assert "Dasar OPAC" in unquote(links["ks-ask-whatsapp"])


def test_no_ask_box_without_a_way_to_ask(tmp_path: Path) -> None:
    root = _site(tmp_path, ask=False)
    assert cli("build", cwd=root).returncode == 0
    assert not page(root / "site", "tentang/index.html").xpath("//*[@data-ks-ask]")


@pytest.mark.parametrize(("rel", "heading", "feed", "anchor"), [
    ("topics/literasi/index.html", "Ikuti topik ini", "topics/literasi/feed.xml",
     "feed-topic-literasi"),
    ("tutorials/index.html", "Ikuti jenis tulisan ini", "tutorials/feed.xml", "feed-kind-tutorial"),
    ("authors/ani/index.html", "Ikuti pustakawan ini", "authors/ani/feed.xml", "feed-author-ani"),
])
def test_type_topic_and_librarian_listings_can_be_followed(
        site: Path, rel: str, heading: str, feed: str, anchor: str) -> None:
    doc = page(site, rel)
    box = doc.xpath("//aside[@class='ks-follow']")
    assert len(box) == 1
    assert box[0].xpath(".//h2")[0].text == heading
    address = "https://example.org/lib/" + feed
    assert box[0].xpath(".//code")[0].text == address
    assert box[0].xpath(".//button/@data-copy") == [address]
    how = box[0].xpath(".//a/@href")
    assert len(how) == 1 and how[0].endswith(f"subscribe/#{anchor}"), how
    assert (site / feed).is_file()
    # the anchor exists on the subscribe page
    assert page(site, "subscribe/index.html").xpath(f"//*[@id='{anchor}']"), anchor
    # the copy script is the page's own file: no inline script (CSP)
    assert doc.xpath("//script[contains(@src, 'assets/feed-copy.js')]")
    # the card list comes after the follow block: the block sits under the heading
    text = etree_text_order(doc)
    assert text.index("ks-follow") < text.index("ks-cards")


def etree_text_order(doc: html.HtmlElement) -> str:
    return " ".join(e.get("class") or "" for e in doc.iter() if isinstance(e.tag, str))


@pytest.mark.parametrize("rel", ["tags/opac/index.html", "archive/index.html", "index.html",
                                 "tutorials/dasar-opac/index.html", "search/index.html"])
def test_other_pages_have_no_follow_block(site: Path, rel: str) -> None:
    assert not page(site, rel).xpath("//aside[@class='ks-follow']")
    assert "ks-follow -->" not in (site / rel).read_text(encoding="utf-8")


COMPONENT_LISTS = re.compile(r'<(?:ul|ol) class="([^"]*)"')


def test_component_lists_carry_the_reset_class(site: Path) -> None:
    """Lists we generate as components carry ks-bare, which knowledge-site.css resets with
    more specificity than Material's article list rules (the share buttons stacked one per
    line, indented, when Material's rules won by specificity)."""
    seen: dict[str, str] = {}
    for rel in ("index.html", "tutorials/dasar-opac/index.html", "topics/index.html",
                "authors/index.html", "tags/index.html", "archive/index.html",
                "links/index.html", "tutorials/index.html"):
        for cls in COMPONENT_LISTS.findall((site / rel).read_text(encoding="utf-8")):
            seen[cls] = rel
    components = {c: r for c, r in seen.items() if re.search(
        r"ks-(cards|share-list|bio-list|bio-social|topic-list|author-list|years|tag-cloud|tiles)",
        c)}
    assert len(components) >= 7, seen
    assert all("ks-bare" in c.split() for c in components), components
    css = (Path(__file__).resolve().parents[2] / "generator/assets/knowledge-site.css").read_text()
    assert "[dir] .md-typeset .ks-bare { margin: 0; padding: 0; list-style: none; }" in css
    assert "[dir] .md-typeset .ks-bare > li {" in css

"""Hostile strings in every front-matter field: every output, read by a real parser, shows
them as text and runs nothing.

One site is built (``make_site`` + ``knowledge-site build``) where every text field of a
tutorial, a review and a video page — and the author and topic they name — holds the same
hostile material: a ``</title><script>`` break-out, an attribute break-out (``"onerror=``),
``]]>``, ``&`` and entity look-alikes, C0/C1 control characters, a right-to-left override,
emoji (a ZWJ sequence), combining marks, Jinja and Markdown syntax, and a spreadsheet
formula at the start. Each value stays valid for ``check`` (lengths within the limits).

Then every output is parsed with the parser its readers use — lxml for HTML and XML (strict
for XML), ``json``, feedparser, the ``csv`` module, ``icalendar``, ``urllib.parse`` — and the
tests assert that the text comes back as the same text (after the documented cleaning:
feeds and XML drop the characters XML 1.0 forbids, see docs/escaping.md) and that nothing
executable appeared: no ``on…`` attribute, no ``<script>`` but the site's own.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import html
import io
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import feedparser
import icalendar
import lxml.html
import pytest
from hostilekit import (
    BREAK_ATTR,
    BREAK_TITLE,
    CDATA_END,
    CONTROLS,
    EMOJI,
    PIECES,
)
from lxml import etree
from sitekit import REVIEW, cli, make_site

pytestmark = pytest.mark.slow

# What HTML calls forbidden code points and XML 1.0 cannot carry (C1 included).
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

SITE_NAME = "Perpustakaan Uji"

# A cell starting like this is a formula in a spreadsheet (CSV injection).
FORMULA = "=1+2"


def hostile(label: str, limit: int, *, start: str = "") -> str:
    """``start``, ``label`` and as many hostile pieces as fit in ``limit`` characters."""
    text = f"{start}{label}"
    for piece in PIECES:
        if len(text) + 1 + len(piece) <= limit:
            text += " " + piece
    return text


def yq(text: str) -> str:
    """A YAML double-quoted scalar holding exactly ``text`` (controls as escapes)."""
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch in "\"\\":
            out.append("\\" + ch)
        elif code < 0x20 or 0x7F <= code <= 0x9F or ch in "\u2028\u2029\ufeff":
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def yl(values: list[str]) -> str:
    return "".join(f"\n  - {yq(v)}" for v in values)


# -- the hostile values, one per field ------------------------------------------------------

T_TITLE = hostile("T-title", 120, start=FORMULA + " ")
T_SUMMARY = hostile("T-summary", 300)
T_TAGS = [hostile("T-tag1", 60), EMOJI, "@" + hostile("T-tag3", 40)]
T_ALT = hostile("T-alt", 300)
T_OBJECTIVES = [hostile("T-obj1", 200), "+" + hostile("T-obj2", 100)]
T_PREREQS = [hostile("T-pre1", 200)]
R_TITLE = hostile("R-title", 120, start="@")
R_SUMMARY = hostile("R-summary", 300, start="-")
R_BOOK_TITLE = hostile("R-book", 300)
R_BOOK_AUTHORS = [hostile("R-author1", 150), hostile("R-author2", 60)]
R_PUBLISHER = hostile("R-pub", 200)
R_CALL = hostile("R-call", 100)
R_COVER_ALT = hostile("R-cover", 300)
V_TITLE = hostile("V-title", 120, start="+")
V_SUMMARY = hostile("V-summary", 300)
A_NAME = hostile("A-name", 200)
A_ROLE = hostile("A-role", 200)
P_NAME = hostile("P-name", 100)
P_DESCRIPTION = hostile("P-desc", 500)
PAGE_TITLE = hostile("Page-title", 120)

AUTHORS = f"""\
ani:
  name: Ani Lestari
  role: Pustakawan Referensi
budi:
  name: Budi Santoso
  role: Pustakawan Multimedia
hostile:
  name: {yq(A_NAME)}
  role: {yq(A_ROLE)}
"""

TOPICS = f"""\
literasi:
  name: Literasi Informasi
  description: Menemukan dan menilai informasi.
sastra:
  name: Sastra
  description: Buku-buku sastra pilihan.
hostile:
  name: {yq(P_NAME)}
  description: {yq(P_DESCRIPTION)}
"""

TUTORIAL = f"""\
---
title: {yq(T_TITLE)}
summary: {yq(T_SUMMARY)}
date: 2026-01-20
authors: [hostile, ani]
topics: [hostile]
tags:{yl(T_TAGS)}
image: ../images/cover.png
image_alt: {yq(T_ALT)}
aliases:
  - /lama/hostile-tutorial/
level: beginner
objectives:{yl(T_OBJECTIVES)}
prerequisites:{yl(T_PREREQS)}
---
Isi tutorial biasa.
"""

HOSTILE_REVIEW = f"""\
---
title: {yq(R_TITLE)}
summary: {yq(R_SUMMARY)}
date: 2026-01-21
authors: [hostile]
topics: [hostile, sastra]
book:
  title: {yq(R_BOOK_TITLE)}
  authors:{yl(R_BOOK_AUTHORS).replace(chr(10) + '  -', chr(10) + '    -')}
  isbn: 978-0-441-17271-9
  publisher: {yq(R_PUBLISHER)}
  year: 1990
  cover: ../images/cover.png
  cover_alt: {yq(R_COVER_ALT)}
  call_number: {yq(R_CALL)}
rating: 5
---
Resensi biasa.
"""

VIDEO = f"""\
---
title: {yq(V_TITLE)}
summary: {yq(V_SUMMARY)}
date: 2026-01-22
authors: [hostile]
topics: [hostile]
video:
  url: https://www.youtube.com/watch?v=dQw4w9WgXcQ
  duration: "3:10"
---
Video biasa.

## Transkrip

Halo semua.
"""

PAGE = f"""\
---
title: {yq(PAGE_TITLE)}
---
# Halaman biasa

Isi halaman.
"""

# No front-matter title: the page's title is its first heading, written with entities so
# that it *shows* "</title><script>…" — text, which must stay text in <title> too.
HEADING_PAGE = "# &lt;/title&gt;&lt;script&gt;alert('h')&lt;/script&gt; Judul\n\nIsi.\n"
HEADING_TEXT = "</title><script>alert('h')</script> Judul"

ITEMS = {
    "tutorials/hostile-tutorial/": T_TITLE,
    "reviews/hostile-review/": R_TITLE,
    "videos/hostile-video/": V_TITLE,
}


def png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (120, 63), (10, 120, 110)).save(buffer, format="PNG")
    return buffer.getvalue()


def hostile_files() -> dict[str, str | bytes]:
    """The overlay on ``sitekit.make_site``'s base site (also usable over the example
    library, e.g. to run the quality gates on it)."""
    return {
        "site_src/authors.yml": AUTHORS,
        "site_src/topics.yml": TOPICS,
        "site_src/images/cover.png": png(),
        "site_src/tutorials/hostile-tutorial.md": TUTORIAL,
        "site_src/reviews/hostile-review.md": HOSTILE_REVIEW,
        "site_src/reviews/dune.md": REVIEW,
        "site_src/videos/hostile-video.md": VIDEO,
        "site_src/halaman-hostile.md": PAGE,
        "site_src/judul-entitas.md": HEADING_PAGE,
    }


def add_hostile_items(root: Path) -> None:
    """Put the hostile items, author, topic and pages into an existing site repository (the
    example library, say) without touching what is there: the quality gates can then check
    them with the rest (``KS_GATES_SITE``; see docs/escaping.md)."""
    files = hostile_files()
    for name, full in (("authors.yml", AUTHORS), ("topics.yml", TOPICS)):
        path = root / "site_src" / name
        entry = full[full.index("hostile:"):]
        path.write_text(path.read_text("utf-8").rstrip("\n") + "\n" + entry, "utf-8")
    for rel, content in files.items():
        if rel.endswith((".yml", "dune.md")):
            continue
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content.replace("../images/cover.png", "../images/hostile.png")
                              .replace("[hostile, ani]", "[hostile]")
                              .replace("[hostile, sastra]", "[hostile]"), "utf-8")
    (root / "site_src" / "images").mkdir(parents=True, exist_ok=True)
    (root / "site_src" / "images" / "hostile.png").write_bytes(png())
    (root / "site_src" / "images" / "cover.png").unlink(missing_ok=True)


# The build's "now": the newest item (the video, 2026-01-22) is out and its posting slot (06:00)
# is still to come, so the share kit's calendar has its events; the kit looks back far enough
# to hold every item's posts.
NOW_EPOCH = 1769014800  # 2026-01-22T00:00:00+07:00


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_site(tmp_path_factory.mktemp("hostile"), hostile_files())
    settings = (root / "mkdocs.yml").read_text("utf-8")
    (root / "mkdocs.yml").write_text(settings.replace(
        "  - knowledge-site:\n", "  - knowledge-site:\n      share_kit_days_back: 3650\n"), "utf-8")
    result = cli("build", cwd=root, epoch=NOW_EPOCH)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return root / "site"


# -- helpers --------------------------------------------------------------------------------

def shown(text: str) -> str:
    """The documented cleaning (docs/escaping.md): ``check`` warns about control characters
    in a text field and leaves them out of every output, as HTML and XML require."""
    return FORBIDDEN.sub("", text).strip()


def one_line(text: str) -> str:
    return " ".join(text.split())


def html_pages(site: Path) -> Iterator[Path]:
    yield from sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)


def parse_html(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(path.read_bytes())


def strict_xml(path: Path) -> etree._Element:
    return etree.fromstring(path.read_bytes(), etree.XMLParser(resolve_entities=False))


def all_text_values() -> list[str]:
    return [T_TITLE, T_SUMMARY, *T_TAGS, T_ALT, *T_OBJECTIVES, *T_PREREQS, R_TITLE, R_SUMMARY,
            R_BOOK_TITLE, *R_BOOK_AUTHORS, R_PUBLISHER, R_CALL, R_COVER_ALT, V_TITLE,
            V_SUMMARY, A_NAME, A_ROLE, P_NAME, P_DESCRIPTION, PAGE_TITLE]


# -- the values themselves --------------------------------------------------------------------

def test_every_value_is_valid_for_check(tmp_path: Path) -> None:
    root = make_site(tmp_path, hostile_files())
    result = cli("check", "--format", "json", cwd=root)
    assert result.returncode == 0, result.stdout
    problems = json.loads(result.stdout)
    assert all(p["severity"] == "warning" for p in problems), problems
    # Long titles and summaries are warned about (link previews cut them), and so is every
    # text carrying control characters (they are left out); nothing else.
    assert {p["code"] for p in problems} == {"value.long", "value.control_chars"}, problems
    controls = {(p["path"].rsplit("/", 1)[-1], p["field"], p["line"]) for p in problems
                if p["code"] == "value.control_chars"}
    assert ("hostile-tutorial.md", "title", 2) in controls
    assert ("hostile-tutorial.md", "tags", 8) in controls
    assert ("hostile-review.md", "book.call_number", 17) in controls
    assert ("authors.yml", "hostile.name", 8) in controls
    assert ("topics.yml", "hostile.description", 9) in controls


def test_the_payload_is_complete() -> None:
    """Titles carry the break-outs and controls; the longer fields carry every piece."""
    for value in (T_TITLE, R_TITLE, V_TITLE, T_ALT, R_CALL, P_NAME):
        for piece in (BREAK_TITLE, BREAK_ATTR, CDATA_END, CONTROLS):
            assert piece in value, (value, piece)
    for value in (T_SUMMARY, R_SUMMARY, V_SUMMARY, R_BOOK_TITLE, A_NAME, A_ROLE, P_DESCRIPTION,
                  T_OBJECTIVES[0], T_PREREQS[0], R_PUBLISHER, R_COVER_ALT):
        for piece in PIECES:
            assert piece in value, (value, piece)


# -- HTML ---------------------------------------------------------------------------------------

ALLOWED_SCRIPT_TYPES = ("", "text/javascript", "module", "application/ld+json",
                        "application/json")  # Material's configuration


def test_no_page_runs_anything_it_should_not(built: Path) -> None:
    """No inline handler anywhere; every script is the site's own file, JSON-LD, or one of
    the theme's inline scripts — none of which carries content."""
    for path in html_pages(built):
        root = parse_html(path)
        where = path.relative_to(built).as_posix()
        for el in root.iter(etree.Element):
            for name in el.attrib:
                assert not name.lower().startswith("on"), (where, el.tag, name)
            for name in ("href", "src", "action", "formaction", "poster"):
                value = re.sub(r"[\s\x00-\x1f]", "", el.get(name, "")).lower()
                assert not value.startswith(("javascript:", "vbscript:", "data:text")), (
                    where, el.tag, name, value)
        for script in root.iter("script"):
            kind = (script.get("type") or "").lower()
            assert kind in ALLOWED_SCRIPT_TYPES, (where, kind)
            src = script.get("src")
            if src:
                assert not urlsplit(src).netloc, (where, src)
                continue
            if kind in ("application/ld+json", "application/json"):
                json.loads(script.text or "")
                continue
            assert "alert(" not in (script.text or ""), (where, script.text)
        for tag in ("iframe", "object", "embed", "form", "base"):
            found = root.xpath(f"//article//{tag}")
            assert not found or tag == "form", (where, tag)


@pytest.mark.parametrize("url", sorted(ITEMS))
def test_item_page_shows_the_title_as_text(built: Path, url: str) -> None:
    root = parse_html(built / url / "index.html")
    title = ITEMS[url]
    assert shown(root.findtext(".//title") or "") == shown(f"{title} - {SITE_NAME}")
    h1 = root.xpath("//article//h1")
    assert [shown(h.text_content()) for h in h1] == [shown(title)]
    meta = {m.get("property") or m.get("name"): m.get("content")
            for m in root.iter("meta") if m.get("content") is not None}
    assert shown(meta["og:title"]) == shown(title)
    assert shown(meta["twitter:title"]) == shown(title)
    breadcrumb = root.xpath("//nav[contains(@class, 'ks-breadcrumbs')]//li[last()]")
    assert shown(breadcrumb[0].text_content()) == shown(title)


def test_item_page_fields_are_text(built: Path) -> None:
    root = parse_html(built / "tutorials/hostile-tutorial/index.html")
    meta = {m.get("property") or m.get("name"): m.get("content")
            for m in root.iter("meta") if m.get("content") is not None}
    assert shown(meta["description"]) == shown(T_SUMMARY)
    assert shown(meta["og:description"]) == shown(T_SUMMARY)
    summary = root.xpath("//p[@class='ks-summary']")[0]
    assert shown(summary.text_content()) == shown(T_SUMMARY)
    cover = root.xpath("//figure[@class='ks-cover']/img")[0]
    assert shown(cover.get("alt")) == shown(T_ALT)
    objectives = [shown(li.text_content())
                  for li in root.xpath("//ul[@class='ks-objectives']/li")]
    assert objectives == [shown(o) for o in T_OBJECTIVES]
    prereqs = [shown(li.text_content())
               for li in root.xpath("//ul[@class='ks-prerequisites']/li")]
    assert prereqs == [shown(p) for p in T_PREREQS]
    tags = [shown(a.text_content()) for a in root.xpath("//a[@class='ks-tag']")]
    assert tags == [shown("#" + t) for t in T_TAGS]
    authors = [shown(a.text_content()) for a in root.xpath("//a[@class='ks-author']")]
    assert shown(A_NAME) in authors
    roles = [shown(s.text_content()) for s in root.xpath("//span[@class='ks-role']")]
    assert shown(f"({A_ROLE})") in roles
    topics = [shown(a.text_content()) for a in root.xpath("//a[@class='ks-topic']")]
    assert topics == [shown(P_NAME)]


def test_review_page_book_fields_are_text(built: Path) -> None:
    root = parse_html(built / "reviews/hostile-review/index.html")
    dd = {shown(dt.text_content()): dt.getnext() for dt in root.xpath("//dl/dt")}
    texts = {k: shown(v.text_content()) for k, v in dd.items()}
    assert shown(R_BOOK_TITLE) in texts.values()
    assert shown(", ".join(R_BOOK_AUTHORS)) in texts.values()
    assert shown(R_PUBLISHER) in texts.values()
    assert shown(R_CALL) in texts.values()
    cover = root.xpath("//img[contains(@class, 'ks-book-cover')]")[0]
    assert shown(cover.get("alt")) == shown(R_COVER_ALT)


def test_json_ld_is_json_and_holds_the_text(built: Path) -> None:
    def json_ld(url: str) -> dict[str, object]:
        root = parse_html(built / url / "index.html")
        blocks = root.xpath("//script[@type='application/ld+json']")
        assert len(blocks) == 1
        raw = blocks[0].text or ""
        assert "</" not in raw, "a '</' in JSON-LD could end the script block"
        data: dict[str, object] = json.loads(raw)
        return data

    tutorial = json_ld("tutorials/hostile-tutorial/")
    assert tutorial["name"] == shown(T_TITLE) and tutorial["headline"] == shown(T_TITLE)
    assert tutorial["description"] == shown(T_SUMMARY)
    assert tutorial["teaches"] == [shown(o) for o in T_OBJECTIVES]
    assert tutorial["competencyRequired"] == [shown(p) for p in T_PREREQS]
    assert tutorial["keywords"] == ", ".join(shown(t) for t in T_TAGS)
    about, author = tutorial["about"], tutorial["author"]
    assert isinstance(about, list) and isinstance(author, list)
    assert {"@type": "Thing", "name": shown(P_NAME)} in about
    assert {"@type": "Person", "name": shown(A_NAME)} in author
    review = json_ld("reviews/hostile-review/")
    book = review["itemReviewed"]
    assert isinstance(book, dict)
    assert book["name"] == shown(R_BOOK_TITLE)
    assert [a["name"] for a in book["author"]] == [shown(a) for a in R_BOOK_AUTHORS]
    assert book["publisher"]["name"] == shown(R_PUBLISHER)
    video = json_ld("videos/hostile-video/")
    assert video["name"] == shown(V_TITLE) and video["description"] == shown(V_SUMMARY)


def test_listing_pages_show_titles_as_text(built: Path) -> None:
    pages = {
        "": [T_TITLE, R_TITLE, V_TITLE],
        "topics/hostile/": [T_TITLE, R_TITLE, V_TITLE],
        "authors/hostile/": [T_TITLE, R_TITLE, V_TITLE],
        "tutorials/": [T_TITLE],
    }
    for url, titles in pages.items():
        root = parse_html(built / url / "index.html")
        cards = {shown(s.text_content()) for s in root.xpath(
            "//*[@class='ks-card-title' or @class='ks-tile-title']")}  # home: picture cards
        for title in titles:
            assert shown(title) in cards, (url, title)
    topic = parse_html(built / "topics/hostile/index.html")
    assert shown(P_NAME) in shown(topic.findtext(".//title") or "")
    assert shown(P_NAME) in {shown(h.text_content()) for h in topic.xpath("//h1")}
    author = parse_html(built / "authors/hostile/index.html")
    assert shown(A_NAME) in {shown(h.text_content()) for h in author.xpath("//h1")}


def test_ordinary_page_title_is_text(built: Path) -> None:
    root = parse_html(built / "halaman-hostile/index.html")
    assert shown(root.findtext(".//title") or "") == shown(f"{PAGE_TITLE} - {SITE_NAME}")


def test_ordinary_page_heading_title_is_text(built: Path) -> None:
    """mkdocs takes the title from the first heading as HTML (entities kept); Material's
    ``page.title | striptags`` decodes them, so the theme must escape again."""
    root = parse_html(built / "judul-entitas/index.html")
    assert root.findtext(".//title") == f"{HEADING_TEXT} - {SITE_NAME}"
    assert not [s for s in root.iter("script")
                if not s.get("type", "").endswith("json") and "alert(" in (s.text or "")]
    meta = {m.get("property") or m.get("name"): m.get("content")
            for m in root.iter("meta") if m.get("content") is not None}
    assert meta["og:title"] == HEADING_TEXT, "the preview shows the heading's text"


def test_redirect_and_short_link_pages_are_text(built: Path) -> None:
    redirect = parse_html(built / "lama/hostile-tutorial/index.html")
    assert shown(T_TITLE) in shown(redirect.findtext(".//title") or "")
    short = [p for p in (built / "s").glob("*/index.html")
             if shown(T_TITLE) in shown(parse_html(p).text_content())]
    assert short, "the hostile tutorial has a short link page naming it"


def test_share_buttons_round_trip_through_query_strings(built: Path) -> None:
    root = parse_html(built / "tutorials/hostile-tutorial/index.html")
    links = {a.get("class").split()[-1]: a.get("href") for a in root.xpath(
        "//a[contains(@class, 'ks-share-link')]")}
    page = "https://example.org/lib/tutorials/hostile-tutorial/"
    title = one_line(shown(T_TITLE))
    x = parse_qs(urlsplit(links["ks-share-x"]).query, strict_parsing=True)
    assert x == {"text": [title], "url": [page]}
    telegram = parse_qs(urlsplit(links["ks-share-telegram"]).query, strict_parsing=True)
    assert telegram == {"url": [page], "text": [title]}
    whatsapp = parse_qs(urlsplit(links["ks-share-whatsapp"]).query, strict_parsing=True)
    assert whatsapp == {"text": [f"{title} {page}"]}
    mail = urlsplit(links["ks-share-email"])
    assert mail.scheme == "mailto"
    assert parse_qs(mail.query)["subject"] == [title]
    assert parse_qs(mail.query)["body"] == [f"{shown(T_SUMMARY)}\n\n{page}"]


# -- feeds and other XML ----------------------------------------------------------------------

def feed_paths(built: Path) -> list[Path]:
    return sorted(p for p in built.rglob("*.xml") if p.name in ("feed.xml", "atom.xml"))


def test_every_feed_is_strict_xml_and_feedparser_is_happy(built: Path) -> None:
    paths = feed_paths(built)
    assert len(paths) > 10
    for path in paths:
        strict_xml(path)
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))


def test_feed_entries_hold_the_cleaned_text(built: Path) -> None:
    for name in ("feed.xml", "atom.xml"):
        parsed = feedparser.parse((built / name).read_bytes())
        titles = {e.title for e in parsed.entries}
        for title in ITEMS.values():
            assert shown(title) in titles, (name, title)
        entry = next(e for e in parsed.entries if e.title == shown(T_TITLE))
        # RSS <description> is HTML (the summary escaped once more, so it shows as text);
        # Atom's <summary type="text"> is the text itself.
        summary = html.unescape(entry.summary) if name == "feed.xml" else entry.summary
        assert summary == shown(T_SUMMARY)
        terms = {t.get("label") or t.get("term") for t in entry.get("tags", [])}
        assert {shown(t) for t in T_TAGS} <= terms
    topic = feedparser.parse((built / "topics/hostile/feed.xml").read_bytes())
    assert shown(P_NAME) in topic.feed.title
    author = feedparser.parse((built / "authors/hostile/atom.xml").read_bytes())
    assert shown(A_NAME) in author.feed.title
    rss = strict_xml(built / "feed.xml")
    creators = {el.text for el in rss.iter("{http://purl.org/dc/elements/1.1/}creator")}
    assert shown(A_NAME) in creators


def test_json_feed(built: Path) -> None:
    feed = json.loads((built / "feed.json").read_text("utf-8"))
    titles = {item["title"] for item in feed["items"]}
    assert {shown(t) for t in ITEMS.values()} <= titles


def test_opml_and_sitemap_are_strict_xml(built: Path) -> None:
    opml = strict_xml(built / "feeds.opml")
    texts = {o.get("text") for o in opml.iter("outline")}
    assert any(shown(P_NAME) in (t or "") for t in texts)
    assert any(shown(A_NAME) in (t or "") for t in texts)
    sitemap = strict_xml(built / "sitemap.xml")
    locs = [el.text or "" for el in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "https://example.org/lib/tutorials/hostile-tutorial/" in locs
    for loc in locs:
        parts = urlsplit(loc)
        assert parts.scheme == "https" and parts.netloc == "example.org", loc


# -- the share kit --------------------------------------------------------------------------------

def posts_json(built: Path) -> list[dict[str, str]]:
    data: list[dict[str, str]] = json.loads(
        (built / "share/posts.json").read_text("utf-8"))["posts"]
    return data


def test_posts_json_keeps_the_exact_text(built: Path) -> None:
    posts = posts_json(built)
    assert {p["title"] for p in posts} >= {shown(t) for t in ITEMS.values()}


def test_posts_csv_cells_are_the_text_with_the_formula_guard(built: Path) -> None:
    text = (built / "share/posts.csv").read_text("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header, body = rows[0], rows[1:]
    assert header == ["scheduled_at", "platform", "text", "link", "image", "item"]
    exact = {(p["platform"], p["item"]): p["text"] for p in posts_json(built)}
    assert len(body) == len(exact)
    for row in body:
        assert len(row) == len(header)
        cell, original = row[2], exact[(row[1], row[5])]
        if original.startswith(("=", "+", "-", "@", "\t", "\r")):
            assert cell == "'" + original
        else:
            assert cell == original
    guarded = [row for row in body if row[2].startswith("'")]
    starts = {row[2][1] for row in guarded}
    assert {"=", "@", "+"} <= starts, "the hostile titles start with =, @ and +"


def test_calendar_parses_and_keeps_the_text(built: Path) -> None:
    data = (built / "share/calendar.ics").read_bytes()
    for line in data.split(b"\r\n"):
        assert len(line) <= 75, line
    calendar = icalendar.Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    posts = {(p["platform"], p["slug"]): p for p in posts_json(built)}
    # Only what is still to come: the video's posts (its slot is 06:00 on the build's day).
    now = datetime.fromtimestamp(NOW_EPOCH, UTC)
    assert len(events) == len([p for p in posts.values()
                               if datetime.fromisoformat(p["scheduled_at"]) >= now]) > 0
    assert {str(e["UID"]).split(".")[1] for e in events} == {"video"}
    for event in events:
        platform, _, rest = str(event["UID"]).partition(".")
        slug = rest.split(".", 1)[1].split("@")[0]
        post = posts[(platform, slug)]
        assert str(event["SUMMARY"]).endswith("] " + post["title"])
        assert str(event["DESCRIPTION"]) == post["text"]


# -- nothing in the payload ever became markup --------------------------------------------------

def test_no_output_carries_control_characters(built: Path) -> None:
    """HTML forbids them (the Nu Html Checker: "Forbidden code point"), XML 1.0 cannot carry
    them, iCalendar TEXT excludes them (RFC 5545): no page, feed or share-kit file has one."""
    files = [*html_pages(built), *built.rglob("*.xml"), built / "feeds.opml",
             built / "feed.json", built / "share/calendar.ics", built / "share/posts.csv",
             built / "share/posts.json"]
    for path in files:
        found = FORBIDDEN.findall(path.read_text("utf-8"))
        assert not found, (path.relative_to(built).as_posix(), found[:5])


def csp_of(root: lxml.html.HtmlElement) -> str:
    metas = root.xpath("//meta[@http-equiv='Content-Security-Policy']")
    assert len(metas) == 1, "one Content-Security-Policy per page"
    return str(metas[0].get("content"))


def sha256(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def test_every_page_carries_a_policy_its_own_scripts_satisfy(built: Path) -> None:
    """Every page mkdocs writes (404.html too) has the policy; each inline script the theme
    writes is allowed by its hash; nothing in the article is."""
    for path in html_pages(built):
        root = parse_html(path)
        where = path.relative_to(built).as_posix()
        if root.xpath("//meta[@http-equiv='refresh']"):
            continue  # redirect stubs (aliases, short links): no script at all
        policy = csp_of(root)
        script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
        in_article = set(root.xpath("//article//script"))
        for script in root.iter("script"):
            kind = (script.get("type") or "").lower()
            if script.get("src") or kind.endswith("json"):
                continue
            allowed = sha256(script.text or "") in script_src
            assert allowed != (script in in_article), (where, script.text)


def test_the_policy_never_blesses_a_script_in_the_article() -> None:
    from generator.render.csp import with_policy

    theme = "<script>var theme = 1</script>"
    article = "<article><p>x</p><script>alert('smuggled')</script></article>"
    page = f'<html><head><meta charset="utf-8">{theme}</head><body>{article}</body></html>'
    policy = csp_of(lxml.html.fromstring(with_policy(page, article)))
    assert sha256("var theme = 1") in policy
    assert sha256("alert('smuggled')") not in policy


JSON_SCRIPT = re.compile(r'<script type="application/(?:ld\+)?json">.*?</script>', re.S)


def test_no_output_holds_the_payload_unescaped(built: Path) -> None:
    """Byte-level backstop: the break-out tags never appear raw in HTML or XML (they must be
    escaped wherever they are written; a bare ``"`` in text is fine, and attributes are
    checked by the parsers above); JSON inside ``<script>`` is checked above."""
    for path in [*html_pages(built), *built.rglob("*.xml"), built / "feeds.opml"]:
        data = JSON_SCRIPT.sub("", path.read_text("utf-8", errors="replace"))
        where = path.relative_to(built).as_posix()
        assert "<script>alert(" not in data, where
        assert "<img src=x onerror" not in data, where
        assert "]]>" not in data or "<![CDATA[" not in data, where


if __name__ == "__main__":  # python tests/test_hostile.py SITE_REPO: add the hostile content
    import sys

    add_hostile_items(Path(sys.argv[1]))

"""Feeds: RSS 2.0, Atom and JSON Feed for every scope, the OPML file, the stylesheet and the
subscribe page, written from a real Library into tmp_path and read back with lxml's strict
parser and feedparser (no engine build: fast)."""

from __future__ import annotations

import dataclasses
import io
import json
import re
import shutil
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import feedparser
import lxml.html
import pytest
from lxml import etree
from markupsafe import escape
from PIL import Image
from sitekit import make_site, tree_digest

from generator.feeds.entries import absolute_html, clean_text, default_entry_id, feed_moment
from generator.feeds.scopes import (
    ATOM_TYPE,
    JSON_TYPE,
    RSS_TYPE,
    Scope,
    alternate_links,
    feed_specs,
    subscribe_anchor,
)
from generator.feeds.subscribe import breakable, subscribe_page
from generator.feeds.write import write_feeds
from generator.library.check import run
from generator.library.library import Library

NOW = datetime(2026, 6, 1, tzinfo=UTC)
SITE = "https://example.org/lib/"
NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "media": "http://search.yahoo.com/mrss/",
    "cc": "http://backend.userland.com/creativeCommonsRssModule",
}
RFC822 = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} "
                    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} "
                    r"\d{2}:\d{2}:\d{2} [+-]\d{4}$")
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
STRICT = etree.XMLParser(recover=False, resolve_entities=False, no_network=True)

MKDOCS_YML = """\
site_name: Perpustakaan Uji
site_url: https://example.org/lib/
docs_dir: site_src
theme:
  name: material
  language: id
plugins:
  - knowledge-site:
      library_name: Perpustakaan Uji
      feed_content_limit: 3000
"""

AUTHORS = """\
ani:
  name: Ani Lestari
  role: Pustakawan Referensi
  avatar: images/ani.png
budi:
  name: Budi Santoso
  role: Pustakawan Multimedia
  email: budi@example.org
"""

# Control characters (YAML escapes), "]]>", markup and "&" in the title and the summary.
HOSTILE_TITLE = 'Awas <script>alert(1)</script> & ]]> \\x01\\x0b selesai'
HOSTILE = f"""\
---
title: "{HOSTILE_TITLE}"
summary: "Ringkasan <b>tebal</b> & ]]> \\x02 <script>x</script>"
date: 2026-02-01
authors: [ani]
topics: [literasi]
level: beginner
---
Isi.
"""
TITLE_SHOWN = "Awas <script>alert(1)</script> & ]]>  selesai"
SUMMARY_SHOWN = "Ringkasan <b>tebal</b> & ]]>  <script>x</script>"

PICTURED = """\
---
title: Menulis sitasi APA
summary: Sitasi APA edisi ketujuh tanpa pusing.
date: 2026-03-01T08:30
updated: 2026-04-02T09:00
authors: [ani, budi]
topics: [literasi, sastra]
tags: [sitasi, APA]
lang: en
license: CC-BY-SA-4.0
image: images/cover.jpg
image_alt: Contoh daftar pustaka
level: intermediate
---
Body.
"""

LONG = """\
---
title: Panduan panjang
summary: Ringkasan panduan panjang.
date: 2026-02-15
authors: [budi]
topics: [sastra]
level: advanced
---
Panjang.
"""

DRAFT = """\
---
title: Draf rahasia
summary: Belum terbit.
date: 2026-01-20
authors: [ani]
topics: [literasi]
level: beginner
draft: true
---
Draf.
"""

SCHEDULED = """\
---
title: Nanti saja
summary: Terbit tahun depan.
date: 2027-01-20
authors: [ani]
topics: [literasi]
level: beginner
---
Nanti.
"""


def _picture(size: tuple[int, int], fmt: str) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(buf, fmt)
    return buf.getvalue()


def article(src: str) -> str:
    """What the engine would render for an item's page: links relative to tutorials/<slug>/."""
    return (
        '<h1 id="judul">Judul<a class="headerlink" href="#judul">¶</a></h1>'
        '<p>Lihat <a href="../../reviews/dune/">Dune</a>, <a href="#langkah">langkah</a>, '
        '<a href="/lib/topics/">topik</a> dan <a href="https://other.example/x">luar</a>.</p>'
        '<p onclick="evil()"><img src="../../images/cover.jpg" alt="sampul" '
        'srcset="../../images/cover.jpg 1x, ../../images/cover.jpg 2x"></p>'
        '<a href="javascript:alert(1)">x</a>'
        '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video tur"></iframe>'
        "<script>alert('x')</script><style>p{}</style>"
        + ("<p>" + "kata " * 2000 + "</p>" if src == "tutorials/panjang.md" else "")
    )


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_site(tmp_path_factory.mktemp("repo"), {
        "mkdocs.yml": MKDOCS_YML,
        "site_src/authors.yml": AUTHORS,
        "site_src/images/cover.jpg": _picture((120, 63), "JPEG"),
        "site_src/images/ani.png": _picture((88, 88), "PNG"),
        "site_src/tutorials/awas.md": HOSTILE,
        "site_src/tutorials/sitasi.md": PICTURED,
        "site_src/tutorials/panjang.md": LONG,
        "site_src/tutorials/draf.md": DRAFT,
        "site_src/tutorials/nanti.md": SCHEDULED,
    })


@pytest.fixture(scope="module")
def library(repo: Path) -> Library:
    result = run(repo, NOW)
    assert result.ok, result.diagnostics
    assert result.library is not None
    return result.library


IDS = {"tutorials/sitasi.md": "tag:example.org,2025-12-01:tutorial/nama-lama"}


def publish(library: Library, repo: Path, out: Path) -> list[Path]:
    """What the build does after the engine: the site's files are there, then the feeds."""
    shutil.copytree(repo / "site_src" / "images", out / "images")
    html = {item.src: article(item.src) for item in library.all_items}
    return write_feeds(library, html, IDS, out)


@pytest.fixture(scope="module")
def site(library: Library, repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    publish(library, repo, out)
    return out


def xml(site: Path, path: str) -> Any:
    return etree.fromstring((site / path).read_bytes(), STRICT)


def rss_item(site: Path, path: str, slug: str) -> Any:
    items = xml(site, path).xpath(f"//item[link='{SITE}tutorials/{slug}/']")
    assert len(items) == 1
    return items[0]


def atom_entry(site: Path, path: str, slug: str) -> Any:
    entries = xml(site, path).xpath(
        f"//atom:entry[atom:link[@rel='alternate']/@href='{SITE}tutorials/{slug}/']",
        namespaces=NS)
    assert len(entries) == 1
    return entries[0]


def xml_feeds(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.xml"))


# -- every feed, every scope ---------------------------------------------------------------

def test_every_scope_has_rss_and_atom_next_to_its_listing(site: Path, library: Library) -> None:
    expected = {"feed.xml", "atom.xml", "feed.json", "feeds.opml", "assets/feed.xsl",
                "assets/feed.css", "assets/feed-copy.js"}
    for folder in ("tutorials", "reviews", "videos", "topics/literasi", "topics/sastra",
                   "authors/ani", "authors/budi"):
        expected |= {f"{folder}/feed.xml", f"{folder}/atom.xml"}
    written = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert expected <= written
    assert not {w for w in written if w.endswith(".json")} - {"feed.json",
                                                              "feeds-manifest.json"}


def test_every_feed_parses_strictly_and_cleanly(site: Path) -> None:
    for path in xml_feeds(site):
        etree.fromstring(path.read_bytes(), STRICT)  # raises on anything not well-formed
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.version == ("rss20" if path.name == "feed.xml" else "atom10"), path


def test_self_links_are_the_feeds_own_absolute_addresses(site: Path) -> None:
    for path in xml_feeds(site):
        rel = path.relative_to(site).as_posix()
        root = etree.fromstring(path.read_bytes(), STRICT)
        if root.tag == "rss":
            links = root.xpath("channel/atom:link[@rel='self']", namespaces=NS)
            mime = RSS_TYPE
        else:
            links = root.xpath("atom:link[@rel='self']", namespaces=NS)
            mime = ATOM_TYPE
        assert [(x.get("href"), x.get("type")) for x in links] == [(SITE + rel, mime)]


def test_entries_newest_first_without_drafts_or_scheduled(site: Path) -> None:
    links = xml(site, "feed.xml").xpath("//item/link/text()")
    assert links == [SITE + u for u in ("tutorials/sitasi/", "tutorials/panjang/",
                                        "tutorials/awas/", "videos/tur/", "reviews/dune/",
                                        "tutorials/dasar-opac/")]
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".xml", ".json", ".opml"):
            body = path.read_text(encoding="utf-8")
            assert "draf" not in body.lower() and "nanti" not in body.lower(), path


def test_feed_size_truncates_each_scope_keeping_the_newest(library: Library) -> None:
    small = dataclasses.replace(library, settings=dataclasses.replace(library.settings,
                                                                      feed_size=2))
    specs = {(s.scope, s.key): s for s in feed_specs(small)}
    assert [i.slug for i in specs[(Scope.SITE, "")].items] == ["sitasi", "panjang"]
    assert [i.slug for i in specs[(Scope.KIND, "review")].items] == ["dune"]
    assert [i.slug for i in specs[(Scope.TOPIC, "literasi")].items] == ["sitasi", "awas"]
    assert [i.slug for i in specs[(Scope.AUTHOR, "budi")].items] == ["sitasi", "panjang"]


def test_unpublished_items_are_dropped_even_if_handed_in(library: Library) -> None:
    leaky = dataclasses.replace(library, items=library.all_items)
    slugs = {i.slug for s in feed_specs(leaky) for i in s.items}
    assert "draf" not in slugs and "nanti" not in slugs
    preview = dataclasses.replace(leaky, preview=True)
    assert {"draf", "nanti"} <= {i.slug for s in feed_specs(preview) for i in s.items}


# -- dates ---------------------------------------------------------------------------------

def test_rss_dates_are_rfc822_with_four_digit_years(site: Path, library: Library) -> None:
    for path in site.rglob("feed.xml"):
        root = etree.fromstring(path.read_bytes(), STRICT)
        for text in root.xpath("//pubDate/text() | //lastBuildDate/text()"):
            assert RFC822.match(text), (path, text)
    item = rss_item(site, "feed.xml", "sitasi")
    assert item.findtext("pubDate") == "Sun, 01 Mar 2026 08:30:00 +0700"
    assert item.findtext("dcterms:modified", namespaces=NS) == "2026-04-02T09:00:00+07:00"
    assert parsedate_to_datetime(item.findtext("pubDate")) == datetime(2026, 3, 1, 1, 30,
                                                                       tzinfo=UTC)


def test_atom_dates_are_rfc3339(site: Path) -> None:
    for path in site.rglob("atom.xml"):
        root = etree.fromstring(path.read_bytes(), STRICT)
        for text in root.xpath("//atom:updated/text() | //atom:published/text()",
                               namespaces=NS):
            assert RFC3339.match(text), (path, text)
    entry = atom_entry(site, "atom.xml", "sitasi")
    assert entry.findtext("atom:published", namespaces=NS) == "2026-03-01T08:30:00+07:00"
    assert entry.findtext("atom:updated", namespaces=NS) == "2026-04-02T09:00:00+07:00"


def test_feed_date_is_the_newest_entry_date_never_the_clock(site: Path) -> None:
    # The site's newest change is the update of "sitasi" (2 April), not its date (1 March).
    assert xml(site, "feed.xml").findtext("channel/lastBuildDate") == \
        "Thu, 02 Apr 2026 09:00:00 +0700"
    assert xml(site, "atom.xml").findtext("atom:updated", namespaces=NS) == \
        "2026-04-02T09:00:00+07:00"
    # Reviews: only Dune.
    assert xml(site, "reviews/feed.xml").findtext("channel/lastBuildDate") == \
        "Mon, 12 Jan 2026 10:00:00 +0700"


def test_same_input_same_bytes_whenever_built(library: Library, repo: Path,
                                               tmp_path: Path, site: Path) -> None:
    later = dataclasses.replace(library, now=datetime(2026, 12, 31, tzinfo=UTC))
    publish(later, repo, tmp_path / "again")
    assert tree_digest(tmp_path / "again") == tree_digest(site)


# -- what each entry carries ---------------------------------------------------------------

def test_ids_are_given_ids_or_the_tag_fallback_and_never_permalinks(site: Path,
                                                                     library: Library) -> None:
    for guid in xml(site, "feed.xml").xpath("//item/guid"):
        assert guid.get("isPermaLink") == "false"
    sitasi = rss_item(site, "feed.xml", "sitasi")
    assert sitasi.findtext("guid") == IDS["tutorials/sitasi.md"]
    assert atom_entry(site, "atom.xml", "sitasi").findtext("atom:id", namespaces=NS) == \
        IDS["tutorials/sitasi.md"]
    assert rss_item(site, "feed.xml", "awas").findtext("guid") == \
        "tag:example.org,2026-02-01:tutorial/awas"
    dune = next(i for i in library.items if i.slug == "dune")
    assert default_entry_id(dune, library.settings) == "tag:example.org,2026-01-12:review/dune"
    # The id is the same in every feed the item appears in.
    ids = {e.findtext("guid") for p in site.rglob("feed.xml")
           for e in etree.fromstring(p.read_bytes(), STRICT).xpath("//item")
           if e.findtext("link") == SITE + "tutorials/sitasi/"}
    assert ids == {IDS["tutorials/sitasi.md"]}


def test_cover_is_an_enclosure_and_media_content_with_size_and_type(site: Path,
                                                                    repo: Path) -> None:
    size = str((repo / "site_src/images/cover.jpg").stat().st_size)
    url = SITE + "images/cover.jpg"
    item = rss_item(site, "feed.xml", "sitasi")
    enclosure = item.find("enclosure")
    assert (enclosure.get("url"), enclosure.get("length"), enclosure.get("type")) == \
        (url, size, "image/jpeg")
    media = item.find("media:content", namespaces=NS)
    assert dict(media.attrib) == {"url": url, "fileSize": size, "type": "image/jpeg",
                                  "medium": "image", "width": "120", "height": "63"}
    entry = atom_entry(site, "atom.xml", "sitasi")
    link = entry.find("atom:link[@rel='enclosure']", namespaces=NS)
    assert (link.get("href"), link.get("length"), link.get("type")) == (url, size, "image/jpeg")
    assert entry.find("media:content", namespaces=NS).get("fileSize") == size
    assert rss_item(site, "feed.xml", "awas").find("enclosure") is None
    parsed = feedparser.parse((site / "feed.xml").read_bytes())
    first = parsed.entries[0]
    assert first.enclosures[0]["href"] == url and first.media_content[0]["filesize"] == size


def test_authors_are_dc_creator_in_rss_and_author_in_atom(site: Path) -> None:
    channel = xml(site, "feed.xml").find("channel")
    assert channel.find("managingEditor") is None and not channel.xpath("//item/author")
    item = rss_item(site, "feed.xml", "sitasi")
    assert item.xpath("dc:creator/text()", namespaces=NS) == ["Ani Lestari", "Budi Santoso"]
    body = (site / "feed.xml").read_text(encoding="utf-8")
    assert "budi@example.org" not in body  # a librarian's e-mail is never published
    entry = atom_entry(site, "atom.xml", "sitasi")
    assert entry.xpath("atom:author/atom:name/text()", namespaces=NS) == [
        "Ani Lestari", "Budi Santoso"]
    assert entry.xpath("atom:author/atom:uri/text()", namespaces=NS) == [
        SITE + "authors/ani/", SITE + "authors/budi/"]
    assert not entry.xpath("atom:author/atom:email", namespaces=NS)


def test_categories_come_from_topics_and_tags(site: Path) -> None:
    item = rss_item(site, "feed.xml", "sitasi")
    assert [(c.text, c.get("domain")) for c in item.findall("category")] == [
        ("Literasi Informasi", SITE + "topics/"), ("Sastra", SITE + "topics/"),
        ("sitasi", None), ("APA", None)]
    entry = atom_entry(site, "atom.xml", "sitasi")
    assert [(c.get("term"), c.get("label")) for c in entry.findall("atom:category", NS)] == [
        ("literasi", "Literasi Informasi"), ("sastra", "Sastra"), ("sitasi", "sitasi"),
        ("APA", "APA")]


def test_language_of_the_feed_and_of_an_entry_in_another_language(site: Path) -> None:
    rss = xml(site, "feed.xml")
    assert rss.findtext("channel/language") == "id"
    assert rss_item(site, "feed.xml", "sitasi").findtext("dc:language", namespaces=NS) == "en"
    assert rss_item(site, "feed.xml", "awas").find("dc:language", namespaces=NS) is None
    atom = xml(site, "atom.xml")
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert atom.get(lang) == "id"
    assert atom_entry(site, "atom.xml", "sitasi").get(lang) == "en"


def test_licence_of_the_feed_and_of_each_entry(site: Path) -> None:
    by_sa = "https://creativecommons.org/licenses/by-sa/4.0/"
    channel = xml(site, "feed.xml").find("channel")
    assert "CC-BY-4.0" in channel.findtext("copyright")
    item = rss_item(site, "feed.xml", "sitasi")
    assert item.findtext("cc:license", namespaces=NS) == by_sa
    assert item.findtext("dc:rights", namespaces=NS) == "CC-BY-SA-4.0"
    entry = atom_entry(site, "atom.xml", "sitasi")
    assert entry.findtext("atom:rights", namespaces=NS) == "CC-BY-SA-4.0"
    assert entry.xpath("atom:link[@rel='license']/@href", namespaces=NS) == [by_sa]
    for name in ("feed.xml", "atom.xml"):
        parsed = feedparser.parse((site / name).read_bytes())
        sitasi = next(e for e in parsed.entries if e.link == SITE + "tutorials/sitasi/")
        assert sitasi.license == by_sa, name


def test_content_is_the_article_with_absolute_links(site: Path) -> None:
    page = SITE + "tutorials/awas/"
    for html in (rss_item(site, "feed.xml", "awas").findtext("content:encoded", namespaces=NS),
                 atom_entry(site, "atom.xml", "awas").findtext("atom:content", namespaces=NS)):
        doc = lxml.html.fragment_fromstring(html, create_parent="div")
        assert doc.xpath("//a/@href") == [
            SITE + "reviews/dune/", page + "#langkah", SITE + "topics/",
            "https://other.example/x", "https://www.youtube-nocookie.com/embed/abc"]
        assert doc.xpath("//img/@src") == [SITE + "images/cover.jpg"]
        assert doc.xpath("//img/@srcset") == [
            f"{SITE}images/cover.jpg 1x, {SITE}images/cover.jpg 2x"]
        assert not doc.xpath("//script | //style | //iframe | //@onclick")
        assert "¶" not in doc.text_content()
        assert doc.xpath("//a[@href='https://www.youtube-nocookie.com/embed/abc']/text()") == [
            "Video tur"]
    atom = atom_entry(site, "atom.xml", "awas")
    assert atom.find("atom:content", NS).get("type") == "html"


def test_a_long_article_gets_its_summary_and_a_link(site: Path) -> None:
    html = rss_item(site, "feed.xml", "panjang").findtext("content:encoded", namespaces=NS)
    doc = lxml.html.fragment_fromstring(html, create_parent="div")
    assert "kata kata" not in html and len(html) < 3000
    assert "Ringkasan panduan panjang." in doc.text_content()
    assert doc.xpath("//a/@href") == [SITE + "tutorials/panjang/"]
    # A short one keeps the whole article.
    assert "Lihat" in rss_item(site, "feed.xml", "awas").findtext("content:encoded",
                                                                   namespaces=NS)


def test_hostile_text_is_valid_and_shown_as_text(site: Path) -> None:
    item = rss_item(site, "feed.xml", "awas")
    assert item.findtext("title") == TITLE_SHOWN
    # RSS descriptions are HTML to readers: the summary is escaped once more, so its
    # "<b>" and "<script>" are text, not markup.
    description = lxml.html.fragment_fromstring(item.findtext("description"),
                                                create_parent="div")
    assert description.text_content() == SUMMARY_SHOWN and not description.xpath("*")
    entry = atom_entry(site, "atom.xml", "awas")
    assert entry.findtext("atom:title", namespaces=NS) == TITLE_SHOWN
    assert entry.findtext("atom:summary", namespaces=NS) == SUMMARY_SHOWN
    for name in ("feed.xml", "atom.xml"):
        parsed = feedparser.parse((site / name).read_bytes())
        assert not parsed.bozo
        awas = next(e for e in parsed.entries if e.link == SITE + "tutorials/awas/")
        assert awas.title == TITLE_SHOWN
    data = json.loads((site / "feed.json").read_text(encoding="utf-8"))
    awas_json = next(i for i in data["items"] if i["url"] == SITE + "tutorials/awas/")
    assert (awas_json["title"], awas_json["summary"]) == (TITLE_SHOWN, SUMMARY_SHOWN)


def test_author_feeds_show_the_avatar_as_channel_image_only_when_there_is_one(
        site: Path) -> None:
    ani = xml(site, "authors/ani/feed.xml").find("channel")
    assert ani.findtext("image/url") == SITE + "images/ani.png"
    assert ani.findtext("image/title") == ani.findtext("title")
    assert ani.findtext("image/link") == ani.findtext("link") == SITE + "authors/ani/"
    assert xml(site, "authors/ani/atom.xml").findtext("atom:logo", namespaces=NS) == \
        SITE + "images/ani.png"
    assert xml(site, "authors/budi/feed.xml").find("channel/image") is None
    assert xml(site, "feed.xml").find("channel/image") is None


# -- JSON Feed, OPML, stylesheet -----------------------------------------------------------

def test_json_feed_1_1(site: Path, repo: Path) -> None:
    data = json.loads((site / "feed.json").read_text(encoding="utf-8"))
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert (data["home_page_url"], data["feed_url"], data["language"]) == (
        SITE, SITE + "feed.json", "id")
    assert [i["url"] for i in data["items"]] == \
        xml(site, "feed.xml").xpath("//item/link/text()")
    item = data["items"][0]
    assert item == {
        "id": IDS["tutorials/sitasi.md"],
        "url": SITE + "tutorials/sitasi/",
        "title": "Menulis sitasi APA",
        "summary": "Sitasi APA edisi ketujuh tanpa pusing.",
        "content_html": item["content_html"],
        "date_published": "2026-03-01T08:30:00+07:00",
        "date_modified": "2026-04-02T09:00:00+07:00",
        "authors": [
            {"name": "Ani Lestari", "url": SITE + "authors/ani/",
             "avatar": SITE + "images/ani.png"},
            {"name": "Budi Santoso", "url": SITE + "authors/budi/"},
        ],
        "tags": ["Literasi Informasi", "Sastra", "sitasi", "APA"],
        "language": "en",
        "image": SITE + "images/cover.jpg",
        "_license": {"about": "https://spdx.org/licenses/", "spdx": "CC-BY-SA-4.0",
                     "url": "https://creativecommons.org/licenses/by-sa/4.0/"},
    }
    assert f'src="{SITE}images/cover.jpg"' in item["content_html"]
    for it in data["items"]:
        assert RFC3339.match(it["date_published"]) and RFC3339.match(it["date_modified"])


def test_opml_lists_every_scope_once(site: Path, library: Library) -> None:
    root = xml(site, "feeds.opml")
    assert root.get("version") == "2.0"
    outlines = root.xpath("//outline[@xmlUrl]")
    listed = [o.get("xmlUrl") for o in outlines]
    assert sorted(listed) == sorted(SITE + s.rss_path for s in feed_specs(library))
    for outline in outlines:
        assert outline.get("type") == "rss"
        assert (site / outline.get("xmlUrl").removeprefix(SITE)).is_file()
        assert outline.get("htmlUrl").startswith(SITE) and outline.get("text")
    assert len(root.xpath("/opml/body/outline")) == 4  # site, types, topics, authors


def test_stylesheet_is_referenced_well_formed_and_renders_both_formats(site: Path) -> None:
    for name in ("feed.xml", "atom.xml"):
        pis = [n for n in etree.parse(str(site / name), STRICT).xpath("/processing-instruction()")]
        assert [p.target for p in pis] == ["xml-stylesheet"]
        assert pis[0].get("href") == "/lib/assets/feed.xsl" and pis[0].get("type") == "text/xsl"
    xsl = etree.XSLT(etree.parse(str(site / "assets/feed.xsl"), STRICT))
    for name in ("feed.xml", "atom.xml"):
        page = lxml.html.fromstring(str(xsl(etree.parse(str(site / name), STRICT))))
        assert page.get("lang") == "id"
        assert page.xpath("//h1/text()") == ["Perpustakaan Uji"]
        assert TITLE_SHOWN in page.xpath("//li/h3/a/text()")
        # The RSS description's extra escaping is undone: the summary reads as text.
        assert SUMMARY_SHOWN in [" ".join(p.itertext()) for p in page.xpath("//li/p")]
        assert page.xpath("//input/@value") == [SITE + name]
        assert page.xpath("//link[@rel='stylesheet']/@href") == ["/lib/assets/feed.css"]
        # Says it is for reader apps; links to this feed's row and to the site's page.
        assert "aplikasi pembaca feed" in page.xpath("//p[@class='ks-feed-plain']")[0].text
        assert page.xpath("//ul[@class='ks-feed-links']//a/@href") == [
            "/lib/subscribe/#feed-site", SITE]
        assert not page.xpath("//script | //style | //@*[starts-with(name(), 'on')]")
        # Nothing loads from another host.
        assert not [u for u in page.xpath("//link/@href | //img/@src")
                    if u.startswith(("http:", "https:", "//"))]


@pytest.mark.parametrize(("feed", "anchor", "listing"), [
    ("atom.xml", "feed-site", ""),
    ("tutorials/feed.xml", "feed-kind-tutorial", "tutorials/"),
    ("reviews/atom.xml", "feed-kind-review", "reviews/"),
    ("videos/feed.xml", "feed-kind-video", "videos/"),
    ("topics/literasi/atom.xml", "feed-topic-literasi", "topics/literasi/"),
    ("authors/budi/feed.xml", "feed-author-budi", "authors/budi/"),
])
def test_a_feed_in_a_browser_points_to_its_row_and_its_page(site: Path, feed: str, anchor: str,
                                                            listing: str) -> None:
    """Chromium is dropping XSLT: where it still runs, the page sends people to the subscribe
    page's row for this very feed and to the listing, the pages meant for them."""
    xsl = etree.XSLT(etree.parse(str(site / "assets/feed.xsl"), STRICT))
    page = lxml.html.fromstring(str(xsl(etree.parse(str(site / feed), STRICT))))
    assert page.xpath("//ul[@class='ks-feed-links']//a/@href") == [
        f"/lib/subscribe/#{anchor}", SITE + listing]
    assert page.get("class") == "ks-feed-doc"


@pytest.mark.parametrize(("address", "pieces"), [
    ("https://example.org/lib/feed.xml", ["https://", "example.", "org/", "lib/", "feed.xml"]),
    ("https://perpustakaan-cendekia.example.org/topics/layanan-perpustakaan/atom.xml",
     ["https://", "perpustakaan-cendekia.", "example.", "org/", "topics/",
      "layanan-perpustakaan/", "atom.xml"]),
    ("http://localhost:8000/feed.json", ["http://", "localhost:8000/", "feed.json"]),
    ("https://e.org/a<b>/", ["https://", "e.", "org/", "a<b>/"]),
])
def test_addresses_wrap_only_after_slashes_and_dots(address: str, pieces: list[str]) -> None:
    html = str(breakable(address))
    assert html == "<wbr>".join(f"<span>{escape(p)}</span>" for p in pieces)
    assert lxml.html.fragment_fromstring(html, create_parent="code").text_content() == address


# -- autodiscovery and the subscribe page --------------------------------------------------

def _discovered(library: Library, url: str, slug: str | None = None) -> list[tuple[str, str]]:
    item = next(i for i in library.items if i.slug == slug) if slug else None
    return [(link.type, link.href.removeprefix(SITE))
            for link in alternate_links(library, url, item)]


def test_alternate_links_for_each_kind_of_page(library: Library) -> None:
    site_feeds = [(RSS_TYPE, "feed.xml"), (ATOM_TYPE, "atom.xml"), (JSON_TYPE, "feed.json")]
    assert _discovered(library, "") == site_feeds
    assert _discovered(library, "about/") == site_feeds
    assert _discovered(library, "reviews/") == [
        *site_feeds, (RSS_TYPE, "reviews/feed.xml"), (ATOM_TYPE, "reviews/atom.xml")]
    assert _discovered(library, "topics/sastra/page/2/") == [
        *site_feeds, (RSS_TYPE, "topics/sastra/feed.xml"),
        (ATOM_TYPE, "topics/sastra/atom.xml")]
    assert _discovered(library, "authors/ani/") == [
        *site_feeds, (RSS_TYPE, "authors/ani/feed.xml"), (ATOM_TYPE, "authors/ani/atom.xml")]
    assert _discovered(library, "topics/unknown/") == site_feeds
    assert _discovered(library, "tutorials/sitasi/", "sitasi") == [
        *site_feeds, (RSS_TYPE, "tutorials/feed.xml"), (ATOM_TYPE, "tutorials/atom.xml"),
        (RSS_TYPE, "topics/literasi/feed.xml"), (ATOM_TYPE, "topics/literasi/atom.xml"),
        (RSS_TYPE, "topics/sastra/feed.xml"), (ATOM_TYPE, "topics/sastra/atom.xml")]
    titles = [link.title for link in alternate_links(library, "topics/sastra/", None)]
    assert titles[-1] == "Topik Sastra — Perpustakaan Uji (Atom)"


def test_subscribe_page_lists_every_feed_with_a_copyable_address(library: Library,
                                                                 site: Path) -> None:
    page = subscribe_page(library)
    assert (page.src, page.url, page.title, page.lang) == (
        "subscribe.md", "subscribe/", "Berlangganan", "id")
    assert page.styles == ("assets/feed.css",)
    doc = lxml.html.fromstring(f"<div>{page.markdown}</div>")
    addresses = [c.text_content() for c in doc.xpath("//code[@class='ks-feed-url']")]
    expected = [SITE + f.path for s in feed_specs(library) for f in s.formats]
    assert sorted(addresses) == sorted(expected)
    assert doc.xpath("//button/@data-copy") == addresses
    for rel in doc.xpath("//a/@href"):  # every link on the page leads to a file written
        if rel.startswith("#"):
            assert doc.xpath(f"//*[@id='{rel[1:]}']"), rel
            continue
        target = (site / "subscribe" / rel).resolve()
        assert target.is_file() or (target / "index.html").exists() or rel.endswith("/"), rel
    # People are sent to pages, never to a feed's XML: the only file linked is the OPML list.
    assert [h for h in doc.xpath("//a/@href") if not h.endswith("/") and not h.startswith("#")
            ] == ["../feeds.opml"]
    # One row per feed, with the id the site's "follow" links point at.
    rows = doc.xpath("//li[@class='ks-feed']")
    assert [r.get("id") for r in rows] == [
        "feed-site", "feed-kind-tutorial", "feed-kind-review", "feed-kind-video",
        "feed-topic-literasi", "feed-topic-sastra", "feed-author-ani", "feed-author-budi"]
    assert [r.get("id") for r in rows] == [subscribe_anchor(s.scope, s.key) for s in
                                           feed_specs(library)]
    assert [r.get("id") for r in rows] == [s.anchor for s in feed_specs(library)]
    topic = doc.xpath("//li[@id='feed-topic-sastra']")[0]
    assert topic.xpath(".//a/@href") == ["../topics/sastra/"]
    assert topic.xpath(".//p[@class='ks-feed-name']")[0].text_content() == "Sastra RSS"
    # The RSS address first; Atom folded away under it.
    assert [c.text_content() for c in topic.xpath("./div/code")] == [
        SITE + "topics/sastra/feed.xml"]
    assert [c.text_content() for c in topic.xpath("./details/div/code")] == [
        SITE + "topics/sastra/atom.xml"]
    # The address wraps only after "/" and ".": whole pieces with a <wbr> between.
    code = topic.xpath("./div/code")[0]
    assert [span.text for span in code.xpath(".//span")] == [  # (lxml nests after a <wbr>)
        "https://", "example.", "org/", "lib/", "topics/", "sastra/", "feed.xml"]
    assert len(code.xpath(".//wbr")) == 6 and not (code.text or "").strip()
    # No inline script or handler: one script file, loaded by address.
    assert [(s.get("src"), (s.text or "").strip()) for s in doc.xpath("//script")] == [
        ("../assets/feed-copy.js", "")]
    assert not doc.xpath("//@*[starts-with(name(), 'on')]")
    assert doc.xpath("//h2/text()") == ["Seluruh situs", "Per jenis", "Per topik",
                                       "Per pustakawan"]
    assert doc.xpath("//nav[@class='ks-subscribe-jump']/a/@href") == [
        "#ks-feeds-site", "#ks-feeds-types", "#ks-feeds-topics", "#ks-feeds-authors"]
    english = dataclasses.replace(library, settings=dataclasses.replace(library.settings,
                                                                        language="en"))
    assert subscribe_page(english).title == "Subscribe"


# -- the traps of the libraries ------------------------------------------------------------

def test_feedgen_traps_are_handled() -> None:
    """What feedgen does on its own, and the guard each trap has here."""
    from feedgen.feed import FeedGenerator

    fg = FeedGenerator()
    fg.title("t")
    fg.id("i")
    fe = fg.add_entry()
    fe.id("x")
    fe.content("c")
    with pytest.raises(ValueError):
        fe.published(datetime(2026, 1, 1))  # naive datetimes are refused ...
    with pytest.raises(ValueError):
        feed_moment(datetime(2026, 1, 1), _settings())  # ... and never reach it from here
    fe.title("a\x01b")
    with pytest.raises(ValueError):
        fg.atom_str()  # a control character breaks the whole feed ...
    assert clean_text("a\x01\x0b\x7f\x85\ufffe]]>b") == "a]]>b"  # ... so text is cleaned
    # It stamps the clock unless told otherwise (write_feeds always tells it).
    assert fg.updated().year == datetime.now(UTC).year


def _settings() -> Any:
    from generator.content.settings import Settings

    return Settings(site_url=SITE, site_name="x", docs_dir="site_src", library_name="x")


def test_absolute_html_keeps_text_and_tails() -> None:
    out = absolute_html('a <iframe src="v/"></iframe> b <script>x</script>c', SITE + "t/s/",
                        "Buka")
    doc = lxml.html.fragment_fromstring(out)
    assert doc.text_content() == "a Buka b c"
    assert doc.xpath("//a/@href") == [SITE + "t/s/v/"]
    assert absolute_html("", SITE, "x") == "<div></div>"

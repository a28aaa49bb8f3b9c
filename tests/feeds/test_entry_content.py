"""The whole item in every feed entry (issue 19): a real site built with the CLI into tmp_path,
its RSS, Atom and JSON Feed read back with lxml's strict parser and feedparser."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import feedparser
import lxml.html
import pytest
from lxml import etree
from PIL import Image
from sitekit import MKDOCS_YML, REVIEW, VIDEO, cli, make_site

from generator.feeds.content import first_part
from generator.feeds.entries import absolute_html

SITE = "https://example.org/lib/"
STRICT = etree.XMLParser(recover=False, resolve_entities=False, no_network=True)
NS = {"media": "http://search.yahoo.com/mrss/", "atom": "http://www.w3.org/2005/Atom",
      "content": "http://purl.org/rss/1.0/modules/content/"}
LIMIT = 6000
# An .mp4's first box: enough for a file the site copies (nothing here plays it).
MP4 = bytes.fromhex("00000018 66747970 69736f6d 00000200 69736f6d 6d703431") + b"\0" * 2000

POSTERED = VIDEO.replace('  duration: "2:05"\n', '  duration: "2:05"\n'
                         "  poster: images/tur-poster.jpg\n  captions: tur.vtt\n")
REVIEW_WITH_COVER = REVIEW.replace("  call_number:", "  cover: images/dune.jpg\n"
                                   "  cover_alt: Sampul Dune\n  call_number:")
LONG_TRANSCRIPT = "\n\n".join(f"Paragraf {n}: " + "kata lisan " * 40 for n in range(1, 41))
FILE_VIDEO = """\
---
title: Merawat buku tua
summary: Video dari server perpustakaan sendiri.
date: 2026-01-14
authors: [budi]
topics: [sastra]
lang: en
video:
  url: berkas/rawat.mp4
  duration: "1:30"
  poster: ../images/rawat.jpg
transcript: transcripts/rawat.md
---
Tips merawat buku.
"""


def _jpeg(size: tuple[int, int]) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, (10, 90, 160)).save(buf, "JPEG")
    return buf.getvalue()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_site(tmp_path_factory.mktemp("repo"), {
        # md_in_html renders the transcript's Markdown (docs/content-format.md).
        "mkdocs.yml": MKDOCS_YML + f"      feed_content_limit: {LIMIT}\n"
                      "markdown_extensions:\n  - md_in_html\n",
        "site_src/videos/tur.md": POSTERED,
        "site_src/videos/tur.vtt": "WEBVTT\n\n00:00.000 --> 00:02.000\nHalo semua\n",
        "site_src/images/tur-poster.jpg": _jpeg((160, 90)),
        "site_src/images/dune.jpg": _jpeg((100, 150)),
        "site_src/images/rawat.jpg": _jpeg((160, 90)),
        "site_src/reviews/dune.md": REVIEW_WITH_COVER,
        "site_src/videos/rawat.md": FILE_VIDEO,
        "site_src/videos/berkas/rawat.mp4": MP4,
        "site_src/videos/transcripts/rawat.md": LONG_TRANSCRIPT + "\n",
    })
    result = cli("build", "-d", str(root / "out"), cwd=root)
    assert result.returncode == 0, result.stderr
    return root / "out"


def contents(site: Path, page: str) -> dict[str, Any]:
    """The entry for ``page`` in the site's RSS, Atom and JSON Feed: its content's HTML as
    a parsed fragment (feedparser for RSS and Atom, json for JSON Feed)."""
    out = {}
    for name in ("feed.xml", "atom.xml"):
        body = (site / name).read_bytes()
        etree.fromstring(body, STRICT)
        parsed = feedparser.parse(body)
        assert not parsed.bozo, parsed.get("bozo_exception")
        entry = next(e for e in parsed.entries if e.link == SITE + page)
        out[name] = lxml.html.fragment_fromstring(entry.content[0].value, create_parent="div")
    data = json.loads((site / "feed.json").read_text(encoding="utf-8"))
    item = next(i for i in data["items"] if i["url"] == SITE + page)
    out["feed.json"] = lxml.html.fragment_fromstring(item["content_html"], create_parent="div")
    return out


def words(doc: Any) -> str:
    return " ".join(doc.text_content().split())


def test_a_video_entry_has_the_watch_link_with_its_poster_duration_transcript_and_captions(
        site: Path) -> None:
    for name, doc in contents(site, "videos/tur/").items():
        watch = "https://youtu.be/dQw4w9WgXcQ?t=42"
        links = doc.xpath(f"//a[@href='{watch}']")
        assert len(links) == 1, name
        assert links[0].xpath("img/@src") == [SITE + "images/tur-poster.jpg"], name
        assert "Tonton video “Tur perpustakaan” di YouTube" in words(links[0]), name
        assert not doc.xpath("//iframe | //script | //video"), name
        text = words(doc)
        assert "Durasi video: 2:05" in text, name
        assert "Transkrip Halo semua, ini perpustakaan kami." in text, name
        assert doc.xpath("//a[contains(., 'WebVTT')]/@href") == [SITE + "videos/tur.vtt"], name
        # The page's order: the video, its duration, the transcript, the captions, the text.
        order = [text.find(s) for s in ("Tonton video", "Durasi video", "Halo semua",
                                         "Berkas teks video", "Selamat datang")]
        assert order == sorted(order) and -1 not in order, (name, order)


def test_a_review_entry_has_the_book_box_rating_in_words_and_catalogue_link(site: Path) -> None:
    for name, doc in contents(site, "reviews/dune/").items():
        text = words(doc)
        for fact in ("Judul: Dune", "Penulis: Frank Herbert", "Penerbit: Ace", "Tahun: 1990",
                     "ISBN: 9780441172719", "Nomor panggil: 813.54 HER d", "Nilai: 4 dari 5"):
            assert fact in text, (name, fact)
        assert doc.xpath("//a[.='Cari di katalog kami']/@href") == [
            "https://opac.example.org/?q=9780441172719"], name
        # The cover once, in the book box, before the review's own text.
        assert doc.xpath("//img/@src") == [SITE + "images/dune.jpg"], name
        assert doc.xpath("//img/@alt") == ["Sampul Dune"], name
        assert text.find("Nilai: 4 dari 5") < text.find("Bagus sekali."), name


def test_a_tutorial_entry_has_level_duration_objectives_and_prerequisites(site: Path) -> None:
    for name, doc in contents(site, "tutorials/dasar-opac/").items():
        text = words(doc)
        assert "Tingkat: Pemula" in text and "Durasi: 15 menit" in text, name
        objectives = doc.xpath("//h2[.='Yang akan Anda kuasai']/following-sibling::ul[1]/li")
        assert [li.text_content() for li in objectives] == ["Mencari buku berdasarkan judul"]
        needs = doc.xpath("//h2[.='Yang perlu disiapkan']/following-sibling::ul[1]/li")
        assert [li.text_content() for li in needs] == ["Kartu anggota"], name
        assert text.find("Kartu anggota") < text.find("Buka katalog."), name
        # Links in the article are still absolute.
        assert SITE + "reviews/dune/" in doc.xpath("//a/@href"), name


def test_a_long_transcript_is_cut_with_a_link_to_the_whole_one(site: Path) -> None:
    for name, doc in contents(site, "videos/rawat/").items():
        html = lxml.html.tostring(doc, encoding="unicode")
        assert len(html) <= LIMIT + 100, (name, len(html))
        text = words(doc)
        assert "Paragraf 1:" in text and "Paragraf 40:" not in text, name
        # Cut between paragraphs, never inside one.
        kept = [p for p in doc.xpath("//p") if p.text_content().startswith("Paragraf")]
        assert len(kept) >= 2 and all(p.text_content().rstrip().endswith("lisan")
                                      for p in kept), name
        # In the item's language (English), linking to the transcript on the page.
        assert doc.xpath("//a[starts-with(., 'Read the whole transcript')]/@href") == [
            SITE + "videos/rawat/#ks-transcript"], name
        assert "Tips merawat buku." in text, name  # the article itself is whole
        assert "Watch the video “Merawat buku tua”" in text, name


def test_a_video_file_is_the_enclosure_and_attachment_the_poster_its_thumbnail(
        site: Path) -> None:
    video_url, poster = SITE + "videos/berkas/rawat.mp4", SITE + "images/rawat.jpg"
    size = (site / "videos/berkas/rawat.mp4").stat().st_size
    item = etree.fromstring((site / "feed.xml").read_bytes(), STRICT).xpath(
        f"//item[link='{SITE}videos/rawat/']")[0]
    enclosures = item.findall("enclosure")
    assert [(e.get("url"), e.get("type"), e.get("length")) for e in enclosures] == [
        (video_url, "video/mp4", str(size))]
    media = item.findall("media:content", NS)
    assert [(m.get("url"), m.get("medium")) for m in media] == [
        (video_url, "video"), (poster, "image")]
    assert media[0].get("duration") == "90" and media[0].get("fileSize") == str(size)
    assert [t.get("url") for t in item.findall("media:thumbnail", NS)] == [poster]
    # The watch link is the file itself.
    html = item.findtext("content:encoded", namespaces=NS)
    assert f'href="{video_url}"' in html
    entry = etree.fromstring((site / "atom.xml").read_bytes(), STRICT).xpath(
        f"//atom:entry[atom:link[@rel='alternate']/@href='{SITE}videos/rawat/']",
        namespaces=NS)[0]
    assert [(link.get("href"), link.get("type")) for link in
            entry.findall("atom:link[@rel='enclosure']", NS)] == [
        (video_url, "video/mp4"), (poster, "image/jpeg")]
    data = json.loads((site / "feed.json").read_text(encoding="utf-8"))
    json_item = next(i for i in data["items"] if i["url"] == SITE + "videos/rawat/")
    assert json_item["attachments"] == [{"url": video_url, "mime_type": "video/mp4",
                                         "size_in_bytes": size, "duration_in_seconds": 90}]
    assert json_item["image"] == poster
    parsed = feedparser.parse((site / "feed.xml").read_bytes())
    rawat = next(e for e in parsed.entries if e.link == SITE + "videos/rawat/")
    assert [e["href"] for e in rawat.enclosures] == [video_url]
    assert rawat.media_thumbnail[0]["url"] == poster


def test_a_youtube_video_keeps_its_poster_as_enclosure_and_thumbnail(site: Path) -> None:
    item = etree.fromstring((site / "feed.xml").read_bytes(), STRICT).xpath(
        f"//item[link='{SITE}videos/tur/']")[0]
    poster = SITE + "images/tur-poster.jpg"
    assert item.find("enclosure").get("url") == poster
    assert item.find("media:content", NS).get("url") == poster
    assert [t.get("url") for t in item.findall("media:thumbnail", NS)] == [poster]


def test_ids_are_unchanged_and_the_same_in_every_format(site: Path) -> None:
    """The ids the build's record gives (issue 5), untouched by the richer content."""
    expected = sorted(f"tag:example.org,{day}:lib/{src}" for day, src in (
        ("2026-01-10", "tutorials/dasar-opac.md"), ("2026-01-12", "reviews/dune.md"),
        ("2026-01-13", "videos/tur.md"), ("2026-01-14", "videos/rawat.md")))
    rss = etree.fromstring((site / "feed.xml").read_bytes(), STRICT)
    assert sorted(rss.xpath("//item/guid/text()")) == expected
    atom = etree.fromstring((site / "atom.xml").read_bytes(), STRICT)
    assert sorted(atom.xpath("//atom:entry/atom:id/text()", namespaces=NS)) == expected
    data = json.loads((site / "feed.json").read_text(encoding="utf-8"))
    assert sorted(i["id"] for i in data["items"]) == expected


def test_first_part_keeps_whole_elements_or_the_start_of_the_text() -> None:
    html = absolute_html("<p>satu dua</p><p>tiga empat lima</p>", SITE, "x")
    assert first_part(html, 40) == "<div><p>satu dua</p></div>"
    long = absolute_html("<p>" + "kata " * 50 + "</p>", SITE, "x")
    cut = first_part(long, 60)
    text = lxml.html.fragment_fromstring(cut).text_content()
    assert text.startswith("kata kata") and text.endswith(" …") and len(cut) <= 60

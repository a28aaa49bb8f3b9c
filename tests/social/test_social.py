"""The bridge to social media: link previews, preview pictures, share kit, share buttons,
link-in-bio and short links — on a real Library built by the pipeline from a tiny site."""

from __future__ import annotations

import base64
import csv
import dataclasses
import hashlib
import io
import json
import re
import shutil
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit
from zoneinfo import ZoneInfo

import icalendar
import lxml.etree
import lxml.html
import pytest
from PIL import Image
from sitekit import cli, make_site, tree_digest

from generator.content.models import Item
from generator.content.settings import DEFAULT_SLOTS, PostingSlot
from generator.library.check import Options, run
from generator.library.library import Library
from generator.pictures.pool import Drawing, write_previews, write_site_preview
from generator.pictures.previews import (
    HEIGHT,
    MAX_BYTES,
    WIDTH,
    PreviewImage,
    render_preview,
)
from generator.pictures.previous import Previous
from generator.pictures.qr import qr_job
from generator.render.link_preview import listing_meta, og_locale, page_meta, render_head
from generator.render.share_buttons import render_share_buttons
from generator.social import ical, linkinbio, sharekit, shortlinks, slots

NOW = datetime(2026, 6, 1, tzinfo=UTC)
SITE = "https://example.org/lib/"
HOSTILE = '</script><script>alert(1)</script> "Kutip" & Co'
JAKARTA = ZoneInfo("Asia/Jakarta")


def _cover_png() -> bytes:
    image = Image.new("RGB", (900, 600))
    image.putdata([(x % 256, (x * y) % 256, y % 256) for y in range(600) for x in range(900)])
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


EXTRA: dict[str, str | bytes] = {
    "site_src/images/cover.png": _cover_png(),
    "site_src/tutorials/hostile.md": f"""\
---
title: '{HOSTILE.replace("'", "''")}'
summary: 'Ringkasan dengan <b>tag</b> & "kutip" dan </script> juga.'
date: 2026-01-11T12:30
authors: [ani]
topics: [literasi]
tags: [opac, OPAC, e-book, Bahasa Indonésia, "2024", "🙂", Literasi Informasi]
image: images/cover.png
image_alt: Sampul uji
level: beginner
pin: true
---
Isi.
""",
    "site_src/tutorials/panjang.md": """\
---
title: >-
  Panduan sangat panjang tentang menelusuri jurnal ilmiah nasional dan internasional
  lewat portal perpustakaan
summary: >-
  Ringkasan yang panjang sekali untuk menguji pemotongan unggahan X, menyebut situs
  perpustakaan.example.id dan https://garuda.kemdikbud.go.id serta berbagai basis data lain
  yang berguna bagi mahasiswa, dosen, peneliti, dan siapa saja yang ingin membaca lebih banyak.
date: 2026-01-14T20:15
authors: [ani]
topics: [literasi, sastra]
tags: [jurnal, garuda, doaj]
level: advanced
---
Isi.
""",
    "site_src/tutorials/draf.md": """\
---
title: Draf rahasia
summary: Belum terbit.
date: 2026-01-05
authors: [ani]
topics: [literasi]
level: beginner
draft: true
---
Isi.
""",
    "site_src/tutorials/nanti.md": """\
---
title: Terbit nanti
summary: Dijadwalkan.
date: 2027-01-05
authors: [ani]
topics: [literasi]
level: beginner
---
Isi.
""",
}


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_site(tmp_path_factory.mktemp("site"), EXTRA)


@pytest.fixture(scope="module")
def library(root: Path) -> Library:
    result = run(root, NOW)
    assert result.ok, result.diagnostics
    assert result.library is not None
    return result.library


@pytest.fixture(scope="module")
def previews(library: Library, root: Path, tmp_path_factory: pytest.TempPathFactory
             ) -> dict[str, PreviewImage]:
    out = tmp_path_factory.mktemp("out")
    return write_previews(library, root / "site_src", out)


def item(library: Library, slug: str) -> Item:
    return next(i for i in library.items if i.slug == slug)


def head(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(f"<html><head>{html}</head><body></body></html>")


def og(doc: lxml.html.HtmlElement, key: str) -> list[str]:
    return [str(v) for v in doc.xpath(f"//meta[@property='{key}' or @name='{key}']/@content")]


def json_ld(doc: lxml.html.HtmlElement) -> dict[str, object]:
    scripts = doc.xpath("//script[@type='application/ld+json']")
    assert len(scripts) == 1
    data = json.loads(scripts[0].text)
    assert isinstance(data, dict)
    return data


# -- link previews ------------------------------------------------------------------------------

def test_every_item_page_has_absolute_link_preview_tags(
        library: Library, previews: dict[str, PreviewImage]) -> None:
    for it in library.items:
        doc = head(render_head(page_meta(library, it, previews[it.src])))
        canonical = SITE + it.url
        assert doc.xpath("//link[@rel='canonical']/@href") == [canonical]
        assert og(doc, "og:url") == [canonical]
        assert og(doc, "og:type") == ["article"]
        assert og(doc, "og:title") == [it.title]
        assert og(doc, "og:description") == [it.summary]
        assert og(doc, "og:locale") == ["id_ID"]
        assert og(doc, "og:site_name") == ["Perpustakaan Uji"]
        assert og(doc, "og:image") == [SITE + f"previews/{it.kind.value}/{it.slug}.jpg"]
        assert og(doc, "og:image:width") == ["800"]
        assert og(doc, "og:image:height") == ["420"]
        assert og(doc, "og:image:alt") and og(doc, "og:image:alt")[0]
        assert og(doc, "article:published_time") == [it.date.isoformat()]
        assert og(doc, "article:modified_time")
        assert og(doc, "article:section")
        assert og(doc, "article:tag") == list(it.tags)
        assert og(doc, "twitter:card") == ["summary_large_image"]
        assert og(doc, "twitter:image") == og(doc, "og:image")
        for url in [*og(doc, "og:url"), *og(doc, "og:image"), *og(doc, "twitter:image")]:
            assert url.startswith(SITE), url


def test_without_picture_the_card_is_small(library: Library) -> None:
    doc = head(render_head(page_meta(library, item(library, "dune"), None)))
    assert og(doc, "twitter:card") == ["summary"]
    assert not og(doc, "og:image")


def test_engine_head_leaves_canonical_and_description_to_the_engine(library: Library) -> None:
    doc = head(render_head(page_meta(library, item(library, "dune"), None), engine_head=True))
    assert not doc.xpath("//link[@rel='canonical']")
    assert not doc.xpath("//meta[@name='description']")
    assert og(doc, "og:url") == [SITE + "reviews/dune/"]


def test_json_ld_per_type(library: Library, previews: dict[str, PreviewImage]) -> None:
    def data(slug: str) -> dict[str, object]:
        it = item(library, slug)
        return json_ld(head(render_head(page_meta(library, it, previews[it.src]))))

    tutorial = data("dasar-opac")
    assert tutorial["@context"] == "https://schema.org"
    assert tutorial["@type"] == ["LearningResource", "HowTo"]
    assert tutorial["name"] == "Dasar OPAC"
    assert tutorial["url"] == SITE + "tutorials/dasar-opac/"
    assert tutorial["educationalLevel"] == "beginner"
    assert tutorial["timeRequired"] == "PT15M"
    assert tutorial["teaches"] == ["Mencari buku berdasarkan judul"]
    assert tutorial["publisher"] == {"@type": "Organization", "name": "Perpustakaan Uji",
                                     "url": SITE}
    assert tutorial["author"] == [{"@type": "Person", "name": "Ani Lestari"}]
    assert tutorial["datePublished"] == "2026-01-10T00:00:00+07:00"
    assert tutorial["inLanguage"] == "id"
    image = tutorial["image"]
    assert isinstance(image, dict)
    assert image["url"] == SITE + "previews/tutorial/dasar-opac.jpg"
    assert (image["width"], image["height"]) == (800, 420)

    review = data("dune")
    assert review["@type"] == "Review"
    book = review["itemReviewed"]
    assert isinstance(book, dict)
    assert book["@type"] == "Book"
    assert book["name"] == "Dune"
    assert book["isbn"] == "9780441172719"
    assert book["author"] == [{"@type": "Person", "name": "Frank Herbert"}]
    assert review["reviewRating"] == {"@type": "Rating", "ratingValue": 4, "bestRating": 5,
                                      "worstRating": 1}
    assert review["author"] == [{"@type": "Person", "name": "Budi Santoso"}]
    assert isinstance(review["publisher"], dict)
    assert review["publisher"]["name"] == "Perpustakaan Uji"

    video = data("tur")
    assert video["@type"] == "VideoObject"
    assert video["name"] == "Tur perpustakaan"
    assert video["description"] == "Berkeliling perpustakaan dalam dua menit."
    assert video["uploadDate"] == "2026-01-13T00:00:00+07:00"
    assert video["thumbnailUrl"] == [SITE + "previews/video/tur.jpg"]
    assert video["duration"] == "PT2M5S"
    assert video["embedUrl"] == "https://www.youtube.com/embed/dQw4w9WgXcQ"
    assert isinstance(video["publisher"], dict)


def test_hostile_title_stays_inert_in_the_head(
        library: Library, previews: dict[str, PreviewImage]) -> None:
    it = item(library, "hostile")
    assert it.title == HOSTILE
    html = render_head(page_meta(library, it, previews[it.src]))
    assert "<script>alert" not in html
    assert html.count("</script>") == 1  # the JSON-LD block's own end
    doc = head(html)
    assert len(doc.xpath("//script")) == 1
    assert og(doc, "og:title") == [HOSTILE]
    assert og(doc, "twitter:title") == [HOSTILE]
    data = json_ld(doc)
    assert data["name"] == HOSTILE
    assert data["description"] == it.summary
    assert data["keywords"] == ", ".join(it.tags)
    # The JSON inside the script element has no raw <, > or & at all.
    body = html.split('<script type="application/ld+json">', 1)[1].rsplit("</script>", 1)[0]
    assert not set("<>&") & set(body)


def test_listing_pages_get_previews(library: Library, tmp_path: Path) -> None:
    site_image = write_site_preview(library, tmp_path)
    home = head(render_head(listing_meta(library, "", "Beranda", "Selamat datang.",
                                         image=site_image)))
    assert og(home, "og:type") == ["website"]
    assert og(home, "og:url") == [SITE]
    assert og(home, "og:image") == [SITE + "previews/site.jpg"]
    assert json_ld(home)["@type"] == "WebSite"
    listing = head(render_head(listing_meta(library, "tutorials/", "Tutorial", "Panduan.")))
    assert og(listing, "og:url") == [SITE + "tutorials/"]
    data = json_ld(listing)
    assert data["@type"] == "CollectionPage"
    assert data["url"] == SITE + "tutorials/"
    assert isinstance(data["isPartOf"], dict)
    staff = head(render_head(listing_meta(library, "share/", "Paket", "Staf.",
                                          robots="noindex")))
    assert staff.xpath("//meta[@name='robots']/@content") == ["noindex"]


@pytest.mark.parametrize(("lang", "locale"), [("id", "id_ID"), ("en", "en_US"),
                                              ("pt-BR", "pt_BR"), ("jv", "jv_ID")])
def test_og_locale(lang: str, locale: str) -> None:
    assert og_locale(lang) == locale


# -- preview pictures -----------------------------------------------------------------------------

def test_preview_pictures_are_800x420_small_and_reproducible(
        library: Library, root: Path, tmp_path: Path) -> None:
    first = write_previews(library, root / "site_src", tmp_path / "a")
    second = write_previews(library, root / "site_src", tmp_path / "b")
    assert set(first) == {i.src for i in library.items}
    for src, image in first.items():
        data = (tmp_path / "a" / image.path).read_bytes()
        assert data == (tmp_path / "b" / second[src].path).read_bytes(), src
        # What X, Facebook and WhatsApp show (docs/social.md), far under WhatsApp's 300 KB:
        # 22 KB a picture on the benchmark library (51 KB at 1200x630, quality 88).
        assert len(data) == image.bytes < min(MAX_BYTES, 60_000)
        with Image.open(io.BytesIO(data)) as picture:
            assert picture.size == (WIDTH, HEIGHT) == (image.width, image.height) == (800, 420)
            assert picture.format == "JPEG"
            assert not picture.info.get("exif")


def test_preview_uses_the_cover_when_there_is_one(root: Path) -> None:
    cover = root / "site_src/images/cover.png"
    with_cover = render_preview("Judul", "Tutorial", "Perpustakaan", cover, "id")
    plain = render_preview("Judul", "Tutorial", "Perpustakaan", None, "id")
    assert with_cover != plain
    assert with_cover == render_preview("Judul", "Tutorial", "Perpustakaan", cover, "id")
    broken = root / "site_src/images/cover.png.txt"
    broken.write_bytes(b"not a picture")
    assert render_preview("Judul", "Tutorial", "Perpustakaan", broken, "id") == plain
    for data in (with_cover, plain):
        assert len(data) < MAX_BYTES
        with Image.open(io.BytesIO(data)) as picture:
            assert picture.size == (WIDTH, HEIGHT)


@pytest.mark.parametrize("title", [
    "كيفية البحث في الفهرس",
    "Emoji 📚🧑‍💻 dan kontrol \x00\x1b\u2028 tetap aman",
    "中文标题没有空格" * 40,
    "W" * 500,
    " ".join(["Pengetahuan"] * 100),
    "",
    "\u0301\u200f",
])
def test_any_script_renders_without_error(title: str) -> None:
    data = render_preview(title, "Video", "Perpustakaan", None, "ar")
    assert len(data) < MAX_BYTES
    with Image.open(io.BytesIO(data)) as picture:
        assert picture.size == (WIDTH, HEIGHT)


def test_previous_site_pictures_are_reused_only_when_unchanged(
        library: Library, root: Path, tmp_path: Path) -> None:
    fresh = write_previews(library, root / "site_src", tmp_path / "fresh")
    # A picture left by the previous build is copied when its stamp matches ...
    again = write_previews(library, root / "site_src", tmp_path / "again",
                           Previous(tmp_path / "fresh"))
    for src in fresh:
        data = (tmp_path / "fresh" / fresh[src].path).read_bytes()
        assert (tmp_path / "again" / again[src].path).read_bytes() == data
    # ... and drawn again when it does not: a stale file (here: another title's picture)
    # is never taken for the new one.
    one, other = list(fresh.values())[:2]
    stale = tmp_path / "stale"
    shutil.copytree(tmp_path / "fresh", stale)
    (stale / one.path).write_bytes((stale / other.path).read_bytes())
    redrawn = write_previews(library, root / "site_src", tmp_path / "redrawn", Previous(stale))
    src = next(s for s, p in fresh.items() if p == one)
    assert (tmp_path / "redrawn" / redrawn[src].path).read_bytes() == (
        tmp_path / "fresh" / one.path).read_bytes()
    # A symlink in the previous site is not followed.
    (stale / one.path).unlink()
    (stale / one.path).symlink_to(tmp_path / "fresh" / one.path)
    assert not Previous(stale).has(one.path)


def test_pictures_drawn_by_worker_processes_are_the_same_bytes(tmp_path: Path) -> None:
    links = [shortlinks.ShortLink(f"c{n}", f"s/c{n}/", f"{SITE}s/c{n}/", SITE, f"s/c{n}/qr.svg")
             for n in range(70)]  # enough for the pool (artwork._POOL_FROM)
    jobs = [qr_job(link.url, link.qr_path) for link in links]
    pool = Drawing(jobs, tmp_path / "pool", workers=1).start()
    assert pool._futures  # really handed to another process
    pool.finish()
    Drawing(jobs, tmp_path / "here", workers=0).start().finish()
    assert tree_digest(tmp_path / "pool") == tree_digest(tmp_path / "here")
    assert len(tree_digest(tmp_path / "here")) == 70


# -- the share kit --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def posts(library: Library) -> list[sharekit.Post]:
    return sharekit.all_posts(library)


def at(library: Library, now: str, days_back: int = 0) -> Library:
    """The library as a build at ``now`` (Jakarta wall time) with ``share_kit_days_back``
    would see it: only what is published by then."""
    moment = datetime.fromisoformat(now).replace(tzinfo=JAKARTA)
    settings = dataclasses.replace(library.settings, share_kit_days_back=days_back)
    return dataclasses.replace(library, now=moment, settings=settings,
                               items=tuple(i for i in library.items
                                           if i.is_published(moment)))


# A build late in the year, every item's slot long past, looking ten years back: all of it.
EVERYTHING = ("2026-06-01T07:00", 3650)


def test_share_kit_covers_published_items_only(root: Path) -> None:
    result = run(root, NOW, Options(drafts=True, future=True))
    assert result.library is not None
    slugs = {i.slug for i in result.library.items}
    assert {"draf", "nanti"} <= slugs  # shown in the preview build …
    kit = {p.slug for p in sharekit.all_posts(result.library)}
    assert kit == {"dasar-opac", "dune", "tur", "hostile", "panjang"}  # … never in the kit


def test_posts_per_platform(posts: list[sharekit.Post]) -> None:
    by_item: dict[str, set[str]] = {}
    for p in posts:
        by_item.setdefault(p.slug, set()).add(p.platform)
    base = {"x", "facebook", "instagram", "whatsapp", "telegram"}
    assert by_item["dasar-opac"] == base
    assert by_item["dune"] == base
    assert by_item["tur"] == base | {"youtube", "tiktok"}
    insta = next(p for p in posts if p.slug == "dune" and p.platform == "instagram")
    assert "Tautan ada di bio kami." in insta.text
    assert "http" not in insta.text  # Instagram captions cannot link
    wa = next(p for p in posts if p.slug == "dune" and p.platform == "whatsapp")
    assert wa.text.startswith("*Dune: pasir dan kuasa*\n")
    assert wa.link in wa.text


def test_every_x_post_fits(posts: list[sharekit.Post]) -> None:
    x_posts = [p for p in posts if p.platform == "x"]
    assert x_posts
    for p in x_posts:
        assert sharekit.x_length(p.text) <= 280, p.text
        assert p.text.endswith(p.link) or p.link + "\n" in p.text
    long_one = next(p for p in x_posts if p.slug == "panjang")
    assert "…" in long_one.text
    assert long_one.link in long_one.text  # the link is never cut


def test_x_length_counts_like_x() -> None:
    assert sharekit.x_length("a" * 10) == 10
    assert sharekit.x_length("https://example.org/" + "x" * 100) == 23
    assert sharekit.x_length("see https://example.org/a.") == 4 + 23 + 1
    assert sharekit.x_length("中文") == 4
    assert sharekit.x_length("perpustakaan.id") >= 23  # X would link it
    assert sharekit.x_length("Pustaka \u2013 \u201ckutipan\u201d") == 19
    long = "kata " * 100
    text = sharekit.x_post(long.strip(), ["#A", "#B"], "https://example.org/" + "p" * 80)
    assert sharekit.x_length(text) <= 280
    assert text.endswith("\nhttps://example.org/" + "p" * 80)
    assert "…" in text


def test_every_link_is_tracked(posts: list[sharekit.Post]) -> None:
    for p in posts:
        parts = urlsplit(p.link)
        query = parse_qs(parts.query)
        slot = query.pop("utm_content")[0]
        assert query == {"utm_source": [p.platform], "utm_medium": ["social"],
                         "utm_campaign": [p.slug]}, p.link
        # The posting slot the suggested time falls in, as HHMM-HHMM (docs/analytics.md).
        start, end = slot.split("-")
        local = p.scheduled_at.strftime("%H%M")
        assert len(start) == len(end) == 4 and start <= local < end, (slot, p.scheduled_at)
        assert f"{parts.scheme}://{parts.netloc}{parts.path}" == p.item
        assert p.image == SITE + f"previews/{p.kind}/{p.slug}.jpg"


def test_tracked_keeps_an_existing_query_and_fragment() -> None:
    url = sharekit.tracked("https://e.org/a/?q=1&utm_source=old#bagian", "x", "slug")
    parts = urlsplit(url)
    assert parse_qs(parts.query) == {"q": ["1"], "utm_source": ["x"], "utm_medium": ["social"],
                                     "utm_campaign": ["slug"]}
    assert parts.fragment == "bagian"
    assert sharekit.tracked("https://e.org/a/", "facebook", "s") == (
        "https://e.org/a/?utm_source=facebook&utm_medium=social&utm_campaign=s")


def test_hashtags_from_topics_and_tags(library: Library) -> None:
    tags = sharekit.hashtags(library, item(library, "hostile"))
    assert tags == ["#LiterasiInformasi", "#Opac", "#EBook", "#BahasaIndonesia"]
    assert sharekit.hashtag("2024") is None
    assert sharekit.hashtag("🙂") is None
    assert sharekit.hashtag("café-baca 2") == "#CafeBaca2"
    for p in sharekit.all_posts(library):
        for tag in re.findall(r"(?<!\S)#\S+", p.text):
            assert re.fullmatch(r"#[A-Za-z0-9]+", tag), tag


def _slots() -> tuple[PostingSlot, ...]:
    out = []
    for text in DEFAULT_SLOTS:
        a, b = text.split("-")
        out.append(PostingSlot(int(a[:2]) * 60 + int(a[3:]), int(b[:2]) * 60 + int(b[3:])))
    return tuple(out)


@pytest.mark.parametrize(("published", "expected"), [
    ("2026-01-10T00:00", "2026-01-10T06:00"),  # before the first slot
    ("2026-01-10T07:15:30", "2026-01-10T07:15:30"),  # inside a slot: the moment itself
    ("2026-01-10T06:00", "2026-01-10T06:00"),  # a slot's start is inside it
    ("2026-01-10T08:00", "2026-01-10T11:00"),  # a slot's end is not
    ("2026-01-10T13:30", "2026-01-10T18:00"),
    ("2026-01-10T20:59", "2026-01-10T20:59"),
    ("2026-01-10T21:30", "2026-01-11T06:00"),  # across midnight
    ("2026-12-31T23:59", "2027-01-01T06:00"),  # across the year
])
def test_next_slot(published: str, expected: str) -> None:
    moment = datetime.fromisoformat(published).replace(tzinfo=JAKARTA)
    got = slots.next_slot(moment, _slots(), JAKARTA)
    assert got == datetime.fromisoformat(expected).replace(tzinfo=JAKARTA)
    assert got.isoformat().endswith("+07:00")


def test_next_slot_converts_from_other_zones() -> None:
    moment = datetime(2026, 1, 10, 16, 30, tzinfo=UTC)  # 23:30 in Jakarta
    got = slots.next_slot(moment, _slots(), JAKARTA)
    assert got.isoformat() == "2026-01-11T06:00:00+07:00"
    late = [PostingSlot(22 * 60, 24 * 60)]
    assert slots.next_slot(moment, late, JAKARTA) == moment
    assert slots.next_slot(moment - timedelta(hours=2), late, JAKARTA).isoformat() == (
        "2026-01-10T22:00:00+07:00")
    assert slots.next_slot(moment, [], JAKARTA) == moment
    other = timezone(timedelta(hours=-5))
    assert slots.next_slot(datetime(2026, 1, 10, 12, 0, tzinfo=other), _slots(),
                              JAKARTA).isoformat() == "2026-01-11T06:00:00+07:00"


def test_posts_get_the_slot_after_publication(posts: list[sharekit.Post]) -> None:
    times = {p.slug: p.scheduled_at.isoformat() for p in posts}
    assert times["dasar-opac"] == "2026-01-10T06:00:00+07:00"
    assert times["dune"] == "2026-01-12T11:00:00+07:00"  # 10:00 -> the 11:00 slot
    assert times["hostile"] == "2026-01-11T12:30:00+07:00"  # inside 11-13
    assert times["panjang"] == "2026-01-14T20:15:00+07:00"  # inside 18-21
    assert [p.scheduled_at for p in posts] == sorted(p.scheduled_at for p in posts)


def test_share_files(library: Library, posts: list[sharekit.Post], tmp_path: Path) -> None:
    library = at(library, *EVERYTHING)
    sharekit.write_share_kit(library, tmp_path / "a")
    sharekit.write_share_kit(library, tmp_path / "b")
    for name in ("posts.csv", "posts.json", "calendar.ics"):
        assert (tmp_path / "a/share" / name).read_bytes() == (
            tmp_path / "b/share" / name).read_bytes(), name

    with (tmp_path / "a/share/posts.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == ["scheduled_at", "platform", "text", "link", "image", "item"]
        rows = list(reader)
    assert len(rows) == len(posts)
    for row, p in zip(rows, posts, strict=True):
        assert datetime.fromisoformat(row["scheduled_at"]) == p.scheduled_at
        assert row["scheduled_at"].endswith("+07:00")
        assert (row["platform"], row["text"], row["link"], row["image"], row["item"]) == (
            p.platform, p.text, p.link, p.image, p.item)

    data = json.loads((tmp_path / "a/share/posts.json").read_text(encoding="utf-8"))
    assert [(d["platform"], d["text"], d["link"]) for d in data["posts"]] == [
        (p.platform, p.text, p.link) for p in posts]
    assert data["days_back"] == 3650 and "as_of" not in data  # never the clock
    for d in data["posts"]:
        assert datetime.fromisoformat(d["scheduled_at"]).utcoffset() == timedelta(hours=7)


def test_csv_guards_against_formulas(posts: list[sharekit.Post]) -> None:
    evil = [dataclasses.replace(posts[0], text=text, platform=platform)
            for text, platform in [("=HYPERLINK(\"http://x\")", "x"), ("+1", "-x"),
                                   ("@SUM(A1)", "x"), ("aman = ya", "x")]]
    rows = list(csv.DictReader(io.StringIO(sharekit.csv_text(evil), newline="")))
    assert [r["text"] for r in rows] == ["'=HYPERLINK(\"http://x\")", "'+1", "'@SUM(A1)",
                                         "aman = ya"]
    assert rows[1]["platform"] == "'-x"


def test_calendar_is_valid_icalendar(library: Library, tmp_path: Path) -> None:
    # 2026-01-12 10:00: "dune" has just been published; its slot (11:00) is still to come.
    # The kit looks three days back, but the calendar holds no past event.
    library = at(library, "2026-01-12T10:00", 3)
    kit = sharekit.kit_posts(library)
    posts = [p for p in kit if p.slug == "dune"]
    assert {p.slug for p in kit} == {"dune", "hostile", "dasar-opac"}
    sharekit.write_share_kit(library, tmp_path)
    raw = (tmp_path / "share/calendar.ics").read_bytes()
    assert raw.endswith(b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75, line
    calendar = icalendar.Calendar.from_ical(raw)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(posts)
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    by_src = {i.src: i for i in library.items}
    for event, p in zip(events, posts, strict=True):
        assert event.decoded("DTSTART") == p.scheduled_at >= library.now
        stamp = by_src[p.item_src].updated or by_src[p.item_src].date
        assert event.decoded("DTSTAMP") == stamp
        assert str(event["DESCRIPTION"]) == p.text
        assert str(event["URL"]) == p.link
        assert p.title in str(event["SUMMARY"])


def test_ics_folding_and_escaping() -> None:
    line = "DESCRIPTION:" + ical.ics_escape("a,b;c\\d\ne" + "é" * 80)
    folded = ical.fold(line)
    for piece in folded.split("\r\n"):
        assert len(piece.encode("utf-8")) <= 75
    assert folded.replace("\r\n ", "") == line
    assert line.startswith("DESCRIPTION:a\\,b\\;c\\\\d\\ne")


def test_share_page(library: Library, posts: list[sharekit.Post]) -> None:
    library = at(library, *EVERYTHING)
    page = sharekit.share_page(library, {i.src: f"{SITE}s/x/" for i in library.items})
    assert page.src == "share/index.md"
    assert page.url == "share/"
    front, body = page.markdown.split("---\n", 2)[1:]
    assert "search:\n  exclude: true" in front
    doc = lxml.html.fromstring(f"<div>{body}</div>")
    # No inline script: only the site's own file for the copy buttons.
    assert [s.get("src") for s in doc.xpath("//script")] == ["../assets/share.js"]
    texts = doc.xpath("//pre[@class='ks-kit-text']")
    assert len(texts) == len(posts)
    assert {t.text_content() for t in texts} == {p.text for p in posts}
    buttons = doc.xpath("//button[@data-ks-copy-from]")
    assert len(buttons) == len(texts)
    for button in buttons:
        assert button.get("hidden") is not None
        assert doc.xpath(f"//*[@id='{button.get('data-ks-copy-from')}']")
        assert not any(name.startswith("on") for name in button.attrib)
    assert doc.xpath("//a[@href='posts.csv']") and doc.xpath("//a[@href='calendar.ics']")
    # One folded block per item: its title, type and suggested time in the summary.
    blocks = doc.xpath("//details[@class='ks-kit-item']")
    assert len(blocks) == len({p.item for p in posts})
    assert all(b.get("open") is None for b in blocks)
    titles = [b.xpath("./summary/span[@class='ks-kit-title']")[0].text_content() for b in blocks]
    assert HOSTILE in titles
    hostile = blocks[titles.index(HOSTILE)]
    assert hostile.get("id") == "ks-kit-tutorial-hostile"
    summary = hostile.xpath("./summary")[0].text_content()
    assert "Tutorial" in summary and "11 Jan 2026, 12.30 WIB" in summary
    assert hostile.xpath(".//time/@datetime") == ["2026-01-11T12:30:00+07:00"]
    assert not re.search(r"\+0700|\d{4}-\d{2}-\d{2} \d", page.markdown)  # no raw times
    # All past (ten days back): under "earlier", latest first; nothing is due now.
    assert [h.get("id") for h in doc.xpath("//h2")] == ["ks-kit-earlier"]
    assert [b.get("id") for b in blocks][:2] == ["ks-kit-tutorial-panjang", "ks-kit-video-tur"]
    assert not doc.xpath("//*[@class='ks-kit-now']")
    ids = doc.xpath("//@id")
    assert len(ids) == len(set(ids))


def test_share_page_by_default_shows_only_what_is_still_to_post(library: Library) -> None:
    page = sharekit.share_page(at(library, "2026-01-12T11:30"))
    doc = lxml.html.fromstring(f"<div>{page.markdown.split('---', 2)[2]}</div>")
    blocks = doc.xpath("//details[@class='ks-kit-item']")
    assert [b.get("id") for b in blocks] == ["ks-kit-review-dune"]
    assert [h.get("id") for h in doc.xpath("//h2")] == ["ks-kit-coming"]
    # 11:00 has passed, the 11:00-13:00 slot has not: post it now.
    assert blocks[0].xpath(".//strong[@class='ks-kit-now']/text()") == ["unggah sekarang"]
    assert "12 Jan 2026, 11.00 WIB" in blocks[0].xpath("./summary")[0].text_content()
    assert "Hanya jadwal yang belum lewat saat situs terakhir dibangun" in page.markdown
    assert "11.30" not in page.markdown  # the build's clock is never printed
    assert len(blocks[0].xpath(".//pre[@class='ks-kit-text']")) == 5
    empty = sharekit.share_page(at(library, "2026-01-12T13:00"))
    assert "ks-kit-item" not in empty.markdown and "ks-kit-empty" in empty.markdown
    english = at(library, "2026-01-12T10:00", 2)
    english = dataclasses.replace(english, settings=dataclasses.replace(english.settings,
                                                                        language="en"))
    body = sharekit.share_page(english).markdown.split("---", 2)[2]
    doc = lxml.html.fromstring(f"<div>{body}</div>")
    assert [h.text_content() for h in doc.xpath("//h2")] == [
        "Coming up", "Earlier (last 2 days)"]
    # Dasar OPAC's slot ended 10 Jan 08:00, more than two days before: not shown.
    assert [b.xpath("./summary")[0].text_content() for b in doc.xpath("//details")] == [
        "Dune: pasir dan kuasa Book review · 12 Jan 2026, 11:00 am WIB",
        f"{HOSTILE} Tutorial · 11 Jan 2026, 12:30 pm WIB"]


# The build's "now" (Jakarta), share_kit_days_back -> the items in the kit's files and page,
# and those in the calendar. Slots: dasar-opac 10 Jan 06:00 (until 08:00), hostile 11 Jan
# 12:30 (until 13:00), dune 12 Jan 11:00 (until 13:00), tur 13 Jan 06:00 (until 08:00),
# panjang 14 Jan 20:15 (until 21:00).
@pytest.mark.parametrize(("now", "days_back", "kit", "calendar"), [
    ("2026-01-09T12:00", 0, set(), set()),  # nothing published yet
    ("2026-01-10T00:00", 0, {"dasar-opac"}, {"dasar-opac"}),  # published, slot to come
    ("2026-01-10T06:00", 0, {"dasar-opac"}, {"dasar-opac"}),  # its time exactly
    ("2026-01-10T07:59", 0, {"dasar-opac"}, set()),  # slot still open: in the kit only
    ("2026-01-10T08:00", 0, set(), set()),  # slot over
    ("2026-01-12T10:30", 0, {"dune"}, {"dune"}),
    ("2026-01-14T20:15", 0, {"panjang"}, {"panjang"}),  # published inside a slot
    ("2026-01-14T21:00", 0, set(), set()),
    ("2026-01-14T21:00", 1, {"panjang"}, set()),  # days back: past slots, no past events
    ("2026-01-14T21:00", 2, {"panjang", "tur"}, set()),
    ("2026-01-14T21:00", 4, {"panjang", "tur", "dune", "hostile"}, set()),
    ("2026-01-14T21:00", 5, {"panjang", "tur", "dune", "hostile", "dasar-opac"}, set()),
    ("2026-06-01T00:00", 0, set(), set()),
    ("2026-06-01T00:00", 3650, {"panjang", "tur", "dune", "hostile", "dasar-opac"}, set()),
])
def test_upcoming_only_and_days_back(library: Library, tmp_path: Path, now: str,
                                     days_back: int, kit: set[str], calendar: set[str]
                                     ) -> None:
    built = at(library, now, days_back)
    assert {p.slug for p in sharekit.kit_posts(built)} == kit
    sharekit.write_share_kit(built, tmp_path)
    rows = list(csv.DictReader(io.StringIO(
        (tmp_path / "share/posts.csv").read_text(encoding="utf-8"), newline="")))
    assert {urlsplit(r["item"]).path.rstrip("/").rsplit("/", 1)[-1] for r in rows} == kit
    data = json.loads((tmp_path / "share/posts.json").read_text(encoding="utf-8"))
    assert {d["slug"] for d in data["posts"]} == kit
    events = icalendar.Calendar.from_ical((tmp_path / "share/calendar.ics").read_bytes())
    starts = [e.decoded("DTSTART") for e in events.walk("VEVENT")]
    assert all(start >= built.now for start in starts)
    assert {str(e["UID"]).split(".")[2].split("@")[0] for e in events.walk("VEVENT")} == calendar
    page = sharekit.share_page(built)
    assert set(re.findall(r'<details class="ks-kit-item" id="ks-kit-\w+-([\w-]+)"',
                          page.markdown)) == kit


def test_slot_end() -> None:
    default = _slots()
    at_ = datetime(2026, 1, 10, 7, 15, tzinfo=JAKARTA)
    assert slots.slot_end(at_, default, JAKARTA) == at_.replace(hour=8, minute=0)
    assert slots.slot_end(at_.replace(hour=8, minute=0), default, JAKARTA) is None
    late = [PostingSlot(22 * 60, 24 * 60)]
    assert slots.slot_end(at_.replace(hour=23), late, JAKARTA) == datetime(
        2026, 1, 11, tzinfo=JAKARTA)
    assert slots.slot_end(at_, [], JAKARTA) is None
    # Published inside a slot: on time until its end; before the first: until 08:00.
    assert slots.open_until(at_, default, JAKARTA) == at_.replace(hour=8, minute=0)
    assert slots.open_until(at_.replace(hour=2), default, JAKARTA) == at_.replace(hour=8,
                                                                                   minute=0)
    assert slots.open_until(at_, [], JAKARTA) == at_


def test_a_build_keeps_to_its_now(tmp_path: Path) -> None:
    """A real build at SOURCE_DATE_EPOCH: the files and the staff page hold that moment's
    posts; with share_kit_days_back the past days' too."""
    epoch = int(datetime(2026, 1, 12, 10, 30, tzinfo=JAKARTA).timestamp())
    root = make_site(tmp_path / "a", EXTRA)
    assert cli("build", cwd=root, epoch=epoch).returncode == 0
    site = root / "site"
    csv_text = (site / "share/posts.csv").read_text(encoding="utf-8")
    assert {r["item"] for r in csv.DictReader(io.StringIO(csv_text, newline=""))} == {
        SITE + "reviews/dune/"}
    html = lxml.html.fromstring((site / "share/index.html").read_bytes())
    assert [d.get("id") for d in html.xpath("//details")] == ["ks-kit-review-dune"]
    assert "12 Jan 2026, 11.00 WIB" in html.xpath("//details/summary")[0].text_content()
    events = icalendar.Calendar.from_ical((site / "share/calendar.ics").read_bytes())
    assert len(list(events.walk("VEVENT"))) == 5
    yml = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(yml.replace(
        "      library_name: Perpustakaan Uji\n",
        "      library_name: Perpustakaan Uji\n      share_kit_days_back: 2\n"), "utf-8")
    assert cli("build", cwd=root, epoch=epoch).returncode == 0
    html = lxml.html.fromstring((site / "share/index.html").read_bytes())
    assert [d.get("id") for d in html.xpath("//details")] == [
        "ks-kit-review-dune", "ks-kit-tutorial-hostile"]
    data = json.loads((site / "share/posts.json").read_text(encoding="utf-8"))
    assert data["days_back"] == 2 and {d["slug"] for d in data["posts"]} == {"dune", "hostile"}


# -- share buttons and link in bio ----------------------------------------------------------------

def test_share_buttons_are_plain_links(library: Library) -> None:
    it = item(library, "hostile")
    html = str(render_share_buttons(library, it))
    assert "\n\n" not in html  # one HTML block for Markdown
    doc = lxml.html.fromstring(html)
    hrefs = [str(h) for h in doc.xpath("//a/@href")]
    prefixes = ["https://wa.me/?text=", "https://www.facebook.com/sharer/sharer.php?u=",
                "https://x.com/intent/post?text=", "https://t.me/share/url?url=",
                "mailto:?subject="]
    assert [next(p for p in prefixes if h.startswith(p)) for h in hrefs] == prefixes
    canonical = SITE + "tutorials/hostile/"
    for href in hrefs:
        query = parse_qs(urlsplit(href).query)
        assert any(canonical in v for values in query.values() for v in values), href
    assert parse_qs(urlsplit(hrefs[2]).query)["text"] == [HOSTILE]
    assert not doc.xpath("//script")
    for element in doc.iter():
        assert not any(name.startswith("on") for name in element.attrib)
    for needs in doc.xpath("//*[@data-ks-needs]"):
        assert needs.get("hidden") is not None
    assert doc.xpath("//button[@data-ks-copy]/@data-ks-copy") == [canonical]
    assert doc.xpath("//button[@data-ks-share-url]/@data-ks-share-title") == [HOSTILE]


def test_share_script_is_self_contained() -> None:
    script = (Path(__file__).parents[2] / "generator/assets/share.js").read_text()
    assert "navigator.clipboard" in script and "navigator.share" in script
    assert "http" not in script and "eval(" not in script and "innerHTML" not in script


def test_link_in_bio(library: Library) -> None:
    page = linkinbio.links_page(library)
    assert page.url == "links/"
    body = page.markdown.split("---\n", 2)[2]
    doc = lxml.html.fromstring(f"<div>{body}</div>")
    cards = doc.xpath("//a[@class='ks-bio-card']")
    slugs = [urlsplit(str(c.get("href"))).path.rstrip("/").rsplit("/", 1)[-1] for c in cards]
    assert slugs[0] == "hostile"  # pinned first
    assert slugs[1:] == ["panjang", "tur", "dune", "dasar-opac"]  # then newest
    assert "draf" not in slugs and "nanti" not in slugs
    for card, slug in zip(cards, slugs, strict=True):
        query = parse_qs(urlsplit(str(card.get("href"))).query)
        assert query == {"utm_source": ["linkinbio"], "utm_medium": ["social"],
                         "utm_campaign": [slug]}
    assert not doc.xpath("//script") and not doc.xpath("//img")
    assert len(page.markdown.encode()) < 10_000


def test_social_profiles() -> None:
    assert linkinbio.profile_url("instagram", "@perpus") == "https://www.instagram.com/perpus/"
    assert linkinbio.profile_url("tiktok", "perpus") == "https://www.tiktok.com/@perpus"
    assert linkinbio.profile_url("x", "https://x.com/perpus") == "https://x.com/perpus"
    assert linkinbio.profile_url("whatsapp", "+62 812-3456") == "https://wa.me/628123456"


# -- short links and QR codes --------------------------------------------------------------------

def test_short_codes_are_stable_and_unique() -> None:
    assert shortlinks.short_code("tutorials/dasar-opac") == shortlinks.short_code(
        "tutorials/dasar-opac")
    code = shortlinks.short_code("anything")
    assert re.fullmatch(r"[a-z2-7]{6}", code)
    when = datetime(2026, 1, 1, tzinfo=UTC)
    ids = [(f"item-{n}", when + timedelta(hours=n)) for n in range(3000)]
    codes = shortlinks.assign_codes(ids)
    assert len(set(codes.values())) == len(ids)
    assert codes == shortlinks.assign_codes(reversed(ids))


def test_colliding_codes_lengthen_the_newer_item() -> None:
    seen: dict[str, str] = {}
    n = 0
    while True:
        stable = f"id-{n}"
        code = shortlinks.short_code(stable)
        if code in seen:
            first, second = seen[code], stable
            break
        seen[code] = stable
        n += 1
    old, new = datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 2, 1, tzinfo=UTC)
    for entries in ([(first, old), (second, new)], [(second, new), (first, old)]):
        codes = shortlinks.assign_codes(entries)
        assert codes[first] == code
        assert len(codes[second]) > 6
        assert codes[second].startswith(code)
    swapped = shortlinks.assign_codes([(first, new), (second, old)])
    assert swapped[second] == code and len(swapped[first]) > 6


def test_redirect_pages_and_qr_codes(library: Library, tmp_path: Path) -> None:
    ids = {i.src: f"stable:{i.src}" for i in library.items}
    links = shortlinks.short_links(library, ids)
    assert links == shortlinks.short_links(library, ids)
    shortlinks.write_short_links(library, tmp_path, links)
    shortlinks.write_short_links(library, tmp_path / "again", links)
    assert len({link.code for link in links.values()}) == len(library.items)
    for it in library.items:
        link = links[it.src]
        assert link.code == shortlinks.short_code(f"stable:{it.src}")
        assert link.url == f"{SITE}s/{link.code}/"
        raw = (tmp_path / link.path / "index.html").read_bytes()
        assert raw.startswith(b"<!doctype html>")
        doc = lxml.html.fromstring(raw)
        assert doc.get("lang") == "id"
        assert doc.xpath("//head/title")[0].text_content().strip()
        assert doc.xpath("//meta[@charset]")
        canonical = SITE + it.url
        assert doc.xpath("//link[@rel='canonical']/@href") == [canonical]
        assert doc.xpath("//meta[@name='robots']/@content") == ["noindex"]
        refresh = str(doc.xpath("//meta[@http-equiv='refresh']/@content")[0])
        delay, target = refresh.split(";", 1)
        assert delay == "0"
        assert urljoin(link.url, target.strip().removeprefix("url=")) == canonical
        assert [urljoin(link.url, str(h)) for h in doc.xpath("//a/@href")] == [canonical]
        assert doc.xpath("//a")[0].text_content() == it.title
        # The one script carries the link's campaign along; the same on every redirect page,
        # and the only one the policy allows (by its hash).
        assert _redirect_script(doc) == REDIRECT_SCRIPT
        assert doc.xpath("//a/@data-campaign") == [
            f"utm_source=shortlink&utm_medium=print&utm_campaign={it.slug}"]
        csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
        assert len(csp) == 1 and "object-src 'none'" in str(csp[0])
        assert re.findall(r"'sha256-[^']+'", str(csp[0])) == [_sha256(REDIRECT_SCRIPT)]
        svg = (tmp_path / link.qr_path).read_bytes()
        assert svg == (tmp_path / "again" / link.qr_path).read_bytes()
        assert len(svg) < 10_000
        tree = lxml.etree.fromstring(svg)
        assert tree.tag == "{http://www.w3.org/2000/svg}svg"
        assert link.url in svg.decode()  # the title names the address it encodes


REDIRECT_SCRIPT = (
    '(function(){var a=document.getElementById("ks-target"),u=new URL(a.getAttribute("href"),'
    'location.href),q=new URLSearchParams(location.search),c=a.getAttribute("data-campaign"),'
    'own=false;q.forEach(function(v,k){if(k.indexOf("utm_")===0)own=true;});if(c&&!own)new '
    'URLSearchParams(c).forEach(function(v,k){q.set(k,v);});q.forEach(function(v,k)'
    '{u.searchParams.set(k,v);});if(!u.hash)u.hash=location.hash;location.replace(u.href);})();')


def _redirect_script(doc: lxml.html.HtmlElement) -> str:
    scripts = doc.xpath("//script")
    assert len(scripts) == 1 and scripts[0].get("src") is None
    return str(scripts[0].text)


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_hostile_title_in_redirect_page(library: Library, tmp_path: Path) -> None:
    links = shortlinks.short_links(library)
    shortlinks.write_short_links(library, tmp_path, links)
    it = item(library, "hostile")
    doc = lxml.html.fromstring((tmp_path / links[it.src].path / "index.html").read_bytes())
    assert _redirect_script(doc) == REDIRECT_SCRIPT  # the title never reaches the script
    assert doc.xpath("//a")[0].text_content() == HOSTILE


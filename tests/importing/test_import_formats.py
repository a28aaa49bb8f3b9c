"""Each source format, imported into a small site: the library then passes ``check``; posts
get the right type, front matter and body; hostile posts come through clean; what could not
come along is said per post; a broken source is a message, never a traceback."""

from __future__ import annotations

import csv
from pathlib import Path

import frontmatter
import pytest
from importkit import SOURCES, new_site, write_source
from sitekit import cli


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return new_site(tmp_path)


def _meta(site: Path, rel: str) -> frontmatter.Post:
    return frontmatter.load(site / "site_src" / rel)


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_an_imported_library_passes_check(site: Path, tmp_path: Path, name: str) -> None:
    source = write_source(tmp_path, name)
    done = cli("import", str(source), "--no-pictures", "--lang", "en", cwd=site)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "posts —" in done.stdout
    checked = cli("check", "--lang", "en", cwd=site)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    imported = sorted(p.name for p in (site / "site_src").rglob("*.md"))
    assert len(imported) >= 40
    # The rules for types: a YouTube frame or shortcode makes a video page, a review
    # category with the book's author and a rating a review, anything else a tutorial.
    assert (site / "site_src/videos/tur-virtual.md").is_file()
    assert (site / "site_src/reviews/resensi-laskar-pelangi.md").is_file()
    review = _meta(site, "reviews/resensi-laskar-pelangi.md")
    assert review["book"]["authors"] == ["Andrea Hirata"]
    assert review["book"]["isbn"] == "978-979-3062-79-2"
    assert review["rating"] == 5
    assert (site / "site_src/tutorials/ulasan-tanpa-nilai.md").is_file()
    assert "looks like a book review" in done.stderr
    video = _meta(site, "videos/tur-virtual.md")
    assert video["video"]["url"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert "youtube" not in video.content  # the page's video is shown above the text
    # Hostile posts: no script, no javascript: address survives.
    hostile = (site / "site_src/tutorials/script-jahat.md").read_text(encoding="utf-8")
    assert "<script" not in hostile and "javascript:" not in hostile and "alert" not in hostile
    # Duplicate titles get their own files.
    assert (site / "site_src/tutorials/jam-buka.md").is_file()
    assert (site / "site_src/tutorials/jam-buka-2.md").is_file()
    # Authors and topics the posts need are added.
    assert "siti-rahmawati:" in (site / "site_src/authors.yml").read_text(encoding="utf-8")
    topics = (site / "site_src/topics.yml").read_text(encoding="utf-8")
    assert "resensi-buku:" in topics and "literasi:" in topics  # the old ones kept


def test_pictures_of_a_hugo_site_are_copied_from_its_folder(site: Path, tmp_path: Path) -> None:
    source = write_source(tmp_path, "hugo")
    done = cli("import", str(source), "--no-pictures", cwd=site)
    assert done.returncode == 0, done.stderr
    copy = site / "site_src/images/imported/local/content/posts/galeri-kegiatan/rak.png"
    assert copy.is_file()
    body = _meta(site, "tutorials/galeri-kegiatan.md").content
    assert "](../images/imported/local/content/posts/galeri-kegiatan/rak.png)" in body


def test_wordpress_front_matter_and_body(site: Path, tmp_path: Path) -> None:
    done = cli("import", str(write_source(tmp_path, "wxr")), "--no-pictures", cwd=site)
    assert done.returncode == 0, done.stderr
    post = _meta(site, "tutorials/cara-mencari-jurnal.md")
    assert post["title"] == "Cara Mencari Jurnal di Garuda"
    assert post["summary"] == "Panduan singkat mencari jurnal di portal Garuda."  # the excerpt
    assert post["topics"] == ["tips-penelusuran"] and post["tags"] == ["jurnal", "garuda"]
    assert post["authors"] == ["siti-rahmawati"]
    # post_date_gmt 2019-01-02 07:15 UTC, written in the site's zone (Asia/Jakarta).
    assert str(post["date"]).startswith("2019-01-02") and "14:15" in str(post["date"])
    body = post.content
    assert "## Langkah 1" in body and "1. Buka garuda" in body
    assert "| Kolom | Arti |" in body
    assert "[Dikti](https://www.dikti.go.id/)" in body
    # Comments and custom fields are counted, per post, in the site's language.
    assert "3 komentar" in done.stderr and "harga_langganan" in done.stderr
    # A draft stays a draft; entities are read; Windows-1252 bytes become their letters.
    assert _meta(site, "tutorials/draf-rencana-lomba.md")["draft"] is True
    assert _meta(site, "tutorials/entitas.md")["title"] == "Entitas & tanda \"kutip\" \u2013 \u2026"
    assert "Pasted “quotes” from Word." in _meta(site, "tutorials/teks-windows.md").content
    assert "bukan UTF-8" in done.stderr
    # [caption] becomes a picture with its caption; [embed] of YouTube a video page;
    # [gallery] and the contact form are counted as lost.
    gallery = _meta(site, "videos/galeri-kegiatan.md")
    assert "![Rak buku baru](https://old.example.net/wp-content/uploads/rak.jpg)" in \
        gallery.content
    assert "Rak buku baru di lantai 2" in gallery.content
    assert "[gallery]" in done.stderr and "[contact-form-7]" in done.stderr
    assert "embed www.instagram.com" in done.stderr
    # A link to another old post points at its new file.
    assert "[cara mencari jurnal](../tutorials/cara-mencari-jurnal.md)" in _meta(
        site, "tutorials/tips-20.md").content
    # A huge post comes through whole.
    assert "Paragraf 5999" in _meta(site, "tutorials/katalog-besar.md").content


def test_old_addresses_on_another_host_are_listed_for_its_redirects(site: Path,
                                                                    tmp_path: Path) -> None:
    done = cli("import", str(write_source(tmp_path, "blogger")), "--no-pictures", cwd=site)
    assert done.returncode == 0, done.stderr
    lists = site / "import-redirects"
    with open(lists / "redirects.csv", encoding="utf-8") as f:
        rows = {r["old"]: r["new"] for r in csv.DictReader(f)}
    old = "https://perpus-lama.blogspot.com/2019/01/resensi-laskar-pelangi.html"
    assert rows[old] == "https://example.org/lib/reviews/resensi-laskar-pelangi/"
    with open(lists / "wordpress-redirection.csv", encoding="utf-8") as f:
        redirection = list(csv.DictReader(f))
    assert {"source": "/2019/01/resensi-laskar-pelangi.html",
            "target": "https://example.org/lib/reviews/resensi-laskar-pelangi/",
            "regex": "0", "code": "301"} in redirection
    blogger = (lists / "blogger-redirects.txt").read_text(encoding="utf-8")
    assert "From: /2019/01/resensi-laskar-pelangi.html\n" in blogger
    htaccess = (lists / "htaccess.txt").read_text(encoding="utf-8")
    assert ("RedirectMatch 301 ^/2019/01/resensi-laskar-pelangi\\.html$ "
            "https://example.org/lib/reviews/resensi-laskar-pelangi/") in htaccess
    # Drafts never had a public address: none listed.
    assert not any("draf" in key for key in rows)
    assert "aliases" not in _meta(site, "reviews/resensi-laskar-pelangi.md").metadata


@pytest.mark.parametrize(("content", "code", "words"), [
    (b"<?xml version='1.0'?><rss><channel><item><title>x</title>", 1, "broken at line 1"),
    (b'<?xml version="1.0"?>\n<rss xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>'
     b"<item><title>x</title></chanel>", 1, "broken at line 3"),
    (b"just some text, not an export", 1, "is not a format the import knows"),
    (b'<?xml version="1.0"?><rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">'
     b"<channel><item><wp:post_type>page</wp:post_type></item></channel></rss>", 1,
     "There are no posts"),
    (b'<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
     b'<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>&b;</title>'
     b"<wp:post_type>post</wp:post_type></item></channel></rss>", 0, "posts —"),
])
def test_a_broken_source_is_a_message_not_a_traceback(site: Path, tmp_path: Path,
                                                      content: bytes, code: int,
                                                      words: str) -> None:
    source = tmp_path / "export.xml"
    source.write_bytes(content)
    done = cli("import", str(source), "--no-pictures", "--lang", "en", cwd=site)
    assert done.returncode == code, done.stdout + done.stderr
    assert words in done.stdout + done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(("args", "words"), [
    (["nowhere.xml"], "was not found"),
    (["http://127.0.0.1:9/feed.xml"], "could not be fetched"),
    (["."], "is neither a Jekyll site"),
])
def test_a_source_that_cannot_be_read_is_a_message(site: Path, args: list[str],
                                                   words: str) -> None:
    done = cli("import", *args, "--lang", "en", cwd=site)
    assert done.returncode == 1
    assert words in done.stderr and "Traceback" not in done.stderr


def test_a_broken_mapping_file_is_a_message(site: Path, tmp_path: Path) -> None:
    mapping = tmp_path / "map.yml"
    mapping.write_text("kinds:\n  Resensi Buku: essay\n", encoding="utf-8")
    done = cli("import", str(write_source(tmp_path, "wxr")), "--map", str(mapping),
               "--lang", "en", cwd=site)
    assert done.returncode == 1 and "The mapping file" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_mapping_file_and_kind_option_decide_types(site: Path, tmp_path: Path) -> None:
    mapping = tmp_path / "map.yml"
    mapping.write_text("kinds:\n  Kegiatan: tutorial\nposts:\n"
                       "  https://old.example.net/2019/01/tur-virtual/: tutorial\n"
                       "authors:\n  siti: ani\ntopics:\n  Tips Penelusuran: literasi\n",
                       encoding="utf-8")
    done = cli("import", str(write_source(tmp_path, "wxr")), "--no-pictures", "--map",
               str(mapping), cwd=site)
    assert done.returncode == 0, done.stderr
    assert (site / "site_src/tutorials/tur-virtual.md").is_file()
    jurnal = _meta(site, "tutorials/cara-mencari-jurnal.md")
    assert jurnal["authors"] == ["ani"] and jurnal["topics"] == ["literasi"]
    assert "siti-rahmawati" not in (site / "site_src/authors.yml").read_text(encoding="utf-8")
    assert cli("check", cwd=site).returncode == 0

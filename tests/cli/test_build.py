"""Real builds with mkdocs + Material into tmp_path, asserted on the parsed HTML."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest
from sitekit import DRAFT, cli, make_site, tree_digest

pytestmark = pytest.mark.slow


def page(site: Path, url: str) -> lxml.html.HtmlElement:
    return lxml.html.parse(str(site / url / "index.html")).getroot()


def text(el: lxml.html.HtmlElement, xpath: str) -> str:
    return " ".join(" ".join(n.text_content().split()) for n in el.xpath(xpath))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_site(tmp_path_factory.mktemp("repo"))
    result = cli("build", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "warning" not in result.stderr.lower(), result.stderr
    return root / "site"


def test_every_item_has_a_page_with_its_fields(built: Path) -> None:
    tutorial = page(built, "tutorials/dasar-opac")
    assert text(tutorial, "//h1") == "Dasar OPAC"
    assert text(tutorial, "//*[contains(@class,'ks-level')]") == "Pemula"
    assert "15 menit" in text(tutorial, "//*[contains(@class,'ks-facts')]")
    assert "Mencari buku berdasarkan judul" in text(tutorial, "//ul[@class='ks-objectives']")
    assert "Kartu anggota" in text(tutorial, "//ul[@class='ks-prerequisites']")
    # A link to another item's source file points at that item's page.
    assert tutorial.xpath("//article//a[normalize-space()='resensi Dune']/@href") == [
        "../../reviews/dune/"]

    review = page(built, "reviews/dune")
    assert text(review, "//*[@class='ks-isbn']") == "9780441172719"
    assert review.xpath("//*[@class='ks-rating']/@aria-label") == ["4 dari 5"]
    assert text(review, "//*[@class='ks-call-number']") == "813.54 HER d"
    assert review.xpath("//a[contains(@class,'ks-catalog')]/@href") == [
        "https://opac.example.org/?q=9780441172719"]
    assert review.xpath("//title/text()")[0].startswith("Dune: pasir dan kuasa")

    video = page(built, "videos/tur")
    assert video.xpath("//a[contains(@class,'ks-player-button')]/@href") == [
        "https://youtu.be/dQw4w9WgXcQ?t=42"]
    assert not video.xpath("//iframe"), "no player may load before the patron asks"
    assert "Halo semua" in text(video, "//article")


def test_meta_description_is_the_summary(built: Path) -> None:
    review = page(built, "reviews/dune")
    assert review.xpath("//meta[@name='description']/@content") == [
        "Novel fiksi ilmiah klasik tentang planet gurun."]


def test_sources_and_data_files_are_not_published(built: Path) -> None:
    assert not (built / "authors.yml").exists()
    assert not (built / "topics.yml").exists()
    assert not list(built.rglob("*.md"))


def test_items_stay_out_of_the_global_navigation(built: Path) -> None:
    home = lxml.html.parse(str(built / "index.html")).getroot()
    nav_links = home.xpath("//nav[contains(@class,'md-nav--primary')]//a/@href")
    assert not [h for h in nav_links if "dasar-opac" in h or "reviews/dune" in h]
    assert any(h.rstrip("/").endswith("tutorials") for h in nav_links)


def test_listings_link_every_item(built: Path) -> None:
    listing = page(built, "tutorials")
    assert listing.xpath("//ul[contains(@class, 'ks-cards')]//a/@href") == ["dasar-opac/"]
    topic = page(built, "topics/literasi")
    assert sorted(topic.xpath("//ul[contains(@class, 'ks-cards')]//a/@href")) == [
        "../../tutorials/dasar-opac/", "../../videos/tur/"]


def test_no_request_to_another_host_in_page_heads(built: Path) -> None:
    for html in built.rglob("*.html"):
        doc = lxml.html.parse(str(html)).getroot()
        for url in doc.xpath("//script/@src | //link[@rel='stylesheet']/@href | //img/@src"
                             " | //link[@rel='preconnect']/@href | //iframe/@src"):
            assert not url.startswith(("http:", "https:", "//")), (html, url)


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    root = make_site(tmp_path / "repo")
    assert cli("build", "-d", str(tmp_path / "a"), cwd=root).returncode == 0
    assert cli("build", "-d", str(tmp_path / "b"), cwd=root).returncode == 0
    a, b = tree_digest(tmp_path / "a"), tree_digest(tmp_path / "b")
    assert a == b
    assert "sitemap.xml.gz" in a


def test_rebuild_over_the_previous_site_gives_a_fresh_builds_bytes(tmp_path: Path) -> None:
    """The previous site is the cache of pictures (previous_site.py): a rebuild reuses what is
    unchanged and draws again what is not, so it equals a build into an empty folder."""
    root = make_site(tmp_path / "repo")
    site = tmp_path / "site"
    assert cli("build", "-d", str(site), cwd=root).returncode == 0
    before = tree_digest(site)
    assert cli("build", "-d", str(site), cwd=root).returncode == 0
    assert tree_digest(site) == before
    source = next((root / "site_src").glob("tutorials/*.md"))
    source.write_text(source.read_text(encoding="utf-8").replace(
        "title: ", "title: Diubah — ", 1), encoding="utf-8")
    assert cli("build", "-d", str(site), cwd=root).returncode == 0
    assert cli("build", "-d", str(tmp_path / "fresh"), cwd=root).returncode == 0
    after = tree_digest(site)
    assert after == tree_digest(tmp_path / "fresh")
    changed = {p for p in after if p.startswith("previews/") and after[p] != before.get(p)}
    assert changed == {f"previews/tutorial/{source.stem}.jpg"}, changed


def test_same_bytes_without_source_date_epoch(tmp_path: Path) -> None:
    """Without SOURCE_DATE_EPOCH the sitemap date comes from the content, not the clock."""
    root = make_site(tmp_path / "repo")
    assert cli("build", "-d", str(tmp_path / "a"), cwd=root, epoch=None).returncode == 0
    assert cli("build", "-d", str(tmp_path / "b"), cwd=root, epoch=None).returncode == 0
    assert tree_digest(tmp_path / "a") == tree_digest(tmp_path / "b")


def test_failed_build_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    root = make_site(tmp_path / "repo")
    assert cli("build", cwd=root).returncode == 0
    before = tree_digest(root / "site")
    (root / "site_src/reviews/dune.md").write_text("---\ntitle: \"Dune\n---\n", encoding="utf-8")
    result = cli("build", cwd=root)
    assert result.returncode == 1
    assert "site_src/reviews/dune.md:2: error: yaml:" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(root / "site") == before
    assert sorted(p.name for p in root.iterdir()) == ["mkdocs.yml", "site", "site_src"]


def test_build_refuses_to_replace_the_sources(tmp_path: Path) -> None:
    root = make_site(tmp_path / "repo")
    result = cli("build", "-d", ".", cwd=root)
    assert result.returncode == 2
    assert (root / "site_src/tutorials/dasar-opac.md").is_file()



FUTURE = """\
---
title: Terjadwal nanti
summary: Terbit kemudian.
date: 2027-03-01T08:00
authors: [ani]
topics: [literasi]
level: beginner
---
Isi terjadwal.
"""


def _site_text(site: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace")
                     for p in site.rglob("*") if p.is_file() and p.suffix in (".html", ".xml",
                                                                               ".json"))


def test_drafts_and_future_items_are_published_nowhere(tmp_path: Path) -> None:
    root = make_site(tmp_path / "repo", {"site_src/tutorials/draf.md": DRAFT,
                                         "site_src/tutorials/nanti.md": FUTURE})
    assert cli("build", cwd=root).returncode == 0
    site = root / "site"
    assert not (site / "tutorials/draf").exists()
    assert not (site / "tutorials/nanti").exists()
    everything = _site_text(site)
    for secret in ("Draf rahasia", "Terjadwal nanti", "draf/", "nanti/", "Isi draf"):
        assert secret not in everything


def test_preview_build_shows_them_marked(tmp_path: Path) -> None:
    root = make_site(tmp_path / "repo", {"site_src/tutorials/draf.md": DRAFT,
                                         "site_src/tutorials/nanti.md": FUTURE})
    assert cli("build", "--drafts", "--future", cwd=root).returncode == 0
    site = root / "site"
    assert "DRAF" in text(page(site, "tutorials/draf"), "//*[@class='ks-banner']")
    assert "TERJADWAL" in text(page(site, "tutorials/nanti"), "//*[@class='ks-banner']")


def test_scheduled_item_appears_once_its_time_has_come(tmp_path: Path) -> None:
    root = make_site(tmp_path / "repo", {"site_src/tutorials/nanti.md": FUTURE})
    # 2027-03-01T08:00 in Jakarta is 01:00 UTC = 1803862800.
    assert cli("build", cwd=root, epoch=1803862799).returncode == 0
    assert not (root / "site/tutorials/nanti").exists()
    assert cli("build", cwd=root, epoch=1803862800).returncode == 0
    assert (root / "site/tutorials/nanti/index.html").is_file()


def test_plain_mkdocs_build_reports_content_errors_without_traceback(tmp_path: Path) -> None:
    root = make_site(tmp_path / "repo", {"site_src/tutorials/rusak.md": "---\ntitle: [\n---\n"})
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode != 0
    assert "site_src/tutorials/rusak.md" in result.stderr
    assert "Traceback" not in result.stderr
    # mkdocs' last line says, in the site's language, what is wrong and what to run.
    last = [line for line in (result.stderr + result.stdout).splitlines() if line.strip()][-1]
    assert last.startswith("knowledge-site: situs tidak dibangun"), last
    assert "`knowledge-site check`" in last
    assert "BuildError" not in result.stdout + result.stderr


def test_html_kept_out_of_markdown_comes_back_where_it_was() -> None:
    """The plugin hands Markdown a placeholder for the HTML around an item's body and puts
    the HTML back after; a body that writes a look-alike comment must not take its place."""
    from generator.site.finish import BODY_END, BODY_START
    from generator.site.finish import lift as _lift_html

    forged = "<!-- ks-html 1 -->"  # the old, guessable placeholder of the footer
    page = (f"<div>head</div>\n\n{BODY_START}\n\n{forged} text\n\n{BODY_END}\n\n"
            "<div>foot</div>\n")
    lifted, parts = _lift_html(page)
    assert "<div>" not in lifted and [p for _, p in parts] == ["<div>head</div>",
                                                                "<div>foot</div>"]
    for slot, part in parts:
        lifted = lifted.replace(slot, part, 1)
    assert lifted.index("<div>head</div>") < lifted.index(forged) < lifted.index("foot")


def test_an_engine_not_installed_is_named_with_its_install_command(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import dataclasses

    from generator.cli.main import main
    from generator.engine import choice

    root = make_site(tmp_path / "repo")
    missing = dataclasses.replace(choice.ENGINES["zensical"], module="no_such_engine_here")
    monkeypatch.setitem(choice.ENGINES, "zensical", missing)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    assert main(["-C", str(root), "--lang", "en", "build", "--engine", "zensical"]) == 2
    err = capsys.readouterr().err
    assert "The `zensical` engine is not installed" in err
    assert "pip install 'knowledge-site[zensical]'" in err and "Traceback" not in err
    assert not (root / "site").exists()


def test_export_says_what_replaced_it(tmp_path: Path) -> None:
    root = make_site(tmp_path / "repo")
    result = cli("export", str(tmp_path / "out"), cwd=root)
    assert result.returncode == 2
    assert "--engine zensical" in result.stderr and "docs/engines.md" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_build_that_would_make_the_machine_swap_stops_first(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from generator.cli.main import main
    from generator.engine import choice

    root = make_site(tmp_path / "repo")
    monkeypatch.setattr(choice, "available_mib", lambda: 50)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    assert main(["-C", str(root), "--lang", "en", "build", "--engine", "zensical"]) == 1
    err = capsys.readouterr().err
    assert "needs about" in err and "only 50 MB free" in err and "Traceback" not in err
    assert not (root / "site").exists()
    monkeypatch.setattr(choice, "available_mib", lambda: None)  # unknown: build as usual
    assert choice.memory_shortfall("zensical", 10_000) is None

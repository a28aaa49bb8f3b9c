"""An imported library as a site: it builds, and the old addresses on the site's own host
redirect to the new pages; pictures reachable on the old host are copied into the site, the
unreachable ones listed."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import frontmatter
import pytest
from importing.fixtures import exports
from importing.fixtures.exports import PNG
from importkit import new_site
from lxml import html
from sitekit import cli

pytestmark = pytest.mark.slow


def test_old_addresses_on_the_same_host_redirect_after_the_build(tmp_path: Path) -> None:
    site = new_site(tmp_path)
    # The old WordPress lived where the new site lives (https://example.org/lib/).
    source = exports.wxr(tmp_path / "wordpress.xml", base="https://example.org/lib")
    done = cli("import", str(source), "--no-pictures", "--lang", "en", cwd=site)
    assert done.returncode == 0, done.stderr
    assert "41 keep working on this site (aliases); 0 are on another host" in done.stdout
    post = frontmatter.load(site / "site_src/tutorials/cara-mencari-jurnal.md")
    assert post["aliases"] == ["/2019/01/cara-mencari-jurnal/"]
    out = tmp_path / "out"
    built = cli("build", "-d", str(out), cwd=site)
    assert built.returncode == 0, built.stdout + built.stderr
    for old, new in (("2019/01/cara-mencari-jurnal", "tutorials/cara-mencari-jurnal/"),
                     ("2019/01/resensi-laskar-pelangi", "reviews/resensi-laskar-pelangi/"),
                     ("2019/01/tur-virtual", "videos/tur-virtual/")):
        page = html.parse(str(out / old / "index.html")).getroot()
        assert page.xpath("//link[@rel='canonical']/@href") == [f"https://example.org/lib/{new}"]
        refresh = page.xpath("//meta[@http-equiv='refresh']/@content")[0]
        target = (out / old / refresh.split("url=", 1)[1]).resolve()
        assert target == (out / new).resolve() and (target / "index.html").is_file()
    # The new page carries what the post said.
    article = html.parse(str(out / "tutorials/cara-mencari-jurnal/index.html")).getroot()
    assert article.xpath("//h1")[0].text_content().strip() == "Cara Mencari Jurnal di Garuda"
    assert article.xpath("//table//td[text()='Judul artikel']")
    # Pages that only lived in the export (the draft) are published nowhere.
    assert not (out / "tutorials/draf-rencana-lomba").exists()


class _Pictures(BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []
    feed: ClassVar[list[bytes]] = []

    def do_GET(self) -> None:
        _Pictures.hits.append(self.path)
        if self.path == "/feed/" and _Pictures.feed:
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            self.wfile.write(_Pictures.feed[0])
        elif self.path.endswith("rak.jpg"):
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(PNG)
        else:
            self.send_error(404)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def old_host() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pictures)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Pictures.hits = []
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_reachable_pictures_are_copied_and_the_others_listed(tmp_path: Path,
                                                             old_host: str) -> None:
    site = new_site(tmp_path)
    source = exports.wxr(tmp_path / "wordpress.xml", base=old_host)
    text = source.read_text(encoding="utf-8", errors="replace").replace(
        "https://old.example.net", old_host)
    source.write_text(text, encoding="utf-8")
    done = cli("import", str(source), "--lang", "en", cwd=site)
    assert done.returncode == 0, done.stderr
    copies = list((site / "site_src/images/imported/127.0.0.1").glob("rak-*.png"))
    assert len(copies) == 1 and copies[0].read_bytes() == PNG
    body = frontmatter.load(site / "site_src/videos/galeri-kegiatan.md").content
    assert f"![Rak buku baru](../images/imported/127.0.0.1/{copies[0].name})" in body
    assert "gedung.png could not be fetched (HTTP 404)" in done.stderr
    assert "Pictures: 1 copied" in done.stdout
    checked = cli("check", "--lang", "en", cwd=site)
    assert checked.returncode == 0, checked.stdout
    assert "rak" not in checked.stdout  # the copy is the site's own picture now
    # Again: the copy is known from the ledger, not fetched a second time.
    hits = len([h for h in _Pictures.hits if h.endswith("rak.jpg")])
    assert cli("import", str(source), cwd=site).returncode == 0
    assert len([h for h in _Pictures.hits if h.endswith("rak.jpg")]) == hits


def test_a_feed_is_read_from_its_address(tmp_path: Path, old_host: str) -> None:
    site = new_site(tmp_path)
    _Pictures.feed[:] = [exports.rss(tmp_path / "feed.rss").read_bytes()]
    done = cli("import", f"{old_host}/feed/", "--no-pictures", "--lang", "en", cwd=site)
    assert done.returncode == 0, done.stderr
    assert "feed import: 41 posts" in done.stdout
    assert cli("check", cwd=site).returncode == 0

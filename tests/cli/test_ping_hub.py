"""``knowledge-site ping-hub`` against a local WebSub hub (http.server on 127.0.0.1): after a
rebuild that changed one item, exactly the feeds carrying it are announced, in the form
WebSub publishers use (POST, form-encoded hub.mode=publish and hub.url)."""

from __future__ import annotations

import shutil
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from sitekit import MKDOCS_YML, TUTORIAL, cli, make_site

SITE = "https://example.org/lib/"
HUB = "https://hub.example.org/"


class Hub:
    """A hub that records each POST (content type, form fields) and answers ``status``."""

    def __init__(self, status: int) -> None:
        self.status = status
        self.posts: list[tuple[str, dict[str, list[str]]]] = []
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length).decode("ascii")
                hub.posts.append((self.headers.get("Content-Type", ""), parse_qs(body)))
                self.send_response(hub.status)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The site before and after editing the tutorial (topic literasi, author ani)."""
    root = make_site(tmp_path_factory.mktemp("repo"), {
        "mkdocs.yml": MKDOCS_YML + f"      websub_hub: {HUB}\n"})
    first = cli("build", "-d", str(root / "before"), cwd=root)
    assert first.returncode == 0, first.stderr
    (root / "site_src/tutorials/dasar-opac.md").write_text(
        TUTORIAL.replace("Buka katalog.", "Buka katalog daring."), encoding="utf-8")
    second = cli("build", "-d", str(root / "after"), cwd=root)
    assert second.returncode == 0, second.stderr
    return root / "before", root / "after"


def _with_hub(after: Path, hub_url: str, into: Path) -> Path:
    """The new site with its manifest naming the local hub (the feeds name HUB)."""
    shutil.copytree(after, into)
    manifest = into / "feeds-manifest.json"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(HUB, hub_url),
                        encoding="utf-8")
    return into


@pytest.fixture()
def hub() -> Iterator[Hub]:
    server = Hub(204)
    yield server
    server.close()


def test_every_feed_names_the_hub(sites: tuple[Path, Path]) -> None:
    import json

    from lxml import etree

    _, after = sites
    atom = "{http://www.w3.org/2005/Atom}"
    for path in [*after.rglob("feed.xml"), *after.rglob("atom.xml")]:
        root = etree.fromstring(path.read_bytes())
        links = root.findall(f"channel/{atom}link[@rel='hub']" if root.tag == "rss"
                             else f"{atom}link[@rel='hub']")
        assert [link.get("href") for link in links] == [HUB], path
    data = json.loads((after / "feed.json").read_text(encoding="utf-8"))
    assert data["hubs"] == [{"type": "WebSub", "url": HUB}]


def test_only_the_feeds_carrying_the_changed_item_are_announced(
        sites: tuple[Path, Path], hub: Hub, tmp_path: Path) -> None:
    before, after = sites
    new = _with_hub(after, hub.url, tmp_path / "new")
    result = cli("ping-hub", "-d", str(new), "--previous", str(before), "--lang", "en",
                 cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert {ctype for ctype, _ in hub.posts} == {"application/x-www-form-urlencoded"}
    assert all(form["hub.mode"] == ["publish"] and len(form) == 2 for _, form in hub.posts)
    announced = sorted(form["hub.url"][0] for _, form in hub.posts)
    assert announced == sorted(SITE + p for p in (
        "feed.xml", "atom.xml", "feed.json", "tutorials/feed.xml", "tutorials/atom.xml",
        "topics/literasi/feed.xml", "topics/literasi/atom.xml",
        "authors/ani/feed.xml", "authors/ani/atom.xml"))
    assert "told of 9 of 9 changed feed(s)" in result.stdout
    # Nothing changed since: nobody is contacted.
    hub.posts.clear()
    again = cli("ping-hub", "-d", str(new), "--previous", str(new / "feeds-manifest.json"),
                "--lang", "en", cwd=tmp_path)
    assert again.returncode == 0 and hub.posts == [] and "No feed changed" in again.stdout


def test_a_hub_that_refuses_is_a_warning_and_exit_0(sites: tuple[Path, Path],
                                                     tmp_path: Path) -> None:
    before, after = sites
    server = Hub(500)
    try:
        new = _with_hub(after, server.url, tmp_path / "new")
        result = cli("ping-hub", "-d", str(new), "--previous", str(before), "--lang", "en",
                     cwd=tmp_path)
    finally:
        server.close()
    assert result.returncode == 0
    assert "Warning: the WebSub hub" in result.stderr and "refused" in result.stderr
    assert "(HTTP 500)" in result.stderr and "published anyway" in result.stderr


def test_a_hub_that_does_not_answer_is_a_warning_and_exit_0(sites: tuple[Path, Path],
                                                            tmp_path: Path) -> None:
    before, after = sites
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    new = _with_hub(after, f"http://127.0.0.1:{port}/", tmp_path / "new")
    result = cli("ping-hub", "-d", str(new), "--previous", str(before), cwd=tmp_path)
    assert result.returncode == 0
    assert "Peringatan: hub WebSub" in result.stderr and "tidak bisa dihubungi" in \
        result.stderr

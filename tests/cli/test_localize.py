"""``knowledge-site localize-images``: pictures from other hosts copied into site_src/images/
and the links pointed at the copies, touching nothing else; nothing changes when a picture
cannot be fetched. The "other host" is a small HTTP server on 127.0.0.1 in the test."""

from __future__ import annotations

import http.server
import io
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from sitekit import cli, make_site

HEAD = "---\ntitle: Peta\nsummary: Peta lama.\ndate: 2026-01-10\nauthors: [ani]\n" \
       "topics: [literasi]\nlevel: beginner\n---\n"


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 3), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def host() -> Iterator[str]:
    picture = _png()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path.startswith("/peta"):
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.end_headers()
                self.wfile.write(picture)
            else:
                self.send_error(404)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_pictures_are_copied_and_links_pointed_at_them(tmp_path: Path, host: str) -> None:
    body = (f"Sebelum.\n\n![Peta lama]({host}/peta.png)\n\n"
            f'<img src="{host}/peta-2.png" alt="Peta kedua">\n\nKode: `{host}/x.png`.\n')
    root = make_site(tmp_path, {"site_src/tutorials/peta.md": HEAD + body})
    source = root / "site_src/tutorials/peta.md"
    source.write_bytes(source.read_bytes().replace(b"\n", b"\r\n"))  # a Windows editor's file
    assert "image.remote" in cli("check", "--format", "json", cwd=root).stdout
    result = cli("localize-images", cwd=root)
    assert result.returncode == 0, result.stderr
    text = source.read_bytes()
    assert b"\r\n" in text and b"\n" not in text.replace(b"\r\n", b"")  # line ends kept
    copies = sorted((root / "site_src/images/remote/127.0.0.1").iterdir())
    assert [p.suffix for p in copies] == [".png", ".png"]
    for copy in copies:
        assert f"../images/remote/127.0.0.1/{copy.name}".encode() in text
    assert f"`{host}/x.png`".encode() in text  # code is not a picture: untouched
    # Only the two addresses changed, each to its copy.
    after = source.read_text(encoding="utf-8").replace("\r\n", "\n")
    copied = re.sub(r"\.\./images/remote/127\.0\.0\.1/[^)\"]+", "COPY", after)
    assert copied == HEAD + body.replace(f"{host}/peta.png", "COPY").replace(
        f"{host}/peta-2.png", "COPY")
    check = cli("check", "--format", "json", cwd=root)
    assert check.returncode == 0 and "image.remote" not in check.stdout


def test_nothing_changes_when_a_picture_cannot_be_fetched(tmp_path: Path, host: str) -> None:
    body = f"![Ada]({host}/peta.png)\n\n![Hilang]({host}/hilang.png)\n"
    root = make_site(tmp_path, {"site_src/tutorials/peta.md": HEAD + body})
    before = (root / "site_src/tutorials/peta.md").read_bytes()
    result = cli("localize-images", "--lang", "en", cwd=root)
    assert result.returncode == 1
    assert f"{host}/hilang.png could not be downloaded: HTTP 404" in result.stderr
    assert "No file was changed" in result.stderr and "Traceback" not in result.stderr
    assert (root / "site_src/tutorials/peta.md").read_bytes() == before
    assert not (root / "site_src/images").exists()

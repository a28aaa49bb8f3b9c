"""`serve`: a live preview on 127.0.0.1 only, with drafts and scheduled items marked."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from sitekit import DRAFT, cli, make_site


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _fetch(url: str, until: str = "", seconds: float = 60) -> str:
    """The page at ``url`` once it answers (and contains ``until``), or "" after ``seconds``."""
    deadline = time.monotonic() + seconds
    body = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8")
            if until in body:
                return body
        except OSError:
            pass
        time.sleep(0.3)
    return body


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_serve_previews_drafts_with_a_banner_and_shows_edits(tmp_path: Path,
                                                              engine: str) -> None:
    root = make_site(tmp_path, {"site_src/tutorials/draf.md": DRAFT})
    port = _free_port()
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1790000000"}
    proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--engine", engine,
                             "-a", f"127.0.0.1:{port}"], cwd=root, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = f"http://127.0.0.1:{port}/lib/tutorials/draf/"
        body = _fetch(url, "ks-banner")
        assert "ks-banner" in body and "DRAF" in body
        assert "Content-Security-Policy" in body, "the preview is finished like the site"
        source = root / "site_src/tutorials/dasar-opac.md"
        source.write_text(source.read_text(encoding="utf-8").replace(
            "title: Dasar OPAC", "title: Dasar OPAC yang Diperbarui"), encoding="utf-8")
        edited = _fetch(f"http://127.0.0.1:{port}/lib/tutorials/dasar-opac/",
                        "Dasar OPAC yang Diperbarui", seconds=90)
        assert "Dasar OPAC yang Diperbarui" in edited
        assert not (root / "site").exists(), "serve writes no site/ folder"
        assert sorted(p.name for p in (root / "site_src/tutorials").iterdir()) == [
            "dasar-opac.md", "draf.md"], "nothing is written into site_src/"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_serve_refuses_other_addresses(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    result = cli("serve", "-a", "0.0.0.0:8000", cwd=root)
    assert result.returncode == 2
    assert "127.0.0.1" in result.stderr

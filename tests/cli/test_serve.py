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


@pytest.mark.slow
def test_serve_previews_drafts_with_a_banner(tmp_path: Path) -> None:
    root = make_site(tmp_path, {"site_src/tutorials/draf.md": DRAFT})
    port = _free_port()
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1790000000"}
    proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "-a",
                             f"127.0.0.1:{port}"], cwd=root, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = f"http://127.0.0.1:{port}/lib/tutorials/draf/"
        deadline = time.monotonic() + 60
        body = ""
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    body = response.read().decode("utf-8")
                    break
            except OSError:
                time.sleep(0.3)
        assert "ks-banner" in body and "DRAF" in body
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

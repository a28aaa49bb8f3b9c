"""The built site as web servers and deploys meet it (issue 22): readable by everyone, files
whose bytes did not change keep their modification time, and a size report with a warning
over the deploy target's limit. Real builds into tmp_path."""

from __future__ import annotations

import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sitekit import cli, make_site, tree_digest


@contextmanager
def umask(mask: int) -> Iterator[None]:
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_site(tmp_path_factory.mktemp("output"))
    with umask(0o022):
        first = cli("build", cwd=root)
        assert first.returncode == 0, first.stderr
        again = cli("build", cwd=root)  # over an existing site: the swap path
        assert again.returncode == 0, again.stderr
    return root


def test_every_folder_0755_and_file_0644_with_umask_022(built: Path) -> None:
    site = built / "site"
    modes: dict[str, set[str]] = {"dir": set(), "file": set()}
    odd = []
    for path in [site, *site.rglob("*")]:
        mode = stat.S_IMODE(path.lstat().st_mode)
        kind = "dir" if path.is_dir() else "file"
        modes[kind].add(oct(mode))
        if mode != (0o755 if kind == "dir" else 0o644):
            odd.append((str(path.relative_to(site)), oct(mode)))
    assert not odd, odd[:20]
    # the files written through temporary files are among them
    assert any((site / "previews").rglob("*.jpg"))
    assert any((site / "s").rglob("*.svg"))


def test_a_stricter_umask_is_honoured(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    with umask(0o027):
        assert cli("build", cwd=root).returncode == 0
    site = root / "site"
    assert stat.S_IMODE(site.stat().st_mode) == 0o750
    assert stat.S_IMODE((site / "index.html").stat().st_mode) == 0o640


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("setpriv") is None,
                    reason="serving as another user needs root and setpriv")
def test_another_user_can_serve_the_site(built: Path) -> None:
    """A web server running as "nobody" (as nginx or Apache do) reads every kind of file."""
    # pytest's temporary folders are private to the test's user: copy the site, modes kept,
    # into a folder of its own under the system's temporary folder.
    served = Path(tempfile.mkdtemp(prefix="ks-www-"))
    served.chmod(0o755)
    shutil.copytree(built / "site", served / "site", copy_function=shutil.copy2)
    port = _free_port()
    server = subprocess.Popen(
        ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", sys.executable,
         "-m", "http.server", str(port), "--bind", "127.0.0.1", "-d", str(served / "site")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        site = served / "site"
        picks = ["index.html", next(site.rglob("*.jpg")), next((site / "s").rglob("*.svg")),
                 "feed.xml", "assets/knowledge-site.css"]
        for pick in picks:
            rel = Path(pick).relative_to(site).as_posix() if isinstance(pick, Path) else pick
            for _ in range(50):
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/{rel}",
                                                timeout=5) as answer:
                        assert answer.status == 200, rel
                        break
                except urllib.error.URLError as exc:
                    if getattr(exc, "code", None) is not None:
                        pytest.fail(f"{rel}: {exc}")
                    time.sleep(0.1)
            else:
                pytest.fail(f"the server as nobody never answered for {rel}")
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(served, ignore_errors=True)


def test_a_rebuild_after_one_edit_leaves_other_files_untouched(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    assert cli("build", cwd=root).returncode == 0
    site = root / "site"
    before = {p.relative_to(site): (p.read_bytes(), p.stat().st_mtime_ns)
              for p in site.rglob("*") if p.is_file()}
    time.sleep(0.05)
    review = root / "site_src/reviews/dune.md"
    review.write_text(review.read_text(encoding="utf-8") + "\nSatu kalimat baru.\n",
                      encoding="utf-8")
    result = cli("build", cwd=root)
    assert result.returncode == 0, result.stderr
    changed, kept, moved_time = [], 0, []
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        rel = path.relative_to(site)
        if rel not in before:
            continue
        data, mtime = before[rel]
        if path.read_bytes() == data:
            kept += 1
            if path.stat().st_mtime_ns != mtime:
                moved_time.append(str(rel))
        else:
            changed.append(str(rel))
    assert not moved_time, moved_time[:20]
    assert any(c.startswith("reviews/dune") for c in changed), changed
    assert kept > 0.8 * len(before), (kept, len(before), changed)
    assert f"{kept} berkas tidak berubah" in result.stderr


def test_size_report_and_the_limit_warning(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    plain = cli("build", cwd=root)
    assert plain.returncode == 0
    assert "Ukuran situs:" in plain.stderr and "terbesar:" in plain.stderr
    assert "Peringatan" not in plain.stderr
    over = cli("build", cwd=root, env={"KS_SITE_SIZE_LIMIT_MB": "0.5"})
    assert over.returncode == 0, over.stderr  # a warning, the site is still built
    assert "melebihi batas 0.5 MB" in over.stderr
    assert "GitHub Pages" in over.stderr


def test_a_big_library_is_indexed_in_parts_after_the_engine(tmp_path: Path) -> None:
    """KS_SEARCH_PART_PAGES=1 makes the test library (3 items) "big", KS_SEARCH_BESIDE_MB=0
    leaves no memory for Pagefind beside the engine's pages: it runs after the engine has
    returned, in parts listed in pagefind/parts.json (site/search_index.py) — the same index,
    byte for byte, as the one built beside the feeds when memory allows."""
    root = make_site(tmp_path)
    with umask(0o022):
        beside = cli("build", "-d", "beside", cwd=root, env={"KS_SEARCH_PART_PAGES": "1"})
        result = cli("build", cwd=root, env={"KS_SEARCH_PART_PAGES": "1",
                                             "KS_SEARCH_BESIDE_MB": "0"})
    assert beside.returncode == 0, beside.stderr
    assert result.returncode == 0, result.stderr
    assert tree_digest(root / "beside" / "pagefind") == tree_digest(root / "site" / "pagefind")
    index = root / "site" / "pagefind"
    names = json.loads((index / "parts.json").read_text(encoding="utf-8"))
    assert names == ["part-2/", "part-3/"]
    assert (index / "pagefind.js").is_file() and any(index.glob("wasm.*.pagefind"))
    for name in names:
        part = index / name
        assert (part / "pagefind-entry.json").is_file() and any(part.glob("*.pf_meta"))
        assert not (part / "pagefind.js").exists() and not any(part.glob("wasm.*"))
        assert stat.S_IMODE((part / "pagefind-entry.json").stat().st_mode) == 0o644
    assert not [p for p in root.iterdir() if p.name.startswith((".search-part-", ".site."))]

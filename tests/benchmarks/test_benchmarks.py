"""benchmarks/generate.py: the synthetic library is valid, builds, and is the same every time.

Nothing here is timed: the benchmark itself (benchmarks/run.py) is run by hand.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sitekit import REPO, cli, tree_digest

pytestmark = pytest.mark.slow

GENERATE = REPO / "benchmarks" / "generate.py"
EPOCH = 1767225600  # benchmarks/generate.py BUILD_EPOCH: every item is dated before it


def _generate(n: int, out: Path, *extra: str) -> None:
    subprocess.run([sys.executable, str(GENERATE), str(n), str(out), *extra], check=True,
                   capture_output=True, text=True, timeout=300)


def test_generated_library_passes_strict_check_and_builds(tmp_path: Path) -> None:
    site = tmp_path / "ours"
    _generate(30, site, "--peer", str(tmp_path / "peer"))
    items = [p for kind in ("tutorials", "reviews", "videos")
             for p in (site / "site_src" / kind).glob("*.md")]
    assert len(items) == 30
    assert {p.parent.name for p in items} == {"tutorials", "reviews", "videos"}

    check = cli("check", "--strict", cwd=site, epoch=EPOCH)
    assert check.returncode == 0, check.stdout + check.stderr

    out = tmp_path / "built"
    build = cli("build", "-d", str(out), cwd=site, epoch=EPOCH)
    assert build.returncode == 0, build.stderr
    assert (out / "index.html").is_file()
    built_items = [p for kind in ("tutorials", "reviews", "videos")
                   for p in (out / kind).glob("*/index.html")]
    assert len(built_items) == 30  # none of the first 30 is a draft
    assert (out / "feed.xml").is_file()


def test_generator_is_deterministic(tmp_path: Path) -> None:
    _generate(30, tmp_path / "a", "--peer", str(tmp_path / "pa"))
    _generate(30, tmp_path / "b", "--peer", str(tmp_path / "pb"))
    assert tree_digest(tmp_path / "a") == tree_digest(tmp_path / "b")
    assert tree_digest(tmp_path / "pa") == tree_digest(tmp_path / "pb")
    _generate(30, tmp_path / "c", "--seed", "2")
    assert tree_digest(tmp_path / "c") != tree_digest(tmp_path / "a")


@pytest.mark.skipif(importlib.util.find_spec("mkdocs_rss_plugin") is None,
                    reason="the peer needs mkdocs-rss-plugin (pip install mkdocs-rss-plugin)")
def test_peer_corpus_builds_with_material_blog_and_rss(tmp_path: Path) -> None:
    peer = tmp_path / "peer"
    _generate(30, tmp_path / "ours", "--peer", str(peer))
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(EPOCH), "NO_MKDOCS_2_WARNING": "1",
           "DISABLE_MKDOCS_2_WARNING": "true"}
    out = tmp_path / "peer-site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)],
                            cwd=peer, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert (out / "feed_rss_created.xml").read_text(encoding="utf-8").count("<item>") == 30
    assert len(list((out / "blog").glob("*/index.html"))) >= 30


def test_engines_benchmark_measures_every_engine(tmp_path: Path) -> None:
    """benchmarks/engines.py on a tiny library: every engine builds, and the table it writes
    into the README has a row per engine and size (nothing is timed here)."""
    readme = tmp_path / "README.md"
    readme.write_text("x\n<!-- engines:start -->\nSTALE\n<!-- engines:end -->\ny\n")
    result = subprocess.run([sys.executable, str(REPO / "benchmarks" / "engines.py"),
                             "--sizes", "12", "--work", str(tmp_path / "work"),
                             "--readme", str(readme)], capture_output=True, text=True,
                            timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    text = readme.read_text()
    assert "STALE" not in text and text.startswith("x\n") and text.endswith("y\n")
    rows = [line for line in text.splitlines() if line.startswith("| ") and " 12 |" in line]
    assert sorted(r.split("|")[1].strip() for r in rows) == ["mkdocs", "properdocs", "zensical"]

"""The same site, whichever way it is built: ``knowledge-site build``, plain ``mkdocs build``
and ``properdocs build`` of the example library with the hostile pages give the same files,
byte for byte — the engine's generator tag excepted (each names itself there)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from gates import hostile

pytestmark = pytest.mark.slow

EPOCH = "1790000000"
GENERATOR_TAG = re.compile(rb'<meta name="generator" content="[^"]*">')


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): GENERATOR_TAG.sub(b"", p.read_bytes())
            for p in sorted(root.rglob("*")) if p.is_file()}


def _run(cmd: list[str], cwd: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1",
           "DISABLE_MKDOCS_2_WARNING": "true"}
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, f"{cmd}\n{result.stderr[-3000:]}"


def test_three_ways_build_the_same_site(tmp_path: Path) -> None:
    project = hostile.make_project(tmp_path / "project")
    for args in (["init", "-q", "."], ["add", "-A"],
                 ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "x",
                  "--date=2026-01-01T00:00:00Z"]):
        subprocess.run(["git", *args], cwd=project, check=True, capture_output=True)
    _run([sys.executable, "-m", "generator", "build", "-d", str(tmp_path / "ks")], project)
    _run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "mk")], project)
    _run([sys.executable, "-m", "properdocs", "build", "-q", "-d", str(tmp_path / "pd")],
         project)
    ours = _tree(tmp_path / "ks")
    assert len(ours) > 300 and "feed.xml" in ours and "pagefind/pagefind.js" in ours
    for name in ("mk", "pd"):
        theirs = _tree(tmp_path / name)
        assert sorted(theirs) == sorted(ours), name
        differ = [path for path in ours if ours[path] != theirs[path]]
        assert differ == [], f"{name}: {differ[:10]}"

"""The bundled example library: what the README's first command builds."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from sitekit import REPO, cli

from generator.library.check import run
from generator.values.clock import build_time


def test_example_passes_check_strict() -> None:
    result = cli("check", "--strict", "--format", "json", cwd=REPO, epoch=None)
    assert result.returncode == 0, result.stdout
    assert json.loads(result.stdout) == []


def test_example_is_a_realistic_library() -> None:
    result = run(REPO, build_time())
    assert result.library is not None
    lib = result.library
    kinds = Counter(i.kind.value for i in lib.items)
    assert len(lib.items) >= 16 and min(kinds.values()) >= 4, kinds
    assert len(lib.topics) >= 6 and len(lib.authors) >= 4
    assert {i.lang for i in lib.items} >= {"id", "en"}
    assert len({t for i in lib.items for t in i.topics}) >= 6
    assert sum(1 for i in lib.items if i.image) >= 12


@pytest.mark.slow
def test_example_builds_a_page_per_item(tmp_path: Path) -> None:
    result = cli("build", "-d", str(tmp_path / "site"), cwd=REPO, epoch=None)
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr.lower()
    lib = run(REPO, build_time()).library
    assert lib is not None
    for item in lib.items:
        assert (tmp_path / "site" / item.url / "index.html").is_file(), item.url

"""Importing again: what did not change is not touched (its time stays), a post changed at the
source is rewritten alone, and a file a librarian edited or deleted since is kept as it is."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from importing.fixtures import exports
from importing.fixtures.posts import FixturePost, posts
from importkit import new_site
from sitekit import cli, tree_digest

OLD_TIME = 1_000_000_000


def _import(site: Path, source: Path) -> tuple[str, str]:
    done = cli("import", str(source), "--no-pictures", "--lang", "en", cwd=site)
    assert done.returncode == 0, done.stderr
    return done.stdout, done.stderr


def _age(root: Path) -> None:
    for path in root.rglob("*"):
        if path.is_file():
            os.utime(path, (OLD_TIME, OLD_TIME))


def _changed(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*")
            if p.is_file() and p.stat().st_mtime != OLD_TIME}


def _edited(items: list[FixturePost], n: int, html: str) -> list[FixturePost]:
    return [FixturePost(p.n, p.title, html, p.slug, p.categories, p.tags, p.draft, p.comments,
                        p.excerpt, p.meta) if p.n == n else p for p in items]


@pytest.fixture
def imported(tmp_path: Path) -> tuple[Path, Path]:
    site = new_site(tmp_path)
    source = exports.wxr(tmp_path / "wordpress.xml")
    _import(site, source)
    assert (site / ".import-ledger.json").is_file()
    _age(site)
    return site, source


def test_the_same_source_again_touches_nothing(imported: tuple[Path, Path]) -> None:
    site, source = imported
    before = tree_digest(site)
    out, _ = _import(site, source)
    assert "0 new, 0 updated, 42 unchanged" in out
    assert tree_digest(site) == before
    assert _changed(site) == set()


def test_a_post_changed_at_the_source_is_the_only_file_rewritten(
        imported: tuple[Path, Path], tmp_path: Path) -> None:
    site, _ = imported
    source = exports.wxr(tmp_path / "wordpress-2.xml",
                         _edited(posts(), 10, "<p>Perpustakaan kini buka pukul 07.30.</p>"))
    out, _ = _import(site, source)
    assert "0 new, 1 updated, 41 unchanged" in out
    assert _changed(site) == {"site_src/tutorials/jam-buka.md", ".import-ledger.json"}
    assert "07.30" in (site / "site_src/tutorials/jam-buka.md").read_text(encoding="utf-8")


def test_a_file_a_librarian_edited_or_deleted_is_kept(imported: tuple[Path, Path],
                                                       tmp_path: Path) -> None:
    site, _ = imported
    edited = site / "site_src/tutorials/jam-buka-2.md"
    text = edited.read_text(encoding="utf-8").replace("level: beginner", "level: advanced")
    edited.write_text(text, encoding="utf-8")
    (site / "site_src/tutorials/tips-30.md").unlink()
    _age(site)
    changed = _edited(_edited(posts(), 11, "<p>Jadwal baru berlaku.</p>"), 30, "<p>Baru.</p>")
    out, err = _import(site, exports.wxr(tmp_path / "wordpress-3.xml", changed))
    assert edited.read_text(encoding="utf-8") == text
    assert not (site / "site_src/tutorials/tips-30.md").exists()
    assert "site_src/tutorials/jam-buka-2.md was edited by a librarian" in err
    assert "site_src/tutorials/tips-30.md was deleted or moved" in err
    assert "2 kept" in out
    assert _changed(site) == set()
    assert cli("check", cwd=site).returncode == 0

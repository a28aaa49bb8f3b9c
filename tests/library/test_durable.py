"""Addresses and feed ids that survive renames, deletions refused until retired, and the
schedule — on a real git repository, built with the real command (issues 5 and 8)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import feedparser
import lxml.html
import pytest
from sitekit import cli, make_site

pytestmark = pytest.mark.slow


def git(repo: Path, *args: str, when: str = "2026-01-20T10:00:00+07:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when,
           "GIT_AUTHOR_NAME": "Pustakawan", "GIT_AUTHOR_EMAIL": "p@example.org",
           "GIT_COMMITTER_NAME": "Pustakawan", "GIT_COMMITTER_EMAIL": "p@example.org"}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def feed_ids(site: Path) -> dict[str, str]:
    """Entry link -> id, from the site's RSS feed."""
    parsed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not parsed.bozo
    return {e.link: e.id for e in parsed.entries}


def redirect_target(site: Path, url: str) -> str:
    page = lxml.html.parse(str(site / url / "index.html")).getroot()
    return page.xpath("//link[@rel='canonical']/@href")[0]


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    root = make_site(tmp_path / "repo")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "first")
    return root


def test_rename_and_delete_across_builds(repo: Path) -> None:
    first = cli("build", "-d", str(repo / "out1"), cwd=repo)
    assert first.returncode == 0, first.stderr
    before = feed_ids(repo / "out1")
    review_id = before["https://example.org/lib/reviews/dune/"]

    # The librarian renames the review's file and gives it a new slug, and deletes the video.
    git(repo, "mv", "site_src/reviews/dune.md", "site_src/reviews/dune-herbert.md")
    text = (repo / "site_src/reviews/dune-herbert.md").read_text(encoding="utf-8")
    (repo / "site_src/reviews/dune-herbert.md").write_text(
        text.replace("rating: 4", "rating: 4\nslug: dune-frank-herbert"), encoding="utf-8")
    tutorial = repo / "site_src/tutorials/dasar-opac.md"  # check would flag its link otherwise
    tutorial.write_text(tutorial.read_text(encoding="utf-8").replace("dune.md", "dune-herbert.md"),
                        encoding="utf-8")
    git(repo, "rm", "-q", "site_src/videos/tur.md")
    git(repo, "commit", "-q", "-am", "rename and delete", when="2026-02-01T10:00:00+07:00")

    refused = cli("check", "--format", "json", cwd=repo)
    assert refused.returncode == 1
    problems = json.loads(refused.stdout)
    assert [(p["path"], p["code"]) for p in problems] == [
        ("site_src/videos/tur.md", "history.deleted")]
    assert "/videos/tur/" in problems[0]["message"]
    assert cli("build", "-d", str(repo / "out2"), cwd=repo).returncode == 1
    assert not (repo / "out2").exists()

    # Restored and marked retired: the deletion is accepted, the address stays with a note.
    git(repo, "checkout", "HEAD~1", "--", "site_src/videos/tur.md")
    video = repo / "site_src/videos/tur.md"
    video.write_text(video.read_text(encoding="utf-8").replace(
        "topics: [literasi]", "topics: [literasi]\nretired: true"), encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "retire the tour", when="2026-02-02T10:00:00+07:00")
    assert cli("check", cwd=repo).returncode == 0

    second = cli("build", "-d", str(repo / "out2"), cwd=repo)
    assert second.returncode == 0, second.stderr
    site = repo / "out2"
    after = feed_ids(site)
    assert after["https://example.org/lib/reviews/dune-frank-herbert/"] == review_id
    assert "https://example.org/lib/videos/tur/" not in after  # retired: out of the feeds
    # The old address leads to the new one.
    assert redirect_target(site, "reviews/dune") == (
        "https://example.org/lib/reviews/dune-frank-herbert/")
    old = (site / "reviews/dune/index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh"' in old and "../dune-frank-herbert/" in old
    # The retired page says so and links onwards to its topic.
    retired = lxml.html.parse(str(site / "videos/tur/index.html")).getroot()
    assert retired.xpath("//*[contains(@class,'ks-retired')]")
    assert retired.xpath("//a[contains(@href,'topics/literasi/')]")


FUTURE = """\
---
title: Pameran buku Maret
summary: Pameran buku tahunan perpustakaan.
date: 2027-03-01T08:00
authors: [ani]
topics: [literasi]
tags: [pameran]
level: beginner
---
Datang ke pameran.
"""
MOMENT = 1803862800  # 2027-03-01T08:00 in Asia/Jakarta


def _everywhere(site: Path) -> dict[str, bool]:
    home = (site / "index.html").read_text(encoding="utf-8")
    listing = (site / "tutorials/index.html").read_text(encoding="utf-8")
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    posts = (site / "share/posts.csv").read_text(encoding="utf-8")
    return {
        "page": (site / "tutorials/pameran/index.html").is_file(),
        "home": "Pameran buku Maret" in home,
        "listing": "Pameran buku Maret" in listing,
        "feed": "Pameran buku Maret" in feed,
        "share kit": "tutorials/pameran/" in posts,
        "search": "pameran" in (site / "sitemap.xml").read_text(encoding="utf-8"),
    }


def test_a_scheduled_item_appears_everywhere_once_its_time_has_come(tmp_path: Path) -> None:
    root = make_site(tmp_path / "repo", {"site_src/tutorials/pameran.md": FUTURE})
    assert cli("build", "-d", str(tmp_path / "before"), cwd=root, epoch=MOMENT - 1).returncode == 0
    assert not any(_everywhere(tmp_path / "before").values())
    assert cli("build", "-d", str(tmp_path / "after"), cwd=root, epoch=MOMENT).returncode == 0
    assert all(_everywhere(tmp_path / "after").values()), _everywhere(tmp_path / "after")

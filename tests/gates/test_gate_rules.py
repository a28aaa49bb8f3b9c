"""The gates' own rules on small hand-made inputs: no browser, validator or built site needed."""

from __future__ import annotations

from pathlib import Path

import pytest

from .checks import (
    allowlist_defects,
    check_feeds,
    classify,
    find_feeds,
    is_own_picture,
    page_url,
    url_to_file,
)
from .conftest import require

pytestmark = pytest.mark.gates


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("/", "home"),
        ("/tutorials/", "tutorials-listing"),
        ("/tutorials/menulis-daftar-pustaka/", "tutorial"),
        ("/reviews/laskar-pelangi/", "review"),
        ("/videos/mencari-buku/", "video"),
        ("/topics/literasi/", "topic"),
        ("/topics/", "topics-index"),
        ("/tags/opac/", "tag"),
        ("/tags/", "tags-index"),
        ("/authors/", "authors-index"),
        ("/authors/siti-rahma/", "author"),
        ("/archive/2025/", "archive"),
        ("/search/", "search"),
        ("/subscribe/", "subscribe"),
        ("/404.html", "404"),
        ("/tentang/", "page"),
        ("/tutorials/page/2/", "page"),  # deeper than an item: not an item page
    ],
)
def test_pages_are_classified_by_address(url: str, kind: str) -> None:
    assert classify(url) == kind


def test_urls_map_to_files_like_a_static_host(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("x")
    (tmp_path / "404.html").write_text("x")
    assert url_to_file(tmp_path, "/a/") == tmp_path / "a" / "index.html"
    assert url_to_file(tmp_path, "/a") == tmp_path / "a" / "index.html"  # host redirects
    assert url_to_file(tmp_path, "/b/") is None
    assert url_to_file(tmp_path, "/../etc/passwd") is None
    assert page_url(tmp_path, tmp_path / "a" / "index.html") == "/a/"
    assert page_url(tmp_path, tmp_path / "404.html") == "/404.html"


@pytest.mark.parametrize(
    ("page", "resource", "own"),
    [
        ("/reviews/laskar-pelangi/", "/images/cover.jpg", True),
        ("/reviews/laskar-pelangi/", "/reviews/laskar-pelangi/sampul.webp", True),
        ("/reviews/laskar-pelangi/", "/reviews/laskar-pelangi.jpg", True),
        ("/reviews/laskar-pelangi/", "/reviews/laskar-pelangi-cover.png", True),
        ("/reviews/laskar-pelangi/", "/reviews/bumi-manusia.jpg", False),  # another item's
        ("/reviews/laskar-pelangi/", "/assets/images/favicon.png", False),  # theme chrome
        ("/reviews/laskar-pelangi/", "/images/app.js", False),  # not a picture
        ("/", "/logo.png", False),  # the home page's folder is the whole site
    ],
)
def test_own_picture_rule(page: str, resource: str, own: bool) -> None:
    assert is_own_picture(page, resource) is own


def test_require_skips_locally_and_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    require(True, "present")  # no effect
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="java missing"):
        require(False, "java missing")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="java missing"):
        require(False, "java missing")


def test_allowlist_entries_need_a_real_reason(tmp_path: Path) -> None:
    path = tmp_path / "allow.yml"
    path.write_text(
        "- message: 'foo'\n"
        "- message: 'bar'\n  reason: material\n"
        "- message: '(unclosed'\n  reason: a reason that is long enough to explain something\n"
        "- message: 'ok'\n  reason: a reason that is long enough to explain something\n"
    )
    defects = allowlist_defects(path)
    assert [d.split(":")[0] for d in defects] == [
        "allow.yml entry 1", "allow.yml entry 2", "allow.yml entry 3",
    ]  # fmt: skip


GOOD_RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>T</title><link>https://example.org/</link>
<description>D</description><item><title>I</title><guid>urn:x:1</guid></item></channel></rss>"""
GOOD_ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:x</id>
<updated>2024-01-01T00:00:00Z</updated></feed>"""


def test_feed_check_reports_only_broken_feeds(tmp_path: Path) -> None:
    (tmp_path / "tutorials").mkdir()
    (tmp_path / "feed.xml").write_bytes(GOOD_RSS)
    (tmp_path / "feed.atom").write_bytes(GOOD_ATOM)
    (tmp_path / "tutorials" / "feed.rss").write_bytes(GOOD_RSS.replace(b"</title>", b"", 1))
    (tmp_path / "feed.json").write_text('{"version": "1", "items": []}')
    (tmp_path / "sitemap.xml").write_text("<not a feed")  # not a feed name: ignored
    assert len(find_feeds(tmp_path)) == 4
    pages = {p.page for p in check_feeds(tmp_path)}
    assert pages == {"/tutorials/feed.rss", "/feed.json"}

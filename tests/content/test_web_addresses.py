"""Addresses on the web that librarians write (issue 17): tracking parameters are dropped from
what the site publishes, video files on other hosts play after a click from the hosts listed in
``media_hosts``, and a built site carries none of the tracking anywhere — pages, JSON-LD, feeds,
the share kit. The check messages in Indonesian and English; one real build."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import feedparser
import lxml.html
import pytest
from checkkit import check_here
from sitekit import MKDOCS_YML, TUTORIAL, VIDEO, cli, make_site

VIDEO_PATH = "site_src/videos/tur.md"
TUTORIAL_PATH = "site_src/tutorials/dasar-opac.md"
REPOSITORY = "https://repository.example.ac.id/bitstream/123/tur.mp4"
WITH_HOSTS = MKDOCS_YML + "      media_hosts: [repository.example.ac.id]\n"
TRACKED_BODY = TUTORIAL.replace(
    "Buka katalog.", "Tonton [ini](https://youtu.be/dQw4w9WgXcQ?si=Tr4ck_1&t=5) dan "
    '<a href="https://example.org/panduan?utm_source=ig&amp;id=3">panduan</a>.')


def check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str,
          files: dict[str, str]) -> tuple[int, list[dict[str, Any]]]:
    site = make_site(tmp_path / "site", files)
    proc = check_here(site, monkeypatch, "--format", "json", "--lang", lang)
    return proc.returncode, json.loads(proc.stdout)


# (case, files, (path, line, code, severity) or None, words the message must hold)
CASES: list[tuple[str, dict[str, str], tuple[str, int, str, str] | None, tuple[str, ...]]] = [
    ("tracking in a video address",
     {VIDEO_PATH: VIDEO.replace("?t=42", "?si=Tr4ck_1&t=42")},
     (VIDEO_PATH, 8, "value.tracking", "warning"), ("`https://youtu.be/dQw4w9WgXcQ?t=42`",
                                                     "knowledge-site fix")),
    ("tracking in body links", {TUTORIAL_PATH: TRACKED_BODY},
     (TUTORIAL_PATH, 17, "link.tracking", "warning"), ("`https://youtu.be/dQw4w9WgXcQ?t=5`",)),
    ("a video file on an unlisted host",
     {VIDEO_PATH: VIDEO.replace("https://youtu.be/dQw4w9WgXcQ?t=42", REPOSITORY)},
     (VIDEO_PATH, 8, "video.media_host", "warning"), ("`repository.example.ac.id`",
                                                       "`media_hosts`")),
    ("a video file on a listed host",
     {VIDEO_PATH: VIDEO.replace("https://youtu.be/dQw4w9WgXcQ?t=42", REPOSITORY),
      "mkdocs.yml": WITH_HOSTS}, None, ()),
    ("a video file over http",
     {VIDEO_PATH: VIDEO.replace("https://youtu.be/dQw4w9WgXcQ?t=42",
                                REPOSITORY.replace("https", "http"))},
     (VIDEO_PATH, 8, "video.remote_http", "error"), ("https://",)),
    ("a media host written as an address",
     {"mkdocs.yml": MKDOCS_YML + "      media_hosts: [https://archive.org/details/tur]\n"},
     ("mkdocs.yml", 13, "settings.host", "error"), ("`archive.org`",)),
]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(("case", "files", "expected", "words"), CASES,
                         ids=[c[0] for c in CASES])
def test_check_messages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, case: str,
                        files: dict[str, str], expected: tuple[str, int, str, str] | None,
                        words: tuple[str, ...]) -> None:
    exit_code, messages = check(tmp_path, monkeypatch, lang, files)
    found = [(m["path"], m["line"], m["code"], m["severity"]) for m in messages]
    if expected is None:
        assert found == [] and exit_code == 0
        return
    assert expected in found, messages
    message = "\n".join(m["message"] for m in messages if m["code"] == expected[2])
    for word in words:
        assert word in message
    assert exit_code == (1 if expected[3] == "error" else 0)
    if case.startswith("tracking"):  # a tidy-up: even --strict lets it pass
        site = tmp_path / "site"
        assert check_here(site, monkeypatch, "--strict").returncode == 0


@pytest.mark.slow
def test_no_tracking_leaves_the_site_and_remote_videos_wait_for_a_click(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site", {
        "mkdocs.yml": WITH_HOSTS,
        TUTORIAL_PATH: TRACKED_BODY,
        VIDEO_PATH: VIDEO.replace("?t=42", "?si=Tr4ck_1&feature=shared&t=42"),
        "site_src/videos/repo.md": VIDEO.replace("https://youtu.be/dQw4w9WgXcQ?t=42",
                                                 REPOSITORY + "?utm_source=wa").replace(
            "title: Tur perpustakaan", "title: Tur dari repositori"),
    })
    built = cli("build", "-d", str(tmp_path / "out"), cwd=site)
    assert built.returncode == 0, built.stderr
    out = tmp_path / "out"
    every = "\n".join(p.read_text("utf-8", "replace") for p in sorted(out.rglob("*"))
                      if p.is_file() and p.suffix in (".html", ".xml", ".json", ".txt", ".opml"))
    for token in ("Tr4ck_1", "utm_source=ig", "utm_source=wa", "feature=shared"):
        assert token not in every, token
    assert "utm_source=" in every  # the share kit's own tags stay (pages/share/, links)
    page = lxml.html.parse(str(out / "tutorials/dasar-opac/index.html")).getroot()
    hrefs = page.xpath("//article//a/@href")
    assert "https://youtu.be/dQw4w9WgXcQ?t=5" in hrefs
    assert "https://example.org/panduan?id=3" in hrefs
    video = lxml.html.parse(str(out / "videos/tur/index.html")).getroot()
    data = [json.loads(s) for s in video.xpath("//script[@type='application/ld+json']/text()")]
    assert "https://youtu.be/dQw4w9WgXcQ?t=42" in json.dumps(data)
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert not feed.bozo and "Tr4ck_1" not in json.dumps(feed.entries, default=str)

    # The repository's video: nothing asks its host before the click; the policy lets it play.
    repo = (out / "videos/repo/index.html").read_text("utf-8")
    figure = re.search(r'<figure class="ks-player ks-player--web-file".*?</figure>', repo, re.S)
    assert figure is not None
    outside = figure.group(0).split("<template")[0]
    assert "repository.example.ac.id" in outside  # the no-JavaScript link to the file
    assert "<video" not in outside and "<iframe" not in outside
    assert f'<source src="{REPOSITORY}" type="video/mp4">' in figure.group(0)
    assert re.search(r"media-src 'self' https://repository\.example\.ac\.id[;\"]", repo)

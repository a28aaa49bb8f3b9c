"""``knowledge-site report``: due reviews, transcripts, covers, external links, moved addresses."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

from sitekit import REPO, TUTORIAL, VIDEO, make_site

from generator.library.check import Options, run
from generator.library.history import History, load_history
from generator.library.library import Library
from generator.library.report import ExternalLink, build_report, format_report, report_json

NOW = datetime(2026, 3, 1, 3, 0, tzinfo=UTC)  # 10:00 in Jakarta
NO_HISTORY = History(False)

BODY_WITH_LINKS = """\
Lihat [Garuda](https://garuda.kemdikbud.go.id/) dan <https://doaj.org>.
Alamat polos: https://scholar.google.com/scholar?q=jurnal, lalu titik.
<a href="http://example.org/lama">situs lama</a> dan [lokal](../reviews/dune.md).
`https://dalam.kode.example/` tidak dihitung.

```
https://dalam.blok.example/
```

Sekali lagi [Garuda](https://garuda.kemdikbud.go.id/).
"""


def library(root: Path, now: datetime = NOW) -> Library:
    result = run(root, now, Options())
    assert result.library is not None, result.diagnostics
    return result.library


def test_due_reviews_transcripts_covers(tmp_path: Path) -> None:
    make_site(tmp_path, {
        "site_src/tutorials/dasar-opac.md": TUTORIAL.replace(
            "level: beginner", "level: beginner\nreview_by: 2026-02-01"),
        "site_src/tutorials/hari-ini.md": TUTORIAL.replace(
            "level: beginner", "level: beginner\nreview_by: 2026-03-01").replace(
            "date: 2026-01-10", "date: 2026-01-10\ndraft: true"),
        "site_src/tutorials/nanti.md": TUTORIAL.replace(
            "level: beginner", "level: beginner\nreview_by: 2026-03-02"),
        "site_src/videos/tanpa.md": VIDEO.replace("## Transkrip\n\nHalo semua, ini perpustakaan "
                                                  "kami.\n", ""),
    })
    report = build_report(library(tmp_path), NO_HISTORY)
    assert report.today == date(2026, 3, 1)
    assert [(o.item.path, o.days, o.item.state) for o in report.overdue] == [
        ("site_src/tutorials/dasar-opac.md", 28, "published"),
        ("site_src/tutorials/hari-ini.md", 0, "draft"),
    ]
    assert [r.path for r in report.no_transcript] == ["site_src/videos/tanpa.md"]
    assert len(report.no_image) == 6  # the test site has no pictures
    assert [r.path for r in report.no_book_cover] == ["site_src/reviews/dune.md"]

    text = format_report(report, "id")
    assert "Perlu ditinjau ulang (tanggal review_by sudah tiba): 2" in text
    assert "tinjau paling lambat 2026-02-01 (28 hari lalu)" in text
    assert "[draf]" in text
    assert "Riwayat git tidak tersedia" in text
    english = format_report(report, "en")
    assert "Due for review (review_by date reached): 2" in english
    assert "Video pages without a transcript: 1" in english


def test_external_links_per_item(tmp_path: Path) -> None:
    tutorial = TUTORIAL.split("---\n", 2)
    text = f"---\n{tutorial[1]}---\n{BODY_WITH_LINKS}"
    make_site(tmp_path, {"site_src/tutorials/dasar-opac.md": text})
    report = build_report(library(tmp_path), NO_HISTORY)
    by_path = {e.item.path: e.links for e in report.external_links}
    first_body_line = text.split("\n").index("---", 1) + 2
    assert by_path["site_src/tutorials/dasar-opac.md"] == (
        ExternalLink("https://garuda.kemdikbud.go.id/", first_body_line),
        ExternalLink("https://doaj.org", first_body_line),
        ExternalLink("https://scholar.google.com/scholar?q=jurnal", first_body_line + 1),
        ExternalLink("http://example.org/lama", first_body_line + 2),
    )
    # The video's own address is an external link too (videos get taken down).
    assert by_path["site_src/videos/tur.md"] == (
        ExternalLink("https://youtu.be/dQw4w9WgXcQ?t=42", 7),)  # the `video:` line
    text_report = format_report(report, "en")
    assert f"    line {first_body_line + 2}: http://example.org/lama" in text_report
    assert "5 links in 2 items" in text_report
    data = json.loads(report_json(report))
    assert data["today"] == "2026-03-01"
    assert data["external_links"][0]["links"][0]["url"] == "https://garuda.kemdikbud.go.id/"


def test_retired_items_are_left_out(tmp_path: Path) -> None:
    make_site(tmp_path, {"site_src/videos/tur.md": VIDEO.replace(
        "date: 2026-01-13", "date: 2026-01-13\nretired: true\nreview_by: 2026-01-01")})
    report = build_report(library(tmp_path), NO_HISTORY)
    assert all("tur" not in r.path for r in report.no_image)
    assert report.overdue == ()
    assert all(e.item.path != "site_src/videos/tur.md" for e in report.external_links)


def test_moved_addresses_from_history(tmp_path: Path) -> None:
    make_site(tmp_path)
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_DATE": "2026-02-01T10:00+07:00",
           "GIT_COMMITTER_DATE": "2026-02-01T10:00+07:00"}
    for args in (["init", "-q", "-b", "main"], ["config", "user.name", "U"],
                 ["config", "user.email", "u@example.org"], ["add", "-A"],
                 ["commit", "-q", "-m", "one"],
                 ["mv", "site_src/videos/tur.md", "site_src/videos/tur-virtual.md"],
                 ["commit", "-q", "-m", "two"]):
        subprocess.run(["git", *args], cwd=tmp_path, env=env, check=True, capture_output=True)
    report = build_report(library(tmp_path), load_history(tmp_path, "site_src", now=NOW))
    assert [(r.from_url, r.to_url) for r in report.moved] == [
        ("videos/tur/", "videos/tur-virtual/")]
    assert "  /videos/tur/ -> /videos/tur-virtual/" in format_report(report, "id")


def test_the_example_library_report_reads_well() -> None:
    report = build_report(library(REPO, datetime(2026, 9, 1, tzinfo=UTC)), NO_HISTORY)
    text = format_report(report, "id")
    assert text.startswith("Laporan konten per 2026-09-01\n")
    assert text.endswith("\n") and "\n\n\n" not in text

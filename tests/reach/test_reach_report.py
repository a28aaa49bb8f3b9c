"""``knowledge-site report reach EXPORT`` on each tool's fixture export (tests/reach/fixtures,
their formats documented in its README): the report's numbers against totals counted by hand
from the fixture files, the best slots, the files, and bad exports said in plain words."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from reachkit import FIXTURES, reach_site

from generator.cli.main import main
from generator.library.check import run
from generator.social import sharekit

NOW = datetime.fromtimestamp(1790000000, UTC)
JURNAL, SITASI = "tutorials/cara-mencari-jurnal/", "tutorials/sitasi-apa/"
OLDER = ("reviews/dune/", "tutorials/dasar-opac/", "videos/tur/")

# Counted by hand from each file (items: every visit to the page or its old address, then
# those through a shared link; slots: the best two-hour windows in WIB, or the posting slots).
CASES = {
    # 26 pageviews (30 rows less 2 events and 2 bots); campaigns are GoatCounter's "c"
    # referrers; their hours 00, 12, 05, 02 UTC are 07, 19, 12, 09 WIB.
    "goatcounter/goatcounter-export-perpustakaan-20260317T000000Z-0.csv": dict(
        total=26, items={JURNAL: (15, 13), SITASI: (8, 7)},
        platforms={"instagram": 8, "facebook": 5, "whatsapp": 4, "qr": 3}, posting={},
        best=[("06:00-08:00", 8), ("18:00-20:00", 5), ("11:00-13:00", 4)], basis="arrival",
        topics={"literasi": 15, "sitasi": 8, "sastra": 0}, never=OLDER),
    "goatcounter/goatcounter-export-perpustakaan-20260317T000000Z-0.csv.gz": dict(
        total=26, items={JURNAL: (15, 13), SITASI: (8, 7)},
        platforms={"instagram": 8, "facebook": 5, "whatsapp": 4, "qr": 3}, posting={},
        best=[("06:00-08:00", 8), ("18:00-20:00", 5), ("11:00-13:00", 4)], basis="arrival",
        topics={"literasi": 15, "sitasi": 8, "sastra": 0}, never=OLDER),
    # Dashboard zip: pages.csv, utm_*.csv; visitors.csv per day 12+15+9+20+11+8+14 = 89.
    "plausible/Plausible export perpustakaan.example.ac.id.zip": dict(
        total=89, items={JURNAL: (34, 25), SITASI: (19, 15)},
        platforms={"instagram": 21, "facebook": 9, "whatsapp": 7, "qr": 3},
        posting={"0600-0800": 18, "1900-2100": 22},
        best=[("19:00-21:00", 22), ("06:00-08:00", 18)], basis="posted",
        topics={"literasi": 34, "sitasi": 19, "sastra": 0}, never=OLDER),
    # Umami: 26 pageviews; 19 through links (utm columns or, in older rows, url_query), at
    # 07 (6), 10 (2), 19 (7) and 20 (4) WIB.
    "umami/website_event.csv": dict(
        total=26, items={JURNAL: (11, 10), SITASI: (9, 9)},
        platforms={"instagram": 10, "facebook": 4, "whatsapp": 3, "qr": 2},
        posting={"0600-0800": 6, "1900-2100": 11},
        best=[("19:00-21:00", 11), ("06:00-08:00", 6), ("09:00-11:00", 2)], basis="arrival",
        topics={"literasi": 11, "sitasi": 9, "sastra": 0}, never=OLDER),
    # Matomo's visits log: 21 visits, under the site's /pustaka/ prefix; one campaign visit
    # to sitasi-apa has no source (referrerType "campaign" only), at 12:00 UTC = 19 WIB.
    "matomo/Live.getLastVisitsDetails.json": dict(
        total=21, items={JURNAL: (10, 10), SITASI: (6, 6)},
        platforms={"instagram": 10, "whatsapp": 3, "qr": 2},
        posting={"0600-0800": 4, "1900-2100": 9},
        best=[("19:00-21:00", 10), ("06:00-08:00", 4), ("08:00-10:00", 2)], basis="arrival",
        topics={"literasi": 10, "sitasi": 6, "sastra": 0}, never=OLDER),
}


def _csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return reach_site(tmp_path_factory.mktemp("reach"))


@pytest.mark.parametrize("fixture", sorted(CASES))
def test_report_numbers_match_the_hand_counts(site: Path, fixture: str, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    case = CASES[fixture]
    out = tmp_path / "reach"
    assert main(["-C", str(site), "report", "reach", str(FIXTURES / fixture), "-o",
                 str(out)]) == 0
    assert "index.html" in capsys.readouterr().err
    items = {r["item"]: r for r in _csv(out / "items.csv")}
    for url, (visits, campaign) in case["items"].items():
        assert (int(items[url]["visits"]), int(items[url]["campaign_visits"])) == (visits,
                                                                                 campaign)
        assert items[url]["shared"] == "yes"
    assert {url for url, r in items.items() if r["shared"] == "no"} == set(case["never"])
    assert {r["platform"]: int(r["visits"]) for r in _csv(out / "platforms.csv")} == \
        case["platforms"]
    assert {r["slot"]: int(r["visits"]) for r in _csv(out / "posting-slots.csv")} == \
        case["posting"]
    assert {r["topic"]: int(r["visits"]) for r in _csv(out / "topics.csv")} == case["topics"]
    slots = _csv(out / "slots.csv")
    assert [(r["slot"], int(r["visits"])) for r in slots] == case["best"]
    assert {r["basis"] for r in slots} == {case["basis"]}
    html = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="id">' in html and "Jangkauan Perpustakaan Uji" in html
    assert f"{case['total']}" in html
    for title in ("Dasar OPAC", "Tur perpustakaan"):  # never shared: listed by name
        assert title in html.split("Belum pernah dibagikan", 1)[1]
    for chart in ("platforms.svg", "topics.svg", "items.svg"):
        svg = (out / chart).read_bytes()
        assert svg.startswith(b"<?xml") and b"<svg" in svg and f'src="{chart}"' in html


def test_the_same_export_gives_the_same_bytes(site: Path, tmp_path: Path) -> None:
    fixture = str(FIXTURES / "umami/website_event.csv")
    out = tmp_path / "reach"
    assert main(["-C", str(site), "report", "reach", fixture, "-o", str(out)]) == 0
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    for p in out.iterdir():
        p.unlink()
    assert main(["-C", str(site), "report", "reach", fixture, "-o", str(out)]) == 0
    assert first == {p.name: p.read_bytes() for p in out.iterdir()}
    assert b"hours.svg" in first["index.html"] and "hours.svg" in first


def test_a_campaign_report_without_days_needs_a_period(site: Path, tmp_path: Path) -> None:
    """Matomo's campaign report counts campaigns only: every visit is a shared link's; without
    days nothing can be said about what was never shared unless --since names the period."""
    fixture = str(FIXTURES / "matomo/Referrers.getCampaigns.csv")
    out = tmp_path / "r"
    assert main(["-C", str(site), "report", "reach", fixture, "-o", str(out)]) == 0
    items = {r["item"]: r for r in _csv(out / "items.csv")}
    assert (items[JURNAL]["campaign_visits"], items[SITASI]["campaign_visits"]) == ("10", "6")
    assert {r["shared"] for r in items.values()} == {"yes"}
    assert main(["-C", str(site), "report", "reach", fixture, "-o", str(out),
                 "--since", "2026-03-01", "--until", "2026-03-31"]) == 0
    items = {r["item"]: r for r in _csv(out / "items.csv")}
    assert {u for u, r in items.items() if r["shared"] == "no"} == set(OLDER)


@pytest.mark.parametrize(("content", "tool", "words"), [
    (b"", None, "kosong"),
    (b"name,count\nx,1\n", None, "GoatCounter"),  # none of the four tools' columns
    ((FIXTURES / "umami/website_event.csv").read_bytes(), "matomo", "Umami"),
    (b"\xff\xfe\x00\x00garbage\x00", None, "CSV"),
])
def test_a_bad_export_is_said_in_plain_words(site: Path, tmp_path: Path, content: bytes,
                                             tool: str | None, words: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    export = tmp_path / "ekspor.csv"
    export.write_bytes(content)
    args = ["-C", str(site), "report", "reach", str(export), "-o", str(tmp_path / "out")]
    assert main(args + (["--tool", tool] if tool else [])) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "ekspor.csv" in err and words in err, err
    assert not (tmp_path / "out").exists()


def test_report_reach_without_an_export_says_how(site: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-C", str(site), "report", "reach"]) == 2
    assert "knowledge-site report reach" in capsys.readouterr().err


def _slot_settings(site: Path, tmp: Path, minimum: int) -> Path:
    root = reach_site(tmp, f"      slots_from_report: reach/slots.csv\n"
                           f"      slots_min_visits: {minimum}\n")
    (root / "reach").mkdir()
    (root / "reach/slots.csv").write_bytes(
        b"rank,slot,visits,basis,basis_visits\r\n1,19:00-21:00,11,arrival,19\r\n"
        b"2,06:00-08:00,6,arrival,19\r\n3,09:00-11:00,2,arrival,19\r\n")
    return root


def test_the_share_kit_follows_the_measured_slots_once_there_are_enough(
        site: Path, tmp_path: Path) -> None:
    root = _slot_settings(site, tmp_path / "enough", 19)
    library = run(root, NOW).library
    assert library is not None and library.settings.learned is not None
    assert [(s.start_minute, s.end_minute) for s in library.settings.posting_slots] == \
        [(360, 480), (540, 660), (1140, 1260)]
    posts = sharekit.all_posts(library)
    # Published 12 March 09:00 WIB: inside 09:00-11:00, the measured slot (not a default one).
    jurnal = next(p for p in posts if p.slug == "cara-mencari-jurnal")
    assert jurnal.scheduled_at.strftime("%H:%M") == "09:00"
    assert "utm_content=0900-1100" in jurnal.link


def test_too_few_measured_visits_keep_the_configured_slots(site: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]
                                                           ) -> None:
    root = _slot_settings(site, tmp_path / "few", 20)
    library = run(root, NOW).library
    assert library is not None
    assert [(s.start_minute, s.end_minute) for s in library.settings.posting_slots] == \
        [(360, 480), (660, 780), (1080, 1260)]  # the defaults
    assert main(["-C", str(root), "build", "-d", str(tmp_path / "site")]) == 0
    err = capsys.readouterr().err
    assert "19 dari 20 kunjungan" in err


def test_a_damaged_slots_file_is_a_warning_with_its_line(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    root = reach_site(tmp_path, "      slots_from_report: reach/slots.csv\n")
    (root / "reach").mkdir()
    (root / "reach/slots.csv").write_text("rank,slot,visits,basis,basis_visits\n"
                                          "1,pagi,8,arrival,120\n", encoding="utf-8")
    assert main(["-C", str(root), "check"]) == 0
    out = capsys.readouterr().out
    assert "reach/slots.csv:2" in out and "pagi" in out
    (root / "reach/slots.csv").unlink()
    assert main(["-C", str(root), "check"]) == 0
    out = capsys.readouterr().out
    assert "mkdocs.yml:" in out and "reach/slots.csv" in out


def test_a_title_a_spreadsheet_would_run_stays_text(tmp_path: Path) -> None:
    root = reach_site(tmp_path)
    jurnal = root / "site_src/tutorials/cara-mencari-jurnal.md"
    jurnal.write_text(jurnal.read_text(encoding="utf-8").replace(
        "title: Cara Mencari Jurnal", 'title: "=HYPERLINK(\\"http://x\\") Jurnal"'),
        encoding="utf-8")
    out = tmp_path / "reach"
    assert main(["-C", str(root), "report", "reach",
                 str(FIXTURES / "umami/website_event.csv"), "-o", str(out)]) == 0
    titles = [r["title"] for r in _csv(out / "items.csv")]
    assert "'=HYPERLINK(\"http://x\") Jurnal" in titles

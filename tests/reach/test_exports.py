"""The export readers (generator/reach): each fixture, in its tool's real format, gives the
totals counted by hand from it; a wrong file gives an ExportProblem with the right words key
and never another exception."""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.reach.exports import ExportProblem, Tool, read_export
from generator.words.translate import WORDS

FIXTURES = Path(__file__).parent / "fixtures"
GOATCOUNTER = FIXTURES / "goatcounter" / "goatcounter-export-perpustakaan-20260317T000000Z-0.csv"
PLAUSIBLE_ZIP = FIXTURES / "plausible" / "Plausible export perpustakaan.example.ac.id.zip"
PLAUSIBLE_API = FIXTURES / "plausible" / "stats-api-v2-query.json"
UMAMI = FIXTURES / "umami" / "website_event.csv"
MATOMO_LIVE = FIXTURES / "matomo" / "Live.getLastVisitsDetails.json"
MATOMO_CAMPAIGNS = FIXTURES / "matomo" / "Referrers.getCampaigns.csv"
WIB = ZoneInfo("Asia/Jakarta")


def problem(path: Path, tool: Tool | None = None, **kwargs: int) -> ExportProblem:
    with pytest.raises(ExportProblem) as caught:
        read_export(path, tool, **kwargs)
    assert caught.value.key in WORDS
    assert caught.value.message("id") and str(caught.value)
    return caught.value


# -- the fixtures, counted by hand ---------------------------------------------------------

@pytest.mark.parametrize("path", [GOATCOUNTER, GOATCOUNTER.with_name(GOATCOUNTER.name + ".gz")])
def test_goatcounter_csv(path: Path) -> None:
    export = read_export(path, tz=WIB)
    assert (export.tool, export.unit, export.source_name) == (Tool.GOATCOUNTER, "pageviews",
                                                               path.name)
    # 8 instagram + 5 facebook + 4 whatsapp + 3 qr + 6 without a campaign; 2 events and
    # 2 bots left out.
    assert export.total() == 26
    assert export.by("source") == {"instagram": 8, "facebook": 5, "whatsapp": 4, "qr": 3,
                                   "": 6}
    # GoatCounter keeps no trailing slash and no campaign name in this export.
    assert export.by("path") == {"/tutorial/cara-mencari-jurnal": 15,
                                 "/panduan/sitasi-apa": 8, "/": 2, "/tentang": 1}
    assert export.by("campaign") == {"": 26}
    instagram = [row for row in export.rows if row.source == "instagram"]
    assert {row.hour for row in instagram} == {7}  # 00:xx UTC is 07:xx WIB
    assert {row.day for row in instagram} == {date(2026, 3, 14), date(2026, 3, 15),
                                              date(2026, 3, 16)}


def test_plausible_dashboard_zip() -> None:
    export = read_export(PLAUSIBLE_ZIP)
    assert (export.tool, export.unit) == (Tool.PLAUSIBLE, "visitors")
    assert export.total() == 12 + 15 + 9 + 20 + 11 + 8 + 14
    assert export.by("day")["2026-03-13"] == 20
    assert export.by("source") == {"instagram": 21, "facebook": 9, "whatsapp": 7, "qr": 3}
    assert export.by("medium") == {"social": 37, "print": 3}
    assert export.by("campaign") == {"cara-mencari-jurnal": 25, "sitasi-apa": 15}
    assert export.by("content") == {"1900-2100": 22, "0600-0800": 18}
    assert export.by("path")["/tutorial/cara-mencari-jurnal/"] == 34
    assert sum(export.by("path").values()) == 40 + 34 + 19 + 6


def test_plausible_stats_api_v2() -> None:
    export = read_export(PLAUSIBLE_API)
    assert (export.tool, export.unit) == (Tool.PLAUSIBLE, "visits")
    assert export.total() == 10 + 7 + 6 + 5 + 4 + 5 + 3 + 3 + 41 + 6 + 12
    assert export.by("source")["instagram"] == 10 + 7 + 6
    assert export.by("campaign") == {"cara-mencari-jurnal": 10 + 7 + 5 + 5,
                                     "sitasi-apa": 6 + 4 + 3 + 3, "": 41 + 6 + 12}
    assert export.by("content") == {"1900-2100": 10 + 6 + 5 + 3, "0600-0800": 7 + 4 + 5,
                                    "": 3 + 41 + 6 + 12}
    assert export.by("path")["/tutorial/cara-mencari-jurnal/"] == 10 + 7 + 5 + 5 + 12


def test_umami_data_export() -> None:
    export = read_export(UMAMI, tz=WIB)
    assert (export.tool, export.unit) == (Tool.UMAMI, "pageviews")
    assert export.total() == 7 + 3 + 4 + 3 + 2 + 5 + 1 + 1  # two custom events left out
    # whatsapp's utm values are only in url_query (empty utm_* columns, as older exports).
    assert export.by("source") == {"instagram": 10, "facebook": 4, "whatsapp": 3, "qr": 2,
                                   "": 7}
    assert export.by("campaign") == {"cara-mencari-jurnal": 10, "sitasi-apa": 9, "": 7}
    assert export.by("content") == {"1900-2100": 11, "0600-0800": 6, "": 9}
    assert export.by("medium")["print"] == 2
    evening = [r for r in export.rows if r.source == "instagram" and r.content == "1900-2100"]
    assert {(r.day, r.hour) for r in evening} == {(date(2026, 3, 14), 19)}
    assert {r.hour for r in export.rows if r.source == "whatsapp"} == {7}


def test_matomo_live_visits() -> None:
    export = read_export(MATOMO_LIVE, tz=WIB)
    assert (export.tool, export.unit) == (Tool.MATOMO, "visits")
    assert export.total() == 6 + 4 + 3 + 2 + 1 + 4 + 1
    # One sitasi-apa visit has only referrerType "campaign" (no Marketing Campaigns fields).
    assert export.by("campaign") == {"cara-mencari-jurnal": 10, "sitasi-apa": 6, "": 5}
    assert export.by("source") == {"instagram": 10, "whatsapp": 3, "qr": 2, "": 6}
    assert export.by("content") == {"1900-2100": 9, "0600-0800": 4, "": 8}
    assert export.by("path") == {"/pustaka/tutorial/cara-mencari-jurnal/": 10,
                                 "/pustaka/panduan/sitasi-apa/": 6, "/pustaka/": 4,
                                 "/pustaka/tentang/": 1}
    slots = {(r.content, r.hour) for r in export.rows if r.source == "instagram"}
    assert slots == {("1900-2100", 19), ("0600-0800", 7)}


def test_matomo_campaign_report_csv_in_utf16() -> None:
    assert MATOMO_CAMPAIGNS.read_bytes()[:2] == b"\xff\xfe"
    export = read_export(MATOMO_CAMPAIGNS)
    assert (export.tool, export.unit) == (Tool.MATOMO, "visits")
    assert export.by("campaign") == {"cara-mencari-jurnal": 10, "sitasi-apa": 6,
                                     "katalog-baru": 1}


def test_matomo_report_json_per_day(tmp_path: Path) -> None:
    path = tmp_path / "Actions.getPageUrls.json"
    path.write_text(json.dumps({
        "2026-03-14": [{"label": "/tutorial/cara-mencari-jurnal/", "nb_visits": 4,
                        "nb_hits": 6, "url": "https://lib.example.ac.id/pustaka/tutorial/"
                                             "cara-mencari-jurnal/"}],
        "2026-03-15": [{"label": "/index", "nb_visits": "3", "nb_hits": 3}]}))
    export = read_export(path, Tool.MATOMO)
    assert export.by("path") == {"/pustaka/tutorial/cara-mencari-jurnal/": 4, "/index": 3}
    assert export.by("day") == {"2026-03-14": 4, "2026-03-15": 3}


def test_umami_events_api_json(tmp_path: Path) -> None:
    path = tmp_path / "events.json"
    events = [{"id": "1", "sessionId": "a", "createdAt": "2026-03-14T12:05:00Z",
               "urlPath": "/tutorial/cara-mencari-jurnal/",
               "urlQuery": "utm_source=instagram&utm_medium=social"
                           "&utm_campaign=cara-mencari-jurnal&utm_content=1900-2100",
               "eventType": 1, "eventName": ""},
              {"id": "2", "sessionId": "a", "createdAt": "2026-03-14T12:06:00Z",
               "urlPath": "/tutorial/cara-mencari-jurnal/", "urlQuery": "",
               "eventType": 2, "eventName": "unduh-pdf"},
              {"id": "3", "sessionId": "b", "createdAt": "2026-03-14T01:00:00Z",
               "urlPath": "/", "urlQuery": "", "eventType": 1, "eventName": ""}]
    path.write_text(json.dumps({"data": events, "count": 3, "page": 1, "pageSize": 20}))
    export = read_export(path, tz=WIB)
    assert export.tool == Tool.UMAMI and export.total() == 2
    assert export.by("campaign") == {"cara-mencari-jurnal": 1, "": 1}
    assert export.by("hour") == {"19": 1, "8": 1}


# -- recognition --------------------------------------------------------------------------

@pytest.mark.parametrize(("path", "tool"), [
    (GOATCOUNTER, Tool.GOATCOUNTER), (PLAUSIBLE_ZIP, Tool.PLAUSIBLE),
    (PLAUSIBLE_API, Tool.PLAUSIBLE), (UMAMI, Tool.UMAMI), (MATOMO_LIVE, Tool.MATOMO),
    (MATOMO_CAMPAIGNS, Tool.MATOMO)])
def test_each_export_is_recognised_and_named_tools_agree(path: Path, tool: Tool) -> None:
    assert read_export(path).tool == tool
    assert read_export(path, tool) == read_export(path)


@pytest.mark.parametrize(("path", "named", "looks_like"), [
    (UMAMI, Tool.GOATCOUNTER, "Umami"), (GOATCOUNTER, Tool.PLAUSIBLE, "GoatCounter"),
    (MATOMO_LIVE, Tool.UMAMI, "Matomo"), (PLAUSIBLE_ZIP, Tool.MATOMO, "Plausible")])
def test_another_tools_export_is_named(path: Path, named: Tool, looks_like: str) -> None:
    found = problem(path, named)
    assert found.key == "reach.wrong_tool"
    assert found.values["looks_like"] == looks_like


# -- malformed files ----------------------------------------------------------------------

def write(tmp_path: Path, name: str, content: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def test_missing_and_empty_files(tmp_path: Path) -> None:
    assert problem(tmp_path / "nope.csv").key == "reach.missing"
    assert problem(tmp_path).key == "reach.unreadable"
    assert problem(write(tmp_path, "empty.csv", "")).key == "reach.empty"
    assert problem(write(tmp_path, "blank.csv", "\r\n \n")).key == "reach.empty"
    assert problem(write(tmp_path, "e.csv.gz", gzip.compress(b""))).key == "reach.empty"


def test_wrong_columns_name_the_shapes(tmp_path: Path) -> None:
    found = problem(write(tmp_path, "x.csv", "page,hits\r\n/a,3\r\n"))
    assert found.key == "reach.unknown_shape"
    assert "GoatCounter" in str(found) and "Matomo" in str(found)
    found = problem(write(tmp_path, "x.csv", "page,hits\n/a,3\n"), Tool.UMAMI)
    assert found.key == "reach.not_tool_shape" and "url_path" in str(found)
    assert problem(write(tmp_path, "x.json", '{"hello": []}')).key == "reach.unknown_shape"


def test_too_large_before_reading(tmp_path: Path) -> None:
    found = problem(UMAMI, max_bytes=1000)
    assert found.key == "reach.too_large" and found.values["limit"] == 1000


def test_bad_number_names_row_and_column(tmp_path: Path) -> None:
    lines = PLAUSIBLE_API.read_text()
    data = json.loads(lines)
    data["results"][2]["metrics"][1] = "banyak"
    found = problem(write(tmp_path, "q.json", json.dumps(data)))
    assert (found.key, found.values["row"], found.values["column"]) == (
        "reach.bad_number", 3, "visits")
    text = MATOMO_CAMPAIGNS.read_bytes().decode("utf-16").replace(",6,6,", ",6,-6,")
    found = problem(write(tmp_path, "c.csv", text))
    assert (found.key, found.values["row"], found.values["column"]) == (
        "reach.bad_number", 3, "nb_visits")


def test_bad_date(tmp_path: Path) -> None:
    text = GOATCOUNTER.read_text().replace("2026-03-14T12:10:00Z", "kemarin")
    found = problem(write(tmp_path, "g.csv", text))
    assert (found.key, found.values["column"]) == ("reach.bad_date", "Date")


def test_zip_bomb_is_not_unpacked(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("visitors.csv", b"date,visitors\n" + b"0" * 5_000_000)
        archive.writestr("pages.csv", b"name,visitors\n")
    path = write(tmp_path, "bomb.zip", buffer.getvalue())
    assert path.stat().st_size < 100_000
    assert problem(path, max_bytes=1_000_000).key == "reach.zip_too_large"
    gz = write(tmp_path, "bomb.csv.gz", gzip.compress(b"2Path," + b"x" * 5_000_000))
    assert problem(gz, max_bytes=1_000_000).key == "reach.zip_too_large"


def test_not_text_and_broken_files(tmp_path: Path) -> None:
    found = problem(write(tmp_path, "w.csv", "label,nb_visits\ncaf\xe9,3\n".encode("latin-1")))
    assert (found.key, found.values["offset"]) == ("reach.not_text", 19)
    assert problem(write(tmp_path, "p.png", b"\x89PNG\r\n\x1a\n\x00\x00")).key == "reach.not_text"
    assert problem(write(tmp_path, "b.json", '{"results": [')).key == "reach.bad_json"
    assert problem(write(tmp_path, "b.zip", b"PK\x03\x04broken")).key == "reach.bad_zip"
    found = problem(write(tmp_path, "e.json", '{"result":"error","message":"token_auth salah"}'))
    assert found.key == "reach.tool_error" and "token_auth" in str(found)


def test_problems_are_said_in_both_languages(tmp_path: Path) -> None:
    found = problem(write(tmp_path, "kosong.csv", ""))
    assert "kosong" in found.message("id") and "empty" in found.message("en")


# -- anything at all ----------------------------------------------------------------------

HEADERS = st.sampled_from([
    "2Path,Title,Event,UserAgent,Browser,System,Session,Bot,Referrer,Referrer scheme,"
    "Screen size,Location,FirstVisit,Date",
    "date,visitors,pageviews,visits,views_per_visit,bounce_rate,visit_duration",
    "name,visitors,bounce_rate,visit_duration", "label,nb_visits,nb_hits,url",
    "session_id,url_path,url_query,event_type,created_at,utm_source", ""])
FIELDS = st.text(alphabet=st.sampled_from(list('abc019-:/?=&,"\r\n TZ.\x00é')), max_size=20)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                    HealthCheck.function_scoped_fixture])
@given(header=HEADERS, cells=st.lists(st.lists(FIELDS, max_size=16), max_size=6),
       tool=st.sampled_from([None, *Tool]))
def test_random_csv_gives_an_export_or_a_problem(tmp_path: Path, header: str,
                                                 cells: list[list[str]],
                                                 tool: Tool | None) -> None:
    text = header + "\r\n" + "\r\n".join(",".join(row) for row in cells)
    path = write(tmp_path, "random.csv", text)
    try:
        read_export(path, tool)
    except ExportProblem as found:
        assert found.key in WORDS


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                    HealthCheck.function_scoped_fixture])
@given(raw=st.one_of(st.binary(max_size=300),
                     st.builds(lambda b: b"PK\x03\x04" + b, st.binary(max_size=200)),
                     st.builds(lambda b: b"\x1f\x8b" + b, st.binary(max_size=200)),
                     st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5)
                                  | st.floats(), lambda inner: st.lists(inner, max_size=3)
                                  | st.dictionaries(st.sampled_from(
                                      ["results", "query", "metrics", "dimensions", "data",
                                       "urlPath", "createdAt", "idVisit", "actionDetails",
                                       "label", "nb_visits", "nb_hits", "eventType", "error"]),
                                      inner, max_size=4)).map(
                                          lambda v: json.dumps(v).encode())),
       tool=st.sampled_from([None, *Tool]))
def test_random_bytes_give_an_export_or_a_problem(tmp_path: Path, raw: bytes,
                                                  tool: Tool | None) -> None:
    path = write(tmp_path, "random.bin", raw)
    try:
        read_export(path, tool)
    except ExportProblem as found:
        assert found.key in WORDS

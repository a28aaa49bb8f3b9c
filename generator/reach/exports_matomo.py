"""Matomo: the visits log (Live.getLastVisitsDetails, JSON) and the campaign and page reports
of the Reporting API (Referrers.getCampaigns, Actions.getPageUrls with flat=1; JSON or CSV).

Live.getLastVisitsDetails (https://developer.matomo.org/api-reference/reporting-api#Live,
format=JSON) answers a list of visits: {"idVisit", "serverDate", "firstActionTimestamp",
"referrerType", "referrerName", "campaignName", "campaignSource", "campaignMedium",
"campaignContent", …, "actionDetails": [{"type": "action", "url", "timestamp", …}]}. The
campaign* fields come from the Marketing Campaigns Reporting plugin
(matomo-org/plugin-MarketingCampaignsReporting VisitorDetails.php, part of Matomo since 5);
without it a campaign visit has referrerType "campaign" and the campaign's name in
referrerName. Matomo lowercases campaign names and takes campaign parameters off page URLs, so
the landing URL's own utm_* are only a last resort. One row per visit: unit "visits", the
path of the first page, day and hour of firstActionTimestamp in the zone asked for.

Reports (https://developer.matomo.org/api-reference/reporting-api, "Export API" in the UI):
JSON is a list of rows {"label", "nb_visits", "nb_uniq_visitors", …} — or, for several
periods, an object {"2026-03-14": [rows], …}; CSV has the same column names in its header
(``date`` first for several periods) and comes as UTF-16LE with a byte order mark unless
convertToUnicode=0 (core/DataTable/Renderer/Csv.php). Page reports have nb_hits and a url
(``url`` or, in older CSVs, ``metadata_url``); campaign reports' label is the campaign name.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from .model import Export, Table, Tool, Visits, count, day_of, list_of_dicts, moment, split_url

LIVE_SHAPE = 'Matomo Live.getLastVisitsDetails JSON ([{"idVisit", "actionDetails", …}])'
REPORT_SHAPE = ("Matomo report (Referrers.getCampaigns or Actions.getPageUrls&flat=1) as JSON "
                "or CSV (label,nb_visits,…)")


def recognise_live(data: Any) -> bool:
    visits = list_of_dicts(data)
    return visits is not None and "idVisit" in visits[0] and "actionDetails" in visits[0]


def _first_page(actions: Any) -> str:
    if isinstance(actions, list):
        for action in actions:
            if isinstance(action, dict) and action.get("type") == "action" and action.get("url"):
                return str(action["url"])
    return ""


def read_live(data: list[dict[str, Any]], name: str, tz: tzinfo) -> Export:
    rows = []
    for number, visit in enumerate(data, start=1):
        path, utm = split_url(_first_page(visit.get("actionDetails")))

        def pick(field: str, utm_key: str, visit: dict[str, Any] = visit,
                 utm: dict[str, str] = utm) -> str:
            value = visit.get(field)
            return str(value).strip() if value else utm.get(utm_key, "")

        campaign = pick("campaignName", "utm_campaign")
        if not campaign and visit.get("referrerType") == "campaign":
            campaign = str(visit.get("referrerName") or "").strip()
        if visit.get("firstActionTimestamp") not in (None, ""):
            day, hour = moment(count(visit["firstActionTimestamp"], name, number,
                                     "firstActionTimestamp"), tz, name, number,
                               "firstActionTimestamp")
            when: tuple[Any, int | None] = (day, hour)
        else:
            when = (day_of(visit.get("serverDate"), name, number, "serverDate"), None)
        rows.append(Visits(path=path, source=pick("campaignSource", "utm_source"),
                           medium=pick("campaignMedium", "utm_medium"), campaign=campaign,
                           content=pick("campaignContent", "utm_content"), visits=1,
                           day=when[0], hour=when[1]))
    return Export(Tool.MATOMO, "visits", tuple(rows), name)


def _report_rows(data: Any) -> list[tuple[str | None, list[dict[str, Any]]]] | None:
    """The rows of a report, per day when the report is per period: [(day or None, rows)]."""
    rows = list_of_dicts(data)
    if rows is not None:
        return [(None, rows)]
    if isinstance(data, dict) and data and all(isinstance(v, list) for v in data.values()):
        return [(str(key), value) for key, value in data.items()]
    return None


def recognise_report_json(data: Any) -> bool:
    periods = _report_rows(data)
    if periods is None:
        return False
    rows = [row for _, rows in periods for row in rows]
    return bool(rows) and all(isinstance(row, dict) and "label" in row and "nb_visits" in row
                              for row in rows)


def recognise_report_csv(header: tuple[str, ...]) -> bool:
    return "label" in header and "nb_visits" in header


def _report_visit(row: dict[str, Any], pages: bool, day: str | None, name: str,
                  number: int) -> Visits:
    visits = count(row.get("nb_visits"), name, number, "nb_visits")
    label = str(row.get("label") or "").strip()
    when = day_of(day, name, number, "date") if day else None
    if pages:
        url = str(row.get("url") or row.get("metadata_url") or "")
        path = split_url(url)[0] if url else "/" + label.lstrip("/")
        return Visits(path, "", "", "", "", visits, day=when)
    return Visits("", "", "", label, "", visits, day=when)


def read_report_json(data: Any, name: str) -> Export:
    periods = _report_rows(data) or []
    pages = any("nb_hits" in row for _, rows in periods for row in rows)
    out = []
    number = 0
    for day, rows in periods:
        for row in rows:
            number += 1
            out.append(_report_visit(row, pages, day, name, number))
    return Export(Tool.MATOMO, "visits", tuple(out), name)


def read_report_csv(table: Table) -> Export:
    pages = "nb_hits" in table.header
    rows = tuple(_report_visit(record, pages, record.get("date") or None, table.name, line)
                 for line, record in table.rows)
    return Export(Tool.MATOMO, "visits", rows, table.name)

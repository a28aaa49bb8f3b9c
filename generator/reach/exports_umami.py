"""Umami: the data export (CSV of website events) and the events API JSON; one row per
pageview either way.

The data export (Umami Cloud: Settings → Data → Export data, https://umami.is/docs/cloud/
export-data) is the ``website_event`` table as CSV, its columns those of
umami-software/umami db/clickhouse/schema.sql: website_id, session_id, visit_id, event_id,
hostname, browser, os, device, screen, language, country, region, city, url_path, url_query,
utm_source, utm_medium, utm_campaign, utm_content, utm_term, referrer_path, referrer_query,
referrer_domain, page_title, gclid, …, event_type, event_name, tag, distinct_id, created_at,
job_id. created_at is UTC ("2026-03-14 02:15:33"); event_type 1 is a pageview
(src/lib/constants.ts EVENT_TYPE). Older exports and the self-hosted PostgreSQL table have no
utm_* columns: the utm values are then read from url_query.

The events API (GET /api/websites/:websiteId/events, https://umami.is/docs/api/events-api;
src/queries/sql/events/getWebsiteEvents.ts) answers ``{"data": [{"id", "sessionId",
"createdAt", "urlPath", "urlQuery", "eventType", "eventName", …}], "count", "page",
"pageSize"}``; urlQuery carries the utm_* parameters.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from .model import Export, Table, Tool, Visits, count, moment, utm_of

NEEDED = ("url_path", "url_query", "event_type", "created_at")
CSV_SHAPE = "Umami data export CSV (…,url_path,url_query,utm_source,…,event_type,…,created_at)"
API_SHAPE = 'Umami events API JSON ({"data": [{"urlPath", "urlQuery", "createdAt", …}]})'
PAGEVIEW = 1


def recognise_csv(header: tuple[str, ...]) -> bool:
    return all(column in header for column in NEEDED) and (
        "session_id" in header or "visit_id" in header)


def _visit(path: str, query: str, given: dict[str, str], visits: int,
           when: tuple[Any, int]) -> Visits:
    utm = utm_of(query)
    for key, value in given.items():
        if value:
            utm[key] = value
    return Visits(path=path.split("?", 1)[0], source=utm.get("utm_source", ""),
                  medium=utm.get("utm_medium", ""), campaign=utm.get("utm_campaign", ""),
                  content=utm.get("utm_content", ""), visits=visits,
                  day=when[0], hour=when[1])


def read_csv(table: Table, tz: tzinfo) -> Export:
    rows = []
    for line, record in table.rows:
        if count(record["event_type"], table.name, line, "event_type") != PAGEVIEW:
            continue
        given = {key: record.get(key, "").strip()
                 for key in ("utm_source", "utm_medium", "utm_campaign", "utm_content")}
        when = moment(record["created_at"], tz, table.name, line, "created_at")
        rows.append(_visit(record["url_path"], record["url_query"], given, 1, when))
    return Export(Tool.UMAMI, "pageviews", tuple(rows), table.name)


def recognise_json(data: Any) -> bool:
    if not isinstance(data, dict) or not isinstance(data.get("data"), list):
        return False
    events = data["data"]
    return not events or (isinstance(events[0], dict) and "urlPath" in events[0]
                          and "createdAt" in events[0])


def read_json(data: dict[str, Any], name: str, tz: tzinfo) -> Export:
    rows = []
    for number, event in enumerate(data["data"], start=1):
        if not isinstance(event, dict):
            continue
        if count(event.get("eventType", PAGEVIEW), name, number, "eventType") != PAGEVIEW:
            continue
        when = moment(event.get("createdAt"), tz, name, number, "createdAt")
        rows.append(_visit(str(event.get("urlPath") or ""), str(event.get("urlQuery") or ""),
                           {}, 1, when))
    return Export(Tool.UMAMI, "pageviews", tuple(rows), name)

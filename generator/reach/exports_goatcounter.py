"""GoatCounter's CSV export: one row per pageview.

Documented in arp242/goatcounter tpl/help/export.md ("CSV format"; also at
https://www.goatcounter.com/help/export) and written by exportcsv.go (``RunCSV``): the header
is ``2Path,Title,Event,UserAgent,Browser,System,Session,Bot,Referrer,Referrer scheme,
Screen size,Location,FirstVisit,Date`` (the leading digit is the format's version; version 1
had the same names in another order, so columns are read by name). The download is gzipped
(``goatcounter-export-<site>-<time>.csv.gz``); ``exports`` unpacks it.

Campaigns (hit.go ``Defaults``, tpl/help/campaigns.md): when a page is opened with
``utm_source``/``ref``/``src``/``source`` GoatCounter stores that value as the Referrer with
Referrer scheme ``c``; ``utm_campaign`` becomes a campaign record that the CSV does not carry,
and the path is stored without the query and without a trailing slash ("/tutorial/x"). So
this export gives the source and the page, never the campaign or the utm_content slot.

Events (Event true/1) and bots (Bot not 0) are left out; every other row is one pageview.
"""

from __future__ import annotations

from datetime import tzinfo

from .model import Export, ExportProblem, Table, Tool, Visits, moment, split_url

NEEDED = ("Title", "Event", "Bot", "Referrer", "Referrer scheme", "FirstVisit", "Date")
SHAPE = "GoatCounter CSV (2Path,Title,Event,…,Referrer,Referrer scheme,…,FirstVisit,Date)"


def path_column(header: tuple[str, ...]) -> str | None:
    """The first column, "<version>Path", when the header is GoatCounter's."""
    first = header[0] if header else ""
    return first if first.endswith("Path") and first[:-4].isdigit() else None


def recognise_csv(header: tuple[str, ...]) -> bool:
    return path_column(header) is not None and all(column in header for column in NEEDED)


def read_csv(table: Table, tz: tzinfo) -> Export:
    path_key = path_column(table.header)
    assert path_key is not None
    rows = []
    for line, record in table.rows:
        if record["Event"].strip().lower() in ("1", "true"):
            continue
        if record["Bot"].strip() not in ("", "0"):
            continue
        path, utm = split_url(record[path_key])
        source = utm.get("utm_source", "")
        if record["Referrer scheme"].strip() == "c":
            source = record["Referrer"].strip()
        day, hour = moment(record["Date"], tz, table.name, line, "Date")
        rows.append(Visits(path=path, source=source, medium=utm.get("utm_medium", ""),
                           campaign=utm.get("utm_campaign", ""),
                           content=utm.get("utm_content", ""), visits=1, day=day, hour=hour))
    return Export(Tool.GOATCOUNTER, "pageviews", tuple(rows), table.name)


def version_problem(table: Table) -> ExportProblem | None:
    """GoatCounter promises to change the leading number when the format changes."""
    key = path_column(table.header)
    if key is not None and key[:-4] not in ("1", "2"):
        return ExportProblem("reach.not_tool_shape", name=table.name, tool="GoatCounter",
                             expected=SHAPE + f" — this file is version {key[:-4]}")
    return None

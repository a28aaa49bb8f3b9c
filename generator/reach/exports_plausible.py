"""Plausible: the dashboard's CSV export (a zip of CSVs) and the Stats API v2 JSON.

The dashboard export ("Export" under the dashboard's ⋯ menu; plausible/analytics
lib/plausible/stats/dashboard/csv_export.ex, test/plausible_web/controllers/api/
stats_controller/dashboard_csv_export_test.exs, https://plausible.io/docs/export-stats) is a
zip of one-dimension breakdowns, each a CSV whose first column is ``date`` (visitors.csv,
one row per day) or ``name`` (every other file):

    visitors.csv       date,visitors,pageviews,visits,views_per_visit,bounce_rate,visit_duration
    pages.csv          name,visitors,pageviews,bounce_rate,time_on_page,scroll_depth
    utm_sources.csv    name,visitors,bounce_rate,visit_duration    (also utm_mediums.csv,
                       utm_campaigns.csv, utm_contents.csv)

Only visitors are in every file, so the unit is "visitors"; the daily visitors.csv rows are
the export's rows and each other file a marginal (Export.marginals) — they cannot be crossed.

The Stats API v2 (POST /api/v2/query, https://plausible.io/docs/stats-api-v2) answers
``{"results": [{"dimensions": [...], "metrics": [...]}], "meta": {...}, "query": {...}}``,
the values in the order of ``query.dimensions`` / ``query.metrics``. Any mix of event:page,
visit:entry_page, visit:utm_source, visit:utm_medium, visit:utm_campaign, visit:utm_content,
visit:source and time / time:day / time:hour is read, so one query gives a cross table; the
unit is visits when asked for, else pageviews, else visitors.
"""

from __future__ import annotations

from typing import Any

from .model import Export, ExportProblem, Table, Tool, Visits, count, day_of

ZIP_SHAPE = ("Plausible dashboard export zip (visitors.csv, pages.csv, utm_sources.csv, "
             "utm_mediums.csv, utm_campaigns.csv, utm_contents.csv)")
API_SHAPE = 'Plausible Stats API v2 JSON ({"results": [{"dimensions", "metrics"}], "query"})'

# The zip's files we read, the Visits field their "name" fills.
BREAKDOWNS = {"pages.csv": "path", "utm_sources.csv": "source", "utm_mediums.csv": "medium",
              "utm_campaigns.csv": "campaign", "utm_contents.csv": "content"}
VISITORS_CSV = "visitors.csv"


def recognise_zip(names: set[str]) -> bool:
    return VISITORS_CSV in names and bool(names & set(BREAKDOWNS))


def recognise_table(table: Table) -> bool:
    """A single CSV of the zip, unpacked by hand."""
    header = table.header
    return (header[:2] == ("date", "visitors") and "visits" in header) or (
        header[:2] == ("name", "visitors") and "bounce_rate" in header)


def _row(field: str, value: str, visitors: int) -> Visits:
    return Visits(path=value.split("?", 1)[0] if field == "path" else "",
                  source=value if field == "source" else "",
                  medium=value if field == "medium" else "",
                  campaign=value if field == "campaign" else "",
                  content=value if field == "content" else "", visits=visitors)


def read_tables(tables: dict[str, Table], name: str) -> Export:
    """The zip's CSVs by file name (a lone CSV comes as {its name: table})."""
    rows: list[Visits] = []
    marginals: dict[str, tuple[Visits, ...]] = {}
    for file_name, table in tables.items():
        base = file_name.rsplit("/", 1)[-1]
        if table.header[:1] == ("date",) and "visitors" in table.header:
            for line, record in table.rows:
                day = day_of(record["date"], table.name, line, "date")
                visitors = count(record["visitors"], table.name, line, "visitors")
                rows.append(Visits("", "", "", "", "", visitors, day=day))
            continue
        field = BREAKDOWNS.get(base)
        if field is None and len(tables) == 1:
            field = "path" if "pageviews" in table.header else "source"
        if field is None or "name" not in table.header or "visitors" not in table.header:
            continue
        breakdown = tuple(
            _row(field, record["name"], count(record["visitors"], table.name, line, "visitors"))
            for line, record in table.rows)
        marginals[field] = breakdown
    if not rows and len(marginals) == 1:
        (only,) = marginals.values()
        return Export(Tool.PLAUSIBLE, "visitors", only, name)
    return Export(Tool.PLAUSIBLE, "visitors", tuple(rows), name, marginals)


# The Stats API's dimensions we read, the Visits field each fills.
API_DIMENSIONS = {"event:page": "path", "visit:entry_page": "path",
                  "visit:utm_source": "source", "visit:utm_medium": "medium",
                  "visit:utm_campaign": "campaign", "visit:utm_content": "content",
                  "visit:source": "ref"}
TIME_DIMENSIONS = ("time", "time:day", "time:hour")
API_UNITS = (("visits", "visits"), ("pageviews", "pageviews"), ("visitors", "visitors"))


def recognise_json(data: Any) -> bool:
    return (isinstance(data, dict) and isinstance(data.get("results"), list)
            and isinstance(data.get("query"), dict)
            and isinstance(data["query"].get("metrics"), list))


def read_json(data: dict[str, Any], name: str) -> Export:
    query = data["query"]
    metrics = [str(metric) for metric in query["metrics"]]
    dimensions = [str(d) for d in query.get("dimensions") or []]
    unit, metric = next(((unit, m) for m, unit in API_UNITS if m in metrics),
                        ("visitors", metrics[0] if metrics else "visitors"))
    at = metrics.index(metric) if metric in metrics else 0
    rows = []
    for number, result in enumerate(data["results"], start=1):
        if not isinstance(result, dict):
            continue
        values = list(result.get("metrics") or [])
        labels = list(result.get("dimensions") or [])
        if at >= len(values):
            raise ExportProblem("reach.bad_number", name=name, row=number, column=metric,
                                value="")
        visits = count(values[at], name, number, metric)
        fields = {"path": "", "source": "", "medium": "", "campaign": "", "content": "",
                  "ref": ""}
        day = None
        hour = None
        for dimension, label in zip(dimensions, labels, strict=False):
            text = "" if label is None or label == "(none)" else str(label)
            if dimension in API_DIMENSIONS:
                fields[API_DIMENSIONS[dimension]] = text.split("?", 1)[0]
            elif dimension in TIME_DIMENSIONS:
                # Plausible gives times in the site's own zone ("2026-03-14 09:00:00").
                day = day_of(text, name, number, dimension)
                if dimension == "time:hour" and len(text) >= 13 and text[11:13].isdigit():
                    hour = int(text[11:13]) % 24
        ref = fields.pop("ref")
        if not fields["source"]:
            fields["source"] = ref
        rows.append(Visits(visits=visits, day=day, hour=hour, **fields))
    return Export(Tool.PLAUSIBLE, unit, tuple(rows), name)

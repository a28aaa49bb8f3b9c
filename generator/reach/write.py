"""The reach report's files (``report reach``): ``index.html`` — one page, readable on a phone,
charts first — the charts as SVG beside it, and the numbers as CSV for a spreadsheet:

- ``items.csv``: item, title, type, topics, visits, campaign_visits, shared (yes/no)
- ``platforms.csv``: platform, visits (campaign visits by ``utm_source``)
- ``posting-slots.csv``: slot, visits (by ``utm_content``)
- ``topics.csv``: topic, name, visits
- ``slots.csv``: rank, slot, visits, basis, basis_visits — the best slots, what the share kit
  reads with the ``slots_from_report`` setting (content/learned_slots.py)

Everything is written in the site's language; the same export gives the same bytes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time
from pathlib import Path

from babel.dates import format_date
from babel.numbers import format_decimal
from markupsafe import Markup, escape

from ..library.library import Library
from ..render.environment import environment
from ..values.analytics import BY_ID
from ..values.spreadsheet import safe_cell
from ..words.translate import WORDS, Translator, translator, words_language, zone_label
from . import charts
from .report import Reach

SLOTS_FILE = "slots.csv"
SLOTS_HEADER = ("rank", "slot", "visits", "basis", "basis_visits")
FILES = ("items.csv", "platforms.csv", "posting-slots.csv", "topics.csv", SLOTS_FILE)


def write_report(library: Library, reach: Reach, folder: Path, root: Path | None = None
                 ) -> list[Path]:
    """Every file of the report into ``folder`` (made when missing); the paths written.
    ``root``: the site's folder, which the setting's path in the report is relative to."""
    settings = library.settings
    lang = words_language(settings.language)
    t = translator(lang)
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, bytes] = {
        "items.csv": _csv(("item", "title", "type", "topics", "visits", "campaign_visits",
                           "shared"),
                          ((r.item.url, r.item.title, r.item.kind.value, " ".join(r.item.topics),
                            r.visits, r.campaign, "yes" if r.shared else "no")
                           for r in reach.items)),
        "platforms.csv": _csv(("platform", "visits"), reach.platforms),
        "posting-slots.csv": _csv(("slot", "visits"), reach.posting_slots),
        "topics.csv": _csv(("topic", "name", "visits"),
                           ((topic, _topic_name(library, topic), n)
                            for topic, n in reach.topics)),
        SLOTS_FILE: _csv(SLOTS_HEADER, ((n, s.label, s.visits, reach.best_basis,
                                         reach.basis_visits)
                                        for n, s in enumerate(reach.best, 1))),
    }
    pictures = _charts(library, reach, lang)
    files.update({name: svg for name, (svg, _) in pictures.items()})
    zone = _zone(library, reach)
    unit = t(f"reach.unit.{reach.export.unit}")

    def number(n: int) -> str:
        return format_decimal(n, locale=lang)

    period = (t("reach.period", start=_day(reach.start, lang), end=_day(reach.end, lang))
              if reach.start and reach.end else t("reach.period_unknown"))
    html = environment().get_template("reach/report.html.j2").render(
        t=t, lang=lang, reach=reach, tool=BY_ID[reach.export.tool.value].name,
        library=library, number=number, unit=unit, zone=zone,
        period=period, pictures={name: alt for name, (_, alt) in pictures.items()},
        share=_share(reach.campaign_total, reach.total, lang),
        topic_name=lambda topic: _topic_name(library, topic),
        platform=lambda name: _platform(name, t),
        slot=lambda label: _slot_text(label), files=", ".join(FILES),
        slots_path=_setting_path(folder / SLOTS_FILE, root), minimum=settings.slots_min_visits,
        code=_code)
    files["index.html"] = html.encode("utf-8")
    written = []
    for name, data in files.items():
        path = folder / name
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
        written.append(path)
    return written


def _charts(library: Library, reach: Reach, lang: str) -> dict[str, tuple[bytes, str]]:
    """``file name -> (SVG, its text alternative)`` for what the report has numbers for."""
    t = translator(lang)
    out: dict[str, tuple[bytes, str]] = {}

    def alt(heading: str) -> str:
        return t("reach.chart_alt", what=t(heading).lower())

    if reach.hours is not None:
        best_hours = {h for s in reach.best for h in range(s.start_minute // 60,
                                                           s.end_minute // 60)}
        zone = _zone(library, reach)
        out["hours.svg"] = (charts.hour_chart(reach.hours, sorted(best_hours),
                                              t("reach.hour", zone=zone)), alt("reach.best"))
    if reach.platforms:
        out["platforms.svg"] = (charts.bar_chart([_platform(p, t) for p, _ in reach.platforms],
                                                 [n for _, n in reach.platforms]),
                                alt("reach.platforms"))
    if reach.posting_slots:
        best = ({_slot_text(s.label) for s in reach.best} if reach.best_basis == "posted"
                else set())
        labels = [_slot_text(label) for label, _ in reach.posting_slots]
        out["posting-slots.svg"] = (charts.bar_chart(
            labels, [n for _, n in reach.posting_slots],
            highlight=[n for n, (label, _) in enumerate(reach.posting_slots)
                       if _slot_text(label) in best]), alt("reach.slots"))
    if reach.topics:
        out["topics.svg"] = (charts.bar_chart([_topic_name(library, k) for k, _ in reach.topics],
                                              [n for _, n in reach.topics]), alt("reach.topics"))
    visited = [r for r in reach.items if r.visits]
    if visited:
        out["items.svg"] = (charts.bar_chart([r.item.title for r in visited],
                                             [r.visits for r in visited]), alt("reach.items"))
    return out


def _setting_path(path: Path, root: Path | None) -> str:
    """How ``slots_from_report`` names ``path``: relative to the site's folder when inside."""
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def _code(text: str) -> Markup:
    """A sentence of the words tables as HTML: its `code` marks become ``<code>``."""
    parts = str(text).split("`")
    return Markup("").join(Markup("<code>{}</code>").format(part) if n % 2 else escape(part)
                           for n, part in enumerate(parts))


def _csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """RFC 4180 CSV, UTF-8; a cell that a spreadsheet would run as a formula starts with '."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return buffer.getvalue().encode("utf-8")


def _topic_name(library: Library, topic: str) -> str:
    found = library.topics.get(topic)
    return found.name if found else topic


def _platform(name: str, t: Translator) -> str:
    """The source's name as the site writes it (a platform, the link-in-bio page, a short
    link), else as the link had it."""
    for key in (f"platform.{name}", f"reach.source.{name}"):
        if key in WORDS:
            return t(key)
    return name


def _slot_text(label: str) -> str:
    """``0600-0800`` (a link's) or ``06:00-08:00`` (a setting's) -> ``06.00``, an en dash,
    ``08.00``; anything else as it came."""
    digits = label.replace(":", "")
    if len(digits) == 9 and digits[4] == "-" and digits.replace("-", "").isdigit():
        return f"{digits[:2]}.{digits[2:4]}\u2013{digits[5:7]}.{digits[7:]}"
    return label


def _share(part: int, total: int, lang: str) -> str:
    if not total:
        return "0%"
    return format_decimal(round(100 * part / total), locale=lang) + "%"


def _day(day: date | None, lang: str) -> str:
    return format_date(day, "long", locale=lang) if day else ""


def _zone(library: Library, reach: Reach) -> str:
    """The site's zone as people read it (WIB, or UTC+n on the period's last day)."""
    day = reach.end or date(2000, 1, 1)
    return zone_label(datetime.combine(day, time(12), library.settings.tz))

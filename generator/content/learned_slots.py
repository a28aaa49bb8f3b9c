"""The posting slots measured by the reach report (``slots_from_report``): the report's
``slots.csv`` (reach/write.py: ``rank, slot, visits, basis, basis_visits``) replaces the
configured slots once the visits it was counted from reach ``slots_min_visits``; before that
the configured (or default) slots stay. A missing or damaged file is a warning naming the file
and line: the share kit keeps its slots, the site still builds.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Diagnostic, diag

HEADER = ("rank", "slot", "visits", "basis", "basis_visits")
MAX_BYTES = 1_000_000  # a report's slots.csv has a few lines
_SLOT = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$")


@dataclass(frozen=True)
class Learned:
    path: str  # as the setting names it
    slots: tuple[tuple[int, int], ...]  # the measured slots (start, end minute), by time
    visits: int  # the visits they were counted from
    used: bool  # enough visits: they replace the configured slots
    minimum: int  # the visits needed (``slots_min_visits``)


def learned_slots(root: Path, named: str, min_visits: int, setting: Diagnostic
                  ) -> tuple[Learned | None, list[Diagnostic]]:
    """What the report's file ``named`` (relative to ``root``) holds, and whether it has
    enough visits (``min_visits``); the problems. ``setting``: the problem to give when the
    file cannot be read (it names the setting's line in mkdocs.yml)."""
    try:
        data = (root / named).read_bytes()[:MAX_BYTES + 1]
    except OSError:
        return None, [setting]
    problems: list[Diagnostic] = []
    slots: list[tuple[int, int]] = []
    visits = 0
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = ""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if len(data) > MAX_BYTES or not rows or tuple(c.strip() for c in rows[0]) != HEADER:
        return None, [diag(named, 1, "slots_from_report", "settings.slots_header",
                           warning=True, header=",".join(HEADER))]
    for number, row in enumerate(rows[1:], 2):
        if not row:
            continue
        match = _SLOT.match(row[1].strip()) if len(row) == len(HEADER) else None
        if match is None or not row[4].strip().isdigit():
            problems.append(diag(named, number, "slot", "settings.slots_row", warning=True,
                                 value=",".join(row)))
            continue
        start = int(match.group(1)) * 60 + int(match.group(2))
        end = int(match.group(3)) * 60 + int(match.group(4))
        if end <= start:
            problems.append(diag(named, number, "slot", "settings.slots_row", warning=True,
                                 value=",".join(row)))
            continue
        slots.append((start, end))
        visits = int(row[4])
    ordered = tuple(sorted(set(slots)))
    used = bool(ordered) and visits >= min_visits
    return Learned(named, ordered, visits, used, min_visits), problems

"""``knowledge-site report reach EXPORT``: what a visit counter's export says about the
library's reach, as a report folder (docs/analytics.md)."""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

from ..library.addresses import redirects
from ..library.check import run
from ..reach.exports import ExportProblem, Tool, read_export
from ..reach.report import measure
from ..reach.write import write_report
from ..words.translate import translator
from .output import message_language, report, says

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2
DEFAULT_FOLDER = Path("reach")


def reach_report(root: Path, now: datetime, export: Path | None, *, tool: str | None,
                 out: Path | None, since: date | None, until: date | None,
                 lang: str | None) -> int:
    result = run(root, now)
    library = result.library
    msg_lang = message_language(lang, library.settings.language if library else None)
    if export is None:
        print(says("reach.no_export", msg_lang), file=sys.stderr)
        return EXIT_USAGE
    if library is None:
        report(result.diagnostics, msg_lang)
        return EXIT_CONTENT
    try:
        found = read_export(export, Tool(tool) if tool else None, tz=library.settings.tz)
    except ExportProblem as problem:
        print(problem_text(problem, msg_lang), file=sys.stderr)
        return EXIT_CONTENT
    old = ({r.from_url: r.to_url for r in redirects(library.history, library.all_items)}
           if library.history is not None else {})
    reach = measure(library, found, old, since, until)
    folder = out if out is not None else root / DEFAULT_FOLDER
    write_report(library, reach, folder, root)
    print(translator(msg_lang)("reach.written", path=folder.as_posix()), file=sys.stderr)
    return EXIT_OK


def problem_text(problem: ExportProblem, lang: str) -> str:
    """The problem in the librarian's language."""
    return problem.message(lang)

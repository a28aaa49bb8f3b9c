"""What every command prints: problem lists and a few sentences, in Indonesian or English."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO

from ..content.diagnostics import Diagnostic, Severity, format_github, format_json, format_text
from ..library.library import Library
from ..words.cli import SAYINGS
from ..words.translate import format_moment, pick, words_language


def says(key: str, lang: str, **params: object) -> str:
    return pick(SAYINGS[key], lang).format(**params)


def message_language(requested: str | None, site_language: str | None) -> str:
    """``--lang`` when given, else the site's language (Indonesian when it cannot be read)."""
    return requested or words_language(site_language or "id")


def report(diagnostics: Sequence[Diagnostic], lang: str, fmt: str = "text",
           stream: TextIO | None = None) -> None:
    out = stream or sys.stderr
    if fmt == "json":
        print(format_json(diagnostics, lang), file=out)
    elif diagnostics:
        text = (format_github if fmt == "github" else format_text)(diagnostics, lang)
        print(text, file=out)


def summary_line(diagnostics: Sequence[Diagnostic], lang: str) -> str:
    if not diagnostics:
        return says("check.clean", lang)
    errors = sum(1 for d in diagnostics if d.severity is Severity.ERROR)
    return says("check.summary", lang, errors=errors, warnings=len(diagnostics) - errors)


def held_back(library: Library, lang: str) -> list[str]:
    """What this build left out (drafts, items dated later) and when each scheduled one goes
    out, in the site's time zone; or, in a preview, what it included with a mark."""
    drafts, later = library.held_back()
    if not drafts and not later:
        return []
    shown = {i.src for i in library.items}
    lines = []
    for included in (False, True):
        d = [i for i in drafts if (i.src in shown) is included]
        s = [i for i in later if (i.src in shown) is included]
        if not d and not s:
            continue
        lines.append(says("held.included" if included else "held.summary", lang,
                          drafts=len(d), scheduled=len(s)))
        lines += [says("held.draft", lang, path=i.path, title=i.title) for i in d]
        lines += [says("held.scheduled", lang, path=i.path, title=i.title,
                       when=format_moment(i.date, library.settings.tz, lang)) for i in s]
    return lines

"""What every command prints: problem lists and a few sentences, in Indonesian or English."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO

from ..content.diagnostics import Diagnostic, Severity, format_github, format_json, format_text
from ..words.cli import SAYINGS
from ..words.translate import pick, words_language


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

"""Problems a librarian can fix: collected, never raised one by one.

A Diagnostic stores a message *code* and its parameters, not text, so the same
problem can be printed in Indonesian or English (see ``messages.py``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from enum import StrEnum
from typing import Any

from ..words.messages import render_message


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    field: str
    code: str
    severity: Severity = Severity.ERROR
    # Compared too: two different links broken on one line are two problems, not one.
    params: tuple[tuple[str, str], ...] = dataclass_field(default=())

    def message(self, lang: str) -> str:
        return render_message(self.code, lang, dict(self.params))


def diag(
    path: str, line: int, field_name: str, code: str, *, warning: bool = False, **params: Any
) -> Diagnostic:
    """Shorthand used by every validator; parameters are stored as text."""
    return Diagnostic(
        path=path,
        line=max(line, 1),
        field=field_name,
        code=code,
        severity=Severity.WARNING if warning else Severity.ERROR,
        params=tuple(sorted((k, str(v)) for k, v in params.items())),
    )


class ContentError(Exception):
    """The one exception for problems a librarian can fix: carries every diagnostic."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = sorted(diagnostics)
        super().__init__(f"{len(self.diagnostics)} problem(s) in the content")


# Warnings about what the site already put right as it published: a link or a file name that
# followed a renamed or moved file, an address without its tracking parameters. The site is as
# meant, so even --strict (the pull-request check) lets them pass; ``knowledge-site fix`` tidies
# the files.
TIDY_CODES = frozenset({"link.moved", "asset.moved", "link.old_address", "link.tracking",
                        "value.tracking"})


def strictened(diagnostics: Iterable[Diagnostic], strict: bool) -> list[Diagnostic]:
    """Under --strict every warning counts as an error, but the tidy-ups (``TIDY_CODES``)."""
    out = []
    for d in diagnostics:
        if strict and d.severity is Severity.WARNING and d.code not in TIDY_CODES:
            d = Diagnostic(d.path, d.line, d.field, d.code, Severity.ERROR, d.params)
        out.append(d)
    return sorted(set(out), key=_order)


def _order(d: Diagnostic) -> tuple[str, int, str, str]:
    return (d.path, d.line, d.field, d.code)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)


def format_text(diagnostics: Iterable[Diagnostic], lang: str) -> str:
    """``path:line: severity: field: message`` — one line per problem."""
    lines = [
        f"{d.path}:{d.line}: {d.severity.value}: {d.field}: {d.message(lang)}" for d in diagnostics
    ]
    return "\n".join(lines)


def format_json(diagnostics: Iterable[Diagnostic], lang: str) -> str:
    return json.dumps(
        [
            {
                "path": d.path,
                "line": d.line,
                "field": d.field,
                "severity": d.severity.value,
                "code": d.code,
                "message": d.message(lang),
            }
            for d in diagnostics
        ],
        ensure_ascii=False,
        indent=2,
    )


def _gh_escape(value: str, *, prop: bool) -> str:
    # The escaping GitHub's workflow commands require (toolkit's escapeData/escapeProperty).
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(diagnostics: Iterable[Diagnostic], lang: str) -> str:
    """Workflow commands, so each problem is an annotation on the pull request's line."""
    lines = []
    for d in diagnostics:
        kind = "error" if d.severity is Severity.ERROR else "warning"
        title = _gh_escape(d.field, prop=True)
        lines.append(
            f"::{kind} file={_gh_escape(d.path, prop=True)},line={d.line},title={title}::"
            f"{_gh_escape(d.message(lang), prop=False)}"
        )
    return "\n".join(lines)

"""``knowledge-site fix``: do in the files what the site already did as it published.

After a file is renamed or moved (in the web editor, one commit), the links and pictures that
name its old path keep working — the build follows the rename — but ``check`` warns at each of
them; the same for a link to an item's old address, and for an address with tracking
parameters (published without them). This command rewrites exactly those spans: a body link's
target (found by the same Markdown reading check uses, so a path in code or in plain text is
never touched) and a front matter value on its line. Nothing else in any file changes; files
keep their byte-order mark, line ends and permissions.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from ..content.diagnostics import Diagnostic, has_errors
from ..content.edits import apply_edits, body_offset, read_normal
from ..content.markdown_scan import scan_body
from ..library.check import Options, run
from .output import message_language, report, says, summary_line

# What fix does: the warnings (diagnostics.TIDY_CODES) whose ``new`` parameter is the text to
# write instead.
BODY_CODES = frozenset({"link.moved", "link.old_address", "link.tracking"})
FIELD_CODES = frozenset({"asset.moved", "value.tracking"})


def fix_site(root: Path, now: datetime, lang: str | None) -> int:
    result = run(root, now, Options(drafts=True, future=True))
    msg_lang = message_language(lang, result.library.settings.language if result.library
                                else None)
    if result.library is None:
        report(result.diagnostics, msg_lang)
        return 1
    extensions = result.library.settings.markdown_extensions
    wanted: dict[str, list[Diagnostic]] = {}
    for d in result.diagnostics:
        if d.code in BODY_CODES | FIELD_CODES:
            wanted.setdefault(d.path, []).append(d)
    changed = 0
    for path, found in sorted(wanted.items()):
        edits, left = _edits(root / path, found, extensions)
        for d in left:
            print(says("fix.by_hand", msg_lang, path=path, line=d.line,
                       value=dict(d.params)["value"], new=dict(d.params)["new"]),
                  file=sys.stderr)
        if edits:
            apply_edits(root / path, edits)
            changed += 1
            print(says("fix.done", msg_lang, path=path, count=len(edits)), file=sys.stderr)
    if not wanted:
        print(says("fix.nothing", msg_lang), file=sys.stderr)
    after = run(root, now).diagnostics if changed else result.diagnostics
    print(summary_line(after, msg_lang), file=sys.stderr)
    return 1 if has_errors(after) else 0


def _edits(path: Path, found: list[Diagnostic], extensions: tuple[str, ...]
           ) -> tuple[list[tuple[int, int, str]], list[Diagnostic]]:
    """(start, end, new) spans of the file's text for each warning; the ones not found."""
    text, _, _ = read_normal(path)
    offset = body_offset(text)
    body_line = text[:offset].count("\n") + 1
    links = [f for f in scan_body(text[offset:], extensions).links if f.start >= 0]
    line_starts = [0]
    for n, ch in enumerate(text):
        if ch == "\n":
            line_starts.append(n + 1)
    edits: list[tuple[int, int, str]] = []
    left = []
    for d in found:
        params = dict(d.params)
        value, new = params["value"], params["new"]
        if d.code in BODY_CODES:
            spans = [(offset + f.start, offset + f.end) for f in links
                     if body_line + f.line == d.line and f.target == value]
            edits += [(start, end, new) for start, end in spans]
            if not spans:
                left.append(d)
            continue
        # A front matter value: on its line, after the key's colon.
        if d.line > len(line_starts):
            left.append(d)
            continue
        start = line_starts[d.line - 1]
        end = line_starts[d.line] - 1 if d.line < len(line_starts) else len(text)
        line = text[start:end]
        at = line.find(value, line.find(":") + 1)
        if at < 0 or start + at >= offset:
            left.append(d)
            continue
        edits.append((start + at, start + at + len(value), new))
    return sorted(set(edits)), left

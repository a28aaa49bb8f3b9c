"""Changing a librarian's file in place, touching nothing else: the commands that repair
content (``localize-images``, ``fix``) replace exact spans of the text check read, and the
file keeps its byte-order mark and its line ends."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

BOM = b"\xef\xbb\xbf"


def body_offset(text: str) -> int:
    """Where the body starts in a file's text as check reads it (after the front matter)."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return 0
    for n in range(1, len(lines)):
        if lines[n].rstrip() in ("---", "..."):
            return len("\n".join(lines[:n + 1])) + 1
    return 0


def read_normal(path: Path) -> tuple[str, bool, str]:
    """(the text as check reads it: no BOM, LF line ends; had a BOM; the line end used)."""
    data = path.read_bytes()
    bom = data.startswith(BOM)
    text = data[len(BOM):].decode("utf-8") if bom else data.decode("utf-8")
    newline = "\r\n" if "\r\n" in text else ("\r" if "\r" in text else "\n")
    return text.replace("\r\n", "\n").replace("\r", "\n"), bom, newline


def apply_edits(path: Path, edits: list[tuple[int, int, str]]) -> None:
    """Replace each (start, end, new) span of the file's text (offsets as ``read_normal``
    gives it), written back through a temporary file with the file's BOM and line ends."""
    text, bom, newline = read_normal(path)
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    data = text.replace("\n", newline).encode("utf-8")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write((BOM if bom else b"") + data)
        os.chmod(tmp, path.stat().st_mode & 0o7777)  # the file keeps its permissions
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

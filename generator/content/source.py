"""Discover and load: find the files under site_src/, read them as a librarian wrote them.

We split front matter ourselves rather than through python-frontmatter, whose
reader hides unclosed or BOM-prefixed front matter as "no metadata": here every
such file is a message naming the file and line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from . import yamltree
from .diagnostics import Diagnostic, diag
from .models import KIND_BY_FOLDER, Kind

_FENCES_CLOSE = ("---", "...")


@dataclass(frozen=True)
class SourceFile:
    kind: Kind
    path: str  # relative to the repository root
    src: str  # relative to docs_dir
    meta: yamltree.YMap
    body: str
    body_line: int  # file line of the body's first line


@dataclass(frozen=True)
class Discovered:
    items: tuple[tuple[Kind, str], ...]  # (kind, src relative to docs_dir)
    outside_links: tuple[str, ...]  # symlinks that point outside docs_dir
    markdown: frozenset[str]  # every .md under docs_dir (src paths)
    files: frozenset[str]  # every file under docs_dir (src paths)
    folder_links: tuple[str, ...] = ()  # links to folders inside docs_dir (not followed)


def discover(docs: Path) -> Discovered:
    """Every file under docs_dir, sorted; an item is a .md file directly in a type folder."""
    items: list[tuple[Kind, str]] = []
    outside: list[str] = []
    folders: list[str] = []
    markdown: set[str] = set()
    files: set[str] = set()
    root = docs.resolve()
    for dirpath, dirnames, filenames in os.walk(docs, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        base = Path(dirpath)
        for d in list(dirnames):
            if (base / d).is_symlink():
                dirnames.remove(d)
                src = (base / d).relative_to(docs).as_posix()
                if not _inside((base / d).resolve(), root):
                    outside.append(src)
                else:  # mkdocs would follow it (and loop, for a link to a parent folder)
                    folders.append(src)
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            full = base / name
            src = full.relative_to(docs).as_posix()
            if full.is_symlink() and not _inside(full.resolve(), root):
                outside.append(src)
                continue
            files.add(src)
            if name.endswith(".md"):
                markdown.add(src)
                parts = src.split("/")
                if len(parts) == 2 and parts[0] in KIND_BY_FOLDER:
                    items.append((KIND_BY_FOLDER[parts[0]], src))
    return Discovered(tuple(sorted(items, key=lambda t: t[1])), tuple(sorted(outside)),
                      frozenset(markdown), frozenset(files), tuple(sorted(folders)))


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def read_text(full: Path, rel: str) -> tuple[str | None, list[Diagnostic]]:
    """Bytes -> text: a UTF-8 BOM is dropped and CRLF/CR become LF; anything else is refused."""
    data = full.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if not data.strip():
        return None, [diag(rel, 1, "file", "file.empty")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None, encoding_problems(rel, data)
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


# At most this many lines of a file that is not UTF-8 get a message of their own.
_ENCODING_LINES = 10


def encoding_problems(rel: str, data: bytes) -> list[Diagnostic]:
    """A file that is not UTF-8: for each line that cannot be read, the column, the bytes,
    and what they probably were. Editors on Windows save in Windows-1252 (é is the one byte
    E9, the curly quotes are 93, 94 and 92); Notepad's "Unicode" is UTF-16."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return [diag(rel, 1, "file", "file.utf16")]
    out = []
    for n, line in enumerate(data.split(b"\n"), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as exc:
            bad = line[exc.start:exc.end]
            column = len(line[:exc.start].decode("utf-8", "replace")) + 1
            shown = " ".join(f"{b:02X}" for b in bad)
            try:
                guess = bad.decode("cp1252")
            except UnicodeDecodeError:
                guess = ""
            # The word around it, as the Windows encoding reads it: what the librarian typed.
            before = line[:exc.start].decode("cp1252", "replace").split()
            after = line[exc.end:].decode("cp1252", "replace").split()
            near = ((before[-1] if before and not line[exc.start - 1:exc.start].isspace()
                     else "") + (guess or "\ufffd")
                    + (after[0] if after and not line[exc.end:exc.end + 1].isspace() else ""))
            if guess.isprintable() and guess:
                out.append(diag(rel, n, "file", "file.encoding_guess", column=column,
                                bytes=shown, guess=guess, near=near[:40]))
            else:
                out.append(diag(rel, n, "file", "file.encoding", column=column, bytes=shown,
                                near=near[:40]))
            if len(out) == _ENCODING_LINES:
                break
    return out


def load_item(docs: Path, root: Path, kind: Kind, src: str) -> tuple[SourceFile | None,
                                                                     list[Diagnostic]]:
    full = docs / src
    rel = full.relative_to(root).as_posix() if full.is_relative_to(root) else full.as_posix()
    text, problems = read_text(full, rel)
    if text is None:
        return None, problems
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return None, [diag(rel, 1, "file", "file.no_front_matter")]
    close = next((i for i in range(1, len(lines)) if lines[i].rstrip() in _FENCES_CLOSE), None)
    if close is None:
        return None, [diag(rel, 1, "file", "file.unclosed_front_matter")]
    try:
        meta = yamltree.parse("\n".join(lines[1:close]), first_line=2)
    except yamltree.YamlError as exc:
        return None, yaml_diagnostics(rel, exc)
    if meta is None:
        meta = yamltree.YMap(1)
    if not isinstance(meta, yamltree.YMap):
        return None, [diag(rel, 2, "yaml", "yaml.not_mapping")]
    body = "\n".join(lines[close + 1:])
    return SourceFile(kind, rel, src, meta, body, close + 2), []


def yaml_diagnostics(rel: str, exc: yamltree.YamlError) -> list[Diagnostic]:
    out = []
    for p in exc.problems:
        if p.code == "yaml.duplicate_key":
            out.append(diag(rel, p.line, p.key, p.code, first=p.detail))
        else:
            out.append(diag(rel, p.line, "yaml", p.code, detail=p.detail))
    return out


def load_yaml_file(full: Path, rel: str) -> tuple[yamltree.YValue, list[Diagnostic]]:
    """A whole-file YAML document such as authors.yml or topics.yml."""
    if not full.is_file():
        return None, [diag(rel, 1, "file", "file.missing_data")]
    text, problems = read_text(full, rel)
    if text is None:
        return None, problems
    try:
        return yamltree.parse(text), []
    except yamltree.YamlError as exc:
        return None, yaml_diagnostics(rel, exc)

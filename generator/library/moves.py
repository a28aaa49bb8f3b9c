"""Moves: where each file of ``site_src/`` that was renamed or moved is now, from git.

A librarian renames a file in the git host's web editor (one commit, the file's content
unchanged) and every link to its old name would break. History knows better: this map takes
each old path to the file it became, so links and pictures follow it (``check`` warns,
``knowledge-site fix`` rewrites them, the build publishes meanwhile).

Items come from ``History`` (which follows them through renames, also ones not yet committed,
by similarity). Every other file (pictures, documents, captions, ordinary pages) comes from one
``git log --diff-filter=R`` walk over the site's folder on the main line, plus the moves not yet
committed: a file HEAD has that is gone from the disk, matched to a new file with the very same
bytes (a moved picture is never edited on the way).
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from .git import GitError, git, unprefix
from .history import History


def load_moves(root: Path, docs_dir: str, history: History | None,
               files: frozenset[str]) -> dict[str, str]:
    """Old path -> the path it has now, both relative to ``docs_dir``; only for old paths no
    file has now and whose file still exists (``files``: every file under docs_dir)."""
    docs_dir = docs_dir.strip("/") or "."
    site = "" if docs_dir == "." else docs_dir + "/"

    def inside(path: str) -> str | None:
        return path[len(site):] if path.startswith(site) else None

    chain: dict[str, str] = {}  # old -> newer (resolved at the end)
    if history is not None and history.available and history.head is not None \
            and shutil.which("git") is not None:
        try:
            _committed(root, docs_dir, chain)
            _not_committed(root, docs_dir, files, chain)
        except (GitError, OSError, ValueError):
            pass  # no moves known: links to old names stay errors, as without git
    for record in history.records if history is not None and history.available else ():
        now = inside(record.current_path or "")
        if now is None:
            continue
        for path in record.paths:
            old = inside(path)
            if old is not None and old != now:
                chain[old] = now
    out = {}
    for old in chain:
        new, seen = old, {old}
        while new in chain and chain[new] not in seen:  # follow a -> b -> c, never loop
            new = chain[new]
            seen.add(new)
        if old not in files and new in files and new != old:
            out[old] = new
    return dict(sorted(out.items()))


def _committed(root: Path, docs_dir: str, chain: dict[str, str]) -> None:
    """Every rename on the main line, oldest first (paths relative to docs_dir)."""
    prefix = git(root, "rev-parse", "--show-prefix").stdout.decode().strip()
    site = prefix + ("" if docs_dir == "." else docs_dir + "/")
    out = git(root, "log", "--first-parent", "-m", "--reverse", "-M", "-l5000",
              "--diff-filter=R", "--name-status", "-z", "--no-color", "--format=%x01",
              "HEAD", "--", "." if docs_dir == "." else docs_dir).stdout
    tokens = [t.lstrip(b"\n") for t in out.split(b"\0")]
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        i += 1
        if tok.startswith(b"R") and i + 1 < len(tokens):
            old = tokens[i].decode("utf-8", "surrogateescape")
            new = tokens[i + 1].decode("utf-8", "surrogateescape")
            i += 2
            if old.startswith(site) and new.startswith(site):
                chain[old[len(site):]] = new[len(site):]


def _not_committed(root: Path, docs_dir: str, files: frozenset[str],
                   chain: dict[str, str]) -> None:
    """Files HEAD has that the disk has not, matched to new files with the same bytes."""
    prefix = git(root, "rev-parse", "--show-prefix").stdout.decode().strip()
    out = git(root, "ls-tree", "-r", "-l", "-z", "--full-name", "HEAD", "--",
              "." if docs_dir == "." else docs_dir).stdout
    head: dict[str, tuple[str, int]] = {}
    site = "" if docs_dir == "." else docs_dir + "/"
    for row in out.split(b"\0"):
        if not row:
            continue
        meta, _, name = row.partition(b"\t")
        parts = meta.split()
        if len(parts) < 4 or parts[1] != b"blob" or not parts[3].isdigit():
            continue
        path = unprefix(name.decode("utf-8", "surrogateescape"), prefix)
        if path.startswith(site):
            head[path[len(site):]] = (parts[2].decode(), int(parts[3]))
    gone = {p: v for p, v in head.items() if p not in files}
    if not gone:
        return
    sizes = {size for _, size in gone.values()}
    by_blob: dict[str, list[str]] = {}
    for path in sorted(files - head.keys()):
        full = root / (site + path)
        try:
            if full.stat().st_size not in sizes:
                continue
            data = full.read_bytes()
        except OSError:
            continue
        blob = hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()
        by_blob.setdefault(blob, []).append(path)
    for old, (blob, _) in sorted(gone.items()):
        same = by_blob.get(blob)
        if same:
            chain[old] = same.pop(0)

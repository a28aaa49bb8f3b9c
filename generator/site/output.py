"""The built site as a web server and a deploy see it: readable by everyone, unchanged files
untouched, and its size against the deploy target's limit.

The engine writes into a staging folder that replaces the site only when whole (cli/build.py).
That folder comes from ``tempfile.mkdtemp`` (mode 0700) and some files are written through
``mkstemp`` (0600): a web server running as another user (nginx, Apache) or a copy made with
``rsync -a`` would answer 403 Forbidden. So before the swap every folder gets 0777 and every
file 0666, less the umask (0755 and 0644 with the usual 022), as if written plainly.

A sync-based deploy (rsync, an object store) compares size and modification time: a file whose
bytes equal the previous site's keeps the previous site's modification time, so an hourly
build uploads only what changed.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

GITHUB_PAGES_LIMIT = 1_000_000_000  # bytes: GitHub Pages refuses larger published sites


def umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


@dataclass(frozen=True)
class SiteSize:
    total: int  # bytes
    parts: tuple[tuple[str, int], ...]  # top-level folder or file -> bytes, largest first


def finish_output(new: Path, old: Path) -> tuple[int, SiteSize]:
    """In one walk of the built site ``new``: folders 0777 and files 0666 less the umask,
    whatever the temporary files were; every file whose bytes equal the same path in ``old``
    (the site it replaces) given the old file's modification time; and the size of it all.
    Returns the number of files that kept their time, and the size."""
    mask = umask()
    new.chmod(0o777 & ~mask)
    kept = 0
    parts: Counter[str] = Counter()
    compare = old.is_dir()
    for folder, dirs, files in os.walk(new):
        for name in dirs:
            os.chmod(os.path.join(folder, name), 0o777 & ~mask)
        rel = os.path.relpath(folder, new)
        top = None if rel == "." else rel.split(os.sep, 1)[0] + "/"
        for name in files:
            path = os.path.join(folder, name)
            os.chmod(path, 0o666 & ~mask)
            size = os.stat(path).st_size
            parts[top or name] += size
            if not compare:
                continue
            before = os.path.join(old, rel, name)
            try:
                stat = os.stat(before)
            except OSError:
                continue
            if stat.st_size == size and _same_bytes(Path(path), Path(before)):
                os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
                kept += 1
    ordered = tuple(sorted(parts.items(), key=lambda kv: (-kv[1], kv[0])))
    return kept, SiteSize(sum(parts.values()), ordered)


def _same_bytes(a: Path, b: Path, chunk: int = 1 << 20) -> bool:
    with a.open("rb") as fa, b.open("rb") as fb:
        while True:
            x, y = fa.read(chunk), fb.read(chunk)
            if x != y:
                return False
            if not x:
                return True


def size_limit() -> int:
    """The deploy target's limit: GitHub Pages' 1 GB, or KS_SITE_SIZE_LIMIT_MB for another
    host (a deploy workflow sets it)."""
    value = os.environ.get("KS_SITE_SIZE_LIMIT_MB", "").strip()
    return int(float(value) * 1_000_000) if value else GITHUB_PAGES_LIMIT

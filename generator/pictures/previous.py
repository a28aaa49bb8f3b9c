"""The previous build's site, read (never written) as the cache of the next build.

Preview pictures, QR codes and thumbnails are most of what a build draws, and the same inputs
give the same bytes. Each of them carries a stamp — a digest of everything it is made from —
in its bytes (a JPEG comment, an XML comment) or in its name (thumbnails). A build looks at the
file in the same place of the site it is about to replace and copies it when the stamp
matches. Nothing is kept anywhere but in the site itself: a deleted site only makes the next
build slower, and a stale file is never used because its stamp no longer matches.
"""

from __future__ import annotations

import os
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

_HEAD = 4096  # stamps sit in the first bytes of a file (after the JPEG or XML header)


@dataclass(frozen=True)
class Previous:
    root: Path | None = None  # the previous site folder; None: nothing to reuse

    def _open(self, rel: str) -> int | None:
        """A regular file of the previous site, never a symlink (the folder is ours, but a
        link planted in it must not make a build read elsewhere)."""
        if self.root is None or rel.startswith("/") or ".." in rel.split("/"):
            return None
        try:
            fd = os.open(self.root / rel, os.O_RDONLY | os.O_NOFOLLOW)
        except OSError:
            return None
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            return None
        return fd

    def has(self, rel: str, stamp: bytes = b"") -> bool:
        """``rel`` exists in the previous site (and carries ``stamp`` near its start)."""
        fd = self._open(rel)
        if fd is None:
            return False
        with os.fdopen(fd, "rb") as handle:
            return not stamp or stamp in handle.read(_HEAD)

    def read(self, rel: str, stamp: bytes = b"") -> bytes | None:
        fd = self._open(rel)
        if fd is None:
            return None
        with os.fdopen(fd, "rb") as handle:
            data = handle.read()
        return data if not stamp or stamp in data[:_HEAD] else None

    def copy(self, rel: str, out_dir: Path) -> None:
        """Put the previous site's ``rel`` at the same place under ``out_dir`` (nothing to do
        when ``out_dir`` is the previous site itself: ``serve`` rebuilds in place)."""
        assert self.root is not None
        target = out_dir / rel
        if target.resolve() == (self.root / rel).resolve():
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.root / rel, target, follow_symlinks=False)


NOTHING = Previous()  # a cold build: nothing to reuse

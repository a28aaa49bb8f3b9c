"""A picture a build makes, described by everything it is made from (so it can be drawn in
any process, or taken from the previous site when its stamp matches), and the one way
pictures are written into the site."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PictureJob:
    rel: str  # where in the site, e.g. previews/tutorial/x.jpg or s/ab12cd/qr.svg
    stamp: bytes  # digest of everything the picture is made from, written into its bytes
    what: str  # "preview" or "qr"
    text: tuple[str, ...]  # preview: title, type label, library name, language; qr: the address
    cover: str | None = None  # preview: the cover picture's path
    colour: tuple[int, int, int] = (0, 0, 0)  # preview: the type's colour



def write_file(path: Path, data: bytes) -> None:
    """Through a temporary file, so a reader (or a parallel build) never sees half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

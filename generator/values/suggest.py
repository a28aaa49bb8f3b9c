"""What a librarian probably meant: the known ids or files closest to what was written.

A message that says "not found" is only half a help; "did you mean `siti-rahma`?" finishes
the job. Three ways a value is near a known one, as people actually get them wrong:

- by the start: ``siti`` for ``siti-rahma`` (the first name only);
- by a word: ``rahma`` or ``Siti Rahma Putri`` for ``siti-rahma`` (one word of it, or a
  name that holds all of its words);
- by spelling: ``siti-rahmah`` for ``siti-rahma`` (difflib's ratio, as Python's own
  "did you mean" does).

Paths are near when they differ only in letter case (``COVER-OPAC.JPG``), in the extension
(``.jpeg`` for ``.jpg``), in the folder (``cover.jpg`` for ``images/cover.jpg``) or by a typo
in the file name.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterable

from .slugs import slugify

_WORDS = re.compile(r"[a-z0-9]+")


def suggest(value: str, known: Iterable[str], *, limit: int = 3) -> tuple[str, ...]:
    """The known values closest to ``value``, best first (at most ``limit``)."""
    choices = sorted(set(known))
    text = value.strip().lower()
    if not text or not choices:
        return ()
    slug = slugify(value) if _WORDS.search(text) else text
    found: list[str] = []
    found += [c for c in choices if c.lower() in (text, slug)]
    if len(text) >= 2:
        found += [c for c in choices if c.lower().startswith((text, slug))]
    words = set(_WORDS.findall(text))
    if words:  # one word of the id, or the id's words within a longer name
        found += [c for c in choices if words <= set(_WORDS.findall(c.lower()))
                  or set(_WORDS.findall(c.lower())) <= words]
    found += difflib.get_close_matches(text, choices, n=limit, cutoff=0.6)
    lowered = {c.lower(): c for c in choices}
    found += [lowered[c] for c in difflib.get_close_matches(text, list(lowered), n=limit,
                                                            cutoff=0.6)]
    return tuple(dict.fromkeys(found))[:limit]


def similar_files(path: str, files: Iterable[str], *, limit: int = 3) -> tuple[str, ...]:
    """Files of the site that ``path`` (relative to the content folder) probably meant."""
    files = sorted(set(files))
    low = path.lower()
    folder, name = posixpath.split(low)
    stem = posixpath.splitext(name)[0]
    found = [f for f in files if f.lower() == low]
    found += [f for f in files if posixpath.dirname(f.lower()) == folder
              and posixpath.splitext(posixpath.basename(f.lower()))[0] == stem]
    found += [f for f in files if posixpath.basename(f.lower()) == name]
    same_folder = {posixpath.basename(f.lower()): f for f in files
                   if posixpath.dirname(f.lower()) == folder}
    found += [same_folder[n] for n in difflib.get_close_matches(name, list(same_folder),
                                                                n=limit, cutoff=0.8)]
    return tuple(f for f in dict.fromkeys(found) if f != path)[:limit]


def code_list(values: Iterable[str]) -> str:
    """``a``, ``b`` — values for a message, in any language."""
    return ", ".join(f"`{v}`" for v in values)

"""New authors and topics appended to ``authors.yml`` and ``topics.yml``: an import adds the
entries it needs at the end of each file, as text (a librarian's comments and order stay),
and never changes an entry that is there."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from ..content.registry import AUTHORS_FILE, TOPICS_FILE


def _yaml(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def append(docs: Path, authors: Mapping[str, tuple[str, str]],
           topics: Mapping[str, tuple[str, str]]) -> tuple[list[str], list[str]]:
    """``authors``: id -> (name, role); ``topics``: id -> (name, description). Returns the
    ids added to each file."""
    added: list[list[str]] = []
    for name, entries, keys in ((AUTHORS_FILE, authors, ("name", "role")),
                                (TOPICS_FILE, topics, ("name", "description"))):
        if not entries:
            added.append([])
            continue
        path = docs / name
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        if text and not text.endswith("\n"):
            text += "\n"
        block = "".join(f"\n{ident}:\n  {keys[0]}: {_yaml(a)}\n  {keys[1]}: {_yaml(b)}\n"
                        for ident, (a, b) in sorted(entries.items()))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + block, encoding="utf-8")
        added.append(sorted(entries))
    return added[0], added[1]

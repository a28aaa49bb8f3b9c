"""The import ledger (``.import-ledger.json`` beside ``mkdocs.yml``, never published): for each
imported post, the file it became and the SHA-256 of the bytes the import wrote there, and the
copy made of each picture. It is how a second import knows what a librarian changed since:

- the file's bytes still hash to what the import wrote → the import may update it;
- they do not (a librarian edited it), or the file is gone (deleted or renamed) → kept as it
  is, and the import says so;
- what the import would write now is what is there → not touched (its time stays).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

LEDGER = ".import-ledger.json"


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Ledger:
    path: Path
    posts: dict[str, dict[str, str]] = field(default_factory=dict)  # key -> {path, sha256}
    pictures: dict[str, str] = field(default_factory=dict)  # address -> docs-relative path

    @staticmethod
    def load(root: Path) -> Ledger:
        path = root / LEDGER
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return Ledger(path)
        if not isinstance(data, dict):
            return Ledger(path)
        posts = {str(k): {"path": str(v.get("path", "")), "sha256": str(v.get("sha256", ""))}
                 for k, v in (data.get("posts") or {}).items() if isinstance(v, dict)}
        pictures = {str(k): str(v) for k, v in (data.get("pictures") or {}).items()}
        return Ledger(path, posts, pictures)

    def save(self) -> None:
        data = {"version": 1, "about": "knowledge-site import: what each import wrote "
                                       "(docs/importing.md). Not published.",
                "posts": dict(sorted(self.posts.items())),
                "pictures": dict(sorted(self.pictures.items()))}
        text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        if not self.path.exists() or self.path.read_text(encoding="utf-8") != text:
            self.path.write_text(text, encoding="utf-8")

    def taken_paths(self) -> set[str]:
        return {entry["path"] for entry in self.posts.values()}


@dataclass(frozen=True)
class Outcome:
    state: str  # "new" | "updated" | "unchanged" | "edited" | "gone"
    path: str


def write_tracked(root: Path, ledger: Ledger, key: str, rel: str, text: str) -> Outcome:
    """Write one imported file by the ledger's rules (module docstring)."""
    data = text.encode("utf-8")
    full = root / rel
    known = ledger.posts.get(key)
    if known is not None:
        if not full.is_file():
            return Outcome("gone", rel)
        current = full.read_bytes()
        if digest(current) != known["sha256"]:
            return Outcome("edited", rel)
        if current == data:
            return Outcome("unchanged", rel)
        full.write_bytes(data)
        ledger.posts[key] = {"path": rel, "sha256": digest(data)}
        return Outcome("updated", rel)
    full.parent.mkdir(parents=True, exist_ok=True)
    with open(full, "xb") as f:  # a new file: never over one that exists
        f.write(data)
    ledger.posts[key] = {"path": rel, "sha256": digest(data)}
    return Outcome("new", rel)

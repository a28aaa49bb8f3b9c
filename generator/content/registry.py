"""authors.yml and topics.yml: the librarians and the controlled list of topics."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from ..values.slugs import is_slug
from .diagnostics import Diagnostic, diag
from .fields import FieldReader
from .models import Author, Topic
from .source import load_yaml_file
from .validate import IMAGE_SUFFIXES, resolve_path
from .yamltree import YMap

T = TypeVar("T")

AUTHORS_FILE = "authors.yml"
TOPICS_FILE = "topics.yml"


@dataclass(frozen=True)
class Registry(Generic[T]):
    """The valid entries, and every id the file names (None when the file could not be read:
    then items are not checked against it, so one broken file gives one message, not many)."""

    entries: dict[str, T]
    ids: frozenset[str] | None
    diagnostics: list[Diagnostic]


def _entries(docs: Path, root: Path, name: str
             ) -> tuple[list[tuple[str, FieldReader]] | None, list[Diagnostic]]:
    full = docs / name
    rel = full.relative_to(root).as_posix() if full.is_relative_to(root) else full.as_posix()
    tree, problems = load_yaml_file(full, rel)
    if problems:
        return None, problems
    if not isinstance(tree, YMap) or not tree:
        return None, [diag(rel, 1, "file", "registry.not_mapping")]
    out: list[tuple[str, FieldReader]] = []
    for key, value in tree.items():
        line = tree.key_lines[key]
        if not is_slug(key):
            problems.append(diag(rel, line, key, "registry.bad_id", value=key))
            continue
        if not isinstance(value, YMap):
            problems.append(diag(rel, line, key, "registry.entry_not_mapping"))
            continue
        out.append((key, FieldReader(rel, value, prefix=f"{key}.", diagnostics=problems,
                                     known=(), line=line)))
    return out, problems


def load_authors(docs: Path, root: Path, files: frozenset[str]) -> Registry[Author]:
    entries, problems = _entries(docs, root, AUTHORS_FILE)
    if entries is None:
        return Registry({}, None, problems)
    authors = {}
    for key, r in entries:
        r.known = frozenset({"name", "role", "avatar", "url", "email"})
        name = r.text("name", required=True, max_len=200)
        role = r.text("role", required=True, max_len=200)
        avatar = r.text("avatar")
        if avatar is not None:
            resolved = resolve_path(avatar, AUTHORS_FILE, files)
            if resolved is None or resolved not in files:
                r.error("avatar", "asset.missing", value=avatar)
            elif not resolved.lower().endswith(IMAGE_SUFFIXES):
                r.error("avatar", "asset.type", value=avatar, types=", ".join(IMAGE_SUFFIXES))
            avatar = resolved
        url = r.url("url")
        email = r.text("email")
        if email is not None and ("@" not in email or " " in email):
            r.error("email", "value.email", value=email)
        r.unknown_keys()
        if name and role:
            authors[key] = Author(key, name, role, avatar, url, email)
    return Registry(authors, frozenset(k for k, _ in entries), problems)


def load_topics(docs: Path, root: Path) -> Registry[Topic]:
    entries, problems = _entries(docs, root, TOPICS_FILE)
    if entries is None:
        return Registry({}, None, problems)
    topics = {}
    for key, r in entries:
        r.known = frozenset({"name", "description"})
        name = r.text("name", required=True, max_len=100)
        description = r.text("description", required=True, max_len=500)
        r.unknown_keys()
        if name and description:
            topics[key] = Topic(key, name, description)
    return Registry(topics, frozenset(k for k, _ in entries), problems)

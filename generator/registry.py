"""authors.yml and topics.yml: the librarians and the controlled list of topics."""

from __future__ import annotations

from pathlib import Path

from .diagnostics import Diagnostic, diag
from .fields import FieldReader
from .models import Author, Topic
from .slugs import is_slug
from .source import load_yaml_file
from .validate import IMAGE_SUFFIXES, resolve_path
from .yamltree import YMap

AUTHORS_FILE = "authors.yml"
TOPICS_FILE = "topics.yml"


def _entries(docs: Path, root: Path, name: str
             ) -> tuple[str, list[tuple[str, FieldReader]], list[Diagnostic]]:
    full = docs / name
    rel = full.relative_to(root).as_posix() if full.is_relative_to(root) else full.as_posix()
    tree, problems = load_yaml_file(full, rel)
    if problems:
        return rel, [], problems
    if not isinstance(tree, YMap) or not tree:
        return rel, [], [diag(rel, 1, "file", "registry.not_mapping")]
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
                                     known=())))
    return rel, out, problems


def load_authors(docs: Path, root: Path, files: frozenset[str]
                 ) -> tuple[dict[str, Author], list[Diagnostic]]:
    _, entries, problems = _entries(docs, root, AUTHORS_FILE)
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
    return authors, problems


def load_topics(docs: Path, root: Path) -> tuple[dict[str, Topic], list[Diagnostic]]:
    _, entries, problems = _entries(docs, root, TOPICS_FILE)
    topics = {}
    for key, r in entries:
        r.known = frozenset({"name", "description"})
        name = r.text("name", required=True, max_len=100)
        description = r.text("description", required=True, max_len=500)
        r.unknown_keys()
        if name and description:
            topics[key] = Topic(key, name, description)
    return topics, problems

"""What Jekyll and Hugo share: Markdown (or HTML) files with front matter in YAML (``---``),
TOML (``+++``, Hugo) or JSON (``{``, Hugo), read without PyYAML's guesses (every scalar stays
text: ``title: 1984`` is "1984"), and dates as those generators write them."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import yaml

from ..encoding import decode
from ..post import Person, Trouble

_YAML = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$\n?", re.S | re.M)
_TOML = re.compile(r"\A\+\+\+[ \t]*\r?\n(.*?)^\+\+\+[ \t]*\r?$\n?", re.S | re.M)


def read_file(path: Path, shown: str) -> tuple[dict[str, Any], str, list[Trouble]]:
    """(front matter, body, notes) of one file; broken front matter is a note, and the file is
    then read as a body without it."""
    notes: list[Trouble] = []
    text, used = decode(path.read_bytes())
    if used:
        notes.append(Trouble.of("import.not_utf8", source=shown, encoding=used))
    text = text.replace("\r\n", "\n")
    meta: Any = {}
    try:
        if m := _YAML.match(text):
            meta = yaml.load(m.group(1), Loader=yaml.BaseLoader) or {}
            text = text[m.end():]
        elif m := _TOML.match(text):
            meta = tomllib.loads(m.group(1))
            text = text[m.end():]
        elif text.startswith("{"):
            meta, end = json.JSONDecoder().raw_decode(text)
            text = text[end:]
    except (yaml.YAMLError, tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        notes.append(Trouble.of("import.front_matter", source=shown,
                                why=str(exc).splitlines()[0]))
        meta = {}
    if not isinstance(meta, Mapping):
        notes.append(Trouble.of("import.front_matter", source=shown, why="not a mapping"))
        meta = {}
    return dict(meta), text, notes


def texts(value: Any) -> tuple[str, ...]:
    """A list of text from a list, or from one text separated by commas or (Jekyll's
    ``categories: a b``) spaces."""
    if value is None or value == "":
        return ()
    if isinstance(value, list | tuple):
        return tuple(dict.fromkeys(str(v).strip() for v in value if str(v).strip()))
    text = str(value)
    parts = text.split(",") if "," in text else text.split()
    return tuple(dict.fromkeys(p.strip() for p in parts if p.strip()))


def moment(value: Any) -> datetime | None:
    """``2019-05-03``, ``2019-05-03 10:00:00 +0700``, ISO 8601, or a TOML date-time."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time())
    if not value:
        return None
    text = str(value).strip()
    for form in ("%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M %z", "%Y-%m-%d %H:%M:%S",
                 "%Y-%m-%d %H:%M"):
        try:
            return datetime.strptime(text, form)
        except ValueError:
            pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def people(value: Any) -> tuple[Person, ...]:
    out = []
    for v in (value if isinstance(value, list) else [value] if value else []):
        if isinstance(v, Mapping):
            name = str(v.get("name") or v.get("display_name") or "").strip()
        else:
            name = str(v).strip()
        if name:
            out.append(Person(name, name))
    return tuple(out)


def truthy(value: Any) -> bool:
    return str(value).strip().lower() in ("true", "yes", "on", "1")


# Front-matter keys an item takes over, or that only say how the old site was laid out.
KNOWN = frozenset({"title", "date", "lastmod", "last_modified_at", "updated", "draft",
                   "published", "tags", "categories", "category", "author", "authors",
                   "excerpt", "description", "summary", "slug", "permalink", "url",
                   "aliases", "redirect_from", "layout", "type", "image", "featured_image",
                   "cover", "lang", "language", "weight", "toc", "comments", "share"})

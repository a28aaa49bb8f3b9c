"""A Hugo site: ``content/**.md`` (a page bundle's ``index.md`` too; ``_index.md`` list pages
are skipped), front matter in YAML, TOML or JSON, the address from ``baseURL`` in the site's
configuration and, per page, ``url``, or else ``/<section>/<slug or file name>/`` (Hugo's
default), and ``aliases`` (old addresses Hugo itself redirected)."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import yaml

from ..post import ImportedPost, Source, Trouble
from .static import KNOWN, moment, people, read_file, texts, truthy

CONFIGS = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml",
           "config.yml", "config.json")


def _config(site: Path) -> dict[str, Any]:
    for name in CONFIGS:
        path = site / name
        if not path.is_file():
            continue
        text = path.read_text("utf-8", errors="replace")
        try:
            loaded: Any = (tomllib.loads(text) if name.endswith(".toml") else json.loads(text)
                           if name.endswith(".json") else yaml.load(text,
                                                                    Loader=yaml.BaseLoader))
        except (tomllib.TOMLDecodeError, json.JSONDecodeError, yaml.YAMLError):
            return {}
        return loaded if isinstance(loaded, dict) else {}
    return {}


def read(folder: Path) -> Source:
    site = folder.parent if folder.name == "content" else folder
    content = site / "content" if (site / "content").is_dir() else folder
    config = _config(site)
    base = str(config.get("baseURL") or config.get("baseurl") or "").rstrip("/")
    notes: list[Trouble] = []
    posts = []
    for path in sorted(content.rglob("*")):
        if (not path.is_file() or path.suffix.lower() not in (".md", ".markdown", ".html")
                or path.stem == "_index"):
            continue
        rel = path.relative_to(content)
        shown = path.relative_to(site).as_posix()
        meta, body, found = read_file(path, shown)
        notes += found
        stem = rel.parent.name if path.stem == "index" else path.stem
        slug = str(meta.get("slug") or stem)
        section = rel.parts[0] if len(rel.parts) > 1 else ""
        if path.stem == "index" and len(rel.parts) == 2:
            section = ""
        address = str(meta.get("url") or "") or re.sub(
            r"/{2,}", "/", f"/{section}/{slug}/").lower()
        url = base + "/" + address.lstrip("/") if base else None
        posts.append(ImportedPost(
            key=f"hugo:{shown}", title=str(meta.get("title") or "").strip(),
            body=body, where=shown, url=url, date=moment(meta.get("date")),
            updated=moment(meta.get("lastmod")),
            excerpt=str(meta.get("summary") or meta.get("description") or ""),
            authors=people(meta.get("authors") or meta.get("author")),
            categories=texts(meta.get("categories")), tags=texts(meta.get("tags")),
            draft=truthy(meta.get("draft")), slug=slug,
            markdown=path.suffix.lower() != ".html",
            custom_fields=tuple(k for k in meta if k not in KNOWN),
            featured_image=str(meta.get("image") or meta.get("featured_image") or "") or None,
            old_paths=texts(meta.get("aliases")),
            lang=str(meta.get("lang") or meta.get("language") or "") or None,
        ))
    return Source("hugo", tuple(posts), base + "/" if base else None, tuple(notes),
                  folder=str(site))

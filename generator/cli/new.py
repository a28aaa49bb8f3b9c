"""``knowledge-site new``: a file with every field its type needs, the ones to fill marked."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from ..content import registry
from ..content.models import Kind
from ..content.settings import load_settings
from ..content.source import discover
from ..render.environment import environment
from ..values.slugs import slugify
from .output import message_language, report, says


def new_item(root: Path, kind_name: str, title: str, now: datetime, lang: str | None) -> int:
    settings, problems = load_settings(root)
    msg_lang = message_language(lang, settings.language if settings else None)
    if settings is None:
        report(problems, msg_lang)
        return 1
    kind = Kind(kind_name)
    slug = slugify(title)
    docs = root / settings.docs_dir
    target = docs / kind.folder / f"{slug}.md"
    shown = target.relative_to(root).as_posix()
    found = discover(docs) if docs.is_dir() else None
    authors = sorted(registry.load_authors(docs, root, found.files).ids or ()) if found else []
    topics = sorted(registry.load_topics(docs, root).ids or ()) if found else []
    text = environment().get_template(f"new/{kind.value}.md.j2").render(
        title=_yaml_text(title),
        date=now.astimezone(settings.tz).strftime("%Y-%m-%d"),
        authors=authors,
        topics=topics,
        fill="ISI" if msg_lang == "id" else "FILL IN",
        lang=msg_lang,
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        # "x": create, never overwrite — even if another process made the file meanwhile.
        with open(target, "x", encoding="utf-8", newline="\n") as f:
            f.write(text)
    except FileExistsError:
        print(says("new.exists", msg_lang, path=shown), file=sys.stderr)
        return 1
    print(says("new.created", msg_lang, path=shown))
    return 0


def _yaml_text(value: str) -> str:
    """A title as a double-quoted YAML scalar, so colons, quotes and # stay text."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'

"""``knowledge-site import SOURCE``: wires the arguments to ``importing.run`` and prints what
it did, in the site's language (docs/importing.md)."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from ..content.models import Kind
from ..content.settings import load_settings
from ..importing.post import SourceError, Trouble
from ..importing.run import Options, import_source
from .output import message_language, report, says


def say(trouble: Trouble, lang: str) -> str:
    params = dict(trouble.params)
    if trouble.code == "import.post.lost":  # the list, in the message's language
        parts = [says("import.what.comments", lang, count=params.pop("comments"))
                 if params["comments"] != "0" else params.pop("comments") and "",
                 says("import.what.fields", lang, names=params.pop("fields"))
                 if params["fields"] else params.pop("fields"),
                 params.pop("other")]
        params["what"] = ", ".join(p for p in parts if p)
    return says(trouble.code, lang, **params)


def import_posts(root: Path, now: datetime, lang: str | None, source: str, fmt: str | None,
                 kind: str | None, mapping: Path | None, report_dir: Path,
                 old_url: str | None, pictures: bool) -> int:
    settings, problems = load_settings(root)
    msg_lang = message_language(lang, settings.language if settings else None)
    if settings is None:
        report(problems, msg_lang)
        print(says("import.no_settings", msg_lang), file=sys.stderr)
        return 1
    options = Options(source, fmt, Kind(kind) if kind else None, mapping, report_dir, old_url,
                      pictures)
    try:
        result = import_source(root, settings, now, options)
    except SourceError as exc:
        print(say(exc.trouble, msg_lang), file=sys.stderr)
        return 1
    for note in result.notes:
        print(say(note, msg_lang), file=sys.stderr)
    out = result.outcomes
    print(says("import.summary", msg_lang, format=result.format, posts=result.posts,
               new=out.get("new", 0), updated=out.get("updated", 0),
               unchanged=out.get("unchanged", 0), kept=out.get("edited", 0) + out.get("gone", 0),
               skipped=result.skipped))
    if result.pictures.get("copied") or result.pictures.get("failed"):
        print(says("import.pictures", msg_lang, **result.pictures))
    none = says("import.none", msg_lang)
    if result.authors_added or result.topics_added:
        print(says("import.registries", msg_lang,
                   authors=", ".join(result.authors_added) or none,
                   topics=", ".join(result.topics_added) or none))
    print(says("import.addresses", msg_lang, aliases=result.aliases,
               redirects=result.redirects, folder=report_dir.as_posix() + "/"))
    print(says("import.next", msg_lang))
    return 0

"""The whole check in one function, readable top to bottom: discover, load, validate, collect.

Nothing here writes a file; ``build`` and the mkdocs plugin call this first and
refuse to write anything when it reports an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from . import collect, registry
from .body_policy import find_policy_problems, split_page
from .collect import Library
from .diagnostics import Diagnostic, diag, has_errors
from .history import check_history, load_history
from .models import VideoDetails
from .settings import Settings, load_settings
from .source import discover, load_item, read_text
from .validate import Context, validate_item


@dataclass(frozen=True)
class Options:
    drafts: bool = False  # include drafts (marked) — preview builds and serve
    future: bool = False  # include items dated after "now" (marked)


@dataclass(frozen=True)
class Result:
    library: Library | None
    diagnostics: list[Diagnostic]

    @property
    def ok(self) -> bool:
        return self.library is not None and not has_errors(self.diagnostics)


def run(root: Path, now: datetime, options: Options = Options()) -> Result:
    settings, problems = load_settings(root)
    if settings is None:
        return Result(None, problems)
    result = run_with_settings(root, settings, now, options)
    return Result(result.library, problems + result.diagnostics)


def run_with_settings(root: Path, settings: Settings, now: datetime,
                      options: Options = Options()) -> Result:
    docs = (root / settings.docs_dir)
    if not docs.is_dir():
        return Result(None, [diag("mkdocs.yml", 1, "docs_dir", "settings.docs_dir",
                                  value=settings.docs_dir)])
    found = discover(docs)
    problems: list[Diagnostic] = [
        diag(f"{settings.docs_dir}/{src}", 1, "file", "file.symlink_outside")
        for src in found.outside_links
    ] + [
        diag(f"{settings.docs_dir}/{src}", 1, "file", "file.symlink_folder")
        for src in found.folder_links
    ]
    authors = registry.load_authors(docs, root, found.files)
    topics = registry.load_topics(docs, root)
    problems += authors.diagnostics + topics.diagnostics
    ctx = Context(settings, docs, found.files, authors.ids, topics.ids)

    items = []
    supporting: set[str] = set()
    for kind, src in found.items:
        source, p = load_item(docs, root, kind, src)
        problems += p
        if source is None:
            continue
        item, p = validate_item(source, ctx)
        problems += p
        if item is not None:
            items.append(item)
            if isinstance(item.details, VideoDetails) and item.details.transcript_path:
                supporting.add(item.details.transcript_path)
    pages = frozenset(found.markdown - {src for _, src in found.items} - supporting)
    problems += _page_policy(docs, root, pages)

    problems += collect.check_addresses(items, pages)
    problems += collect.check_translations(items)
    shown = [i for i in items if (options.drafts or not i.draft)
             and (options.future or i.date <= now)]
    problems += collect.check_links(items, items, found.files, pages, now)
    history = load_history(root, settings.docs_dir, tz=settings.tz, now=now)
    problems += check_history(history, items, live=[collect.page_url(p) for p in pages],
                              now=now)
    library = Library(
        settings=settings, now=now, authors=authors.entries, topics=topics.entries,
        items=collect.newest_first(i for i in shown if not i.retired),
        all_items=collect.newest_first(items),
        pages=pages, supporting=frozenset(supporting),
        preview=options.drafts or options.future,
        retired=collect.newest_first(i for i in shown if i.retired),
        history=history,
    )
    return Result(library, problems)


def _page_policy(docs: Path, root: Path, pages: frozenset[str]) -> list[Diagnostic]:
    """Librarians' own pages (about, ask a librarian …) follow the body policy too."""
    out: list[Diagnostic] = []
    for src in sorted(pages):
        full = docs / src
        rel = full.relative_to(root).as_posix() if full.is_relative_to(root) else full.as_posix()
        text, _ = read_text(full, rel)  # an unreadable page is mkdocs' to report
        if text is not None:
            body, line = split_page(text)
            out += find_policy_problems(rel, body, line)
    return out

"""The whole check in one function, readable top to bottom: discover, load, validate, collect.

Nothing here writes a file; ``build`` and the mkdocs plugin call this first and
refuse to write anything when it reports an error.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import datetime
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path
from typing import Any

from ..content import registry
from ..content.body_policy import find_policy_problems, split_page
from ..content.diagnostics import Diagnostic, diag, has_errors
from ..content.models import Item, Kind, VideoDetails
from ..content.settings import CONFIG_FILE, PLUGIN_NAME, Settings, load_settings
from ..content.source import discover, load_item, read_text
from ..content.validate import Context, moved_links, validate_item
from ..values.analytics import about_page
from ..values.links import page_url
from . import crossfile
from .addresses import check_history
from .history import load_history
from .library import Library, newest_first
from .moves import load_moves


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


# ``serve`` keeps one of these across rebuilds: an item file whose bytes (size and time) and
# context (settings, the files of the site, author and topic ids) are unchanged is not read
# and validated again. item src -> (stamp, context, item, problems).
Memo = dict[str, tuple[Any, ...]]


def run(root: Path, now: datetime, options: Options = Options(), *,
        memo: Memo | None = None) -> Result:
    settings, problems = load_settings(root)
    if settings is None:
        return Result(None, problems)
    result = run_with_settings(root, settings, now, options, memo=memo)
    return Result(result.library, problems + result.diagnostics)


def run_with_settings(root: Path, settings: Settings, now: datetime,
                      options: Options = Options(), *, memo: Memo | None = None) -> Result:
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
    history = load_history(root, settings.docs_dir, tz=settings.tz, now=now)
    ctx = Context(settings, docs, found.files, authors.ids, topics.ids,
                  load_moves(root, settings.docs_dir, history, found.files))

    items = []
    supporting: set[str] = set()
    context = (repr(settings), found.files, authors.ids, topics.ids,
               tuple(ctx.moved.items())) if memo is not None else ()
    read = _read_in_parallel(root, ctx, found.items) if memo is None else {}
    for kind, src in found.items:
        stamp = _stamp(docs / src) if memo is not None else None
        kept = memo.get(src) if memo is not None else None
        if (kept is not None and kept[0] == stamp and kept[1] == context
                and all(_stamp(docs / dep) == s for dep, s in kept[4])):
            item, p = kept[2], kept[3]
        else:
            item, p = read[src] if src in read else _read_item(root, ctx, kind, src)
            if memo is not None:
                deps: tuple[tuple[str, tuple[int, int] | None], ...] = ()
                if item is not None and isinstance(item.details, VideoDetails) and \
                        item.details.transcript_path:
                    path = item.details.transcript_path
                    deps = ((path, _stamp(docs / path)),)
                memo[src] = (stamp, context, item, p, deps)
        problems += p
        if item is not None:
            items.append(item)
            if isinstance(item.details, VideoDetails) and item.details.transcript_path:
                supporting.add(item.details.transcript_path)
    pages = frozenset(found.markdown - {src for _, src in found.items} - supporting)
    problems += _page_policy(docs, root, pages, ctx)
    problems += _counted_page(settings, pages)

    problems += crossfile.check_addresses(items, pages)
    problems += crossfile.check_translations(items)
    shown = [i for i in items if (options.drafts or not i.draft)
             and (options.future or i.date <= now)]
    generated = crossfile.generated_addresses(items, authors.entries, topics.entries,
                                              settings.tz)
    problems += crossfile.check_links(items, items, found.files, pages, now, generated,
                                      crossfile.old_addresses(history, items))
    problems += check_history(history, items, live=[page_url(p) for p in pages],
                              now=now)
    library = Library(
        settings=settings, now=now, authors=authors.entries, topics=topics.entries,
        items=newest_first(i for i in shown if not i.retired),
        all_items=newest_first(items),
        pages=pages, supporting=frozenset(supporting),
        preview=options.drafts or options.future,
        retired=newest_first(i for i in shown if i.retired),
        history=history, files=found.files, moved=ctx.moved,
    )
    return Result(library, problems)


def _read_item(root: Path, ctx: Context, kind: Kind, src: str
               ) -> tuple[Item | None, list[Diagnostic]]:
    """One file of site_src/ -> its item, or the reasons it cannot be one."""
    source, problems = load_item(ctx.docs, root, kind, src)
    if source is None:
        return None, problems
    item, more = validate_item(source, ctx)
    return item, problems + more


# Below this many items, reading them in this process is quicker than starting workers.
_PARALLEL_FROM = 200
_JOB: tuple[Path, Context] | None = None  # what a worker reads with (set before forking)


def _read_chunk(chunk: Sequence[tuple[Kind, str]]) -> list[tuple[str, Item | None,
                                                          list[Diagnostic]]]:
    assert _JOB is not None
    root, ctx = _JOB
    return [(src, *_read_item(root, ctx, kind, src)) for kind, src in chunk]


def _read_in_parallel(root: Path, ctx: Context, found: Sequence[tuple[Kind, str]]
                      ) -> dict[str, tuple[Item | None, list[Diagnostic]]]:
    """Each file read and validated on every core this process may use (each body is
    parsed as the renderer parses it: most of check's time). Forked workers inherit the
    settings and the site's file list; the same items come back, in the same order."""
    global _JOB
    workers = min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                  else os.cpu_count() or 1, 8)
    if len(found) < _PARALLEL_FROM or workers < 2 or "fork" not in get_all_start_methods():
        return {}
    _JOB = (root, ctx)
    size = -(-len(found) // (workers * 2))
    chunks = [found[i:i + size] for i in range(0, len(found), size)]
    try:
        with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
            done = [row for rows in pool.map(_read_chunk, chunks) for row in rows]
    except (OSError, BrokenProcessPool):  # no processes to be had here: read in this one
        return {}
    finally:
        _JOB = None
    return {src: (item, problems) for src, item, problems in done}


def _counted_page(settings: Settings, pages: frozenset[str]) -> list[Diagnostic]:
    """With a visit counter, some page must say what it counts (docs/analytics.md)."""
    counter = settings.analytics
    if counter is None or about_page(counter, pages) is not None:
        return []
    return [diag(CONFIG_FILE, 1, f"plugins.{PLUGIN_NAME}.analytics.about_page",
                 "settings.analytics_about", warning=True,
                 value=counter.about_page or "tentang.md")]


def _page_policy(docs: Path, root: Path, pages: frozenset[str], ctx: Context
                 ) -> list[Diagnostic]:
    """Librarians' own pages (about, ask a librarian …) follow the body policy too, and
    their links follow files renamed or moved since (the build rewrites them)."""
    out: list[Diagnostic] = []
    for src in sorted(pages):
        full = docs / src
        rel = full.relative_to(root).as_posix() if full.is_relative_to(root) else full.as_posix()
        text, _ = read_text(full, rel)  # an unreadable page is mkdocs' to report
        if text is not None:
            body, line = split_page(text)
            out += find_policy_problems(rel, body, line)
            out += [diag(rel, line + found.line, "body", "link.moved", warning=True,
                         value=found.target, new=written)
                    for found, _, written in moved_links(
                        body, src, ctx.files, ctx.moved, ctx.settings.markdown_extensions)]
    return out


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size

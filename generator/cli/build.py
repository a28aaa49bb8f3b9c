"""``knowledge-site build``: check, then let the engine build into a temporary folder, then swap.

A failed build — content errors, an mkdocs error, an interrupted process — leaves
the previous site exactly as it was: the new one only replaces it once complete.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import os
import re
import shutil
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from ..content.diagnostics import has_errors, strictened
from ..content.learned_slots import Learned
from ..engine.base import EngineUnavailable, prepare
from ..engine.choice import get_engine, memory_shortfall
from ..library.check import Options, run
from ..library.library import Library
from ..pictures.previous import Previous
from ..site.output import finish_output, size_limit
from ..site.search_index import SearchIndexError, build_search_index
from ..words.translate import translator
from .output import held_back, message_language, report, says


def build_site(root: Path, now: datetime, *, site_dir: Path | None = None, strict: bool = False,
               drafts: bool = False, future: bool = False, lang: str | None = None,
               engine: str | None = None) -> int:
    result = run(root, now, Options(drafts=drafts, future=future))
    msg_lang = message_language(lang, result.library.settings.language if result.library else None)
    diagnostics = strictened(result.diagnostics, strict)
    report(diagnostics, msg_lang)
    if has_errors(diagnostics) or result.library is None:
        print(says("build.refused", msg_lang), file=sys.stderr)
        return 1
    return build_library(root, result.library, site_dir=site_dir, strict=strict, lang=msg_lang,
                         engine_name=engine or result.library.settings.engine)


def build_library(root: Path, library: Library, *, site_dir: Path | None, strict: bool,
                  lang: str, engine_name: str = "mkdocs") -> int:
    target = Path(site_dir) if site_dir else root / library.settings.site_dir
    target = (target if target.is_absolute() else (Path.cwd() / target)).resolve()
    if _unsafe_target(target, root.resolve(), (root / library.settings.docs_dir).resolve()):
        print(says("build.unsafe_target", lang, path=str(target)), file=sys.stderr)
        return 2
    try:
        engine = get_engine(engine_name)
    except EngineUnavailable as exc:
        print(says("engine.missing", lang, engine=engine_name, command=str(exc)),
              file=sys.stderr)
        return 2
    if os.environ.get("KS_MEMORY_CHECK", "1") != "0" and (
            short := memory_shortfall(engine_name, len(library.all_items))):
        print(says("build.memory", lang, engine=engine_name, items=len(library.all_items),
                   need=short[0], free=short[1]), file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    _clear_leftovers(target)
    # The site being replaced is read for pictures whose inputs are unchanged (previous):
    # never written, and only swapped out once the new one is whole.
    site = prepare(root, library, previous=Previous(target if target.is_dir() else None),
                   html_links=engine.raw_html_links, search_later=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-{os.getpid()}-",
                                    dir=target.parent))
    try:
        built = engine.build(site, staging, strict=strict)
        if not built:
            print(says("build.engine_failed", lang, engine=engine.name), file=sys.stderr)
            return 1
        # A library too big for Pagefind beside the engine's pages (site/search_index.py:
        # fits_beside) is indexed now that they, the assembly and the articles are garbage
        # and their memory is given back; a smaller one was indexed beside the feeds.
        later = site.search_later and not site.done.get("search")
        del site
        if later:
            _give_back_memory()
            try:
                build_search_index(staging, library.settings.language)
            except SearchIndexError as exc:
                print(says("build.search_failed", lang, why=exc), file=sys.stderr)
                return 1
        kept, size = finish_output(staging, target)
        _swap(staging, target)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    print(says("build.done", lang, path=_shown(target), count=len(library.items)),
          file=sys.stderr)
    print(says("build.size", lang, total=_mb(size.total), kept=kept, parts=", ".join(
        f"{name} {_mb(n)} MB" for name, n in size.parts[:3])), file=sys.stderr)
    if size.total > (limit := size_limit()):
        print(says("build.too_big", lang, total=_mb(size.total), limit=_mb(limit)),
              file=sys.stderr)
    for line in held_back(library, lang):
        print(line, file=sys.stderr)
    if (learned := library.settings.learned) is not None:
        print(learned_line(learned, lang), file=sys.stderr)
    return 0


def learned_line(learned: Learned, lang: str) -> str:
    """Which posting slots the share kit follows: the reach report's, or not yet."""
    t = translator(lang)
    if learned.used:
        slots = ", ".join(f"{a // 60:02d}:{a % 60:02d}-{b // 60:02d}:{b % 60:02d}"
                          for a, b in learned.slots)
        return t("reach.learned", path=learned.path, slots=slots)
    return t("reach.learn_wait", path=learned.path, visits=learned.visits,
             minimum=learned.minimum)


def _give_back_memory() -> None:
    """Collect the engine's garbage (it holds reference cycles) and hand glibc's free pages
    back to the system, so the search index's process finds them."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: reused, not returned
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f}"


def _unsafe_target(target: Path, root: Path, docs: Path) -> bool:
    """Never replace a folder holding the site's sources (``-d .`` would delete them)."""
    return (target in (root, docs, Path(target.anchor), Path.home())
            or target in root.parents or target in docs.parents)


def _swap(staging: Path, target: Path) -> None:
    if not target.exists():
        staging.rename(target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-{os.getpid()}-",
                                dir=target.parent))
    old.rmdir()
    target.rename(old)
    try:
        staging.rename(target)
    except OSError:
        old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _clear_leftovers(target: Path) -> None:
    """What a build killed halfway left next to the site: its half-written staging folder
    (removed) and, if it died between the two renames of ``_swap``, the previous site (put
    back). Only folders of processes that are gone are touched."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.(building|old)-(\d+)-.+")
    for path in sorted(target.parent.iterdir()):
        m = pattern.fullmatch(path.name)
        if m is None or not path.is_dir() or _alive(int(m.group(2))):
            continue
        if m.group(1) == "old" and not target.exists():
            path.rename(target)
        else:
            shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


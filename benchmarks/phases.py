"""Where a ``knowledge-site build`` spends its time: the same build, timed by phase.

    python benchmarks/phases.py SITE_REPO OUT_DIR [--json FILE] [--profile FILE.prof]

Runs ``knowledge-site -C SITE_REPO build -d OUT_DIR`` in this process with thin timing
wrappers around the project's stages (load+validate+collect, each plugin event, each
publish step) and around mkdocs' own work (Markdown conversion, theme templates). Nothing
in generator/ is changed: the wrappers are put in place by this script only. The overhead
is a few microseconds per call (about 10,000 calls at 1,000 items).

With ``--profile`` the build runs under cProfile instead (slower; for where, not how long).
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import json
import os
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")

TOTALS: dict[str, float] = defaultdict(float)  # wall seconds, exclusive of nested phases
CPU: dict[str, float] = defaultdict(float)  # this process's CPU seconds, likewise
COUNTS: dict[str, int] = defaultdict(int)
_LOCAL = threading.local()  # the stack of open phases, per thread (publish may use threads)


def _active() -> list[str]:
    if not hasattr(_LOCAL, "stack"):
        _LOCAL.stack = []
    stack: list[str] = _LOCAL.stack
    return stack

# Phase -> who owns it. "ours" is what the project adds around mkdocs; "search" is the
# Pagefind index (the counterpart of Material's search plugin, which the peer runs too).
OWNER = {
    "check: load+validate+collect": "ours",
    "plugin.on_config: assemble pages, thumbnails, short links": "ours",
    "assemble: pages, thumbnails, short links": "ours",
    "plugin.on_files": "ours",
    "plugin.on_nav": "ours",
    "plugin.on_page_markdown: head meta, feed links": "ours",
    "plugin.on_page_content": "ours",
    "plugin.on_post_page: lang, CSP": "ours",
    "publish: feeds": "ours",
    "pictures: reused from the previous site, the rest handed to workers": "ours",
    "publish: waiting for the pictures (worker processes)": "ours",
    "publish: short links + QR codes": "ours",
    "publish: share kit": "ours",
    "publish: redirects": "ours",
    "publish: sitemap": "ours",
    "publish: search index (Pagefind)": "search",

    "mkdocs: Markdown -> HTML": "mkdocs",
    "mkdocs: theme templates + write": "mkdocs",
    "mkdocs: config, files, nav, static copy": "mkdocs",
}


def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    """Time ``fn`` under ``name``; time spent in a nested timed call counts for the inner one."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        active = _active()
        active.append(name)
        start, cpu_start = time.perf_counter(), time.thread_time()
        try:
            return fn(*args, **kwargs)
        finally:
            spent = time.perf_counter() - start
            cpu = time.thread_time() - cpu_start
            active.pop()
            TOTALS[name] += spent
            CPU[name] += cpu
            COUNTS[name] += 1
            if active:  # exclusive times: the parent does not count the child's share
                TOTALS[active[-1]] -= spent
                CPU[active[-1]] -= cpu

    return wrapper


def instrument() -> None:
    import mkdocs.commands.build as mk_build
    from mkdocs.structure.pages import Page

    import generator.cli.build as ks_build
    import generator.engine.base as ks_engine
    import generator.site.publish as publish
    from generator.engine.mkdocs_plugin import KnowledgeSitePlugin

    ks_build.run = timed("check: load+validate+collect", ks_build.run)
    ks_engine.run = timed("check: load+validate+collect", ks_engine.run)  # serve, mkdocs build
    ks_engine.assemble = timed("assemble: pages, thumbnails, short links", ks_engine.assemble)
    for method, label in (
        ("on_config", "plugin.on_config: assemble pages, thumbnails, short links"),
        ("on_files", "plugin.on_files"),
        ("on_nav", "plugin.on_nav"),
        ("on_page_markdown", "plugin.on_page_markdown: head meta, feed links"),
        ("on_page_content", "plugin.on_page_content"),
        ("on_post_page", "plugin.on_post_page: lang, CSP"),
    ):
        setattr(KnowledgeSitePlugin, method, timed(label, getattr(KnowledgeSitePlugin, method)))
    for name, label in (
        ("write_feeds", "publish: feeds"),
        ("write_short_links", "publish: short links + QR codes"),
        ("write_share_kit", "publish: share kit"),
        ("write_redirects", "publish: redirects"),
        ("unlist_from_sitemap", "publish: sitemap"),
        ("build_search_index", "publish: search index (Pagefind)"),
    ):
        if hasattr(publish, name):
            setattr(publish, name, timed(label, getattr(publish, name)))
    # Pictures are drawn in worker processes and Pagefind indexes in its own: their CPU is
    # not this process's (run.py's CPU column counts the whole process tree).
    from generator.pictures.pool import Drawing

    Drawing.start = timed(  # type: ignore[method-assign]
        "pictures: reused from the previous site, the rest handed to workers", Drawing.start)
    Drawing.finish = timed(  # type: ignore[method-assign]
        "publish: waiting for the pictures (worker processes)", Drawing.finish)
    Page.render = timed("mkdocs: Markdown -> HTML", Page.render)
    mk_build._build_page = timed("mkdocs: theme templates + write", mk_build._build_page)
    mk_build.build = timed("mkdocs: config, files, nav, static copy", mk_build.build)


def report(wall: float) -> dict[str, Any]:
    phases = {k: round(v, 4) for k, v in sorted(TOTALS.items(), key=lambda kv: -kv[1])}
    by_owner: dict[str, float] = defaultdict(float)
    for k, v in TOTALS.items():
        by_owner[OWNER.get(k, "other")] += v
    measured = sum(TOTALS.values())
    by_owner["python start, imports, rest"] = wall - measured
    cpu = {k: round(CPU[k], 4) for k in phases}
    return {"wall_in_process": round(wall, 4), "phases": phases, "cpu": cpu,
            "counts": dict(COUNTS), "by_owner": {k: round(v, 4) for k, v in by_owner.items()}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--json", type=Path, help="write the phase times here")
    parser.add_argument("--profile", type=Path, help="run under cProfile, write stats here")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    from generator.cli.main import main as cli

    command = ["-C", str(args.site), "build", "-d", str(args.out.resolve())]
    if args.profile:
        profiler = cProfile.Profile()
        code = profiler.runcall(cli, command)
        profiler.dump_stats(str(args.profile))
        return int(code)
    instrument()
    code = cli(command)
    result = report(time.perf_counter() - start)
    result["exit"] = code
    text = json.dumps(result, indent=2)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    return int(code)


if __name__ == "__main__":
    sys.exit(main())

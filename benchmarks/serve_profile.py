"""What a ``serve`` rebuild after one edit spends its time on, in one process.

    python benchmarks/serve_profile.py SITE_REPO [--profile FILE.prof]

Does what ``knowledge-site serve`` does without the HTTP server: loads mkdocs.yml as serve
does (site_dir a temporary folder, the plugin told the command is ``serve``), builds once,
edits the title of the first tutorial, builds again (the way serve's builder does: a fresh
config, the same plugin instance, ``dirty`` as our serve command asks) and prints the time
of the rebuild, by phase (benchmarks/phases.py's wrappers). The edit is undone at the end.
With ``--profile`` the rebuild runs under cProfile and the top 25 by cumulative time are
printed.
"""

from __future__ import annotations

import argparse
import cProfile
import inspect
import io
import json
import os
import pstats
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import phases


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--profile", type=Path)
    args = parser.parse_args(argv)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    import generator.engine.mkdocs_run as ks_serve
    from generator.engine.mkdocs_run import quiet_engine

    if not args.profile:
        phases.instrument()  # before mkdocs registers the plugin's events

    # Our serve command asks mkdocs for dirty rebuilds when the code says so.
    dirty = "build_type=\"dirty\"" in inspect.getsource(ks_serve)
    site_dir = tempfile.mkdtemp(prefix="ks-serve-")
    config_file = str(args.site / "mkdocs.yml")
    item = sorted((args.site / "site_src" / "tutorials").glob("*.md"))[0]
    original = item.read_text(encoding="utf-8")

    def config():  # as mkdocs.commands.serve.get_config
        return load_config(config_file=config_file, site_dir=site_dir)

    try:
        with quiet_engine():
            first = config()
            first.plugins.on_startup(command="serve", dirty=dirty)
            t0 = time.perf_counter()
            build(first, serve_url="http://127.0.0.1:8000/", dirty=dirty)
            first_build = time.perf_counter() - t0
            plugin = first.plugins["knowledge-site"]
            if hasattr(plugin, "_wait_for_publish"):
                plugin._wait_for_publish()  # what serve's next build would wait for
            time.sleep(0.05)
            item.write_text(re.sub(r"(?m)^title: .*$", 'title: "Judul Baru Profil"', original,
                                   count=1), encoding="utf-8")
            again = config()
            if args.profile:
                profiler = cProfile.Profile()
                t0 = time.perf_counter()
                profiler.runcall(build, again, serve_url="http://127.0.0.1:8000/", dirty=dirty)
                rebuild = time.perf_counter() - t0
                profiler.dump_stats(str(args.profile))
                text = io.StringIO()
                pstats.Stats(str(args.profile), stream=text).strip_dirs().sort_stats(
                    "cumulative").print_stats(25)
                print(text.getvalue())
            else:
                phases.TOTALS.clear()
                t0 = time.perf_counter()
                build(again, serve_url="http://127.0.0.1:8000/", dirty=dirty)
                rebuild = time.perf_counter() - t0
            rebuilt = dict(phases.TOTALS)
            shown = "Judul Baru Profil" in (Path(site_dir) / "tutorials" / item.stem /
                                            "index.html").read_text(encoding="utf-8")
            if hasattr(plugin, "_wait_for_publish"):
                plugin._wait_for_publish()
    finally:
        item.write_text(original, encoding="utf-8")
        shutil.rmtree(site_dir, ignore_errors=True)
    report = {"dirty": dirty, "first_build": round(first_build, 3), "rebuild": round(rebuild, 3),
              "edit_shown": shown}
    if not args.profile:
        report["phases (publish runs on after the rebuild under serve)"] = {
            k: round(v, 3) for k, v in sorted(rebuilt.items(), key=lambda kv: -kv[1])}
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

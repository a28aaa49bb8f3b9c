"""Each engine on the same synthetic library: a clean build's wall time, CPU, peak memory of
the whole process tree, and what it writes.

    python benchmarks/engines.py [--sizes 1000,5000] [--engines mkdocs,properdocs,zensical]
                                 [--runs 1] [--work DIR] [--readme benchmarks/README.md]

For every size N, ``generate.py N`` writes the library once; then for every engine,
``python -m generator -C <library> build --engine <engine> -d <empty dir>`` runs ``--runs``
times in a fresh process (SOURCE_DATE_EPOCH fixed), measured as benchmarks/run.py measures
(wall, CPU of the tree from wait4, peak of the tree's summed RSS sampled every 50 ms). The
table goes between the ``engines`` markers of ``--readme``; the raw figures to
``<work>/engines.json``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (benchmarks/generate.py)
from run import base_env, git_state, machine, measure  # noqa: E402  (benchmarks/run.py)

START, END = "<!-- engines:start -->", "<!-- engines:end -->"


def run(sizes: list[int], engines: list[str], runs: int, work: Path) -> dict[str, Any]:
    env = base_env(None)
    rows = []
    for n in sizes:
        library = work / f"library-{n}"
        generate.main([str(n), str(library)])
        for engine in engines:
            builds = []
            for i in range(runs):
                out = work / f"{engine}-{n}-{i}"
                shutil.rmtree(out, ignore_errors=True)
                cmd = [sys.executable, "-m", "generator", "-C", str(library), "build",
                       "--engine", engine, "-d", str(out)]
                b = measure(cmd, library, env, out, work / f"{engine}-{n}-{i}.log")
                if b.exit != 0:
                    raise SystemExit(f"{engine} at {n} items failed: {work}/{engine}-{n}-{i}.log")
                builds.append(b)
                print(f"  {engine:11} {n:>6} items: {b.wall:6.1f} s wall, {b.cpu:6.1f} s CPU, "
                      f"{b.peak_rss / 2**20:6.0f} MiB peak, {b.out_bytes / 2**20:6.0f} MiB out",
                      file=sys.stderr, flush=True)
                shutil.rmtree(out, ignore_errors=True)
            rows.append({
                "engine": engine, "items": n, "runs": len(builds),
                "wall": statistics.median(b.wall for b in builds),
                "cpu": statistics.median(b.cpu for b in builds),
                "peak_mib": max(b.peak_rss for b in builds) / 2**20,
                "out_mib": builds[-1].out_bytes / 2**20, "files": builds[-1].out_files,
            })
    return {"machine": machine(), "code": git_state(), "rows": rows}


def table(results: dict[str, Any]) -> str:
    lines = [f"Measured on {results['machine'].get('cores', '?')} cores, code at "
             f"{results['code']}; one clean build each (a fresh process, an empty folder).", "",
             "| engine | items | wall s | CPU s | peak memory (process tree) | output |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for r in results["rows"]:
        lines.append(f"| {r['engine']} | {r['items']:,} | {r['wall']:.1f} | {r['cpu']:.1f} | "
                     f"{r['peak_mib']:,.0f} MiB | {r['out_mib']:,.0f} MiB, {r['files']:,} files |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,5000")
    parser.add_argument("--engines", default="mkdocs,properdocs,zensical")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--work", type=Path)
    parser.add_argument("--readme", type=Path)
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="ks-engines-"))
    work.mkdir(parents=True, exist_ok=True)
    results = run([int(s) for s in args.sizes.split(",")], args.engines.split(","), args.runs,
                  work)
    (work / "engines.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    text = table(results)
    print(text)
    if args.readme:
        readme = args.readme.read_text(encoding="utf-8")
        start, end = readme.index(START) + len(START), readme.index(END)
        args.readme.write_text(readme[:start] + "\n" + text + "\n" + readme[end:],
                               encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

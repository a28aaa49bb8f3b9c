"""Issue 22's goals measured in one run: a library network's site at 1,000, 5,000 and 10,000
items.

    python benchmarks/scale.py [--items 1000,5000,10000] [--peer-max 5000] [--commits 3000]
                               [--work DIR] [--code DIR] [--readme FILE ...]

For every size N (``generate.py N``, the same corpus as ``run.py``):

1. a clean build of ours (a fresh process, an empty folder, ``SOURCE_DATE_EPOCH`` fixed):
   wall time, CPU, the peak memory of the whole process tree (RSS summed over the tree every
   50 ms from /proc, as ``run.py`` measures) and its largest single process, the output's
   size and its three largest parts;
2. one item's title edited and the site built again over the first: the wall time and the
   files the rebuild rewrote (new, or a new modification time; unchanged files keep theirs);
3. the peer's clean build (Material with blog, tags and mkdocs-rss-plugin) up to
   ``--peer-max`` items, and ours ÷ peer;
4. ``knowledge-site check`` of the library: wall time;
5. the git history: a copy of the library made into a repository of ``--commits`` commits
   with edits and renames (``history.py``) and the seconds ``load_history`` takes on it,
   against the clean build's time.

Every goal is then marked met or not in a Markdown table (``--readme`` rewrites the block
between the ``scale`` markers of each file named); raw numbers go to ``<work>/scale.json``.
The machine is shared: where wall time is far above CPU time ÷ cores, the build waited.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (benchmarks/generate.py)
import history  # noqa: E402
import run  # noqa: E402

START, END = "<!-- scale:start -->", "<!-- scale:end -->"
GB = 1_000_000_000
# The goals.
SIZE_GOAL = 1 * GB  # bytes at 10,000 items (GitHub Pages' limit)
MEMORY_GOAL = 1.5 * 2**30  # bytes of the process tree at 10,000 items
PEER_GOAL = 0.5  # our clean build ÷ the peer's, at 1,000 and 5,000 items
CHECK_GOAL = 15.0  # seconds for check at 10,000 items
HISTORY_GOAL = 0.10  # history ÷ build


@dataclass
class Size:
    items: int
    clean: dict[str, Any] = field(default_factory=dict)
    parts: list[tuple[str, int]] = field(default_factory=list)
    rebuild: dict[str, Any] = field(default_factory=dict)
    rewritten: int = 0
    unchanged: int = 0
    peer: dict[str, Any] | None = None
    check_s: float = 0.0
    history: dict[str, Any] = field(default_factory=dict)


def parts_of(site: Path) -> list[tuple[str, int]]:
    """Top-level folder or file -> bytes, largest first."""
    parts: Counter[str] = Counter()
    for folder, _, files in os.walk(site):
        rel = Path(folder).relative_to(site).parts
        for name in files:
            parts[rel[0] + "/" if rel else name] += os.stat(os.path.join(folder, name)).st_size
    return sorted(parts.items(), key=lambda kv: (-kv[1], kv[0]))


def times_of(site: Path) -> dict[str, int]:
    return {str(p.relative_to(site)): p.stat().st_mtime_ns for p in site.rglob("*")
            if p.is_file()}


def edit_one_item(lib: Path) -> Path:
    """The first tutorial's title, changed as a librarian would fix a typo."""
    path = sorted((lib / "site_src" / "tutorials").glob("*.md"))[0]
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'^title: "', 'title: "Diperbarui: ', text, count=1, flags=re.M),
                    encoding="utf-8")
    return path


def build(cmd: list[str], cwd: Path, env: dict[str, str], out: Path, log: Path
          ) -> dict[str, Any]:
    b = run.measure(cmd, cwd, env, out, log)
    if b.exit != 0:
        raise SystemExit(f"{' '.join(cmd)} failed; see {log}")
    return asdict(b)


def measure_size(n: int, work: Path, env: dict[str, str], peer_max: int, commits: int
                 ) -> Size:
    result = Size(n)
    lib, peer = work / f"lib-{n}", work / f"peer-{n}"
    out = work / f"site-{n}"
    shutil.rmtree(out, ignore_errors=True)
    generate.main([str(n), str(lib), *(["--peer", str(peer)] if n <= peer_max else [])])
    ours = [sys.executable, "-m", "generator", "-C", str(lib), "build", "-d", str(out)]
    say = lambda s: print(f"  {n:>6} items: {s}", file=sys.stderr, flush=True)  # noqa: E731
    result.clean = build(ours, lib, env, out, work / f"clean-{n}.log")
    result.parts = parts_of(out)
    say(f"clean {result.clean['wall']:.1f} s, {result.clean['peak_rss'] / 2**20:.0f} MiB, "
        f"{result.clean['out_bytes'] / 1e6:.0f} MB")
    before = times_of(out)
    time.sleep(0.05)
    edit_one_item(lib)
    result.rebuild = build(ours, lib, env, out, work / f"rebuild-{n}.log")
    after = times_of(out)
    result.rewritten = sum(1 for p, t in after.items() if before.get(p) != t)
    result.unchanged = len(after) - result.rewritten
    say(f"rebuild after one edit {result.rebuild['wall']:.1f} s: {result.rewritten} of "
        f"{len(after)} files rewritten")
    if n <= peer_max:
        run.clear_caches(peer, env)
        peer_out = work / f"peer-site-{n}"
        shutil.rmtree(peer_out, ignore_errors=True)
        result.peer = build([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(peer_out)],
                            peer, env, peer_out, work / f"peer-{n}.log")
        shutil.rmtree(peer_out, ignore_errors=True)
        say(f"peer {result.peer['wall']:.1f} s")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "generator", "-C", str(lib), "check"], env=env,
                   capture_output=True, check=True)
    result.check_s = time.perf_counter() - start
    say(f"check {result.check_s:.1f} s")
    repo = work / f"history-{n}"
    shutil.rmtree(repo, ignore_errors=True)
    shutil.copytree(lib, repo)
    made = history.make_history(repo, commits)
    result.history = {**made, **history.measure(repo)}
    shutil.rmtree(repo, ignore_errors=True)
    say(f"history of {made['commits']} commits: {result.history['seconds']:.2f} s")
    return result


# -- the report ------------------------------------------------------------------------------

def _mb(n: float) -> str:
    return f"{n / 1e6:,.0f} MB"


def _mib(n: float) -> str:
    return f"{n / 2**20:,.0f} MiB"


def table(sizes: list[Size]) -> str:
    lines = ["| items | clean build (CPU) | peer | ours ÷ peer | peak memory, process tree "
             "(largest process) | output | largest parts | rebuild after one edit: files "
             "rewritten (wall) | check | git history (commits) | history ÷ build |",
             "|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|"]
    for s in sizes:
        c = s.clean
        peer = f"{s.peer['wall']:.1f} s" if s.peer else "—"
        ratio = f"**{c['wall'] / s.peer['wall']:.2f}x**" if s.peer else "—"
        h = s.history
        share = h["seconds"] / (c["wall"] + h["seconds"])
        parts = ", ".join(f"`{name}` {_mb(b)}" for name, b in s.parts[:3])
        lines.append(
            f"| {s.items:,} | {c['wall']:.1f} s ({c['cpu']:.0f} s) | {peer} | {ratio} | "
            f"{_mib(c['peak_rss'])} ({_mib(c['max_process_rss'])}) | {_mb(c['out_bytes'])}, "
            f"{c['out_files']:,} files | {parts} | {s.rewritten:,} of "
            f"{s.rewritten + s.unchanged:,} ({s.rebuild['wall']:.1f} s) | {s.check_s:.1f} s | "
            f"{h['seconds']:.2f} s ({h['commits']:,}: {h['adds']:,} adding, {h['edits']:,} "
            f"edits, {h['renames']:,} renames) | {share:.1%} |")
    return "\n".join(lines)


def goals(sizes: list[Size]) -> str:
    by = {s.items: s for s in sizes}
    rows = ["| goal | measured | met? |", "|---|---|---|"]

    def row(goal: str, measured: str, ok: bool | None) -> None:
        rows.append(f"| {goal} | {measured} | "
                    f"{'**yes**' if ok else 'not measured' if ok is None else '**no**'} |")

    big = by.get(10_000) or max(sizes, key=lambda s: s.items)
    label = f"at {big.items:,} items"
    row(f"output ≤ 1 GB {label}", _mb(big.clean["out_bytes"]),
        big.clean["out_bytes"] <= SIZE_GOAL)
    row(f"peak memory of the process tree ≤ 1.5 GB {label}", _mib(big.clean["peak_rss"]),
        big.clean["peak_rss"] <= MEMORY_GOAL)
    for n in (1_000, 5_000):
        s = by.get(n)
        if s is None or s.peer is None:
            row(f"clean build ≤ 0.5x the peer at {n:,} items", "—", None)
            continue
        r = s.clean["wall"] / s.peer["wall"]
        row(f"clean build ≤ 0.5x the peer at {n:,} items",
            f"{r:.2f}x ({s.clean['wall']:.1f} s vs {s.peer['wall']:.1f} s)", r <= PEER_GOAL)
    row(f"`check` < 15 s {label}", f"{big.check_s:.1f} s", big.check_s < CHECK_GOAL)
    worst = max(sizes, key=lambda s: s.history["seconds"] / (s.clean["wall"]
                                                              + s.history["seconds"]))
    share = worst.history["seconds"] / (worst.clean["wall"] + worst.history["seconds"])
    row(f"git history < 10 % of a build ({worst.history['commits']:,} commits)",
        f"{share:.1%} at {worst.items:,} items ({worst.history['seconds']:.2f} s)",
        share < HISTORY_GOAL)
    edited = ", ".join(f"{s.rewritten:,} of {s.rewritten + s.unchanged:,}" for s in sizes)
    row("a rebuild after one edit rewrites only what changed", f"files rewritten: {edited}",
        all(s.rewritten < 0.2 * (s.rewritten + s.unchanged) for s in sizes))
    return "\n".join(rows)


def report(sizes: list[Size], started: datetime, code: Path, elapsed: float) -> str:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=code,
                            capture_output=True, text=True).stdout.strip() or "?"
    dirty = subprocess.run(["git", "status", "--porcelain", "generator"], cwd=code,
                           capture_output=True, text=True).stdout.strip()
    load = os.getloadavg()
    return (f"{goals(sizes)}\n\n{table(sizes)}\n\nOne run of `python3 benchmarks/scale.py "
            f"--items {','.join(str(s.items) for s in sizes)}`, {started:%Y-%m-%d %H:%M} UTC, "
            f"{elapsed / 60:.0f} min; code {commit}{' + changes' if dirty else ''}; "
            f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores shared with "
            f"other work (load average at the end {load[0]:.1f}, {load[1]:.1f}, {load[2]:.1f}).")


def rewrite(path: Path, block: str) -> None:
    text = path.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise SystemExit(f"{path} has no {START} … {END} block")
    head, rest = text.split(START, 1)
    path.write_text(head + START + "\n" + block + "\n" + END + rest.split(END, 1)[1],
                    encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", default="1000,5000,10000")
    parser.add_argument("--peer-max", type=int, default=5000,
                        help="build the peer up to this many items (0: never)")
    parser.add_argument("--commits", type=int, default=3000)
    parser.add_argument("--work", type=Path)
    parser.add_argument("--code", type=Path, default=REPO)
    parser.add_argument("--readme", type=Path, action="append", default=[])
    args = parser.parse_args(argv)
    work = (args.work or Path(tempfile.mkdtemp(prefix="ks-scale-"))).resolve()
    work.mkdir(parents=True, exist_ok=True)
    env = run.base_env(args.code.resolve())
    started, t0 = datetime.now(UTC), time.perf_counter()
    sizes = [measure_size(int(n), work, env, args.peer_max, args.commits)
             for n in args.items.split(",")]
    text = report(sizes, started, args.code.resolve(), time.perf_counter() - t0)
    (work / "scale.json").write_text(json.dumps([asdict(s) for s in sizes], indent=1) + "\n",
                                     encoding="utf-8")
    (work / "scale.md").write_text(text + "\n", encoding="utf-8")
    for path in args.readme:
        rewrite(path, text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

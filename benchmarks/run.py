"""Time knowledge-site against the peer on the same synthetic library, in one run.

    python benchmarks/run.py [--sizes 100,1000,5000] [--runs 3] [--work DIR]
                             [--serve-size 1000] [--phases-size 1000] [--profile-size 1000]
                             [--code DIR] [--readme benchmarks/README.md]

For every size N: ``generate.py N`` writes our site repository and the peer's (Material for
MkDocs with its blog, tags and search plugins plus mkdocs-rss-plugin), then each is built
clean ``--runs`` times, each build in a fresh process into an empty folder:

- ours: ``python -m generator -C <ours> build -d <empty dir>``
- peer: ``python -m mkdocs build -q -d <empty dir>`` (in the peer's folder)

both with ``SOURCE_DATE_EPOCH`` fixed. A cache a build keeps in the site repository
(``.cache/``: the peer's plugins) is removed before every "clean" run. Then ours is timed
again as a *rebuild*: the same command into the folder the last clean build left (ours
reuses the pictures of the site it replaces: generator/previous_site.py), as every build
after the first one is on a librarian's laptop or a server that keeps its ``site/``.

Measured per build: wall time (median over the runs), CPU seconds (user+system of the
whole process tree, from wait4), peak memory (the largest of: the tree's summed RSS sampled
every 50 ms from /proc, and the biggest single process's ru_maxrss), output size and file
count. Then: ms per item, the peer/ours ratio, the 5,000/1,000 growth, the project's share
of the build (benchmarks/phases.py at ``--phases-size``), a cProfile of our build
(``--profile-size``, top 30 by cumulative time) and the time ``serve`` takes to show an
edited title at ``--serve-size``.

A size whose first run takes longer than ``--long`` seconds is run once (the table says
how many runs each median is over). Results: ``<work>/results.json``, the profile next to
it, and the table written between the ``results`` markers of ``--readme``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (benchmarks/generate.py, next to this file)

EPOCH = str(generate.BUILD_EPOCH)
PAGE = os.sysconf("SC_PAGE_SIZE")
START, END = "<!-- results:start -->", "<!-- results:end -->"


@dataclass
class Build:
    wall: float
    cpu: float
    peak_rss: int  # bytes: the process tree's summed RSS, sampled
    out_bytes: int
    out_files: int
    exit: int
    max_process_rss: int = 0  # bytes: the largest single process (ru_maxrss)


@dataclass
class Row:
    engine: str  # "ours" | "ours (rebuild)" | "peer"
    items: int
    runs: list[Build] = field(default_factory=list)

    def median(self, key: str) -> float:
        return float(statistics.median(getattr(b, key) for b in self.runs))


# -- measuring one process tree -----------------------------------------------------------

def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except OSError:
            pass
    return out


def _rss(pids: list[int]) -> int:
    total = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/statm") as f:
                total += int(f.read().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            pass
    return total


def measure(cmd: list[str], cwd: Path, env: dict[str, str], out: Path | None,
            log: Path) -> Build:
    with open(log, "wb") as sink:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=sink, stderr=subprocess.STDOUT)
        peak = 0
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, _rss(_tree(proc.pid)))
                done.wait(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    size = files = 0
    if out is not None and out.is_dir():
        for path in out.rglob("*"):
            if path.is_file():
                files += 1
                size += path.stat().st_size
    return Build(wall=wall, cpu=usage.ru_utime + usage.ru_stime,
                 peak_rss=max(peak, usage.ru_maxrss * 1024), out_bytes=size, out_files=files,
                 exit=proc.returncode, max_process_rss=usage.ru_maxrss * 1024)


def base_env(code: Path | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(SOURCE_DATE_EPOCH=EPOCH, NO_MKDOCS_2_WARNING="1",
               DISABLE_MKDOCS_2_WARNING="true", PYTHONHASHSEED="0")
    if code is not None:
        env["PYTHONPATH"] = str(code)
    return env


# -- the parts of a run -------------------------------------------------------------------

def build_series(engine: str, n: int, site: Path, runs: int, long: float, env: dict[str, str],
                 scratch: Path, *, previous: Path | None = None) -> Row:
    """``previous``: a rebuild series — every run builds into this folder, which holds the
    site of the build before (and is kept); otherwise each run starts from nothing."""
    row = Row(engine, n)
    for i in range(runs):
        clear_caches(site, env)
        out = previous or scratch / f"{engine.split()[0]}-{n}-{i}"
        if previous is None:
            shutil.rmtree(out, ignore_errors=True)
        if engine.startswith("ours"):
            cmd = [sys.executable, "-m", "generator", "-C", str(site), "build", "-d", str(out)]
        else:
            cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)]
        log = scratch / f"{engine.split()[0]}-{n}-{i}.log"
        b = measure(cmd, site, env, out, log)
        if engine == "ours" and (i == runs - 1 or b.wall > long):
            shutil.rmtree(scratch / f"ours-{n}-last", ignore_errors=True)
            out.rename(scratch / f"ours-{n}-last")  # the rebuilds' previous site
        elif previous is None:
            shutil.rmtree(out, ignore_errors=True)
        if b.exit != 0:
            raise SystemExit(f"{engine} build of {n} items failed; see {log}")
        row.runs.append(b)
        print(f"  {engine:18} {n:>6} items  run {i + 1}: {b.wall:7.1f} s wall, "
              f"{b.cpu:7.1f} s CPU, {b.peak_rss / 2**20:6.0f} MiB", file=sys.stderr, flush=True)
        if b.wall > long:
            break
    return row


def clear_caches(site: Path, env: dict[str, str]) -> None:
    """What a build may keep in the site repository between builds: ``.cache/`` (the
    peer's mkdocs-rss-plugin; Material's plugins). Ours keeps nothing outside its site."""
    shutil.rmtree(site / ".cache", ignore_errors=True)


def phases(site: Path, env: dict[str, str], scratch: Path, profile: bool = False,
           warm: bool = False) -> dict[str, Any]:
    clear_caches(site, env)
    out = scratch / "phases-site"
    if not warm:  # a rebuild ("warm") builds over the site the cold one left
        shutil.rmtree(out, ignore_errors=True)
    result = scratch / ("profile.prof" if profile else f"phases{'-warm' if warm else ''}.json")
    cmd = [sys.executable, str(HERE / "phases.py"), str(site), str(out),
           "--profile" if profile else "--json", str(result)]
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    if warm or profile:
        shutil.rmtree(out, ignore_errors=True)
    if profile:
        import io
        import pstats

        text = io.StringIO()
        stats = pstats.Stats(str(result), stream=text)
        stats.strip_dirs().sort_stats("cumulative").print_stats(30)
        return {"profile": text.getvalue(), "file": str(result)}
    return dict(json.loads(result.read_text()))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return None


def serve_rebuild(site: Path, env: dict[str, str], scratch: Path, edits: int = 3,
                  first_timeout: float = 900, edit_timeout: float = 600,
                  gap: float = 15.0) -> dict[str, Any]:
    """Start ``serve`` on 127.0.0.1, edit one item's title ``edits`` times, ``gap`` seconds
    apart (as a person edits, reads, edits again; the first edit ``gap`` seconds after the
    first page was served), and time how long each new title takes to show on the item's
    page (polled every 50 ms, bounded)."""
    clear_caches(site, env)
    item = sorted((site / "site_src" / "tutorials").glob("*.md"))[0]
    original = item.read_text(encoding="utf-8")
    slug = item.stem
    port = _free_port()
    url = f"http://127.0.0.1:{port}/tutorials/{slug}/"
    log = open(scratch / "serve.log", "wb")  # noqa: SIM115 - closed in the finally below
    # cwd=site: ``python -m`` puts the working folder first on sys.path, and the repository's
    # own generator/ would win over --code's.
    proc = subprocess.Popen([sys.executable, "-m", "generator", "-C", str(site), "serve", "-a",
                             f"127.0.0.1:{port}"], cwd=site, env=env, stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)
    times: list[float] = []
    start = time.perf_counter()
    first = None
    try:
        deadline = start + first_timeout
        while time.perf_counter() < deadline and proc.poll() is None:
            if _fetch(url) is not None:
                first = time.perf_counter() - start
                break
            time.sleep(0.2)
        if first is None:
            return {"error": "the first build did not finish in time", "first_build": None}
        for n in range(edits):
            time.sleep(gap)
            title = f"Judul Baru Uji Serve {n + 1}"
            text = re.sub(r"(?m)^title: .*$", f'title: "{title}"', original, count=1)
            t0 = time.perf_counter()
            item.write_text(text, encoding="utf-8")
            seen = None
            while time.perf_counter() - t0 < edit_timeout and proc.poll() is None:
                body = _fetch(url)
                if body is not None and title in body:
                    seen = time.perf_counter() - t0
                    break
                time.sleep(0.05)
            if seen is None:
                return {"error": "the edit did not show in time", "first_build": first,
                        "edits": times}
            times.append(seen)
    finally:
        item.write_text(original, encoding="utf-8")
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)  # the server and its children only
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        log.close()
    return {"first_build": first, "edits": times, "median": statistics.median(times),
            "gap": gap}


# -- machine and versions -----------------------------------------------------------------

def machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = int(line.split()[1]) * 1024
    except OSError:
        pass
    versions = {"python": platform.python_version()}
    for dist in ("knowledge-site", "mkdocs", "mkdocs-material", "mkdocs-rss-plugin", "Markdown",
                 "pymdown-extensions", "Jinja2", "pillow", "pagefind", "feedgen", "segno"):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = "-"
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(mem / 2**30, 1),
            "os": platform.platform(), "load_at_start": os.getloadavg(), "versions": versions}


def git_state() -> str:
    try:
        head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "generator"],
                               capture_output=True, text=True, check=True).stdout.strip()
        return head + (" + uncommitted changes in generator/" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


# -- the report ---------------------------------------------------------------------------

def _mib(n: float) -> str:
    return f"{n / 2**20:,.0f} MiB"


def _largest(row: Row) -> str:
    biggest = max(b.max_process_rss for b in row.runs)
    return f" ({_mib(biggest)})" if biggest else ""


def table(results: dict[str, Any]) -> str:
    rows = [Row(r["engine"], r["items"], [Build(**b) for b in r["runs"]])
            for r in results["rows"]]
    peer = {r.items: r for r in rows if r.engine == "peer"}
    ours = {r.items: r for r in rows if r.engine == "ours"}
    lines = [
        "| items | engine | runs | wall (median) | CPU | ms/item | peak memory (largest "
        "process) | output "
        "| files | peer ÷ ours (wall) | peer ÷ ours (CPU) |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        wall = r.median("wall")
        ratio = cpu_ratio = ""
        if r.engine != "peer" and r.items in peer:
            ratio = f"{peer[r.items].median('wall') / wall:.2f}x"
            cpu_ratio = f"{peer[r.items].median('cpu') / r.median('cpu'):.2f}x"
        lines.append(
            f"| {r.items:,} | {r.engine} | {len(r.runs)} | {wall:,.1f} s | "
            f"{r.median('cpu'):,.1f} s | {1000 * wall / r.items:,.1f} | "
            f"{_mib(max(b.peak_rss for b in r.runs))}{_largest(r)} | "
            f"{_mib(r.median('out_bytes'))} | "
            f"{int(r.median('out_files')):,} | {ratio} | {cpu_ratio} |")
    out = ["\n".join(lines), ""]
    if 1000 in ours and 5000 in ours:
        growth = ours[5000].median("wall") / ours[1000].median("wall")
        out.append(f"Growth, ours: 5,000 items take **{growth:.2f}x** the 1,000-item build "
                   f"(linear would be 5x).")
        if 1000 in peer and 5000 in peer:
            pg = peer[5000].median("wall") / peer[1000].median("wall")
            out.append(f"Growth, peer: {pg:.2f}x.")
        out.append("")
    for key, label in (("phases", "clean"), ("phases_warm", "rebuild")):
        if results.get(key):
            out += phase_table(results[key], results["phases_size"], label)
    sv = results.get("serve")
    if sv:
        if sv.get("median") is not None:
            gap = f", edits {sv['gap']:.0f} s apart" if sv.get("gap") else ", edits 1 s apart"
            out.append(f"`serve` at {results['serve_size']:,} items: first build "
                       f"{sv['first_build']:.1f} s; an edited title shows after "
                       f"**{sv['median']:.1f} s** (median of "
                       f"{', '.join(f'{t:.1f}' for t in sv['edits'])} s{gap}).")
        else:
            out.append(f"`serve` at {results['serve_size']:,} items: {sv.get('error')}.")
        out.append("")
    m = results["machine"]
    v = m["versions"]
    out.append(
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB; load average at "
        f"start {', '.join(f'{x:.1f}' for x in m['load_at_start'])}, at end "
        f"{', '.join(f'{x:.1f}' for x in results.get('load_at_end', []))}. "
        f"Code: {results['code']}. Run {results['date']} in {results['duration_min']:.0f} min.")
    out.append("")
    out.append("Versions: " + ", ".join(f"{k} {val}" for k, val in v.items()) + ".")
    return "\n".join(out)


def phase_table(ph: dict[str, Any], size: int, label: str) -> list[str]:
    from phases import OWNER

    owners = ph["by_owner"]
    total = ph["wall_in_process"]
    cpu = ph.get("cpu", {})
    cpu_total = sum(cpu.values()) or 1.0
    cpu_ours = sum(v for k, v in cpu.items() if OWNER.get(k) == "ours")
    out = [f"Phases at {size:,} items, {label} (one instrumented build in one process, "
           f"{total:.1f} s wall): the project's own work (load, validate, collect, page "
           f"assembly, plugin events, feeds, previews, short links, share kit) "
           f"**{100 * owners.get('ours', 0) / total:.0f} %** of the wall time, "
           f"**{100 * cpu_ours / cpu_total:.0f} %** of the CPU time in the build process; "
           f"Pagefind {100 * owners.get('search', 0) / total:.0f} % of the wall time "
           f"(its own process); mkdocs and Material "
           f"{100 * owners.get('mkdocs', 0) / total:.0f} %.", "",
           "| phase | owner | wall | CPU (this process) | share of wall |",
           "|---|---|---:|---:|---:|"]
    for name, secs in ph["phases"].items():
        out.append(f"| {name} | {OWNER.get(name, '?')} | {secs:.2f} s | "
                   f"{cpu.get(name, 0):.2f} s | {100 * secs / total:.1f} % |")
    out.append("")
    return out


def write_readme(readme: Path, results: dict[str, Any]) -> None:
    text = readme.read_text(encoding="utf-8") if readme.exists() else f"{START}\n{END}\n"
    if START not in text:
        text += f"\n{START}\n{END}\n"
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    readme.write_text(f"{head}{START}\n{table(results)}\n{END}{tail}", encoding="utf-8")


# -- command -------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,5000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--long", type=float, default=240.0,
                        help="a size whose first run takes longer is run once")
    parser.add_argument("--work", type=Path, help="where corpora and outputs go "
                        "(default: a new folder under the system's temporary folder)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-peer", action="store_true")
    parser.add_argument("--peer-max", type=int, default=10_000,
                        help="largest size the peer is built at")
    parser.add_argument("--serve-size", type=int, default=1000, help="0: skip")
    parser.add_argument("--serve-gap", type=float, default=15.0,
                        help="seconds between the edits in the serve test")
    parser.add_argument("--phases-size", type=int, default=1000, help="0: skip")
    parser.add_argument("--profile-size", type=int, default=1000, help="0: skip")
    parser.add_argument("--code", type=Path,
                        help="benchmark the generator package in this folder instead of the "
                             "installed one (put first on PYTHONPATH)")
    parser.add_argument("--readme", type=Path, help="write the table into this file")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    work = args.work or Path(tempfile.mkdtemp(prefix="ks-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    env = base_env(args.code.resolve() if args.code else None)
    t0 = time.perf_counter()
    results: dict[str, Any] = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), "machine": machine(),
        "code": (f"generator/ from {args.code}" if args.code else f"repository {git_state()}"),
        "sizes": sizes, "rows": [],
    }
    print(f"work folder: {work}", file=sys.stderr)
    for n in sizes:
        ours_dir, peer_dir = work / f"{n}" / "ours", work / f"{n}" / "peer"
        with_peer = not args.no_peer and n <= args.peer_max
        generate.generate(n, ours_dir, args.seed, peer_dir if with_peer else None)
        scratch = work / f"{n}" / "out"
        scratch.mkdir(exist_ok=True)
        row = build_series("ours", n, ours_dir, args.runs, args.long, env, scratch)
        results["rows"].append(asdict(row))
        # The same build again over the site the last one left (nothing changed).
        warm = build_series("ours (rebuild)", n, ours_dir, len(row.runs), args.long, env,
                            scratch, previous=scratch / f"ours-{n}-last")
        results["rows"].append(asdict(warm))
        shutil.rmtree(scratch / f"ours-{n}-last", ignore_errors=True)
        if with_peer:
            results["rows"].append(asdict(build_series("peer", n, peer_dir, len(row.runs),
                                                       args.long, env, scratch)))
        if n == args.phases_size:
            print(f"  phases at {n}", file=sys.stderr, flush=True)
            results["phases"] = phases(ours_dir, env, scratch)
            results["phases_size"] = n
            results["phases_warm"] = phases(ours_dir, env, scratch, warm=True)
        if n == args.profile_size:
            print(f"  cProfile at {n}", file=sys.stderr, flush=True)
            prof = phases(ours_dir, env, scratch, profile=True)
            (work / f"profile-{n}.txt").write_text(prof["profile"], encoding="utf-8")
            results["profile_file"] = str(work / f"profile-{n}.txt")
        if n == args.serve_size:
            print(f"  serve at {n}", file=sys.stderr, flush=True)
            results["serve"] = serve_rebuild(ours_dir, env, scratch, gap=args.serve_gap)
            results["serve_size"] = n
        (work / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    results["load_at_end"] = os.getloadavg()
    results["duration_min"] = (time.perf_counter() - t0) / 60
    (work / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(table(results))
    if args.readme:
        write_readme(args.readme, results)
    print(f"results: {work / 'results.json'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

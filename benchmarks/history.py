"""Years of git history for a synthetic library, and what reading it costs a build.

    python benchmarks/history.py LIB [--commits 3000] [--seed 1] [--measure]

LIB is a library written by ``generate.py`` (not yet a git repository). It becomes one whose
last commit holds exactly LIB's files, reached by ``--commits`` commits (at least 3,000 by
default) dated evenly from 2016-01-01 to 2025-12-20, as a library network's repository grows:

- the first commit holds everything but the items (settings, pages, pictures);
- the items arrive in date order, a few per commit, over a third of the commits;
- a tenth of the commits rename an item (it was first added under ``<slug>-lama.md``, so the
  site keeps a redirect from that address: docs/durable-addresses.md);
- the other commits edit an item already there (a revision note at the end of its body), and
  the last commit puts every edited item back to its final text.

Everything goes through one ``git fast-import`` stream, so 3,000 commits take seconds.
``--measure`` then times what a build spends on the history (``load_history``: one ``git
log`` walk of every commit and one ``git cat-file --batch`` read of every version), the median
of three runs in a fresh process, and prints it as JSON.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

FIRST = datetime(2016, 1, 1, 9, tzinfo=UTC)
LAST = datetime(2025, 12, 20, 17, tzinfo=UTC)
FOLDERS = ("tutorials", "reviews", "videos")
AUTHOR = "Pustakawan Jaringan <pustakawan@bench.perpustakaan.example.org>"
_DATE = re.compile(r"^date:\s*(\S+)", re.M)


def make_history(lib: Path, commits: int = 3000, seed: int = 1) -> dict[str, int]:
    """Turn ``lib`` into a git repository of ``commits`` commits; what they did."""
    rng = random.Random(seed)
    docs = lib / "site_src"
    items = sorted((p for f in FOLDERS for p in (docs / f).glob("*.md")),
                   key=lambda p: (_date(p), p.name))
    rest = sorted(p for p in lib.rglob("*") if p.is_file() and p not in set(items)
                  and ".git" not in p.parts)
    adds = min(len(items), max(1, commits // 3))
    renames = min(commits // 10, len(items))
    edits = max(0, commits - 2 - adds - renames)
    renamed = set(rng.sample(range(len(items)), renames))
    batches = [items[len(items) * i // adds:len(items) * (i + 1) // adds] for i in range(adds)]
    # The first commit after the start adds items; the rest come in a shuffled order.
    rest_kinds = ["add"] * (adds - 1) + ["rename"] * renames + ["edit"] * edits
    rng.shuffle(rest_kinds)
    order = ["add", *rest_kinds]
    index = {p: n for n, p in enumerate(items)}

    stream = bytearray()
    total = len(order) + 2  # the start and the last commit
    mark = 0

    def commit(message: str, changes: list[tuple[str, str, bytes | None]]) -> None:
        nonlocal mark
        mark += 1
        when = FIRST + (LAST - FIRST) * (mark - 1) / max(1, total - 1)
        stamp = f"{int(when.timestamp())} +0700"
        msg = message.encode()
        stream.extend(f"commit refs/heads/main\nmark :{mark}\nauthor {AUTHOR} {stamp}\n"
                      f"committer {AUTHOR} {stamp}\ndata {len(msg)}\n".encode() + msg + b"\n")
        if mark > 1:
            stream.extend(f"from :{mark - 1}\n".encode())
        for op, path, data in changes:
            if op == "D":
                stream.extend(f"D {path}\n".encode())
            else:
                assert data is not None
                stream.extend(f"M 100644 inline {path}\ndata {len(data)}\n".encode() + data
                              + b"\n")
        stream.extend(b"\n")

    commit("Situs perpustakaan dimulai", [("M", _rel(lib, p), p.read_bytes()) for p in rest])
    live: list[int] = []  # items already in the repository
    where: dict[int, str] = {}  # item -> its path now
    revised: dict[int, int] = {}  # item -> revisions so far
    pending_renames = sorted(renamed)
    stats = {"commits": 1, "adds": 0, "renames": 0, "edits": 0, "items": len(items)}
    next_batch = 0
    for kind in order:
        if kind == "add" and next_batch < len(batches):
            changes = []
            for p in batches[next_batch]:
                i = index[p]
                path = _rel(lib, p)[:-3] + "-lama.md" if i in renamed else _rel(lib, p)
                where[i] = path
                live.append(i)
                changes.append(("M", path, p.read_bytes()))
            next_batch += 1
            commit(f"Tambah {len(changes)} tulisan", changes)
            stats["adds"] += 1
            continue
        ready = [i for i in pending_renames if where.get(i, "").endswith("-lama.md")]
        if kind == "rename" and ready:
            i = ready[0]
            pending_renames.remove(i)
            old, new = where[i], _rel(lib, items[i])
            where[i] = new
            commit(f"Ganti alamat {Path(new).stem}",
                   [("D", old, None), ("M", new, _text(items[i], revised.get(i, 0)))])
            stats["renames"] += 1
            continue
        i = rng.choice(live)
        revised[i] = revised.get(i, 0) + 1
        commit(f"Perbaiki {Path(where[i]).stem}", [("M", where[i], _text(items[i], revised[i]))])
        stats["edits"] += 1
    # Whatever is still under its old name moves now, items never added arrive, and every
    # item gets its final text back.
    final: list[tuple[str, str, bytes | None]] = []
    for i, path in sorted(where.items()):
        if path != _rel(lib, items[i]):
            final.append(("D", path, None))
        if path != _rel(lib, items[i]) or revised.get(i):
            final.append(("M", _rel(lib, items[i]), items[i].read_bytes()))
    final.extend(("M", _rel(lib, p), p.read_bytes()) for b in batches[next_batch:] for p in b)
    commit("Rapikan semua tulisan", final)
    stats["commits"] = mark

    subprocess.run(["git", "init", "-q", "-b", "main", str(lib)], check=True)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=lib, input=bytes(stream), check=True)
    subprocess.run(["git", "reset", "-q"], cwd=lib, check=True)
    status = subprocess.run(["git", "status", "--porcelain"], cwd=lib, check=True,
                            capture_output=True, text=True).stdout
    if status.strip():
        raise SystemExit(f"the last commit is not the library as written:\n{status[:2000]}")
    return stats


def _rel(lib: Path, p: Path) -> str:
    return p.relative_to(lib).as_posix()


def _date(p: Path) -> str:
    m = _DATE.search(p.read_text(encoding="utf-8")[:2000])
    return m.group(1) if m else ""


def _text(p: Path, revision: int) -> bytes:
    data = p.read_bytes()
    return data if revision == 0 else data + f"\n<!-- revisi {revision} -->\n".encode()


def measure(lib: Path, runs: int = 3) -> dict[str, float]:
    """Seconds ``load_history`` takes on ``lib`` (median of ``runs``, each in a fresh
    process), and how many versions it read."""
    code = ("import sys, time, json\n"
            "from pathlib import Path\n"
            "from generator.library.history import load_history\n"
            "t = time.perf_counter()\n"
            "h = load_history(Path(sys.argv[1]), 'site_src')\n"
            "print(json.dumps({'seconds': time.perf_counter() - t, 'ok': h.available,"
            " 'records': len(h.records)}))\n")
    results = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code, str(lib)], check=True,
                             capture_output=True, text=True).stdout
        results.append(json.loads(out))
    if not all(r["ok"] for r in results):
        raise SystemExit(f"history could not be read: {results}")
    count = subprocess.run(["git", "rev-list", "--count", "HEAD"], cwd=lib, check=True,
                           capture_output=True, text=True).stdout.strip()
    return {"seconds": statistics.median(r["seconds"] for r in results),
            "runs": [round(r["seconds"], 3) for r in results],
            "records": results[0]["records"], "commits": int(count)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("lib", type=Path, help="a library written by generate.py")
    parser.add_argument("--commits", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--measure", action="store_true", help="time load_history after")
    args = parser.parse_args(argv)
    if (args.lib / ".git").exists():
        raise SystemExit(f"{args.lib} is a git repository already")
    start = time.perf_counter()
    stats = make_history(args.lib, args.commits, args.seed)
    print(json.dumps({**stats, "seconds": round(time.perf_counter() - start, 2)}))
    if args.measure:
        print(json.dumps(measure(args.lib)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

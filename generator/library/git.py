"""The two git commands history reads with: one ``git log`` walk and one ``git cat-file
--batch`` process, and the rename matching of files moved but not yet committed."""

from __future__ import annotations

import difflib
import hashlib
import os
import subprocess
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

# Similarity (0..1) above which a file deleted and a file added count as one renamed file.
RENAME_SIMILARITY = 0.5
# Above this many deleted x added pairs, only exact-content renames are matched.
MAX_SIMILARITY_PAIRS = 10_000
EMPTY_BLOB = "0" * 40


class GitError(Exception):
    pass


def git(root: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    result = subprocess.run(["git", "-c", "core.quotepath=off", "-c", "log.showSignature=false",
                             *args], cwd=root, env=env, capture_output=True, check=False)
    if check and result.returncode != 0:
        raise GitError(result.stderr.decode("utf-8", "replace").strip())
    return result


@dataclass(frozen=True)
class Change:
    status: str  # A M D R T (C as A)
    old: str | None
    new: str | None
    blob: str  # the new version's blob id (zeros for a deletion)


def parse_log(out: bytes, prefix: str) -> Iterator[tuple[str, datetime, list[Change]]]:
    """``git log -z --raw --format=%x01%H %ct`` -> (commit, committer date, changes)."""
    tokens = out.split(b"\0")
    i, commit, when = 0, "", datetime.min.replace(tzinfo=UTC)
    changes: list[Change] = []
    started = False
    while i < len(tokens):
        tok = tokens[i].lstrip(b"\n")
        i += 1
        if not tok:
            continue
        if tok.startswith(b"\x01"):
            if started:
                yield commit, when, changes
            sha, _, ct = tok[1:].decode().partition(" ")
            commit, when, changes, started = sha, datetime.fromtimestamp(int(ct), UTC), [], True
            continue
        if not tok.startswith(b":"):
            continue  # pragma: no cover - not produced by this format
        meta = tok[1:].decode().split(" ")
        status, blob = meta[4][0], meta[3]
        first = tokens[i].decode("utf-8", "surrogateescape")
        i += 1
        second = None
        if status in ("R", "C"):
            second = tokens[i].decode("utf-8", "surrogateescape")
            i += 1
        old, new = (first, second) if second is not None else (first, first)
        old, new = unprefix(old, prefix), unprefix(new, prefix)
        if status in ("A", "C"):
            changes.append(Change("A", None, new, blob))
        elif status == "D":
            changes.append(Change("D", old, None, EMPTY_BLOB))
        else:
            changes.append(Change(status, old, new, blob))
    if started:
        yield commit, when, changes


def unprefix(path: str, prefix: str) -> str:
    return path[len(prefix):] if prefix and path.startswith(prefix) else path


def read_blobs(root: Path, blobs: Iterable[str]) -> Iterator[tuple[str, bytes]]:
    """Every blob's bytes through one ``git cat-file --batch`` process."""
    wanted = [b for b in dict.fromkeys(blobs) if b != EMPTY_BLOB]
    if not wanted:
        return
    proc = subprocess.Popen(["git", "cat-file", "--batch"], cwd=root, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdin is not None and proc.stdout is not None

    def feed() -> None:
        assert proc.stdin is not None
        try:
            proc.stdin.write("".join(f"{b}\n" for b in wanted).encode())
        finally:
            proc.stdin.close()

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    try:
        for sha in wanted:
            header = proc.stdout.readline().split()
            if len(header) < 3 or header[1] == b"missing":
                continue
            size = int(header[2])
            data = proc.stdout.read(size)
            proc.stdout.read(1)  # the newline after the content
            yield sha, data
    finally:
        writer.join()
        proc.stdout.close()
        proc.wait()


def match_renames(gone: dict[str, bytes], added: dict[str, bytes]) -> list[tuple[str, str]]:
    """Pairs (old, new): identical content first, then the most similar at >= 50% of lines."""
    pairs: list[tuple[str, str]] = []
    by_hash: dict[str, list[str]] = {}
    for path, data in sorted(added.items()):
        by_hash.setdefault(hashlib.sha256(data).hexdigest(), []).append(path)
    left = {}
    for path, data in sorted(gone.items()):
        same = by_hash.get(hashlib.sha256(data).hexdigest())
        if same:
            pairs.append((path, same.pop(0)))
        else:
            left[path] = data
    taken = {new for _, new in pairs}
    right = {p: d for p, d in added.items() if p not in taken}
    if not left or not right or len(left) * len(right) > MAX_SIMILARITY_PAIRS:
        return pairs
    scored = []
    for old, a in left.items():
        a_lines = a.decode("utf-8", "replace").splitlines()
        for new, b in right.items():
            m = difflib.SequenceMatcher(None, a_lines, b.decode("utf-8", "replace").splitlines(),
                                        autojunk=False)
            if m.real_quick_ratio() >= RENAME_SIMILARITY and m.quick_ratio() >= RENAME_SIMILARITY:
                ratio = m.ratio()
                if ratio >= RENAME_SIMILARITY:
                    scored.append((-ratio, old, new))
    used_old: set[str] = set()
    for _, old, new in sorted(scored):
        if old not in used_old and new not in taken:
            pairs.append((old, new))
            used_old.add(old)
            taken.add(new)
    return pairs

"""History: every address the site has published, worked out from git.

Why git and not a committed record: librarians often only use the git host's web
editor, and every save there is a commit, so the repository's history already is
the record of what was published — nobody has to remember to run a command, and
a build never writes into the repository. CI checks out the whole history
(``fetch-depth: 0``); on a shallow clone ``History.shallow`` is set and ``check``
warns.

How, fast: one ``git log`` walk over the three item folders, oldest first,
following only the main line (``--first-parent``: a merge counts as one change,
what the branch brought in), with renames detected (``-M``) and the blob id of
every changed file (``--raw``). Then one ``git cat-file --batch`` process reads
the front matter of each distinct blob once — only of files that changed, never
the whole tree per commit. Replaying the walk gives each item an identity that
follows it through renames and moves between folders.

When is an address "published"? A version of an item file (from the commit that
wrote it until the commit that changed, moved or deleted it, or "now" for the
version at HEAD) published its address if it was not a draft and its date had
come by the end of that span — so an item scheduled for later counts from the
moment its date passed, even if nobody committed anything then (the hourly
rebuild published it).

Changes not yet committed: files renamed in the working tree (``git mv`` or a
plain move) are matched to what HEAD had by content (same text, or at least half
the lines alike — git's own rename threshold), so ``check`` before a commit (the
pre-commit hook) sees a rename as a rename, not as a deletion.
"""

from __future__ import annotations

import posixpath
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from ..content import yamltree
from ..content.fields import FieldReader
from ..content.models import KIND_BY_FOLDER, Kind
from ..values.slugs import is_slug, slugify
from .git import EMPTY_BLOB, GitError, git, match_renames, parse_log, read_blobs

# Slugs the site keeps for its own pages (validate.RESERVED_SLUGS; kept in step by a test).
RESERVED_SLUGS = frozenset({"index", "page", "feed", "tags", "topics", "authors", "archive"})


# -- what callers get ---------------------------------------------------------------------
@dataclass(frozen=True)
class PublishedItem:
    """One item's identity through its whole life in the repository."""

    key: str  # its first path, e.g. site_src/tutorials/x.md — stable forever
    kind: str  # the kind it has now (or last had): tutorial | review | video
    first_published: datetime | None  # the date it carried when first published; None: never
    first_slug: str | None  # the slug it was first published under
    addresses: tuple[str, ...]  # every page address it was published at: 'tutorials/old/'
    current_path: str | None  # where it is now; None when the file no longer exists
    paths: tuple[str, ...] = ()  # every path it had, oldest first (last = where it was last)
    aliases: tuple[str, ...] = ()  # aliases it published (they keep working too)

    @property
    def last_path(self) -> str:
        return self.paths[-1] if self.paths else self.key

    @property
    def published(self) -> bool:
        return bool(self.addresses)


@dataclass(frozen=True)
class History:
    """What the repository remembers was published. ``available`` False: nothing known."""

    available: bool
    records: tuple[PublishedItem, ...] = ()
    docs_dir: str = "site_src"
    now: datetime | None = None  # the moment the HEAD versions were judged at
    shallow: bool = False  # a shallow clone: older history missing, old addresses unknown
    head: str | None = None  # the HEAD commit, when there is one
    # address -> key of the identity that published it last (who a redirect belongs to)
    owners: tuple[tuple[str, str], ...] = ()
    reason: str = ""  # why unavailable: "no-git" | "not-a-repository" | "git-failed"

    def by_current_path(self) -> dict[str, PublishedItem]:
        return {r.current_path: r for r in self.records if r.current_path is not None}

    def owner_of(self, address: str) -> str | None:
        return dict(self.owners).get(address)


@dataclass(frozen=True, order=True)
class Redirect:
    from_url: str  # site-relative, as an item URL: 'tutorials/old/' (or 'old/page.html')
    to_url: str  # the live page's site-relative address: 'tutorials/new/'


# -- reading one version of an item file --------------------------------------------------
@dataclass(frozen=True)
class _Version:
    """What matters about one version of an item file for its address."""

    ok: bool  # front matter readable and the address valid
    explicit_slug: str | None = None
    draft: bool = False
    date: datetime | None = None
    aliases: tuple[str, ...] = ()


_BROKEN = _Version(False)


def _read_version(data: bytes, tz: ZoneInfo, cache: dict[str, _Version] | None = None
                  ) -> _Version:
    """Front matter of one blob: slug, draft, date, aliases; anything unreadable is _BROKEN.

    Only the four keys that decide an address are parsed (YAML parsing is what costs
    time here), and a front matter seen before is not parsed again: most commits
    change a body, not these keys.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _BROKEN
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines or lines[0].rstrip() != "---":
        return _BROKEN
    close = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if close is None:
        return _BROKEN
    wanted = _address_keys(lines[1:close])
    if cache is not None and wanted in cache:
        return cache[wanted]
    version = _parse_version(wanted, tz)
    if version is _BROKEN:  # the cut-out may have misjudged an odd layout: read it all
        version = _parse_version("\n".join(lines[1:close]), tz)
    if cache is not None:
        cache[wanted] = version
    return version


_ADDRESS_KEYS = frozenset({"date", "slug", "draft", "aliases"})


def _address_keys(lines: list[str]) -> str:
    """The lines of the top-level keys that decide an address (with their nested lines)."""
    out, keep = [], False
    for line in lines:
        if line and line[0] not in " \t-#":
            keep = line.split(":", 1)[0].strip().strip("'\"") in _ADDRESS_KEYS
        if keep:
            out.append(line)
    return "\n".join(out)


def _parse_version(text: str, tz: ZoneInfo) -> _Version:
    try:
        meta = yamltree.parse(text, first_line=2)
    except yamltree.YamlError:
        return _BROKEN
    if not isinstance(meta, yamltree.YMap):
        return _BROKEN
    r = FieldReader("", meta, known=None, line=1)
    date = r.moment("date", tz)
    slug = r.text("slug")
    draft = r.boolean("draft")
    aliases = tuple(a for a in (_alias(t) for t in r.text_list("aliases")) if a)
    if date is None or (slug is not None and (not is_slug(slug) or slug in RESERVED_SLUGS)):
        return _BROKEN
    return _Version(True, slug, draft, date, aliases)


def _alias(value: str) -> str | None:
    """An alias as validate.py stores it: 'old/page/' (or 'old/page.html'); None if invalid."""
    parts = urlsplit(value.strip())
    segments = [s for s in parts.path.split("/") if s]
    if (parts.scheme or parts.netloc or parts.query or parts.fragment or not segments
            or any(s in (".", "..") for s in segments)):
        return None
    return "/".join(segments) + ("/" if "." not in segments[-1] else "")


def _slug_for(version: _Version, path: str) -> str | None:
    if version.explicit_slug:
        return version.explicit_slug
    stem = posixpath.basename(path)[: -len(".md")]
    slug = stem if is_slug(stem) else slugify(stem)
    return None if slug in RESERVED_SLUGS else slug


# -- replaying the history ----------------------------------------------------------------
@dataclass
class _Identity:
    key: str
    paths: list[str]
    blob: str = EMPTY_BLOB
    version: _Version = _BROKEN
    addresses: dict[str, None] = field(default_factory=dict)  # ordered set
    aliases: dict[str, None] = field(default_factory=dict)
    first_published: datetime | None = None
    first_slug: str | None = None

    @property
    def path(self) -> str:
        return self.paths[-1]


class _Replay:
    def __init__(self, docs_dir: str) -> None:
        self.docs_dir = docs_dir
        self.live: dict[str, _Identity] = {}
        self.dead_by_path: dict[str, _Identity] = {}
        self.all: list[_Identity] = []
        self.keys: set[str] = set()
        self.owners: dict[str, str] = {}

    def kind_of(self, path: str) -> str | None:
        """The item kind of a repository path, or None when it is not an item file."""
        prefix = self.docs_dir + "/" if self.docs_dir not in ("", ".") else ""
        if not path.startswith(prefix) or not path.endswith(".md"):
            return None
        parts = path[len(prefix):].split("/")
        if len(parts) != 2 or parts[0] not in KIND_BY_FOLDER or parts[1].startswith("."):
            return None
        return KIND_BY_FOLDER[parts[0]].value

    def close(self, ident: _Identity, at: datetime) -> None:
        """The version ``ident`` had ends at ``at``: did it publish its address by then?"""
        v = ident.version
        if not v.ok or v.draft or v.date is None or v.date > at:
            return
        slug = _slug_for(v, ident.path)
        kind = self.kind_of(ident.path)
        if slug is None or kind is None:
            return
        address = f"{Kind(kind).folder}/{slug}/"
        if ident.first_published is None:
            ident.first_published, ident.first_slug = v.date, slug
        ident.addresses.setdefault(address)
        self.owners[address] = ident.key
        for alias in v.aliases:
            ident.aliases.setdefault(alias)

    def add(self, path: str, blob: str, version: _Version, commit: str) -> None:
        ident = self.dead_by_path.pop(path, None)
        if ident is None:
            key = path if path not in self.keys else f"{path}@{commit[:12]}"
            self.keys.add(key)
            ident = _Identity(key, [path])
            self.all.append(ident)
        # else: a deleted file restored at its last path — the same item comes back
        ident.blob, ident.version = blob, version
        self.live[path] = ident

    def change(self, status: str, old: str | None, new: str | None, blob: str,
               version: _Version, at: datetime, commit: str) -> None:
        old_item = old is not None and self.kind_of(old) is not None
        new_item = new is not None and self.kind_of(new) is not None
        ident = self.live.get(old) if old_item and old is not None else None
        if ident is not None:
            self.close(ident, at)
        if ident is not None and old is not None and status in ("R", "M", "T") and new_item \
                and new is not None:
            if old != new:
                del self.live[old]
                self.dead_by_path.pop(new, None)
                self.live[new] = ident
                ident.paths.append(new)
            ident.blob, ident.version = blob, version
            return
        if ident is not None and old is not None:  # deleted, or moved out of the item folders
            del self.live[old]
            self.dead_by_path[old] = ident
        if new_item and new is not None and status != "D":
            self.add(new, blob, version, commit)


# -- the one entry point ------------------------------------------------------------------
def load_history(root: Path, docs_dir: str, *, tz: ZoneInfo | str = "Asia/Jakarta",
                 now: datetime | None = None) -> History:
    """What was published, from the git repository holding ``root`` (the site repository).

    ``tz`` is the site's time zone (dates without a zone), ``now`` the build's "now"
    (default: the current time) — the versions at HEAD are judged at that moment.
    Never raises for a missing git or a folder that is no repository: ``available`` is False.
    """
    zone = ZoneInfo(tz) if isinstance(tz, str) else tz
    docs_dir = docs_dir.strip("/") or "."
    if shutil.which("git") is None:
        return History(False, docs_dir=docs_dir, now=now, reason="no-git")
    try:
        inside = git(root, "rev-parse", "--is-inside-work-tree", check=False)
        if inside.returncode != 0 or inside.stdout.strip() != b"true":
            return History(False, docs_dir=docs_dir, now=now, reason="not-a-repository")
        prefix = git(root, "rev-parse", "--show-prefix").stdout.decode().strip()
        shallow = git(root, "rev-parse", "--is-shallow-repository").stdout.strip() == b"true"
        head_proc = git(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}", check=False)
        head = head_proc.stdout.decode().strip() if head_proc.returncode == 0 else None
        replay = _Replay(docs_dir)
        if head is not None:
            folders = [f"{docs_dir}/{k}" if docs_dir != "." else k for k in KIND_BY_FOLDER]
            out = git(root, "log", "--first-parent", "-m", "--reverse", "--raw", "--no-abbrev",
                       "-M", "-l5000", "-z", "--no-color", "--no-ext-diff", "--no-textconv",
                       "--format=%x01%H %ct", "HEAD", "--", *folders).stdout
            commits = list(parse_log(out, prefix))
            seen: dict[str, _Version] = {}
            versions = {sha: _read_version(data, zone, seen) for sha, data in read_blobs(
                root, (c.blob for _, _, changes in commits for c in changes))}
            for commit, when, changes in commits:
                # Deletions first, so a path freed and reused in one commit is a new file.
                for c in sorted(changes, key=lambda c: c.status != "D"):
                    replay.change(c.status, c.old, c.new, c.blob,
                                  versions.get(c.blob, _BROKEN), when, commit)
    except (GitError, OSError, ValueError, IndexError) as exc:
        return History(False, docs_dir=docs_dir, now=now,
                       reason="git-failed: " + str(exc)[:200])
    now = now or datetime.now(UTC)
    for ident in list(replay.live.values()):
        replay.close(ident, now)
    current = _working_tree(root, docs_dir, replay)
    records = tuple(sorted((_record(i, current) for i in replay.all), key=lambda r: r.key))
    return History(True, records, docs_dir, now, shallow, head,
                   tuple(sorted(replay.owners.items())))


def _record(ident: _Identity, current: dict[int, str]) -> PublishedItem:
    path = current.get(id(ident))
    kind_path = path or ident.path
    folder = kind_path.split("/")[-2]
    return PublishedItem(
        key=ident.key, kind=KIND_BY_FOLDER[folder].value,
        first_published=ident.first_published, first_slug=ident.first_slug,
        addresses=tuple(ident.addresses), current_path=path,
        paths=tuple(ident.paths) + ((path,) if path and path != ident.path else ()),
        aliases=tuple(ident.aliases))


def _working_tree(root: Path, docs_dir: str, replay: _Replay) -> dict[int, str]:
    """id(identity) -> where its file is in the working tree (renames not yet committed)."""
    on_disk: set[str] = set()
    docs = root / docs_dir
    for folder in KIND_BY_FOLDER:
        base = docs / folder
        if not base.is_dir():
            continue
        for entry in base.iterdir():
            if entry.name.endswith(".md") and not entry.name.startswith(".") and entry.is_file():
                on_disk.add(posixpath.join(docs_dir, folder, entry.name)
                            if docs_dir != "." else f"{folder}/{entry.name}")
    current = {id(i): p for p, i in replay.live.items() if p in on_disk}
    gone = sorted(p for p in replay.live if p not in on_disk)
    added = sorted(on_disk - set(replay.live))
    if not gone or not added:
        return current
    old_text = {sha: data for sha, data in read_blobs(root, (replay.live[p].blob for p in gone))}
    new_text = {p: (root / p).read_bytes() for p in added}
    for old_path, new_path in match_renames(
            {p: old_text.get(replay.live[p].blob, b"") for p in gone}, new_text):
        current[id(replay.live[old_path])] = new_path
    return current

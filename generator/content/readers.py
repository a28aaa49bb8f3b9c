"""What reading any item's front matter needs: the rest of the site as one file sees it,
and the values several types share (a picture or file of the site, a video)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..values.suggest import code_list, similar_files
from .fields import FieldReader
from .models import Video
from .settings import Settings
from .source import SourceFile
from .videos import FILE_SUFFIXES, VideoProblem, parse_duration, parse_video_url

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".gif", ".svg", ".avif")
VIDEO_KEYS = ("url", "duration", "captions", "poster")


@dataclass(frozen=True)
class Context:
    """What validating one file needs to know about the rest of the site."""

    settings: Settings
    docs: Path
    files: frozenset[str]  # every file under docs_dir, relative to it
    authors: frozenset[str] | None  # ids from authors.yml (None: unreadable, not checked)
    topics: frozenset[str] | None  # ids from topics.yml
    # Files renamed or moved since (git): old path -> the path now (library/moves.py).
    moved: Mapping[str, str] = field(default_factory=dict)


def _candidates(value: str, source_src: str) -> list[tuple[str, str]]:
    """Where a written path may point, in order, with how it was written: from the site's
    root ("/images/a.png"), relative to the file ("../images/a.png") or to site_src/."""
    if value.startswith("/"):
        return [(posixpath.normpath(value.lstrip("/")), "root")]
    here = posixpath.dirname(source_src)
    return [(posixpath.normpath(posixpath.join(here, value)), "here"),
            (posixpath.normpath(value), "site")]


def resolve_path(value: str, source_src: str, files: frozenset[str]) -> str | None:
    """A path as a librarian writes it: relative to the file, or else to site_src/.

    Returns the path relative to docs_dir, or None when it would leave site_src/.
    """
    inside = [c for c, _ in _candidates(value, source_src)
              if c != ".." and not c.startswith("../")]
    for c in inside:
        if c in files:
            return c
    return inside[0] if inside else None


def moved_path(value: str, source_src: str, moved: Mapping[str, str]) -> tuple[str, str] | None:
    """A written path whose file was renamed or moved since: (the path now, relative to
    docs_dir; the path to write now, in the way the librarian wrote it)."""
    for path, how in _candidates(value, source_src):
        new = moved.get(path)
        if new is not None:
            return new, _in_style(new, how, source_src)
    return None


def written_as(path: str, value: str, source_src: str) -> str:
    """How to write ``path`` (relative to docs_dir) the way ``value`` was written: from the
    site's root, relative to the file, or relative to site_src/."""
    candidates = _candidates(value, source_src)
    for candidate, _ in candidates:
        if posixpath.dirname(candidate) == posixpath.dirname(path):
            # Only the name differs: keep the folder as it was written.
            folder = value.rpartition("/")[0]
            return (folder + "/" if folder or value.startswith("/") else "") + \
                posixpath.basename(path)
    for candidate, how in candidates:
        if posixpath.dirname(candidate).lower() == posixpath.dirname(path).lower():
            return _in_style(path, how, source_src)
    return _in_style(path, candidates[0][1], source_src)


def _in_style(path: str, how: str, source_src: str) -> str:
    if how == "root":
        return "/" + path
    if how == "here":
        return posixpath.relpath(path, posixpath.dirname(source_src))
    return path


def asset(r: FieldReader, key: str, source: SourceFile, ctx: Context,
           suffixes: tuple[str, ...]) -> str | None:
    value = r.text(key)
    if value is None:
        return None
    if urlsplit(value).scheme or value.startswith("//"):
        r.error(key, "asset.url", value=value)
        return None
    resolved = resolve_path(unquote(value), source.src, ctx.files)
    if resolved is None:
        r.error(key, "asset.outside", value=value)
        return None
    if not resolved.lower().endswith(suffixes):
        r.error(key, "asset.type", value=value, types=", ".join(suffixes))
        return None
    if resolved not in ctx.files:
        moved = moved_path(unquote(value), source.src, ctx.moved)
        if moved is not None and moved[0].lower().endswith(suffixes):
            # The file was renamed or moved: use it, and say how to write it now.
            r.error(key, "asset.moved", warning=True, value=value, new=moved[1])
            return moved[0]
        missing(r, key, value, source.src, ctx.files, suffixes)
        return None
    return resolved


def missing(r: FieldReader, key: str, value: str, source_src: str,
            files: frozenset[str], suffixes: tuple[str, ...]) -> None:
    """A file named in front matter that is not there, with the files probably meant."""
    near = [f for path, _ in _candidates(unquote(value), source_src)
            for f in similar_files(path, files) if f.lower().endswith(suffixes)]
    close = [written_as(f, unquote(value), source_src) for f in dict.fromkeys(near)][:3]
    r.error(key, "asset.missing_suggest" if close else "asset.missing", value=value,
            suggestion=code_list(close))


def video(r: FieldReader, source: SourceFile, ctx: Context, *, required: bool) -> Video | None:
    v = r.mapping("video", required=required, known=VIDEO_KEYS)
    if v is None:
        return None
    url = v.text("url", required=True)
    source_ref = None
    if url is not None:
        parsed = parse_video_url(url)
        if isinstance(parsed, VideoProblem):
            v.error("url", parsed.code, value=url)
        elif parsed.provider == "file":
            local = resolve_path(unquote(parsed.video_id), source.src, ctx.files)
            moved = moved_path(unquote(parsed.video_id), source.src, ctx.moved)
            if (local is None or local not in ctx.files) and moved is not None:
                v.error("url", "asset.moved", warning=True, value=parsed.video_id,
                        new=moved[1])
                local = moved[0]
            if local is None:
                v.error("url", "asset.missing", value=url)
            elif local not in ctx.files:
                missing(v, "url", parsed.video_id, source.src, ctx.files, FILE_SUFFIXES)
            else:
                source_ref = type(parsed)("file", url, local)
        else:
            source_ref = parsed
            v.untracked("url", url.strip())
            host = (urlsplit(url.strip()).hostname or "").lower()
            if parsed.provider == "web-file" and host not in ctx.settings.media_hosts:
                v.error("url", "video.media_host", warning=True, value=url, host=host)
    duration_text = v.text("duration")
    duration = None
    if duration_text is not None:
        duration = parse_duration(duration_text)
        if duration is None:
            v.error("duration", "video.duration", value=duration_text)
    captions = asset(v, "captions", source, ctx, (".vtt",))
    poster = asset(v, "poster", source, ctx, IMAGE_SUFFIXES)
    v.unknown_keys()
    if source_ref is None:
        return None
    return Video(source_ref, duration, duration_text, captions, poster)




_NOT_URL = r"^(?![A-Za-z][A-Za-z0-9+.-]*:)(?!//)"


def any_case(word: str) -> str:
    """An ECMA-262 pattern for ``word`` in any letter case (JSON Schema has no (?i))."""
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in word)


def suffix_pattern(suffixes: Iterable[str]) -> str:
    """A JSON Schema pattern: a path of the site (not an address) ending in ``suffixes``."""
    return _NOT_URL + r".*\.(" + "|".join(any_case(s.lstrip(".")) for s in suffixes) + ")$"

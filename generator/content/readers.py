"""What reading any item's front matter needs: the rest of the site as one file sees it,
and the values several types share (a picture or file of the site, a video)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .fields import FieldReader
from .models import Video
from .settings import Settings
from .source import SourceFile
from .videos import VideoProblem, parse_duration, parse_video_url

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


def resolve_path(value: str, source_src: str, files: frozenset[str]) -> str | None:
    """A path as a librarian writes it: relative to the file, or else to site_src/.

    Returns the path relative to docs_dir, or None when it would leave site_src/.
    """
    if value.startswith("/"):
        candidates = [posixpath.normpath(value.lstrip("/"))]
    else:
        here = posixpath.dirname(source_src)
        candidates = [posixpath.normpath(posixpath.join(here, value)),
                      posixpath.normpath(value)]
    inside = [c for c in candidates if c != ".." and not c.startswith("../")]
    for c in inside:
        if c in files:
            return c
    return inside[0] if inside else None


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
        r.error(key, "asset.missing", value=value)
        return None
    return resolved


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
            if local is None or local not in ctx.files:
                v.error("url", "asset.missing", value=url)
            else:
                source_ref = type(parsed)("file", url, local)
        else:
            source_ref = parsed
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

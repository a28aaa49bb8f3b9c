"""Recognising a video from its URL alone — no network at build time.

Hosts are matched exactly (``youtube.com.evil.example`` is not YouTube), and
only https/http URLs or a file inside the site are accepted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from ..values.tracking import without_tracking
from .models import VideoSource

YOUTUBE_HOSTS = frozenset(
    {"youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com",
     "youtube-nocookie.com", "www.youtube-nocookie.com"}
)
YOUTU_BE = "youtu.be"
VIMEO_HOSTS = frozenset({"vimeo.com", "www.vimeo.com", "player.vimeo.com"})
FILE_SUFFIXES = (".mp4", ".webm")

_YT_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_YT_PATHS = re.compile(r"^/(?:shorts|embed|live|v)/([^/?#]+)/?$")
_TIME = re.compile(r"^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$")


@dataclass(frozen=True)
class VideoProblem:
    code: str


def parse_video_url(url: str) -> VideoSource | VideoProblem:
    """A YouTube or Vimeo address, an .mp4/.webm file on another host (https), or a local
    .mp4/.webm path (resolved by the caller)."""
    text = without_tracking(url.strip())  # check says so (value.tracking)
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if not scheme:
        if text.lower().split("?")[0].endswith(FILE_SUFFIXES) and not text.startswith("//"):
            return VideoSource("file", text, text.split("?")[0])
        return VideoProblem("video.unsupported")
    if scheme not in ("http", "https"):
        return VideoProblem("video.scheme")
    host = (parts.hostname or "").lower().rstrip(".")
    query = parse_qs(parts.query)
    if host in YOUTUBE_HOSTS or host == YOUTU_BE:
        if host == YOUTU_BE:
            video_id = parts.path.strip("/")
        elif parts.path.rstrip("/") == "/watch":
            video_id = (query.get("v") or [""])[0]
        elif m := _YT_PATHS.match(parts.path):
            video_id = m.group(1)
        else:
            return VideoProblem("video.youtube_form")
        if not _YT_ID.match(video_id):
            return VideoProblem("video.youtube_id")
        start = _start_time(query, parts.fragment)
        if start is None:
            return VideoProblem("video.start")
        return VideoSource("youtube", text, video_id, start)
    if host in VIMEO_HOSTS:
        segments = [s for s in parts.path.split("/") if s]
        if host == "player.vimeo.com":
            segments = segments[1:] if segments[:1] == ["video"] else []
        numbers = [i for i, s in enumerate(segments) if s.isdigit()]
        if not numbers:
            return VideoProblem("video.vimeo_id")
        i = numbers[-1]
        video_hash = segments[i + 1] if i + 1 < len(segments) else (query.get("h") or [""])[0]
        if video_hash and not re.fullmatch(r"[0-9a-f]{6,20}", video_hash):
            video_hash = ""
        start = _start_time(query, parts.fragment)
        if start is None:
            return VideoProblem("video.start")
        return VideoSource("vimeo", text, segments[i], start, vimeo_hash=video_hash)
    if parts.path.lower().endswith(FILE_SUFFIXES):
        # A file in the library's own repository or the Internet Archive: played from there
        # after a click, over https only (an http video is blocked on an https page).
        if scheme != "https" or not host:
            return VideoProblem("video.remote_http")
        return VideoSource("web-file", text, text)
    return VideoProblem("video.unsupported")


def _start_time(query: dict[str, list[str]], fragment: str) -> int | None:
    """Seconds from ``t=1m30s``, ``t=90``, ``start=90`` or ``#t=90``; 0 when absent."""
    raw = (query.get("t") or query.get("start") or [""])[0]
    if not raw and fragment.startswith("t="):
        raw = fragment[2:]
    if not raw:
        return 0
    m = _TIME.match(raw.lower())
    if not m or not any(m.groups()):
        return None
    h, mi, s = (int(g) if g else 0 for g in m.groups())
    return h * 3600 + mi * 60 + s


def parse_duration(text: str) -> int | None:
    """``MM:SS`` or ``H:MM:SS`` as seconds; None when it is neither."""
    m = re.fullmatch(r"(?:(\d+):)?([0-5]?\d):([0-5]\d)", text.strip())
    if not m:
        return None
    h = int(m.group(1) or 0)
    return h * 3600 + int(m.group(2)) * 60 + int(m.group(3))

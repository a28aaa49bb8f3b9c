"""Addresses for playing a recognised video, and bare video URLs in bodies turned into players.

Everything here is computed from the URL alone (no network at build time) and returns plain
strings: the HTML lives in ``templates/partials/video.md.j2``.

- :func:`embed_url` — the privacy-enhanced player address the click-to-load player (and
  ``og:video`` / JSON-LD ``embedUrl``) uses: ``youtube-nocookie.com`` for YouTube, Vimeo with
  ``dnt=1``.
- :func:`watch_url` — the host's own page for the video (links, feeds, JSON-LD ``url``).
- :func:`thumbnail` — a picture for machines (JSON-LD ``thumbnailUrl``): the local poster,
  else the item's picture, else the host's still for YouTube. Pages never load the host's still.
- :func:`embed_bare_urls` — a supported video URL alone on its own line becomes a player.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from ..values.links import code_mask
from .models import Video, VideoSource
from .videos import parse_video_url

YOUTUBE_EMBED = "https://www.youtube-nocookie.com/embed/"
VIMEO_EMBED = "https://player.vimeo.com/video/"
# Hosts the player may load after the click (for a Content-Security-Policy ``frame-src``).
FRAME_HOSTS = ("https://www.youtube-nocookie.com", "https://player.vimeo.com")
HOST_NAMES = {"youtube": "YouTube", "vimeo": "Vimeo"}


def embed_url(source: VideoSource, *, autoplay: bool = True) -> str | None:
    """The privacy-enhanced player address, starting at ``source.start``; None for a file.

    YouTube: ``https://www.youtube-nocookie.com/embed/<id>?autoplay=1&start=<s>`` (no
    ``start`` when 0). Vimeo: ``https://player.vimeo.com/video/<id>?dnt=1&autoplay=1``, then
    ``&h=<hash>`` for an unlisted video and ``#t=<s>s`` for a start time. ``autoplay=False``
    leaves ``autoplay`` out (for machines: ``og:video``, JSON-LD ``embedUrl``); the player
    uses the default, because the reader has already pressed play once.
    """
    video_id = quote(source.video_id, safe="")
    if source.provider == "youtube":
        params = (["autoplay=1"] if autoplay else []) + (
            [f"start={source.start}"] if source.start else [])
        return YOUTUBE_EMBED + video_id + ("?" + "&".join(params) if params else "")
    if source.provider == "vimeo":
        params = ["dnt=1"] + (["autoplay=1"] if autoplay else [])
        if source.vimeo_hash:
            params.append("h=" + quote(source.vimeo_hash, safe=""))
        fragment = f"#t={source.start}s" if source.start else ""
        return VIMEO_EMBED + video_id + "?" + "&".join(params) + fragment
    return None


def watch_url(source: VideoSource) -> str | None:
    """The video's page on its host in its canonical form (whatever form the librarian
    pasted: ``youtu.be``, ``shorts/``, ``embed/``, ``player.vimeo.com``), start time kept;
    None for a file of the site (its path is ``source.video_id``)."""
    video_id = quote(source.video_id, safe="")
    if source.provider == "youtube":
        start = f"&t={source.start}s" if source.start else ""
        return f"https://www.youtube.com/watch?v={video_id}{start}"
    if source.provider == "vimeo":
        unlisted = "/" + quote(source.vimeo_hash, safe="") if source.vimeo_hash else ""
        start = f"#t={source.start}s" if source.start else ""
        return f"https://vimeo.com/{video_id}{unlisted}{start}"
    return None


def host_name(source: VideoSource) -> str:
    """``YouTube``, ``Vimeo``, a file's host (``archive.org``), or "" for a file of the site —
    for "Tonton di YouTube"."""
    if source.provider == "web-file":
        return (urlsplit(source.url).hostname or "").lower().removeprefix("www.")
    return HOST_NAMES.get(source.provider, "")


@dataclass(frozen=True)
class VideoThumbnail:
    """A picture of the video for machines (JSON-LD ``thumbnailUrl``, feeds).

    ``local``: ``url`` is a path relative to docs_dir (make it absolute with ``site_url``);
    otherwise it is an absolute URL on the video host. Sizes only when known without reading
    the file.
    """

    url: str
    local: bool
    width: int | None = None
    height: int | None = None


def host_thumbnail(source: VideoSource) -> VideoThumbnail | None:
    """The host's still picture when its address follows from the id alone (YouTube's
    ``hqdefault.jpg`` exists for every video; Vimeo needs an API call, so None)."""
    if source.provider == "youtube":
        video_id = quote(source.video_id, safe="")
        return VideoThumbnail(f"https://i.ytimg.com/vi/{video_id}/hqdefault.jpg", False, 480, 360)
    return None


def thumbnail(video: Video, image: str | None = None) -> VideoThumbnail | None:
    """The best picture for the video: its ``poster``, else ``image`` (the item's picture,
    docs-relative), else the host's still (YouTube only), else None."""
    local = video.poster or image
    if local:
        return VideoThumbnail(local, True)
    return host_thumbnail(video.source)


# -- bare URLs in bodies ----------------------------------------------------------------------

_BARE = re.compile(r"^<?(https?://\S+?)>?[ \t]*$", re.I)


def bare_video_url(line: str) -> VideoSource | None:
    """The YouTube/Vimeo video a line consists of (``URL`` or ``<URL>``, nothing else, starting
    in the first column), or None. Files of the site are not embedded from bare lines: a
    bare path is ordinary text, and ``check`` could not vouch for it."""
    m = _BARE.match(line.rstrip("\r"))
    if m is None:
        return None
    text = m.group(1)
    if line.startswith("<") != line.rstrip().endswith(">"):
        return None  # "<url" or "url>": not an autolink, leave it alone
    source = parse_video_url(text)
    if isinstance(source, VideoSource) and source.provider in HOST_NAMES:
        return source
    return None


def embed_bare_urls(markdown: str, render_player: Callable[[VideoSource], str]) -> str:
    """Replace every supported video URL that stands alone as a paragraph with a player.

    "Alone" means: the whole line is the URL (or ``<URL>``), it starts in the first column (an
    indented line belongs to a list item or is code), the lines before and after are blank
    (or the start/end of the text), and it is outside fenced code. A URL inside a sentence,
    a list item, a quote or a link, an unsupported URL and a look-alike host
    (``youtube.com.evil.example``) are left exactly as written. ``render_player`` returns the
    player's HTML block for a source; it is inserted with the blank lines around it kept, so
    Markdown reads it as one HTML block.
    """
    lines = markdown.split("\n")
    mask = code_mask(markdown)
    last = len(lines) - 1
    for n, line in enumerate(lines):
        if mask[n] or line[:1] not in ("h", "H", "<"):
            continue
        if (n > 0 and lines[n - 1].strip()) or (n < last and lines[n + 1].strip()):
            continue
        source = bare_video_url(line)
        if source is not None:
            lines[n] = render_player(source).strip("\n")
    return "\n".join(lines)

"""What the video partials need, computed once in Python: the player and the transcript.

The partials (``templates/partials/video.md.j2`` and ``transcript.md.j2``) only place these
values; every decision (which poster, which words, open or closed) is made here, where it is
tested. No HTML here.

Wiring (render.py), for an item page::

    player = player_for(video, lang=item.lang, title=item.title, image=item.image)
    body, section = split_transcript(body) if details.transcript_in_body else (body, None)
    transcript_block = transcript_for(details.transcript or section, item.lang)
    body = embed_bare_urls(body, bare_url_renderer(env, item.lang, ctx["url"]))
    # template context: player=player, transcript_block=transcript_block (or None), url=...
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from babel import Locale, UnknownLocaleError
from jinja2 import Environment
from markupsafe import Markup

from ..content.embeds import embed_url, host_name
from ..content.kinds.video import TRANSCRIPT_HEADING, TRANSCRIPT_SETEXT
from ..content.models import Video, VideoSource
from ..values.links import code_mask
from ..words.translate import translator

# A transcript up to this many characters (of Markdown) is shown open; a longer one starts
# collapsed so the page's own text is not pushed far below the player. About a minute and a
# half of speech, or a screen and a half on a phone.
TRANSCRIPT_OPEN_MAX = 1500

MIME_TYPES = {".mp4": "video/mp4", ".webm": "video/webm"}


@dataclass(frozen=True)
class Player:
    """One video player, as ``partials/video.md.j2`` shows it."""

    provider: str  # youtube | vimeo | file
    href: str  # remote: the URL as the librarian wrote it (the no-JavaScript link)
    embed: str | None  # remote: the privacy-enhanced player address; file: None
    title: str | None  # the video's title, None for a bare URL found in a body
    label: str  # the button's accessible name: "Putar video: <title>"
    play: str  # the button's visible words, the start of that name: "Putar video"
    frame_title: str  # the iframe's title after the click
    watch: str  # "Tonton di YouTube": said in the button while JavaScript is off
    note: str  # "the YouTube player loads only after you press play"
    host: str  # YouTube | Vimeo | ""
    poster: str | None  # picture shown before play, relative to docs_dir
    duration_text: str | None  # as written, e.g. "8:14"
    duration_label: str
    vertical: bool  # YouTube Shorts: a 9:16 box
    # A file of the site (a native <video>), or on another host (``remote``: its https
    # address, the <video> put in place only after a click):
    file: str | None  # relative to docs_dir
    mime: str | None
    captions: str | None  # .vtt relative to docs_dir
    srclang: str
    captions_label: str
    fallback: str  # for browsers that cannot play the file
    download: str
    remote: str | None = None


def player_for(video: Video, *, lang: str, title: str | None = None,
               image: str | None = None) -> Player:
    """The player for ``video`` on a page in ``lang``.

    ``title``: the item's title, for the button ("Putar video: <title>") and the iframe; None
    for a bare URL in a body (the title of a video on another host is unknown without the
    network; the words then name the host). ``image``: the item's picture (docs-relative), the
    poster when the video has no ``poster`` of its own — pass it only for the item's own video.
    """
    t = translator(lang)
    source = video.source
    host = host_name(source)
    label = t("player.play.titled", title=title) if title else t("player.play.untitled", host=host)
    is_file = source.provider == "file"
    remote = source.url if source.provider == "web-file" else None
    path = source.video_id if is_file else urlsplit(remote).path if remote else ""
    suffix = "." + path.rsplit(".", 1)[-1].lower() if "." in path else ""
    return Player(
        provider=source.provider,
        href=source.url,
        embed=embed_url(source),
        title=title,
        label=label,
        play=t("player.play"),
        frame_title=title or t("player.frame.untitled", host=host),
        watch=t("player.watch", host=host) if host else "",
        note=(t("player.note.file", host=host) if remote else
              t("player.note", host=host) if host else ""),
        host=host,
        poster=video.poster or image,
        duration_text=video.duration_text,
        duration_label=t("player.duration"),
        vertical=source.provider == "youtube" and "/shorts/" in source.url.lower(),
        file=source.video_id if is_file else None,
        mime=MIME_TYPES.get(suffix),
        captions=video.captions,
        srclang=lang,
        captions_label=t("player.captions", language=language_name(lang)),
        fallback=t("player.file.fallback"),
        download=t("player.file.download"),
        remote=remote,
    )


def language_name(lang: str) -> str:
    """A language's name in that language ("Indonesia", "English"); the code if unknown.
    Only the language part of a tag counts (``id-ID`` -> "Indonesia")."""
    base = lang.split("-")[0]
    try:
        locale = Locale.parse(base)
    except (UnknownLocaleError, ValueError, TypeError):
        return lang
    return locale.get_display_name(locale) or lang


def render_player(env: Environment, player: Player, url: Callable[[str], str]) -> str:
    """The player's HTML block (``partials/video.md.j2``) for a page whose ``url`` helper
    turns docs-relative paths into links from that page."""
    return env.get_template("partials/video.md.j2").render(player=player, url=url)


def bare_url_renderer(env: Environment, lang: str, url: Callable[[str], str]
                      ) -> Callable[[VideoSource], str]:
    """The ``render_player`` argument of :func:`generator.embeds.embed_bare_urls` for a page."""
    def render(source: VideoSource) -> str:
        return render_player(env, player_for(Video(source), lang=lang), url)

    return render


# -- transcripts ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Transcript:
    """A transcript, as ``partials/transcript.md.j2`` shows it."""

    markdown: Markup  # the librarian's Markdown, trusted like the body
    open: bool  # shown open (short) or collapsed (long)
    summary: str  # "Transkrip" / "Transcript"
    anchor: str = "ks-transcript"  # the <details> id, for links to the transcript


def transcript_for(markdown: str | None, lang: str) -> Transcript | None:
    """The transcript block for a transcript file's text or a body section; None when there is
    no text. A first line that is itself a "Transcript"/"Transkrip" heading is dropped (the
    block's own summary says so)."""
    if markdown is None:
        return None
    lines = markdown.strip("\n").split("\n")
    if lines and TRANSCRIPT_HEADING.match(lines[0]):
        lines = lines[1:]
    text = "\n".join(lines).strip("\n")
    if not text.strip():
        return None
    return Transcript(Markup(text), len(text) <= TRANSCRIPT_OPEN_MAX,
                      translator(lang)("player.transcript"))


_ATX = re.compile(r"^(#{1,6})(?:[ \t]|$)")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")


def split_transcript(body: str) -> tuple[str, str | None]:
    """Move the body's "Transcript"/"Transkrip" section out: (body without it, its text).

    The section is the first heading (ATX ``#``…``######``, or underlined) whose text starts with
    Transcript/Transkrip (the same rule ``check`` uses), outside fenced code, up to the next
    heading of the same or a higher level (ATX or setext) or the end. The heading line itself
    is dropped (the transcript block says "Transkrip"); deeper headings inside stay. When there
    is no such section, or it is empty, the body comes back unchanged with None.
    """
    lines = body.split("\n")
    mask = code_mask(body)
    start = next((n for n, line in enumerate(lines)
                  if not mask[n] and (TRANSCRIPT_HEADING.match(line) or (
                      n + 1 < len(lines) and not mask[n + 1]
                      and TRANSCRIPT_SETEXT.match(line + "\n" + lines[n + 1])))), None)
    if start is None:
        return body, None
    if m := _ATX.match(lines[start]):
        level = len(m.group(1))
    else:  # an underlined heading: = is level 1, - level 2; the section starts below it
        level = 1 if lines[start + 1].lstrip()[0] == "=" else 2
        lines = [*lines[:start + 1], *lines[start + 2:]]
        mask = [*mask[:start + 1], *mask[start + 2:]]
    end = len(lines)
    for n in range(start + 1, len(lines)):
        if mask[n]:
            continue
        if (h := _ATX.match(lines[n])) and len(h.group(1)) <= level:
            end = n
            break
        # A setext heading is level 1 (===) or 2 (---); its text is the paragraph above.
        if (_is_setext_underline(lines, mask, n, start)
                and (1 if lines[n].lstrip()[0] == "=" else 2) <= level):
            end = _paragraph_start(lines, n - 1, start + 1)
            break
    section = "\n".join(lines[start + 1:end]).strip("\n")
    if not section.strip():
        return body, None
    before = "\n".join(lines[:start]).rstrip("\n")
    after = "\n".join(lines[end:]).strip("\n")
    rest = before + ("\n\n" if before and after else "") + after
    return rest + ("\n" if body.endswith("\n") and rest else ""), section


def _is_setext_underline(lines: list[str], mask: list[bool], n: int, floor: int) -> bool:
    """Is line ``n`` the underline of a setext heading (text directly above it)?"""
    if not _SETEXT.match(lines[n]) or n - 1 <= floor or mask[n - 1]:
        return False
    above = lines[n - 1]
    # Not a heading: a blank line above (then --- is a rule), or a list item / quote / ATX
    # heading above, whose line an underline cannot turn into a heading.
    return bool(above.strip()) and not re.match(r"^\s*([-*+>]|\d+[.)]|#)", above)


def _paragraph_start(lines: list[str], n: int, floor: int) -> int:
    """The first line of the paragraph that ends at line ``n``."""
    while n > floor and lines[n - 1].strip():
        n -= 1
    return n

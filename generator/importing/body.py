"""A post's body, whatever it was written in: HTML (WordPress, Blogger, feeds) goes through
``convert``; Markdown (Jekyll, Hugo) keeps its text, with its shortcodes, frames and scripts
handled the same way. Both give one ``Body``: what it shows, the pictures to copy, the videos
it embeds, and what it lost."""

from __future__ import annotations

import html as htmllib
import re
from collections import Counter
from dataclasses import dataclass

from . import convert, shortcodes
from .post import ImportedPost

_FRAME = re.compile(r"<iframe\b[^>]*?\bsrc=[\"']([^\"']+)[\"'][^>]*>(?:.*?</iframe>)?",
                    re.I | re.S)
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")
# A Markdown link whose address runs a program: its text stays, the address goes.
_SCRIPT_LINK = re.compile(r"\[([^\]]*)\]\(\s*<?\s*(?:javascript|vbscript|data):"
                          r"(?:[^()]|\([^()]*\))*\)", re.I)


@dataclass(frozen=True)
class Body:
    prepared: convert.Prepared | None  # HTML, ready to render
    markdown: str  # Markdown as written (Jekyll, Hugo), else ""
    pictures: tuple[str, ...]
    videos: tuple[str, ...]
    lost: tuple[tuple[str, int], ...]
    text: str  # visible text, for the kind rules and the summary
    first_paragraph: str
    missing_alt: int


def read_body(post: ImportedPost, fmt: str) -> Body:
    lost: Counter[str] = Counter()
    if not post.markdown:
        source = shortcodes.wordpress(post.body, lost) if fmt == "wxr" else post.body
        prepared = convert.prepare(source, wordpress=fmt == "wxr")
        for what, n in prepared.lost:
            lost[what] += n
        return Body(prepared, "", prepared.pictures, prepared.videos,
                    tuple(sorted(lost.items())), prepared.text, prepared.first_paragraph,
                    prepared.missing_alt)
    text = (shortcodes.liquid if fmt == "jekyll" else shortcodes.hugo)(post.body, lost)
    for m in _SCRIPT.finditer(text):
        lost[f"<{m.group(1).lower()}>"] += 1
    text = _SCRIPT.sub("", text)
    lost["javascript:"] += len(_SCRIPT_LINK.findall(text))
    if not lost["javascript:"]:
        del lost["javascript:"]
    text = _SCRIPT_LINK.sub(r"\1", text)
    videos: list[str] = []

    def frame(m: re.Match[str]) -> str:
        address = convert.video_address(m.group(1))
        if address:
            videos.append(address)
            return f"\n\n{address}\n\n"
        lost[f"embed {re.sub(r'^(https?:)?//', '', m.group(1)).split('/')[0]}"] += 1
        return f"\n\n<{m.group(1)}>\n\n" if m.group(1).startswith("http") else ""

    text = _FRAME.sub(frame, text)
    for line in text.splitlines():
        if re.fullmatch(r"\s*https?://\S+\s*", line) and (a := convert.video_address(line)):
            videos.append(a)
    pictures = tuple(dict.fromkeys(a for _, _, a in convert.markdown_pictures(text)))
    missing = len(re.findall(r"!\[\s*\]\(", text)) + len(
        re.findall(r"<img\b(?![^>]*\balt=[\"'][^\"']+)[^>]*>", text, re.I))
    first = next((p.strip() for p in re.split(r"\n\s*\n", text)
                  if p.strip() and not re.match(r"\s*([#!<>|`*+-]|\d+\.|\[)", p)
                  and len(p.strip()) > 20), "")
    plain = htmllib.unescape(_TAG.sub(" ", text))
    return Body(None, text, pictures, tuple(dict.fromkeys(videos)),
                tuple(sorted(lost.items())), plain, _plain_markdown(first), missing)


def _plain_markdown(text: str) -> str:
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`]+", "", htmllib.unescape(_TAG.sub("", text)))
    return " ".join(text.split())


def render_body(body: Body, pictures: dict[str, str], *, figures: bool,
                drop_video: str | None = None) -> str:
    """The Markdown to write: pictures pointed at their copies; on a video page, the line of
    the page's own video left out (the page shows it above the text)."""
    if body.prepared is not None:
        text = convert.render(body.prepared, pictures, figures=figures)
    else:
        out, last = [], 0
        for start, end, address in convert.markdown_pictures(body.markdown):
            out += [body.markdown[last:start], pictures.get(address, address)]
            last = end
        text = "".join([*out, body.markdown[last:]]).strip() + "\n"
    if drop_video:
        lines = text.split("\n")
        for i, line in enumerate(lines):
            if convert.video_address(line.strip()) == drop_video:
                del lines[i]
                break
        text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
    return text

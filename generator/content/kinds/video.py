"""Video pages: the video (YouTube, Vimeo or a file of the site) and its transcript."""

from __future__ import annotations

import re

from ...values.links import code_mask
from ..body_policy import find_policy_problems
from ..diagnostics import diag
from ..fields import FieldReader
from ..models import Details, Kind, VideoDetails
from ..readers import Context, asset, suffix_pattern, video
from ..source import SourceFile, read_text
from .spec import JsonObject, KindSpec, LinkedData, SchemaFields

KEYS = ("video", "transcript")
TRANSCRIPT_HEADING = re.compile(r"^#{1,6}[ \t]+(transcript|transkrip)\b", re.I | re.M)
# The same heading underlined ("Transkrip" over a line of = or -): a setext heading.
TRANSCRIPT_SETEXT = re.compile(r"^ {0,3}(transcript|transkrip)\b[^\n]*\n {0,3}(=+|-+)[ \t]*$",
                               re.I | re.M)


def read(r: FieldReader, source: SourceFile, ctx: Context) -> VideoDetails | None:
    clip = video(r, source, ctx, required=True)
    text, path, in_body = transcript(r, source, ctx)
    if clip is None:
        return None
    return VideoDetails(clip, text, path, in_body)


def transcript(r: FieldReader, source: SourceFile, ctx: Context
                ) -> tuple[str | None, str | None, bool]:
    """(text of a transcript file, its path, whether the body has a transcript section)."""
    if "transcript" in source.meta:
        path = asset(r, "transcript", source, ctx, (".md", ".txt", ".markdown"))
        if path is None:
            return None, None, False
        text, problems = read_text(ctx.docs / path, r.path)
        for p in problems:
            r.error("transcript", p.code)
        if text is not None:  # shown on the page like the body: the same policy
            where = source.path[: len(source.path) - len(source.src)] + path
            for found in find_policy_problems(where, text, 1):
                r.add(found)
        return text, path, False
    visible = _without_code(source.body)
    if TRANSCRIPT_HEADING.search(visible) or TRANSCRIPT_SETEXT.search(visible):
        return None, None, True
    r.add(diag(source.path, 1, "transcript", "video.no_transcript", warning=True))
    return None, None, False


def _without_code(body: str) -> str:
    """The body with fenced code blocks blanked, keeping line numbers."""
    mask = code_mask(body)
    return "\n".join("" if m else line for m, line in zip(mask, body.split("\n"), strict=True))


def linked_data(details: Details, data: JsonObject, page: LinkedData) -> None:
    assert isinstance(details, VideoDetails)
    data.update(page.video(details.video))


FIELDS: SchemaFields = {
    "video": ("The video.", "Videonya.", {}),
    "transcript": ("Path of a transcript file (.md or .txt), or write a `## Transkrip` "
                   "section in the text instead.",
                   "Jalur berkas transkrip (.md atau .txt), atau tulis bagian "
                   "`## Transkrip` di isi tulisan.",
                   {"pattern": suffix_pattern((".md", ".txt", ".markdown"))}),
}

SPEC = KindSpec(Kind.VIDEO, KEYS, ("video",), VideoDetails, read,
                ("Video page front matter", "Front matter halaman video"), FIELDS,
                (30, 45, 104), linked_data)

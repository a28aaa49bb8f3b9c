"""Validate: one loaded file -> one frozen, typed Item, or the reasons it cannot be one."""

from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..values import isbn as isbns
from ..values.languages import is_language_tag
from ..values.licenses import check_license
from ..values.links import code_mask, find_links, local_target
from ..values.slugs import is_slug, slugify
from .body_policy import find_policy_problems
from .diagnostics import Diagnostic, diag
from .fields import FieldReader
from .models import (
    Book,
    Details,
    Item,
    Kind,
    Link,
    ReviewDetails,
    TutorialDetails,
    Video,
    VideoDetails,
)
from .settings import Settings
from .source import SourceFile, read_text
from .videos import VideoProblem, parse_video_url

TITLE_MAX, TITLE_WARN = 120, 70
SUMMARY_MAX, SUMMARY_WARN = 300, 200
LEVELS = ("beginner", "intermediate", "advanced")
RESERVED_SLUGS = frozenset({"index", "page", "feed", "tags", "topics", "authors", "archive"})
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".gif", ".svg", ".avif")

COMMON_KEYS = (
    "title", "summary", "date", "updated", "authors", "topics", "tags", "lang", "image",
    "image_alt", "license", "draft", "slug", "aliases", "review_by", "retired", "pin",
    "translation_of",
)
KIND_KEYS = {
    Kind.TUTORIAL: ("level", "duration", "objectives", "prerequisites", "video"),
    Kind.REVIEW: ("book", "rating"),
    Kind.VIDEO: ("video", "transcript"),
}
BOOK_KEYS = ("title", "authors", "isbn", "publisher", "year", "pages", "cover", "cover_alt",
             "call_number")
VIDEO_KEYS = ("url", "duration", "captions", "poster")
TRANSCRIPT_HEADING = re.compile(r"^#{1,6}[ \t]+(transcript|transkrip)\b", re.I | re.M)


@dataclass(frozen=True)
class Context:
    """What validating one file needs to know about the rest of the site."""

    settings: Settings
    docs: Path
    files: frozenset[str]  # every file under docs_dir, relative to it
    authors: frozenset[str] | None  # ids from authors.yml (None: unreadable, not checked)
    topics: frozenset[str] | None  # ids from topics.yml


def validate_item(source: SourceFile, ctx: Context) -> tuple[Item | None, list[Diagnostic]]:
    r = FieldReader(source.path, source.meta, known=COMMON_KEYS + KIND_KEYS[source.kind], line=1)
    tz = ctx.settings.tz
    title = r.text("title", required=True, max_len=TITLE_MAX, warn_len=TITLE_WARN)
    summary = r.text("summary", required=True, max_len=SUMMARY_MAX, warn_len=SUMMARY_WARN)
    published = r.moment("date", tz, required=True)
    updated = r.moment("updated", tz)
    if published and updated and updated < published:
        r.error("updated", "value.updated_before", warning=True)
    authors = _ids(r, "authors", ctx.authors, "authors.yml")
    topics = _ids(r, "topics", ctx.topics, "topics.yml")
    tags = r.text_list("tags")
    lang = r.text("lang") or ctx.settings.language
    if "lang" in source.meta and not is_language_tag(lang):
        r.error("lang", "value.lang", value=lang)
    image = _asset(r, "image", source, ctx, IMAGE_SUFFIXES)
    image_alt = r.text("image_alt", max_len=300)
    if image is not None and not image_alt and "image_alt" not in _fields_with_problems(r):
        r.error("image_alt", "image.alt_missing", line=r.line_of("image"))
    license_id = r.text("license") or ctx.settings.default_license
    if "license" in source.meta and (problem := check_license(license_id)):
        r.error("license", problem[0], value=license_id, suggestion=problem[1])
    draft = r.boolean("draft")
    retired = r.boolean("retired")
    pin = r.boolean("pin")
    review_by = r.day("review_by")
    slug = _slug(r, source)
    aliases, alias_lines = _aliases(r)
    translation_of = r.text("translation_of")
    if translation_of and not is_slug(translation_of):
        r.error("translation_of", "slug.invalid", value=translation_of)

    details = _details(source, r, ctx)
    links = tuple(_body_links(source, ctx))
    for found in find_policy_problems(source.path, source.body, source.body_line):
        r.add(found)
    r.unknown_keys()

    if (title is None or summary is None or published is None or details is None
            or authors is None or topics is None or any(
                d.severity == "error" for d in r.diagnostics)):
        return None, r.diagnostics
    return Item(
        kind=source.kind, path=source.path, src=source.src, slug=slug, title=title,
        summary=summary, date=published, updated=updated, authors=authors, topics=topics,
        tags=tags, lang=lang, image=image, image_alt=image_alt, license=license_id,
        draft=draft, aliases=aliases, review_by=review_by, retired=retired, pin=pin,
        translation_of=translation_of, body=source.body, body_line=source.body_line,
        details=details, links=links, alias_lines=alias_lines,
        key_lines=tuple(sorted(source.meta.key_lines.items())),
    ), r.diagnostics


def _fields_with_problems(r: FieldReader) -> set[str]:
    return {d.field for d in r.diagnostics}


def _ids(r: FieldReader, key: str, known: frozenset[str] | None, registry: str
         ) -> tuple[str, ...] | None:
    """A required list of ids from authors.yml / topics.yml, each one checked."""
    entries = r.text_list_with_lines(key, required=True, min_items=1)
    if not entries:
        return None
    ids = []
    for text, line in entries:
        value = str(text).strip()
        if known is not None and value not in known:
            close = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
            r.error(key, "id.unknown_suggest" if close else "id.unknown", line=line,
                    value=value, suggestion=close[0] if close else "", registry=registry)
            continue
        ids.append(value)
    return tuple(ids) if len(ids) == len(entries) else None


def _slug(r: FieldReader, source: SourceFile) -> str:
    stem = posixpath.basename(source.src)[: -len(".md")]
    explicit = r.text("slug")
    if explicit is not None:
        if not is_slug(explicit):
            r.error("slug", "slug.invalid", value=explicit, suggestion=slugify(explicit))
        elif explicit in RESERVED_SLUGS:
            r.error("slug", "slug.reserved", value=explicit)
        return explicit
    if not is_slug(stem):
        made = slugify(stem)
        r.add(diag(source.path, 1, "slug", "slug.file_name", warning=True, value=stem,
                   suggestion=made))
        stem = made
    if stem in RESERVED_SLUGS:
        r.add(diag(source.path, 1, "slug", "slug.reserved", value=stem))
    return stem


def _aliases(r: FieldReader) -> tuple[tuple[str, ...], tuple[int, ...]]:
    out, lines = [], []
    for text, line in r.text_list_with_lines("aliases"):
        value = str(text).strip()
        parts = urlsplit(value)
        segments = [s for s in parts.path.split("/") if s]
        if (parts.scheme or parts.netloc or value.startswith("//") or "\\" in value
                or any(unquote(s) in (".", "..") for s in segments) or not segments
                or parts.query or parts.fragment):
            r.error("aliases", "alias.outside", line=line, value=value)
            continue
        if not all(re.fullmatch(r"[A-Za-z0-9._~-]+", unquote(s)) for s in segments):
            r.error("aliases", "alias.chars", line=line, value=value)
            continue
        out.append("/".join(segments) + ("/" if not segments[-1].count(".") else ""))
        lines.append(line)
    return tuple(out), tuple(lines)


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


def _asset(r: FieldReader, key: str, source: SourceFile, ctx: Context,
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


def _details(source: SourceFile, r: FieldReader, ctx: Context) -> Details | None:
    if source.kind is Kind.TUTORIAL:
        level = r.choice("level", LEVELS, required=True)
        duration = r.integer("duration", minimum=1, maximum=100_000, code="value.minutes")
        objectives = r.text_list("objectives")
        prerequisites = r.text_list("prerequisites")
        video = _video(r, source, ctx, required=False)
        if level is None:
            return None
        return TutorialDetails(level, duration, objectives, prerequisites, video)
    if source.kind is Kind.REVIEW:
        book = _book(r, source, ctx)
        rating = r.integer("rating", required=True, minimum=1, maximum=5, code="value.rating")
        if book is None or rating is None:
            return None
        return ReviewDetails(book, rating)
    video = _video(r, source, ctx, required=True)
    transcript, path, in_body = _transcript(r, source, ctx)
    if video is None:
        return None
    return VideoDetails(video, transcript, path, in_body)


def _book(r: FieldReader, source: SourceFile, ctx: Context) -> Book | None:
    b = r.mapping("book", required=True, known=BOOK_KEYS)
    if b is None:
        return None
    title = b.text("title", required=True, max_len=300)
    authors = b.text_list("authors", required=True)
    isbn_text = b.text("isbn")
    isbn13 = None
    if isbn_text is not None:
        problem = isbns.problem(isbn_text)
        if problem:
            b.error("isbn", problem, value=isbn_text)
        else:
            isbn13 = isbns.to_isbn13(isbn_text)
    publisher = b.text("publisher", max_len=200)
    year = b.integer("year", minimum=1000, maximum=2100, code="value.year")
    pages = b.integer("pages", minimum=1, maximum=100_000, code="value.pages")
    cover = _asset(b, "cover", source, ctx, IMAGE_SUFFIXES)
    cover_alt = b.text("cover_alt", max_len=300)
    if cover is not None and not cover_alt:
        b.error("cover_alt", "image.alt_missing", line=b.line_of("cover"))
    call_number = b.text("call_number", max_len=100)
    b.unknown_keys()
    if title is None or not authors:
        return None
    return Book(title, authors, isbn13, isbn_text, publisher, year, pages, cover, cover_alt,
                call_number)


def _video(r: FieldReader, source: SourceFile, ctx: Context, *, required: bool) -> Video | None:
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
        from .videos import parse_duration

        duration = parse_duration(duration_text)
        if duration is None:
            v.error("duration", "video.duration", value=duration_text)
    captions = _asset(v, "captions", source, ctx, (".vtt",))
    poster = _asset(v, "poster", source, ctx, IMAGE_SUFFIXES)
    v.unknown_keys()
    if source_ref is None:
        return None
    return Video(source_ref, duration, duration_text, captions, poster)


def _transcript(r: FieldReader, source: SourceFile, ctx: Context
                ) -> tuple[str | None, str | None, bool]:
    """(text of a transcript file, its path, whether the body has a transcript section)."""
    if "transcript" in source.meta:
        path = _asset(r, "transcript", source, ctx, (".md", ".txt", ".markdown"))
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
    if TRANSCRIPT_HEADING.search(_without_code(source.body)):
        return None, None, True
    r.add(diag(source.path, 1, "transcript", "video.no_transcript", warning=True))
    return None, None, False


def _without_code(body: str) -> str:
    """The body with fenced code blocks blanked, keeping line numbers."""
    mask = code_mask(body)
    return "\n".join("" if m else line for m, line in zip(mask, body.split("\n"), strict=True))


def _body_links(source: SourceFile, ctx: Context) -> list[Link]:
    """Links and pictures in the body that point at files of this site (checked in collect)."""
    out = []
    for n, target in find_links(source.body):
        local = local_target(target)
        if local is None:
            continue
        resolved = resolve_path(local[0], source.src, ctx.files)
        out.append(Link(resolved if resolved is not None else "..", local[1],
                        source.body_line + n, target))
    return out

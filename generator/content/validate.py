"""Validate: one loaded file -> one frozen, typed Item, or the reasons it cannot be one."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from urllib.parse import quote, unquote, urlsplit

from ..values.languages import is_language_tag
from ..values.licenses import check_license
from ..values.links import local_target
from ..values.slugs import is_slug, slugify
from ..values.suggest import code_list, suggest
from ..values.tracking import without_tracking
from .body_policy import find_policy_problems
from .diagnostics import Diagnostic, diag
from .fields import FieldReader
from .kinds.table import spec_for
from .markdown_scan import BodyScan, Found, scan_body
from .models import Item, Link
from .readers import IMAGE_SUFFIXES, Context, asset, moved_path, resolve_path
from .sanitize import browser_form, url_scheme
from .source import SourceFile

__all__ = ["IMAGE_SUFFIXES", "Context", "resolve_path", "validate_item"]

TITLE_MAX, TITLE_WARN = 120, 70
SUMMARY_MAX, SUMMARY_WARN = 300, 200
RESERVED_SLUGS = frozenset({"index", "page", "feed", "tags", "topics", "authors", "archive"})

COMMON_KEYS = (
    "title", "summary", "date", "updated", "authors", "topics", "tags", "lang", "image",
    "image_alt", "license", "draft", "slug", "aliases", "review_by", "retired", "pin",
    "translation_of",
)


def validate_item(source: SourceFile, ctx: Context) -> tuple[Item | None, list[Diagnostic]]:
    spec = spec_for(source.kind)
    r = FieldReader(source.path, source.meta, known=COMMON_KEYS + spec.keys, line=1)
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
    image = asset(r, "image", source, ctx, IMAGE_SUFFIXES)
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

    details = spec.read(r, source, ctx)
    scan = scan_body(source.body, ctx.settings.markdown_extensions)
    links, web = _body_links(source, ctx, scan, r)
    untracked = tuple(
        (f.start, f.end, clean) for f in scan.links if f.start >= 0
        and (clean := without_tracking(source.body[f.start:f.end])) != source.body[f.start:f.end])
    disguised = tuple(
        (f.start, f.end, browser_form(source.body[f.start:f.end])) for f in scan.links
        if f.kind == "html" and f.start >= 0 and url_scheme(f.target) is not None
        and browser_form(source.body[f.start:f.end]) != source.body[f.start:f.end])
    for found in find_policy_problems(source.path, source.body, source.body_line, scan):
        r.add(found)
    for picture in scan.links:  # a picture in the text without a description
        if picture.kind == "image" and picture.alt is not None and not picture.alt.strip():
            r.add(diag(source.path, source.body_line + picture.line, "body", "image.body_alt",
                       warning=True, value=picture.target))
    for label, line in scan.missing_footnotes:
        r.add(diag(source.path, source.body_line + line, "body", "footnote.missing",
                   warning=True, value=f"[^{label}]"))
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
        details=details, links=links, web_links=web, footnotes=scan.footnotes,
        disguised=disguised, untracked=untracked,
        alias_lines=alias_lines,
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
            close = suggest(value, known)
            r.error(key, "id.unknown_suggest" if close else "id.unknown", line=line,
                    value=value, suggestion=code_list(close), registry=registry)
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


def _body_links(source: SourceFile, ctx: Context, scan: BodyScan, r: FieldReader
                ) -> tuple[tuple[Link, ...], tuple[tuple[str, int], ...]]:
    """Links and pictures of the body as the renderer reads them: those to files of this site
    (checked across files in library/crossfile.py, rewritten by the render stage), and the
    addresses on the web (the report lists them); a picture on another host that the
    site's Content-Security-Policy would block is a warning."""
    local_links, web = [], []
    hosts = ctx.settings.image_hosts
    for found in scan.links:
        line = source.body_line + found.line
        local = local_target(found.target)
        if local is None:
            if urlsplit(found.target).scheme in ("http", "https"):
                clean = without_tracking(found.target)
                if clean != found.target:
                    r.add(diag(source.path, line, "body", "link.tracking", warning=True,
                               value=found.target, new=without_tracking(
                                   source.body[found.start:found.end]) if found.start >= 0
                               else clean))
                web.append((clean, line))
                host = (urlsplit(found.target).hostname or "").lower()
                if _is_picture(found) and host not in hosts:
                    r.add(diag(source.path, line, "body", "image.remote", warning=True,
                               value=found.target, host=host))
            continue
        if not local[0]:
            continue  # on this page: #a-heading, a footnote
        resolved = resolve_path(local[0], source.src, ctx.files)
        moved = None if resolved in ctx.files else follow_move(
            source.body, source.src, found, local[0], ctx.moved)
        if moved is not None:  # renamed or moved since: the link follows it; fix rewrites it
            r.add(diag(source.path, line, "body", "link.moved", warning=True,
                       value=found.target, new=moved[1]))
            resolved = moved[0]
        local_links.append(Link(resolved if resolved is not None else "..", local[1], line,
                                found.target, found.start, found.end, found.kind))
    return tuple(local_links), tuple(dict.fromkeys(web))


def follow_move(body: str, src: str, found: Found, path: str, moved: Mapping[str, str]
                ) -> tuple[str, str] | None:
    """A link (``path``: its target's path, decoded) to a file renamed or moved since:
    (the path now, relative to docs_dir; what to write in the link's span now)."""
    now = moved_path(path, src, moved)
    if now is None:
        return None
    return now[0], written_now(now[1], body[found.start:found.end]
                                if found.start >= 0 else found.target)


def moved_links(body: str, src: str, files: frozenset[str], moved: Mapping[str, str],
                extensions: tuple[str, ...]) -> list[tuple[Found, str, str]]:
    """For a librarian's own page: (the link, the path now, what to write now) for each
    link to a file renamed or moved since."""
    if not moved:
        return []
    out = []
    for found in scan_body(body, extensions).links:
        local = local_target(found.target)
        if local is None or not local[0] or resolve_path(local[0], src, files) in files:
            continue
        now = follow_move(body, src, found, local[0], moved)
        if now is not None:
            out.append((found, *now))
    return out


def written_now(path: str, written: str) -> str:
    """The target to write now: the new path, encoded as an address, with what followed the
    old path as written (``?…``, ``#…``)."""
    cut = min((i for i in (written.find("?"), written.find("#")) if i >= 0),
              default=len(written))
    return quote(path, safe="/!$&'()*+,;=:@-._~") + written[cut:]


def _is_picture(found: Found) -> bool:
    return found.kind == "image" or found.tag in ("img", "source") or (
        found.kind == "html" and found.tag == "video")

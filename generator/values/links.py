"""Links in Markdown bodies: found once for checking, rewritten once for rendering."""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable, Iterator
from urllib.parse import unquote, urlsplit

_FENCE = re.compile(r"^\s*(```|~~~)")
_INLINE_CODE = re.compile(r"`[^`\n]*`")
# [text](target "title") and ![alt](target); the target is group "t".
MD_LINK = re.compile(r"(!?\[(?:[^\]\\\n]|\\.)*\]\(\s*<?)(?P<t>[^)\s>]+)(>?(?:\s+[\"'(][^)\n]*)?\))")
REF_DEF = re.compile(r"^(\s{0,3}\[[^\]\n]+\]:\s*<?)(?P<t>[^\s>]+)(.*)$")
HTML_ATTR = re.compile(
    r"""(<(?:a|img|source|video|audio|track)\b[^>]*?\s(?:href|src)=["'])(?P<t>[^"']+)(["'])""",
    re.I,
)
_PATTERNS = (MD_LINK, REF_DEF, HTML_ATTR)


def code_mask(body: str) -> list[bool]:
    """For each line: is it inside a fenced code block (where links are only text)?"""
    out, fenced = [], False
    for line in body.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
            out.append(True)
            continue
        out.append(fenced)
    return out


def local_target(target: str) -> tuple[str, str] | None:
    """(path, fragment) for a link to a file of this site; None for external or on-page.
    Character references are decoded first, as a browser does in an attribute: in
    ``jav&#x61;script:`` the ``#`` is no fragment (the body policy removes such a link)."""
    parts = urlsplit(html.unescape(target))
    if parts.scheme or parts.netloc or not parts.path:
        return None
    return unquote(parts.path), parts.fragment


def find_links(body: str) -> Iterator[tuple[int, str]]:
    """(0-based line in body, target) for every link outside code."""
    mask = code_mask(body)
    for n, line in enumerate(body.split("\n")):
        if mask[n]:
            continue
        line = _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line)
        for pattern in _PATTERNS:
            for m in pattern.finditer(line):
                yield n, m.group("t")


def rewrite_links(body: str, rewrite: Callable[[str], str | None],
                  rewrite_html: Callable[[str], str | None] | None = None) -> str:
    """Replace link targets outside code where ``rewrite`` returns a new target
    (``rewrite_html`` for those in raw HTML attributes, if given)."""
    mask = code_mask(body)
    lines = body.split("\n")
    for n, line in enumerate(lines):
        if mask[n] or ("](" not in line and "]:" not in line and "=" not in line):
            continue
        spans = [(m.start(), m.end()) for m in _INLINE_CODE.finditer(line)]

        def sub(m: re.Match[str], spans: list[tuple[int, int]] = spans) -> str:
            if any(a <= m.start() < b for a, b in spans):
                return m.group(0)
            new = (rewrite_html if m.re is HTML_ATTR and rewrite_html else rewrite)(m.group("t"))
            return m.group(0) if new is None else f"{m.group(1)}{new}{m.group(3)}"

        for pattern in _PATTERNS:
            line = pattern.sub(sub, line)
        lines[n] = line
    return "\n".join(lines)


def relative(target: str, page_url: str) -> str:
    """A link from the page at ``page_url`` (``tutorials/x/``) to ``target`` (site paths)."""
    start = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
    rel = posixpath.relpath(target or ".", start or ".")
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return "./" if rel in (".", "./") else rel


def page_url(src: str) -> str:
    """mkdocs' directory URL for a Markdown page: ``about.md`` -> ``about/``."""
    stem = src[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"

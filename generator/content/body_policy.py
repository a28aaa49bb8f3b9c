"""The body policy: what raw HTML in a Markdown body may carry into a page.

Bodies may hold ordinary HTML — tables, figures, ``<details>``, ``<kbd>``, ``<mark>`` —
but nothing that runs code, sends a form, loads another site before the reader asks, or
reaches outside the article. The policy is applied twice, by two independent means:

- **check** — :func:`find_policy_problems` reads the body as the renderer does
  (``markdown_scan``: Python-Markdown with the site's extensions, so code of every kind and
  escaped text are never HTML), passes the raw HTML it keeps through
  :class:`html.parser.HTMLParser`, which knows the line of every tag, and reports each
  construct the render stage will remove as a warning naming the file and line
  (``--strict`` makes it an error). Markdown links and pictures whose address runs a
  program (``[x](javascript:…)`` — Python-Markdown keeps those) and attribute lists
  (``{: onclick=… }``) are read too.
- **render** — :func:`sanitize.sanitize_html` passes the article HTML the engine rendered through
  nh3 (Rust ammonia, maintained; an allow-list, not a block-list) before it is written.
  Whatever ``check`` missed cannot reach a reader.

Decisions (also in docs/escaping.md, "The body policy"):

- Removed with their content: ``<script>``, ``<style>``, ``<template>``, ``<noscript>``,
  ``<iframe>``/``<frame>``, ``<textarea>``, ``<select>``, ``<svg>``, ``<math>``.
- Every ``<iframe>``/``<object>``/``<embed>`` in a body is removed, even from YouTube or
  Vimeo: such a frame loads the host as the page opens (the site promises no request to
  another host before the reader asks). The message gives the video's address to write
  alone on its own line instead, which becomes the click-to-load player.
- Forms and their controls: the tags go, their text stays.
- ``style``: the ``<style>`` element goes; a ``style`` attribute keeps only
  ``text-align`` (what Markdown tables write), anything else is reported and dropped.
- Addresses: ``http``, ``https``, ``mailto``, ``tel`` and relative ones. ``data:`` is
  refused everywhere in bodies, pictures included (put the picture in ``images/``);
  ``javascript:``/``vbscript:`` always. Entities and tabs inside a scheme
  (``jav&#x61;script:``, ``java&#9;script:``) are seen through, as browsers see through
  them.
- Links are kept as written: nh3 would add ``rel="noopener noreferrer"`` to every link,
  changing every page and hiding the site from partners' statistics; ``noopener`` is
  what browsers already apply to ``target="_blank"``, and nothing in a body can run a
  script that ``window.opener`` would matter to.
- Attributes outside the allow-list that cannot run or load anything (``align``,
  ``bgcolor`` …) are dropped without a message.
- Control characters (C0 but tab and line ends, DEL, C1) are dropped, with a warning per
  line: HTML forbids them and XML cannot carry them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from .diagnostics import Diagnostic, diag
from .embeds import watch_url
from .markdown_scan import MKDOCS_EXTENSIONS, BodyScan, scan_body
from .models import VideoSource
from .sanitize import (
    ALLOWED_TAGS,
    CONTROL_CHARACTERS,
    REMOVED_WITH_CONTENT,
    URL_ATTRIBUTES,
    URL_SCHEMES,
    style_is_allowed,
    url_scheme,
)
from .videos import parse_video_url

FIELD = "body"

# -- what check reports -------------------------------------------------------------------------

SCRIPT_SCHEMES = frozenset({"javascript", "vbscript", "livescript", "data"})
FRAME_TAGS = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "portal",
                        "fencedframe"})
FORM_TAGS = frozenset({"form", "input", "button", "textarea", "select", "option", "optgroup",
                       "datalist", "output", "fieldset", "legend", "label", "keygen",
                       "meter", "progress"})
HEAD_TAGS = frozenset({"base", "meta", "link", "title", "head", "html", "body"})
VIDEO_FRAME_HOSTS = frozenset({"www.youtube-nocookie.com", "youtube-nocookie.com",
                               "www.youtube.com", "youtube.com", "player.vimeo.com"})
# What assets/video.js accepts as a player address (data-ks-embed).


# Python-Markdown's block-level tags: a line starting with one (even right under a line of
# text) opens raw HTML up to its end tag, where Markdown — code spans included — is not read.
_BLOCK_TAGS = (
    "address|article|aside|blockquote|body|canvas|center|colgroup|dd|details|div|dl|dt|"
    "fieldset|figcaption|figure|footer|form|group|h[1-6]|header|hgroup|hr|html|iframe|"
    "legend|li|main|map|math|menu|nav|noscript|object|ol|option|output|p|pre|progress|"
    "script|section|style|summary|table|tbody|td|textarea|tfoot|th|thead|tr|ul|video"
)
_RAW_BLOCK = re.compile(rf"^ {{0,3}}<((?:{_BLOCK_TAGS})(?=[\s/>])|!--)", re.I)
# md_in_html: markdown, markdown="1", "block" or "span" (not "0") asks for Markdown inside.
_MARKDOWN_ATTR = re.compile(r"""\smarkdown(?!\s*=\s*["']?0)(?=[\s=/>])""", re.I)
_CLOSE_LINE = re.compile(r"^ {0,3}</[A-Za-z][\w-]*\s*>\s*$")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
_QUOTE = re.compile(r"^(?: {0,3}> ?)+")
_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d+[.)])(?:[ \t]|$)")
_ADMONITION = re.compile(r"^ {0,3}(?:!!!|\?\?\?\+?)(?:[ \t]|$)")  # admonition, details
# Python-Markdown's code span (inline patterns read a whole paragraph, so across lines,
# never across a blank line).
_CODE_SPAN = re.compile(r"(?<![\\`])(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.S)
# Python-Markdown's autolinks <http://…> and <name@host>: links, not tags.
_AUTOLINK = re.compile(r"<(?:[Ff]|[Hh][Tt])[Tt][Pp][Ss]?://[^<>]*>|<[^<> !]+@[^@<> ]+>")
# [text](<target>): a link, not a tag.
_ANGLE_TARGET = re.compile(r"(?<=\]\()[ \t]*<[^<>\n]*>")
# [text](target …) and ![alt](target …): the start of the target is enough for its scheme.
_MD_TARGET = re.compile(r"\]\([ \t]*\n?[ \t]*<?([^\s)>]+)")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\n?[ \t]*<?(\S+?)>?(?:\s|$)", re.M)
# attr_list: {: #id .class key=value } after a block, a heading or an inline element.
_ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")
_ATTR_PAIR = re.compile(r"""([^\s=#.{}'"]+)[ \t]*=[ \t]*("[^"]*"|'[^']*'|[^\s}]+)""")
# C0 controls but tab, line feed and carriage return; DEL; C1 controls: what HTML calls
# "forbidden code points" and XML 1.0 forbids (as feed_entries.clean_text removes them).





@dataclass(frozen=True, order=True)
class _Found:
    line: int  # 1-based, in the body
    code: str
    params: tuple[tuple[str, str], ...] = ()


# -- check ----------------------------------------------------------------------------------------

def find_policy_problems(path: str, body: str, body_line: int, scan: BodyScan | None = None,
                         extensions: tuple[str, ...] = MKDOCS_EXTENSIONS) -> list[Diagnostic]:
    """One warning per construct the render stage removes from ``body``.

    ``path`` is the file as messages name it (``site_src/tutorials/x.md``), ``body_line``
    the file's line of the body's first line (``SourceFile.body_line``); ``scan``: the body
    as the renderer reads it (``markdown_scan``), made here with ``extensions`` when not
    given. Sorted by line.
    """
    scan = scan or scan_body(body, extensions)
    found: set[_Found] = set(_control_characters(body))
    for link in scan.links:
        if link.kind != "html" and (problem := _url_problem(link.target, unescape=True)):
            found.add(_Found(link.line + 1, *problem))
    for name, value, line in scan.attributes:
        found.update(_attribute(line + 1, name.lower(), value, unescape=False))
    found.update(_html(_placed(scan.raw_html)))
    return [diag(path, body_line + f.line - 1, FIELD, f.code, warning=True, **dict(f.params))
            for f in sorted(found)]


def _placed(chunks: tuple[tuple[str, int], ...]) -> str:
    """The raw HTML Markdown kept, each piece on its own line of the body, in one text: read
    in one go, an element removed with its content covers the pieces after it."""
    out: list[str] = []
    line = 0
    for chunk, at in chunks:
        if at > line:
            out.append("\n" * (at - line))
            line = at
        else:
            out.append(" ")
        out.append(chunk)
        line += chunk.count("\n")
    return "".join(out)


def _control_characters(body: str) -> Iterator[_Found]:
    """Invisible control characters (pasted from a PDF or a word processor): HTML forbids
    them, so the render stage drops them; one warning per line, code blocks included."""
    if not CONTROL_CHARACTERS.search(body):
        return
    for n, line in enumerate(body.split("\n"), start=1):
        count = len(CONTROL_CHARACTERS.findall(line))
        if count:
            yield _Found(n, "body.control_chars", (("count", str(count)),))


def split_page(text: str) -> tuple[str, int]:
    """An ordinary page's (body, file line of the body's first line): mkdocs' front matter
    (between a first ``---`` line and the next ``---``/``...`` line) is not body."""
    lines = text.split("\n")
    if lines and lines[0].rstrip() == "---":
        for n in range(1, len(lines)):
            if lines[n].rstrip() in ("---", "..."):
                return "\n".join(lines[n + 1:]), n + 2
    return text, 1


def _url_problem(value: str, *, unescape: bool) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    scheme = url_scheme(value, unescape=unescape)
    if scheme is None or scheme in URL_SCHEMES:
        return None
    code = "body.url_script" if scheme in SCRIPT_SCHEMES else "body.url_scheme"
    return code, (("scheme", scheme + ":"),)


def _attribute(line: int, name: str, value: str, *, unescape: bool) -> Iterator[_Found]:
    if name.startswith("on"):
        yield _Found(line, "body.event", (("attribute", name),))
    elif name == "style":
        if not style_is_allowed(value):
            yield _Found(line, "body.style", (("what", "style"),))
    elif name in URL_ATTRIBUTES:
        candidates = [c.strip().split(" ")[0] for c in value.split(",")] if name.endswith(
            "srcset") else [value]
        for url in candidates:
            problem = _url_problem(url, unescape=unescape)
            if problem:
                yield _Found(line, *problem)


def _html(text: str) -> set[_Found]:
    if "<" not in text:
        return set()
    parser = _PolicyParser()
    try:
        parser.feed(text)
        parser.close()
    except (AssertionError, ValueError):  # pragma: no cover - HTMLParser is lenient today
        pass  # what was read so far is reported; render removes the rest regardless
    return parser.found


class _PolicyParser(HTMLParser):
    """Every tag and attribute in the body's raw HTML, with its line (``getpos``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: set[_Found] = set()
        self.removed: list[str] = []  # open elements removed with their content
        self.forms: list[str] = []  # open form elements (their controls: one message)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._element(tag, attrs, void=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._element(tag, attrs, void=True)

    def handle_endtag(self, tag: str) -> None:
        for stack in (self.removed, self.forms):
            if tag in stack:
                while stack and stack.pop() != tag:
                    pass

    def _add(self, code: str, **params: str) -> None:
        self.found.add(_Found(self.getpos()[0], code, tuple(sorted(params.items()))))

    def _element(self, tag: str, attrs: list[tuple[str, str | None]], *, void: bool) -> None:
        if self.removed:
            return  # inside an element that goes with all its content: reported already
        line = self.getpos()[0]
        values = {name: value or "" for name, value in attrs}
        opens = not void and tag not in _VOID
        if tag == "script":
            self._add("body.script")
        elif tag == "style":
            self._add("body.style", what="<style>")
        elif tag in FRAME_TAGS:
            self._frame(tag, values)
        elif tag in FORM_TAGS:
            if not self.forms:
                self._add("body.form", tag=f"<{tag}>")
            if opens and tag not in REMOVED_WITH_CONTENT:
                self.forms.append(tag)
        elif tag in HEAD_TAGS:
            self._add("body.head_element", tag=f"<{tag}>")
        elif tag in REMOVED_WITH_CONTENT:
            self._add("body.element_content", tag=f"<{tag}>")
        elif tag not in ALLOWED_TAGS:
            self._add("body.element", tag=f"<{tag}>")
        if tag in REMOVED_WITH_CONTENT and opens:
            self.removed.append(tag)
        for name, value in values.items():
            self.found.update(_attribute(line, name, value, unescape=False))

    def _frame(self, tag: str, values: dict[str, str]) -> None:
        src = values.get("src") or values.get("data") or ""
        host = (_safe_host(src) or "").lower()
        source = parse_video_url(src) if host in VIDEO_FRAME_HOSTS else None
        if isinstance(source, VideoSource) and (watch := watch_url(source)):
            self._add("body.frame_video", tag=f"<{tag}>", suggestion=watch)
        else:
            self._add("body.frame", tag=f"<{tag}>")


_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen",
                   "link", "meta", "param", "source", "track", "wbr"})


def _safe_host(url: str) -> str | None:
    try:
        return urlsplit(url.strip()).hostname
    except ValueError:
        return None


def policy_codes() -> Iterable[str]:
    """Every message code this module can report (for the message tables)."""
    return ("body.script", "body.style", "body.event", "body.url_script", "body.url_scheme",
            "body.frame", "body.frame_video", "body.form", "body.head_element",
            "body.element", "body.element_content", "body.control_chars")

"""A body read as the renderer reads it: Python-Markdown with the site's extensions.

What ``check`` sees must be exactly what is published, so links and pictures are not found
with patterns of our own: the body is parsed by Python-Markdown with the extensions the
engine renders with, and the links are read from the tree it builds (Markdown links and
pictures, reference links, autolinks) and from the raw HTML it keeps aside (``<a href>``,
``<img src>`` …). Code of every kind, escaped text, footnotes and comments are therefore
never links, and a link whose text wraps onto the next line is one.

Where each one is written: before parsing, every place that could hold a link target
(after ``](``, in a reference definition ``[x]: …``, in an ``href``/``src``/``poster``
attribute, in ``<https://…>``) gets an invisible numbered mark appended; the targets that
come out of the parse with their mark are links, and the mark says where the target stands
in the file (its line, and the exact span the build rewrites). What carries no mark (an
unusual spelling) is still a link, placed at the first line that writes its target.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any
from xml.etree.ElementTree import Element

import markdown
from markdown.serializers import to_html_string
from markdown.util import AtomicString

# Extensions the engines add when a site does not list them (site/…, engine/…), with their
# settings: footnotes (a long-lived tutorial cites), maths kept as written (pymdownx
# arithmatex, generic: the TeX with its delimiters, never mangled by emphasis rules).
ADDED_EXTENSIONS: dict[str, dict[str, Any]] = {
    "footnotes": {},
    "pymdownx.arithmatex": {"generic": True},
}
# mkdocs' own extensions, for a site that lists none.
MKDOCS_EXTENSIONS = ("toc", "tables", "fenced_code")
FOOTNOTES_HERE = "///Footnotes Go Here///"  # footnotes' PLACE_MARKER: the end of the body
_OPEN, _CLOSE = "\ue000", "\ue001"  # a mark: private-use characters no text contains
_MARK = re.compile(f"{_OPEN}(\\d+){_CLOSE}")
_TARGET_END = r"(?P<t>[^\s)>\ue000]*)"
_INLINE = re.compile(r"\]\([ \t]*\n?[ \t]*<?" + _TARGET_END)
_REF_DEF = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*\n?[ \t]*<?(?P<t>[^\s>\ue000]+)", re.M)
_TAG = re.compile(r"<[A-Za-z][\w-]*\s[^<>]*>")
_ATTR = re.compile(r"""\s(?:href|src|poster)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|"""
                   r"""(?P<bare>[^\s"'=<>`]+))""", re.I)
_AUTOLINK = re.compile(r"<(?P<t>(?:https?|ftp)://[^<>\s]+)>", re.I)
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\]")
# What Python-Markdown and the extensions write themselves; any other element in the tree is
# raw HTML that md_in_html parsed.
_MARKDOWN_TAGS = frozenset({
    "div", "p", "a", "img", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote",
    "pre", "code", "em", "strong", "b", "i", "hr", "br", "table", "thead", "tbody", "tr", "th",
    "td", "details", "summary", "sup", "sub", "span", "dl", "dt", "dd", "abbr", "del", "ins",
    "mark", "small", "kbd", "section", "figure", "figcaption", "caption", "col", "colgroup",
    "tfoot", "nav", "article", "aside", "header", "footer", "main", "q", "cite", "time", "var",
    "samp", "s", "u", "wbr", "bdi", "bdo", "ruby", "rt", "rp", "data", "dfn", "address",
    "hgroup", "picture", "source", "track", "video", "audio"})
# Where links and pictures can be: elements and attributes the tree carries them in.
_LINK_ATTRS = {"a": "href", "img": "src"}
_HTML_ATTRS = ("href", "src", "poster")


@dataclass(frozen=True)
class Found:
    """A link or picture of the body, as the renderer reads it."""

    kind: str  # "link", "image" (Markdown) or "html" (an attribute of raw HTML)
    target: str  # the address as written (the parser's reading: escapes taken off)
    line: int  # 0-based line of the body where the target is written
    start: int = -1  # the target's span in the body (-1: unknown; not rewritten)
    end: int = -1
    tag: str = ""  # html: the element ("a", "img", "source" …)
    alt: str | None = None  # a Markdown picture's description as written (None: not one)


@dataclass(frozen=True)
class BodyScan:
    links: tuple[Found, ...] = ()
    raw_html: tuple[tuple[str, int], ...] = ()  # raw HTML kept as written, with its line
    attributes: tuple[tuple[str, str, int], ...] = ()  # (name, value, line) set by attr_list
    missing_footnotes: tuple[tuple[str, int], ...] = ()  # [^label] without a definition
    footnotes: bool = False  # the body has footnotes (they go at its end)
    text: str = field(default="", compare=False)


@dataclass(frozen=True)
class _Candidate:
    kind: str
    start: int
    end: int


def added_extensions(names: tuple[str, ...], lang: str) -> dict[str, dict[str, Any]]:
    """The extensions (with their settings) an engine adds to a site's ``names``: those of
    ours it lacks; the footnotes' "back to the text" link in the site's language."""
    out = {name: dict(options) for name, options in ADDED_EXTENSIONS.items()
           if name not in names}
    if "footnotes" in out:
        out["footnotes"].update(footnote_words(lang))
    return out


def footnote_words(lang: str) -> dict[str, str]:
    """The footnotes' "back to the text" link in the site's language (a site that names the
    extension without this setting gets it too)."""
    from ..words.translate import translator

    return {"BACKLINK_TITLE": translator(lang)("footnote.back")}


def rendered_extensions(names: tuple[str, ...]) -> tuple[str, ...]:
    """The extensions an engine renders a body with: the site's, and ours it lacks."""
    return (*names, *(n for n in ADDED_EXTENSIONS if n not in names))


@lru_cache(maxsize=8)
def _reader(names: tuple[str, ...]) -> markdown.Markdown:
    """One Markdown instance per extension list, reused (reset between bodies). Only what
    decides where links are is kept: emphasis and the table of contents go."""
    configs = {n: c for n, c in ADDED_EXTENSIONS.items() if n in names}
    try:
        md = markdown.Markdown(extensions=list(names), extension_configs=configs)
    except Exception:  # an extension this machine lacks, or one needing its settings: the
        usable = []    # engine reports it; check reads the bodies without it
        for name in names:
            try:
                markdown.Markdown(extensions=[name], extension_configs=configs)
            except Exception:
                continue
            usable.append(name)
        md = markdown.Markdown(extensions=usable, extension_configs=configs)
    for name in ("em_strong", "em_strong2", "not_strong", "strong_em", "strong", "emphasis",
                 "emphasis2"):
        if name in md.inlinePatterns:
            md.inlinePatterns.deregister(name)
    # Without "unescape", escaped characters stay out of the text (a tutorial's \\[^0-9\\] is
    # no footnote reference).
    for name in ("toc", "prettify", "unescape"):
        if name in md.treeprocessors:
            md.treeprocessors.deregister(name)
    return md


def scan_body(body: str, extensions: tuple[str, ...]) -> BodyScan:
    """Read ``body`` as the engine renders it with ``extensions`` (see the module doc)."""
    marked, candidates = _mark(body)
    plain = _plain(body, candidates)
    return plain if plain is not None else parse_body(body, extensions, marked, candidates)


def parse_body(body: str, extensions: tuple[str, ...], marked: str | None = None,
               candidates: list[_Candidate] | None = None) -> BodyScan:
    """The scan by the parse itself (``scan_body`` takes a shortcut for plain bodies)."""
    if marked is None or candidates is None:
        marked, candidates = _mark(body)
    md = _reader(rendered_extensions(extensions))
    md.reset()
    lines = marked.split("\n")
    for pre in md.preprocessors:
        lines = pre.run(lines)
    root = md.parser.parseDocument(lines).getroot()
    assert root is not None
    _skip_plain_text(root, bool(md.references) or "[^" in body)
    for processor in md.treeprocessors:
        replaced = processor.run(root)
        if replaced is not None:
            root = replaced
    starts = _line_starts(body)
    links: list[Found] = []
    attributes: list[tuple[str, str, int]] = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if name == _LINK_ATTRS.get(element.tag) or (name in _HTML_ATTRS
                                                        and _MARK.search(value)):
                found = _found(element.tag, value, candidates, body, starts)
                if found.kind == "image":
                    found = replace(found, alt=_MARK.sub("", element.get("alt", "")))
                links.append(found)
            elif name not in ("id", "class", "title", "alt"):
                attributes.append((name, _MARK.sub("", value),
                                   _line_of_text(body, name, starts)))
    raw: list[tuple[str, int]] = []
    claimed: set[int] = set()  # block HTML is kept aside before inline HTML: find each piece
    for kept in md.htmlStash.rawHtmlBlocks:
        # md_in_html keeps elements it parsed (raw HTML within a Markdown block) as trees.
        chunk = kept if isinstance(kept, str) else to_html_string(kept)
        for tag, value in _html_links(chunk):
            links.append(_found(tag, value, candidates, body, starts, raw=True))
        text = _MARK.sub("", chunk)
        where = _unclaimed(body, text.strip(), claimed)
        if where == -1:
            first = _MARK.search(chunk)
            where = candidates[int(first.group(1))].start if first else 0
        raw.append((text, _line(starts, where)))
    # Raw HTML md_in_html parsed into the tree (inside <div markdown>): the elements Markdown
    # itself never writes, each as the raw HTML the body policy reads.
    taken: set[int] = set()
    for element in root.iter():
        if id(element) in taken or not isinstance(element.tag, str):
            continue
        if element.tag not in _MARKDOWN_TAGS:
            taken.update(id(e) for e in element.iter())
            where = _unclaimed(body, f"<{element.tag}", claimed)
            raw.append((_MARK.sub("", to_html_string(element)), _line(starts, max(where, 0))))
    raw.sort(key=lambda piece: piece[1])
    missing = tuple(_missing_footnotes(root, body, starts))
    footnotes = any(el.get("class") == "footnote" for el in root.iter() if isinstance(el.tag, str))
    return BodyScan(tuple(links), tuple(raw), tuple(attributes), missing, footnotes, body)


# What makes a body need the parse: code blocks, raw HTML and autolinks, escapes, footnotes,
# attribute lists, reference definitions — where a written target may be no link, or a link
# may have no target written where it stands.
_NOT_PLAIN = ("~~~", "```", "<", "\\", "[^", "{")
_NOT_PLAIN_LINE = re.compile(r"^(?: {4}|\t| {0,3}\[[^\]\n]+\]:)", re.M)


def _plain(body: str, candidates: list[_Candidate]) -> BodyScan | None:
    """The scan of a body with none of ``_NOT_PLAIN`` and no code span on a line holding a
    target (most bodies): every ``[text](target)`` is then a link, as the parse would find
    (tests/content/test_links_as_rendered.py holds the two readings equal on every corpus
    body); None for any other body. Spares ``check`` the parse of most bodies."""
    if any(s in body for s in _NOT_PLAIN) or _NOT_PLAIN_LINE.search(body):
        return None
    starts = _line_starts(body)
    lines = body.split("\n")
    links = []
    for candidate in candidates:
        line = _line(starts, candidate.start)
        target = body[candidate.start:candidate.end]
        if "`" in lines[line] or "(" in target:
            return None
        opening = _opening_bracket(body, candidate.start - 2)
        if opening is None:
            continue  # "](x)" with no "[" before it in the paragraph: text, not a link
        kind = "image" if body[opening - 1:opening] == "!" else "link"
        alt = body[opening + 1:candidate.start - 2] if kind == "image" else None
        links.append(Found(kind, target, line, candidate.start, candidate.end,
                           "img" if kind == "image" else "a", alt))
    return BodyScan(tuple(links), text=body)


def _opening_bracket(body: str, close: int) -> int | None:
    """The ``[`` that the ``]`` at ``close`` closes, within its paragraph."""
    depth = 0
    for i in range(close - 1, -1, -1):
        char = body[i]
        if char == "\n" and body[i - 1:i] == "\n":
            return None
        if char == "]":
            depth += 1
        elif char == "[":
            if depth == 0:
                return i
            depth -= 1
    return None


def _mark(body: str) -> tuple[str, list[_Candidate]]:
    """The body with a numbered mark after every place that may hold a link target."""
    spans: dict[int, _Candidate] = {}
    for pattern, kind in ((_INLINE, "markdown"), (_REF_DEF, "markdown"),
                          (_AUTOLINK, "markdown")):
        for m in pattern.finditer(body):
            spans.setdefault(m.end("t"), _Candidate(kind, m.start("t"), m.end("t")))
    for tag in _TAG.finditer(body):
        for attr in _ATTR.finditer(tag.group(0)):
            group = next(g for g in ("dq", "sq", "bare") if attr.group(g) is not None)
            start, end = tag.start() + attr.start(group), tag.start() + attr.end(group)
            spans.setdefault(end, _Candidate("html", start, end))
    ordered = sorted(spans.values(), key=lambda c: c.end)
    out, position = [], 0
    for n, candidate in enumerate(ordered):
        out += [body[position:candidate.end], f"{_OPEN}{n}{_CLOSE}"]
        position = candidate.end
    out.append(body[position:])
    return "".join(out), ordered


def _found(tag: str, value: str, candidates: list[_Candidate], body: str,
           starts: list[int], *, raw: bool = False) -> Found:
    """The link in ``value`` of element ``tag``: its kind is how it was written — in
    Markdown syntax (a link or a picture) or as an attribute of HTML."""
    marks = _MARK.findall(value)
    target = _MARK.sub("", value)
    written_as_html = raw or tag not in _LINK_ATTRS
    if marks:
        candidate = candidates[int(marks[-1])]
        written_as_html = candidate.kind == "html"
    kind = "html" if written_as_html else ("image" if tag == "img" else "link")
    if marks:
        return Found(kind, target, _line(starts, candidate.start), candidate.start,
                     candidate.end, tag)
    where = body.find(target) if target else -1
    return Found(kind, target, _line(starts, max(where, 0)), tag=tag)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in _HTML_ATTRS and value:
                self.found.append((tag, value))

    handle_startendtag = handle_starttag


def _html_links(chunk: str) -> list[tuple[str, str]]:
    """(element, address) of raw HTML, read as a browser reads attributes (references
    decoded); comments are not read."""
    if "<" not in chunk:
        return []
    parser = _Links()
    parser.feed(chunk)
    parser.close()
    return parser.found


def _skip_plain_text(root: Element, brackets: bool) -> None:
    """Text that holds no mark (no link target is written in it), no ``<`` (raw HTML, an
    autolink) and — when the body defines references or footnotes (``brackets``) — no ``[``
    cannot make a link: the inline patterns skip it (most of a body), which keeps ``check``
    fast. Code spans without a mark hide nothing that matters here."""
    wanted = (_OPEN, "<", "[") if brackets else (_OPEN, "<")
    for element in root.iter():
        for attr in ("text", "tail"):
            value = getattr(element, attr)
            if value and not isinstance(value, AtomicString) and not any(
                    c in value for c in wanted):
                setattr(element, attr, AtomicString(value))


def _missing_footnotes(root: Element, body: str, starts: list[int]
                       ) -> Iterator[tuple[str, int]]:
    """``[^label]`` left as text outside code: a footnote reference without its note."""
    def texts(element: Element, in_code: bool) -> Iterator[str]:
        code = in_code or element.tag in ("code", "pre")
        if not code and element.text:
            yield element.text
        for child in element:
            yield from texts(child, code)
            if not in_code and child.tail:
                yield child.tail

    for text in texts(root, False):
        for m in _FOOTNOTE_REF.finditer(_MARK.sub("", text)):
            label = m.group(1)
            yield label, _line(starts, _written(body, f"[^{label}]"))


def _unclaimed(body: str, text: str, claimed: set[int]) -> int:
    """The first place ``text`` is written that no earlier piece took (-1: none)."""
    if not text:
        return -1
    position = 0
    while (found := body.find(text, position)) != -1:
        if found not in claimed:
            claimed.add(found)
            return found
        position = found + 1
    return -1


def _written(body: str, text: str) -> int:
    """The first place ``text`` is written other than as a definition (``[^x]:``)."""
    position = 0
    while (found := body.find(text, position)) != -1:
        if not body.startswith(":", found + len(text)):
            return found
        position = found + 1
    return max(body.find(text), 0)


def _line_starts(body: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", body)]


def _line(starts: list[int], offset: int) -> int:
    from bisect import bisect_right

    return bisect_right(starts, offset) - 1


def _line_of_text(body: str, name: str, starts: list[int]) -> int:
    m = re.search(rf"\b{re.escape(name)}\s*=", body)
    return _line(starts, m.start()) if m else 0

"""Finish: what every engine's HTML goes through, whichever engine wrote it.

An engine turns Markdown pages into HTML and nothing more; these plain functions over
strings and the library do the rest, at three moments every engine has:

- ``markdown`` — the text handed to the engine for a page: the home page's generated
  sections appended, and the HTML of generated pages kept out of Markdown (``lift``);
- ``article`` — the page's own content once converted: lifted HTML put back, librarians'
  HTML passed through the body policy's sanitiser, an item's article kept for the feeds;
- ``document`` — the whole file: ``<html lang>`` of an item in another language, no control
  character, and the Content-Security-Policy.

``facts`` says what the theme's templates print about a page (title, description, head
tags, feed links, whether search indexes it). The same calls serve item pages, listings,
the librarians' own pages, 404 and redirect pages.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup, escape

from ..content.markdown_scan import scan_body
from ..content.readers import resolve_path
from ..content.sanitize import CONTROL_CHARACTERS, sanitize_html, sanitize_marked
from ..content.validate import follow_move, written_now
from ..feeds.scopes import alternate_links, feed_spec, listing_scope
from ..library.library import Library
from ..pictures.previews import HEIGHT as PREVIEW_HEIGHT
from ..pictures.previews import SITE_PREVIEW_PATH, PreviewImage, preview_path
from ..pictures.previews import WIDTH as PREVIEW_WIDTH
from ..render.counter import counted_statement, counter_origin, with_counter
from ..render.csp import with_policy
from ..render.link_preview import listing_meta, page_meta, render_head
from ..render.listings import home_sections
from ..render.pages import GeneratedPage
from ..values.analytics import about_page
from ..values.links import local_target, relative
from .assemble import HOME_CSS, UNLISTED, Assembly

BODY_START, BODY_END = "<!-- ks-body -->", "<!-- /ks-body -->"
# Around a video's transcript (partials/transcript.md.j2): librarians' text, sanitised too.
TRANSCRIPT_START, TRANSCRIPT_END = "<!-- ks-transcript -->", "<!-- /ks-transcript -->"
# Before what the core appends to a librarian's own page (the home page's sections).
GENERATED = "<!-- ks-generated -->"  # what follows, up to GENERATED_END, is ours
GENERATED_END = "<!-- /ks-generated -->"
FOLLOW = "<!-- ks-follow -->"  # where a listing gets its "follow" block (listing/list.md.j2)
# Around a page's whole Markdown, for an engine that hands us only finished files (Zensical):
# what lies between them in its HTML is the page's content (``Finisher.article``).
ARTICLE_START, ARTICLE_END = "<!-- ks-article -->", "<!-- /ks-article -->"
HOME = "index.md"
_HTML_LANG = re.compile(r'<html lang="[^"]*"')
# The placeholder carries a digest of the page's Markdown, so a body that happens to contain
# such a comment cannot take the place of the real one.
_SLOT = "<!-- ks-html {key} {n} -->"


class Finisher:
    """The finishing of one build. It keeps two things between the moments above: the HTML
    lifted out of each page's Markdown, and each item's article (``articles``, for feeds)."""

    def __init__(self, library: Library, assembly: Assembly) -> None:
        self.library = library
        self.assembly = assembly
        self.articles: dict[str, str] = {}  # item source -> its article HTML
        self.transcripts: dict[str, str] = {}  # video item source -> its transcript's HTML
        self._lifted: dict[str, list[tuple[str, str]]] = {}
        self._home: tuple[str, str] | None = None

    def generated(self, src: str) -> GeneratedPage | None:
        return self.assembly.pages.get(src)

    def home_sections(self) -> tuple[str, str]:
        """The generated parts of the librarians' own home page (before and after their
        text)."""
        if self._home is None:
            self._home = home_sections(self.assembly.renderer)
        return self._home

    # -- what the theme prints about a page ---------------------------------------------
    def facts(self, src: str, url: str, meta: Mapping[str, Any], heading: str | None
              ) -> dict[str, Any]:
        """The page's front matter as the theme reads it: ``meta`` (what the page's own front
        matter says) updated with our title, description, head tags, feed links and search
        flag. Titles and descriptions are stored as HTML text: Material prints them without
        escaping, so a title like ``</title><script>`` stays text. ``heading``: the page's
        first heading as the engine read it (the title of a page without one)."""
        lib = self.library
        generated = self.generated(src)
        item = generated.item if generated else None
        out = dict(meta)
        out["ks_alternates"] = [{"title": a.title, "type": a.type, "href": a.href}
                                for a in alternate_links(lib, url, item)]
        if generated is not None:
            if generated.styles:
                out["ks_styles"] = [relative(s, url) for s in generated.styles]
            out["title"] = generated.title
            out["description"] = generated.description
            out["ks_search"] = generated.searchable
            if item is not None:
                out["ks_lang"] = generated.lang
        elif src in lib.pages:
            # The home page is the way in, not a result: its text welcomes, its lists repeat
            # items found on their own pages (docs/search.md).
            out["ks_search"] = src != HOME
            if src == HOME:
                out["ks_styles"] = [relative(HOME_CSS, url)]
        out["ks_head"] = self._head(url, generated, out, heading)
        if item is None:  # an item's own footer asks about the item
            title = str(out.get("title") or Markup(heading or "").striptags()
                        or lib.settings.library_name)
            out["ks_ask"] = self.assembly.renderer.ask_box(lib.settings.language, url, title)
        for key in ("title", "description"):
            if isinstance(out.get(key), str):
                out[key] = str(escape(out[key]))
        return out

    def _head(self, url: str, generated: GeneratedPage | None, meta: Mapping[str, Any],
              heading: str | None) -> str:
        """Link-preview tags and JSON-LD for ``<head>``."""
        lib = self.library
        if generated is not None and generated.item is not None:
            item = generated.item
            image = PreviewImage(preview_path(item), PREVIEW_WIDTH, PREVIEW_HEIGHT, 0)
            return render_head(page_meta(lib, item, image), engine_head=True)
        # Without a front-matter title, the heading is as written ("&lt;b&gt; &amp; c"):
        # link previews want its text, escaped once by render_head.
        title = str(meta.get("title") or Markup(heading or "").striptags()
                    or lib.settings.library_name)
        description = str(meta.get("description") or lib.settings.library_name)
        robots = "noindex" if url in UNLISTED else None
        image = PreviewImage(SITE_PREVIEW_PATH, PREVIEW_WIDTH, PREVIEW_HEIGHT, 0)
        return render_head(listing_meta(lib, url, title, description, image=image,
                                        robots=robots), engine_head=True)

    # -- the three moments -----------------------------------------------------------------
    def markdown(self, src: str, markdown: str) -> str:
        """What the engine converts for the page ``src``."""
        if src in self.library.pages:
            markdown = self._follow_items(src, markdown)
            if src == about_page(self.library.settings.analytics, self.library.pages):
                statement = counted_statement(self.library.settings,
                                              self.library.settings.language)
                markdown = f"{markdown.rstrip()}\n\n{statement}"
        if src == HOME:
            top, end = self.home_sections()
            heading, text = split_heading(markdown)
            return (f"{heading}\n\n{GENERATED}\n\n{top}\n\n{GENERATED_END}\n\n"
                    f"{text.strip(chr(10))}\n\n{GENERATED}\n\n{end}")
        generated = self.generated(src)
        if generated is not None:
            if FOLLOW in markdown:
                markdown = markdown.replace(FOLLOW, self._follow(src), 1)
            markdown, self._lifted[src] = lift(markdown)
        return markdown

    def _follow(self, src: str) -> str:
        """"Follow this topic" for the page ``src`` of a type, topic or author listing."""
        lib = self.library
        url = page_url(src)
        scope = listing_scope(lib, url)
        if scope is None:
            return ""
        spec = feed_spec(lib, *scope)
        return self.assembly.renderer.render(
            "partials/follow.md.j2", lib.settings.language, url, spec=spec,
            feed=lib.settings.site_url + spec.rss_path)

    def _follow_items(self, src: str, markdown: str) -> str:
        """A librarian's own page links to items by their files: point each at the item's
        page (its address follows ``slug``), also when the file was renamed or moved since
        (check warns about those)."""
        lib = self.library
        pages = {i.src: i.page_src for i in lib.all_items}
        edits = []
        for found in scan_body(markdown, lib.settings.markdown_extensions).links:
            local = local_target(found.target)
            if found.kind == "html" or found.start < 0 or local is None or not local[0]:
                continue
            target = resolve_path(local[0], src, lib.files)
            if target not in lib.files:
                moved = follow_move(markdown, src, found, local[0], lib.moved)
                if moved is None:
                    continue
                target = moved[0]
            elif target not in pages or pages[target] == target:
                continue
            page = pages.get(target, target)
            edits.append((found.start, found.end, written_now(
                posixpath.relpath(page, posixpath.dirname(src)),
                markdown[found.start:found.end])))
        for start, end, new in sorted(edits, reverse=True):
            markdown = markdown[:start] + new + markdown[end:]
        return markdown

    def article(self, src: str, html: str) -> str:
        """The page's content as the engine converted it."""
        for slot, part in self._lifted.pop(src, []):
            html = html.replace(slot, part, 1)
        generated = self.generated(src)
        if generated is not None and generated.item is not None:
            # The body policy (docs/escaping.md): what librarians wrote — the body and a
            # transcript — goes through the sanitiser; the generated parts do not.
            html = sanitize_marked(html, BODY_START, BODY_END)
            html = sanitize_marked(html, TRANSCRIPT_START, TRANSCRIPT_END)
            # Rendered once, reused by the feeds: the article's own text, between the markers
            # the item templates put around the body.
            self.articles[generated.item.src] = body_of(html)
            transcript = transcript_of(html)
            if transcript:
                self.transcripts[generated.item.src] = transcript
        elif generated is None and src in self.library.pages:
            html = sanitize_own_parts(html)
        return html

    def document(self, html: str, *, lang: str | None = None, site_lang: str | None = None,
                 article: str = "") -> str:
        """A whole HTML file. ``lang``: the page's language when the theme wrote the site's
        (``site_lang``); ``article``: the page's content, whose scripts the policy never
        allows."""
        if lang and lang != site_lang:
            html = _HTML_LANG.sub(f'<html lang="{lang}"', html, count=1)
        settings = self.library.settings
        return finished(with_counter(html, settings), article, settings.image_hosts,
                        settings.media_hosts, counter_origin(settings))


    def file(self, src: str | None, html: str, *, lang: str | None = None,
             site_lang: str | None = None) -> str:
        """A whole HTML file an engine wrote from a page whose Markdown was wrapped by
        ``wrap``: its content finished as ``article`` (the markers taken out), then the file
        as ``document``. ``src``: the page's source (None: a theme page such as 404.html)."""
        start, end = html.find(ARTICLE_START), html.rfind(ARTICLE_END)
        if src is None or start == -1 or end == -1:
            return self.document(html, lang=lang, site_lang=site_lang)
        content = self.article(src, html[start + len(ARTICLE_START):end])
        html = html[:start] + content + html[end + len(ARTICLE_END):]
        return self.document(html, lang=lang, site_lang=site_lang, article=content)


def wrap(markdown: str) -> str:
    """A page's Markdown between the article markers (see ``Finisher.file``)."""
    return f"{ARTICLE_START}\n\n{markdown.strip(chr(10))}\n\n{ARTICLE_END}\n"


def finished(html: str, article: str = "", image_hosts: tuple[str, ...] = (),
             media_hosts: tuple[str, ...] = (), counter: str = "") -> str:
    """Every HTML file's last pass: the Content-Security-Policy, and no control character —
    HTML forbids them; check warns where librarians wrote them, and none reaches a page by
    another way (an ordinary page's title, a heading that becomes one, the navigation)."""
    return with_policy(CONTROL_CHARACTERS.sub("", html),
                       CONTROL_CHARACTERS.sub("", article), image_hosts, media_hosts, counter)


def page_url(src: str) -> str:
    """The address of the generated page ``src``: topics/x/index.md -> topics/x/,
    topics/x/page/2.md -> topics/x/page/2/, search.md -> search/."""
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


_HEADING = re.compile(r"\A\s*(?:#[ \t][^\n]*|[^\n]+\n=+[ \t]*)(?:\n|\Z)")


def split_heading(markdown: str) -> tuple[str, str]:
    """The page's first-level heading when it opens the page, and the rest: the home page's
    first screen goes right under its heading."""
    found = _HEADING.match(markdown)
    if found is None:
        return "", markdown
    return found.group(0).strip("\n"), markdown[found.end():]


def sanitize_own_parts(html: str) -> str:
    """The body policy for a librarians' page with generated parts: what they wrote goes
    through the sanitiser, the parts between GENERATED and GENERATED_END (or the end) do not."""
    out: list[str] = []
    while True:
        own, marker, rest = html.partition(GENERATED)
        out.append(sanitize_html(own))
        if not marker:
            return "".join(out)
        ours, end, html = rest.partition(GENERATED_END)
        out.append(marker + ours + end)
        if not end:
            return "".join(out)


def lift(markdown: str) -> tuple[str, list[tuple[str, str]]]:
    """A generated page's header and footer are HTML the templates wrote: hand Markdown a
    one-line placeholder instead, and put the HTML back after (``Finisher.article``).
    Python-Markdown reads raw HTML twice with html.parser (md_in_html, and mkdocs' anchor
    finder): for a 13 KB page around a 4 KB body that was most of the conversion. A part
    that asks for Markdown inside (``markdown="1"``) stays."""
    start, end = markdown.find(BODY_START), markdown.rfind(BODY_END)
    if start == -1 or end == -1:  # a listing: lifted whole when it is HTML line by line
        if not all(line.startswith("<") for line in markdown.splitlines() if line.strip()):
            return markdown, []
        regions = [(markdown, False)]
    else:
        end += len(BODY_END)
        regions = [(markdown[:start], False), (markdown[start:end], True),
                   (markdown[end:], False)]
    key = hashlib.sha256(markdown.encode("utf-8")).hexdigest()[:16]
    parts: list[tuple[str, str]] = []  # (placeholder, the HTML it stands for)
    out = []
    for region, body in regions:
        if body or not region.strip() or 'markdown="' in region:
            out.append(region)
            continue
        slot = _SLOT.format(key=key, n=len(parts))
        out.append("\n\n" + slot + "\n\n")
        parts.append((slot, region.strip("\n")))
    return "".join(out), parts


def transcript_of(html: str) -> str | None:
    """A video page's transcript as the engine rendered it (between the transcript markers),
    or None when the page has none."""
    start = html.find(TRANSCRIPT_START)
    end = html.rfind(TRANSCRIPT_END)
    if start == -1 or end == -1 or end < start:
        return None
    return html[start + len(TRANSCRIPT_START):end].strip() or None


def body_of(html: str) -> str:
    """An item page's article: what lies between the body markers."""
    start = html.find(BODY_START)
    end = html.rfind(BODY_END)
    if start == -1 or end == -1:
        return html
    return html[start + len(BODY_START):end].strip()

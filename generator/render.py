"""Render: the library -> Markdown pages for the engine (item pages and listings).

One Jinja environment with autoescape on and StrictUndefined. The pages are
Markdown with HTML blocks, so the same files serve mkdocs, ProperDocs, and
``export`` for any other mkdocs-compatible engine.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import Any
from urllib.parse import quote, urlsplit

from babel.dates import format_date
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .collect import Library
from .licenses import license_url
from .links import local_target, relative, rewrite_links
from .models import Item, Kind, ReviewDetails, TutorialDetails, VideoDetails
from .strings import make_translator
from .validate import resolve_path


@dataclass(frozen=True)
class GeneratedPage:
    src: str  # path relative to docs_dir, e.g. tutorials/x.md
    markdown: str
    title: str
    description: str
    lang: str
    item: Item | None = None

    @property
    def url(self) -> str:
        from .collect import page_url

        return page_url(self.src)


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["urlquote"] = lambda s: quote(str(s), safe="")
    return env


class Renderer:
    def __init__(self, library: Library) -> None:
        self.library = library
        self.settings = library.settings
        self.env = environment()
        self.files = frozenset(i.src for i in library.all_items)

    @cached_property
    def _page_of_src(self) -> dict[str, str]:
        """Item source file -> its generated page, for rewriting links between items."""
        return {i.src: i.page_src for i in self.library.all_items}

    def pages(self) -> list[GeneratedPage]:
        out = [self.item_page(item) for item in self.library.items]
        out += self.listing_pages()
        return out

    # -- helpers shared by templates ---------------------------------------------------
    def _common(self, lang: str, page_url: str) -> dict[str, Any]:
        base = lang.split("-")[0]
        tz = self.settings.tz

        def fmt_date(moment: datetime) -> str:
            return format_date(moment.astimezone(tz).date(), format="long",
                               locale=base if base in ("id", "en") else "en")

        def url(target: str) -> str:
            return relative(target, page_url)

        return {
            "t": make_translator(lang),
            "fmt_date": fmt_date,
            "url": url,
            "library": self.library,
            "settings": self.settings,
            "lang": lang,
        }

    def item_page(self, item: Item) -> GeneratedPage:
        ctx = self._common(item.lang, item.url)
        body = self._rewrite_body(item)
        details = item.details
        extra: dict[str, Any] = {}
        if isinstance(details, ReviewDetails) and details.book.isbn13 and self.settings.catalog_url:
            extra["catalog_link"] = self.settings.catalog_url.replace(
                "{isbn}", quote(details.book.isbn13))
        if isinstance(details, VideoDetails) and details.transcript:
            extra["transcript"] = Markup(details.transcript)
        video = details.video if isinstance(details, TutorialDetails | VideoDetails) else None
        template = self.env.get_template(f"item/{item.kind.value}.md.j2")
        markdown = template.render(
            item=item,
            details=details,
            body=Markup(body),
            authors=[self.library.authors[a] for a in item.authors],
            topics=[self.library.topics[t] for t in item.topics],
            license_link=license_url(item.license),
            unpublished=self.library.is_unpublished(item),
            video=video,
            video_host=_host(video.source.url) if video else "",
            **extra,
            **ctx,
        )
        return GeneratedPage(item.page_src, markdown, item.title, item.summary, item.lang, item)

    def _rewrite_body(self, item: Item) -> str:
        """Links to another item's source file point at that item's generated page."""
        def rewrite(target: str) -> str | None:
            local = local_target(target)
            if local is None:
                return None
            resolved = resolve_path(local[0], item.src, self.files)
            page = self._page_of_src.get(resolved or "")
            if page is None or page == resolved:
                return None
            new = posixpath.relpath(page, posixpath.dirname(item.src))
            return new + (f"#{local[1]}" if local[1] else "")

        return rewrite_links(item.body, rewrite)

    def listing_pages(self) -> list[GeneratedPage]:
        lib = self.library
        lang = self.settings.language
        out = []
        for kind in Kind:
            src = f"{kind.folder}/index.md"
            ctx = self._common(lang, f"{kind.folder}/")
            t = ctx["t"]
            md = self.env.get_template("listing/kind.md.j2").render(
                kind=kind, items=lib.by_kind(kind), **ctx)
            out.append(GeneratedPage(src, md, t(f"kinds.{kind.value}"),
                                     t(f"kinds.intro.{kind.value}"), lang))
        ctx = self._common(lang, "topics/")
        counts = {tid: 0 for tid in lib.topics}
        for item in lib.items:
            for tid in item.topics:
                counts[tid] += 1
        md = self.env.get_template("listing/topics.md.j2").render(
            topics=sorted(lib.topics.values(), key=lambda tp: tp.name.lower()), counts=counts,
            **ctx)
        out.append(GeneratedPage("topics/index.md", md, ctx["t"]("topics"),
                                 ctx["t"]("topics.intro"), lang))
        by_topic: dict[str, list[Item]] = {tid: [] for tid in lib.topics}
        for item in lib.items:
            for tid in item.topics:
                by_topic[tid].append(item)
        for tid, topic in sorted(lib.topics.items()):
            ctx = self._common(lang, f"topics/{tid}/")
            md = self.env.get_template("listing/topic.md.j2").render(
                topic=topic, items=by_topic[tid], **ctx)
            out.append(GeneratedPage(f"topics/{tid}.md", md, topic.name, topic.description,
                                     lang))
        return out


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").removeprefix("www.").removeprefix("m.")
    return {"youtu.be": "YouTube", "youtube.com": "YouTube", "vimeo.com": "Vimeo"}.get(host, host)

"""Item pages: one item -> one Markdown page for the engine (and a retired item's note).

The pages are Markdown with HTML blocks, written by the templates in ``templates/item``;
``Renderer`` also holds what listings and other pages share (words, dates, relative links).
"""

from __future__ import annotations

import math
import posixpath
import re
from collections.abc import Callable, Mapping
from datetime import datetime
from functools import cached_property
from typing import Any
from urllib.parse import quote, urlsplit

from babel.dates import format_date
from markupsafe import Markup

from ..content.embeds import embed_bare_urls
from ..content.markdown_scan import FOOTNOTES_HERE
from ..content.models import Item, Link, ReviewDetails, VideoDetails
from ..library.crossfile import old_addresses
from ..library.library import Library
from ..library.relations import Indexes, build_indexes, tag_slug
from ..pictures.thumbnails import Thumbnail
from ..values.licenses import license_url
from ..values.links import page_url, relative
from ..words.translate import format_moment, translator, words_language
from . import citation
from .environment import environment
from .pages import GeneratedPage
from .share_buttons import render_share_buttons
from .video_player import bare_url_renderer, player_for, split_transcript, transcript_for

# Stylesheets a page adds to the site's own when it needs them (player, share buttons).
SOCIAL_CSS, VIDEO_CSS = "assets/social.css", "assets/video.css"
ITEM_CSS = "assets/item.css"  # item pages and retired items' notes
WORDS_PER_MINUTE = 200  # a common figure for reading on screens, Indonesian and English alike
_WORD = re.compile(r"\w+", re.UNICODE)
_MARKUP = re.compile(r"<[^>]+>|!?\[|\]\([^)]*\)|[#*_`>|~-]+")


def catalog_link(catalog_url: str | None, isbn13: str | None) -> str | None:
    """The library catalogue's page for a book (``catalog_url`` with ``{isbn}`` filled), or
    None without a catalogue or an ISBN-13. Pages and feeds link the same address."""
    if not catalog_url or not isbn13:
        return None
    return catalog_url.replace("{isbn}", quote(isbn13))


def reading_minutes(markdown: str) -> int:
    words = len(_WORD.findall(_MARKUP.sub(" ", markdown)))
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


class Renderer:
    def __init__(self, library: Library, thumbs: Mapping[str, Thumbnail] | None = None,
                 memo: dict[str, tuple[Any, GeneratedPage]] | None = None,
                 html_links: str = "page") -> None:
        self.library = library
        # How the engine reads a relative address in raw HTML: "page" (mkdocs leaves raw HTML
        # alone, so it must be relative to the page's address) or "source" (Zensical reads it
        # relative to the Markdown file and makes it relative to the page itself).
        self.html_links = html_links
        self.settings = library.settings
        self.env = environment()
        self.thumbs = dict(thumbs or {})
        self.files = frozenset(i.src for i in library.all_items)
        # serve keeps the item pages of its previous build: item.src -> (inputs, page)
        self.memo = memo

    @cached_property
    def _site_inputs(self) -> int:
        """What every item page depends on besides its item: settings, authors, topics,
        where each item's page is (links between items), the thumbnails."""
        lib = self.library
        return hash((repr(self.settings), tuple(sorted(lib.authors.items())),
                     tuple(sorted(lib.topics.items())), frozenset(self._page_of_src.items()),
                     frozenset(self._page_of_old_url.items()),
                     frozenset(self.thumbs.items())))

    @cached_property
    def indexes(self) -> Indexes:
        tz = self.settings.tz
        years = {i.src: i.date.astimezone(tz).year for i in self.library.items}
        return build_indexes(self.library.items, years)

    @cached_property
    def _every_file(self) -> frozenset[str]:
        return self.library.files | self.files

    @cached_property
    def _page_of_url(self) -> dict[str, str]:
        """An item's address -> its generated page (a link may name the address)."""
        return {i.url: i.page_src for i in self.library.all_items}

    @cached_property
    def _page_of_old_url(self) -> dict[str, str]:
        """An address an item had before, or an alias -> its page now (check warns)."""
        old = old_addresses(self.library.history, self.library.all_items)
        return {url: item.page_src for url, item in old.items()}

    @cached_property
    def _page_of_src(self) -> dict[str, str]:
        """Item source file -> its generated page, for rewriting links between items."""
        return {i.src: i.page_src for i in self.library.all_items}

    # -- helpers shared by templates ---------------------------------------------------
    def common(self, lang: str, here: str) -> dict[str, Any]:
        """What every template gets: words in ``lang``, dates, links relative to ``here``."""
        tz = self.settings.tz
        locale = words_language(lang)

        def fmt_date(moment: datetime) -> str:
            return format_date(moment.astimezone(tz).date(), format="long", locale=locale)

        def url(target: str) -> str:
            return relative(target, here)

        return {
            "t": translator(lang),
            "fmt_date": fmt_date,
            "fmt_moment": lambda moment: format_moment(moment, tz, lang),
            "url": url,
            "thumb": self.thumb,
            "library": self.library,
            "settings": self.settings,
            "lang": lang,
            "tag_slug": tag_slug,
            "absolute": self.absolute,
        }

    def absolute(self, path: str) -> str:
        return self.settings.site_url + path

    @property
    def ask(self) -> dict[str, str]:
        """The ask_librarian settings as the templates print them (wa.me wants digits)."""
        ask = dict(self.settings.ask_librarian)
        if "whatsapp" in ask:
            ask["whatsapp"] = _digits(ask["whatsapp"])
        return ask

    def ask_box(self, lang: str, here: str, title: str) -> str:
        """Ask a librarian, for a page that is not an item (the theme prints it after the
        content); empty when no way to ask is set."""
        t = translator(lang)
        # The e-mail names the page in its subject; no body (every byte counts on listings).
        return self.render("partials/ask.html", lang, here, ask=self.ask, ask_id="ks-ask-page",
                           ask_text=t("ask.text.page"), ask_subject=title, ask_body=False,
                           ask_message=t("ask.message.page", title=title,
                                         url=self.absolute(here))).strip()

    def thumb(self, item: Item) -> Thumbnail | None:
        return self.thumbs.get(item.image) if item.image else None

    def item_page(self, item: Item) -> GeneratedPage:
        if self.memo is None:
            return self._item_page(item)
        idx = self.indexes
        inputs = (item, tuple(idx.related.get(item.src, ())),
                  tuple(idx.translations.get(item.src, ())), self.library.is_unpublished(item),
                  self._site_inputs)
        kept = self.memo.get(item.src)
        if kept is not None and kept[0] == inputs:
            return kept[1]
        page = self._item_page(item)
        self.memo[item.src] = (inputs, page)
        return page

    def _item_page(self, item: Item) -> GeneratedPage:
        ctx = self.common(item.lang, item.url)
        details = item.details
        idx = self.indexes
        extra: dict[str, Any] = {}
        if isinstance(details, ReviewDetails):
            link = catalog_link(self.settings.catalog_url, details.book.isbn13)
            if link:
                extra["catalog_link"] = link
        body = self._rewrite_body(item)
        if item.footnotes:  # the notes end the body (so the feeds carry them too)
            body = body.rstrip("\n") + "\n\n" + FOOTNOTES_HERE + "\n"
        transcript = None
        if isinstance(details, VideoDetails):
            section = None
            if details.transcript_in_body:
                body, section = split_transcript(body)
            transcript = transcript_for(details.transcript or section, item.lang)
        body = embed_bare_urls(body, bare_url_renderer(self.env, item.lang, ctx["url"]))
        needs_player = details.video is not None or 'class="ks-player' in body
        video = details.video
        # A video page's own picture is the player's poster; a tutorial's video gets the
        # drawn placeholder, since the cover already stands at the top of the page.
        poster = item.image if isinstance(details, VideoDetails) else None
        player = (player_for(video, lang=item.lang, title=item.title, image=poster)
                  if video else None)
        authors = [self.library.authors[a] for a in item.authors]
        absolute_url = self.absolute(item.url)
        template = self.env.get_template(f"item/{item.kind.value}.md.j2")
        markdown = template.render(
            item=item,
            details=details,
            body=Markup(body),
            player=player,
            transcript_block=transcript,
            authors=authors,
            topics=[self.library.topics[t] for t in item.topics],
            license_link=license_url(item.license),
            unpublished=self.library.is_unpublished(item),
            video=video,
            video_host=_host(video.source.url) if video else "",
            reading_minutes=reading_minutes(item.body + (details.transcript or "" if
                                                         isinstance(details, VideoDetails)
                                                         else "")),
            related=idx.related.get(item.src, []),
            translations=idx.translations.get(item.src, []),
            page_url_abs=absolute_url,
            cite_apa=citation.apa(authors, item.title, item.date.astimezone(self.settings.tz),
                                  self.settings.library_name, absolute_url),
            cite_bibtex=citation.bibtex(f"{item.slug}-{item.date.year}", authors, item.title,
                                        item.date.astimezone(self.settings.tz),
                                        self.settings.library_name, absolute_url, item.lang),
            ask=self.ask,
            share_buttons=render_share_buttons(self.library, item),
            # Scripts load only where they work: the player's on pages with a player.
            needs_player=needs_player,
            **extra,
            **ctx,
        )
        styles = (ITEM_CSS, SOCIAL_CSS, VIDEO_CSS) if needs_player else (ITEM_CSS, SOCIAL_CSS)
        return GeneratedPage(item.page_src, markdown, item.title, item.summary, item.lang, item,
                             searchable=True, styles=styles)

    def retired_page(self, item: Item) -> GeneratedPage:
        """A retired item keeps its address with a short note and links onwards."""
        markdown = self.render("pages/retired.md.j2", item.lang, item.url, item=item,
                               topics=[self.library.topics[t] for t in item.topics
                                       if t in self.library.topics])
        return GeneratedPage(item.page_src, markdown, item.title, item.summary, item.lang,
                             styles=(ITEM_CSS,))

    def _rewrite_body(self, item: Item) -> str:
        """Every link check accepted, rewritten where the parse found it (item.links: exact
        spans of the body), so the page links where check said it would:

        - written in Markdown, to another item (its file, or its address): that item's
          generated page, as a ``.md`` path from this file (every engine turns those into
          the page's address and checks them); to any other file: its path from this file
          (a path written from site_src/ or from the site's root works on a sub-path too);
          to an address the site makes (``/reviews/``): as raw HTML below;
        - written as raw HTML (``<a href>``, ``<img src>``): mkdocs leaves raw HTML alone,
          so the address is made relative to the page (one folder deeper than its file);
          an engine that reads raw HTML itself (Zensical) gets it relative to the file.
        """
        edits: list[tuple[int, int, str]] = []
        for link in item.links:
            if link.start < 0:
                continue
            new = self._new_target(item, link)
            if new is not None:
                edits.append((link.start, link.end, new))
        if self.html_links == "source":  # Zensical would take jav&#x61;script: for a file
            edits += [(start, end, safe) for start, end, safe in item.disguised]
        edits += item.untracked
        body = item.body
        for start, end, new in sorted(edits, reverse=True):
            body = body[:start] + new + body[end:]
        return body

    def _new_target(self, item: Item, link: Link) -> str | None:
        if link.target == "..":
            return None  # leaves site_src/: check reported it
        fragment = f"#{quote(link.fragment, safe='/:@!$&()*+,;=-._~')}" if link.fragment else ""
        here = posixpath.dirname(item.src)
        by_page = link.kind == "html" and self.html_links == "page"
        address = link.target.rstrip("/") + "/"
        page = (self._page_of_src.get(link.target) or self._page_of_url.get(address)
                or (None if link.target in self._every_file
                    else self._page_of_old_url.get(address)))
        if page is not None:  # another item, named by its file or by its address
            if by_page:
                return quote(relative(page_url(page), item.url)) + fragment
            return quote(posixpath.relpath(page, here)) + fragment
        if link.target in self._every_file:  # a picture, a document, a librarian's page
            if by_page:
                url = page_url(link.target) if link.target.endswith(".md") else link.target
                return quote(relative(url, item.url)) + fragment
            return quote(posixpath.relpath(link.target, here)) + fragment
        # An address the site makes (a listing, the search page, a feed): the engine reads it
        # from the page (mkdocs) or from the file (Zensical).
        url = link.target if "." in posixpath.basename(link.target) else (
            link.target.rstrip("/") + "/")
        base = item.url if self.html_links == "page" else here + "/"
        return quote(relative(url, base)) + fragment

    def render(self, template: str, lang: str, here: str, **context: Any) -> str:
        return self.env.get_template(template).render(**self.common(lang, here), **context)


def _digits(phone: str) -> str:
    """wa.me wants the number in international form with digits only: +62 812-… -> 62812…"""
    return "".join(ch for ch in phone if ch.isdigit())


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").removeprefix("www.").removeprefix("m.")
    return {"youtu.be": "YouTube", "youtube.com": "YouTube", "vimeo.com": "Vimeo"}.get(host, host)


Translator = Callable[..., str]

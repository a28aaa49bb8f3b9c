"""What an entry's content shows: the whole item, in the order of its page.

A tutorial's facts (level, duration, objectives, prerequisites), a review's book box (with
the cover and the rating in words), a video as a plain link with its poster (never a player
or an iframe), its duration, its transcript and its captions file, then the article. The
blocks are made here from the item's data and placed by ``templates/feeds/entry.html.j2``
in the item's language, every address absolute; the article and the transcript are the HTML
the engine rendered, cleaned by ``entries.absolute_html``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import lxml.html
from jinja2 import Environment
from lxml import etree
from markupsafe import Markup

from ..content.embeds import host_name
from ..content.models import Item, ReviewDetails, TutorialDetails, Video, VideoDetails
from ..content.settings import Settings
from ..render.items import catalog_link
from ..render.video_player import MIME_TYPES, language_name
from ..words.translate import translator
from .entries import Attachment, absolute_html, clean_text

TRANSCRIPT_ANCHOR = "ks-transcript"  # the transcript's id on the item's page


@dataclass(frozen=True)
class VideoBlock:
    watch: str  # absolute: the video's page on its host, or the file itself
    label: str  # "Tonton video “<title>” di YouTube"
    poster: str | None  # absolute
    duration: str | None  # as written ("4:35")
    captions: str | None  # absolute address of the .vtt file
    captions_label: str


@dataclass(frozen=True)
class BookBlock:
    title: str
    authors: str
    isbn13: str | None
    publisher: str | None
    year: int | None
    pages: int | None
    call_number: str | None
    rating: int
    cover: str | None  # absolute
    cover_alt: str
    catalog: str | None  # absolute: the catalogue's page for the book


@dataclass(frozen=True)
class TutorialBlock:
    level: str
    duration: int | None  # minutes
    objectives: tuple[str, ...]
    prerequisites: tuple[str, ...]


def attachment_of(item: Item, settings: Settings, site_dir: Path) -> Attachment | None:
    """The item's own video when it is a file of the site the built site holds (its size is
    the published file's, so run it after the engine has copied the site's files)."""
    video = item.details.video
    if video is None or video.source.provider != "file":
        return None
    rel = video.source.video_id
    media_type = MIME_TYPES.get(Path(rel).suffix.lower())
    path = site_dir / rel
    if media_type is None or not path.is_file():
        return None
    return Attachment(settings.site_url + rel, path.stat().st_size, media_type, video.duration)


def video_block(item: Item, video: Video, settings: Settings) -> VideoBlock:
    t = translator(item.lang)
    site = settings.site_url
    source = video.source
    host = host_name(source)
    title = clean_text(item.title)
    watch = site + source.video_id if source.provider == "file" else source.url
    label = (t("feeds.video.watch", title=title, host=host) if host
             else t("feeds.video.play", title=title))
    # The page's poster: a video page shows its own picture when the video has none; a
    # tutorial's video shows a drawn placeholder (its cover is already at the top).
    poster = video.poster or (item.image if isinstance(item.details, VideoDetails) else None)
    return VideoBlock(
        watch=watch, label=label, poster=site + poster if poster else None,
        duration=video.duration_text,
        captions=site + video.captions if video.captions else None,
        captions_label=t("feeds.captions", language=language_name(item.lang)),
    )


def book_block(item: Item, details: ReviewDetails, settings: Settings) -> BookBlock:
    book = details.book
    site = settings.site_url
    return BookBlock(
        title=book.title, authors=", ".join(book.authors), isbn13=book.isbn13,
        publisher=book.publisher, year=book.year, pages=book.pages,
        call_number=book.call_number, rating=details.rating,
        cover=site + book.cover if book.cover else None, cover_alt=book.cover_alt or "",
        catalog=catalog_link(settings.catalog_url, book.isbn13),
    )


def entry_content(item: Item, settings: Settings, env: Environment, *, article: str | None,
                  transcript: str | None) -> str:
    """The entry's HTML: the item's blocks, then its article, within
    ``feed_content_limit`` characters.

    ``article``/``transcript``: the HTML the engine rendered (relative links from the item's
    page), or None. An article longer than the limit is replaced by the summary and a link;
    a transcript that does not fit in what is left is cut after its first parts, followed
    by a link to the whole transcript on the page.
    """
    t = translator(settings.language)
    limit = settings.feed_content_limit
    page = settings.site_url + item.url
    body = absolute_html(article, page, t("feeds.embedded")) if article is not None else None
    if body is None or len(body) > limit:  # too long (or not rendered): summary and a link
        body = env.get_template("feeds/entry_summary.html.j2").render(
            summary=clean_text(item.summary), href=page,
            more=t("feeds.read_more", site=clean_text(settings.site_name))).strip()
    spoken = (absolute_html(transcript, page, t("feeds.embedded"))
              if transcript is not None else None)
    html = _render(item, settings, env, body, spoken, cut=False)
    if spoken is not None and len(html) > limit:
        room = limit - len(_render(item, settings, env, body, "", cut=True))
        html = _render(item, settings, env, body, first_part(spoken, room), cut=True)
    return html


def _render(item: Item, settings: Settings, env: Environment, body: str,
            transcript: str | None, *, cut: bool) -> str:
    details = item.details
    site = settings.site_url
    tutorial = book = None
    if isinstance(details, TutorialDetails):
        tutorial = TutorialBlock(details.level, details.duration, details.objectives,
                                 details.prerequisites)
    elif isinstance(details, ReviewDetails):
        book = book_block(item, details, settings)
    video = video_block(item, details.video, settings) if details.video else None
    # The page's cover at the top: a review shows its book's cover in the book box instead,
    # a video's picture is its poster.
    cover = None
    if item.image and not isinstance(details, VideoDetails) and not (book and book.cover):
        cover = site + item.image
    page = site + item.url
    text = env.get_template("feeds/entry.html.j2").render(
        t=translator(item.lang), cover=cover, cover_alt=item.image_alt or "",
        tutorial=tutorial, book=book, video=video,
        transcript=Markup(transcript) if transcript is not None else None,
        transcript_more=page + "#" + TRANSCRIPT_ANCHOR if cut else None,
        site_name=clean_text(settings.site_name), body=Markup(body))
    return clean_text(text.strip())


def first_part(html: str, room: int) -> str:
    """The first elements of ``html`` (one ``<div>``) that fit in ``room`` characters; when
    not even the first fits, the start of its text, cut at a space."""
    root = lxml.html.fragment_fromstring(html)  # absolute_html's one <div>
    kept = lxml.html.Element("div")
    used = len("<div></div>")
    for child in list(root):
        if isinstance(child, etree._Comment):
            continue
        piece = str(lxml.html.tostring(child, encoding="unicode", method="html",
                                       with_tail=False))
        if used + len(piece) > room:
            break
        child.tail = None
        kept.append(child)
        used += len(piece)
    if len(kept) == 0:
        words = root.text_content().strip()
        cut = words[:max(room - 20, 0)].rsplit(" ", 1)[0] if len(words) > room - 20 else words
        if cut:
            para = etree.SubElement(kept, "p")
            para.text = cut + " …"
    return str(lxml.html.tostring(kept, encoding="unicode", method="html"))

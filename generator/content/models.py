"""The typed content model: what a validated file means. Frozen, so no stage edits another's."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Kind(StrEnum):
    TUTORIAL = "tutorial"
    REVIEW = "review"
    VIDEO = "video"

    @property
    def folder(self) -> str:
        """The folder under site_src/ and the first segment of every address of this kind."""
        return {"tutorial": "tutorials", "review": "reviews", "video": "videos"}[self.value]


KIND_BY_FOLDER = {k.folder: k for k in Kind}


@dataclass(frozen=True)
class Author:
    id: str
    name: str
    role: str
    avatar: str | None = None  # path relative to docs_dir
    url: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    description: str


@dataclass(frozen=True)
class VideoSource:
    """A video recognised from its URL alone (no network at build time)."""

    provider: str  # "youtube" | "vimeo" | "file" (of the site) | "web-file" (on another host)
    url: str  # as written (for links and feeds)
    video_id: str  # YouTube/Vimeo id, or the file's path relative to docs_dir
    start: int = 0  # seconds
    vimeo_hash: str = ""  # unlisted Vimeo videos carry a privacy hash


@dataclass(frozen=True)
class Video:
    source: VideoSource
    duration: int | None = None  # seconds
    duration_text: str | None = None  # as written, e.g. "4:35"
    captions: str | None = None  # .vtt path relative to docs_dir
    poster: str | None = None  # image path relative to docs_dir


@dataclass(frozen=True)
class TutorialDetails:
    level: str
    duration: int | None = None  # minutes
    objectives: tuple[str, ...] = ()
    prerequisites: tuple[str, ...] = ()
    video: Video | None = None

    @property
    def picture(self) -> str | None:
        """The type's own picture (behind the preview, in feeds): the video's poster."""
        return self.video.poster if self.video else None


@dataclass(frozen=True)
class Book:
    title: str
    authors: tuple[str, ...]
    isbn13: str | None = None
    isbn_written: str | None = None
    publisher: str | None = None
    year: int | None = None
    pages: int | None = None
    cover: str | None = None  # path relative to docs_dir
    cover_alt: str | None = None
    call_number: str | None = None


@dataclass(frozen=True)
class ReviewDetails:
    book: Book
    rating: int

    @property
    def video(self) -> Video | None:
        return None

    @property
    def picture(self) -> str | None:
        return self.book.cover


@dataclass(frozen=True)
class VideoDetails:
    video: Video
    transcript: str | None = None  # Markdown text of a transcript file
    transcript_path: str | None = None  # that file, relative to docs_dir
    transcript_in_body: bool = False  # a "Transcript"/"Transkrip" section in the body

    @property
    def picture(self) -> str | None:
        return self.video.poster


# Every type's details answer ``video`` (or None) and ``picture`` (or None), so the stages
# that only need those never ask which type an item is.
Details = TutorialDetails | ReviewDetails | VideoDetails


@dataclass(frozen=True)
class Link:
    """A link in an item's body to another file of the site, as written."""

    target: str  # path relative to docs_dir, resolved
    fragment: str
    line: int  # file line
    written: str = ""  # the target as the librarian wrote it (for messages)
    # Where the target stands in the body (offsets; -1: not known, not rewritten), and how it
    # is written: "link" or "image" (Markdown), "html" (an attribute of raw HTML).
    start: int = -1
    end: int = -1
    kind: str = "link"


@dataclass(frozen=True)
class Item:
    kind: Kind
    path: str  # relative to the site repository root, e.g. site_src/tutorials/x.md
    src: str  # relative to docs_dir, e.g. tutorials/x.md
    slug: str
    title: str
    summary: str
    date: datetime  # aware
    authors: tuple[str, ...]
    topics: tuple[str, ...]
    lang: str
    license: str
    body: str
    body_line: int
    details: Details
    updated: datetime | None = None
    tags: tuple[str, ...] = ()
    image: str | None = None  # path relative to docs_dir
    image_alt: str | None = None
    draft: bool = False
    aliases: tuple[str, ...] = ()
    review_by: dt.date | None = None
    retired: bool = False
    pin: bool = False
    translation_of: str | None = None
    links: tuple[Link, ...] = field(default=(), compare=False)
    web_links: tuple[tuple[str, int], ...] = field(default=(), compare=False)  # (url, line)
    footnotes: bool = False  # the body has footnotes: they go at its end
    # Raw-HTML addresses written with a disguised scheme (jav&#x61;script:): (start, end, the
    # address as a browser reads it), for an engine that would take them for files.
    disguised: tuple[tuple[int, int, str], ...] = field(default=(), compare=False)
    # Addresses on the web written with tracking parameters: (start, end, the address without
    # them), what the pages and feeds show (values/tracking.py).
    untracked: tuple[tuple[int, int, str], ...] = field(default=(), compare=False)
    # File lines of front-matter keys (and of each alias), for cross-file messages.
    key_lines: tuple[tuple[str, int], ...] = field(default=(), compare=False)
    alias_lines: tuple[int, ...] = field(default=(), compare=False)

    def line_of(self, key: str) -> int:
        return dict(self.key_lines).get(key, 1)

    @property
    def url(self) -> str:
        """Site-relative address with trailing slash: ``tutorials/<slug>/``."""
        return f"{self.kind.folder}/{self.slug}/"

    @property
    def page_src(self) -> str:
        """The generated Markdown page's path relative to docs_dir."""
        return f"{self.kind.folder}/{self.slug}.md"

    def is_published(self, now: datetime) -> bool:
        return not self.draft and self.date <= now

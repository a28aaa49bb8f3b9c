"""What every source format is read into: one frozen ``ImportedPost`` per post, and the
problems met on the way (``Trouble``: a message code and its values, never a traceback)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

FORMATS = ("wxr", "blogger", "feed", "jekyll", "hugo")


@dataclass(frozen=True)
class Person:
    """An author as the source names them: a login (WordPress, Blogger profile) and a name."""

    login: str
    name: str


@dataclass(frozen=True)
class ImportedPost:
    key: str  # stable id in the source: "wxr:123", "blogger:post-456", "jekyll:_posts/x.md"
    title: str
    body: str  # HTML, or Markdown when ``markdown`` is set (Jekyll, Hugo)
    where: str  # how messages name it: the file, or "post 123"
    url: str | None = None  # its old address (absolute), if it had one
    date: datetime | None = None  # aware, or naive = the site's zone
    updated: datetime | None = None
    excerpt: str = ""  # HTML or text
    authors: tuple[Person, ...] = ()
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    draft: bool = False
    slug: str | None = None
    markdown: bool = False
    comments: int = 0  # comments it had (not imported)
    custom_fields: tuple[str, ...] = ()  # names of fields no item field holds
    featured_image: str | None = None  # address of its cover picture
    old_paths: tuple[str, ...] = ()  # more old addresses (Jekyll redirect_from, Hugo aliases)
    lang: str | None = None


@dataclass(frozen=True)
class Trouble:
    """A problem with the source as a whole: unreadable, malformed, unknown format."""

    code: str
    params: tuple[tuple[str, str], ...] = field(default=())

    @staticmethod
    def of(code: str, **params: object) -> Trouble:
        return Trouble(code, tuple(sorted((k, str(v)) for k, v in params.items())))


class SourceError(Exception):
    """Raised by a reader for a source it cannot read at all; carries the ``Trouble``."""

    def __init__(self, trouble: Trouble) -> None:
        self.trouble = trouble
        super().__init__(trouble.code)


@dataclass(frozen=True)
class Source:
    """A source read whole: its posts, its format, the old site's address (for aliases and
    the redirect lists), and notes about the file itself (e.g. it was not UTF-8)."""

    format: str  # wxr | blogger | feed | jekyll | hugo
    posts: tuple[ImportedPost, ...]
    base_url: str | None = None
    notes: tuple[Trouble, ...] = ()
    skipped: int = 0  # entries that are not posts (pages, attachments, settings, templates)
    folder: str | None = None  # the old site's folder (Jekyll, Hugo): its own pictures

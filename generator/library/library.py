"""The library: every validated item, author and topic, and what a build publishes — the one
value every later stage reads."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from ..content.models import Author, Item, Kind, Topic
from ..content.settings import Settings
from .history import History


@dataclass(frozen=True)
class Library:
    """Everything validated, ready to render. ``items`` are the ones this build publishes."""

    settings: Settings
    now: datetime
    authors: dict[str, Author]
    topics: dict[str, Topic]
    items: tuple[Item, ...]  # published (or shown in a preview), newest first
    all_items: tuple[Item, ...]  # every valid item, for address checks and redirects
    pages: frozenset[str]  # ordinary Markdown pages (src paths relative to docs_dir)
    supporting: frozenset[str]  # Markdown files read as part of an item (transcripts)
    preview: bool  # drafts/scheduled items included and marked
    retired: tuple[Item, ...] = ()  # published, then taken down on purpose: a note remains
    history: History | None = None  # what git remembers was published (None: not read)
    files: frozenset[str] = frozenset()  # every file under docs_dir (links in raw HTML)
    # Files renamed or moved since (git): old path -> the path now (library/moves.py).
    moved: Mapping[str, str] = field(default_factory=dict)

    def by_kind(self, kind: Kind) -> list[Item]:
        return [i for i in self.items if i.kind is kind]

    def held_back(self) -> tuple[tuple[Item, ...], tuple[Item, ...]]:
        """(drafts, scheduled items): valid items a build without --drafts/--future leaves out;
        drafts by file, scheduled ones by the moment they go out."""
        drafts = sorted((i for i in self.all_items if i.draft), key=lambda i: i.path)
        later = sorted((i for i in self.all_items if not i.draft and i.date > self.now),
                       key=lambda i: (i.date, i.path))
        return tuple(drafts), tuple(later)

    def is_unpublished(self, item: Item) -> bool:
        return not item.is_published(self.now)


def newest_first(items: Iterable[Item]) -> tuple[Item, ...]:
    """Newest first; ties broken by type and slug so the order never depends on the disk."""
    return tuple(sorted(items, key=lambda i: (-i.date.timestamp(), i.kind.value, i.slug)))

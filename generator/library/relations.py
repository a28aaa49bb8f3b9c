"""Indexes over the published items: by topic, tag, author and year; related items; translations.

Everything is built in one pass over the items (no loop over all items inside a loop
over all items), so listings stay linear in the size of the library.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..content.models import Item
from ..values.slugs import slugify

RELATED_MAX = 4
_CANDIDATES_PER_KEY = 8  # newest few per shared topic/tag: bounded work per item


@dataclass(frozen=True)
class Tag:
    slug: str
    name: str  # the first spelling met (newest item first)


@dataclass(frozen=True)
class Indexes:
    by_topic: dict[str, list[Item]]
    by_tag: dict[str, list[Item]]  # tag slug -> items
    tags: dict[str, Tag]
    by_author: dict[str, list[Item]]
    by_year: dict[int, list[Item]]
    related: dict[str, list[Item]]  # item.src -> related items
    translations: dict[str, list[Item]]  # item.src -> the same text in other languages


def tag_slug(tag: str) -> str:
    return slugify(tag)


def build_indexes(items: tuple[Item, ...], year_of: dict[str, int]) -> Indexes:
    """``items`` newest first; ``year_of`` gives each item's year in the site's time zone."""
    by_topic: dict[str, list[Item]] = defaultdict(list)
    by_tag: dict[str, list[Item]] = defaultdict(list)
    tags: dict[str, Tag] = {}
    by_author: dict[str, list[Item]] = defaultdict(list)
    by_year: dict[int, list[Item]] = defaultdict(list)
    by_slug: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        for topic in item.topics:
            by_topic[topic].append(item)
        for tag in dict.fromkeys(tag_slug(t) for t in item.tags):
            by_tag[tag].append(item)
        for tag in item.tags:
            tags.setdefault(tag_slug(tag), Tag(tag_slug(tag), tag))
        for author in item.authors:
            by_author[author].append(item)
        by_year[year_of[item.src]].append(item)
        by_slug[item.slug].append(item)

    related: dict[str, list[Item]] = {}
    for item in items:
        scores: dict[str, int] = defaultdict(int)
        found: dict[str, Item] = {}
        keys = [by_topic[t] for t in item.topics] + [by_tag[tag_slug(t)] for t in item.tags]
        for group in keys:
            taken = 0
            for other in group:
                if other.src == item.src:
                    continue
                scores[other.src] += 1
                found[other.src] = other
                taken += 1
                if taken >= _CANDIDATES_PER_KEY:
                    break
        ranked = sorted(found.values(),
                        key=lambda o: (-scores[o.src], -o.date.timestamp(), o.kind.value, o.slug))
        related[item.src] = ranked[:RELATED_MAX]

    translations: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        if item.translation_of:
            for original in by_slug.get(item.translation_of, []):
                if original.src != item.src:
                    translations[item.src].append(original)
                    translations[original.src].append(item)
    return Indexes(dict(by_topic), dict(by_tag), tags, dict(by_author), dict(by_year), related,
                   dict(translations))

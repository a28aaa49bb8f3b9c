"""Listing pages: per type, topic, tag, author and year, the home page's sections, search.

Every listing is paginated (PAGE_SIZE items a page), so a page stays small however
large the library grows; page 1 lives at the listing's own address and page n at
``<listing>/page/<n>/``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..content.models import Item, Kind
from .items import Renderer
from .pages import GeneratedPage

PAGE_SIZE = 24
HOME_NEWEST = 6
HOME_PINNED = 6


@dataclass(frozen=True)
class Pager:
    number: int
    count: int
    here: str  # the page's own address, e.g. tutorials/page/2/
    prev: str | None
    next: str | None


def _page_src(base: str, n: int) -> str:
    return f"{base}/index.md" if n == 1 else f"{base}/page/{n}.md"


def _page_url(base: str, n: int) -> str:
    return f"{base}/" if n == 1 else f"{base}/page/{n}/"


def paginated(r: Renderer, base: str, title: str, description: str, items: list[Item],
              intro: str = "", heading_extra: str = "") -> list[GeneratedPage]:
    lang = r.settings.language
    count = max(1, math.ceil(len(items) / PAGE_SIZE))
    out = []
    for n in range(1, count + 1):
        pager = Pager(n, count, _page_url(base, n),
                      _page_url(base, n - 1) if n > 1 else None,
                      _page_url(base, n + 1) if n < count else None)
        chunk = items[(n - 1) * PAGE_SIZE:n * PAGE_SIZE]
        md = r.render("listing/list.md.j2", lang, pager.here, title=title, intro=intro,
                      items=chunk, pager=pager, heading_extra=heading_extra)
        page_title = title if n == 1 else f"{title} ({n}/{count})"
        out.append(GeneratedPage(_page_src(base, n), md, page_title, description, lang))
    return out


def listing_pages(r: Renderer) -> list[GeneratedPage]:
    lib = r.library
    idx = r.indexes
    lang = r.settings.language
    t = r.common(lang, "")["t"]
    out: list[GeneratedPage] = []
    for kind in Kind:
        out += paginated(r, kind.folder, t(f"kinds.{kind.value}"), t(f"kinds.intro.{kind.value}"),
                         lib.by_kind(kind), intro=t(f"kinds.intro.{kind.value}"))

    topics = sorted(lib.topics.values(), key=lambda tp: tp.name.lower())
    md = r.render("listing/topics.md.j2", lang, "topics/", topics=topics,
                  counts={tp.id: len(idx.by_topic.get(tp.id, [])) for tp in topics})
    out.append(GeneratedPage("topics/index.md", md, t("topics"), t("topics.intro"), lang))
    for topic in topics:
        out += paginated(r, f"topics/{topic.id}", topic.name, topic.description,
                         idx.by_topic.get(topic.id, []), intro=topic.description)

    tags = sorted(idx.tags.values(), key=lambda tg: tg.name.lower())
    md = r.render("listing/tags.md.j2", lang, "tags/", tags=tags,
                  counts={tg.slug: len(idx.by_tag[tg.slug]) for tg in tags})
    out.append(GeneratedPage("tags/index.md", md, t("tags"), t("tags.intro"), lang))
    for tag in tags:
        out += paginated(r, f"tags/{tag.slug}", f"#{tag.name}", t("tag.description",
                                                                  tag=tag.name),
                         idx.by_tag[tag.slug])

    authors = sorted(lib.authors.values(), key=lambda a: a.name.lower())
    md = r.render("listing/authors.md.j2", lang, "authors/", authors=authors,
                  counts={a.id: len(idx.by_author.get(a.id, [])) for a in authors})
    out.append(GeneratedPage("authors/index.md", md, t("authors"), t("authors.intro"), lang))
    for author in authors:
        out += paginated(r, f"authors/{author.id}", author.name, author.role,
                         idx.by_author.get(author.id, []), intro=author.role)

    years = sorted(idx.by_year, reverse=True)
    md = r.render("listing/archive.md.j2", lang, "archive/", years=years,
                  counts={y: len(idx.by_year[y]) for y in years})
    out.append(GeneratedPage("archive/index.md", md, t("archive"), t("archive.intro"), lang))
    for year in years:
        out += paginated(r, f"archive/{year}", t("archive.year", year=year),
                         t("archive.year", year=year), idx.by_year[year])

    md = r.render("pages/search.md.j2", lang, "search/", kinds=list(Kind))
    out.append(GeneratedPage("search.md", md, t("search"), t("search.intro"), lang,
                             styles=("assets/search.css",)))
    return out


@dataclass(frozen=True)
class HomeSection:
    id: str
    heading: str  # a word key
    items: tuple[Item, ...]
    lazy: bool = False  # pictures below the first screen load when scrolled to


def home_sections(r: Renderer) -> tuple[str, str]:
    """What the librarians' own home page (site_src/index.md) gets: the first screen (search,
    the chosen and newest items as picture cards, the three kinds), put after its heading,
    and the topics, put after its text."""
    lib = r.library
    lang = r.settings.language
    pinned = tuple(i for i in lib.items if i.pin)[:HOME_PINNED]
    newest = tuple(i for i in lib.items if not i.pin)[:HOME_NEWEST]
    sections = [s for s in (HomeSection("pinned", "home.pinned", pinned),
                            HomeSection("newest", "home.newest", newest, lazy=bool(pinned)))
                if s.items]
    topics = sorted(lib.topics.values(), key=lambda tp: tp.name.lower())
    top = r.render("listing/home_top.md.j2", lang, "", sections=sections, kinds=list(Kind),
                   counts={k: len(lib.by_kind(k)) for k in Kind})
    end = r.render("listing/home.md.j2", lang, "", topics=topics)
    return top, end

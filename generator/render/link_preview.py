"""Link previews: Open Graph, Twitter-card and schema.org JSON-LD metadata for every page.

Engine-independent: ``page_meta`` / ``listing_meta`` compute a ``PageMeta`` from the
library, and ``render_head`` renders it with the project's own Jinja environment (autoescape
on) through ``templates/partials/head_meta.html``. The engine adapter puts that HTML into
the page's ``<head>`` (Material: the ``extrahead`` block). mkdocs' own Jinja environment does
not autoescape, so render the partial with ``render_head`` rather than including it from a
theme template.

Every address is absolute (``site_url`` + path): Facebook, X and WhatsApp ignore relative
ones. JSON-LD is serialised by Jinja's ``tojson``, which writes ``<``, ``>``, ``&`` and ``'``
as ``\\u003c``-style escapes, so a title like ``</script>`` cannot end the block and the
text stays valid JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal
from urllib.parse import quote, urlsplit

from babel.core import get_global

from ..content.kinds.table import spec_for
from ..content.models import Item, Video
from ..content.settings import Settings
from ..library.library import Library
from ..pictures.previews import PreviewImage, kind_label
from ..values.licenses import license_url
from .environment import environment

JsonObject = dict[str, Any]


@dataclass(frozen=True)
class MetaTag:
    attribute: Literal["property", "name"]  # Open Graph uses property=, Twitter name=
    key: str
    content: str


@dataclass(frozen=True)
class PageMeta:
    canonical: str  # absolute
    title: str
    description: str
    tags: tuple[MetaTag, ...]
    json_ld: JsonObject = field(compare=False)
    robots: str | None = None  # e.g. "noindex" for staff pages and previews of drafts

    def content(self, key: str) -> list[str]:
        """Every value given for one key (``og:image``, ``article:tag``, …), in order."""
        return [t.content for t in self.tags if t.key == key]


def absolute(settings: Settings, path: str) -> str:
    """``site_url`` + a site path (``tutorials/x/``), percent-encoded where needed."""
    if urlsplit(path).scheme:
        return path
    return settings.site_url + quote(path.lstrip("/"), safe="/#?=&%~")


def og_locale(lang: str) -> str:
    """BCP 47 -> Open Graph's ``ll_CC``: ``id`` -> ``id_ID``, ``pt-BR`` -> ``pt_BR``."""
    parts = lang.replace("_", "-").split("-")
    language = parts[0].lower()
    region = next((p.upper() for p in parts[1:] if len(p) == 2 or (len(p) == 3 and p.isdigit())),
                  None)
    if region is None:
        likely = get_global("likely_subtags").get(language, "")
        tail = likely.split("_")[-1] if likely else ""
        region = tail if len(tail) == 2 and tail.isupper() else None
    return f"{language}_{region}" if region else language


def x_handle(settings: Settings) -> str | None:
    """The library's X account as ``@name``, from ``social.x`` (a handle or a profile URL)."""
    value = dict(settings.social).get("x", "").strip()
    if not value:
        return None
    if "://" in value:
        segments = [s for s in urlsplit(value).path.split("/") if s]
        value = segments[0] if segments else ""
    value = value.lstrip("@")
    return f"@{value}" if value else None


def _iso(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat()


def _image_tags(prefix: str, url: str, image: PreviewImage, alt: str) -> list[MetaTag]:
    tags = [MetaTag("property", f"{prefix}", url)]
    if url.startswith("https://"):
        tags.append(MetaTag("property", f"{prefix}:secure_url", url))
    tags += [
        MetaTag("property", f"{prefix}:type", image.mime),
        MetaTag("property", f"{prefix}:width", str(image.width)),
        MetaTag("property", f"{prefix}:height", str(image.height)),
        MetaTag("property", f"{prefix}:alt", alt),
    ]
    return tags


def _common_tags(settings: Settings, *, kind: str, canonical: str, title: str,
                 description: str, lang: str, image: PreviewImage | None,
                 image_alt: str) -> list[MetaTag]:
    tags = [
        MetaTag("property", "og:type", kind),
        MetaTag("property", "og:site_name", settings.library_name),
        MetaTag("property", "og:title", title),
        MetaTag("property", "og:description", description),
        MetaTag("property", "og:url", canonical),
        MetaTag("property", "og:locale", og_locale(lang)),
    ]
    image_url = absolute(settings, image.path) if image else None
    if image and image_url:
        tags += _image_tags("og:image", image_url, image, image_alt)
    tags += [
        MetaTag("name", "twitter:card", "summary_large_image" if image else "summary"),
        MetaTag("name", "twitter:title", title),
        MetaTag("name", "twitter:description", description),
    ]
    if image_url:
        tags += [MetaTag("name", "twitter:image", image_url),
                 MetaTag("name", "twitter:image:alt", image_alt)]
    handle = x_handle(settings)
    if handle:
        tags.append(MetaTag("name", "twitter:site", handle))
    return tags


def publisher(settings: Settings) -> JsonObject:
    return {"@type": "Organization", "name": settings.library_name, "url": settings.site_url}


def _image_object(url: str, image: PreviewImage) -> JsonObject:
    return {"@type": "ImageObject", "url": url, "contentUrl": url, "width": image.width,
            "height": image.height, "encodingFormat": image.mime}


# -- item pages ------------------------------------------------------------------------------

def page_meta(library: Library, item: Item, image: PreviewImage | None) -> PageMeta:
    """Open Graph (og:type article), Twitter card and JSON-LD for one item page."""
    settings = library.settings
    canonical = absolute(settings, item.url)
    label = kind_label(item.kind, item.lang)
    alt = f"{label}: {item.title} — {settings.library_name}"
    tags = _common_tags(settings, kind="article", canonical=canonical, title=item.title,
                        description=item.summary, lang=item.lang, image=image, image_alt=alt)
    topics = [library.topics[t].name for t in item.topics if t in library.topics]
    article = [
        MetaTag("property", "article:published_time", _iso(item.date)),
        MetaTag("property", "article:modified_time", _iso(item.updated or item.date)),
    ]
    if topics:
        article.append(MetaTag("property", "article:section", topics[0]))
    article += [MetaTag("property", "article:tag", tag) for tag in item.tags]
    # Article tags sit after og:* and before twitter:* (grouped as Facebook's debugger shows).
    first_twitter = next(i for i, t in enumerate(tags) if t.key.startswith("twitter:"))
    tags[first_twitter:first_twitter] = article
    robots = "noindex" if library.is_unpublished(item) else None
    return PageMeta(canonical, item.title, item.summary, tuple(tags),
                    item_json_ld(library, item, image), robots)


def item_json_ld(library: Library, item: Item, image: PreviewImage | None) -> JsonObject:
    """schema.org for one item: LearningResource+HowTo, Review of a Book, or VideoObject."""
    settings = library.settings
    canonical = absolute(settings, item.url)
    image_url = absolute(settings, image.path) if image else None
    authors = []
    for author_id in item.authors:
        author = library.authors.get(author_id)
        if author is None:
            continue
        person: JsonObject = {"@type": "Person", "name": author.name}
        if author.url:
            person["url"] = author.url
        authors.append(person)
    topics = [library.topics[t].name for t in item.topics if t in library.topics]
    data: JsonObject = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "@id": canonical + "#item",
        "url": canonical,
        "mainEntityOfPage": canonical,
        "name": item.title,
        "headline": item.title,
        "description": item.summary,
        "inLanguage": item.lang,
        "datePublished": _iso(item.date),
        "dateModified": _iso(item.updated or item.date),
        "author": authors,
        "publisher": publisher(settings),
        "license": license_url(item.license),
        "isAccessibleForFree": True,
    }
    if image and image_url:
        data["image"] = _image_object(image_url, image)
    if topics:
        data["about"] = [{"@type": "Thing", "name": name} for name in topics]
    if item.tags:
        data["keywords"] = ", ".join(item.tags)
    spec_for(item.kind).linked_data(item.details, data, _Page(settings, item, image_url))
    return data


class _Page:
    """What a type's schema.org data needs from the item's page (content/kinds/spec.py)."""

    def __init__(self, settings: Settings, item: Item, image_url: str | None) -> None:
        self.settings, self.item, self.image_url = settings, item, image_url

    def absolute(self, path: str) -> str:
        return absolute(self.settings, path)

    def video(self, video: Video) -> JsonObject:
        return _video_object(self.settings, self.item, video, self.image_url,
                             with_context=False)


def _video_object(settings: Settings, item: Item, video: Video, thumbnail: str | None, *,
                  with_context: bool) -> JsonObject:
    source = video.source
    out: JsonObject = {"@type": "VideoObject", "name": item.title,
                       "description": item.summary, "uploadDate": _iso(item.date)}
    if with_context:
        out["@context"] = "https://schema.org"
    thumbnails = []
    if video.poster:
        thumbnails.append(absolute(settings, video.poster))
    if thumbnail:
        thumbnails.append(thumbnail)
    if thumbnails:
        out["thumbnailUrl"] = thumbnails
    if video.duration:
        out["duration"] = _iso_duration(video.duration)
    if source.provider == "youtube":
        out["embedUrl"] = f"https://www.youtube.com/embed/{quote(source.video_id)}"
    elif source.provider == "vimeo":
        embed = f"https://player.vimeo.com/video/{quote(source.video_id)}"
        out["embedUrl"] = embed + (f"?h={quote(source.vimeo_hash)}" if source.vimeo_hash else "")
    elif source.provider == "web-file":
        out["contentUrl"] = source.url
    else:
        out["contentUrl"] = absolute(settings, source.video_id)
    if source.provider in ("youtube", "vimeo"):
        out["sameAs"] = source.url
    return out


def _iso_duration(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + (
        f"{secs}S" if secs or not (hours or minutes) else "")


# -- listings and other pages -----------------------------------------------------------------

def listing_meta(library: Library, page_url: str, title: str, description: str, *,
                 image: PreviewImage | None = None, robots: str | None = None) -> PageMeta:
    """og:type website and a CollectionPage (or, for the home page, a WebSite) for a listing,
    a topic page or any other page of the site. ``page_url`` is site-relative (``topics/``;
    ``""`` for the home page)."""
    settings = library.settings
    canonical = absolute(settings, page_url)
    alt = f"{settings.library_name}"
    tags = _common_tags(settings, kind="website", canonical=canonical, title=title,
                        description=description, lang=settings.language, image=image,
                        image_alt=alt)
    website: JsonObject = {"@type": "WebSite", "name": settings.library_name,
                           "url": settings.site_url, "inLanguage": settings.language}
    data: JsonObject
    if page_url.strip("/") == "":
        data = {"@context": "https://schema.org", **website, "description": description,
                "publisher": publisher(settings)}
    else:
        data = {"@context": "https://schema.org", "@type": "CollectionPage", "name": title,
                "description": description, "url": canonical, "inLanguage": settings.language,
                "isPartOf": website, "publisher": publisher(settings)}
    if image:
        data["image"] = _image_object(absolute(settings, image.path), image)
    return PageMeta(canonical, title, description, tuple(tags), data, robots)


def render_head(meta: PageMeta, *, engine_head: bool = False) -> str:
    """The ``<meta>``/``<link>``/JSON-LD HTML for ``<head>``. With ``engine_head`` the engine
    already writes ``<link rel="canonical">`` and ``<meta name="description">`` (Material
    does), so they are left out here."""
    template = environment().get_template("partials/head_meta.html")
    return template.render(meta=meta, engine_head=engine_head)

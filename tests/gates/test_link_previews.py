"""Link previews on every item page of the example library (issue 7): Open Graph, X cards,
canonical link and JSON-LD with absolute URLs, and a preview picture that WhatsApp accepts."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest
from PIL import Image

from .checks import html_files, page_url, site_url_of

pytestmark = pytest.mark.gates

ITEM_FOLDERS = ("tutorials/", "reviews/", "videos/")
REQUIRED_OG = ("og:type", "og:title", "og:description", "og:url", "og:image",
               "og:image:width", "og:image:height", "og:image:alt", "og:locale",
               "article:published_time", "article:section")
SCHEMA_TYPES = {"tutorials/": {"LearningResource", "HowTo"}, "reviews/": {"Review"},
                "videos/": {"VideoObject"}}


def item_pages(site: Path) -> list[tuple[str, Path]]:
    out = []
    for html in html_files(site):
        url = page_url(site, html).lstrip("/")
        parts = url.strip("/").split("/")
        if len(parts) == 2 and url.startswith(ITEM_FOLDERS) and parts[1] != "page":
            out.append((url, html))
    return out


def test_every_item_page_has_complete_link_previews(built_site: Path) -> None:
    site_url = site_url_of(built_site) or "/"
    pages = item_pages(built_site)
    assert len(pages) >= 16
    problems = []
    for url, html in pages:
        doc = lxml.html.parse(str(html)).getroot()
        meta = {(m.get("property") or m.get("name")): m.get("content")
                for m in doc.xpath("//head/meta[@property or @name]")}
        missing = [k for k in REQUIRED_OG if not meta.get(k)]
        if meta.get("twitter:card") != "summary_large_image":
            missing.append("twitter:card")
        canonical = doc.xpath("//head/link[@rel='canonical']/@href")
        if canonical != [site_url + url]:
            problems.append(f"/{url}: canonical {canonical}")
        if meta.get("og:url") != site_url + url:
            problems.append(f"/{url}: og:url {meta.get('og:url')}")
        if missing:
            problems.append(f"/{url}: missing {missing}")
            continue
        for key in ("og:url", "og:image", "twitter:image"):
            if not (meta.get(key) or "").startswith(site_url):
                problems.append(f"/{url}: {key} is not absolute on the site: {meta.get(key)}")
        # The picture exists, is 800 by 420 (docs/social.md) and small enough for WhatsApp.
        picture = built_site / meta["og:image"].removeprefix(site_url)
        if not picture.is_file():
            problems.append(f"/{url}: og:image {meta['og:image']} does not exist")
        else:
            with Image.open(picture) as img:
                if img.size != (800, 420):
                    problems.append(f"/{url}: og:image is {img.size}, not 800x420")
            if picture.stat().st_size >= 300 * 1024:
                problems.append(f"/{url}: og:image weighs {picture.stat().st_size} bytes")
        if (meta["og:image:width"], meta["og:image:height"]) != ("800", "420"):
            problems.append(f"/{url}: og:image size tags say {meta['og:image:width']}x"
                            f"{meta['og:image:height']}")
        blocks = doc.xpath("//script[@type='application/ld+json']/text()")
        types: set[str] = set()
        for block in blocks:
            data = json.loads(block)
            kinds = data.get("@type")
            types |= set(kinds if isinstance(kinds, list) else [kinds])
            if "publisher" not in json.dumps(data):
                problems.append(f"/{url}: JSON-LD without the library as publisher")
        folder = next(f for f in ITEM_FOLDERS if url.startswith(f))
        if not types & SCHEMA_TYPES[folder]:
            problems.append(f"/{url}: JSON-LD types {sorted(types)} lack {SCHEMA_TYPES[folder]}")
    assert not problems, "\n".join(problems)

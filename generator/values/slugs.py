"""Slugs: lower-case ASCII letters, digits and hyphens — safe in any address and file name."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from text_unidecode import unidecode

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_SLUG = 80


def is_slug(value: str) -> bool:
    return bool(SLUG.match(value)) and len(value) <= MAX_SLUG


def slugify(text: str) -> str:
    """A sane, non-empty slug from a title in any script.

    Latin text keeps its words ("Cara Cari Jurnal" -> cara-cari-jurnal); other
    scripts are transliterated; what has no letters at all (emoji only) gets a
    short stable hash, so two different titles never share a fallback.
    """
    ascii_text = unidecode(unicodedata.normalize("NFKC", text))
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0] or slug[:MAX_SLUG]
    if not slug:
        slug = "item-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return slug

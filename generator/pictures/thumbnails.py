"""Small cover thumbnails for listings: a phone on a metered connection should not fetch a
1200-pixel cover for every card. Made once per distinct source picture, named by the hash of
its bytes, so the same input always gives the same file (and an unchanged picture the same
name, which caches well)."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

import PIL
from PIL import Image

from .previous import NOTHING, Previous

# The 1200:630 ratio, shown at 6-8rem wide (about 120 CSS pixels): sharp on a 2x phone screen.
# AVIF at this size weighs ~1.3 KB (a third less than WebP at the same look), so a listing's
# cards stay inside the page budget; WebP (~2 KB) for the browsers without AVIF (iOS < 16.4).
WIDTH, HEIGHT = 240, 126
QUALITY = 60  # WebP
# Looked at side by side (2x): q26 at speed 6 is as clean as q30 at speed 8 and 11 % smaller,
# which keeps Zensical's listings (its theme alone is 84 kB gzip) inside the page budget.
AVIF_QUALITY, AVIF_SPEED = 26, 6


@dataclass(frozen=True)
class Thumbnail:
    src: str  # path of the thumbnail relative to the site root, e.g. thumbs/ab12….webp
    width: int
    height: int
    avif: str | None = None  # the same picture as AVIF, offered first (None: an SVG)


# Part of every thumbnail's name, with the picture's bytes: a thumbnail the previous build
# left in the site under the same name was made the same way (see ``previous_site``).
_RECIPE = f"{PIL.__version__} {WIDTH}x{HEIGHT} webp q{QUALITY} m6\n".encode()
_AVIF_RECIPE = f"{PIL.__version__} {WIDTH}x{HEIGHT} avif q{AVIF_QUALITY} s{AVIF_SPEED}\n".encode()


def thumbnail_name(data: bytes) -> str:
    return f"thumbs/{hashlib.sha256(_RECIPE + data).hexdigest()[:20]}.webp"


def avif_name(data: bytes) -> str:
    return f"thumbs/{hashlib.sha256(_AVIF_RECIPE + data).hexdigest()[:20]}.avif"


def make_thumbnail(data: bytes, kind: str = "WEBP") -> bytes:
    """Cover-crop to 1200:630 and shrink; WebP (or AVIF) without metadata, so bytes depend on
    pixels only."""
    with Image.open(io.BytesIO(data)) as img:
        if img.format == "JPEG":
            img.draft("RGB", (WIDTH * 2, HEIGHT * 2))  # decode at a reduced scale: much faster
        rgb = img.convert("RGB")
        ratio = WIDTH / HEIGHT
        w, h = rgb.size
        if w / h > ratio:
            new_w = int(h * ratio)
            box = ((w - new_w) // 2, 0, (w - new_w) // 2 + new_w, h)
        else:
            new_h = int(w / ratio)
            box = (0, (h - new_h) // 2, w, (h - new_h) // 2 + new_h)
        small = rgb.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS, box=box)
        out = io.BytesIO()
        if kind == "AVIF":
            small.save(out, "AVIF", quality=AVIF_QUALITY, speed=AVIF_SPEED)
        else:
            small.save(out, "WEBP", quality=QUALITY, method=6)
        return out.getvalue()


def thumbnails_for(docs: Path, images: set[str], previous: Previous = NOTHING
                   ) -> tuple[dict[str, Thumbnail], dict[str, bytes]]:
    """docs-relative picture -> its thumbnail, and the files to write (site path -> bytes).
    An SVG is used as it is: small, and it scales by itself."""
    out: dict[str, Thumbnail] = {}
    made: dict[str, bytes] = {}
    for src in sorted(images):
        if src.lower().endswith(".svg"):
            out[src] = Thumbnail(src, WIDTH, HEIGHT)
            continue
        data = (docs / src).read_bytes()
        webp, avif = thumbnail_name(data), avif_name(data)
        if webp not in made:
            made[webp] = previous.read(webp) or make_thumbnail(data)
            made[avif] = previous.read(avif) or make_thumbnail(data, "AVIF")
        out[src] = Thumbnail(webp, WIDTH, HEIGHT, avif)
    return out, made

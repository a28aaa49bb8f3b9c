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
# WebP at this size weighs ~2-3 KB, so a listing's dozen cards stay inside the page budget.
WIDTH, HEIGHT = 240, 126
QUALITY = 60


@dataclass(frozen=True)
class Thumbnail:
    src: str  # path of the thumbnail relative to the site root, e.g. thumbs/ab12….jpg
    width: int
    height: int


# Part of every thumbnail's name, with the picture's bytes: a thumbnail the previous build
# left in the site under the same name was made the same way (see ``previous_site``).
_RECIPE = f"{PIL.__version__} {WIDTH}x{HEIGHT} webp q{QUALITY} m6\n".encode()


def thumbnail_name(data: bytes) -> str:
    return f"thumbs/{hashlib.sha256(_RECIPE + data).hexdigest()[:20]}.webp"


def make_thumbnail(data: bytes) -> bytes:
    """Cover-crop to 1200:630 and shrink; WebP without metadata, so bytes depend on pixels only."""
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
        small.save(out, "WEBP", quality=QUALITY, method=6)
        return out.getvalue()


def thumbnails_for(docs: Path, images: set[str], previous: Previous = NOTHING
                   ) -> dict[str, tuple[Thumbnail, bytes | None]]:
    """docs-relative picture -> its thumbnail; bytes None when the picture is an SVG (it is
    small and scales by itself, so it is used as it is)."""
    out: dict[str, tuple[Thumbnail, bytes | None]] = {}
    made: dict[str, bytes] = {}
    for src in sorted(images):
        if src.lower().endswith(".svg"):
            out[src] = (Thumbnail(src, WIDTH, HEIGHT), None)
            continue
        data = (docs / src).read_bytes()
        name = thumbnail_name(data)
        if name not in made:
            made[name] = previous.read(name) or make_thumbnail(data)
        out[src] = (Thumbnail(name, WIDTH, HEIGHT), made[name])
    return out

"""Preview pictures: one 800x420 JPEG per item for link previews (Open Graph, X, WhatsApp).

Drawn at build time with Pillow alone (no network, no Cairo) and the DejaVu Sans faces the
project ships in ``assets/fonts/`` (Latin incl. Indonesian, Greek, Cyrillic and more; a
character the font lacks is drawn as a box, never an error). The picture shows the item's
type, its title (wrapped, shrunk, then cut with an ellipsis) and the library's name, over
the item's cover tinted with the type's colour, or over that colour alone.

Same input, same bytes: text is laid out with Pillow's basic layout engine (libraqm may or
may not be present on a machine, and it changes the pixels), and the JPEG carries no
metadata. WhatsApp drops previews above ~300 KB, so the quality steps down until it fits.

Why 800x420 at quality 72 (docs/social.md has the sources): the cards show the picture at
about 500 CSS pixels across at most (X's summary_large_image card about 504x252, Facebook's
link post about 500 on a computer and the phone's width, WhatsApp's chat preview about 300),
so 800 pixels are sharp at 1.6x on a computer and 2x on a 400-pixel phone. It is above
Facebook's 600x315 for the large link style and X's 300x157 minimum, in the same 1.91:1 as
1200x630. Measured on the benchmark library: 51 KB a picture at 1200x630 q88, 22 KB now.
"""

from __future__ import annotations

import hashlib
import io
import json
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import PIL
from PIL import Image, ImageDraw, ImageFont, ImageOps

from ..content.kinds.table import KINDS
from ..content.models import Item, Kind
from ..library.library import Library
from ..words.translate import translator
from .jobs import PictureJob

WIDTH, HEIGHT = 800, 420
_S = WIDTH / 1200  # the layout below is written for 1200 pixels across
MAX_BYTES = 300_000
MIME = "image/jpeg"
FONTS = Path(__file__).parents[1] / "assets" / "fonts"
REGULAR, BOLD = FONTS / "DejaVuSans.ttf", FONTS / "DejaVuSans-Bold.ttf"
# Bump when the drawing changes, so cached pictures are made again.
DRAWING_VERSION = "3"

RGB = tuple[int, int, int]
KIND_COLOURS: dict[str, RGB] = {kind.value: spec.colour for kind, spec in KINDS.items()}
SITE_COLOUR: RGB = (38, 50, 56)
_QUALITIES = (72, 66, 58, 50, 42, 34)

def _px(n: float) -> int:
    return round(n * _S)


_MARGIN = _px(80)
_TEXT_WIDTH = WIDTH - 2 * _MARGIN
_TITLE_TOP, _TITLE_BOTTOM = _px(150), _px(505)
_TITLE_SIZES = tuple(_px(n) for n in (68, 60, 54, 48))
_LINE_HEIGHT = 1.22
_ELLIPSIS = "…"
_TRIM = " .,;:-\u2013\u2014"  # left at the end of a line cut short, before the ellipsis
_BLANK = frozenset({"Cc", "Cs", "Zs", "Zl", "Zp"})


@dataclass(frozen=True)
class PreviewImage:
    path: str  # relative to the built site, e.g. previews/tutorial/x.jpg
    width: int
    height: int
    bytes: int
    mime: str = MIME


def preview_path(item: Item) -> str:
    """Where an item's preview picture is written, relative to the built site."""
    return f"previews/{item.kind.value}/{item.slug}.jpg"


SITE_PREVIEW_PATH = "previews/site.jpg"


def kind_label(kind: Kind, lang: str) -> str:
    return translator(lang)(f"kind.{kind.value}")


def cover_of(item: Item) -> str | None:
    """The picture behind an item's preview: its image, else the book cover or video poster."""
    if item.image:
        return item.image
    return item.details.picture


# -- drawing ---------------------------------------------------------------------------------

def render_preview(title: str, kind_label: str, library_name: str, cover: Path | None,
                   lang: str, *, background: RGB | None = None, stamp: bytes = b"") -> bytes:
    """An 800x420 JPEG under 300 KB; the same arguments always give the same bytes.
    ``stamp`` goes into a JPEG comment (see ``previous_site``).

    ``cover`` that is missing or unreadable (SVG, a broken file) is ignored: the picture is
    then drawn on the plain ``background`` colour.
    """
    colour = background or _colour_for(kind_label)
    tinted = _background(cover, colour) if cover is not None else None
    canvas = tinted.copy() if tinted is not None else Image.new("RGB", (WIDTH, HEIGHT), colour)
    draw = ImageDraw.Draw(canvas)
    light = _mix(colour, (255, 255, 255), 0.55)
    draw.rectangle((0, 0, _px(16) - 1, HEIGHT), fill=light)

    label = _clean(kind_label)
    if label:
        label = label if lang.split("-")[0].lower() in ("tr", "az") else label.upper()
        label = _fit_line(label, _font(BOLD, _px(30)), _TEXT_WIDTH)
        draw.text((_MARGIN, _px(72)), label, font=_font(BOLD, _px(30)), fill=light)

    size, lines = _layout_title(_clean(title) or "…")
    font = _font(BOLD, size)
    step = round(size * _LINE_HEIGHT)
    y = _TITLE_TOP + max(0, (_TITLE_BOTTOM - _TITLE_TOP - step * len(lines)) // 3)
    for line in lines:
        draw.text((_MARGIN, y), line, font=font, fill=(255, 255, 255))
        y += step

    draw.rectangle((_MARGIN, _px(528), _MARGIN + _px(96), _px(534) - 1), fill=light)
    name = _fit_line(_clean(library_name), _font(REGULAR, _px(32)), _TEXT_WIDTH)
    draw.text((_MARGIN, _px(548)), name, font=_font(REGULAR, _px(32)), fill=(255, 255, 255))
    return _encode(canvas, stamp)


def _encode(image: Image.Image, stamp: bytes = b"") -> bytes:
    data = b""
    extra = {"comment": stamp} if stamp else {}
    for quality in _QUALITIES:
        buffer = io.BytesIO()
        # 4:2:0: white letters on a dark tint stay sharp (their edges are in the luminance,
        # kept whole) and the file is a fifth smaller and quicker to encode than 4:4:4. No
        # EXIF or ICC, only the stamp.
        image.save(buffer, "JPEG", quality=quality, optimize=True, subsampling=2, **extra)
        data = buffer.getvalue()
        if len(data) < MAX_BYTES:
            return data
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=_QUALITIES[-1], optimize=True, subsampling=2, **extra)
    return buffer.getvalue()


@cache
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)


def _clean(text: str) -> str:
    """One line of printable text: control and format characters become spaces."""
    chars = [" " if unicodedata.category(c) in _BLANK else c
             for c in unicodedata.normalize("NFC", text)]
    return " ".join("".join(chars).split())


def _layout_title(title: str) -> tuple[int, list[str]]:
    for size in _TITLE_SIZES:
        font = _font(BOLD, size)
        most = (_TITLE_BOTTOM - _TITLE_TOP) // round(size * _LINE_HEIGHT)
        lines = _wrap(title, font, _TEXT_WIDTH)
        if len(lines) <= most:
            return size, lines
    size = _TITLE_SIZES[-1]
    font = _font(BOLD, size)
    most = (_TITLE_BOTTOM - _TITLE_TOP) // round(size * _LINE_HEIGHT)
    lines = _wrap(title, font, _TEXT_WIDTH)[:most]
    lines[-1] = _with_ellipsis(lines[-1], font, _TEXT_WIDTH)
    return size, lines


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap; a word wider than a line (a URL, a script without spaces) is broken
    between characters."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if font.getlength(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        while font.getlength(word) > width and len(word) > 1:
            cut = _longest_prefix(word, font, width)
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines or [""]


def _longest_prefix(word: str, font: ImageFont.FreeTypeFont, width: int) -> int:
    low, high = 1, len(word)
    while low < high:
        mid = (low + high + 1) // 2
        if font.getlength(word[:mid]) <= width:
            low = mid
        else:
            high = mid - 1
    return low


def _with_ellipsis(line: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    line = line.rstrip(_TRIM)
    while line and font.getlength(line + _ELLIPSIS) > width:
        cut = line.rfind(" ")
        line = line[:cut] if cut > len(line) // 2 else line[:-1]
        line = line.rstrip(_TRIM)
    return line + _ELLIPSIS


def _fit_line(text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    return text if font.getlength(text) <= width else _with_ellipsis(text, font, width)


def _background(cover: Path, colour: RGB) -> Image.Image | None:
    """The cover, fitted and tinted: the same for every item that shares the picture and the
    type, so it is made once for a run of such items (``preview_jobs`` plans them in that
    order). Keyed by the file's size and time too: ``serve`` keeps the process."""
    try:
        stat = cover.stat()
    except OSError:
        return None
    return _tinted(cover, stat.st_mtime_ns, stat.st_size, colour)


@lru_cache(maxsize=2)  # two 800x420 pictures, 2 MB
def _tinted(cover: Path, mtime_ns: int, size: int, colour: RGB) -> Image.Image | None:
    photo = _load_cover(cover, colour)
    if photo is None:
        return None
    # The photo shows through a tint of the type's colour, dark enough for white text.
    tint = Image.new("RGB", (WIDTH, HEIGHT), _mix(colour, (0, 0, 0), 0.25))
    return Image.blend(photo, tint, 0.76)


def _load_cover(path: Path, colour: RGB) -> Image.Image | None:
    try:
        with Image.open(path) as opened:
            opened.draft("RGB", (WIDTH, HEIGHT))  # JPEG: decode at a reduced scale (fast)
            if opened.mode in ("RGBA", "LA", "P", "PA"):
                rgba = opened.convert("RGBA")
                base = Image.new("RGBA", rgba.size, (*colour, 255))
                picture = Image.alpha_composite(base, rgba).convert("RGB")
            else:
                picture = opened.convert("RGB")
            return ImageOps.fit(picture, (WIDTH, HEIGHT), Image.Resampling.LANCZOS)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return None


def _colour_for(label: str) -> RGB:
    palette = list(KIND_COLOURS.values())
    return palette[hashlib.sha256(label.encode()).digest()[0] % len(palette)]


def _mix(a: RGB, b: RGB, amount: float) -> RGB:
    return (round(a[0] + (b[0] - a[0]) * amount), round(a[1] + (b[1] - a[1]) * amount),
            round(a[2] + (b[2] - a[2]) * amount))


# -- writing into the built site ------------------------------------------------------------

def preview_jobs(library: Library, docs_dir: Path) -> dict[str, PictureJob]:
    """item src -> the job drawing its ``previews/<kind>/<slug>.jpg``, for every item of this
    build; items sharing a cover and a type one after the other (each tinted cover is made
    once per run of them)."""
    out: dict[str, PictureJob] = {}
    name = library.settings.library_name
    for item in sorted(library.items, key=lambda i: (cover_of(i) or "", i.kind.value, i.src)):
        cover_src = cover_of(item)
        cover = docs_dir / cover_src if cover_src else None
        if cover is not None and not cover.is_file():
            cover = None
        out[item.src] = _job(preview_path(item), item.title, kind_label(item.kind, item.lang),
                             name, cover, item.lang, KIND_COLOURS[item.kind.value])
    return out


def site_preview_job(library: Library) -> PictureJob:
    """``previews/site.jpg``: the library's own picture, for the home page and listings."""
    settings = library.settings
    parts = urlsplit(settings.site_url)
    address = (parts.netloc + parts.path).rstrip("/")
    return _job(SITE_PREVIEW_PATH, settings.library_name, "", address, None, settings.language,
                SITE_COLOUR)


def _job(rel: str, title: str, label: str, library_name: str, cover: Path | None, lang: str,
         colour: RGB) -> PictureJob:
    cover_digest = _file_digest(cover, *_stat(cover)) if cover else ""
    key = hashlib.sha256(json.dumps(
        [DRAWING_VERSION, PIL.__version__, _fonts_digest(), title, label, library_name,
         cover_digest, lang, list(colour)], ensure_ascii=True).encode()).hexdigest()
    return PictureJob(rel, f"knowledge-site {key}".encode(), "preview",
                      (title, label, library_name, lang), str(cover) if cover else None, colour)


def _stat(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_mtime_ns, st.st_size


@lru_cache(maxsize=4096)
def _file_digest(path: Path, mtime_ns: int, size: int) -> str:
    """A cover's digest, once per file version (many items share a cover)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@cache
def _fonts_digest() -> str:
    digest = hashlib.sha256()
    for path in (REGULAR, BOLD):
        digest.update(path.read_bytes())
    return digest.hexdigest()

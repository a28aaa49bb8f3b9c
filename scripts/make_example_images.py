#!/usr/bin/env python3
"""Draw the pictures of the bundled example library (site_src/images/).

Everything here is drawn with Pillow from simple shapes, so the example site
carries no third-party pictures. The output is deterministic: no randomness
(the one random generator has a fixed seed), no timestamps or other metadata,
so running the script twice gives byte-identical files.

    python scripts/make_example_images.py            # (re)write the images
    python scripts/make_example_images.py --check    # exit 1 if a file would change

Sizes:
  covers (link previews)   1200x630 JPEG, quality 80, each under 60 KB
  book covers              400x600 JPEG, quality 80, each under 40 KB
  author avatars           128x128 PNG (palette), each under 10 KB
"""

from __future__ import annotations

import argparse
import io
import math
import random
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "site_src" / "images"

SS = 2  # supersampling factor: draw large, scale down for smooth edges

# A small, calm palette (teal and deep orange match the theme in mkdocs.yml).
TEAL = (0, 121, 107)
TEAL_DARK = (0, 77, 64)
TEAL_LIGHT = (178, 223, 219)
ORANGE = (244, 81, 30)
ORANGE_SOFT = (255, 171, 145)
CREAM = (255, 248, 235)
SAND = (245, 230, 200)
NAVY = (38, 50, 86)
MUSTARD = (240, 180, 41)
ROSE = (214, 96, 110)
SKY = (144, 202, 249)
LEAF = (124, 179, 66)
WHITE = (255, 255, 255)
INK = (33, 33, 33)
GREY = (189, 189, 189)
PLUM = (106, 76, 147)

Color = tuple[int, int, int]


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """Pillow's bundled font, so the result does not depend on installed fonts."""
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow < 10.1: bitmap font only
        return ImageFont.load_default()


class Canvas:
    """Drawing in final-pixel coordinates on a supersampled image."""

    def __init__(self, width: int, height: int, background: Color) -> None:
        self.width, self.height = width, height
        self.image = Image.new("RGB", (width * SS, height * SS), background)
        self.draw = ImageDraw.Draw(self.image)

    @staticmethod
    def _s(values: tuple[float, ...] | list[float]) -> list[float]:
        return [v * SS for v in values]

    def rect(self, box, fill=None, outline=None, width=0, radius=0):
        self.draw.rounded_rectangle(
            self._s(box), radius=radius * SS, fill=fill, outline=outline, width=int(width * SS)
        )

    def circle(self, cx, cy, r, fill=None, outline=None, width=0):
        self.draw.ellipse(
            self._s((cx - r, cy - r, cx + r, cy + r)),
            fill=fill,
            outline=outline,
            width=int(width * SS),
        )

    def ellipse(self, box, fill=None, outline=None, width=0):
        self.draw.ellipse(self._s(box), fill=fill, outline=outline, width=int(width * SS))

    def arc(self, box, start, end, fill, width):
        self.draw.arc(self._s(box), start, end, fill=fill, width=int(width * SS))

    def pieslice(self, box, start, end, fill):
        self.draw.pieslice(self._s(box), start, end, fill=fill)

    def line(self, points, fill, width, joint="curve"):
        flat = [c * SS for p in points for c in p]
        self.draw.line(flat, fill=fill, width=int(width * SS), joint=joint)

    def polygon(self, points, fill=None, outline=None):
        self.draw.polygon([(x * SS, y * SS) for x, y in points], fill=fill, outline=outline)

    def text(self, xy, text, size, fill, anchor="la", stroke=0):
        self.draw.text(
            (xy[0] * SS, xy[1] * SS),
            text,
            font=font(size * SS),
            fill=fill,
            anchor=anchor,
            stroke_width=int(stroke * SS),
            stroke_fill=fill,
        )

    def text_width(self, text, size) -> float:
        return self.draw.textlength(text, font=font(size * SS)) / SS

    def paste(self, picture: Image.Image, xy) -> None:
        self.image.paste(
            picture.resize((picture.width * SS, picture.height * SS), Image.Resampling.LANCZOS),
            (int(xy[0] * SS), int(xy[1] * SS)),
        )

    def shadow(self, box, radius=12, blur=14, offset=(10, 12), strength=70) -> None:
        """A soft drop shadow under ``box``."""
        w, h = self.image.size
        mask = Image.new("L", (w, h), 0)
        x0, y0, x1, y1 = box
        ImageDraw.Draw(mask).rounded_rectangle(
            self._s((x0 + offset[0], y0 + offset[1], x1 + offset[0], y1 + offset[1])),
            radius=radius * SS,
            fill=strength,
        )
        mask = mask.filter(ImageFilter.GaussianBlur(blur * SS))
        self.image.paste((0, 0, 0), (0, 0), mask)

    def result(self) -> Image.Image:
        return self.image.resize((self.width, self.height), Image.Resampling.LANCZOS)


# ---------------------------------------------------------------- backgrounds


def dots(
    c: Canvas,
    color: Color,
    step: int = 36,
    r: float = 3,
    x0: int = 0,
    y0: int = 0,
    x1: int | None = None,
    y1: int | None = None,
) -> None:
    x1 = c.width if x1 is None else x1
    y1 = c.height if y1 is None else y1
    for y in range(y0 + step // 2, y1, step):
        for x in range(x0 + step // 2, x1, step):
            c.circle(x, y, r, fill=color)


def stripes(c: Canvas, color: Color, step: int = 48, width: int = 14) -> None:
    for x in range(-c.height, c.width + c.height, step):
        c.line([(x, c.height), (x + c.height, 0)], fill=color, width=width)


def blobs(c: Canvas, colors: list[Color], seed: int, count: int = 6) -> None:
    rng = random.Random(seed)  # fixed seed: the same "random" circles every run
    for i in range(count):
        r = rng.randint(60, 170)
        c.circle(rng.randint(0, c.width), rng.randint(0, c.height), r, fill=colors[i % len(colors)])


def shelf(c: Canvas, x: int, y: int, width: int, colors: list[Color], seed: int) -> None:
    """A row of book spines standing on a plank whose top is at ``y``."""
    rng = random.Random(seed)
    pos = x
    i = 0
    while pos < x + width - 20:
        w = rng.randint(18, 34)
        h = rng.randint(70, 120)
        lean = i % 7 == 5
        color = colors[i % len(colors)]
        if lean:
            c.polygon(
                [(pos, y), (pos + w, y), (pos + w + 26, y - h + 6), (pos + 26, y - h)], fill=color
            )
            pos += w + 30
        else:
            c.rect((pos, y - h, pos + w, y), fill=color, radius=3)
            c.rect((pos + 4, y - h + 14, pos + w - 4, y - h + 20), fill=CREAM, radius=2)
            pos += w + 4
        i += 1
    c.rect((x - 10, y, x + width + 10, y + 14), fill=NAVY, radius=4)


def magnifier(
    c: Canvas, cx: float, cy: float, r: float, ring: Color, glass: Color, handle: Color
) -> None:
    angle = math.radians(45)
    hx0, hy0 = cx + r * math.cos(angle), cy + r * math.sin(angle)
    hx1, hy1 = cx + 2.1 * r * math.cos(angle), cy + 2.1 * r * math.sin(angle)
    c.line([(hx0, hy0), (hx1, hy1)], fill=handle, width=r * 0.32)
    c.circle(cx, cy, r, fill=glass, outline=ring, width=r * 0.16)
    c.arc(
        (cx - r * 0.62, cy - r * 0.62, cx + r * 0.62, cy + r * 0.62),
        200,
        250,
        fill=WHITE,
        width=r * 0.08,
    )


def document(
    c: Canvas, box, paper: Color = WHITE, ink: Color = GREY, lines: int = 6, fold: Color = SAND
) -> None:
    x0, y0, x1, y1 = box
    f = (x1 - x0) * 0.22
    c.polygon([(x0, y0), (x1 - f, y0), (x1, y0 + f), (x1, y1), (x0, y1)], fill=paper)
    c.polygon([(x1 - f, y0), (x1 - f, y0 + f), (x1, y0 + f)], fill=fold)
    gap = (y1 - y0 - f - 20) / (lines + 1)
    for i in range(lines):
        y = y0 + f + 10 + gap * (i + 1)
        end = x1 - 24 if i % 3 != 2 else x0 + (x1 - x0) * 0.55
        c.line([(x0 + 24, y), (end, y)], fill=ink, width=8)


def star(c: Canvas, cx: float, cy: float, r: float, fill: Color) -> None:
    points = []
    for k in range(10):
        radius = r if k % 2 == 0 else r * 0.45
        a = math.radians(-90 + 36 * k)
        points.append((cx + radius * math.cos(a), cy + radius * math.sin(a)))
    c.polygon(points, fill=fill)


# ------------------------------------------------------------- item covers

W, H = 1200, 630


def cover_opac() -> Image.Image:
    c = Canvas(W, H, TEAL_LIGHT)
    dots(c, (160, 210, 205))
    shelf(c, 60, 560, 1080, [TEAL, ORANGE, MUSTARD, NAVY, ROSE, TEAL_DARK], seed=11)
    # monitor with a search bar and result rows
    c.rect((330, 90, 870, 430), fill=NAVY, radius=22)
    c.rect((352, 112, 848, 408), fill=CREAM, radius=10)
    c.rect((520, 430, 680, 470), fill=NAVY)
    c.rect((460, 466, 740, 486), fill=NAVY, radius=8)
    c.rect((390, 140, 810, 190), fill=WHITE, outline=TEAL, width=4, radius=25)
    c.circle(775, 165, 13, outline=TEAL, width=4)
    c.line([(784, 174), (796, 186)], fill=TEAL, width=5)
    for i, color in enumerate([ORANGE, TEAL, MUSTARD]):
        y = 222 + i * 60
        c.rect((390, y, 430, y + 44), fill=color, radius=4)
        c.line([(450, y + 12), (760, y + 12)], fill=INK, width=8)
        c.line([(450, y + 32), (640, y + 32)], fill=GREY, width=7)
    magnifier(c, 930, 300, 70, ORANGE, (255, 255, 255), NAVY)
    return c.result()


def cover_garuda() -> Image.Image:
    c = Canvas(W, H, SAND)
    stripes(c, (238, 220, 185))
    # a stack of journal issues
    for i, color in enumerate([TEAL_DARK, ORANGE, TEAL, NAVY, MUSTARD]):
        y = 470 - i * 58
        c.rect((170 + i * 6, y, 640 + i * 6, y + 50), fill=color, radius=8)
        c.rect((600 + i * 6, y + 8, 630 + i * 6, y + 42), fill=CREAM, radius=4)
    document(c, (700, 120, 960, 470))
    c.rect((735, 160, 900, 200), fill=ORANGE_SOFT, radius=6)
    magnifier(c, 930, 420, 66, TEAL_DARK, (255, 255, 255), NAVY)
    return c.result()


def cover_boolean() -> Image.Image:
    c = Canvas(W, H, NAVY)
    dots(c, (54, 68, 110), step=30, r=2.5)
    overlay = Image.new("RGBA", (W * SS, H * SS), (0, 0, 0, 0))
    d = ImageDraw.Draw(overlay)
    for cx, cy, color in [(500, 260, TEAL), (700, 260, ORANGE), (600, 420, MUSTARD)]:
        r = 170
        d.ellipse([(cx - r) * SS, (cy - r) * SS, (cx + r) * SS, (cy + r) * SS], fill=(*color, 170))
    c.image.paste(overlay, (0, 0), overlay)
    c.draw = ImageDraw.Draw(c.image)
    for cx, cy in [(500, 260), (700, 260), (600, 420)]:
        c.circle(cx, cy, 170, outline=CREAM, width=5)
    c.circle(600, 318, 14, fill=WHITE)
    return c.result()


def cover_zotero() -> Image.Image:
    c = Canvas(W, H, CREAM)
    dots(c, (240, 226, 205), step=40)
    cards = [
        (150, 130, ORANGE),
        (470, 90, TEAL),
        (790, 150, MUSTARD),
        (320, 360, ROSE),
        (650, 380, NAVY),
    ]
    centers = [(x + 130, y + 80) for x, y, _ in cards]
    for a, b in [(0, 1), (1, 2), (0, 3), (1, 4), (3, 4), (2, 4)]:
        c.line([centers[a], centers[b]], fill=GREY, width=6)
    for x, y, color in cards:
        c.rect((x, y, x + 260, y + 160), fill=WHITE, outline=color, width=6, radius=14)
        c.rect((x, y, x + 260, y + 36), fill=color, radius=14)
        c.rect((x, y + 20, x + 260, y + 36), fill=color)
        for k in range(3):
            c.line(
                [(x + 24, y + 66 + k * 28), (x + 236 - k * 50, y + 66 + k * 28)], fill=GREY, width=7
            )
    # quotation marks
    for dx in (0, 56):
        c.circle(1030 + dx, 470, 22, fill=TEAL_DARK)
        c.polygon([(1010 + dx, 478), (1030 + dx, 478), (1018 + dx, 530)], fill=TEAL_DARK)
    return c.result()


def cover_open_access() -> Image.Image:
    c = Canvas(W, H, (255, 236, 214))
    blobs(c, [(255, 224, 190), (252, 214, 176)], seed=7, count=7)
    # open padlock
    c.arc((190, 110, 410, 330), 180, 330, fill=ORANGE, width=34)
    c.rect((160, 240, 440, 480), fill=ORANGE, radius=30)
    c.circle(300, 340, 30, fill=CREAM)
    c.rect((288, 350, 312, 420), fill=CREAM, radius=8)
    # documents flying out
    document(c, (560, 170, 780, 470))
    document(c, (820, 110, 1040, 410), paper=(250, 250, 250))
    for x, y in [(500, 140), (530, 500), (1080, 470)]:
        star(c, x, y, 22, TEAL)
    return c.result()


def cover_ebook() -> Image.Image:
    c = Canvas(W, H, (226, 240, 250))
    stripes(c, (212, 232, 246), step=60, width=20)
    # tablet
    c.rect((380, 60, 820, 580), fill=NAVY, radius=36)
    c.rect((408, 96, 792, 540), fill=WHITE, radius=10)
    c.circle(600, 560, 8, fill=GREY)
    # an open book on the screen
    c.polygon([(440, 200), (598, 180), (598, 470), (440, 490)], fill=CREAM)
    c.polygon([(602, 180), (760, 200), (760, 490), (602, 470)], fill=CREAM)
    c.line([(600, 180), (600, 472)], fill=GREY, width=4)
    for k in range(7):
        y = 230 + k * 30
        c.line([(462, y), (580, y - 8)], fill=GREY, width=6)
        c.line([(620, y - 8), (738, y)], fill=GREY, width=6)
    c.rect((440, 120, 760, 160), fill=TEAL, radius=8)
    # clock: loan period
    c.circle(960, 200, 86, fill=ORANGE)
    c.circle(960, 200, 68, fill=CREAM)
    c.line([(960, 200), (960, 150)], fill=NAVY, width=10)
    c.line([(960, 200), (1000, 222)], fill=NAVY, width=10)
    c.circle(240, 430, 70, fill=MUSTARD)
    c.polygon([(215, 395), (215, 465), (275, 430)], fill=WHITE)
    return c.result()


def cover_repository() -> Image.Image:
    c = Canvas(W, H, TEAL_DARK)
    dots(c, (20, 95, 82), step=34)
    # archive boxes
    for i, color in enumerate([SAND, CREAM, SAND]):
        x = 150 + i * 190
        c.rect((x, 330, x + 170, 520), fill=color, radius=8)
        c.rect((x - 8, 310, x + 178, 350), fill=MUSTARD, radius=6)
        c.rect((x + 55, 390, x + 115, 420), fill=WHITE, outline=GREY, width=3, radius=4)
    # mortarboard
    c.polygon([(850, 150), (1040, 230), (850, 310), (660, 230)], fill=NAVY)
    c.rect((760, 255, 940, 340), fill=NAVY, radius=12)
    c.line([(850, 230), (1010, 270), (1010, 360)], fill=MUSTARD, width=8)
    c.circle(1010, 370, 14, fill=MUSTARD)
    # upload arrow
    c.polygon(
        [(850, 380), (930, 460), (880, 460), (880, 540), (820, 540), (820, 460), (770, 460)],
        fill=ORANGE,
    )
    return c.result()


def cover_tour() -> Image.Image:
    c = Canvas(W, H, SKY)
    c.circle(1030, 110, 60, fill=MUSTARD)
    for x, y, s in [(170, 110, 1.0), (420, 70, 0.7), (760, 130, 0.8)]:
        c.ellipse((x, y, x + 160 * s, y + 50 * s), fill=WHITE)
        c.ellipse((x + 40 * s, y - 30 * s, x + 130 * s, y + 40 * s), fill=WHITE)
    c.rect((0, 540, W, H), fill=LEAF)
    # the library building
    c.polygon([(260, 220), (600, 120), (940, 220)], fill=TEAL_DARK)
    c.rect((280, 220, 920, 250), fill=CREAM)
    for k in range(6):
        x = 320 + k * 112
        c.rect((x, 250, x + 40, 500), fill=CREAM)
    c.rect((280, 250, 920, 500), fill=None)
    c.rect((300, 500, 900, 520), fill=SAND)
    c.rect((270, 520, 930, 545), fill=SAND)
    c.rect((560, 380, 640, 500), fill=ORANGE, radius=6)
    c.circle(600, 180, 22, fill=MUSTARD)
    return c.result()


def cover_hoax() -> Image.Image:
    c = Canvas(W, H, (252, 228, 236))
    stripes(c, (248, 216, 228), step=56, width=18)
    # speech bubbles: one false, one checked
    c.rect((140, 120, 560, 360), fill=WHITE, radius=30)
    c.polygon([(220, 350), (200, 440), (300, 355)], fill=WHITE)
    c.line([(290, 190), (410, 300)], fill=ROSE, width=26)
    c.line([(410, 190), (290, 300)], fill=ROSE, width=26)
    c.rect((640, 230, 1060, 470), fill=WHITE, radius=30)
    c.polygon([(980, 460), (1010, 545), (920, 465)], fill=WHITE)
    c.line([(780, 350), (830, 400), (930, 290)], fill=TEAL, width=28, joint="curve")
    magnifier(c, 560, 420, 80, NAVY, (235, 245, 255), NAVY)
    return c.result()


def cover_scholar() -> Image.Image:
    c = Canvas(W, H, (232, 234, 246))
    dots(c, (215, 219, 238), step=32)
    # a citation network: one paper cited by many
    center = (600, 330)
    rng = random.Random(3)
    satellites = []
    for k in range(11):
        a = math.radians(k * 360 / 11 + 10)
        r = rng.randint(190, 260)
        satellites.append((center[0] + r * 1.6 * math.cos(a), center[1] + r * math.sin(a)))
    for p in satellites:
        c.line([p, center], fill=(159, 168, 218), width=6)
    for i, (x, y) in enumerate(satellites):
        c.circle(x, y, 26, fill=[TEAL, ORANGE, MUSTARD, ROSE][i % 4])
    c.circle(*center, 70, fill=NAVY)
    document(c, (570, 285, 630, 370), lines=3)
    return c.result()


def cover_orientation() -> Image.Image:
    c = Canvas(W, H, TEAL)
    blobs(c, [(0, 137, 123), (0, 105, 92)], seed=21, count=8)
    # globe
    c.circle(420, 300, 190, fill=SKY)
    c.polygon([(300, 200), (390, 170), (430, 240), (370, 300), (320, 280)], fill=LEAF)
    c.polygon([(450, 330), (540, 300), (570, 380), (500, 450), (460, 410)], fill=LEAF)
    c.ellipse((230, 110, 610, 490), outline=WHITE, width=4)
    c.ellipse((340, 110, 500, 490), outline=WHITE, width=4)
    c.line([(230, 300), (610, 300)], fill=WHITE, width=4)
    c.circle(420, 300, 190, outline=NAVY, width=8)
    # a stack of books
    for i, color in enumerate([ORANGE, CREAM, MUSTARD, ROSE]):
        y = 500 - i * 56
        c.rect((700 + (i % 2) * 20, y, 1020 + (i % 2) * 20, y + 48), fill=color, radius=8)
    # location pin
    c.circle(860, 170, 50, fill=ORANGE)
    c.polygon([(818, 196), (902, 196), (860, 270)], fill=ORANGE)
    c.circle(860, 170, 20, fill=WHITE)
    return c.result()


def cover_webinar() -> Image.Image:
    c = Canvas(W, H, (255, 243, 224))
    dots(c, (250, 229, 200), step=38)
    # laptop with a slide
    c.rect((300, 110, 900, 470), fill=NAVY, radius=20)
    c.rect((322, 132, 878, 448), fill=WHITE, radius=6)
    c.polygon([(220, 470), (980, 470), (1020, 520), (180, 520)], fill=(69, 90, 100))
    # slide: a stacked list of sources feeding a synthesis box
    for i, color in enumerate([TEAL, ORANGE, MUSTARD, ROSE]):
        y = 160 + i * 68
        c.rect((360, y, 520, y + 48), fill=color, radius=8)
        c.line([(520, y + 24), (640, 290)], fill=GREY, width=5)
    c.rect((640, 230, 840, 350), fill=TEAL_DARK, radius=12)
    for k in range(3):
        c.line([(665, 262 + k * 30), (815 - k * 30, 262 + k * 30)], fill=CREAM, width=8)
    # presenter bubble
    c.circle(1040, 170, 70, fill=TEAL)
    c.circle(1040, 150, 26, fill=CREAM)
    c.pieslice((990, 175, 1090, 265), 180, 360, fill=CREAM)
    return c.result()


def cover_library_hours() -> Image.Image:
    """Used by the ordinary pages (about / ask a librarian) and the home page."""
    c = Canvas(W, H, TEAL_DARK)
    shelf(c, 80, 250, 1040, [ORANGE, CREAM, MUSTARD, ROSE, SKY, TEAL_LIGHT], seed=5)
    shelf(c, 80, 450, 1040, [MUSTARD, SKY, CREAM, ORANGE, TEAL_LIGHT, ROSE], seed=6)
    c.rect((0, 560, W, H), fill=NAVY)
    return c.result()


# -------------------------------------------------------------- book covers

BW, BH = 400, 600


def wrap(c: Canvas, text: str, size: int, max_width: float) -> list[str]:
    words, lines, line = text.split(), [], ""
    for word in words:
        trial = f"{line} {word}".strip()
        if c.text_width(trial, size) <= max_width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def book_frame(
    c: Canvas,
    title: str,
    author: str,
    title_color: Color,
    author_color: Color,
    band: Color | None = None,
    size: int = 40,
    top: int = 52,
) -> None:
    if band:
        c.rect((0, top - 22, BW, top - 22 + 38 + 48 * len(wrap(c, title, size, 330))), fill=band)
    for i, line in enumerate(wrap(c, title.upper(), size, 330)):
        c.text((BW / 2, top + i * 48), line, size, title_color, anchor="ma", stroke=0.8)
    c.text((BW / 2, BH - 52), author, 22, author_color, anchor="ma")


def book_laskar_pelangi() -> Image.Image:
    c = Canvas(BW, BH, (255, 244, 230))
    colors = [
        (229, 57, 53),
        (251, 140, 0),
        (253, 216, 53),
        (67, 160, 71),
        (30, 136, 229),
        (94, 53, 177),
    ]
    for i, color in enumerate(colors):
        r = 210 - i * 22
        c.arc((200 - r, 430 - r, 200 + r, 430 + r), 180, 360, fill=color, width=22)
    # a small school house under the rainbow
    c.polygon([(130, 380), (200, 330), (270, 380)], fill=(121, 85, 72))
    c.rect((140, 380, 260, 440), fill=(215, 204, 200))
    c.rect((185, 400, 215, 440), fill=(121, 85, 72))
    c.rect((0, 440, BW, BH), fill=(139, 195, 74))
    book_frame(c, "Laskar Pelangi", "Andrea Hirata", NAVY, INK)
    return c.result()


def book_bumi_manusia() -> Image.Image:
    c = Canvas(BW, BH, (93, 64, 55))
    c.circle(290, 250, 60, fill=(255, 183, 77))
    layers = [(141, 110, 99), (121, 85, 72), (78, 52, 46), (62, 39, 35)]
    for i, color in enumerate(layers):
        y = 300 + i * 55
        c.polygon(
            [(0, y + 40), (90, y), (200, y + 35), (310, y - 10), (BW, y + 30), (BW, BH), (0, BH)],
            fill=color,
        )
    book_frame(c, "Bumi Manusia", "Pramoedya Ananta Toer", (255, 224, 178), (255, 224, 178))
    return c.result()


def book_cantik_itu_luka() -> Image.Image:
    c = Canvas(BW, BH, (38, 50, 56))
    # a flower, split by a red line
    for k in range(8):
        a = math.radians(k * 45)
        x, y = 200 + 70 * math.cos(a), 320 + 70 * math.sin(a)
        c.circle(x, y, 48, fill=(240, 98, 146))
    c.circle(200, 320, 44, fill=(255, 213, 79))
    c.line([(60, 470), (180, 330), (220, 310), (340, 170)], fill=(198, 40, 40), width=10)
    book_frame(c, "Cantik Itu Luka", "Eka Kurniawan", (248, 187, 208), (248, 187, 208), size=38)
    return c.result()


def book_filosofi_teras() -> Image.Image:
    c = Canvas(BW, BH, (224, 242, 241))
    # a portico (stoa)
    c.polygon([(60, 250), (200, 190), (340, 250)], fill=TEAL_DARK)
    c.rect((60, 250, 340, 270), fill=TEAL_DARK)
    for k in range(5):
        x = 78 + k * 58
        c.rect((x, 270, x + 30, 450), fill=WHITE)
        c.rect((x - 6, 270, x + 36, 282), fill=TEAL)
    c.rect((50, 450, 350, 470), fill=TEAL_DARK)
    c.rect((35, 470, 365, 490), fill=TEAL)
    book_frame(c, "Filosofi Teras", "Henry Manampiring", TEAL_DARK, TEAL_DARK)
    return c.result()


def book_atomic_habits() -> Image.Image:
    c = Canvas(BW, BH, (250, 250, 245))
    # tiny dots that grow: small changes, compounding
    for row in range(6):
        for col in range(7):
            k = row * 7 + col
            r = 2 + k * 0.42
            c.circle(52 + col * 49, 190 + row * 52, min(r, 19), fill=MUSTARD if k < 41 else ORANGE)
    book_frame(c, "Atomic Habits", "James Clear", INK, INK, size=42)
    return c.result()


def book_thinking_fast_slow() -> Image.Image:
    c = Canvas(BW, BH, WHITE)
    # system 1: a quick zigzag; system 2: a slow, careful curve
    c.line(
        [(60, 260), (110, 320), (150, 240), (200, 330), (240, 250), (290, 320), (340, 260)],
        fill=ORANGE,
        width=10,
        joint="curve",
    )
    points = [(60 + t * 2.8, 420 + 40 * math.sin(t / 16)) for t in range(0, 101, 2)]
    c.line(points, fill=NAVY, width=10, joint="curve")
    c.circle(60, 260, 10, fill=ORANGE)
    c.circle(60, 420, 10, fill=NAVY)
    book_frame(c, "Thinking, Fast and Slow", "Daniel Kahneman", NAVY, INK, size=34)
    return c.result()


# ----------------------------------------------------------- review banners


def review_banner(
    draw_book: Callable[[], Image.Image], background: Color, accent: Color, rating: int, seed: int
) -> Image.Image:
    c = Canvas(W, H, background)
    r, g, b = (min(255, v + 18) for v in background)
    blobs(c, [(r, g, b)], seed=seed, count=6)
    small = draw_book().resize((300, 450), Image.Resampling.LANCZOS)
    box = (150, 90, 450, 540)
    c.shadow(box, radius=6)
    c.paste(small, box[:2])
    shelf(c, 560, 470, 520, [accent, CREAM, TEAL, MUSTARD, ROSE], seed=seed)
    for i in range(5):
        star(c, 620 + i * 100, 200, 40, MUSTARD if i < rating else (255, 255, 255))
    return c.result()


# -------------------------------------------------------------------- avatars


def avatar(
    initials: str,
    background: Color,
    shirt: Color,
    hijab: Color | None = None,
    long_hair: bool = False,
) -> Image.Image:
    c = Canvas(128, 128, background)
    if long_hair:
        c.rect((37, 40, 91, 100), fill=(62, 39, 35), radius=14)
    c.pieslice((14, 84, 114, 184), 180, 360, fill=shirt)
    if hijab:
        c.ellipse((34, 22, 94, 90), fill=hijab)
        c.polygon([(36, 60), (92, 60), (100, 104), (28, 104)], fill=hijab)
        c.ellipse((45, 36, 83, 78), fill=(255, 224, 189))
    else:
        c.ellipse((37, 18, 91, 74), fill=(62, 39, 35))  # hair, behind the face
        c.rect((58, 70, 70, 92), fill=(240, 204, 170))  # neck
        c.ellipse((43, 32, 85, 82), fill=(255, 224, 189))  # face
        c.pieslice((41, 24, 87, 56), 180, 360, fill=(62, 39, 35))  # fringe
    c.rect((84, 96, 124, 124), fill=WHITE, radius=8)
    c.text((104, 110), initials, 15, INK, anchor="mm")
    return c.result()


# ----------------------------------------------------------------- writing


def encode_jpeg(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=80, optimize=True, progressive=False, subsampling="4:2:0")
    return buf.getvalue()


def encode_png(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    paletted = image.quantize(colors=48, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    paletted.save(buf, "PNG", optimize=True)
    return buf.getvalue()


def pictures() -> dict[str, tuple[Callable[[], Image.Image], str, int]]:
    """file name -> (drawing function, encoder, size limit in bytes)."""
    books = {
        "laskar-pelangi": (book_laskar_pelangi, (255, 224, 178), (229, 57, 53), 5),
        "bumi-manusia": (book_bumi_manusia, (215, 204, 200), (93, 64, 55), 5),
        "cantik-itu-luka": (book_cantik_itu_luka, (248, 187, 208), (38, 50, 56), 4),
        "filosofi-teras": (book_filosofi_teras, TEAL_LIGHT, TEAL_DARK, 4),
        "atomic-habits": (book_atomic_habits, (255, 236, 179), ORANGE, 4),
        "thinking-fast-and-slow": (book_thinking_fast_slow, (197, 202, 233), NAVY, 5),
    }
    table: dict[str, tuple[Callable[[], Image.Image], str, int]] = {
        "cover-opac.jpg": (cover_opac, "jpeg", 60_000),
        "cover-garuda.jpg": (cover_garuda, "jpeg", 60_000),
        "cover-boolean.jpg": (cover_boolean, "jpeg", 60_000),
        "cover-zotero.jpg": (cover_zotero, "jpeg", 60_000),
        "cover-open-access.jpg": (cover_open_access, "jpeg", 60_000),
        "cover-ebook.jpg": (cover_ebook, "jpeg", 60_000),
        "cover-repositori.jpg": (cover_repository, "jpeg", 60_000),
        "cover-tur.jpg": (cover_tour, "jpeg", 60_000),
        "cover-hoaks.jpg": (cover_hoax, "jpeg", 60_000),
        "cover-scholar.jpg": (cover_scholar, "jpeg", 60_000),
        "cover-orientation.jpg": (cover_orientation, "jpeg", 60_000),
        "cover-webinar.jpg": (cover_webinar, "jpeg", 60_000),
        "cover-perpustakaan.jpg": (cover_library_hours, "jpeg", 60_000),
    }
    for slug, (draw, bg, accent, rating) in books.items():
        table[f"books/{slug}.jpg"] = (draw, "jpeg", 40_000)
        banner = partial(review_banner, draw, bg, accent, rating, len(slug))
        table[f"cover-resensi-{slug}.jpg"] = (banner, "jpeg", 60_000)
    avatars = {
        "siti-rahma": ("SR", TEAL_LIGHT, TEAL, (0, 105, 92)),
        "budi-santoso": ("BS", (255, 224, 178), NAVY, None),
        "ayu-wulandari": ("AW", (248, 187, 208), ROSE, (136, 14, 79)),
        "rizky-pratama": ("RP", (197, 202, 233), ORANGE, None),
        "maria-halim": ("MH", (220, 237, 200), PLUM, None),
    }
    for author_id, (initials, bg, shirt, hijab) in avatars.items():
        long_hair = author_id == "maria-halim"
        face = partial(avatar, initials, bg, shirt, hijab, long_hair)
        table[f"authors/{author_id}.png"] = (face, "png", 10_000)
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report files that would change")
    args = parser.parse_args(argv)
    changed, too_big, total = [], [], 0
    for name, (draw, kind, limit) in pictures().items():
        data = encode_jpeg(draw()) if kind == "jpeg" else encode_png(draw())
        total += len(data)
        if len(data) > limit:
            too_big.append(f"{name}: {len(data)} bytes > {limit}")
        path = OUT / name
        if not path.exists() or path.read_bytes() != data:
            changed.append(name)
            if not args.check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
    for line in too_big:
        print(f"too big: {line}", file=sys.stderr)
    verb = "would change" if args.check else "written"
    print(f"{len(changed)} file(s) {verb}; {total / 1024:.0f} KiB in total")
    for name in changed:
        print(f"  {name}")
    return 1 if too_big or (args.check and changed) else 0


if __name__ == "__main__":
    sys.exit(main())

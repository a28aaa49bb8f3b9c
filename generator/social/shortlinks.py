"""Short links and QR codes for posters and shelves: ``/s/<code>/`` redirects to an item.

A code is the start of the base32 SHA-256 of the item's stable id (an id that never changes,
supplied by the caller), six characters unless two items would share them: then the item
published later gets a longer code (seven, eight, … characters), so an older, printed code
never changes when a new item arrives. Codes use ``a-z`` and ``2-7`` only.

Each short link is a small HTML page (``s/<code>/index.html``: meta refresh, canonical link,
noindex, a visible link) and a QR code of the short address (``s/<code>/qr.svg``, made with
segno, pure Python; the same address always gives the same bytes).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode

from ..library.library import Library
from ..pictures.pool import Drawing
from ..pictures.qr import qr_job
from ..render.csp import with_policy
from ..render.environment import environment
from ..render.link_preview import absolute
from ..values.links import relative
from ..words.translate import translator

CODE_LENGTH = 6
MAX_LENGTH = 52  # a SHA-256 in base32, without padding
FOLDER = "s"


def short_code(stable_id: str, length: int = CODE_LENGTH) -> str:
    """``length`` characters (a-z, 2-7) derived from ``stable_id``; the same id, the same code."""
    digest = hashlib.sha256(stable_id.encode("utf-8")).digest()
    return base64.b32encode(digest).decode("ascii").rstrip("=").lower()[:length]


def assign_codes(entries: Iterable[tuple[str, datetime]]) -> dict[str, str]:
    """Stable id -> code for (stable id, publication date) pairs. Earlier items keep the short
    form; a later one whose code is taken is lengthened until it is unique (deterministic:
    decided by date, then id — never by the order of the input)."""
    taken: dict[str, str] = {}
    out: dict[str, str] = {}
    for stable_id, _ in sorted(set(entries), key=lambda e: (e[1], e[0])):
        if stable_id in out:
            continue
        for length in range(CODE_LENGTH, MAX_LENGTH + 1):
            code = short_code(stable_id, length)
            if code not in taken:
                break
        else:  # pragma: no cover - a full SHA-256 collision
            raise ValueError(f"two stable ids hash alike: {stable_id!r}, {taken[code]!r}")
        taken[code] = stable_id
        out[stable_id] = code
    return out


@dataclass(frozen=True)
class ShortLink:
    code: str
    path: str  # s/<code>/ (site-relative)
    url: str  # absolute short address
    target: str  # the item's absolute canonical address
    qr_path: str  # s/<code>/qr.svg


def short_links(library: Library,
                stable_ids: Mapping[str, str] | None = None) -> dict[str, ShortLink]:
    """``item.src`` -> its short link, for every item of this build. ``stable_ids`` maps
    ``item.src`` to the id that never changes; without one an item's address is used. Codes
    are decided over every valid item (drafts and scheduled ones too), so publishing one never
    changes another's code."""
    ids = stable_ids or {}

    def stable(src: str, url: str) -> str:
        return ids.get(src, url)

    codes = assign_codes((stable(i.src, i.url), i.date) for i in library.all_items)
    out = {}
    for item in library.items:
        code = codes[stable(item.src, item.url)]
        path = f"{FOLDER}/{code}/"
        out[item.src] = ShortLink(code, path, absolute(library.settings, path),
                                  absolute(library.settings, item.url), path + "qr.svg")
    return out


def render_redirect(target: str, canonical: str, title: str, lang: str,
                    campaign: str = "") -> str:
    """A small HTML5 page that sends the browser to ``target`` (may be relative) at once, with
    ``canonical`` (absolute) for search engines and a visible link for everyone else. The
    address's parameters go along (a campaign's ``utm_*``); ``campaign`` (a query string) is
    added when the address had no campaign of its own."""
    # The same Content-Security-Policy as every other page: only its own script may run.
    return with_policy(environment().get_template("pages/redirect.html").render(
        target=target, canonical=canonical, title=title, lang=lang, t=translator(lang),
        campaign=campaign))


def print_campaign(slug: str) -> str:
    """The campaign of a short link followed without one of its own: it was typed from a
    poster or read from its QR code."""
    return urlencode([("utm_source", "shortlink"), ("utm_medium", "print"),
                      ("utm_campaign", slug)])


def write_short_links(library: Library, out_dir: Path, links: Mapping[str, ShortLink], *,
                      qr: bool = True) -> None:
    """``s/<code>/index.html`` under ``out_dir`` for every item's link (``short_links``), and
    ``s/<code>/qr.svg`` unless ``qr`` is False (a build draws those with its other pictures:
    ``artwork``)."""
    by_src = {i.src: i for i in library.items}
    for src, link in links.items():
        item = by_src[src]
        folder = out_dir / link.path
        folder.mkdir(parents=True, exist_ok=True)
        html = render_redirect(relative(item.url, link.path), link.target, item.title,
                               item.lang, print_campaign(item.slug))
        (folder / "index.html").write_bytes(html.encode("utf-8"))
    if qr:
        jobs = [qr_job(link.url, link.qr_path) for link in links.values()]
        Drawing(jobs, out_dir, workers=0).start().finish()

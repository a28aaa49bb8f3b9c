"""QR codes of the short links, for posters and shelves: segno (pure Python), so the same
address always gives the same bytes."""

from __future__ import annotations

import hashlib
import io

import segno

from .jobs import PictureJob

QR_VERSION = "1"  # bump when qr_svg's drawing changes


def qr_svg(url: str, stamp: bytes = b"") -> bytes:
    """A QR code of ``url`` as a small SVG (dark modules on white, quiet zone of 4);
    ``stamp`` goes into an XML comment after the declaration (see ``previous_site``)."""
    qr = segno.make(url, error="m", micro=False)
    buffer = io.BytesIO()
    qr.save(buffer, kind="svg", scale=8, border=4, dark="#000", light="#fff", xmldecl=True,
            svgns=True, title=url, nl=True)
    data = buffer.getvalue()
    if not stamp:
        return data
    declaration, rest = data.split(b"\n", 1)
    return declaration + b"\n<!-- " + stamp + b" -->\n" + rest


def qr_job(url: str, rel: str) -> PictureJob:
    """The QR code of ``url``, drawn at ``rel`` in the site (``s/<code>/qr.svg``)."""
    key = hashlib.sha256(f"{QR_VERSION}\n{segno.__version__}\n{url}".encode())
    return PictureJob(rel, f"knowledge-site {key.hexdigest()}".encode(), "qr", (url,))

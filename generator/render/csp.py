"""The Content-Security-Policy each page carries as a ``<meta>`` tag.

Scripts only from the site itself — plus, by their SHA-256, the few inline scripts
Material's own templates write (theme and palette set-up), so a script smuggled into
content cannot run even if it got past the body policy. Frames only from the
privacy-enhanced video players, and only after the patron pressed play.
"""

from __future__ import annotations

import base64
import hashlib
import re

from ..content.embeds import FRAME_HOSTS

# Inline, executable <script> elements (no src, no data type such as JSON-LD).
_INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"application/(?:ld\+)?json\")[^>]*>(.*?)</script>",
    re.S | re.I,
)
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?>", re.I)


def policy(html: str, image_hosts: tuple[str, ...] = (),
           media_hosts: tuple[str, ...] = (), counter: str = "") -> str:
    """``image_hosts``: the hosts whose pictures the library trusts (the ``image_hosts``
    setting): pages may load pictures from them, over https. ``media_hosts``: the same for
    video files (the ``media_hosts`` setting), played after a click. ``counter``: the visit
    counter's origin (the ``analytics`` setting), which may send its script and receive the
    count; empty: none."""
    hashes = sorted({_sha256(m.group(1)) for m in _INLINE_SCRIPT.finditer(html)})
    frames = " ".join(sorted(FRAME_HOSTS))
    images = "".join(f" https://{host}" for host in sorted(set(image_hosts)))
    media = "".join(f" https://{host}" for host in sorted(set(media_hosts)))
    count = f" {counter}" if counter else ""
    return "; ".join([
        "default-src 'self'",
        # Pagefind's index is WebAssembly: it needs 'wasm-unsafe-eval' (not 'unsafe-eval').
        f"script-src 'self'{count} 'wasm-unsafe-eval' " + " ".join(f"'{h}'" for h in hashes),
        "style-src 'self' 'unsafe-inline'",
        f"img-src 'self' data:{images}{count}",
        "font-src 'self' data:",
        f"media-src 'self'{media}",
        f"connect-src 'self'{count}",
        f"frame-src {frames}",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def with_policy(html: str, content: str = "", image_hosts: tuple[str, ...] = (),
                media_hosts: tuple[str, ...] = (), counter: str = "") -> str:
    """The page with its policy as the first thing after ``<meta charset>``. ``content``,
    the page's article (mkdocs' ``page.content``), is left out when hashing: only the
    theme's own inline scripts are allowed, so one that slipped into the content cannot
    run."""
    theme_only = html.replace(content, "") if content else html
    tag = ('<meta http-equiv="Content-Security-Policy" '
           f'content="{policy(theme_only, image_hosts, media_hosts, counter)}">')
    match = _CHARSET.search(html)
    if match is None:
        return html
    return html[:match.end()] + tag + html[match.end():]


def _sha256(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")

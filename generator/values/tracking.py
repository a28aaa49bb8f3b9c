"""Tracking parameters: what share buttons add to an address to follow the person who shared it.

A librarian copies a link from YouTube's share button (``youtu.be/…?si=…``), from Instagram
(``?igsh=…``) or from a newsletter (``?utm_source=…``). Those parameters identify who shared
the link with whom; they do nothing for the reader, and a library should not pass them on. The
site publishes every address a librarian wrote without them (pages, JSON-LD, feeds, the share
kit); ``check`` says where, and ``knowledge-site fix`` removes them from the files too.

Only names that are tracking on every site are removed everywhere (``utm_*``, ``fbclid``,
``gclid`` …); short or common names (``si``, ``feature``, ``t``) only on the hosts where they
are known to be tracking, so a catalogue's own ``?feature=…`` is never touched. Everything else
in the address stays exactly as written, encoding and order included.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

# Tracking on any host (the lists of ClearURLs and Firefox's query stripping agree on these).
EVERYWHERE = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "gclsrc", "msclkid", "yclid", "twclid",
    "ttclid", "igshid", "igsh", "mibextid", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "mkt_tok",
    "srsltid", "_ga", "_gl", "oly_enc_id", "oly_anon_id", "vero_id", "wickedid",
})
PREFIXES = ("utm_",)
_YOUTUBE = frozenset({"si", "feature", "pp", "ab_channel", "embeds_referring_euri",
                      "source_ve_path"})
# Host (without www./m.) -> names that are tracking there.
BY_HOST: dict[str, frozenset[str]] = {
    "youtube.com": _YOUTUBE, "youtu.be": _YOUTUBE, "music.youtube.com": _YOUTUBE,
    "open.spotify.com": frozenset({"si", "context"}),
    "instagram.com": frozenset({"igsh", "igshid", "img_index"}),
    "facebook.com": frozenset({"mibextid", "rdid", "sfnsn"}),
    "x.com": frozenset({"s", "t", "ref_src", "ref_url"}),
    "twitter.com": frozenset({"s", "t", "ref_src", "ref_url"}),
    "tiktok.com": frozenset({"is_from_webapp", "sender_device", "is_copy_url", "_r", "_t",
                             "share_app_id", "share_link_id", "tt_from", "u_code"}),
    "vimeo.com": frozenset({"share"}),
}
_SEPARATOR = re.compile(r"(&amp;|&)")


def is_tracking(name: str, host: str) -> bool:
    key = unquote(name).strip().lower()
    return key in EVERYWHERE or key.startswith(PREFIXES) or key in BY_HOST.get(host, ())


def without_tracking(url: str) -> str:
    """``url`` without its tracking parameters; the very same string when it has none.
    Works on an address as written in HTML too (``&amp;`` between parameters)."""
    if "?" not in url:
        return url
    try:
        parts = urlsplit(url.replace("&amp;", "&"))
    except ValueError:
        return url
    if parts.scheme.lower() not in ("http", "https"):
        return url
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    start = url.index("?")
    end = url.find("#", start)
    end = len(url) if end < 0 else end
    pieces = _SEPARATOR.split(url[start + 1:end])
    params, separators = pieces[0::2], pieces[1::2]
    kept = [p for p in params if p and not is_tracking(p.split("=", 1)[0], host)]
    if len(kept) == len([p for p in params if p]):
        return url
    query = (separators[0] if separators else "&").join(kept)
    return url[:start] + ("?" + query if query else "") + url[end:]

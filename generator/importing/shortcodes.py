"""Shortcodes: WordPress ``[caption]``, ``[embed]``, ``[gallery]``…, Jekyll's Liquid tags
(``{% youtube %}``, ``{% highlight %}``) and Hugo's ``{{< youtube >}}``, ``{{< figure >}}``.

Those with a meaning a page can keep become HTML or Markdown (a caption a figure, a video its
address alone on a line, which the site turns into its click-to-load player); every other one
is taken out and counted, so the import can say per post what it could not bring along."""

from __future__ import annotations

import html
import re
from collections import Counter

_ATTR = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s\]]+))""")
# WordPress: [name attrs]...[/name] or [name attrs]; names as WordPress allows them.
_WP_PAIR = re.compile(r"\[(caption|wp_caption|embed|audio|video)(\s[^\]]*)?\](.*?)\[/\1\]",
                      re.S | re.I)
_WP_TAG = re.compile(r"\[(/?)([a-zA-Z][\w-]*)((?:\s+[\w-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'|"
                     r"[^\s\]]+))*)\s*/?\]")
_YOUTUBE_SC = re.compile(r"\[youtube[= ]\s*([^\]\s]+)[^\]]*\]", re.I)
WP_KNOWN = frozenset({"gallery", "playlist", "audio", "video", "contact-form", "contact-form-7",
                      "shortcode", "googlemaps", "slideshow", "instagram", "twitter", "tweet",
                      "soundcloud", "vimeo", "dailymotion", "archives", "polldaddy", "gist",
                      "code", "sourcecode", "button", "column", "row", "vc_row", "vc_column",
                      "vc_column_text", "et_pb_section", "et_pb_row", "et_pb_text"})
_LIQUID = re.compile(r"\{%-?\s*(\w+)([^%]*?)-?%\}")
_LIQUID_OUT = re.compile(r"\{\{-?\s*([^}]*?)\s*-?\}\}")
_HUGO = re.compile(r"\{\{[<%]\s*(/?)([\w./-]+)((?:[^>%]|>(?!\}\}))*?)\s*/?[>%]\}\}")


def attrs(text: str) -> dict[str, str]:
    return {m.group(1).lower(): html.unescape(m.group(2) or m.group(3) or m.group(4) or "")
            for m in _ATTR.finditer(text or "")}


def wordpress(text: str, lost: Counter[str]) -> str:
    """WordPress shortcodes in a post's HTML."""

    def pair(m: re.Match[str]) -> str:
        name, inner = m.group(1).lower(), m.group(3)
        if name in ("caption", "wp_caption"):
            caption = attrs(m.group(2) or "").get("caption", "")
            picture = re.search(r"(<a\b[^>]*>\s*)?<img\b[^>]*>(\s*</a>)?", inner, re.I)
            if picture is None:
                return inner
            caption = caption or inner[picture.end():].strip()
            return f"<figure>{picture.group(0)}<figcaption>{caption}</figcaption></figure>"
        if name == "embed":
            return f"\n\n<p>{inner.strip()}</p>\n\n"
        src = attrs(m.group(2) or "").get("src") or attrs(m.group(2) or "").get("mp4")
        if name == "video" and src:
            return f"\n\n<p>{src}</p>\n\n"
        lost[f"[{name}]"] += 1
        return ""

    text = _WP_PAIR.sub(pair, text)
    text = _YOUTUBE_SC.sub(lambda m: f"\n\n<p>{html.unescape(m.group(1))}</p>\n\n", text)

    def tag(m: re.Match[str]) -> str:
        name = m.group(2).lower()
        if name in WP_KNOWN or m.group(3).strip() or (m.group(1) and name in _opened):
            if not m.group(1):
                lost[f"[{name}]"] += 1
                _opened.add(name)
            return ""
        return m.group(0)

    _opened: set[str] = set()
    # A closing tag without attributes is only a shortcode if it closes one seen before.
    return _WP_TAG.sub(tag, text)


def liquid(text: str, lost: Counter[str]) -> str:
    """Jekyll's Liquid tags in a Markdown post."""

    def tag(m: re.Match[str]) -> str:
        name, rest = m.group(1).lower(), m.group(2).strip()
        if name in ("raw", "endraw", "comment", "endcomment"):
            return ""
        if name == "highlight":
            return "```" + (rest.split()[0] if rest else "")
        if name == "endhighlight":
            return "```"
        first = rest.split()[0].strip("\"'") if rest else ""
        if name == "youtube" and first:
            return f"\n\nhttps://www.youtube.com/watch?v={first}\n\n"
        if name == "vimeo" and first:
            return f"\n\nhttps://vimeo.com/{first}\n\n"
        lost["{% " + name + " %}"] += 1
        return ""

    text = _LIQUID.sub(tag, text)

    def output(m: re.Match[str]) -> str:
        lost["{{ " + m.group(1).split("|")[0].strip()[:40] + " }}"] += 1
        return ""

    return _LIQUID_OUT.sub(output, text)


def hugo(text: str, lost: Counter[str]) -> str:
    """Hugo's shortcodes in a Markdown page."""

    def code(m: re.Match[str]) -> str:
        closing, name, rest = m.group(1), m.group(2).lower(), m.group(3)
        if closing:
            return ""
        found = attrs(rest)
        first = rest.strip().split()[0].strip("\"'") if rest.strip() else ""
        if name == "youtube" and (found.get("id") or first):
            video = found.get("id") or first
            return f"\n\nhttps://www.youtube.com/watch?v={video}\n\n"
        if name == "vimeo" and (found.get("id") or first):
            return f"\n\nhttps://vimeo.com/{found.get('id') or first}\n\n"
        if name == "figure" and found.get("src"):
            alt = found.get("alt", "")
            caption = found.get("caption") or found.get("title", "")
            return (f'\n\n<figure><img src="{html.escape(found["src"])}" '
                    f'alt="{html.escape(alt)}"><figcaption>{html.escape(caption)}'
                    "</figcaption></figure>\n\n")
        lost["{{< " + name + " >}}"] += 1
        return ""

    return _HUGO.sub(code, text)

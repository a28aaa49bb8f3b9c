"""The sanitiser: what raw HTML in a librarian's text may carry into a page, as an allow-list
applied to the HTML the engine rendered (nh3, Rust ammonia). The decisions are listed in
body_policy.py, which reports in ``check`` what this removes; docs/escaping.md explains them.
"""

from __future__ import annotations

import html as htmllib
import re
from functools import cache

import nh3

# -- the allow-list (render) --------------------------------------------------------------------

ALLOWED_TAGS = frozenset({
    "a", "abbr", "address", "article", "aside", "audio", "b", "bdi", "bdo", "blockquote",
    "br", "caption", "cite", "code", "col", "colgroup", "data", "dd", "del", "details", "dfn",
    "div", "dl", "dt", "em", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hgroup", "hr", "i", "img", "ins", "kbd", "li", "main", "mark", "nav",
    "ol", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "section", "small", "source",
    "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "time", "tr", "track", "u", "ul", "var", "video", "wbr",
})
# Removed together with everything inside them.
REMOVED_WITH_CONTENT = frozenset({
    "script", "style", "template", "noscript", "iframe", "frame", "frameset", "noembed",
    "noframes", "textarea", "select", "svg", "math", "title", "xmp", "plaintext",
})
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "title", "lang", "dir", "role", "style",
                               "hidden", "translate"})
ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "hreflang", "rel", "target", "download", "name", "type"}),
    "img": frozenset({"src", "alt", "width", "height", "loading", "decoding"}),
    "video": frozenset({"src", "poster", "controls", "width", "height", "muted", "loop",
                        "playsinline"}),
    "audio": frozenset({"src", "controls", "muted", "loop"}),
    "source": frozenset({"src", "type", "media"}),
    "track": frozenset({"src", "kind", "srclang", "label", "default"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}),
    "td": frozenset({"colspan", "rowspan", "headers"}),
    "th": frozenset({"colspan", "rowspan", "headers", "scope", "abbr"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "time": frozenset({"datetime"}),
    "data": frozenset({"value"}),
    "del": frozenset({"datetime", "cite"}),
    "ins": frozenset({"datetime", "cite"}),
    "q": frozenset({"cite"}),
    "blockquote": frozenset({"cite"}),
    "details": frozenset({"open"}),
}
# Only these values (media elements load nothing before the reader presses play).
ALLOWED_VALUES: dict[str, dict[str, frozenset[str]]] = {
    "video": {"preload": frozenset({"none", "metadata"})},
    "audio": {"preload": frozenset({"none", "metadata"})},
}
ATTRIBUTE_PREFIXES = frozenset({"aria-", "data-pagefind-", "data-ks-"})
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
STYLE_PROPERTIES = frozenset({"text-align"})  # what Python-Markdown's tables write

URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "poster",
                            "cite", "background", "data", "ping", "longdesc", "lowsrc",
                            "dynsrc", "manifest", "codebase", "icon", "srcset",
                            "imagesrcset", "data-ks-embed", "itemtype", "profile"})

_EMBED = re.compile(r"^https://(www\.youtube-nocookie\.com/embed|player\.vimeo\.com/video)/")
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_TAB_NEWLINE = re.compile(r"[\t\n\r]")


def browser_form(value: str) -> str:
    """An address as a browser reads it in an attribute: character references decoded,
    controls and spaces around it and tabs and line ends inside it removed."""
    return _TAB_NEWLINE.sub("", htmllib.unescape(value).strip(
        "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10"
        "\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "))


def url_scheme(value: str, *, unescape: bool = True) -> str | None:
    """The scheme a browser would read in ``value`` (lower case), or None for a relative
    address: character references decoded (unless the caller already did, as HTMLParser
    does for attribute values), leading/trailing controls and spaces stripped, tabs and
    line ends inside removed — as the URL standard does."""
    text = htmllib.unescape(value) if unescape else value
    text = _TAB_NEWLINE.sub("", text.strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a"
                                           "\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15"
                                           "\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "))
    m = _SCHEME.match(text)
    return m.group(1).lower() if m else None


def style_is_allowed(value: str) -> bool:
    """A ``style`` attribute that the sanitiser keeps whole: only allowed properties, and no
    ``url(``, ``expression(`` or escapes that could hide one."""
    lowered = value.lower()
    if "url(" in lowered or "expression" in lowered or "\\" in lowered or "@" in lowered:
        return False
    for declaration in value.split(";"):
        if not declaration.strip():
            continue
        name, colon, _ = declaration.partition(":")
        if not colon or name.strip().lower() not in STYLE_PROPERTIES:
            return False
    return True


# -- render ---------------------------------------------------------------------------------------

def sanitize_html(html: str) -> str:
    """The article HTML with everything outside the allow-list removed (nh3/ammonia).

    Idempotent; a body written in plain Markdown comes out as the same document (the
    serialisation may differ: ``<br />`` -> ``<br>``, ``&para;`` -> ``¶``).
    """
    if not html:
        return html
    return CONTROL_CHARACTERS.sub("", _cleaner().clean(html))


def sanitize_marked(html: str, start: str, end: str) -> str:
    """``html`` with every region between a ``start`` and the next ``end`` marker (the item
    templates' ``<!-- ks-body -->`` … ``<!-- /ks-body -->``) sanitised; the markers and
    everything outside them — the generated parts of the page — stay as they are."""
    out: list[str] = []
    position = 0
    while (begin := html.find(start, position)) != -1:
        inner = begin + len(start)
        finish = html.find(end, inner)
        if finish == -1:
            break
        out += [html[position:inner], sanitize_html(html[inner:finish])]
        position = finish
    out.append(html[position:])
    return "".join(out)


def _filter(tag: str, attribute: str, value: str) -> str | None:
    """nh3's callback: URL attributes it does not check itself, and the player's address."""
    if attribute == "data-ks-embed":
        return value if _EMBED.match(value) else None
    if attribute in URL_ATTRIBUTES and url_scheme(value, unescape=False) not in (
            None, *URL_SCHEMES):
        return None
    return value


@cache
def _cleaner() -> nh3.Cleaner:
    attributes: dict[str, set[str]] = {"*": set(GLOBAL_ATTRIBUTES)}
    for tag, names in ALLOWED_ATTRIBUTES.items():
        attributes[tag] = set(names)
    values = {tag: {name: set(allowed) for name, allowed in by_name.items()}
              for tag, by_name in ALLOWED_VALUES.items()}
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(REMOVED_WITH_CONTENT),
        attributes=attributes,
        attribute_filter=_filter,
        strip_comments=True,
        link_rel=None,
        generic_attribute_prefixes=set(ATTRIBUTE_PREFIXES),
        tag_attribute_values=values,
        url_schemes=set(URL_SCHEMES),
        filter_style_properties=set(STYLE_PROPERTIES),
    )



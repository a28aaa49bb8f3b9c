"""Share buttons for item pages: plain links to each network's share address, no third-party
script. "Copy link" and the phone's own share sheet need JavaScript (``assets/share.js``); their
buttons are ``hidden`` until that script finds the browser can do it.

The shared address is the item's canonical address, without tracking parameters: a link
readers pass on should stay clean.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..content.models import Item
from ..library.library import Library
from ..values.platforms import BUTTONS, share_address
from ..words.translate import translator
from .environment import environment
from .link_preview import absolute


@dataclass(frozen=True)
class ShareLink:
    network: str  # a platform's id (values/platforms.py)
    label: str
    href: str
    new_tab: bool = True


@dataclass(frozen=True)
class ShareButtons:
    url: str  # the item's canonical address
    title: str
    text: str  # the item's summary
    heading: str
    links: tuple[ShareLink, ...]
    copy_label: str
    copied_label: str
    native_label: str


def share_buttons(library: Library, item: Item) -> ShareButtons:
    t = translator(item.lang)
    url = absolute(library.settings, item.url)
    title = " ".join(item.title.split())
    body = f"{item.summary}\n\n{url}"
    links = tuple(ShareLink(p.id, t(f"share.{p.id}"), share_address(p, url, title, body),
                            p.new_tab) for p in BUTTONS)
    return ShareButtons(url, title, item.summary, t("share.heading"), links, t("share.copy"),
                        t("share.copied"), t("share.native"))


def render_share_buttons(library: Library, item: Item) -> Markup:
    """The buttons as one HTML block (no blank line, so Markdown leaves it alone)."""
    html = environment().get_template("partials/share_buttons.html").render(
        share=share_buttons(library, item))
    return Markup(html)

"""Share buttons for item pages: plain links to each network's share address, no third-party
script. "Copy link" and the phone's own share sheet need JavaScript (``assets/share.js``); their
buttons are ``hidden`` until that script finds the browser can do it.

The shared address is the item's canonical address, without tracking parameters: a link
readers pass on should stay clean.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup

from ..content.models import Item
from ..library.collect import Library
from ..words.translate import translator
from .environment import environment
from .link_preview import absolute


@dataclass(frozen=True)
class ShareLink:
    network: str  # whatsapp | facebook | x | telegram | email
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


def _q(text: str) -> str:
    return quote(text, safe="")


def share_buttons(library: Library, item: Item) -> ShareButtons:
    t = translator(item.lang)
    url = absolute(library.settings, item.url)
    title = " ".join(item.title.split())
    body = f"{item.summary}\n\n{url}"
    links = (
        ShareLink("whatsapp", t("share.whatsapp"),
                  f"https://wa.me/?text={_q(f'{title} {url}')}"),
        ShareLink("facebook", t("share.facebook"),
                  f"https://www.facebook.com/sharer/sharer.php?u={_q(url)}"),
        ShareLink("x", t("share.x"), f"https://x.com/intent/post?text={_q(title)}&url={_q(url)}"),
        ShareLink("telegram", t("share.telegram"),
                  f"https://t.me/share/url?url={_q(url)}&text={_q(title)}"),
        ShareLink("email", t("share.email"),
                  f"mailto:?subject={_q(title)}&body={_q(body)}",
                  new_tab=False),
    )
    return ShareButtons(url, title, item.summary, t("share.heading"), links, t("share.copy"),
                        t("share.copied"), t("share.native"))


def render_share_buttons(library: Library, item: Item) -> Markup:
    """The buttons as one HTML block (no blank line, so Markdown leaves it alone)."""
    html = environment().get_template("partials/share_buttons.html").render(
        share=share_buttons(library, item))
    return Markup(html)

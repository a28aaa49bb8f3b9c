"""The link-in-bio page ``/links/``: the address a library puts in its Instagram and TikTok
profiles. Pinned items first, then the newest, as big tappable cards; no pictures, no script,
so it opens fast on a phone on a slow connection.

Links from it carry ``utm_source=linkinbio&utm_medium=social&utm_campaign=<slug>``, so the
library can tell what its profiles bring.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..content.models import Item
from ..content.settings import Settings
from ..library.library import Library
from ..pictures.previews import kind_label
from ..render.environment import environment
from ..render.pages import GeneratedPage
from ..values.links import relative
from ..values.platforms import BY_ID
from ..words.translate import translator
from .sharekit import tracked

LINKS_PAGE_SRC = "links/index.md"
PAGE_URL = "links/"
MAX_PINNED = 6
MAX_CARDS = 12



@dataclass(frozen=True)
class BioCard:
    item: Item
    href: str  # relative to /links/, tracked
    label: str  # the item's type, in the site's language
    pinned: bool


@dataclass(frozen=True)
class Profile:
    name: str
    href: str


def bio_items(library: Library) -> list[tuple[Item, bool]]:
    """(item, pinned): pinned items (newest first, at most 6), then the newest others, 12 in
    all. Retired items and anything not yet published are left out."""
    shown = [i for i in library.items if i.is_published(library.now) and not i.retired]
    pinned = [i for i in shown if i.pin][:MAX_PINNED]
    rest = [i for i in shown if i not in pinned][: max(0, MAX_CARDS - len(pinned))]
    return [(i, True) for i in pinned] + [(i, False) for i in rest]


def profile_url(network: str, value: str) -> str | None:
    """A profile address from a setting that is either an address or a handle."""
    value = value.strip()
    if value.startswith(("https://", "http://")):
        return value
    handle = value.lstrip("@")
    if network == "whatsapp":
        digits = re.sub(r"\D", "", handle)
        return f"https://wa.me/{digits}" if digits else None
    platform = BY_ID.get(network)
    pattern = platform.profile if platform else None
    return pattern.format(handle) if pattern and handle else None


def profiles(settings: Settings) -> list[Profile]:
    t = translator(settings.language)
    out = []
    for network, value in settings.social:
        href = profile_url(network, value)
        if href:
            out.append(Profile(t(f"platform.{network}"), href))
    return out


def ask_link(settings: Settings) -> str | None:
    """Where "ask a librarian" goes: WhatsApp, else the chat address, else e-mail."""
    ask = dict(settings.ask_librarian)
    if ask.get("whatsapp"):
        digits = re.sub(r"\D", "", ask["whatsapp"])
        if digits:
            return f"https://wa.me/{digits}"
    if ask.get("url"):
        return ask["url"]
    if ask.get("email"):
        return f"mailto:{ask['email']}"
    return None


def links_page(library: Library) -> GeneratedPage:
    settings = library.settings
    lang = settings.language
    t = translator(lang)
    cards = [BioCard(item, tracked(relative(item.url, PAGE_URL), "linkinbio", item.slug),
                     kind_label(item.kind, lang), pinned)
             for item, pinned in bio_items(library)]
    markdown = environment().get_template("pages/links.md.j2").render(
        t=t, cards=cards, library_name=settings.library_name, home=relative("./", PAGE_URL),
        profiles=profiles(settings), ask=ask_link(settings), lang=lang)
    return GeneratedPage(LINKS_PAGE_SRC, markdown, t("links.title"),
                         t("links.intro", library=settings.library_name), lang,
                         styles=("assets/social.css",))

"""The subscribe page (``/subscribe/``): what feeds are, and every feed to copy."""

from __future__ import annotations

from ..library.library import Library
from ..render.environment import environment
from ..render.pages import GeneratedPage
from ..words.translate import translator
from .scopes import (
    COPY_SCRIPT_PATH,
    OPML_PATH,
    SUBSCRIBE_SRC,
    SUBSCRIBE_URL,
    feed_specs,
    sections,
    template_context,
)


def subscribe_page(library: Library) -> GeneratedPage:
    """``subscribe.md`` (address ``subscribe/``): what feeds are, and every feed to copy."""
    settings = library.settings
    lang = settings.language
    t = translator(lang)
    md = environment().get_template("pages/subscribe.md.j2").render(
        sections=sections(library, feed_specs(library)),
        opml_path=OPML_PATH,
        script_path=COPY_SCRIPT_PATH,
        **template_context(library, SUBSCRIBE_URL),
    )
    return GeneratedPage(SUBSCRIBE_SRC, md, t("feeds.subscribe"),
                         t("feeds.subscribe.description"), lang)

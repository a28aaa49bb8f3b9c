"""The subscribe page (``/subscribe/``): what feeds are, and every feed to copy.

The page people are sent to when they want to follow something: every link on the site that
says "follow" or "subscribe" leads here, to the row of that feed (``FeedSpec.anchor``), never to
the feed's XML. Grouped like the OPML file (whole site, each type, each topic, each
librarian); each feed is a row with its name (a link to its listing), its RSS address in a box
that wraps only after ``/`` and ``.``, and a copy button; Atom (and, for the whole site, JSON
Feed) fold away under it.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from ..library.library import Library
from ..render.counter import counted_statement
from ..render.environment import environment
from ..render.pages import GeneratedPage
from ..words.translate import translator
from .scopes import (
    COPY_SCRIPT_PATH,
    CSS_PATH,
    OPML_PATH,
    SUBSCRIBE_SRC,
    SUBSCRIBE_URL,
    feed_specs,
    sections,
    template_context,
)

# After a "/" (the last of "//") or a "." (the file's extension is kept whole below).
_BREAK = re.compile(r"(?<=[/.])(?!/)")


def breakable(address: str) -> Markup:
    """``address`` as HTML that wraps only after ``/`` and ``.``: the pieces between stay whole
    (``<span>``, kept on one line by the stylesheet, so a hyphen never ends a line) with a
    ``<wbr>`` between them. Copying the text gives the address unchanged."""
    pieces = [p for p in _BREAK.split(address) if p]
    if len(pieces) >= 2 and pieces[-2].endswith(".") and "/" not in pieces[-1]:
        pieces[-2:] = [pieces[-2] + pieces[-1]]  # "feed.xml" stays one piece
    return Markup("<wbr>").join(Markup("<span>{}</span>").format(escape(p)) for p in pieces)


def subscribe_page(library: Library) -> GeneratedPage:
    """``subscribe.md`` (address ``subscribe/``): what feeds are, and every feed to copy."""
    settings = library.settings
    lang = settings.language
    t = translator(lang)
    md = environment().get_template("pages/subscribe.md.j2").render(
        sections=sections(library, feed_specs(library)),
        opml_path=OPML_PATH,
        script_path=COPY_SCRIPT_PATH,
        breakable=lambda path: breakable(settings.site_url + path),
        counted=counted_statement(settings, lang, feeds=True),
        **template_context(library, SUBSCRIBE_URL),
    )
    return GeneratedPage(SUBSCRIBE_SRC, md, t("feeds.subscribe"),
                         t("feeds.subscribe.description"), lang, styles=(CSS_PATH,))

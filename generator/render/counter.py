"""The visit counter's tag (the ``analytics`` setting, docs/analytics.md): one ``<script>`` of
the site's own, deferred, just before ``</head>`` of every page. It carries the tool, its
address and the site's id there as data; assets/analytics.js decides in the browser whether to
load the tool's script (not with Do Not Track or Global Privacy Control). Without the setting
pages carry nothing.
"""

from __future__ import annotations

import re

from markupsafe import escape

from ..content.settings import Settings
from ..words.translate import translator

SCRIPT_PATH = "assets/analytics.js"
_HEAD_END = re.compile(r"</head\s*>", re.I)


def counter_tag(settings: Settings) -> str:
    """The loader's tag, its address absolute on the site (``/pustaka/assets/…``) so one tag
    serves pages at every depth; empty without analytics."""
    counter = settings.analytics
    if counter is None:
        return ""
    data = {"provider": counter.provider, "address": counter.address, "site": counter.site,
            "script": counter.script_url}
    attrs = "".join(f' data-{name}="{escape(value)}"' for name, value in data.items())
    return f'<script src="{escape(settings.site_path + SCRIPT_PATH)}"{attrs} defer></script>'


def with_counter(html: str, settings: Settings) -> str:
    """``html`` with the loader before its ``</head>``; unchanged without analytics (or
    without a head, as in a fragment)."""
    tag = counter_tag(settings)
    match = _HEAD_END.search(html) if tag else None
    if match is None:
        return html
    return html[:match.start()] + tag + html[match.start():]


def counter_origin(settings: Settings) -> str:
    """The one host the Content-Security-Policy adds for the counter; empty without."""
    return settings.analytics.origin if settings.analytics else ""


def counted_statement(settings: Settings, lang: str, *, feeds: bool = False) -> str:
    """What is counted, in plain words, as Markdown: a heading and a paragraph (``feeds``: and
    that feed readers are not counted); empty without analytics."""
    counter = settings.analytics
    if counter is None:
        return ""
    t = translator(lang)
    text = t("counted.text", tool=counter.spec.name, host=counter.host)
    if feeds:
        text += " " + t("counted.feeds")
    return f'## {t("counted.heading")}\n\n{text}\n'

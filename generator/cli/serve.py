"""``knowledge-site serve``: the engine's live-reload server, on this computer only.

Drafts and scheduled items are shown, each with a banner saying so (the plugin
sees the ``serve`` command); nothing is written into site_src/.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..content.settings import load_settings
from ..engine.base import EngineUnavailable
from ..engine.choice import get_engine
from .output import message_language, says


def serve_site(root: Path, dev_addr: str, lang: str | None, engine: str | None = None) -> int:
    host = dev_addr.rsplit(":", 1)[0]
    if host not in ("127.0.0.1", "localhost", "::1", "[::1]"):
        # A preview shows drafts: it must never be reachable from the network.
        msg = {"id": "serve hanya mendengarkan di komputer ini (127.0.0.1).",
               "en": "serve only listens on this computer (127.0.0.1)."}
        print(msg[message_language(lang, None)], file=sys.stderr)
        return 2
    settings, _ = load_settings(root)  # problems are the engine's to report, with the content's
    name = engine or (settings.engine if settings else "mkdocs")
    try:
        chosen = get_engine(name)
    except EngineUnavailable as exc:
        msg_lang = message_language(lang, settings.language if settings else None)
        print(says("engine.missing", msg_lang, engine=name, command=str(exc)), file=sys.stderr)
        return 2
    return chosen.serve(root, dev_addr)

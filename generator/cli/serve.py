"""``knowledge-site serve``: the engine's live-reload server, on this computer only.

Drafts and scheduled items are shown, each with a banner saying so (the plugin
sees the ``serve`` command); nothing is written into site_src/.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..engine.choice import get_engine
from .output import message_language


def serve_site(root: Path, dev_addr: str, lang: str | None) -> int:
    host = dev_addr.rsplit(":", 1)[0]
    if host not in ("127.0.0.1", "localhost", "::1", "[::1]"):
        # A preview shows drafts: it must never be reachable from the network.
        msg = {"id": "serve hanya mendengarkan di komputer ini (127.0.0.1).",
               "en": "serve only listens on this computer (127.0.0.1)."}
        print(msg[message_language(lang, None)], file=sys.stderr)
        return 2
    return get_engine().serve(root, dev_addr)

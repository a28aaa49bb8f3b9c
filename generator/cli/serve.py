"""``knowledge-site serve``: mkdocs' live-reload server on this computer only.

Drafts and scheduled items are shown, each with a banner saying so (the plugin
sees the ``serve`` command); nothing is written into site_src/.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..engine.mkdocs_run import quiet_engine
from .output import message_language


def serve_site(root: Path, dev_addr: str, lang: str | None) -> int:
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import MkDocsException

    host = dev_addr.rsplit(":", 1)[0]
    if host not in ("127.0.0.1", "localhost", "::1", "[::1]"):
        # A preview shows drafts: it must never be reachable from the network.
        msg = {"id": "serve hanya mendengarkan di komputer ini (127.0.0.1).",
               "en": "serve only listens on this computer (127.0.0.1)."}
        print(msg[message_language(lang, None)], file=sys.stderr)
        return 2
    with quiet_engine():
        import logging

        logging.getLogger("mkdocs").setLevel(logging.INFO)
        # mkdocs warns on every dirty rebuild; the plugin keeps the navigation right.
        logging.getLogger("mkdocs.commands.build").addFilter(
            lambda record: not record.getMessage().startswith("A 'dirty' build"))
        try:
            # "dirty": a rebuild renders only the pages whose input changed (the plugin tells
            # mkdocs which generated pages did not); a full build takes a minute at 1,000 items.
            serve(config_file=str(root / "mkdocs.yml"), dev_addr=dev_addr, livereload=True,
                  build_type="dirty")
        except MkDocsException as exc:
            print(f"mkdocs: error: {exc}", file=sys.stderr)
            return 1
    return 0

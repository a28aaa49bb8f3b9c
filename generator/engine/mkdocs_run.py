"""The mkdocs engines for our own commands — mkdocs itself, and ProperDocs, its drop-in fork
(which answers every ``mkdocs.*`` import with its own module once ``properdocs.replacement``
is imported, so our plugin and Material run unchanged): load the config, hand our plugin the
prepared build, and run the build (or the live-reload server) quietly.

Librarians should see our messages, not mkdocs' banners and INFO chatter; its warnings and
errors are still printed (and counted, for --strict).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .base import SiteBuild, stable_epoch

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
PLUGIN = "knowledge-site"


class EngineLog(logging.Handler):
    def __init__(self, name: str = "mkdocs") -> None:
        super().__init__(logging.WARNING)
        self.name = name
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        level = "error" if record.levelno >= logging.ERROR else "warning"
        print(f"{self.name}: {level}: {record.getMessage()}", file=sys.stderr)


@contextmanager
def quiet_engine(level: int = logging.WARNING, name: str = "mkdocs") -> Iterator[EngineLog]:
    logger = logging.getLogger(name)
    handler = EngineLog(name)
    saved = (logger.level, logger.propagate, list(logger.handlers))
    logger.handlers = [handler]
    logger.setLevel(level)
    logger.propagate = False
    logging.getLogger("MARKDOWN").setLevel(logging.WARNING)
    try:
        yield handler
    finally:
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
        logger.handlers = saved[2]


def load_engine_config(config_file: Path, **overrides: Any) -> Any:
    from mkdocs.config import load_config

    clean = {k: (str(v) if isinstance(v, Path) else v) for k, v in overrides.items()
             if v is not None}
    return load_config(config_file=str(config_file), **clean)


class MkdocsEngine:
    raw_html_links = "page"  # mkdocs leaves raw HTML alone: links are relative to the page

    def __init__(self, name: str = "mkdocs") -> None:
        self.name = name
        if name == "properdocs":
            import properdocs.replacement  # noqa: F401  (mkdocs.* -> properdocs.* from here on)

    def build(self, site: SiteBuild, site_dir: Path, *, strict: bool) -> bool:
        from mkdocs.commands.build import build
        from mkdocs.exceptions import MkDocsException

        with quiet_engine(name=self.name):
            config = load_engine_config(site.root / "mkdocs.yml", strict=strict,
                                        site_dir=site_dir)
            plugin = config.plugins[PLUGIN]
            plugin.hand(site)
            config.plugins.on_startup(command="build", dirty=False)
            saved = os.environ.get("SOURCE_DATE_EPOCH")
            os.environ["SOURCE_DATE_EPOCH"] = stable_epoch(site.library)
            try:
                build(config)
            except MkDocsException as exc:
                print(f"{self.name}: error: {exc}", file=sys.stderr)
                return False
            finally:
                plugin.close()  # no picture is drawn into a folder about to be removed
                if saved is None:
                    os.environ.pop("SOURCE_DATE_EPOCH", None)
                else:
                    os.environ["SOURCE_DATE_EPOCH"] = saved
        return True

    def serve(self, root: Path, dev_addr: str) -> int:
        from mkdocs.commands.serve import serve
        from mkdocs.exceptions import MkDocsException

        with quiet_engine(logging.INFO, name=self.name):
            # mkdocs warns on every dirty rebuild; the plugin keeps the navigation right.
            logging.getLogger(f"{self.name}.commands.build").addFilter(
                lambda record: not record.getMessage().startswith("A 'dirty' build"))
            try:
                # "dirty": a rebuild renders only the pages whose input changed (the plugin
                # tells mkdocs which generated pages did not).
                serve(config_file=str(root / "mkdocs.yml"), dev_addr=dev_addr,
                      livereload=True, build_type="dirty")
            except MkDocsException as exc:
                print(f"{self.name}: error: {exc}", file=sys.stderr)
                return 1
        return 0

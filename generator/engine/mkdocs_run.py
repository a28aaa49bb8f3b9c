"""The engine adapter for our own commands: load mkdocs' config and run its build quietly.

Librarians should see our messages, not mkdocs' banners and INFO chatter; its
warnings and errors are still printed (and counted, for --strict).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")


class EngineLog(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        level = "error" if record.levelno >= logging.ERROR else "warning"
        print(f"mkdocs: {level}: {record.getMessage()}", file=sys.stderr)


@contextmanager
def quiet_engine() -> Iterator[EngineLog]:
    logger = logging.getLogger("mkdocs")
    handler = EngineLog()
    saved = (logger.level, logger.propagate, list(logger.handlers))
    logger.handlers = [handler]
    logger.setLevel(logging.WARNING)
    logger.propagate = False
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


def mkdocs_build(config: Any, epoch: str, log: EngineLog) -> bool:
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = epoch
    try:
        build(config)
    except MkDocsException as exc:
        print(f"mkdocs: error: {exc}", file=sys.stderr)
        return False
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    return True

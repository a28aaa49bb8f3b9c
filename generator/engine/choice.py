"""Which engine builds the site: the ``engine`` setting (or ``--engine``), one entry each."""

from __future__ import annotations

from .base import Engine, EngineUnavailable

ENGINES = ("mkdocs",)


def get_engine(name: str = "mkdocs") -> Engine:
    """The engine called ``name``; EngineUnavailable when its package is not installed."""
    if name == "mkdocs":
        try:
            import mkdocs  # noqa: F401
        except ImportError:
            raise EngineUnavailable("pip install 'knowledge-site[mkdocs]'") from None
        from .mkdocs_run import MkdocsEngine

        return MkdocsEngine()
    raise ValueError(f"unknown engine {name!r}")

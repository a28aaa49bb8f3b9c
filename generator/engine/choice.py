"""Which engine builds the site: the ``engine`` setting (or ``--engine``), one entry each.

Each engine is a package of its own, installed with an extra of ours
(``pip install 'knowledge-site[zensical]'``) and used within the versions below, the ones
tested (tests/engine/test_versions.py keeps these and pyproject.toml's extras in step).
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from packaging.specifiers import SpecifierSet

from .base import Engine, EngineUnavailable


@dataclass(frozen=True)
class EngineEntry:
    name: str
    package: str  # the distribution on PyPI
    module: str  # what is imported
    versions: str  # the range tested
    install: str  # the command that installs it
    # Peak memory of a build's whole process tree, in MiB: fixed part and per item, from
    # benchmarks/engines.py (benchmarks/README.md, "Engines"), rounded up.
    memory: tuple[int, float] = (300, 0.35)

    def installed(self) -> str | None:
        """The installed version, None when the engine is not installed."""
        if importlib.util.find_spec(self.module) is None:
            return None
        try:
            return version(self.package)
        except PackageNotFoundError:
            return None

    def supported(self, installed: str) -> bool:
        return SpecifierSet(self.versions).contains(installed, prereleases=True)


ENGINES = {e.name: e for e in (
    EngineEntry("mkdocs", "mkdocs", "mkdocs", ">=1.6.1,<2", "pip install knowledge-site"),
    EngineEntry("properdocs", "properdocs", "properdocs", ">=1.6.5,<1.7",
                "pip install 'knowledge-site[properdocs]'"),
    EngineEntry("zensical", "zensical", "zensical", ">=0.0.73,<0.2",
                "pip install 'knowledge-site[zensical]'"),
)}


def memory_shortfall(name: str, items: int) -> tuple[int, int] | None:
    """(MiB a build of ``items`` items would need, MiB this machine has free) when the
    first is more: building would make the machine swap. None when it fits or the free
    memory cannot be read (not Linux)."""
    base, per_item = ENGINES[name].memory
    need = int(base + per_item * items)
    free = available_mib()
    return (need, free) if free is not None and need > free else None


def available_mib() -> int | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def get_engine(name: str = "mkdocs") -> Engine:
    """The engine called ``name``. EngineUnavailable (its message: the install command) when
    it is not installed, or installed in a version outside the tested range."""
    entry = ENGINES[name]
    installed = entry.installed()
    if installed is None:
        raise EngineUnavailable(entry.install)
    if not entry.supported(installed):
        raise EngineUnavailable(f"pip install '{entry.package}{entry.versions}'")
    if name == "zensical":
        from .zensical_run import ZensicalEngine

        return ZensicalEngine()
    from .mkdocs_run import MkdocsEngine

    return MkdocsEngine(name)

"""Helpers for the import tests: a site in tmp_path and a fixture export beside it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from importing.fixtures import exports
from sitekit import make_site

# The fixture's name -> (the writer, what it writes: a file name, or a folder).
SOURCES: dict[str, tuple[Callable[..., Path], str]] = {
    "wxr": (exports.wxr, "wordpress.xml"),
    "blogger": (exports.blogger, "blog-01-01-2020.xml"),
    "takeout": (exports.takeout, "feed.atom"),
    "rss": (exports.rss, "feed.rss"),
    "atom": (exports.atom, "atom.xml"),
    "jekyll": (exports.jekyll, "jekyll-site"),
    "hugo": (exports.hugo, "hugo-site"),
}


def write_source(tmp: Path, name: str, **kw: object) -> Path:
    writer, target = SOURCES[name]
    path = tmp / target
    if name in ("jekyll", "hugo"):
        path.mkdir(exist_ok=True)
    return writer(path, **kw)


def new_site(tmp_path: Path) -> Path:
    return make_site(tmp_path / "site")

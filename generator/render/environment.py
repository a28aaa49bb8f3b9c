"""The process's one Jinja environment for everything the core writes (pages, feeds' HTML,
redirect pages): autoescape on, undefined names an error."""

from __future__ import annotations

from functools import cache
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined


@cache
def environment() -> Environment:
    """The process's one Jinja environment: shared, so each template is compiled once.
    (A new Environment per call compiled head_meta.html, share_buttons.html and
    redirect.html again for every page: a quarter of a 1,000-item build.)"""
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["urlquote"] = lambda s: quote(str(s), safe="")
    return env

"""Every internal link, picture and script of every page resolves, fragments included; no
javascript:/data: URLs, no inline event handlers, iframes titled and from allowed hosts."""

from __future__ import annotations

from pathlib import Path

import pytest

from .checks import check_links, report, site_url_of

pytestmark = pytest.mark.gates


def test_links_resolve_and_pages_are_clean(built_site: Path) -> None:
    problems = check_links(built_site, site_url_of(built_site))
    assert not problems, report(problems)

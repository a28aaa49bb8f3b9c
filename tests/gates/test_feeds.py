"""Every feed the site publishes parses strictly (lxml) and cleanly (feedparser, bozo false)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .checks import FEED_GLOBS, check_feeds, find_feeds, report

pytestmark = pytest.mark.gates


def test_feeds_parse(built_site: Path) -> None:
    if not find_feeds(built_site):
        pytest.skip(f"the built site has no feed yet (looked for {', '.join(FEED_GLOBS)})")
    problems = check_feeds(built_site)
    assert not problems, report(problems)

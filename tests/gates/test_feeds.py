"""Every feed the site publishes parses strictly (lxml) and cleanly (feedparser, bozo false)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .checks import FEED_GLOBS, check_feeds, find_feeds, report

pytestmark = pytest.mark.gates


def test_feeds_parse(built_site: Path) -> None:
    # A site without feeds is a broken build, never a reason to skip the gate.
    looked = ", ".join(FEED_GLOBS)
    assert find_feeds(built_site), f"the built site has no feed (looked for {looked})"
    problems = check_feeds(built_site)
    assert not problems, report(problems)

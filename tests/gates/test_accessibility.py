"""axe-core (WCAG 2.1 A and AA rules) finds nothing serious or critical on any page type, in
Material's light ("default") and dark ("slate") colour schemes."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from .browser import Served, apply_scheme, open_page, run_axe
from .checks import ALL_PAGE_TYPES, report
from .conftest import representative

pytestmark = pytest.mark.gates


@pytest.mark.parametrize("kind", ALL_PAGE_TYPES)
def test_no_serious_accessibility_violations(
    kind: str, pages: dict[str, str], browser: Browser, served: Served, axe_js: Path
) -> None:
    path = representative(pages, kind)
    problems = []
    with open_page(browser, served, path) as visit:
        # One load, both schemes: the reader's system setting changes, Material follows.
        for scheme in ("light", "dark"):
            visit.page.emulate_media(color_scheme=scheme)
            apply_scheme(visit.page, scheme)
            problems += run_axe(visit.page, axe_js, f"{path} ({scheme})")
    assert not problems, report(problems)

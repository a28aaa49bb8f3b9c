"""Every page type renders in a real browser, contacts no other host before the reader asks,
and its navigation works on a phone and on a desktop."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Browser

from .browser import FirstLook, Served, navigate_by_menu, open_page, render_problems
from .checks import ALL_PAGE_TYPES, report
from .conftest import representative

pytestmark = pytest.mark.gates


@pytest.mark.parametrize("kind", ALL_PAGE_TYPES)
def test_page_renders_without_console_errors(
    kind: str, pages: dict[str, str], first_looks: Callable[[str], FirstLook]
) -> None:
    problems = first_looks(representative(pages, kind)).render
    assert not problems, report(problems)


@pytest.mark.parametrize("kind", ALL_PAGE_TYPES)
def test_no_request_to_another_host_before_interaction(
    kind: str, pages: dict[str, str], first_looks: Callable[[str], FirstLook]
) -> None:
    # On a phone: that is where a metered connection pays for a font or tracker nobody asked for.
    problems = first_looks(representative(pages, kind)).external
    assert not problems, report(problems)


@pytest.mark.parametrize("device", ["phone", "desktop"])
@pytest.mark.parametrize("kind", ALL_PAGE_TYPES)
def test_navigation_reaches_another_page(
    kind: str, device: str, pages: dict[str, str], browser: Browser, served: Served
) -> None:
    phone = device == "phone"
    path = representative(pages, kind)
    # No need to wait for a quiet network: a reader taps as soon as the page shows.
    with open_page(browser, served, path, phone=phone, settle=False) as visit:
        problems = navigate_by_menu(visit, phone=phone)
        problems += render_problems(visit)  # both pages: errors on load, click and arrival
    assert not problems, report(problems)

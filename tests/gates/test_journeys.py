"""A patron's journeys through the built example library, in the real browser (issue 4, 6)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .browser import open_page

if TYPE_CHECKING:
    from playwright.sync_api import Browser

    from .browser import Served

pytestmark = pytest.mark.gates


def test_review_from_home_then_its_topic_then_search(browser: Browser, served: Served) -> None:
    with open_page(browser, served, "/", phone=True) as visit:
        page = visit.page
        page.locator(".ks-home-section .ks-tile-link[href*='reviews/']").first.click()
        page.wait_for_load_state()
        assert "/reviews/" in page.url
        assert page.locator(".ks-book").count() == 1
        assert page.locator(".ks-rating").get_attribute("aria-label", timeout=2_000)
        topic = page.locator(".ks-item-header .ks-topic").first
        topic_name = topic.inner_text()
        topic.click()
        page.wait_for_load_state()
        assert "/topics/" in page.url
        assert page.locator("h1").inner_text() == topic_name
        assert page.locator(".ks-cards .ks-card").count() >= 1

        # Search an Indonesian word that only tutorials use in their text.
        page.goto(served.url_for("/search/"))
        page.fill("#ks-q", "nomor panggil")
        page.press("#ks-q", "Enter")
        first = page.locator(".ks-search-results a.ks-result-title").first
        first.wait_for(timeout=10_000)
        hrefs = page.locator(".ks-search-results a.ks-result-title").evaluate_all(
            "links => links.map(a => a.getAttribute('href'))")
        assert any("/tutorials/" in h for h in hrefs), hrefs
        assert not visit.external, visit.external
        assert not visit.console_errors, visit.console_errors


def test_video_plays_only_after_the_click(browser: Browser, served: Served) -> None:
    with open_page(browser, served, "/videos/cek-fakta-hoaks/") as visit:
        assert not visit.external, "nothing may reach the video host before the click"
        page = visit.page
        assert page.locator("iframe").count() == 0
        button = page.locator(".ks-player-button")
        assert button.get_attribute("aria-label", timeout=2_000).startswith("Putar video: ")
        button.click()
        frames = page.locator("iframe")
        frames.first.wait_for(state="attached", timeout=5_000)
        assert frames.count() == 1
        src = frames.first.get_attribute("src") or ""
        assert src.startswith("https://www.youtube-nocookie.com/embed/hQ7vN2xBc4E")
        assert "start=42" in src
        assert frames.first.get_attribute("title")
        page.wait_for_timeout(300)
        # The player's request was attempted and blocked by the test, never sent.
        assert any(u.startswith("https://www.youtube-nocookie.com/embed/") for u in visit.external)
        assert not visit.console_errors, visit.console_errors

"""A video file on another host (provider "web-file": an https .mp4/.webm the library keeps in
its repository or the Internet Archive), in the real browser.

The gates' project has one such page, ``hostile.VIDEO_FILE_PAGE`` (not hostile: an ordinary
video page of the fixture), and lists its host in ``media_hosts`` (hostile.make_project), so
the page's Content-Security-Policy allows ``media-src https://MEDIA_HOST``. Until the reader
presses play the page shows a poster and a button and asks nothing of that host: the
``<video>`` waits in an inert ``<template>``; assets/video.js puts it in place on the click.
Nothing leaves the machine: before the click any request to another host is aborted (and
recorded) by ``open_page``; after it, the test answers the video host's requests itself with a
few bytes of type video/mp4 (they need not play).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from .browser import INJECTION_SPY, open_page, run_axe, wait_until
from .checks import Problem
from .conftest import GatesSite
from .hostile import MEDIA_HOST, VIDEO_FILE_PAGE, front_matter

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Route

    from .browser import Served, Visit

pytestmark = pytest.mark.gates

PATH, SOURCE = VIDEO_FILE_PAGE
VIDEO_URL: str = front_matter(SOURCE)["video"]["url"]
# The start of an ISO-BMFF file (an ftyp box), enough for Chromium to take it for a video.
MP4_BYTES = bytes.fromhex("00000018 66747970 69736f6d 00000200 69736f6d 6d703431")


@pytest.fixture(scope="module")
def video_file_page(gates_site: GatesSite) -> str:
    """The page's path; a site given with KS_GATES_SITE without the fixture skips."""
    if not (gates_site.site / PATH.strip("/") / "index.html").is_file():
        if gates_site.build_output is None:
            pytest.skip("the site given with KS_GATES_SITE has no fixture video file page")
        pytest.fail(f"the gates' site has no {PATH} (tests/gates/fixtures/hostile/{SOURCE})",
                    pytrace=False)
    return PATH


def to_host(visit: Visit) -> list[str]:
    """Every URL the page asked of the video's host so far."""
    return [u for u in visit.requests if urlsplit(u).hostname == MEDIA_HOST]


def csp_blocked(visit: Visit) -> list[str]:
    """What the page's Content-Security-Policy refused (INJECTION_SPY records it), and
    anything else that spy saw run."""
    ran: list[str] | None = visit.page.evaluate("window.__ksRan || null")
    assert ran is not None, "INJECTION_SPY was not installed"
    return ran


def test_video_file_loads_from_its_host_only_after_the_click(
    browser: Browser, served: Served, video_file_page: str
) -> None:
    assert urlsplit(VIDEO_URL).hostname == MEDIA_HOST
    with open_page(browser, served, video_file_page, init_script=INJECTION_SPY) as visit:
        page = visit.page
        assert visit.status == 200
        # (1) Before the click: nothing asked of the video's host (nor of any other), no video.
        assert not to_host(visit), f"requested before the click: {to_host(visit)}"
        assert not visit.external, f"foreign requests before the click: {visit.external}"
        assert page.locator("video").count() == 0, "a <video> is in the page before the click"
        assert page.locator(".ks-player template.ks-player-template").count() == 1
        policy = page.evaluate("document.querySelector("
                               "'meta[http-equiv=Content-Security-Policy]')?.content || ''")
        media_src: list[str] = next(
            (d.split() for d in policy.split(";") if d.split()[:1] == ["media-src"]), [])
        assert f"https://{MEDIA_HOST}" in media_src, (
            f"media_hosts is not in the page's policy (media-src: {media_src})")
        button = page.locator(".ks-player-button")
        assert button.count() == 1
        assert button.evaluate("b => b.localName") == "button", "video.js did not make a button"
        assert (button.get_attribute("aria-label") or "").startswith("Putar video: ")

        # (2) The click: the <video> with the remote file is put in place and fetches it.
        answered: list[str] = []

        def video_host(route: Route) -> None:
            answered.append(route.request.url)
            route.fulfill(status=200, content_type="video/mp4", body=MP4_BYTES,
                          headers={"Accept-Ranges": "none"})

        # A page route wins over open_page's context route, which would abort the request.
        page.route(f"https://{MEDIA_HOST}/**", video_host)
        button.click()
        video = page.locator(".ks-player video")
        video.wait_for(state="attached", timeout=5_000)
        assert page.locator("video").count() == 1
        sources = page.locator(".ks-player video source").evaluate_all(
            "ss => ss.map(s => s.src)")
        assert sources == [VIDEO_URL], sources
        assert page.locator(".ks-player template").count() == 0, "the template was left behind"
        assert wait_until(page, f"document.querySelector('.ks-player video').currentSrc"
                                f" === {VIDEO_URL!r}"), "the <video> did not pick its source"
        for _ in range(50):  # up to 5 s: the media stack fetches on its own schedule
            if answered:
                break
            page.wait_for_timeout(100)
        assert answered, f"the browser never asked {MEDIA_HOST} for the video"
        assert set(answered) == {VIDEO_URL}, answered
        assert VIDEO_URL in to_host(visit)
        page.wait_for_timeout(300)  # lets a late policy report or error arrive

        # (3) Nothing refused by the Content-Security-Policy, no console error, no other host.
        assert csp_blocked(visit) == [], csp_blocked(visit)
        assert not visit.console_errors, visit.console_errors
        assert not visit.external, f"foreign requests after the click: {visit.external}"


def test_video_file_player_is_accessible(
    browser: Browser, served: Served, video_file_page: str, axe_js: Path
) -> None:
    """axe-core's WCAG A/AA rules, before the click (poster and button) and after it (the
    <video>): the accessibility gate opens only the hostile video page, a YouTube player."""
    with open_page(browser, served, video_file_page) as visit:
        page = visit.page
        problems: list[Problem] = run_axe(page, axe_js, f"{video_file_page} (before play)")
        page.route(f"https://{MEDIA_HOST}/**", lambda route: route.fulfill(
            status=200, content_type="video/mp4", body=MP4_BYTES))
        page.locator(".ks-player-button").click()
        page.locator(".ks-player video").wait_for(state="attached", timeout=5_000)
        problems += run_axe(page, axe_js, f"{video_file_page} (after play)")
        assert not problems, "\n".join(str(p) for p in problems)

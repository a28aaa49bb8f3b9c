"""The visit counter and the campaigns in a real Chromium (docs/analytics.md): with the setting,
the page asks the counter's host for its script and nothing else, tells it to set no cookie,
and loads nothing at all under Do Not Track or Global Privacy Control; a redirect carries a
link's campaign along; the reach report fits a phone without sideways scrolling."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Route
from reachkit import FIXTURES, reach_site
from sitekit import cli

from generator.cli.main import main

from .browser import SiteServer

pytestmark = pytest.mark.gates

COUNTER = "https://stats.example.ac.id"
# What the counter's host answers in this test: a script that notes what it was told.
STUB = ("window.__counted = {src: document.currentScript.src, attrs: "
        "Array.from(document.currentScript.attributes).map(a => [a.name, a.value]), "
        "queue: JSON.parse(JSON.stringify(window._paq || []))};")


@pytest.fixture(scope="module", params=["goatcounter", "matomo"])
def counted_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
                 ) -> Iterator[tuple[str, Path]]:
    provider = request.param
    block = (f"      analytics:\n        provider: {provider}\n        address: {COUNTER}\n"
             + ("        site: '7'\n" if provider == "matomo" else ""))
    root = reach_site(tmp_path_factory.mktemp(provider), block)
    result = cli("build", cwd=root)
    assert result.returncode == 0, result.stderr
    yield provider, root / "site"


def _visit(browser: Browser, site: Path, path: str, init: str | None = None
           ) -> tuple[list[str], dict[str, object] | None, list[str], str]:
    """Open ``path`` as published; the counter's host gets the stub, any other host nothing.
    Returns the other hosts' requests, what the stub noted, the cookies set, the final URL."""
    other: list[str] = []
    with SiteServer(site) as served:
        context = browser.new_context()
        if init:
            context.add_init_script(init)

        def route(r: Route) -> None:
            url = r.request.url
            local = served.local_path(url)
            if local is not None:
                query = f"?{urlsplit(url).query}" if urlsplit(url).query else ""
                r.fulfill(response=r.fetch(url=served.base_url + local + query,
                                           max_redirects=0))
                return
            other.append(url)
            if url.startswith(COUNTER):
                r.fulfill(status=200, content_type="text/javascript", body=STUB)
            else:
                r.abort("blockedbyclient")

        context.route("**/*", route)
        page = context.new_page()
        page.goto(served.url_for(path), wait_until="load")
        page.wait_for_timeout(300)
        counted = page.evaluate("window.__counted || null")
        cookies = [c["name"] for c in context.cookies()]
        final = page.url
        context.close()
    return other, counted, cookies, final


def test_the_counter_loads_from_its_one_host_without_cookies(
        browser: Browser, counted_site: tuple[str, Path]) -> None:
    provider, site = counted_site
    other, counted, cookies, _ = _visit(browser, site, "/tutorials/sitasi-apa/")
    script = f"{COUNTER}/count.js" if provider == "goatcounter" else f"{COUNTER}/matomo.js"
    assert other == [script]  # the page's CSP let it through: the request was made
    assert counted is not None and counted["src"] == script
    attrs = dict(counted["attrs"])  # type: ignore[arg-type]
    if provider == "goatcounter":
        assert attrs["data-goatcounter"] == f"{COUNTER}/count"
    else:
        queue = counted["queue"]
        assert ["disableCookies"] in queue and ["setDoNotTrack", True] in queue  # type: ignore
        assert ["setSiteId", "7"] in queue and ["setTrackerUrl", f"{COUNTER}/matomo.php"] \
            in queue  # type: ignore[operator]
        assert queue.index(["disableCookies"]) < queue.index(["trackPageView"])  # type: ignore
    assert cookies == []


@pytest.mark.parametrize("init", [
    "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {get: () => true});",
    "Object.defineProperty(Navigator.prototype, 'doNotTrack', {get: () => '1'});",
])
def test_do_not_track_and_gpc_load_nothing(browser: Browser, counted_site: tuple[str, Path],
                                           init: str) -> None:
    _, site = counted_site
    other, counted, cookies, _ = _visit(browser, site, "/", init)
    assert (other, counted, cookies) == ([], None, [])


def test_redirects_carry_the_campaign(browser: Browser, counted_site: tuple[str, Path]) -> None:
    _, site = counted_site
    code = next(p.name for p in (site / "s").iterdir() if (p / "index.html").is_file())
    target = (site / "s" / code / "index.html").read_text(encoding="utf-8")
    slug = target.split("utm_campaign=", 1)[1].split('"', 1)[0]
    # A short link typed from a poster: the print campaign.
    _, _, _, final = _visit(browser, site, f"/s/{code}/")
    query = parse_qs(urlsplit(final).query)
    assert query == {"utm_source": ["shortlink"], "utm_medium": ["print"],
                     "utm_campaign": [slug]}, final
    # A shared link with its own campaign keeps it, and so does an old address.
    own = "utm_source=instagram&utm_medium=social&utm_campaign=x&utm_content=1900-2100"
    _, _, _, final = _visit(browser, site, f"/s/{code}/?{own}")
    assert parse_qs(urlsplit(final).query) == parse_qs(own), final
    _, _, _, final = _visit(browser, site, f"/panduan/sitasi-apa/?{own}")
    assert urlsplit(final).path == "/pustaka/tutorials/sitasi-apa/"
    assert parse_qs(urlsplit(final).query) == parse_qs(own), final


def test_the_reach_report_fits_a_phone(browser: Browser, tmp_path: Path) -> None:
    root = reach_site(tmp_path / "lib")
    out = tmp_path / "reach"
    assert main(["-C", str(root), "report", "reach",
                 str(FIXTURES / "umami/website_event.csv"), "-o", str(out)]) == 0
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto((out / "index.html").as_uri(), wait_until="load")
    widths = page.evaluate("[document.documentElement.scrollWidth, "
                           "document.documentElement.clientWidth]")
    images = page.evaluate("Array.from(document.images).map(i => [i.getAttribute('src'), "
                           "i.naturalWidth, i.getBoundingClientRect().right])")
    context.close()
    assert widths[0] <= widths[1] == 390, widths
    assert len(images) >= 4
    for src, natural, right in images:
        assert natural > 0 and right <= 390, (src, natural, right)

"""The hostile fixture in the gates' site: its pages were built and are the ones the gates open,
no string in them became markup or ran in Chromium, and the feeds carrying them parse strictly
with their text intact.

The fixture (tests/gates/fixtures/hostile, added to the example library by hostile.py) puts
``</title><script>``, ``"onerror=``, ``]]>``, ``&`` and entity look-alikes, a right-to-left
override, emoji, combining marks, Jinja and Markdown syntax into every free-text field of a
review, a tutorial, a video page, their author and topic and an ordinary page, and HTML the
body policy removes into their bodies (scripts, event handlers, ``javascript:`` links, frames,
forms …). Control characters are left out: ``check`` refuses them by design
(tests/hostile/test_hostile.py covers them). Every other gate runs over these pages too;
this file adds what only they need.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import hostilekit as test_hostile
import lxml.etree
import lxml.html
import pytest
from playwright.sync_api import Browser
from sitekit import cli, make_site

from .browser import INJECTION_SPY, Served, injection_problems, open_page
from .checks import check_links, find_feeds, page_url, representative_pages, site_url_of
from .conftest import REPO_ROOT, GatesSite
from .hostile import (
    EVIL_HOST,
    FIXTURE,
    HEADING_PAGE,
    HOSTILE_AUTHOR,
    HOSTILE_PAGES,
    HOSTILE_TOPIC,
    MARKER,
    front_matter,
    registry_entry,
)

pytestmark = pytest.mark.gates

REVIEW = front_matter(HOSTILE_PAGES["review"][1])
TUTORIAL = front_matter(HOSTILE_PAGES["tutorial"][1])
VIDEO = front_matter(HOSTILE_PAGES["video"][1])
PAGE = front_matter(HOSTILE_PAGES["page"][1])
AUTHOR = registry_entry("authors.yml", HOSTILE_AUTHOR[1].split("/")[2])
TOPIC = registry_entry("topics.yml", HOSTILE_TOPIC[1].split("/")[2])
# The ordinary page titled by its heading: entities in the source, this text on the page.
HEADING_TEXT = "</title><script>alert('h')</script> Judul \"onerror=alert('a') ]]>"
PAGE_HEADING = 'Halaman </title><script>window.__pwned = "page heading"</script>'
# The tag every hostile item carries first, "0 </script><script>alert('tag')</script>", has
# this address: the first tag page, the one the gates open.
HOSTILE_TAG_PAGE = "0-script-script-alert-tag-script"
# What test_hostile.py feeds every field, less the control characters check refuses.
PIECES = tuple(piece for piece in test_hostile.PIECES if piece != test_hostile.CONTROLS)
BREAK_OUTS = (test_hostile.BREAK_TITLE, test_hostile.BREAK_ATTR, test_hostile.CDATA_END)


@pytest.fixture(scope="module")
def hostile_site(gates_site: GatesSite) -> Path:
    """The gates' site, which must hold the hostile fixture; a site given with KS_GATES_SITE
    without it skips these tests (python -m tests.gates.hostile DIR writes one to build)."""
    site = gates_site.site
    if not (site / HOSTILE_PAGES["review"][0].strip("/") / "index.html").is_file():
        if gates_site.build_output is None:
            pytest.skip("the site given with KS_GATES_SITE has no hostile fixture")
        pytest.fail("the gates' site was built without the hostile fixture", pytrace=False)
    return site


# -- the fixture itself -------------------------------------------------------------------------


def text_fields() -> Iterator[tuple[str, str]]:
    """(where, value) for every free-text value the fixture sets."""
    def walk(where: str, value: Any) -> Iterator[tuple[str, str]]:
        if isinstance(value, dict):
            for key, inner in value.items():
                yield from walk(f"{where}.{key}", inner)
        elif isinstance(value, list):
            for n, inner in enumerate(value):
                yield from walk(f"{where}[{n}]", inner)
        elif isinstance(value, str):
            yield where, value

    for name, data in (("review", REVIEW), ("tutorial", TUTORIAL), ("video", VIDEO),
                       ("page", PAGE), ("author", AUTHOR), ("topic", TOPIC)):
        yield from walk(name, data)


def test_the_fixture_carries_every_hostile_piece() -> None:
    """Titles carry the break-outs; each longer field carries every piece of test_hostile.py
    but the control characters (refused by check); none carries a control character."""
    # The letter in each alert('…') names the field it came from; test_hostile.py writes 't'.
    values = {where: re.sub(r"<script>alert\('\w'\)", "<script>alert('t')", value)
              for where, value in text_fields()}
    for where in ("review.title", "tutorial.title", "video.title", "page.title", "topic.name",
                  "author.name", "review.book.call_number"):
        for piece in BREAK_OUTS:
            assert piece in values[where], (where, piece)
    for where in ("review.summary", "review.image_alt", "review.book.title",
                  "review.book.authors[0]", "review.book.publisher", "review.book.cover_alt",
                  "tutorial.summary", "tutorial.image_alt", "tutorial.objectives[0]",
                  "tutorial.prerequisites[0]", "video.summary", "author.role",
                  "topic.description"):
        for piece in PIECES:
            assert piece in values[where], (where, piece)
    for where, value in values.items():
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", value), where
    bodies = "".join(p.read_text(encoding="utf-8") for p in FIXTURE.rglob("*.md"))
    for needle in ("<script>", "onerror=", "javascript:", "<iframe", "<form", "<svg", "<style>",
                   "<base ", "<meta ", "<object ", "<embed ", "<noscript>", "<template>"):
        assert needle in bodies, needle


# -- the build and the pages the gates open ----------------------------------------------------


def test_the_build_reported_what_the_body_policy_removed(
    gates_site: GatesSite, hostile_site: Path
) -> None:
    """The build succeeded (not --strict) with a warning for what each body carried, and no
    error: the hostile pages are on the site, not refused."""
    if gates_site.build_output is None:
        pytest.skip("built elsewhere (KS_GATES_SITE): no build output to read")
    output = gates_site.build_output
    assert "Traceback" not in output, output[-3000:]
    assert not re.findall(r"^\S+:\d+: error: .*$", output, re.M), output[-3000:]
    for _, src in HOSTILE_PAGES.values():
        assert re.search(rf"^{re.escape(src)}:\d+: warning: body: ", output, re.M), (src, output)


@pytest.mark.parametrize("kind", [*HOSTILE_PAGES, "author", "topic", "tag"])
def test_the_gates_open_the_hostile_page_of_each_type(kind: str, hostile_site: Path) -> None:
    """The browser, accessibility and weight gates open one page per type (the alphabetically
    first): for these types that must be the hostile one."""
    chosen = representative_pages(hostile_site)
    if kind == "tag":
        assert chosen["tag"] == f"/tags/{HOSTILE_TAG_PAGE}/"
        doc = lxml.html.parse(str(hostile_site / chosen["tag"].strip("/") / "index.html"))
        assert doc.getroot().findtext(".//h1") == f"#{REVIEW['tags'][0]}"
        return
    expected = dict([HOSTILE_AUTHOR, HOSTILE_TOPIC]).get(kind) or HOSTILE_PAGES[kind][0]
    assert chosen[kind] == expected


# -- in Chromium ---------------------------------------------------------------------------------

def one_line(text: str | None) -> str:
    return " ".join((text or "").replace("¶", " ").split())


# Page -> (the text its <title> shows before " - <site name>", the text of its <h1>, and
# [(selector, attribute or "" for the text, the exact texts its matches show, in order)]).
Expectation = tuple[str | None, str | None, list[tuple[str, str, list[str]]]]


def expectations() -> dict[str, Expectation]:
    review, tutorial, video = REVIEW, TUTORIAL, VIDEO
    book = review["book"]
    return {
        HOSTILE_PAGES["review"][0]: (review["title"], review["title"], [
            (".ks-summary", "", [review["summary"]]),
            ("meta[name=description]", "content", [review["summary"]]),
            ("meta[property='og:title']", "content", [review["title"]]),
            # The review has a book cover: its header picture is not shown (the cover once).
            ("img.ks-book-cover", "alt", [book["cover_alt"]]),
            (".ks-book-title", "", [book["title"]]),
            (".ks-call-number", "", [book["call_number"]]),
            (".ks-byline .ks-author", "", [AUTHOR["name"]]),
            (".ks-item-header .ks-topic", "", [TOPIC["name"]]),
            ("a.ks-tag", "", [f"#{t}" for t in review["tags"]]),
        ]),
        HOSTILE_PAGES["tutorial"][0]: (tutorial["title"], tutorial["title"], [
            (".ks-summary", "", [tutorial["summary"]]),
            ("figure.ks-cover img", "alt", [tutorial["image_alt"]]),
            ("ul.ks-objectives li", "", tutorial["objectives"]),
            ("ul.ks-prerequisites li", "", tutorial["prerequisites"]),
            ("a.ks-tag", "", [f"#{t}" for t in tutorial["tags"]]),
        ]),
        HOSTILE_PAGES["video"][0]: (video["title"], video["title"], [
            (".ks-summary", "", [video["summary"]]),
            (".ks-player", "data-ks-title", [video["title"]]),
        ]),
        HOSTILE_PAGES["page"][0]: (PAGE["title"], PAGE_HEADING, [
            ("meta[property='og:title']", "content", [PAGE["title"]]),
        ]),
        HEADING_PAGE: (HEADING_TEXT, HEADING_TEXT, []),
        HOSTILE_AUTHOR[1]: (AUTHOR["name"], AUTHOR["name"], []),
        HOSTILE_TOPIC[1]: (TOPIC["name"], TOPIC["name"], []),
        f"/tags/{HOSTILE_TAG_PAGE}/": (f"#{REVIEW['tags'][0]}", f"#{REVIEW['tags'][0]}", []),
        "/": (None, None, [(f".ks-topic-list a[href$='{HOSTILE_TOPIC[1].lstrip('/')}']", "",
                    [TOPIC["name"]])]),
    }


@pytest.mark.parametrize("path", list(expectations()))
def test_hostile_text_stays_text_in_chromium(
    path: str, hostile_site: Path, browser: Browser, served: Served
) -> None:
    title, heading, fields = expectations()[path]
    with open_page(browser, served, path, init_script=INJECTION_SPY) as visit:
        page = visit.page
        page.mouse.wheel(0, 20_000)  # lazy pictures load too (with any handler they kept)
        page.wait_for_timeout(300)
        problems = [str(p) for p in injection_problems(
            visit, marker=MARKER, foreign_host=EVIL_HOST, scope=body_scope(path))]
        problems += visit.console_errors
        problems += [f"request to another host: {u}" for u in visit.external]
        if title is not None:
            assert page.title() == f"{one_line(title)} - {site_name(hostile_site)}", path
        if heading is not None:
            h1 = [one_line(t) for t in page.locator("article h1").all_text_contents()]
            assert h1 == [one_line(heading)], path
        for selector, attribute, texts in fields:
            found = page.locator(selector)
            shown = [one_line(found.nth(n).get_attribute(attribute) if attribute
                              else found.nth(n).text_content()) for n in range(found.count())]
            assert shown == [one_line(t) for t in texts], (path, selector)
        if path == HOSTILE_PAGES["video"][0]:
            # The click-to-load player builds its frame from the hostile title.
            page.locator(".ks-player-button").click()
            frame = page.locator(".ks-player iframe")
            frame.wait_for(state="attached", timeout=5_000)
            assert one_line(frame.get_attribute("title")) == one_line(VIDEO["title"])
            problems += [str(p) for p in injection_problems(
                visit, marker=MARKER, foreign_host="\0", scope="ks-body")]
    assert not problems, f"{path}:\n  " + "\n  ".join(problems)


def body_scope(path: str) -> str:
    if path in (HOSTILE_PAGES["page"][0], HEADING_PAGE):
        return "article"
    return "ks-body" if path in (u for u, _ in HOSTILE_PAGES.values()) else ""


def site_name(site: Path) -> str:
    doc = lxml.html.parse(str(site / "index.html")).getroot()
    return str(doc.xpath("string(//meta[@property='og:site_name']/@content)"))


# -- feeds ---------------------------------------------------------------------------------------

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.parametrize("kind", ["review", "tutorial", "video"])
def test_feeds_carry_the_hostile_item_intact(kind: str, hostile_site: Path) -> None:
    """Every feed with the item parses with lxml's strict parser and feedparser (bozo false),
    and its entry's title and summary are the fixture's text, character for character."""
    url_path, src = HOSTILE_PAGES[kind]
    data = front_matter(src)
    url = (site_url_of(hostile_site) or "/").rstrip("/") + url_path
    strict = lxml.etree.XMLParser(resolve_entities=False, no_network=True)
    carrying = set()
    for feed in find_feeds(hostile_site):
        rel = feed.relative_to(hostile_site).as_posix()
        body = feed.read_bytes()
        if feed.suffix == ".json":
            items = [i for i in json.loads(body)["items"] if i["url"] == url]
            if items:
                carrying.add(rel)
                assert items[0]["title"] == data["title"], rel
                assert items[0]["summary"] == data["summary"], rel
            continue
        root = lxml.etree.fromstring(body, strict)  # raises on anything not well-formed
        parsed = feedparser.parse(body)
        assert not parsed.bozo, (rel, parsed.get("bozo_exception"))
        entries = [e for e in parsed.entries if e.get("link") == url]
        if not entries:
            continue
        carrying.add(rel)
        assert len(entries) == 1, rel
        assert entries[0].title == data["title"], rel
        if root.tag == f"{ATOM}feed":
            entry = next(e for e in root.iter(f"{ATOM}entry")
                         if e.find(f"{ATOM}link[@href='{url}']") is not None)
            assert entry.findtext(f"{ATOM}title") == data["title"], rel
            assert entry.findtext(f"{ATOM}summary") == data["summary"], rel
        else:
            item = next(i for i in root.iter("item") if i.findtext("link") == url)
            assert item.findtext("title") == data["title"], rel
            # RSS <description> is HTML: the summary escaped once more, so it shows as text.
            assert html.unescape(item.findtext("description") or "") == data["summary"], rel
    folder = url_path.strip("/").split("/")[0]
    topic, author = HOSTILE_TOPIC[1].strip("/"), HOSTILE_AUTHOR[1].strip("/")
    expected = {"feed.xml", "atom.xml", "feed.json", f"{folder}/feed.xml", f"{folder}/atom.xml",
                f"{topic}/feed.xml", f"{topic}/atom.xml", f"{author}/feed.xml",
                f"{author}/atom.xml"}
    assert expected <= carrying, sorted(expected - carrying)


def test_topic_and_author_feeds_are_titled_with_the_hostile_names(hostile_site: Path) -> None:
    for path, name in ((HOSTILE_TOPIC[1], TOPIC["name"]), (HOSTILE_AUTHOR[1], AUTHOR["name"])):
        for feed in ("feed.xml", "atom.xml"):
            body = (hostile_site / path.strip("/") / feed).read_bytes()
            title = feedparser.parse(body).feed.title
            assert name in title, (path, feed, title)


# -- generator bugs the hostile fixture found, fixed: kept as regression tests ---------------

BUILD_ENV = {"PYTHONPATH": str(REPO_ROOT), "NO_MKDOCS_2_WARNING": "1"}


def test_raw_html_picture_in_an_item_body_resolves_on_the_page(tmp_path: Path) -> None:
    picture = (REPO_ROOT / "site_src/images/cover-opac.jpg").read_bytes()
    root = make_site(tmp_path, {
        "site_src/images/pic.jpg": picture,
        "site_src/tutorials/raw-picture.md": RAW_PICTURE_TUTORIAL,
    })
    result = cli("build", cwd=root, env=BUILD_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    site = root / "site"
    problems = [p for p in check_links(site, site_url_of(site))
                if p.page == "/tutorials/raw-picture/"]
    assert not problems, [str(p) for p in problems]


def test_entity_obfuscated_javascript_link_is_a_warning_not_a_missing_file(
    tmp_path: Path,
) -> None:
    root = make_site(tmp_path, {"site_src/tutorials/entity-link.md": ENTITY_LINK_TUTORIAL})
    result = cli("check", "--format", "json", cwd=root, env=BUILD_ENV)
    problems = json.loads(result.stdout or "[]")
    assert result.returncode == 0, problems
    assert {p["code"] for p in problems} == {"body.url_script"}, problems


RAW_PICTURE_TUTORIAL = """\
---
title: Gambar HTML
summary: Gambar ditulis sebagai HTML, relatif terhadap berkas ini.
date: 2026-01-11
authors: [ani]
topics: [literasi]
level: beginner
---
<img src="../images/pic.jpg" alt="Gambar" width="40" height="21">
"""

ENTITY_LINK_TUTORIAL = """\
---
title: Tautan entitas
summary: Tautan javascript yang disamarkan dengan entitas dan tab.
date: 2026-01-11
authors: [ani]
topics: [literasi]
level: beginner
---
<a href="jav&#x61;script:alert(1)">entitas</a> dan <a href="java&#9;script:alert(2)">tab</a>
"""


def test_pages_of_the_fixture_are_all_on_the_site(hostile_site: Path) -> None:
    built = {page_url(hostile_site, f) for f in hostile_site.rglob("index.html")}
    for url in [*(u for u, _ in HOSTILE_PAGES.values()), HEADING_PAGE, HOSTILE_AUTHOR[1],
                HOSTILE_TOPIC[1], "/lama/0-hostile-review/"]:
        assert url in built, url

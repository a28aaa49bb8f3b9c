"""The gates catch what they claim to: a copy of the built site gets one deliberately broken page,
and each check must name that page and the breakage. A gate that passes this page is broken."""

from __future__ import annotations

import random
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Browser

from .browser import (
    INJECTION_SPY,
    SiteServer,
    Visit,
    external_requests,
    injection_problems,
    open_page,
    render_problems,
    run_axe,
)
from .checks import (
    WEIGHT_BUDGET_GZIP,
    Problem,
    check_links,
    counted_gzip,
    load_allowlist,
    page_weight,
    run_vnu,
    site_url_of,
    vnu_problems,
)
from .conftest import ALLOWLIST

pytestmark = pytest.mark.gates

BROKEN = "/zz-gates-broken/"
INJECTED = """
<h2 id="zz-gates">Gates self-test</h2>
<p><img src="picture.png"></p>
<p><a href="../no-such-page/">broken link</a> <a href="#no-such-anchor">broken fragment</a></p>
<p><a href="javascript:void(0)" onclick="return false">script link</a></p>
<iframe src="https://video.example.net/embed/1"></iframe>
<p><img src="/images/zz-gates-huge.png" alt="The item's own big picture"></p>
<script src="https://cdn.example.com/x.js"></script>
<script src="heavy.js"></script>
<script>throw new Error("gates self-test error")</script>
<script>window.__pwned = "gates self-test"</script>
"""


@pytest.fixture(scope="module")
def broken_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("broken") / "site"
    shutil.copytree(built_site, site)
    # A real page of the site at the same depth, so its own relative URLs stay valid.
    template = sorted(site.glob("*/index.html"))[0].read_text(encoding="utf-8")
    # The site's Content-Security-Policy would stop the third-party script and the inline
    # error before any request: drop it here, the gates must catch them on their own.
    template = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", template)
    marker = "</article>" if "</article>" in template else "</body>"
    # An absolute link on the site's own address must resolve too (canonical, og:image ...).
    absolute = f'<p><a href="{site_url_of(site) or "/"}zz-no-such-absolute/">absolute</a></p>'
    injected = INJECTED + absolute
    page_dir = site / BROKEN.strip("/")
    page_dir.mkdir()
    (page_dir / "index.html").write_text(template.replace(marker, injected + marker, 1), "utf-8")
    Image.new("RGB", (4, 4), "teal").save(page_dir / "picture.png")
    rng = random.Random(0)  # incompressible but repeatable content
    (page_dir / "heavy.js").write_text(f'var padding = "{rng.randbytes(120_000).hex()}";\n')
    (site / "images").mkdir(exist_ok=True)
    noise = Image.frombytes("RGB", (300, 300), rng.randbytes(300 * 300 * 3))
    noise.save(site / "images" / "zz-gates-huge.png")
    return site


@pytest.fixture(scope="module")
def broken_visit(browser: Browser, broken_site: Path) -> Iterator[Visit]:
    with SiteServer(broken_site) as served, open_page(browser, served, BROKEN) as visit:
        yield visit


def on_broken_page(problems: list[Problem]) -> str:
    return "\n".join(str(p) for p in problems if str(p).startswith(BROKEN))


def test_link_check_names_each_breakage(broken_site: Path) -> None:
    found = on_broken_page(check_links(broken_site, site_url_of(broken_site)))
    for expected in (
        "no file for /zz-no-such-absolute/",
        "broken link <a href='../no-such-page/'>: no file for /no-such-page/",
        "broken fragment <a href='#no-such-anchor'>",
        "javascript: URL in <a href>",
        "inline event handler <a onclick=...>",
        "<iframe src='https://video.example.net/embed/1'> has no title",
        "<iframe src='https://video.example.net/embed/1'>: host not in",
    ):
        assert expected in found, f"check_links missed {expected!r}; it said:\n{found}"


def test_vnu_names_image_without_alt_despite_allowlist(vnu_jar: Path, broken_site: Path) -> None:
    messages = run_vnu(vnu_jar, [broken_site / BROKEN.strip("/") / "index.html"])
    problems, _ = vnu_problems(messages, broken_site, load_allowlist(ALLOWLIST))
    found = on_broken_page(problems)
    assert "An “img” element must have an “alt” attribute" in found, found


def test_browser_names_foreign_requests_and_script_errors(broken_visit: Visit) -> None:
    foreign = on_broken_page(external_requests(broken_visit))
    assert "https://cdn.example.com/x.js" in foreign, foreign
    assert "https://video.example.net/embed/1" in foreign, foreign
    rendered = on_broken_page(render_problems(broken_visit))
    assert "uncaught Error: gates self-test error" in rendered, rendered


def test_axe_names_image_without_alt(broken_visit: Visit, axe_js: Path) -> None:
    found = on_broken_page(run_axe(broken_visit.page, axe_js, BROKEN))
    assert "image-alt (critical)" in found, found
    assert 'img[src$="picture.png"]' in found, found  # the target selector is named


def test_weight_counts_scripts_but_not_own_pictures(broken_visit: Visit, broken_site: Path) -> None:
    resources = {r.path: r for r in page_weight(broken_site, BROKEN, broken_visit.local_paths())}
    assert not resources[f"{BROKEN}heavy.js"].own_picture
    assert resources["/images/zz-gates-huge.png"].own_picture
    assert resources["/images/zz-gates-huge.png"].gzip > WEIGHT_BUDGET_GZIP  # would fail alone
    assert counted_gzip(resources.values()) > WEIGHT_BUDGET_GZIP  # heavy.js breaks the budget


def test_injection_check_names_what_ran_and_what_was_left(
    browser: Browser, broken_site: Path
) -> None:
    with SiteServer(broken_site) as served, open_page(
        browser, served, BROKEN, init_script=INJECTION_SPY
    ) as visit:
        problems = injection_problems(
            visit, marker="gates self-test", foreign_host="video.example.net", scope="article"
        )
    found = on_broken_page(problems)
    for expected in (
        "ran: window.__pwned = gates self-test",
        "<script> with hostile text: throw new Error(",
        "<a onclick=return false>",
        "<a href=javascript:void(0)>",
        "<iframe src=https://video.example.net/embed/1>: loads video.example.net",
        "<script src=https://cdn.example.com/x.js>",
        '<iframe class=""> in the body',
    ):
        assert expected in found, f"injection_problems missed {expected!r}; it said:\n{found}"

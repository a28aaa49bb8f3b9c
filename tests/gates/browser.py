"""Browser-side checks: serve the built site on 127.0.0.1, open its pages in Debian's Chromium
through Playwright (at the site's published address, answered from that server: see Served), and
report what a reader's browser would see.

No request leaves the machine: every request to another host is recorded and aborted, and
Chromium's resolver is told to find no host but 127.0.0.1, so even the speculative connections
Playwright cannot route (preconnect, DNS prefetch) go nowhere.
"""

from __future__ import annotations

import functools
import http.server
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, Literal
from urllib.parse import urlsplit

from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Request,
    Route,
    ViewportSize,
)
from playwright.sync_api import Error as PlaywrightError

from .checks import Problem, site_url_of

CHROMIUM_ARGS = [
    "--no-sandbox",  # runs as root in CI containers
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
PHONE = ViewportSize(width=360, height=740)
DESKTOP = ViewportSize(width=1280, height=800)
Scheme = Literal["light", "dark"]
MATERIAL_SCHEME: dict[Scheme, str] = {"light": "default", "dark": "slate"}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_FAILING_IMPACTS = ("critical", "serious")  # "moderate" and "minor" are advice


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass  # pytest output is for problems, not access logs


@dataclass(frozen=True)
class Served:
    """Where the test server listens, and where the browser believes the site lives.

    When the site knows its published address (site_url), pages are opened *at that address*
    and every request to it is answered from the test server: absolute self-links, canonical
    URLs and Content-Security-Policy 'self' then behave exactly as in production, and nothing
    reaches the real host (other hosts are aborted; Chromium resolves no name at all).
    """

    base_url: str  # the test server, "http://127.0.0.1:PORT"
    published_url: str | None  # site_url, e.g. "https://example.org/", if the site has one

    def url_for(self, path: str) -> str:
        """The address the browser opens for a site path ("/reviews/")."""
        if self.published_url:
            return self.published_url.rstrip("/") + "/" + path.lstrip("/")
        return self.base_url + path

    def local_path(self, url: str) -> str | None:
        """The site path a URL asks for, or None for another host."""
        if self.published_url and url.startswith(self.published_url):
            return urlsplit("/" + url.removeprefix(self.published_url)).path
        if urlsplit(url).netloc == urlsplit(self.base_url).netloc:
            return urlsplit(url).path
        return None


class SiteServer:
    """A threaded static server for `root` on an ephemeral 127.0.0.1 port.

    `with SiteServer(root) as served:` gives its address. Files are sent as they are (no
    compression), so what the browser fetched is exactly the bytes on disk.
    """

    def __init__(self, root: Path) -> None:
        self._published_url = site_url_of(root)
        handler = functools.partial(_QuietHandler, directory=str(root))
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> Served:
        self._thread.start()
        return Served(f"http://127.0.0.1:{self._server.server_address[1]}", self._published_url)

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


@dataclass
class Visit:
    """One page opened in a fresh browser context (no cache, no stored palette)."""

    path: str
    served: Served
    context: BrowserContext
    page: Page
    status: int | None = None
    requests: list[str] = field(default_factory=list)  # every URL requested, in order
    external: list[str] = field(default_factory=list)  # requests to other hosts (aborted)
    console_errors: list[str] = field(default_factory=list)
    closing: bool = False
    _in_flight: int = 0

    def local_paths(self) -> list[str]:
        """Site paths fetched so far (from the test server or the published address)."""
        return [p for u in self.requests if (p := self.served.local_path(u)) is not None]

    def __enter__(self) -> Visit:
        return self

    def __exit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.closing = True
        self.context.unroute_all(behavior="ignoreErrors")  # requests still in flight
        self.context.close()


def open_page(
    browser: Browser,
    served: Served,
    path: str,
    *,
    phone: bool = False,
    scheme: Scheme = "light",
    settle: bool = True,
    init_script: str | None = None,
) -> Visit:
    """Open `path`, wait until the page is loaded and (with `settle`) the network has been
    quiet, and return what it did. Everything recorded up to the return happened before any
    interaction. `init_script` runs in every document before the page's own scripts (added
    through the DevTools protocol, so the page's Content-Security-Policy does not apply)."""
    context = browser.new_context(
        viewport=PHONE if phone else DESKTOP,
        is_mobile=phone,
        has_touch=phone,
        color_scheme=scheme,
    )
    context.set_default_timeout(10_000)  # a local static site answers in milliseconds
    if init_script:
        context.add_init_script(init_script)
    page = context.new_page()
    visit = Visit(path, served, context, page)

    def route(r: Route) -> None:
        url = r.request.url
        local = served.local_path(url)
        if local is None:
            visit.external.append(url)
        try:
            if local is None:
                r.abort("blockedbyclient")
            elif urlsplit(url).netloc == urlsplit(served.base_url).netloc:
                r.continue_()
            else:  # the published address: answer from the test server, redirects unfollowed
                query = f"?{urlsplit(url).query}" if urlsplit(url).query else ""
                answer = r.fetch(url=served.base_url + local + query, max_redirects=0)
                r.fulfill(response=answer)
        except PlaywrightError:
            if not visit.closing:
                raise
            # The test is done and closed the page while this request was still in flight.

    def started(r: Request) -> None:
        visit.requests.append(r.url)
        visit._in_flight += 1

    def ended(r: Request) -> None:
        visit._in_flight -= 1

    # Routed on the context, not the page, so requests from web workers are caught too.
    context.route("**/*", route)
    context.on("request", started)
    context.on("requestfinished", ended)
    context.on("requestfailed", ended)

    def console(m: ConsoleMessage) -> None:
        if m.type == "error":
            visit.console_errors.append(f"console error: {m.text} ({m.location['url']})")

    page.on("console", console)
    page.on("pageerror", lambda e: visit.console_errors.append(f"uncaught {e.name}: {e.message}"))
    try:
        response = page.goto(served.url_for(path), wait_until="load")
        visit.status = response.status if response else None
        if settle:
            _settle(visit)
    except Exception:
        visit.closing = True
        context.close()
        raise
    return visit


def _settle(visit: Visit, quiet_s: float = 0.5, limit_s: float = 10.0) -> None:
    """Wait until nothing is in flight and no request started for `quiet_s` (Material's search
    worker fetches its index after the load event, without any interaction)."""
    deadline = time.monotonic() + limit_s
    seen, quiet_since = -1, time.monotonic()
    while time.monotonic() < deadline:
        if len(visit.requests) != seen or visit._in_flight > 0:
            seen, quiet_since = len(visit.requests), time.monotonic()
        elif time.monotonic() - quiet_since >= quiet_s:
            return
        visit.page.wait_for_timeout(50)  # lets Playwright deliver events


def wait_until(page: Page, expression: str, timeout_s: float = 5.0) -> bool:
    """Poll a JavaScript expression until it is true. Not page.wait_for_function: that compiles
    its predicate with eval inside the page, which the site's Content-Security-Policy forbids."""
    deadline = time.monotonic() + timeout_s
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            return False
        page.wait_for_timeout(50)
    return True


def wait_for_animations(page: Page) -> None:
    """Material animates the drawer and colour changes; measure and click only at rest
    (animations that never end, such as spinners, do not count)."""
    wait_until(
        page,
        """document.getAnimations().every(a => a.playState !== 'running'
             || a.effect?.getComputedTiming().endTime === Infinity)""",
    )


# --- checks ------------------------------------------------------------------------------------


def render_problems(visit: Visit) -> list[Problem]:
    """The page loaded with 200, has a title and a visible h1, and logged no errors."""
    found = []
    if visit.status != 200:
        found.append(f"HTTP status {visit.status}")
    if not visit.page.title().strip():
        found.append("empty <title>")
    if not visit.page.locator("h1").first.is_visible():
        found.append("no visible <h1>")
    found += visit.console_errors
    return [Problem(visit.path, "render", what) for what in found]


@dataclass(frozen=True)
class FirstLook:
    """What a page does on a phone before any interaction; one load serves several gates."""

    path: str
    render: list[Problem]
    external: list[Problem]
    fetched: list[str]  # URL paths fetched from the site


def first_look(browser: Browser, served: Served, path: str) -> FirstLook:
    with open_page(browser, served, path, phone=True) as visit:
        return FirstLook(
            path, render_problems(visit), external_requests(visit), visit.local_paths()
        )


def external_requests(visit: Visit) -> list[Problem]:
    """Requests to other hosts made before any interaction (they were aborted here), but for
    pictures from the hosts the library trusts (``image_hosts``: its pages' CSP img-src)."""
    policy = visit.page.evaluate(
        "document.querySelector('meta[http-equiv=Content-Security-Policy]')?.content || ''")
    images = next((d.split()[1:] for d in policy.split(";") if d.split()[:1] == ["img-src"]), [])
    trusted = {urlsplit(src).netloc for src in images if src.startswith("https://")}
    return [Problem(visit.path, "external-request", url) for url in dict.fromkeys(visit.external)
            if urlsplit(url).netloc not in trusted]


# Marks the first element matching the selector that a reader can see and tap (on screen, not
# covered: Material slides nested nav panels over the drawer's top level) and, for links, that
# goes to another page of this site. Returns the link's path, "" for a non-link, or null.
_MARK_TAPPABLE = """
([selector, mark]) => {
  for (const el of document.querySelectorAll(selector)) {
    const r = el.getBoundingClientRect();
    if (!(r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= innerWidth
          && r.top >= 0 && r.bottom <= innerHeight)) continue;
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (!top || !el.contains(top)) continue;
    if (el.href !== undefined) {
      const url = new URL(el.href, location.href);
      if (url.origin !== location.origin || url.pathname === location.pathname) continue;
      el.setAttribute(mark, '');
      return url.pathname;
    }
    el.setAttribute(mark, '');
    return '';
  }
  return null;
}
"""


def navigate_by_menu(visit: Visit, *, phone: bool) -> list[Problem]:
    """Reach another page through the site navigation, as a reader would.

    Phone: open Material's drawer with the hamburger label; it opens on the current page's
    section, so go up a level with the drawer's back arrow until a link to another page shows,
    and tap it. Desktop: click the first on-screen link in the tabs or the sidebar.
    """
    page, check = visit.page, "nav-phone" if phone else "nav-desktop"

    def problem(what: str) -> list[Problem]:
        return [Problem(visit.path, check, what)]

    if phone:
        burger = page.locator('.md-header label[for="__drawer"]')
        if not burger.count() or not burger.first.is_visible():
            return problem('no visible menu button (label[for="__drawer"]) in the header')
        burger.first.click()
        if not wait_until(page, "document.getElementById('__drawer').checked", timeout_s=3):
            return problem("the menu button did not open the drawer")
        links = ".md-sidebar--primary a[href]"
    else:
        links = ".md-tabs a[href], .md-sidebar--primary a[href]"
    back = '.md-sidebar--primary label.md-nav__title:not([for="__drawer"])'
    for _ in range(5):  # deeper than any nav we build
        wait_for_animations(page)
        target = page.evaluate(_MARK_TAPPABLE, [links, "data-gates-link"])
        if target is not None or not phone:
            break
        if page.evaluate(_MARK_TAPPABLE, [back, "data-gates-back"]) is None:
            break
        page.locator("[data-gates-back]").click()
        page.evaluate(
            "document.querySelector('[data-gates-back]').removeAttribute('data-gates-back')"
        )
    if target is None:
        return problem(f"no link to another page that a reader can tap in {links!r}")
    page.locator("[data-gates-link]").click()
    try:
        page.wait_for_url(lambda u: urlsplit(u).path == target, timeout=5000)
        page.locator("h1").first.wait_for(state="visible", timeout=5000)
    except PlaywrightError:
        return problem(f"tapping the link to {target} did not arrive there (at {page.url})")
    return []


def apply_scheme(page: Page, scheme: Scheme) -> None:
    """Make sure Material shows `scheme`. The context already emulates prefers-color-scheme,
    which Material follows when the palette has media queries; set the attribute otherwise."""
    wanted = MATERIAL_SCHEME[scheme]
    page.evaluate(
        """(wanted) => { if (document.body.getAttribute('data-md-color-scheme') !== wanted)
                           document.body.setAttribute('data-md-color-scheme', wanted); }""",
        wanted,
    )
    wait_for_animations(page)


# --- hostile text (tests/gates/fixtures/hostile) --------------------------------------------

# Runs before the page's own scripts: records any dialog, any write to window.__pwned (every
# script the fixture smuggles writes it) and anything the Content-Security-Policy blocked.
INJECTION_SPY = """
window.__ksRan = [];
for (const name of ['alert', 'confirm', 'prompt', 'print']) {
  window[name] = (...args) => { window.__ksRan.push(`${name}(${args.join(', ')})`); };
}
Object.defineProperty(window, '__pwned', {
  configurable: false,
  get() { return undefined; },
  set(value) { window.__ksRan.push(`window.__pwned = ${value}`); },
});
document.addEventListener('securitypolicyviolation', (e) => {
  window.__ksRan.push(`blocked by the policy: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
});
"""

# Everything in the DOM that hostile text could have become. Inside the librarian's body
# (scope "ks-body": between the ks-body comments of item pages; "article": an ordinary page's
# article; "": the page has none) no element the body policy removes may be left.
_INSPECT = """
([marker, evil, scope]) => {
  const found = [];
  for (const s of document.scripts) {
    const type = (s.type || '').toLowerCase();
    if (type.endsWith('json')) {
      try { JSON.parse(s.textContent); } catch (e) { found.push(`JSON that does not parse: ${e}`); }
      continue;
    }
    if (s.textContent.includes(marker) || s.textContent.includes('alert(')) {
      found.push(`<script> with hostile text: ${s.textContent.slice(0, 80)}`);
    }
    if (s.src && new URL(s.src).origin !== location.origin) found.push(`<script src=${s.src}>`);
  }
  const urlAttributes = ['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href',
                         'poster', 'cite', 'data', 'background'];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      const name = a.name.toLowerCase();
      const squeezed = a.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
      if (name.startsWith('on')) found.push(`<${el.localName} ${name}=${a.value.slice(0, 60)}>`);
      if (urlAttributes.includes(name) && /^(javascript|vbscript|data):/.test(squeezed)) {
        found.push(`<${el.localName} ${name}=${a.value.slice(0, 60)}>`);
      }
      if (a.value.includes(evil) && !(el.localName === 'a' && name === 'href')) {
        found.push(`<${el.localName} ${name}=${a.value.slice(0, 60)}>: loads ${evil}`);
      }
    }
  }
  if (document.querySelectorAll('title').length !== 1) found.push('not exactly one <title>');
  if (document.querySelector('base')) found.push('<base>');
  if (document.querySelector('meta[http-equiv="refresh" i]')) found.push('<meta refresh>');
  if (!scope) return found;
  let body = document.querySelector('article');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_COMMENT);
  let start = null, end = null;
  while (walker.nextNode()) {
    const text = walker.currentNode.data.trim();
    if (text === 'ks-body' && !start) start = walker.currentNode;
    if (text === '/ks-body' && start) { end = walker.currentNode; break; }
  }
  if (scope === 'ks-body') {
    if (!(start && end)) return [...found, 'no <!-- ks-body --> … <!-- /ks-body --> markers'];
    const range = document.createRange();
    range.setStartAfter(start);
    range.setEndBefore(end);
    body = range.cloneContents();
  }
  const removed = 'script, style, iframe, frame, object, embed, applet, form, input, button, ' +
    'textarea, select, svg, math, template, noscript, marquee, base, meta, link';
  for (const el of body.querySelectorAll(removed)) {
    // Material's own: the table of contents toggle, the code blocks' copy button.
    if (el.matches('input#__toc.md-toggle, button.md-code__button, button.md-clipboard')) {
      continue;
    }
    found.push(`<${el.localName} class="${el.className}"> in the body`);
  }
  return found;
}
"""


def injection_problems(visit: Visit, *, marker: str, foreign_host: str, scope: str
                       ) -> list[Problem]:
    """What hostile text became in the page as shown: scripts that ran (with INJECTION_SPY as
    the visit's init script), scripts carrying `marker` or ``alert(``, inline event handlers,
    ``javascript:``/``vbscript:``/``data:`` URLs, anything but a link pointing at
    `foreign_host`, more than one ``<title>``, ``<base>``, a refresh, and inside the body
    (`scope`, see above) any element the body policy removes."""
    ran = visit.page.evaluate("window.__ksRan || null")
    found = [] if ran is not None else ["INJECTION_SPY was not installed"]
    found += [f"ran: {r}" for r in ran or []]
    found += visit.page.evaluate(_INSPECT, [marker, foreign_host, scope])
    return [Problem(visit.path, "injection", what) for what in found]


@functools.cache
def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def run_axe(page: Page, axe_js: Path, where: str) -> list[Problem]:
    """axe-core's WCAG 2.1 A/AA rules on the page as shown; serious and critical results only."""
    # Evaluated rather than added as a <script>: the site's Content-Security-Policy rightly
    # refuses inline scripts, and evaluation through the DevTools protocol is not subject to it.
    page.evaluate(_read(axe_js))
    violations: list[dict[str, Any]] = page.evaluate(
        """async (tags) => {
             const r = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                                resultTypes: ['violations']});
             return r.violations.map(v => ({id: v.id, help: v.help, helpUrl: v.helpUrl,
               nodes: v.nodes.map(n => ({impact: n.impact, target: n.target.join(' '),
                                         summary: n.failureSummary}))}));
           }""",
        AXE_TAGS,
    )
    problems = []
    for v in violations:
        for impact in AXE_FAILING_IMPACTS:
            nodes = [n for n in v["nodes"] if n["impact"] == impact]
            if not nodes:
                continue
            more = f" (+{len(nodes) - 5} more)" if len(nodes) > 5 else ""
            shown = ", ".join(n["target"] for n in nodes[:5]) + more
            # axe's summary of the first node says why, e.g. the measured contrast ratio.
            why = " ".join((nodes[0]["summary"] or "").split())
            what = f"{v['id']} ({impact}): {v['help']} - at {shown} - first: {why} - {v['helpUrl']}"
            problems.append(Problem(where, "axe", what))
    return problems

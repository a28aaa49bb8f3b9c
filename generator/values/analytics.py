"""The privacy-respecting visit counters a library may turn on (the ``analytics:`` setting),
one entry each: where the script is on the tool's address, what identifies the site there, and
the address of the tool's own cloud when it has one.

Every one of them counts without cookies (Matomo is told ``disableCookies``); the site's own
loader (assets/analytics.js) asks the browser first and loads nothing when Do Not Track or
Global Privacy Control is on. The script and the counting go to one host: the tool's address,
which is then the only other host the Content-Security-Policy allows (docs/analytics.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

# Where a library usually says who it is; ``analytics.about_page`` names another.
ABOUT_PAGES = ("tentang.md", "about.md", "tentang/index.md", "about/index.md")


@dataclass(frozen=True)
class Provider:
    id: str  # the value of ``analytics.provider``
    name: str  # as the tool calls itself, in the privacy statement
    script: str  # the counting script's path on the tool's address
    # What ``analytics.site`` holds, or None when the tool needs nothing but its address
    # (GoatCounter: the address is the site's own counter).
    site: str | None = None
    cloud: str | None = None  # the tool's hosted service: the address when none is given
    site_pattern: str | None = None  # a regular expression the site id must match


PROVIDERS: tuple[Provider, ...] = (
    # https://www.goatcounter.com/help/start: data-goatcounter="https://CODE.goatcounter.com/count"
    # and count.js is served by every GoatCounter site (cloud or self-hosted) too.
    Provider("goatcounter", "GoatCounter", "/count.js"),
    # https://plausible.io/docs/plausible-script: data-domain is the site as registered; the
    # script sends to /api/event on the address it came from.
    Provider("plausible", "Plausible", "/js/script.js", site="domain",
             cloud="https://plausible.io", site_pattern=r"^[a-z0-9.-]+(/[\w./-]*)?$"),
    # https://umami.is/docs/tracker-configuration: data-website-id (a UUID); data-do-not-track.
    Provider("umami", "Umami", "/script.js", site="website_id", cloud="https://cloud.umami.is",
             site_pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
    # https://developer.matomo.org/guides/tracking-javascript-guide: matomo.js, matomo.php,
    # setSiteId (a number); https://matomo.org/faq/general/faq_157/ for disableCookies.
    Provider("matomo", "Matomo", "/matomo.js", site="site_id", site_pattern=r"^[1-9][0-9]*$"),
)
BY_ID = {p.id: p for p in PROVIDERS}


@dataclass(frozen=True)
class Analytics:
    """The ``analytics:`` setting, checked: a provider, its address (https, no trailing
    slash) and the site's id there ("" when the tool needs none)."""

    provider: str
    address: str
    site: str = ""
    about_page: str | None = None  # the librarians' page that says what is counted

    @property
    def spec(self) -> Provider:
        return BY_ID[self.provider]

    @property
    def origin(self) -> str:
        """``https://host[:port]``: the one source the Content-Security-Policy adds."""
        parts = urlsplit(self.address)
        return f"{parts.scheme}://{parts.netloc}"

    @property
    def host(self) -> str:
        return urlsplit(self.address).netloc

    @property
    def script_url(self) -> str:
        return self.address + self.spec.script


def about_page(counter: Analytics | None, pages: Iterable[str]) -> str | None:
    """The librarians' page (source path) that says what is counted: the one named, else the
    first of ``ABOUT_PAGES`` the site has; None without analytics or without such a page."""
    if counter is None:
        return None
    present = set(pages)
    if counter.about_page:
        return counter.about_page if counter.about_page in present else None
    return next((p for p in ABOUT_PAGES if p in present), None)

"""The site's settings: ``site_url`` and the ``knowledge-site`` plugin block of mkdocs.yml.

mkdocs validates its own keys; ours are read here, from the same file, so that
every mistake can be reported with its line like any content problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..values.analytics import BY_ID as ANALYTICS_PROVIDERS
from ..values.analytics import Analytics
from ..values.languages import is_language_tag
from ..values.licenses import check_license
from ..values.platforms import ACCOUNTS
from . import yamltree
from .diagnostics import Diagnostic, diag
from .fields import FieldReader
from .learned_slots import Learned, learned_slots
from .source import encoding_problems, yaml_diagnostics

PLUGIN_NAME = "knowledge-site"
CONFIG_FILE = "mkdocs.yml"

SOCIAL_KEYS = tuple(p.id for p in ACCOUNTS)
ASK_KEYS = ("whatsapp", "email", "url", "hours")  # hours: free text, shown as written
# The engines a site can be built with (docs/engines.md); the first is the default.
ENGINES = ("mkdocs", "properdocs", "zensical")
DEFAULT_SLOTS = ("06:00-08:00", "11:00-13:00", "18:00-21:00")
MAX_DAYS_BACK = 3660  # share_kit_days_back: ten years
_SLOT = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$")


@dataclass(frozen=True)
class PostingSlot:
    start_minute: int
    end_minute: int


@dataclass(frozen=True)
class Settings:
    site_url: str  # always ends with "/"
    site_name: str
    docs_dir: str
    library_name: str
    site_dir: str = "site"  # where build writes, relative to mkdocs.yml
    engine: str = "mkdocs"  # which engine turns the pages into HTML (docs/engines.md)
    # The site's Python-Markdown extensions by name (mkdocs.yml ``markdown_extensions``):
    # check reads every body with them, as the engine renders it (content/markdown_scan.py).
    markdown_extensions: tuple[str, ...] = ("toc", "tables", "fenced_code")
    image_hosts: tuple[str, ...] = ()  # hosts whose pictures pages may show (CSP img-src)
    media_hosts: tuple[str, ...] = ()  # hosts whose video files pages may play (media-src)
    language: str = "id"
    timezone: str = "Asia/Jakarta"
    default_license: str = "CC-BY-4.0"
    catalog_url: str | None = None
    ask_librarian: tuple[tuple[str, str], ...] = ()
    social: tuple[tuple[str, str], ...] = ()
    posting_slots: tuple[PostingSlot, ...] = field(default=())
    feed_size: int = 50
    feed_content_limit: int = 100_000  # characters of HTML per feed entry
    # How many days before the build the share kit still shows a post whose slot is over
    # (0: only slots not over yet).
    share_kit_days_back: int = 0
    # A WebSub hub (https) every feed names, which ``ping-hub`` tells of changed feeds.
    websub_hub: str | None = None
    # A privacy-respecting visit counter (docs/analytics.md); None: nothing is counted and
    # pages load nothing from another host.
    analytics: Analytics | None = None
    # The reach report's slots.csv (``report reach``): the share kit suggests the slots
    # patrons read in once it holds at least ``slots_min_visits`` visits.
    slots_from_report: str | None = None
    slots_min_visits: int = 100
    learned: Learned | None = None  # what that file held (content/learned_slots.py)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def site_path(self) -> str:
        """The path part of site_url, e.g. ``/`` or ``/perpustakaan/``."""
        return urlsplit(self.site_url).path or "/"


def load_settings(root: Path) -> tuple[Settings | None, list[Diagnostic]]:
    path = root / CONFIG_FILE
    rel = CONFIG_FILE
    if not path.is_file():
        return None, [diag(rel, 1, "file", "settings.missing_file")]
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError:
        return None, encoding_problems(rel, data)
    try:
        tree = yamltree.parse(text, allow_tags=True)
    except yamltree.YamlError as exc:
        return None, yaml_diagnostics(rel, exc)
    if not isinstance(tree, yamltree.YMap):
        return None, [diag(rel, 1, "file", "settings.not_mapping")]
    settings, problems = read_settings(rel, tree)
    if settings is None or not settings.slots_from_report:
        return settings, problems
    block, _ = _plugin_block(tree)
    missing = diag(rel, block.key_lines.get("slots_from_report", block.line),
                   f"plugins.{PLUGIN_NAME}.slots_from_report", "settings.slots_file",
                   warning=True, value=settings.slots_from_report)
    learned, more = learned_slots(root, settings.slots_from_report, settings.slots_min_visits,
                                  missing)
    if learned is not None and learned.used:
        settings = replace(settings, posting_slots=tuple(PostingSlot(*s) for s in learned.slots))
    return replace(settings, learned=learned), problems + more


def read_settings(rel: str, tree: yamltree.YMap) -> tuple[Settings | None, list[Diagnostic]]:
    top = FieldReader(rel, tree, known=None)
    site_url = top.url("site_url", required=True)
    if site_url and not site_url.endswith("/"):
        site_url += "/"
    site_name = top.text("site_name", required=True, max_len=200) or ""
    docs_dir = top.text("docs_dir") or "docs"
    site_dir = top.text("site_dir") or "site"
    extensions = _extension_names(tree.get("markdown_extensions"))

    plugin_map, plugin_line = _plugin_block(tree)
    if plugin_line == 0:
        top.add(diag(rel, tree.line, "plugins", "settings.plugin_missing"))
    p = FieldReader(rel, plugin_map, prefix=f"plugins.{PLUGIN_NAME}.", known=_KNOWN_KEYS)
    library_name = p.text("library_name", max_len=200) or site_name
    engine = p.choice("engine", ENGINES) or "mkdocs"
    image_hosts = _hosts(p, "image_hosts")
    media_hosts = _hosts(p, "media_hosts")
    language = p.text("language") or "id"
    if not is_language_tag(language):
        p.add(diag(rel, p.line_of("language"), p.name("language"), "value.lang", value=language))
    timezone = p.text("timezone") or "Asia/Jakarta"
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        p.add(diag(rel, p.line_of("timezone"), p.name("timezone"), "settings.timezone",
                   value=timezone))
        timezone = "Asia/Jakarta"
    default_license = p.text("default_license") or "CC-BY-4.0"
    problem = check_license(default_license)
    if problem:
        p.add(diag(rel, p.line_of("default_license"), p.name("default_license"),
                   problem[0], value=default_license, suggestion=problem[1]))
    catalog_url = p.url("catalog_url")
    if catalog_url and "{isbn}" not in catalog_url:
        p.add(diag(rel, p.line_of("catalog_url"), p.name("catalog_url"), "settings.catalog_isbn"))
    ask = p.string_map("ask_librarian", ASK_KEYS)
    social = p.string_map("social", SOCIAL_KEYS)
    slots = []
    for text, line in p.text_list_with_lines("posting_slots"):
        m = _SLOT.match(text)
        start = int(m.group(1)) * 60 + int(m.group(2)) if m else 0
        end = int(m.group(3)) * 60 + int(m.group(4)) if m else 0
        if not m or end <= start:
            p.add(diag(rel, line, p.name("posting_slots"), "settings.slot", value=text))
            continue
        slots.append(PostingSlot(start, end))
    if "posting_slots" not in plugin_map:
        slots = [_slot(s) for s in DEFAULT_SLOTS]
    feed_size = p.integer("feed_size", minimum=1, maximum=10_000)
    content_limit = p.integer("feed_content_limit", minimum=0, maximum=10_000_000)
    days_back = p.integer("share_kit_days_back", minimum=0, maximum=MAX_DAYS_BACK)
    websub_hub = p.url("websub_hub")
    if websub_hub and urlsplit(websub_hub).scheme != "https":
        p.add(diag(rel, p.line_of("websub_hub"), p.name("websub_hub"), "settings.websub_https",
                   value=websub_hub))
        websub_hub = None
    analytics = _analytics(p, site_url)
    slots_from_report = p.text("slots_from_report")
    min_visits = p.integer("slots_min_visits", minimum=1, maximum=10_000_000)
    p.unknown_keys()

    diagnostics = top.diagnostics + p.diagnostics
    if any(d.severity == "error" for d in diagnostics) or not site_url:
        return None, diagnostics
    return Settings(
        site_url=site_url,
        site_name=site_name,
        docs_dir=docs_dir,
        site_dir=site_dir,
        engine=engine,
        markdown_extensions=extensions,
        image_hosts=image_hosts,
        media_hosts=media_hosts,
        library_name=library_name,
        language=language,
        timezone=timezone,
        default_license=default_license,
        catalog_url=catalog_url,
        ask_librarian=ask,
        social=social,
        posting_slots=tuple(sorted(slots, key=lambda s: s.start_minute)),
        feed_size=feed_size if feed_size is not None else 50,
        feed_content_limit=content_limit if content_limit is not None else 100_000,
        share_kit_days_back=days_back or 0,
        websub_hub=websub_hub,
        analytics=analytics,
        slots_from_report=slots_from_report,
        slots_min_visits=min_visits if min_visits is not None else 100,
    ), diagnostics


SETTING_KEYS = _KNOWN_KEYS = frozenset(
    {"library_name", "language", "timezone", "default_license", "catalog_url", "ask_librarian",
     "social", "posting_slots", "feed_size", "feed_content_limit", "enabled", "engine",
     "image_hosts", "media_hosts", "share_kit_days_back", "websub_hub", "analytics",
     "slots_from_report", "slots_min_visits"}
)


_HOST = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$")


def _hosts(p: FieldReader, key: str) -> tuple[str, ...]:
    """Host names (``repository.example.ac.id``); an address pasted whole names its host."""
    out = []
    for text, line in p.text_list_with_lines(key):
        value = text.strip().lower()
        host = (urlsplit(value).hostname or "") if "/" in value else value
        if value != host or not _HOST.match(host):
            example = host if host and _HOST.match(host) else "repository.example.ac.id"
            p.add(diag(p.path, line, p.name(key), "settings.host", value=text,
                       suggestion=example))
            continue
        out.append(host)
    return tuple(out)


ANALYTICS_KEYS = ("provider", "address", "site", "about_page")


def _analytics(p: FieldReader, site_url: str | None) -> Analytics | None:
    """The ``analytics:`` block: a provider, its https address (the tool's cloud when it has
    one and none is given) and the site's id there when the tool needs one."""
    sub = p.mapping("analytics", known=ANALYTICS_KEYS)
    if sub is None:
        return None
    before = len(p.diagnostics)
    provider = sub.choice("provider", tuple(ANALYTICS_PROVIDERS), required=True)
    address = sub.url("address")
    site = sub.text("site") or ""
    about_page = sub.text("about_page")
    sub.unknown_keys()
    if provider is None:
        return None
    spec = ANALYTICS_PROVIDERS[provider]
    if address is not None and urlsplit(address).scheme != "https":
        sub.error("address", "settings.analytics_https", value=address)
        address = None
    elif address is None and spec.cloud is None and not sub.diagnostics_for("address"):
        sub.error("address", "settings.analytics_address", provider=spec.name)
    address = (address or spec.cloud or "").rstrip("/")
    if spec.site == "domain" and not site and site_url:
        site = urlsplit(site_url).hostname or ""
    if spec.site is not None and not site:
        sub.error("site", "settings.analytics_site", provider=spec.name, what=spec.site)
    elif spec.site is None and site:
        sub.error("site", "settings.analytics_no_site", provider=spec.name, warning=True)
        site = ""
    elif spec.site_pattern and not re.match(spec.site_pattern, site):
        sub.error("site", "settings.analytics_site_form", provider=spec.name, value=site,
                  what=spec.site)
    if any(d.severity == "error" for d in p.diagnostics[before:]):
        return None
    return Analytics(provider, address, site, about_page)


def _extension_names(value: yamltree.YValue) -> tuple[str, ...]:
    """``markdown_extensions`` as names, after the three mkdocs always adds (toc, tables,
    fenced_code). mkdocs validates the list itself; a name here only decides how check
    reads a body."""
    names = ["toc", "tables", "fenced_code"]
    if not isinstance(value, yamltree.YList):
        return tuple(names)
    for entry in value:
        if isinstance(entry, str):
            names.append(str(entry))
        elif isinstance(entry, yamltree.YMap):
            names += [str(key) for key in entry]
    return tuple(dict.fromkeys(names))


def _slot(text: str) -> PostingSlot:
    m = _SLOT.match(text)
    assert m
    return PostingSlot(int(m.group(1)) * 60 + int(m.group(2)), int(m.group(3)) * 60 +
                       int(m.group(4)))


def _plugin_block(tree: yamltree.YMap) -> tuple[yamltree.YMap, int]:
    """The mapping under ``plugins: - knowledge-site:``; (empty, 0) when it is absent."""
    plugins = tree.get("plugins")
    entries: list[tuple[yamltree.YValue, int]] = []
    if isinstance(plugins, yamltree.YList):
        entries = list(zip(plugins, plugins.item_lines, strict=True))
    elif isinstance(plugins, yamltree.YMap):
        entries = [(yamltree_single(k, v, plugins), plugins.key_lines[k]) for k, v in
                   plugins.items()]
    for entry, line in entries:
        if entry == PLUGIN_NAME:
            return yamltree.YMap(line), line
        if isinstance(entry, yamltree.YMap) and PLUGIN_NAME in entry:
            value = entry[PLUGIN_NAME]
            if isinstance(value, yamltree.YMap):
                return value, line
            return yamltree.YMap(line), line
    return yamltree.YMap(tree.line), 0


def yamltree_single(key: str, value: yamltree.YValue, parent: yamltree.YMap) -> yamltree.YMap:
    out = yamltree.YMap(parent.key_lines[key])
    out[key] = value
    out.key_lines[key] = parent.key_lines[key]
    return out

"""Checks that read a built site from disk: page classes, links, feeds, Nu Html Checker output,
page weight.

Everything here is a plain function returning a list of Problems, so the gate tests stay thin and
the self-test (test_gates_catch_breakage.py) can show that each check really catches breakage.
Browser-side checks live in browser.py.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import feedparser
import lxml.etree
import lxml.html
import yaml


@dataclass(frozen=True, order=True)
class Problem:
    """One thing a gate found wrong: on which page (URL path), which check, what exactly."""

    page: str
    check: str
    what: str

    def __str__(self) -> str:
        return f"{self.page}: [{self.check}] {self.what}"


def report(problems: Iterable[Problem]) -> str:
    """A failure message: one line per problem, sorted so that runs compare cleanly."""
    lines = sorted({str(p) for p in problems})
    return f"{len(lines)} problem(s):\n" + "\n".join(f"  {line}" for line in lines)


# --- pages and their URLs ---------------------------------------------------------------------


def html_files(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


def page_url(site_dir: Path, html_file: Path) -> str:
    """The URL path a static host serves this file at (directory URLs for index.html)."""
    rel = html_file.relative_to(site_dir).as_posix()
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel.removesuffix("index.html")
    return "/" + rel


def url_to_file(site_dir: Path, url_path: str) -> Path | None:
    """The file a static host (GitHub Pages) would answer `url_path` with, or None.

    Directory URLs get index.html; a directory URL without its trailing slash is accepted because
    the host redirects it. Paths escaping the site directory resolve to nothing.
    """
    rel = unquote(url_path).lstrip("/")
    candidate = site_dir / rel
    if url_path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    try:
        candidate.resolve().relative_to(site_dir.resolve())
    except ValueError:
        return None
    return candidate if candidate.is_file() else None


# Page types by address (design.md §3). Order matters: first match wins; anything that matches
# none is an ordinary "page". Add a type here when the generator gains one.
PAGE_TYPES: dict[str, re.Pattern[str]] = {
    "home": re.compile(r"^/$"),
    "tutorial": re.compile(r"^/tutorials/[^/]+/$"),
    "review": re.compile(r"^/reviews/[^/]+/$"),
    "video": re.compile(r"^/videos/[^/]+/$"),
    "tutorials-listing": re.compile(r"^/tutorials/$"),
    "reviews-listing": re.compile(r"^/reviews/$"),
    "videos-listing": re.compile(r"^/videos/$"),
    "topic": re.compile(r"^/topics/[^/]+/"),
    "topics-index": re.compile(r"^/topics/$"),
    "tag": re.compile(r"^/tags/[^/]+/"),
    "tags-index": re.compile(r"^/tags/$"),
    "author": re.compile(r"^/authors/[^/]+/"),
    "authors-index": re.compile(r"^/authors/$"),
    "archive": re.compile(r"^/archive/"),
    "search": re.compile(r"^/search/$"),
    "subscribe": re.compile(r"^/subscribe/$"),
    "404": re.compile(r"^/404\.html$"),
}
ALL_PAGE_TYPES: tuple[str, ...] = (*PAGE_TYPES, "page")


def classify(url_path: str) -> str:
    for kind, pattern in PAGE_TYPES.items():
        if pattern.match(url_path):
            return kind
    return "page"


def is_redirect(html_file: Path) -> bool:
    """A redirect page (an old address, an alias): a meta refresh, no page of its own."""
    with open(html_file, "rb") as f:
        return b'http-equiv="refresh"' in f.read(2048)


def representative_pages(site_dir: Path) -> dict[str, str]:
    """One URL per page type present in the site: the alphabetically first, so runs repeat;
    redirect pages (old addresses) are not a page type and never represent one."""
    chosen: dict[str, str] = {}
    for url, f in sorted((page_url(site_dir, f), f) for f in html_files(site_dir)):
        if classify(url) not in chosen and not is_redirect(f):
            chosen[classify(url)] = url
    return chosen


# --- links -------------------------------------------------------------------------------------

URL_ATTRIBUTES = ("href", "src", "srcset", "poster")
ALLOWED_IFRAME_HOSTS = frozenset({"www.youtube-nocookie.com", "player.vimeo.com"})
# <link rel> values that make the browser contact a host before the reader asks for anything.
EARLY_CONNECT_RELS = frozenset(
    {"preconnect", "dns-prefetch", "preload", "prefetch", "prerender", "modulepreload"}
)
_BASE = "http://site.invalid"  # stand-in origin for resolving relative URLs


def _urls_in(attr: str, value: str) -> list[str]:
    if attr != "srcset":
        return [value.strip()]
    # "a.jpg 1x, b.jpg 2x": the URL is the first token of each candidate.
    return [c.split()[0] for c in value.split(",") if c.strip()]


@cache
def _anchors(html_file: Path) -> frozenset[str]:
    doc = lxml.html.parse(str(html_file)).getroot()
    ids = {el.get("id") for el in doc.iter() if isinstance(el.tag, str) and el.get("id")}
    ids |= {a.get("name") for a in doc.iter("a") if a.get("name")}
    return frozenset(i for i in ids if i)


def _site_path(ref: str, site_url: str | None) -> str | None:
    """The site-root path `ref` points at, or None when it leaves the site (ignored)."""
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc:
        if site_url and ref.startswith(site_url):
            return "/" + ref.removeprefix(site_url).lstrip("/")
        return None
    prefix = urlsplit(site_url).path if site_url else "/"
    if ref.startswith("/") and prefix != "/" and ref.startswith(prefix):
        return "/" + ref.removeprefix(prefix)  # a site under a sub-path: /sub/x -> /x
    return ref


def check_links(site_dir: Path, site_url: str | None = None) -> list[Problem]:
    """Every internal href/src/srcset/poster resolves to a file in the site, fragments included.

    `site_url` (e.g. "https://example.org/") makes absolute URLs on our own host count as
    internal, so canonical links and og:image are checked too. Also flags javascript:/data: URLs,
    inline event handlers, iframes without a title or from a host not allowed, and <link rel>
    hints that contact another host early.
    """
    _anchors.cache_clear()  # pages may have changed since the last call (self-test)
    problems: list[Problem] = []
    for html_file in html_files(site_dir):
        page = page_url(site_dir, html_file)
        doc = lxml.html.parse(str(html_file)).getroot()
        if doc is None:
            problems.append(Problem(page, "links", "empty document"))
            continue

        def bad(what: str, page: str = page) -> None:
            problems.append(Problem(page, "links", what))

        for el in doc.iter():
            if not isinstance(el.tag, str):  # comments, processing instructions
                continue
            tag = el.tag.lower()
            for attr in el.attrib:
                if attr.lower().startswith("on"):
                    bad(f"inline event handler <{tag} {attr}=...>")
            refs = [(a, u) for a in URL_ATTRIBUTES if el.get(a) for u in _urls_in(a, el.get(a))]
            if tag == "meta" and (el.get("content") or "").startswith(site_url or "\0"):
                refs.append(("content", el.get("content", "")))
            for attr, ref in refs:
                scheme = urlsplit(ref).scheme.lower()
                if scheme in ("javascript", "data"):
                    bad(f"{scheme}: URL in <{tag} {attr}>: {ref[:60]}")
                    continue
                path = _site_path(ref, site_url)
                rels = set((el.get("rel") or "").lower().split())
                if tag == "link" and rels & EARLY_CONNECT_RELS and path is None:
                    bad(f"<link rel={el.get('rel')!r}> contacts another host early: {ref}")
                    continue
                if path is None or (scheme and scheme not in ("http", "https")):
                    continue  # another site, mailto:, tel: ...
                if not ref:
                    continue  # "" is the page itself
                target_url = urlsplit(urljoin(_BASE + page, path))
                target = url_to_file(site_dir, target_url.path)
                if target is None:
                    bad(f"broken link <{tag} {attr}={ref!r}>: no file for {target_url.path}")
                    continue
                fragment = unquote(target_url.fragment)
                # "" and "top" scroll to the top by definition (HTML "scroll to the fragment").
                checkable = fragment not in ("", "top") and target.suffix == ".html"
                if checkable and fragment not in _anchors(target):
                    bad(f"broken fragment <{tag} {attr}={ref!r}>: no id {fragment!r}")
        for iframe in doc.iter("iframe"):
            src = iframe.get("src") or ""
            host = urlsplit(src).hostname or ""
            if not (iframe.get("title") or "").strip():
                bad(f"<iframe src={src!r}> has no title")
            if urlsplit(src).scheme != "https" or host not in ALLOWED_IFRAME_HOSTS:
                bad(f"<iframe src={src!r}>: host not in {sorted(ALLOWED_IFRAME_HOSTS)}")
    return problems


def site_url_of(site_dir: Path) -> str | None:
    """The published base URL, from the home page's canonical link (mkdocs writes one when
    site_url is set), so no config file has to be read."""
    home = site_dir / "index.html"
    if not home.is_file():
        return None
    for link in lxml.html.parse(str(home)).getroot().iter("link"):
        if link.get("rel") == "canonical" and link.get("href", "").startswith("http"):
            return str(link.get("href"))
    return None


# --- feeds -------------------------------------------------------------------------------------

FEED_GLOBS = ("feed*.xml", "atom*.xml", "rss*.xml", "*.rss", "*.atom", "feed.json")


def find_feeds(site_dir: Path) -> list[Path]:
    return sorted({p for pattern in FEED_GLOBS for p in site_dir.rglob(pattern)})


FeedRule = Callable[[str, bytes], list[str]]  # (url, body) -> what is wrong


def _xml_strict(url: str, body: bytes) -> list[str]:
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True)  # strict: recover=False
    try:
        lxml.etree.fromstring(body, parser)
    except lxml.etree.XMLSyntaxError as exc:
        return [f"not well-formed XML: {exc}"]
    return []


def _feedparser_clean(url: str, body: bytes) -> list[str]:
    parsed = feedparser.parse(body)
    found = []
    if parsed.bozo:
        found.append(f"feedparser: {parsed.bozo_exception}")
    if not parsed.version:
        found.append("feedparser does not recognise it as RSS or Atom")
    return found


def _json_feed(url: str, body: bytes) -> list[str]:
    try:
        data = json.loads(body)
    except ValueError as exc:
        return [f"not valid JSON: {exc}"]
    if not str(data.get("version", "")).startswith("https://jsonfeed.org/version/"):
        return ["JSON Feed without a jsonfeed.org version"]
    if not isinstance(data.get("items"), list):
        return ["JSON Feed without an items list"]
    return []


# The seam for more feed rules (atom:link rel=self, RFC 822 dates, enclosures ...): append here.
XML_FEED_RULES: list[FeedRule] = [_xml_strict, _feedparser_clean]
JSON_FEED_RULES: list[FeedRule] = [_json_feed]


def check_feeds(site_dir: Path) -> list[Problem]:
    problems = []
    for feed in find_feeds(site_dir):
        url = "/" + feed.relative_to(site_dir).as_posix()
        rules = JSON_FEED_RULES if feed.suffix == ".json" else XML_FEED_RULES
        body = feed.read_bytes()
        problems += [Problem(url, "feed", what) for rule in rules for what in rule(url, body)]
    return problems


# --- Nu Html Checker ---------------------------------------------------------------------------


def run_vnu(jar: Path, targets: list[Path], timeout: float = 900) -> list[dict[str, Any]]:
    """All messages of one vnu run over `targets` (files or directories); one JVM start."""
    cmd = ["java", "-jar", str(jar), "--format", "json", "--skip-non-html", "--exit-zero-always"]
    cmd += ["--stdout", *map(str, targets)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"vnu failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    messages: list[dict[str, Any]] = json.loads(proc.stdout)["messages"]
    return messages


@dataclass(frozen=True)
class AllowEntry:
    message: re.Pattern[str]
    extract: re.Pattern[str] | None
    reason: str

    def matches(self, msg: dict[str, Any]) -> bool:
        if not self.message.search(msg.get("message", "")):
            return False
        return self.extract is None or bool(self.extract.search(msg.get("extract", "")))


def allowlist_defects(path: Path) -> list[str]:
    """What is wrong with the allow-list file itself (every entry needs a real reason)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if not isinstance(data, list):
        return [f"{path.name}: must be a list of entries"]
    defects = []
    for i, entry in enumerate(data):
        where = f"{path.name} entry {i + 1}"
        if not isinstance(entry, dict) or set(entry) - {"message", "extract", "reason"}:
            defects.append(f"{where}: keys must be message, extract (optional), reason")
            continue
        for key in ("message", "extract"):
            try:
                re.compile(str(entry.get(key, "")))
            except re.error as exc:
                defects.append(f"{where}: {key} is not a regular expression: {exc}")
        if not str(entry.get("message", "")).strip():
            defects.append(f"{where}: no message pattern")
        # A reason is a sentence saying why we can't fix it, not a placeholder like "material".
        if len(str(entry.get("reason", "")).split()) < 8:
            defects.append(f"{where}: reason missing or too short to explain anything")
    return defects


def load_allowlist(path: Path) -> list[AllowEntry]:
    defects = allowlist_defects(path)
    if defects:
        raise ValueError("\n".join(defects))
    return [
        AllowEntry(
            re.compile(e["message"]),
            re.compile(e["extract"]) if e.get("extract") else None,
            " ".join(str(e["reason"]).split()),
        )
        for e in yaml.safe_load(path.read_text(encoding="utf-8")) or []
    ]


def vnu_problems(
    messages: list[dict[str, Any]], site_dir: Path, allow: list[AllowEntry]
) -> tuple[list[Problem], set[int]]:
    """Errors not covered by the allow-list, and the indexes of allow-list entries used."""
    problems, used = [], set()
    for msg in messages:
        if msg.get("type") not in ("error", "non-document-error"):
            continue  # info and warnings are advice, not failures
        hits = [i for i, entry in enumerate(allow) if entry.matches(msg)]
        used.update(hits)
        if hits:
            continue
        file = Path(unquote(urlsplit(msg.get("url", "")).path))
        page = page_url(site_dir, file) if file.is_relative_to(site_dir) else str(file)
        extract = " ".join(msg.get("extract", "").split())[:120]
        problems.append(
            Problem(page, "vnu", f"line {msg.get('lastLine', '?')}: {msg['message']} | {extract}")
        )
    return problems, used


# --- page weight -------------------------------------------------------------------------------

WEIGHT_BUDGET_GZIP = 100_000  # bytes (100 kB) per page, gzip -6, the item's own pictures excluded
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"})
KINDS = {
    ".html": "html", ".css": "css", ".js": "js", ".mjs": "js", ".json": "json",
    ".woff2": "font", ".woff": "font", ".ttf": "font", ".otf": "font",
}  # fmt: skip


@dataclass(frozen=True)
class Resource:
    path: str  # URL path on the site
    kind: str
    raw: int
    gzip: int
    own_picture: bool  # excluded from the budget


def is_own_picture(page: str, resource: str) -> bool:
    """The weight rule: a picture (by file suffix) is the page's own content, not page chrome,
    when it lies under /images/, inside the page's own folder (/reviews/<slug>/...), or next to
    the page with a name starting with the page's slug (/reviews/<slug>.jpg, <slug>-cover.png).
    """
    res = PurePosixPath(resource)
    if res.suffix.lower() not in IMAGE_SUFFIXES:
        return False
    if resource.startswith("/images/"):
        return True
    if page in ("/", "/404.html"):
        return False  # the home page's folder is the whole site
    folder = page if page.endswith("/") else str(PurePosixPath(page).parent) + "/"
    if resource.startswith(folder):
        return True
    slug = PurePosixPath(folder).name
    return str(res.parent) == str(PurePosixPath(folder).parent) and res.name.startswith(slug)


def gzip_size(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=6, mtime=0))  # GitHub Pages' level


def page_weight(site_dir: Path, page: str, url_paths: Iterable[str]) -> list[Resource]:
    """Weigh the files behind the URL paths a page fetched (each counted once).

    Bodies are read from disk: the test server sends files unchanged, so these are the bytes the
    browser received; requests that found no file weigh nothing (other gates report them).
    """
    resources = []
    for path in dict.fromkeys(url_paths):
        file = url_to_file(site_dir, path)
        if file is None:
            continue
        body = file.read_bytes()
        suffix = file.suffix.lower()
        kind = KINDS.get(suffix, "image" if suffix in IMAGE_SUFFIXES else "other")
        own = is_own_picture(page, path)
        resources.append(Resource(path, kind, len(body), gzip_size(body), own))
    return resources


def counted_gzip(resources: Iterable[Resource]) -> int:
    return sum(r.gzip for r in resources if not r.own_picture)


def weight_table(rows: dict[str, tuple[str, list[Resource]]]) -> str:
    """Markdown tables: per page type, then every distinct resource. rows: type -> (url, res)."""

    def kb(n: int) -> str:
        return f"{n / 1000:.1f}"

    out = [
        f"Budget: {WEIGHT_BUDGET_GZIP / 1000:.0f} kB gzip per page, own pictures excluded.",
        "",
        "| type | page | requests | raw kB | gzip kB | own pictures gzip kB | counted gzip kB |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for kind, (url, res) in rows.items():
        own = sum(r.gzip for r in res if r.own_picture)
        counted = counted_gzip(res)
        flag = "" if counted <= WEIGHT_BUDGET_GZIP else " **over**"
        out.append(
            f"| {kind} | {url} | {len(res)} | {kb(sum(r.raw for r in res))} | "
            f"{kb(sum(r.gzip for r in res))} | {kb(own)} | {kb(counted)}{flag} |"
        )
    seen: dict[str, Resource] = {}
    for _, res in rows.values():
        for r in res:
            seen.setdefault(r.path, r)
    out += ["", "| resource | kind | raw kB | gzip kB | counted |"]
    out += ["| --- | --- | ---: | ---: | --- |"]
    for r in sorted(seen.values(), key=lambda r: -r.gzip):
        counted_mark = "no (own picture)" if r.own_picture else "yes"
        out.append(f"| {r.path} | {r.kind} | {kb(r.raw)} | {kb(r.gzip)} | {counted_mark} |")
    return "\n".join(out) + "\n"

"""The same site on every engine: ``knowledge-site build --engine mkdocs|properdocs|zensical``
of the example library with the hostile pages publishes the same addresses (items, listings,
redirects, short links), feeds with the same entries and equivalent content, and the same
link previews (Open Graph, X card, JSON-LD) on every item page. Where Zensical's theme writes
other markup (docs/engines.md, "What looks different"), the text stays the same."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import feedparser
import lxml.html
import pytest
from gates import hostile

pytestmark = pytest.mark.slow

ENGINES = ("mkdocs", "properdocs", "zensical")
EPOCH = "1790000000"


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("engines")
    project = hostile.make_project(base / "project")
    for args in (["init", "-q", "."], ["add", "-A"],
                 ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "x",
                  "--date=2026-01-01T00:00:00Z"]):
        subprocess.run(["git", *args], cwd=project, check=True, capture_output=True)
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    out = {}
    for engine in ENGINES:
        site = base / engine
        result = subprocess.run([sys.executable, "-m", "generator", "build", "--engine", engine,
                                 "-d", str(site)], cwd=project, env=env, capture_output=True,
                                text=True, timeout=900)
        assert result.returncode == 0, f"{engine}\n{result.stderr[-3000:]}"
        out[engine] = site
    return out


def _pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")
            if not p.relative_to(site).parts[0].startswith((".", "assets"))}


def _redirect_target(path: Path) -> str | None:
    doc = lxml.html.parse(str(path)).getroot()
    refresh = doc.xpath("//meta[@http-equiv='refresh']/@content")
    return refresh[0] if refresh else None


def test_same_addresses_and_redirects(sites: dict[str, Path]) -> None:
    reference = _pages(sites["mkdocs"])
    assert len(reference) > 80 and "tutorials/index.html" in reference
    redirects = {p: _redirect_target(sites["mkdocs"] / p) for p in reference}
    assert any(target for target in redirects.values())  # short links and moved addresses
    for engine in ENGINES[1:]:
        pages = _pages(sites[engine])
        assert pages == reference, (engine, sorted(pages ^ reference)[:10])
        assert {p: _redirect_target(sites[engine] / p) for p in pages} == redirects, engine


def _text(html: str) -> str:
    if not html.strip():
        return ""
    return " ".join(lxml.html.fromstring(f"<div>{html}</div>").text_content().split())


def _feed(path: Path) -> list[tuple[object, ...]]:
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, (path, parsed.bozo_exception)
    return [(e.get("id"), e.get("title"), e.get("link"), e.get("published"), e.get("updated"),
             tuple((x.get("href"), x.get("type"), x.get("length"))
                   for x in e.get("enclosures", [])),
             _text(e["content"][0]["value"]) if e.get("content") else _text(e.get("summary", "")))
            for e in parsed.entries]


def test_feeds_carry_the_same_entries(sites: dict[str, Path]) -> None:
    root = sites["mkdocs"]
    feeds = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.xml")
                   if p.name in ("feed.xml", "atom.xml"))
    assert len(feeds) > 20
    for engine in ENGINES[1:]:
        for rel in feeds:
            assert _feed(sites[engine] / rel) == _feed(root / rel), (engine, rel)
        ours = json.loads((root / "feed.json").read_text(encoding="utf-8"))
        theirs = json.loads((sites[engine] / "feed.json").read_text(encoding="utf-8"))
        for item in (*ours["items"], *theirs["items"]):
            item["content_html"] = _text(item.get("content_html", ""))
        assert theirs == ours, engine


def _previews(path: Path) -> tuple[object, ...]:
    doc = lxml.html.parse(str(path)).getroot()
    tags = sorted((m.get("property") or m.get("name"), m.get("content"))
                  for m in doc.xpath("//head/meta[starts-with(@property, 'og:') or "
                                     "starts-with(@name, 'twitter:') or "
                                     "@name='description']"))
    data = [json.loads(s) for s in doc.xpath("//script[@type='application/ld+json']/text()")]
    return tuple(tags), json.dumps(data, sort_keys=True)


def test_same_link_previews_on_every_item_page(sites: dict[str, Path]) -> None:
    root = sites["mkdocs"]
    items = sorted(p.relative_to(root) for folder in ("tutorials", "reviews", "videos")
                   for p in (root / folder).glob("*/index.html"))
    assert len(items) >= 20
    for engine in ENGINES[1:]:
        for rel in items:
            assert _previews(sites[engine] / rel) == _previews(root / rel), (engine, rel)
            tags, _ = _previews(root / rel)
            assert ("og:image", None) not in tags


def test_same_short_links(sites: dict[str, Path]) -> None:
    def links(site: Path) -> dict[str, tuple[str | None, bytes]]:
        return {p.parent.name: (_redirect_target(p), (p.parent / "qr.svg").read_bytes())
                for p in (site / "s").glob("*/index.html")}

    reference = links(sites["mkdocs"])
    assert len(reference) >= 20
    for engine in ENGINES[1:]:
        assert links(sites[engine]) == reference, engine


def test_what_the_finishing_does_holds_on_every_engine(sites: dict[str, Path]) -> None:
    """Each file an engine wrote is finished by the core: CSP, <html lang> of an item in
    another language, the sanitiser (no script survives in a hostile body)."""
    csp = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]+">')
    for engine, site in sites.items():
        for rel in ("index.html", "404.html", "reviews/0-hostile-review/index.html"):
            assert csp.search((site / rel).read_text(encoding="utf-8")), (engine, rel)
        doc = lxml.html.parse(str(site / "reviews/0-hostile-review/index.html")).getroot()
        article = doc.xpath("//article")[0]
        scripts = [s.get("src") or "inline" for s in article.iter("script")]
        assert all(s.endswith(("assets/share.js", "assets/video.js")) for s in scripts), scripts
        assert not [(el.tag, name) for el in article.iter() if isinstance(el.tag, str)
                    for name in el.attrib if name.startswith("on")], engine
        assert not [h for h in article.xpath(".//@href") if "script:" in h.replace("\t", "")]
        english = [p for p in site.glob("*/*/index.html")
                   if '<html lang="en"' in p.read_text(encoding="utf-8")]
        assert english, f"{engine}: no item in English says so in <html lang>"


def _article_text(path: Path) -> str:
    doc = lxml.html.parse(str(path)).getroot()
    articles = doc.xpath("//article")
    return " ".join(articles[0].text_content().split()) if articles else ""


def test_every_page_says_the_same(sites: dict[str, Path]) -> None:
    """No engine drops or adds content: each page's article reads the same everywhere (one
    heading, the same words), whatever markup the theme wraps it in."""
    root = sites["mkdocs"]
    pages = sorted(_pages(root))
    for engine in ENGINES[1:]:
        differ = [p for p in pages
                  if _article_text(sites[engine] / p) != _article_text(root / p)]
        assert differ == [], (engine, differ[:5])
        for p in pages:
            doc = lxml.html.parse(str(sites[engine] / p)).getroot()
            assert len(doc.xpath("//article//h1")) <= 1, (engine, p)

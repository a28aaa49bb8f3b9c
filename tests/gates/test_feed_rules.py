"""Every feed of the example library by the rules of the feeds issue (issue 5), parsed with
feedparser and lxml's strict parser."""

from __future__ import annotations

import email.utils
import json
import re
from pathlib import Path
from typing import Any

import feedparser
import lxml.html
import pytest
from lxml import etree

from .checks import site_url_of

pytestmark = pytest.mark.gates

ATOM = "{http://www.w3.org/2005/Atom}"
RFC822_4Y = re.compile(r"^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$")
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$")


def feeds(site: Path, name: str) -> list[Path]:
    return sorted(site.rglob(name))


def test_rss_feeds(built_site: Path) -> None:
    site_url = site_url_of(built_site) or "/"
    found = feeds(built_site, "feed.xml")
    assert len(found) >= 1 + 3 + 6  # site, types, topics (and authors)
    for path in found:
        body = path.read_bytes()
        root = etree.fromstring(body)  # strict: raises on anything malformed
        parsed = feedparser.parse(body)
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        channel = root.find("channel")
        self_link = channel.find(f"{ATOM}link[@rel='self']")
        rel = path.relative_to(built_site).as_posix()
        assert self_link is not None and self_link.get("href") == site_url + rel, rel
        dates = [channel.findtext("lastBuildDate")] + [i.findtext("pubDate")
                                                      for i in channel.findall("item")]
        for date in dates:
            assert date and RFC822_4Y.match(date), (rel, date)
        items = channel.findall("item")
        if items:
            newest = max(email.utils.parsedate_to_datetime(d) for d in dates[1:])
            assert email.utils.parsedate_to_datetime(dates[0]) >= newest
        for item in items:
            guid = item.find("guid")
            assert guid is not None and guid.get("isPermaLink") == "false", rel
            assert item.findtext("link", "").startswith(site_url)
            assert item.findtext("{http://purl.org/dc/elements/1.1/}creator"), rel
            assert item.find("author") is None  # names without e-mail go in dc:creator
            enclosure = item.find("enclosure")
            media = item.find("{http://search.yahoo.com/mrss/}content")
            if enclosure is not None:
                assert int(enclosure.get("length")) > 0 and enclosure.get("type")
                assert media is not None and media.get("url") == enclosure.get("url")
        assert channel.find("managingEditor") is None


def test_atom_feeds(built_site: Path) -> None:
    site_url = site_url_of(built_site) or "/"
    for path in feeds(built_site, "atom.xml"):
        body = path.read_bytes()
        root = etree.fromstring(body)
        assert not feedparser.parse(body).bozo, path
        rel = path.relative_to(built_site).as_posix()
        assert root.find(f"{ATOM}link[@rel='self']").get("href") == site_url + rel
        for updated in root.iter(f"{ATOM}updated", f"{ATOM}published"):
            assert RFC3339.match(updated.text or ""), (rel, updated.text)


def test_json_feed(built_site: Path) -> None:
    site_url = site_url_of(built_site) or "/"
    data = json.loads((built_site / "feed.json").read_bytes())
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["feed_url"] == site_url + "feed.json"
    assert data["items"] and all(i["id"] and i["url"].startswith(site_url) for i in data["items"])


def test_opml_lists_every_feed(built_site: Path) -> None:
    site_url = site_url_of(built_site) or "/"
    root = etree.fromstring((built_site / "feeds.opml").read_bytes())
    listed = {o.get("xmlUrl") for o in root.iter("outline") if o.get("xmlUrl")}
    for path in feeds(built_site, "feed.xml"):
        assert site_url + path.relative_to(built_site).as_posix() in listed


def _entry_docs(site: Path) -> list[tuple[str, str, Any]]:
    """(feed, page address, content parsed as HTML) for every entry of the whole site's RSS,
    Atom and JSON Feed."""
    out = []
    for name in ("feed.xml", "atom.xml"):
        for entry in feedparser.parse((site / name).read_bytes()).entries:
            out.append((name, entry.link, lxml.html.fragment_fromstring(
                entry.content[0].value, create_parent="div")))
    for item in json.loads((site / "feed.json").read_bytes())["items"]:
        out.append(("feed.json", item["url"], lxml.html.fragment_fromstring(
            item["content_html"], create_parent="div")))
    return out


def test_entries_carry_the_whole_item(built_site: Path) -> None:
    """Issue 19: a video entry has its watch link (a plain link, with the poster when the
    page has one) and its transcript; a review its rating in words and, with an ISBN-13, the
    catalogue link for it; a tutorial its level (and objectives when it has some). Never an
    iframe or a script."""
    site_url = site_url_of(built_site) or "/"
    seen: dict[str, int] = {"videos": 0, "reviews": 0, "tutorials": 0, "isbn": 0, "poster": 0}
    for name, link, doc in _entry_docs(built_site):
        kind = link.removeprefix(site_url).split("/")[0]
        text = " ".join(doc.text_content().split())
        where = (name, link)
        assert not doc.xpath("//iframe | //script | //object | //embed"), where
        if kind == "videos":
            watch = doc.xpath("//a[contains(., '▶')]")
            assert watch and watch[0].get("href", "").startswith("http"), where
            seen["poster"] += bool(watch[0].xpath("img/@src"))
            assert re.search(r"\b(Transkrip|Transcript)\b", text), where
        elif kind == "reviews":
            assert re.search(r"\b[1-5] (dari|out of) 5\b", text), where
            if isbn := re.search(r"ISBN: (97[89]\d{10})", text):
                assert [a for a in doc.xpath("//a/@href") if isbn.group(1) in a], where
                seen["isbn"] += 1
        elif kind == "tutorials":
            assert re.search(r"(Tingkat|Level): \w", text), where
        if kind in seen:
            seen[kind] += 1
    assert all(seen.values()), seen
    objectives = [t for _, link, doc in _entry_docs(built_site)
                  for t in doc.xpath("//h2[.='Yang akan Anda kuasai' or .='What you will learn']"
                                     "/following-sibling::ul[1]/li/text()")]
    assert objectives, "no tutorial entry lists its objectives"

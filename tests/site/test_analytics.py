"""The ``analytics`` setting: a site built with each of the four counters carries that one
counter's loader and opens its Content-Security-Policy to that one host; built without, it
carries nothing of it (docs/analytics.md). The browser side (Do Not Track, Global Privacy
Control, what the tool is told) is tests/gates/test_analytics.py."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import lxml.html
import pytest
from sitekit import MKDOCS_YML, REPO, cli, make_site

PROVIDERS = {
    # provider: (its settings, the origin allowed, data-site, the script it loads)
    "goatcounter": ("address: https://perpustakaan.goatcounter.com",
                    "https://perpustakaan.goatcounter.com", "",
                    "https://perpustakaan.goatcounter.com/count.js"),
    "plausible": ("", "https://plausible.io", "perpustakaan-cendekia.example.org",
                  "https://plausible.io/js/script.js"),
    "umami": ("site: 94db1cb1-74f4-4a40-ad6c-962362670409",
              "https://cloud.umami.is", "94db1cb1-74f4-4a40-ad6c-962362670409",
              "https://cloud.umami.is/script.js"),
    "matomo": ("address: https://stats.example.ac.id:8443/matomo/\n        site: '3'",
               "https://stats.example.ac.id:8443", "3",
               "https://stats.example.ac.id:8443/matomo/matomo.js"),
}


def _site(root: Path, block: str = "") -> Path:
    """The example library (site_src/, mkdocs.yml) with ``block`` in its plugin settings."""
    shutil.copytree(REPO / "site_src", root / "site_src")
    yml = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    anchor = "  - knowledge-site:\n"
    assert anchor in yml
    (root / "mkdocs.yml").write_text(yml.replace(anchor, anchor + block, 1), encoding="utf-8")
    return root


def _build(root: Path) -> Path:
    result = cli("build", cwd=root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def _pages(site: Path) -> dict[str, str]:
    """Every HTML page but the redirect pages (short links, old addresses)."""
    out = {}
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' not in html:
            out[path.relative_to(site).as_posix()] = html
    return out


def _csp(html: str) -> str:
    found = lxml.html.fromstring(html).xpath(
        "//meta[@http-equiv='Content-Security-Policy']/@content")
    assert len(found) == 1
    return str(found[0])


@pytest.mark.slow
@pytest.mark.parametrize("provider", sorted(PROVIDERS))
def test_each_counter_is_one_loader_and_one_host(tmp_path: Path, provider: str) -> None:
    extra, origin, site_id, script = PROVIDERS[provider]
    block = f"      analytics:\n        provider: {provider}\n"
    if extra:
        block += f"        {extra}\n"
    site = _build(_site(tmp_path, block))
    pages = _pages(site)
    assert len(pages) > 10
    for name, html in pages.items():
        doc = lxml.html.fromstring(html)
        tags = doc.xpath("//script[contains(@src, 'analytics.js')]")
        assert len(tags) == 1, name
        tag = tags[0]
        assert tag.get("src") == "/assets/analytics.js" and tag.get("defer") is not None
        assert (tag.get("data-provider"), tag.get("data-site"), tag.get("data-script")) == \
            (provider, site_id, script), name
        assert tag.getparent().tag == "head"
        csp = _csp(html)
        hosts = set(re.findall(r"https://[^\s;']+", csp)) - {
            "https://www.youtube-nocookie.com", "https://player.vimeo.com"}
        assert hosts == {origin}, (name, csp)
        for directive in ("script-src", "connect-src", "img-src"):
            part = next(p for p in csp.split(";") if p.strip().startswith(directive))
            assert origin in part, (directive, csp)
    loader = (site / "assets/analytics.js").read_text(encoding="utf-8")
    assert "globalPrivacyControl" in loader and "doNotTrack" in loader
    # What is counted, in plain words, on the subscribe and about pages only.
    said = [name for name, html in pages.items() if "Yang dihitung situs ini" in html]
    assert sorted(said) == ["subscribe/index.html", "tentang/index.html"]
    assert "Membaca lewat feed tidak dihitung" in pages["subscribe/index.html"]
    assert "tidak ada cookie" in pages["tentang/index.html"].lower()


@pytest.mark.slow
def test_without_the_setting_pages_carry_nothing_of_it(tmp_path: Path) -> None:
    plain = _build(_site(tmp_path / "plain"))
    assert len(_pages(plain)) > 50
    assert not (plain / "assets/analytics.js").exists()
    for name, html in _pages(plain).items():
        assert "analytics" not in html and "Yang dihitung" not in html, name
        csp = _csp(html)
        assert set(re.findall(r"https://[^\s;']+", csp)) <= {
            "https://www.youtube-nocookie.com", "https://player.vimeo.com"}, name


@pytest.mark.parametrize(("block", "words"), [
    ("      analytics:\n        provider: goatcounter\n", "perlu alamat"),
    ("      analytics:\n        provider: umami\n", "perlu tahu situs mana"),
    ("      analytics:\n        provider: matomo\n        address: https://m.example.org\n"
     "        site: tiga\n", "`tiga` bukan site_id Matomo"),
    ("      analytics:\n        provider: plausible\n        address: http://p.example.org\n",
     "bukan alamat https"),
    ("      analytics:\n        provider: googleanalytics\n", "googleanalytics"),
])
def test_a_wrong_analytics_setting_names_its_line(tmp_path: Path, block: str,
                                                  words: str) -> None:
    root = _site(tmp_path, block)
    result = cli("check", cwd=root)
    assert result.returncode == 1
    assert "mkdocs.yml:" in result.stdout and words in result.stdout, result.stdout
    assert "Traceback" not in result.stderr


def test_a_counting_site_without_an_about_page_is_told(tmp_path: Path) -> None:
    yml = MKDOCS_YML.replace("      library_name: Perpustakaan Uji\n",
                             "      library_name: Perpustakaan Uji\n      analytics:\n"
                             "        provider: plausible\n")
    root = make_site(tmp_path, {"mkdocs.yml": yml})
    result = cli("check", cwd=root)
    assert result.returncode == 0
    assert "halaman tentang `tentang.md` tidak ada" in result.stdout, result.stdout

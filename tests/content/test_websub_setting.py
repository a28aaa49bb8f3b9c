"""The websub_hub setting: an https address, or check says how to write it."""

from __future__ import annotations

from pathlib import Path

from sitekit import MKDOCS_YML, make_site

from generator.content.settings import load_settings


def test_an_https_hub_is_kept(tmp_path: Path) -> None:
    make_site(tmp_path, {"mkdocs.yml": MKDOCS_YML + "      websub_hub: https://hub.example.org/\n"})
    settings, diagnostics = load_settings(tmp_path)
    assert settings is not None and settings.websub_hub == "https://hub.example.org/"
    assert not diagnostics


def test_a_plain_http_hub_is_refused_with_its_line(tmp_path: Path) -> None:
    make_site(tmp_path, {"mkdocs.yml": MKDOCS_YML + "      websub_hub: http://hub.example.org/\n"})
    settings, diagnostics = load_settings(tmp_path)
    assert settings is None
    assert [(d.code, d.line) for d in diagnostics] == [
        ("settings.websub_https", MKDOCS_YML.count("\n") + 1)]


def test_no_hub_by_default(tmp_path: Path) -> None:
    make_site(tmp_path)
    settings, _ = load_settings(tmp_path)
    assert settings is not None and settings.websub_hub is None

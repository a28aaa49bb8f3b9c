"""Every engine installed here is within the range we tested and pinned; pyproject.toml's extras
and the engine table (generator/engine/choice.py) name the same ranges."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from generator.engine.choice import ENGINES, get_engine

REPO = Path(__file__).resolve().parents[2]


def _extras() -> dict[str, list[Requirement]]:
    data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    extras = data["project"]["optional-dependencies"]
    deps = [Requirement(r) for r in data["project"]["dependencies"]]
    return {name: [Requirement(r) for r in reqs] for name, reqs in extras.items()} | {
        "": deps}


@pytest.mark.parametrize("name", sorted(ENGINES))
def test_pinned_range_matches_the_engine_table(name: str) -> None:
    entry = ENGINES[name]
    extras = _extras()
    where = extras[""] if name == "mkdocs" else extras[name]
    found = [r for r in where if r.name == entry.package]
    assert found, f"{entry.package} is not pinned for the {name} engine"
    assert str(found[0].specifier) == str(Requirement(f"x{entry.versions}").specifier)
    tested = [r for r in extras["test"] + extras[""] if r.name == entry.package]
    assert tested and str(tested[0].specifier) == str(found[0].specifier), "CI tests another range"


@pytest.mark.parametrize("name", sorted(ENGINES))
def test_installed_engine_is_within_its_range(name: str) -> None:
    entry = ENGINES[name]
    installed = entry.installed()
    assert installed is not None, f"{name} is a test dependency: pip install -e '.[test]'"
    assert entry.supported(installed), f"{name} {installed} is outside {entry.versions}"
    assert get_engine(name).name == name


def test_a_version_outside_the_range_is_refused() -> None:
    entry = ENGINES["zensical"]
    assert not entry.supported("0.2.0") and not entry.supported("0.0.72")
    assert entry.supported("0.0.73") and entry.supported("0.1.3")


def test_the_setting_accepts_exactly_the_engines_there_are() -> None:
    from generator.content.settings import ENGINES as SETTING

    assert set(SETTING) == set(ENGINES) and SETTING[0] == "mkdocs"


def test_mkdocs_knows_every_setting_the_core_reads() -> None:
    from generator.content.settings import SETTING_KEYS
    from generator.engine.mkdocs_config import PluginConfig

    assert {name for name, _ in PluginConfig._schema} == set(SETTING_KEYS)

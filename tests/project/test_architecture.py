"""The package's shape, kept: stages import only downward, only generator.engine imports an
engine, no import circles (import-linter's contracts in pyproject.toml, run here and in CI),
and modules small enough to read (docs/architecture.md)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "generator"


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """import-linter over the package found under ``root`` (with the repository's contracts)."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [sys.executable, "-c", "from importlinter.cli import lint_imports_command as c; c()",
         "--no-cache", "--no-logo", str(REPO / "pyproject.toml")],
        cwd=root, env=env, capture_output=True, text=True, timeout=300, check=False)


def test_the_contracts_hold() -> None:
    result = lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(("module", "planted", "broken"), [
    # a small rule importing the command line: an upward import
    ("values/slugs.py", "from ..cli import main  # noqa", "Stages import only downward"),
    # mkdocs outside engine/
    ("content/models.py", "import mkdocs  # noqa", "Only generator.engine imports a site engine"),
    # a circle inside one stage: pages <- items, and now items <- pages
    ("render/pages.py", "from . import items  # noqa", "No import circles"),
])
def test_a_planted_violation_breaks_the_contract(tmp_path: Path, module: str, planted: str,
                                                  broken: str) -> None:
    copy = tmp_path / "generator"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "assets",
                                                                 "templates", "theme"))
    target = copy / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{planted}\n", encoding="utf-8")
    result = lint_imports(tmp_path)
    assert result.returncode != 0, result.stdout
    assert f"{broken}" in result.stdout and "BROKEN" in result.stdout, result.stdout


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_modules_stay_small() -> None:
    sizes = {p.relative_to(PACKAGE).as_posix(): _lines(p) for p in PACKAGE.rglob("*.py")}
    assert max(sizes.values()) <= 460, sorted(sizes.items(), key=lambda kv: -kv[1])[:3]
    # The mkdocs plugin maps events onto the engine contract and holds nothing else.
    assert sizes["engine/mkdocs_plugin.py"] <= 210


def test_packages_are_the_stages() -> None:
    stages = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())
    assert stages == ["cli", "content", "engine", "feeds", "importing", "library", "pictures",
                      "reach", "render", "site", "social", "values", "words"]
    assert sorted(p.name for p in PACKAGE.glob("*.py")) == ["__init__.py", "__main__.py"]

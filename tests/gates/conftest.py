"""Fixtures for the quality gates: the built site (the example library plus the hostile fixture),
a server for it, one Chromium per session, one Nu Html Checker run per session, and the weight
report."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from . import checks, hostile

if TYPE_CHECKING:
    from playwright.sync_api import Browser

    from .browser import FirstLook, Served

REPO_ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = REPO_ROOT / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
ALLOWLIST = Path(__file__).with_name("vnu-allowlist.yml")
INSTALL_HINT = "run scripts/install-test-deps.sh"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require(tool_ok: bool, why: str) -> None:
    """Skip locally when a tool is missing, but fail in CI (CI=true): there a skipped gate would
    be a gate that silently stopped guarding."""
    if tool_ok:
        return
    message = f"{why} ({INSTALL_HINT})"
    if in_ci():
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def chromium_path() -> str | None:
    """Debian's Chromium (or KS_GATES_CHROMIUM), never a browser Playwright downloaded."""
    exe = os.environ.get("KS_GATES_CHROMIUM") or shutil.which("chromium")
    return exe if exe and os.access(exe, os.X_OK) else None


@dataclass(frozen=True)
class GatesSite:
    """The site the gates check, and what its build printed (None: KS_GATES_SITE, built
    elsewhere)."""

    site: Path
    build_output: str | None


# Every gate runs on the site each engine builds (docs/engines.md), on the realistic corpus
# (tests/corpus: tutorials and reviews as other people write them, built with mkdocs, its
# planted mistakes left out), and on the example library after `knowledge-site import` of the
# WordPress fixture export (tests/importing/fixtures: hostile posts included; its old
# addresses on the site's host, so its redirect pages are gated too); KS_GATES_ENGINES narrows
# the list.
ENGINES = tuple(os.environ.get("KS_GATES_ENGINES",
                               "mkdocs,properdocs,zensical,corpus,imported").split(","))
CORPUS = REPO_ROOT / "tests" / "corpus" / "site"
# Written for the example library with the hostile pages (its pages, words and planted
# breakage): not run on the corpus.
EXAMPLE_ONLY = ("test_hostile_pages.py", "test_gates_catch_breakage.py", "test_journeys.py",
                "test_video_file.py")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    keep, drop = [], []
    for item in items:
        callspec = getattr(item, "callspec", None)
        on_corpus = callspec is not None and callspec.params.get("gates_site") in (
            "corpus", "imported")
        (drop if on_corpus and item.path.name in EXAMPLE_ONLY else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


def _corpus_project(dest: Path) -> Path:
    """The corpus as a one-commit repository, its planted mistakes (check's tests) left out."""
    shutil.copytree(CORPUS, dest)
    for planted in dest.glob("site_src/*/planted-*.md"):
        planted.unlink()
    for args in (["init", "-q", "."], ["add", "-A"],
                 ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm",
                  "corpus", "--date=2026-01-01T00:00:00Z"]):
        subprocess.run(["git", *args], cwd=dest, check=True, capture_output=True)
    return dest


def _imported_project(dest: Path, env: dict[str, str]) -> Path:
    """The example library with the WordPress fixture export imported into it (the posts
    with pictures on the old host left out: no network here, and a picture left on another
    host is what `check` already warns about)."""
    sys.path.insert(0, str(REPO_ROOT / "tests"))
    from importing.fixtures.exports import wxr
    from importing.fixtures.posts import posts

    dest.mkdir(parents=True)
    shutil.copy2(REPO_ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(REPO_ROOT / "site_src", dest / "site_src")
    source = wxr(dest.parent / "wordpress.xml", [p for p in posts() if p.n not in (12, 17)],
                 base="https://perpustakaan-cendekia.example.org")
    proc = subprocess.run([sys.executable, "-m", "generator", "import", str(source),
                           "--no-pictures"], cwd=dest, env=env, capture_output=True, text=True,
                          check=False)
    if proc.returncode != 0:
        pytest.fail(f"importing the WordPress fixture failed:\n{proc.stderr[-4000:]}",
                    pytrace=False)
    return dest


@pytest.fixture(scope="session", params=ENGINES if not os.environ.get("KS_GATES_SITE")
                else ("given",))
def gates_site(request: pytest.FixtureRequest,
               tmp_path_factory: pytest.TempPathFactory) -> GatesSite:
    """KS_GATES_SITE (a built site directory) if set, else the example library plus the
    hostile fixture (tests/gates/fixtures/hostile, see hostile.py), built once per engine."""
    engine: str = request.param
    given = os.environ.get("KS_GATES_SITE")
    if given:
        site = Path(given).resolve()
        if not (site / "index.html").is_file():
            pytest.fail(f"KS_GATES_SITE={given} is not a built site (no index.html)")
        return GatesSite(site, None)
    base = tmp_path_factory.mktemp(f"gates-{engine}")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    # The build runs in the copy, so this checkout's generator must be importable from there.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    if engine == "corpus":
        project, engine = _corpus_project(base / "project"), "mkdocs"
    elif engine == "imported":
        project, engine = _imported_project(base / "project", env), "mkdocs"
    else:
        project = hostile.make_project(base / "project")
    site = base / "site"
    # Not --strict: the hostile pages carry what the body policy removes, with a warning each.
    cmd = [sys.executable, "-m", "generator", "build", "--engine", engine, "-d", str(site)]
    proc = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, check=False)
    output = proc.stdout + proc.stderr
    if proc.returncode != 0 or not (site / "index.html").is_file():
        pytest.fail(
            f"building the example library with the hostile fixture failed: {' '.join(cmd)} "
            f"in {project} (exit {proc.returncode})\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}",
            pytrace=False,
        )
    return GatesSite(site, output)


@pytest.fixture(scope="session")
def built_site(gates_site: GatesSite) -> Path:
    return gates_site.site


@pytest.fixture(scope="session")
def pages(built_site: Path) -> dict[str, str]:
    """Page type -> representative URL path."""
    return checks.representative_pages(built_site)


def representative(pages: dict[str, str], kind: str) -> str:
    """The URL for a page type; a type the built site lacks fails, because the gates would
    otherwise never look at it."""
    if kind not in pages:
        pytest.fail(f"the built site has no {kind!r} page (it has: {sorted(pages)})", pytrace=False)
    return pages[kind]


@pytest.fixture(scope="package")
def served(built_site: Path) -> Iterator[Served]:
    from .browser import SiteServer

    with SiteServer(built_site) as site:
        yield site


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    exe = chromium_path()
    require(exe is not None, "Chromium is not installed (Debian package chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "the Python package playwright is not installed")
    from .browser import CHROMIUM_ARGS

    # Package scope, not session: only one sync Playwright may run in a thread, and other test
    # modules start their own; pytest closes this one when the run leaves tests/gates.
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="package")
def first_looks(browser: Browser, served: Served) -> Callable[[str], FirstLook]:
    """URL path -> its FirstLook, loaded once per session for the render, foreign-request and
    weight gates."""
    from .browser import first_look

    cache: dict[str, FirstLook] = {}

    def get(path: str) -> FirstLook:
        if path not in cache:
            cache[path] = first_look(browser, served, path)
        return cache[path]

    return get


@pytest.fixture(scope="session")
def axe_js() -> Path:
    require(AXE_JS.is_file(), f"{AXE_JS.relative_to(REPO_ROOT)} is missing (npm ci)")
    return AXE_JS


@pytest.fixture(scope="session")
def vnu_jar() -> Path:
    require(shutil.which("java") is not None, "Java is not installed (default-jre-headless)")
    require(VNU_JAR.is_file(), f"{VNU_JAR.relative_to(REPO_ROOT)} is missing (npm ci)")
    return VNU_JAR


@pytest.fixture(scope="session")
def vnu_messages(vnu_jar: Path, built_site: Path) -> list[dict[str, Any]]:
    """One vnu run over the whole site: the JVM start dominates, so never per page."""
    return checks.run_vnu(vnu_jar, [built_site])


# --- weight report -----------------------------------------------------------------------------

WEIGHTS = pytest.StashKey[dict[str, tuple[str, list[checks.Resource]]]]()
WEIGHT_REPORT = pytest.StashKey[Path]()


@pytest.fixture(scope="session")
def weight_rows(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, tuple[str, list[checks.Resource]]]]:
    """Page type -> (URL, resources), filled by test_weight.py; written to site-weight.md in
    pytest's temporary directory and printed at the end of the run."""
    rows = request.config.stash.setdefault(WEIGHTS, {})
    yield rows
    if rows:
        out = tmp_path_factory.getbasetemp() / "site-weight.md"
        out.write_text("# Site weight\n\n" + checks.weight_table(dict(sorted(rows.items()))))
        request.config.stash[WEIGHT_REPORT] = out


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    rows = config.stash.get(WEIGHTS, None)
    if rows:
        terminalreporter.section("site weight, before interaction")
        terminalreporter.write(checks.weight_table(dict(sorted(rows.items()))))
        if WEIGHT_REPORT in config.stash:
            terminalreporter.write_line(f"written to {config.stash[WEIGHT_REPORT]}")
    # test_layout.py records its screenshot folder on each test's report (user_properties
    # travel from pytest-xdist's workers, a stash would not).
    shots = sorted({str(value) for reports in terminalreporter.stats.values() for r in reports
                    for name, value in getattr(r, "user_properties", ())
                    if name == "layout_screenshots"})
    if shots:
        terminalreporter.section("layout screenshots")
        for folder in shots:
            terminalreporter.write_line(folder)

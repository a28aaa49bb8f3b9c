"""The Zensical engine: the core writes the stage (zensical_stage.py), Zensical builds it in a
child process (zensical_child.py), then the core finishes every HTML file Zensical wrote and
publishes, as it does after mkdocs. Everything is written inside the output folder: the
stage is ``<site>/.zensical/`` and goes when the build ends.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from .base import Drawing, SiteBuild
from .zensical_child import OK
from .zensical_stage import CONFIG, HAS_HEADING, output_of, read_config, write_stage

STAGE = ".zensical"
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
# Zensical's progress lines: not worth a librarian's attention.
_CHATTER = re.compile(r"^(Build started|Build finished|No issues found|\d+ issues? found)")


class ZensicalEngine:
    name = "zensical"
    raw_html_links = "source"  # Zensical reads raw-HTML addresses relative to the .md file

    def build(self, site: SiteBuild, site_dir: Path, *, strict: bool,
              stage: Path | None = None) -> bool:
        """``stage``: a folder kept between builds (serve: Zensical's cache stays warm);
        without one the stage is made inside ``site_dir`` and removed."""
        site_dir.mkdir(parents=True, exist_ok=True)
        keep = stage is not None
        stage = stage or site_dir / STAGE
        languages = write_stage(site, stage)
        drawing: Drawing | None = site.start_pictures(site_dir)
        try:
            if not run_zensical(stage / CONFIG, strict=strict):
                return False
            _merge(stage / "site", site_dir)
            finish_files(site, site_dir, languages)
            (site_dir / "search.json").unlink(missing_ok=True)  # Zensical's; search is Pagefind
            site.publish(site_dir, drawing)
            drawing = None
        finally:
            if drawing is not None:
                drawing.abandon()
            if not keep:
                shutil.rmtree(stage, ignore_errors=True)
        return True

    def serve(self, root: Path, dev_addr: str) -> int:
        from .zensical_serve import serve

        return serve(self, root, dev_addr)


def run_zensical(config: Path, *, strict: bool) -> bool:
    """Build ``config`` in a child process; Zensical's messages are printed as ours."""
    command = [sys.executable, "-m", "generator.engine.zensical_child", str(config)]
    if strict:
        command.append("--strict")
    result = subprocess.run(command, capture_output=True, text=True, check=False,
                            cwd=config.parent)
    for line in _ANSI.sub("", result.stderr).splitlines():
        if line.strip() and not _CHATTER.match(line.strip()):
            print(line if line.startswith("zensical:") else f"zensical: {line}",
                  file=sys.stderr)
    return result.returncode == 0 and OK in result.stdout


def finish_files(site: SiteBuild, site_dir: Path, languages: dict[str, str | None]) -> None:
    """Every HTML file Zensical wrote, finished by the core (site/finish.py)."""
    theme = read_config(site.root / CONFIG).get("theme")
    site_lang = theme.get("language") if isinstance(theme, dict) else None
    done = set()
    for src, lang in sorted(languages.items()):
        path = site_dir / output_of(src)
        if path.is_file():
            html = _theme_fixes(path.read_text(encoding="utf-8").replace(HAS_HEADING, ""))
            path.write_text(site.finisher.file(src, html, lang=lang, site_lang=site_lang),
                            encoding="utf-8")
            done.add(path)
    for path in sorted(site_dir.rglob("*.html")):
        if path not in done and STAGE not in path.relative_to(site_dir).parts:
            html = _theme_fixes(path.read_text(encoding="utf-8"))
            path.write_text(site.finisher.file(None, html), encoding="utf-8")


def _theme_fixes(html: str) -> str:
    """Where Zensical's theme (0.0.73) writes what the HTML standard forbids: aria-hidden on
    a label tied to a control (the drawer's overlay). Material writes the label without it."""
    return html.replace('<label class="md-overlay" for="__drawer" aria-hidden="true">',
                        '<label class="md-overlay" for="__drawer">', 1)


def _merge(source: Path, target: Path) -> None:
    """Move everything under ``source`` into ``target`` (where the pictures are being drawn)."""
    for entry in sorted(source.iterdir()):
        there = target / entry.name
        if entry.is_dir() and there.is_dir():
            _merge(entry, there)
        else:
            if there.is_dir():
                shutil.rmtree(there)
            entry.replace(there)

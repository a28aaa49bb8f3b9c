"""The gates' site: the example library plus the hostile fixture (tests/gates/fixtures/hostile).

The fixture folder mirrors a site repository. Its files are added to a copy of the example
library (``mkdocs.yml`` and ``site_src/``): a new file is copied, a YAML registry that exists
already (``authors.yml``, ``topics.yml``) gets the fixture's entries appended, and any other
file the example library already has is refused, so the fixture never silently replaces
example content. The copied ``mkdocs.yml`` gets one setting more: ``media_hosts`` lists
``MEDIA_HOST``, the host of the fixture's (not hostile) video file on another host.

The hostile items' slugs (and the hostile author's and topic's ids) start with ``0`` and the
hostile ordinary page is ``halaman-hostile``, so each is the alphabetically first page of its
type: the one the browser gates open (``checks.representative_pages``).

``python -m tests.gates.hostile DIR`` writes that project into DIR (for example to build it
and point ``KS_GATES_SITE`` at the result).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).with_name("fixtures") / "hostile"

# Page type -> the hostile page the gates must open for it (URL path) and its source file.
HOSTILE_PAGES: dict[str, tuple[str, str]] = {
    "review": ("/reviews/0-hostile-review/", "site_src/reviews/0-hostile-review.md"),
    "tutorial": ("/tutorials/0-hostile-tutorial/", "site_src/tutorials/0-hostile-tutorial.md"),
    "video": ("/videos/0-hostile-video/", "site_src/videos/0-hostile-video.md"),
    "page": ("/halaman-hostile/", "site_src/halaman-hostile.md"),
}
HOSTILE_AUTHOR = ("author", "/authors/0-hostile/")
HOSTILE_TOPIC = ("topic", "/topics/0-hostile/")
# An ordinary page titled by its first heading (entities that show a </title><script>).
HEADING_PAGE = "/judul-entitas/"
# What the build leaves out or reports, never writes into a page.
MARKER = "__pwned"  # every script the fixture smuggles sets window.__pwned
EVIL_HOST = "evil.example.com"  # every foreign address the fixture's bodies use
# Not hostile: a video page whose video is an .mp4 on another host (provider "web-file"),
# played only after a click (tests/gates/test_video_file.py). Its host is the one the gates'
# mkdocs.yml lists in ``media_hosts`` (the pages' CSP media-src).
MEDIA_HOST = "repositori.perpustakaan-cendekia.example.org"
VIDEO_FILE_PAGE = ("/videos/rekaman-unggah-skripsi/",
                   "site_src/videos/rekaman-unggah-skripsi.md")


def make_project(dest: Path) -> Path:
    """Write the example library plus the hostile fixture into ``dest`` (created)."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO_ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    trust_media_host(dest / "mkdocs.yml", MEDIA_HOST)
    shutil.copytree(REPO_ROOT / "site_src", dest / "site_src")
    for src in sorted(p for p in FIXTURE.rglob("*") if p.is_file()):
        rel = src.relative_to(FIXTURE)
        target = dest / rel
        if target.exists() and target.suffix == ".yml":
            before = target.read_text(encoding="utf-8")
            target.write_text(before.rstrip("\n") + "\n" + src.read_text(encoding="utf-8"),
                              encoding="utf-8")
        elif target.exists():
            raise FileExistsError(f"the hostile fixture would replace {rel} of the example library")
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, target)
    return dest


def trust_media_host(mkdocs_yml: Path, host: str) -> None:
    """Add ``host`` to the knowledge-site plugin's ``media_hosts`` in ``mkdocs_yml``, as a
    librarian would: one line under ``- knowledge-site:``, the rest of the file untouched."""
    lines = mkdocs_yml.read_text(encoding="utf-8").split("\n")
    at = next((n for n, line in enumerate(lines) if line.strip() == "- knowledge-site:"), None)
    if at is None or at + 1 >= len(lines) or "media_hosts" in _plugin_settings(lines):
        raise ValueError(f"{mkdocs_yml}: no '- knowledge-site:' settings to add media_hosts to")
    indent = lines[at + 1][:len(lines[at + 1]) - len(lines[at + 1].lstrip())]
    lines.insert(at + 1, f"{indent}media_hosts: [{host}]")
    if _plugin_settings(lines).get("media_hosts") != [host]:
        raise ValueError(f"{mkdocs_yml}: media_hosts did not land in the plugin's settings")
    mkdocs_yml.write_text("\n".join(lines), encoding="utf-8")


def _plugin_settings(lines: list[str]) -> dict[str, Any]:
    plugins = yaml.safe_load("\n".join(lines)).get("plugins") or []
    return next((p["knowledge-site"] or {} for p in plugins
                 if isinstance(p, dict) and "knowledge-site" in p), {})


def front_matter(rel: str) -> dict[str, Any]:
    """The fixture file's front matter as YAML reads it: the exact text each field holds."""
    text = (FIXTURE / rel).read_text(encoding="utf-8")
    _, head, _ = text.split("---\n", 2)
    data: dict[str, Any] = yaml.safe_load(head)
    return data


def registry_entry(name: str, key: str) -> dict[str, str]:
    """An entry the fixture adds to ``authors.yml`` / ``topics.yml``."""
    data = yaml.safe_load((FIXTURE / "site_src" / name).read_text(encoding="utf-8"))
    entry: dict[str, str] = data[key]
    return entry


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m tests.gates.hostile DIR")
    print(make_project(Path(sys.argv[1])))

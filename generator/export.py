"""``knowledge-site export DIR``: the generated Markdown tree, for another mkdocs-compatible
engine (ProperDocs, Zensical, …) to build without our plugin.

DIR/mkdocs.yml is the site's own file with ``docs_dir`` pointed at DIR/docs and
our plugin entry taken out; DIR/docs holds the ordinary pages and pictures,
the generated item and listing pages (with ``title``/``description`` front
matter, written with python-frontmatter), and our stylesheet.
"""

from __future__ import annotations

import re
import shutil
import sys
from datetime import datetime
from pathlib import Path

import frontmatter

from .cli_support import message_language, report, says
from .diagnostics import has_errors
from .pipeline import run
from .plugin import ASSETS, CSS
from .registry import AUTHORS_FILE, TOPICS_FILE
from .render import Renderer
from .source import discover


def export_tree(root: Path, directory: Path, now: datetime, lang: str | None) -> int:
    result = run(root, now)
    msg_lang = message_language(lang, result.library.settings.language if result.library else None)
    report(result.diagnostics, msg_lang)
    if has_errors(result.diagnostics) or result.library is None:
        print(says("build.refused", msg_lang), file=sys.stderr)
        return 1
    if directory.exists() and any(directory.iterdir()):
        print(says("export.not_empty", msg_lang, path=directory), file=sys.stderr)
        return 2
    library = result.library
    docs = root / library.settings.docs_dir
    out_docs = directory / "docs"
    skip = {AUTHORS_FILE, TOPICS_FILE} | set(library.supporting)
    skip |= {i.src for i in library.all_items}
    for src in sorted(discover(docs).files - skip):
        (out_docs / src).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(docs / src, out_docs / src)
    for page in Renderer(library).pages():
        post = frontmatter.Post(page.markdown, title=page.title, description=page.description)
        (out_docs / page.src).parent.mkdir(parents=True, exist_ok=True)
        (out_docs / page.src).write_text(frontmatter.dumps(post, sort_keys=True) + "\n",
                                         encoding="utf-8")
    (out_docs / CSS).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ASSETS / "knowledge-site.css", out_docs / CSS)
    config = _exported_config((root / "mkdocs.yml").read_text(encoding="utf-8-sig"))
    (directory / "mkdocs.yml").write_text(config, encoding="utf-8")
    print(says("export.done", msg_lang, path=directory, config=directory / "mkdocs.yml"),
          file=sys.stderr)
    return 0


def _exported_config(text: str) -> str:
    """Edit the settings as text, so tags such as ``!!python/name:`` survive untouched."""
    lines = text.replace("\r\n", "\n").split("\n")
    out: list[str] = []
    skipping_indent: int | None = None
    for line in lines:
        indent = len(line) - len(line.lstrip())
        if skipping_indent is not None:
            if line.strip() and indent <= skipping_indent:
                skipping_indent = None
            else:
                continue
        if re.match(r"^\s*-\s*['\"]?knowledge-site['\"]?\s*:?\s*(#.*)?$", line):
            skipping_indent = indent
            continue
        if re.match(r"^docs_dir\s*:", line):
            line = "docs_dir: docs"
        out.append(line)
    text = "\n".join(out).rstrip("\n") + "\n"
    if not re.search(r"^docs_dir\s*:", text, re.M):
        text += "docs_dir: docs\n"
    if re.search(r"^extra_css\s*:\s*$", text, re.M):
        text = re.sub(r"^(extra_css\s*:\s*)$", rf"\1\n  - {CSS}", text, count=1, flags=re.M)
    else:
        text += f"extra_css:\n  - {CSS}\n"
    return text

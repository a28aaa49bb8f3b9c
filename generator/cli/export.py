"""``knowledge-site export DIR``: the generated Markdown tree, for another mkdocs-compatible
engine (ProperDocs, Zensical, …) to build without our plugin.

DIR/mkdocs.yml is the site's own file with ``docs_dir`` pointed at DIR/docs, our plugin
entry taken out and our stylesheet and script added; DIR/docs holds the ordinary pages and
pictures, the generated item and listing pages (with ``title``/``description`` front
matter, written with python-frontmatter), thumbnails and our assets. The search index is
built after that engine's build with ``python -m pagefind --site <its output>``.
"""

from __future__ import annotations

import re
import sys
from datetime import datetime
from pathlib import Path

import frontmatter

from ..content.diagnostics import has_errors
from ..content.registry import AUTHORS_FILE, TOPICS_FILE
from ..content.source import discover
from ..library.check import run
from ..render.listings import home_sections
from ..site.assemble import CSS, JS, assemble
from .output import message_language, report, says


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
    assembly = assemble(library, docs)
    skip = {AUTHORS_FILE, TOPICS_FILE} | set(library.supporting)
    skip |= {i.src for i in library.all_items}
    for src in sorted(discover(docs).files - skip):
        _write(out_docs / src, (docs / src).read_bytes())
    for page in assembly.pages.values():
        post = frontmatter.Post(page.markdown, title=page.title, description=page.description)
        _write(out_docs / page.src, (frontmatter.dumps(post, sort_keys=True) + "\n").encode())
    home = out_docs / "index.md"
    text = home.read_text(encoding="utf-8") if home.exists() else ""
    home.write_text(text.rstrip("\n") + "\n\n" + home_sections(assembly.renderer),
                    encoding="utf-8")
    for src, data in assembly.binaries.items():
        _write(out_docs / src, data)
    for src, path in assembly.assets.items():
        _write(out_docs / src, path.read_bytes())
    config = _exported_config((root / "mkdocs.yml").read_text(encoding="utf-8-sig"))
    (directory / "mkdocs.yml").write_text(config, encoding="utf-8")
    print(says("export.done", msg_lang, path=directory, config=directory / "mkdocs.yml"),
          file=sys.stderr)
    return 0


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


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
    # A plugins list left with no entry would mean "no setting" (mkdocs' defaults): say [].
    text = re.sub(r"^plugins\s*:\s*\n(?!\s+-|\s*#)", "plugins: []\n", text, flags=re.M)
    if not re.search(r"^docs_dir\s*:", text, re.M):
        text += "docs_dir: docs\n"
    for key, names in (("extra_css", CSS), ("extra_javascript", JS)):
        entries = "".join(f"\n  - {name}" for name in names)
        if re.search(rf"^{key}\s*:\s*$", text, re.M):
            text = re.sub(rf"^({key}\s*:\s*)$", rf"\1{entries}", text, count=1, flags=re.M)
        else:
            text += f"{key}:{entries}\n"
    return text

"""What Zensical builds from: a folder the core writes, since Zensical runs no plugin.

    stage/mkdocs.yml    the site's settings, with our pages, theme overrides, assets and a
                        short navigation (Zensical renders the navigation into every page)
    stage/docs/         every page as the engine should convert it (front matter carries what
                        the theme prints about the page), the site's files, our pictures/assets
    stage/overrides/    our block overrides of the theme, under the site's own custom_dir
    stage/site/         where Zensical writes (it empties that folder first)

The settings are read and written with their YAML tags kept (``!!python/name:`` in
``markdown_extensions``, ``!ENV``), so what a library configured reaches Zensical unchanged.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from ..content.body_policy import split_page
from ..site.finish import wrap
from ..values.links import page_url
from .base import THEME_OVERRIDES, SiteBuild

CONFIG = "mkdocs.yml"
HAS_HEADING = "<!-- ks-heading <h1> -->"
# mkdocs' own extensions when a site lists none (Zensical's default list is much longer).
DEFAULT_EXTENSIONS = ["toc", "tables", "fenced_code"]


class Tagged:
    """A YAML value with a tag we do not interpret (``!!python/name:x``, ``!ENV …``)."""

    def __init__(self, tag: str, value: Any) -> None:
        self.tag, self.value = tag, value


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    tag = node.tag
    if isinstance(node, yaml.ScalarNode):
        return Tagged(tag, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return Tagged(tag, loader.construct_sequence(node, deep=True))
    assert isinstance(node, yaml.MappingNode)
    return Tagged(tag, loader.construct_mapping(node, deep=True))


def _represent(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


_Loader.add_multi_constructor("!", _tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)
_Dumper.add_representer(Tagged, _represent)


def read_config(path: Path) -> dict[str, Any]:
    # _Loader is a SafeLoader that keeps unknown tags as Tagged values: nothing is run.
    data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_Loader)
    return data if isinstance(data, dict) else {}


def stage_config(site: SiteBuild, stage: Path) -> dict[str, Any]:
    """The site's settings for Zensical: docs and site inside the stage, our theme overrides,
    no plugin but a disabled search (Pagefind is ours), the core's navigation, our assets."""
    config = read_config(site.root / CONFIG)
    theme = dict(config.get("theme") or {})
    if isinstance(config.get("theme"), str):
        theme = {"name": config["theme"]}
    theme["custom_dir"] = "overrides"
    theme.setdefault("variant", "classic")  # Material's look; Zensical's default differs
    theme.setdefault("favicon", site.favicon)
    extra = dict(config.get("extra") or {})
    extra.setdefault("generator", False)  # no "Made with Zensical" line
    not_found = dict(site.not_found)
    not_found["topics"] = [{"id": t.id, "name": t.name} for t in not_found["topics"]]
    extra["ks_404"] = not_found
    css = [*(config.get("extra_css") or [])]
    css += [a for a in site.global_css if a not in css]
    js = [*(config.get("extra_javascript") or [])]
    docs = stage / "docs"
    nav = [src for src in site.navigation if (docs / src).is_file()]
    out = {key: value for key, value in config.items() if key not in (
        "plugins", "hooks", "docs_dir", "site_dir", "nav", "theme", "extra", "extra_css",
        "extra_javascript", "markdown_extensions")}
    out.update({
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": theme,
        "plugins": [{"search": {"enabled": False}}],
        "nav": nav,
        "extra": extra,
        "extra_css": css,
        "extra_javascript": js,
        "markdown_extensions": [*_extensions(config.get("markdown_extensions"),
                                             site.footnote_words),
                                *({name: options} for name, options
                                  in site.added_extensions.items())],
    })
    return out


def _extensions(given: Any, footnotes: dict[str, str] | None = None) -> list[Any]:
    """The site's Markdown extensions. Zensical always adds pymdownx.superfences, which
    colours code with Pygments unless told otherwise; mkdocs shows code plain (and Pygments'
    dark palette falls short of WCAG contrast), so plain it stays unless the site chose."""
    extensions = [{"footnotes": dict(footnotes)} if e == "footnotes" and footnotes else e
                  for e in (given or DEFAULT_EXTENSIONS)]
    names = {e if isinstance(e, str) else next(iter(e), "") for e in extensions
             if isinstance(e, str | dict)}
    if "pymdownx.highlight" not in names:
        extensions.append({"pymdownx.highlight": {"use_pygments": False}})
    return extensions


def write_stage(site: SiteBuild, stage: Path) -> dict[str, str | None]:
    """Write the stage; returns each page's source -> the language its ``<html lang>`` must
    say when it is not the site's (an item in another language), else None."""
    docs = stage / "docs"
    if stage.exists():
        shutil.rmtree(stage / "docs", ignore_errors=True)
        shutil.rmtree(stage / "overrides", ignore_errors=True)
    docs.mkdir(parents=True)
    for rel in sorted(site.library.files):
        if site.is_hidden(rel) or rel in site.library.pages:
            continue
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(site.docs / rel, target)
    for src, data in site.assembly.binaries.items():
        _write(docs / src, data)
    for src, data in site.assembly.assets.items():
        _write(docs / src, data)
    languages: dict[str, str | None] = {}
    for src in sorted(site.library.pages - set(site.assembly.pages)):
        text = (site.docs / src).read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        body, _ = split_page(text)
        meta = _front_matter(text)
        _write(docs / src, page_text(site, src, meta, body).encode("utf-8"))
        languages[src] = None
    for src, page in site.assembly.pages.items():
        # A generated page may start with front matter of its own (the staff pages: not in
        # search, no navigation), as mkdocs reads it.
        body, _ = split_page(page.markdown)
        meta = _front_matter(page.markdown)
        _write(docs / src, page_text(site, src, meta, body).encode("utf-8"))
        languages[src] = page.lang if page.item is not None else None
    overrides = stage / "overrides"
    shutil.copytree(THEME_OVERRIDES, overrides)
    own = _own_custom_dir(site)
    if own is not None:  # the site's own overrides win over ours, as under mkdocs
        shutil.copytree(own, overrides, dirs_exist_ok=True)
    (stage / CONFIG).write_text(
        yaml.dump(stage_config(site, stage), Dumper=_Dumper, allow_unicode=True,
                  sort_keys=False), encoding="utf-8")
    return languages


def page_text(site: SiteBuild, src: str, meta: dict[str, Any], markdown: str) -> str:
    """A page as Zensical should convert it: what the theme prints about it in its front
    matter, its Markdown as the core hands it to any engine, between the article markers."""
    facts = site.finisher.facts(src, page_url(src), meta, _heading(src, markdown))
    head = yaml.safe_dump(facts, allow_unicode=True, sort_keys=True, width=1_000_000)
    text = site.finisher.markdown(src, markdown)
    if "<h1" in markdown and "<h1" not in text:
        # The page's heading was lifted out with the generated HTML: tell the theme, which
        # adds a title heading to content without one (the finishing takes this out).
        text += "\n\n" + HAS_HEADING
    return f"---\n{head}---\n\n{wrap(text)}"


def _heading(src: str, markdown: str) -> str:
    """The title mkdocs gives a page without one in its front matter (mkdocs' rule)."""
    from mkdocs.utils import get_markdown_title

    title = get_markdown_title(markdown)
    if title:
        return str(title)
    if src == "index.md":
        return "Home"
    name = Path(src).stem if Path(src).stem != "index" else Path(src).parent.name
    words = name.replace("-", " ").replace("_", " ")
    return words.capitalize() if words.lower() == words else words


def output_of(src: str) -> str:
    """The HTML file an engine writes for the page ``src`` (directory addresses)."""
    return page_url(src) + "index.html"


def _own_custom_dir(site: SiteBuild) -> Path | None:
    theme = read_config(site.root / CONFIG).get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    path = site.root / custom if isinstance(custom, str) else None
    return path if path is not None and path.is_dir() else None


def _front_matter(text: str) -> dict[str, Any]:
    """A librarian's own page's front matter as mkdocs reads it (YAML between ``---``)."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return {}
    for n in range(1, len(lines)):
        if lines[n].rstrip() in ("---", "..."):
            try:
                data = yaml.safe_load("\n".join(lines[1:n]))
            except yaml.YAMLError:
                return {}
            return data if isinstance(data, dict) else {}
    return {}


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)

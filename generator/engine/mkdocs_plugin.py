"""The mkdocs plugin ``knowledge-site``: maps mkdocs' events onto the engine contract.

Everything it does is the core's: the site to build is a ``SiteBuild`` (handed over by
``knowledge-site build``, or prepared here under plain ``mkdocs build``/``serve``), and each
event calls one of its parts — leave the hidden sources out and hand mkdocs the generated
pages (in memory: nothing is written into site_src/, so a watcher never loops), order the
navigation, finish each page, publish after the last one. ProperDocs runs it unchanged.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..content.diagnostics import format_text
from ..words.cli import SAYINGS
from ..words.translate import pick, words_language
from .base import (
    NOTHING,
    THEME_OVERRIDES,
    Drawing,
    Previous,
    SearchIndexError,
    SiteBuild,
    prepare_from_sources,
)
from .mkdocs_config import PluginConfig
from .mkdocs_nav import navigation
from .mkdocs_serve import Session

log = logging.getLogger("mkdocs.plugins.knowledge-site")
MATERIAL_FAVICON = "assets/images/favicon.png"  # Material's default: a site that chose none


class KnowledgeSitePlugin(BasePlugin[PluginConfig]):
    def __init__(self) -> None:
        self.command = "build"
        self.dirty = False  # serve: a rebuild renders only what changed
        self.given: SiteBuild | None = None
        self.site: SiteBuild | None = None
        self.drawing: Drawing | None = None
        self.session = Session()

    def hand(self, site: SiteBuild) -> None:
        """``knowledge-site build`` has checked and prepared everything: don't do it twice."""
        self.given = site

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty

    def on_shutdown(self) -> None:
        self.session.wait_for_publish()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        self.session.wait_for_publish()
        self.site = site = self.given or self._prepare(config)
        # Our block overrides sit between a site's own custom_dir and Material's templates.
        dirs = config.theme.dirs
        if str(THEME_OVERRIDES) not in dirs:
            dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_OVERRIDES))
        config.extra_css += [c for c in site.global_css if c not in config.extra_css]
        config.extra["ks_404"] = site.not_found
        for name, options in site.added_extensions.items():
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
                config.mdx_configs[name] = options
        for key, words in site.footnote_words.items():
            config.mdx_configs.setdefault("footnotes", {}).setdefault(key, words)
        if config.theme.get("favicon") in (None, MATERIAL_FAVICON):
            config.theme["favicon"] = site.favicon
        return config

    def _prepare(self, config: MkDocsConfig) -> SiteBuild:
        """Under plain ``mkdocs build``/``serve`` the plugin runs the checks itself."""
        root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        serving = self.command == "serve"
        site, problems, lang = prepare_from_sources(
            root, serving=serving, previous=Previous(Path(config.site_dir)) if serving
            else NOTHING, validated=self.session.validated if serving else None,
            pages=self.session.pages if serving else None)
        for line in format_text(problems, lang).splitlines():
            (log.error if ": error: " in line else log.warning)(line)
        if site is None:
            # mkdocs' last line is an Abort's message (a PluginError's would be followed by
            # "Aborted with a BuildError!"): say it in the site's language, with what to run.
            raise Abort(pick(SAYINGS["plain.refused"], lang))
        return site

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.site is None:
            return files
        site = self.site
        for file in list(files):
            if site.is_hidden(file.src_uri):
                files.remove(file)
        self.session.add_pages(site, files, config, self.dirty)
        for src, data in site.assembly.binaries.items():
            files.append(File.generated(config, src, content=data))
        for src, data in site.assembly.assets.items():
            files.append(File.generated(config, src, content=data))
        # mkdocs has emptied the site folder by now: the pictures are drawn in other
        # processes while this one renders the pages (publish waits for them).
        self.close()
        self.drawing = site.start_pictures(Path(config.site_dir))
        return files

    def on_build_error(self, *, error: Exception) -> None:
        self.close()

    def close(self) -> None:
        """Stop drawing pictures (a failed build: its folder is about to be removed)."""
        if self.drawing is not None:
            self.drawing.abandon()
            self.drawing = None

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files
               ) -> Environment:
        if self.command == "serve" and env.bytecode_cache is None:
            env.bytecode_cache = self.session.bytecode
        return env

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.site is None:
            return nav
        if self.dirty:
            self.session.give_titles(self.site, nav, config)
        return navigation(self.site, nav, files, config)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str | None:
        if self.site is None:
            return markdown
        src = page.file.src_uri
        finisher = self.site.finisher
        page.meta = finisher.facts(src, page.url, page.meta, page.title)
        markdown = finisher.markdown(src, markdown)
        generated = finisher.generated(src)
        if generated is not None and self.command != "serve":
            # A build does not need the page's source text again; mkdocs keeps every
            # page's HTML until the end, and these copies would stay beside it (a third
            # of the memory at 10,000 items). serve keeps them to compare rebuilds.
            self.site.assembly.pages[src] = replace(generated, markdown="")
            page.file.content_string = ""
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str | None:
        return self.site.finisher.article(page.file.src_uri, html) if self.site else html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.site is None:
            return output
        return self.site.finisher.document(output, lang=page.meta.get("ks_lang"),
                                           site_lang=config.theme.get("language"),
                                           article=page.content or "")

    def on_post_template(self, output_content: str, *, template_name: str,
                         config: MkDocsConfig) -> str | None:
        """Theme pages without a Markdown source (404.html) get the same last pass."""
        if self.site is None or not template_name.endswith(".html"):
            return output_content
        return self.site.finisher.document(output_content)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.site is None:
            return
        drawing, self.drawing = self.drawing, None
        if self.command == "serve":
            self.session.publish_later(self.site, Path(config.site_dir), drawing, log)
            return
        try:
            self.site.publish(Path(config.site_dir), drawing)
        except SearchIndexError as exc:
            lang = words_language(self.site.library.settings.language)
            raise Abort(pick(SAYINGS["plain.search_failed"], lang).format(why=exc)) from None

"""``serve`` on mkdocs: what one preview session keeps from rebuild to rebuild.

mkdocs' "dirty" build renders only the files that say they changed. A generated page whose
inputs are those the previous build of this session rendered, and whose HTML is still in the
site folder, says it did not; the home page always says it did (its sections change with
other files). Files read and validated, item pages rendered and theme templates compiled
are kept too. A full build takes a minute at 1,000 items; an edit shows in about a second.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation

from ..pictures.pool import Drawing
from .base import SiteBuild


class Session:
    def __init__(self) -> None:
        self.rendered: dict[str, object] = {}  # page source -> the inputs of its output
        self.site_key: object = None  # settings, authors, topics: any change renders all
        self.home: tuple[str, str] | None = None  # the home page's sections, as last rendered
        self.validated: dict[str, Any] = {}  # files read and validated
        self.pages: dict[str, Any] = {}  # item pages rendered
        self.bytecode = MemoryBytecodeCache()  # theme templates compiled
        self.publishing: threading.Thread | None = None

    def publish_later(self, site: SiteBuild, site_dir: Path, drawing: Drawing | None,
                      log: logging.Logger) -> None:
        """A preview shows the edited page at once; feeds, pictures and the search index
        follow a few seconds later (the next build waits for them)."""
        def publish() -> None:
            try:
                site.publish(site_dir, drawing)
            except Exception as exc:  # a preview goes on; the message says what is missing
                log.error(f"knowledge-site: feeds, previews or the search index failed: {exc}")

        self.publishing = threading.Thread(target=publish, name="knowledge-site publish",
                                           daemon=True)
        self.publishing.start()

    def wait_for_publish(self) -> None:
        if self.publishing is not None:
            self.publishing.join()
            self.publishing = None

    def add_pages(self, site: SiteBuild, files: Files, config: MkDocsConfig,
                  dirty: bool) -> None:
        """Put the generated pages into ``files``, marking those that need no rendering."""
        lib = site.library
        site_key = (repr(lib.settings), sorted(lib.authors.items()), sorted(lib.topics.items()),
                    lib.preview, os.path.getmtime(config.config_file_path)
                    if config.config_file_path else 0)
        incremental = dirty and site_key == self.site_key
        self.site_key = site_key
        for page in site.assembly.pages.values():
            existing = files.get_file_from_path(page.src)
            if existing is not None:
                files.remove(existing)
            inputs = (page.markdown, page.title, page.description, page.lang, page.searchable,
                      page.item)
            kind = File
            if incremental and self.rendered.get(page.src) == inputs:
                kind = _Unchanged
            if dirty:
                self.rendered[page.src] = inputs
            file = kind.generated(config, page.src, content=page.markdown)
            if kind is _Unchanged and not os.path.isfile(file.abs_dest_path):
                file = File.generated(config, page.src, content=page.markdown)
            files.append(file)
        if dirty:
            home = site.finisher.home_sections()
            index = files.get_file_from_path("index.md")
            if index is not None and (home != self.home or not incremental):
                files.remove(index)
                files.append(_Changed(index.src_uri, index.src_dir, index.dest_dir,
                                      index.use_directory_urls, inclusion=index.inclusion))
            self.home = home

    def give_titles(self, site: SiteBuild, nav: Navigation, config: MkDocsConfig) -> None:
        """A dirty build reads only the pages it renders again; the navigation printed on
        those needs every page's title, so give the others theirs (read before mkdocs reads
        the rendered ones; it reads them again)."""
        for page in nav.pages:
            if page.markdown is not None:
                continue
            generated = site.assembly.pages.get(page.file.src_uri)
            if generated is not None:
                page.markdown = ""
                page.meta = {"title": str(escape(generated.title))}
            else:
                page.read_source(config)


class MemoryBytecodeCache(BytecodeCache):
    """serve makes a new theme environment for every rebuild; keep the compiled templates
    (Jinja checks each template's source, so an edited one is compiled again)."""

    def __init__(self) -> None:
        self.kept: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.kept:
            bucket.bytecode_from_string(self.kept[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.kept[bucket.key] = bucket.bytecode_to_string()


class _Unchanged(File):
    """A generated page whose inputs are those the previous build of this session rendered,
    and whose page is still in the site folder: mkdocs' dirty build skips it."""

    def is_modified(self) -> bool:
        return False


class _Changed(File):
    """The home page: its file may be unchanged while the sections added to it are not."""

    def is_modified(self) -> bool:
        return True

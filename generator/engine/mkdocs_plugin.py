"""The mkdocs plugin ``knowledge-site``: a thin adapter around the engine-independent core.

It asks the core for the generated pages and hands them to mkdocs in memory
(nothing is written into site_src/, so a watcher never loops), keeps item pages
out of the global navigation (Material renders the nav into every page, which
would make builds grow with the square of the item count), and reports content
problems as messages, not tracebacks.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from markupsafe import Markup, escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..content.body_policy import CONTROL_CHARACTERS, sanitize_html, sanitize_marked
from ..content.diagnostics import format_text, has_errors
from ..content.models import Kind
from ..content.registry import AUTHORS_FILE, TOPICS_FILE
from ..feeds.feeds import alternate_links
from ..library.check import Options, run
from ..library.collect import Library
from ..pictures.pool import Drawing
from ..pictures.previews import SITE_PREVIEW_PATH, PreviewImage, preview_path
from ..pictures.previous import Previous
from ..render.csp import with_policy
from ..render.link_preview import listing_meta, page_meta, render_head
from ..render.listings import home_sections
from ..render.pages import GeneratedPage
from ..site.assemble import CSS, JS, Assembly, assemble
from ..site.publish import UNLISTED, picture_jobs, publish
from ..site.search_index import SearchIndexError
from ..values.clock import build_time
from ..words.translate import translator

log = logging.getLogger("mkdocs.plugins.knowledge-site")

THEME_OVERRIDES = Path(__file__).parents[1] / "theme"
_HTML_LANG = re.compile(r'<html lang="[^"]*"')
BODY_START, BODY_END = "<!-- ks-body -->", "<!-- /ks-body -->"
# Around a video's transcript (partials/transcript.md.j2): librarians' text, sanitised too.
TRANSCRIPT_START, TRANSCRIPT_END = "<!-- ks-transcript -->", "<!-- /ks-transcript -->"
# Before what the plugin appends to a librarian's own page (the home page's sections).
GENERATED = "<!-- ks-generated -->"


class _Anything(base.BaseConfigOption[Any]):
    """Our settings are validated by the core (settings.py), with line numbers; mkdocs only
    needs to know the names so it does not warn about them."""

    def run_validation(self, value: object) -> object:
        return value


class PluginConfig(base.Config):
    enabled = c.Type(bool, default=True)
    library_name = _Anything()
    language = _Anything()
    timezone = _Anything()
    default_license = _Anything()
    catalog_url = _Anything()
    ask_librarian = _Anything()
    social = _Anything()
    posting_slots = _Anything()
    feed_size = _Anything()
    feed_content_limit = _Anything()


class KnowledgeSitePlugin(BasePlugin[PluginConfig]):
    def __init__(self) -> None:
        self.command = "build"
        self.preloaded: Library | None = None
        self.previous_root: Path | None = None
        self.drawing: Drawing | None = None
        self.library: Library | None = None
        self.assembly: Assembly | None = None
        self.generated: dict[str, GeneratedPage] = {}
        self.html_by_src: dict[str, str] = {}  # item source -> its article HTML, for feeds
        # page source -> (placeholder, HTML) kept out of Markdown
        self.lifted: dict[str, list[tuple[str, str]]] = {}
        # serve: what the previous build of this session rendered, so a rebuild after an
        # edit renders only the pages whose input changed (mkdocs' dirty build)
        self.dirty = False
        self.rendered: dict[str, object] = {}  # page source -> the inputs of its output
        self.site_key: object = None  # settings, authors, topics: any change renders all
        self.home: str | None = None
        self.publishing: threading.Thread | None = None
        self.validated: dict[str, Any] = {}  # serve: files read and validated, kept
        self.pages_memo: dict[str, Any] = {}  # serve: item pages rendered, kept
        self.bytecode = _MemoryBytecodeCache()  # serve: theme templates compiled, kept

    def preload(self, library: Library, previous: Path | None = None) -> None:
        """``knowledge-site build`` has already checked everything: don't do it twice.
        ``previous``: the site this build will replace (its pictures are reused)."""
        self.preloaded = library
        self.previous_root = previous

    def _previous(self, config: MkDocsConfig) -> Previous:
        """The site of the previous build: the one ``build`` replaces, or for ``serve`` the
        folder it rebuilds in place. Plain ``mkdocs build`` empties its folder first."""
        if self.command == "serve":
            return Previous(Path(config.site_dir))
        return Previous(self.previous_root)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        self.dirty = dirty

    def on_shutdown(self) -> None:
        self._wait_for_publish()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        self._wait_for_publish()
        library = self.preloaded or self._check(config)
        self.library = library
        serving = self.command == "serve"
        self.assembly = assemble(library, Path(config.docs_dir), previous=self._previous(config),
                                 memo=self.pages_memo if serving else None)
        self.generated = self.assembly.pages
        # Our block overrides sit between a site's own custom_dir and Material's templates.
        dirs = config.theme.dirs
        if str(THEME_OVERRIDES) not in dirs:
            dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_OVERRIDES))
        for css in CSS:
            if css not in config.extra_css:
                config.extra_css.append(css)
        for js in JS:
            if js not in [str(s) for s in config.extra_javascript]:
                config.extra_javascript.append(js)
        t = translator(library.settings.language)
        config.extra["ks_404"] = {
            "title": t("notfound.title"), "text": t("notfound.text"),
            "search_label": t("search.label"), "search_button": t("search.button"),
            "root": library.settings.site_path,
            "topics": sorted(library.topics.values(), key=lambda tp: tp.name.lower()),
        }
        return config

    def _check(self, config: MkDocsConfig) -> Library:
        """Under plain ``mkdocs build``/``serve`` the plugin runs the checks itself."""
        root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        preview = self.command == "serve"
        result = run(root, build_time(), Options(drafts=preview, future=preview),
                     memo=self.validated if preview else None)
        lang = "id"
        if result.library:
            lang = result.library.settings.language.split("-")[0]
        for line in format_text(result.diagnostics, lang if lang in ("id", "en") else "en"
                                ).splitlines():
            (log.error if ": error: " in line else log.warning)(line)
        if has_errors(result.diagnostics) or result.library is None:
            raise PluginError("knowledge-site: the content has errors (listed above); "
                              "nothing was built.")
        return result.library

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.library is None:
            return files
        lib = self.library
        remove = {AUTHORS_FILE, TOPICS_FILE} | set(lib.supporting)
        type_folders = {k.folder for k in Kind}
        for file in list(files):
            src = file.src_uri
            # Item sources become generated pages; a draft's source must not leak as a page.
            if src in remove or (src.endswith(".md") and src.count("/") == 1
                                 and src.split("/")[0] in type_folders):
                files.remove(file)
        site_key = (repr(lib.settings), sorted(lib.authors.items()), sorted(lib.topics.items()),
                    lib.preview, os.path.getmtime(config.config_file_path)
                    if config.config_file_path else 0)
        incremental = self.dirty and site_key == self.site_key
        self.site_key = site_key
        for page in self.generated.values():
            existing = files.get_file_from_path(page.src)
            if existing is not None:
                files.remove(existing)
            inputs = (page.markdown, page.title, page.description, page.lang, page.searchable,
                      page.item)
            kind = File
            if incremental and self.rendered.get(page.src) == inputs:
                kind = _Unchanged
            if self.dirty:
                self.rendered[page.src] = inputs
            file = kind.generated(config, page.src, content=page.markdown)
            if kind is _Unchanged and not os.path.isfile(file.abs_dest_path):
                file = File.generated(config, page.src, content=page.markdown)
            files.append(file)
        if self.dirty and self.assembly is not None:
            # The home page's file may be unchanged while its sections (newest items) are not.
            home = home_sections(self.assembly.renderer)
            index = files.get_file_from_path("index.md")
            if index is not None and (home != self.home or not incremental):
                files.remove(index)
                files.append(_Changed(index.src_uri, index.src_dir, index.dest_dir,
                                      index.use_directory_urls, inclusion=index.inclusion))
            self.home = home
        assert self.assembly is not None
        for src, data in self.assembly.binaries.items():
            files.append(File.generated(config, src, content=data))
        for src, path in self.assembly.assets.items():
            files.append(File.generated(config, src, abs_src_path=str(path)))
        # mkdocs has emptied the site folder by now: the pictures are drawn in other
        # processes while this one renders the pages (publish waits for them).
        self.close()
        self.drawing = Drawing(picture_jobs(lib, self.assembly, Path(config.docs_dir)),
                               Path(config.site_dir), self._previous(config)).start()
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
        """serve makes a new theme environment for every rebuild; keep the compiled
        templates (Jinja checks each template's source, so an edited one is compiled again)."""
        if self.command == "serve" and env.bytecode_cache is None:
            env.bytecode_cache = self.bytecode
        return env

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Home, the three kinds, topics, search, then the librarians' own pages. Items,
        later listing pages, tags, authors and the archive are reached through links."""
        if self.dirty:
            self._titles_for(nav, config)
        if config.nav is not None:  # the site chose its own navigation: only drop items
            items = {p.src for p in self.generated.values() if p.item is not None}
            nav.items = _without(nav.items, items)
            nav.pages = [p for p in nav.pages if p.file.src_uri not in items]
            return nav
        assert self.library is not None
        own = sorted(p for p in self.library.pages if p != "index.md")
        order = ["index.md", *(f"{k.folder}/index.md" for k in Kind), "topics/index.md",
                 "search.md", "subscribe.md", *own]
        pages = []
        for src in order:
            file = files.get_file_from_path(src)
            if file is not None and isinstance(file.page, Page):
                pages.append(file.page)
        return Navigation(list(pages), list(pages))

    def _titles_for(self, nav: Navigation, config: MkDocsConfig) -> None:
        """A dirty build reads only the pages it renders again; the navigation printed on
        those needs every page's title, so give the others theirs (read before mkdocs reads
        the rendered ones; it reads them again)."""
        for page in nav.pages:
            if page.markdown is not None:
                continue
            generated = self.generated.get(page.file.src_uri)
            if generated is not None:
                page.markdown = ""
                page.meta = {"title": str(escape(generated.title))}
            else:
                page.read_source(config)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str | None:
        src = page.file.src_uri
        generated = self.generated.get(src)
        if self.library is not None:
            item = generated.item if generated else None
            page.meta["ks_alternates"] = [
                {"title": a.title, "type": a.type, "href": a.href}
                for a in alternate_links(self.library, page.url, item)]
        if generated is not None:
            page.meta["title"] = generated.title
            page.meta["description"] = generated.description
            page.meta["ks_search"] = generated.searchable
            if generated.item is not None:
                page.meta["ks_lang"] = generated.lang
        elif self.library is not None and src in self.library.pages:
            page.meta["ks_search"] = True
        if self.library is not None:
            page.meta["ks_head"] = self._head(page, generated)
        # Material prints these two without escaping (mkdocs' templates do not autoescape):
        # store them as HTML text, so a title like "</title><script>" stays text.
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = str(escape(page.meta[key]))
        if src == "index.md" and self.assembly is not None:
            home = self.home if self.dirty and self.home is not None else home_sections(
                self.assembly.renderer)
            return markdown.rstrip("\n") + "\n\n" + GENERATED + "\n\n" + home
        if generated is not None:
            markdown, self.lifted[src] = _lift_html(markdown)
            if self.command != "serve":
                # A build does not need the page's source text again; mkdocs keeps every
                # page's HTML until the end, and these copies would stay beside it (a third
                # of the memory at 10,000 items). serve keeps them to compare rebuilds.
                self.generated[src] = replace(generated, markdown="")
                page.file.content_string = ""
        return markdown

    def _head(self, page: Page, generated: GeneratedPage | None) -> str:
        """Link-preview tags and JSON-LD for ``<head>`` (printed by our main.html)."""
        assert self.library is not None
        lib = self.library
        if generated is not None and generated.item is not None:
            item = generated.item
            image = PreviewImage(preview_path(item), 1200, 630, 0)
            return render_head(page_meta(lib, item, image), engine_head=True)
        # Without a front-matter title, page.title is the first heading as written
        # ("&lt;b&gt; &amp; c"): link previews want its text, escaped once by render_head.
        title = str(page.meta.get("title") or Markup(page.title or "").striptags()
                    or lib.settings.library_name)
        description = str(page.meta.get("description") or lib.settings.library_name)
        robots = "noindex" if page.url in UNLISTED else None
        image = PreviewImage(SITE_PREVIEW_PATH, 1200, 630, 0)
        return render_head(listing_meta(lib, page.url, title, description, image=image,
                                        robots=robots), engine_head=True)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str | None:
        src = page.file.src_uri
        generated = self.generated.get(src)
        for slot, part in self.lifted.pop(src, []):
            html = html.replace(slot, part, 1)
        if generated is not None and generated.item is not None:
            # The body policy (docs/escaping.md): what librarians wrote — the body and a
            # transcript — goes through the sanitiser; the generated parts do not.
            html = sanitize_marked(html, BODY_START, BODY_END)
            html = sanitize_marked(html, TRANSCRIPT_START, TRANSCRIPT_END)
            # Rendered once, reused by the feeds: the article's own text, between the markers
            # the item templates put around the body.
            self.html_by_src[generated.item.src] = _body_html(html)
        elif generated is None and self.library is not None and src in self.library.pages:
            own, marker, ours = html.partition(GENERATED)
            html = sanitize_html(own) + marker + ours
        return html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        lang = page.meta.get("ks_lang")
        if lang and lang != config.theme.get("language"):
            # Material takes <html lang> from the theme; an item in another language says so.
            output = _HTML_LANG.sub(f'<html lang="{lang}"', output, count=1)
        return _finished(output, page.content or "")

    def on_post_template(self, output_content: str, *, template_name: str,
                         config: MkDocsConfig) -> str | None:
        """Theme pages without a Markdown source (404.html) get the same last pass; mkdocs
        does not call on_post_page for them."""
        if template_name.endswith(".html"):
            return _finished(output_content)
        return output_content

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.library is None:
            return
        assert self.assembly is not None
        args = (self.library, self.assembly, dict(self.html_by_src), Path(config.docs_dir),
                Path(config.site_dir), self.drawing)
        self.drawing = None
        if self.command == "serve":
            # A preview shows the edited page at once; feeds, pictures and the search index
            # follow a few seconds later (the next build waits for them).
            self.publishing = threading.Thread(target=self._publish_in_background, args=args,
                                               name="knowledge-site publish", daemon=True)
            self.publishing.start()
            return
        try:
            publish(*args)
        except SearchIndexError as exc:
            raise PluginError(f"knowledge-site: the search index could not be built: {exc}"
                              ) from None

    def _publish_in_background(self, *args: Any) -> None:
        try:
            publish(*args)
        except Exception as exc:  # a preview goes on; the message says what is missing
            log.error(f"knowledge-site: feeds, previews or the search index failed: {exc}")

    def _wait_for_publish(self) -> None:
        if self.publishing is not None:
            self.publishing.join()
            self.publishing = None


def _finished(html: str, content: str = "") -> str:
    """Every HTML file's last pass: the Content-Security-Policy, and no control character —
    HTML forbids them; check warns where librarians wrote them, and none reaches a page by
    another way (an ordinary page's title, a heading that becomes one, the navigation)."""
    return with_policy(CONTROL_CHARACTERS.sub("", html),
                       CONTROL_CHARACTERS.sub("", content))


class _MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self.kept: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.kept:
            bucket.bytecode_from_string(self.kept[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.kept[bucket.key] = bucket.bytecode_to_string()


class _Unchanged(File):
    """A generated page whose inputs are those the previous build of this ``serve`` session
    rendered, and whose page is still in the site folder: mkdocs' dirty build skips it."""

    def is_modified(self) -> bool:
        return False


class _Changed(File):
    """The home page: its file may be unchanged while the sections added to it are not."""

    def is_modified(self) -> bool:
        return True


# The placeholder carries a digest of the page's Markdown, so a body that happens to contain
# such a comment cannot take the place of the real one.
_SLOT = "<!-- ks-html {key} {n} -->"


def _lift_html(markdown: str) -> tuple[str, list[tuple[str, str]]]:
    """An item page's header and footer are HTML the templates wrote: hand Markdown a
    one-line placeholder instead, and put the HTML back after (``on_page_content``).
    Python-Markdown reads raw HTML twice with html.parser (md_in_html, and mkdocs' anchor
    finder): for a 13 KB page around a 4 KB body that was most of the conversion. A part
    that asks for Markdown inside (``markdown="1"``) stays."""
    start, end = markdown.find(BODY_START), markdown.rfind(BODY_END)
    if start == -1 or end == -1:  # a listing: lifted whole when it is HTML line by line
        if not all(line.startswith("<") for line in markdown.splitlines() if line.strip()):
            return markdown, []
        regions = [(markdown, False)]
    else:
        end += len(BODY_END)
        regions = [(markdown[:start], False), (markdown[start:end], True),
                   (markdown[end:], False)]
    key = hashlib.sha256(markdown.encode("utf-8")).hexdigest()[:16]
    parts: list[tuple[str, str]] = []  # (placeholder, the HTML it stands for)
    out = []
    for region, body in regions:
        if body or not region.strip() or 'markdown="' in region:
            out.append(region)
            continue
        slot = _SLOT.format(key=key, n=len(parts))
        out.append("\n\n" + slot + "\n\n")
        parts.append((slot, region.strip("\n")))
    return "".join(out), parts


def _body_html(html: str) -> str:
    start = html.find(BODY_START)
    end = html.rfind(BODY_END)
    if start == -1 or end == -1:
        return html
    return html[start + len(BODY_START):end].strip()


def _without(entries: list[Any], drop: set[str]) -> list[Any]:
    out = []
    for entry in entries:
        if isinstance(entry, Section):
            entry.children = _without(entry.children, drop)
            if entry.children:
                out.append(entry)
        elif isinstance(entry, Page) and entry.file.src_uri in drop:
            continue
        else:
            out.append(entry)
    return out

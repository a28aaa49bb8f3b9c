"""Writing every feed into the built site, each entry built once and shared by the feeds
that carry it."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

from jinja2 import Environment

from ..content.models import Item
from ..library.library import Library
from ..render.environment import environment
from ..values.minify import minified
from .content import attachment_of, entry_content
from .entries import (
    Entry,
    build_entry,
    default_entry_id,
    feed_moment,
    newest_change,
    picture_of,
)
from .formats import atom_bytes, json_feed_bytes, opml_bytes, rss_bytes, xsl_bytes
from .scopes import (
    COPY_SCRIPT_PATH,
    CSS_PATH,
    MANIFEST_PATH,
    OPML_PATH,
    XSL_PATH,
    feed_specs,
    published,
)

ASSETS = Path(__file__).parents[1] / "assets"


def write_feeds(library: Library, html_by_src: Mapping[str, str],
                entry_ids: Mapping[str, str], out_dir: Path, *,
                transcripts: Mapping[str, str] | None = None) -> list[Path]:
    """Write every feed, the OPML file and the stylesheet into the built site ``out_dir``.

    ``html_by_src``: item.src -> the article HTML the engine rendered for the item's page
    (relative links are relative to that page). ``entry_ids``: item.src -> the id fixed at
    first publication; items missing from it get ``default_entry_id``. ``transcripts``:
    item.src -> the HTML the engine rendered for a video's transcript. Run it after the
    engine has copied the site's files: enclosure sizes are read from ``out_dir``.
    Returns the written files, sorted.
    """
    env = environment()
    specs = feed_specs(library)
    entries: dict[str, Entry] = {}
    for spec in specs:
        for item in spec.items:
            if item.src not in entries:
                entries[item.src] = _entry(library, item, html_by_src.get(item.src),
                                           (transcripts or {}).get(item.src), entry_ids,
                                           out_dir, env)
    site_newest = newest_change(published(library))
    stylesheet = library.settings.site_path + XSL_PATH
    written = []
    for spec in specs:
        chosen = [entries[i.src] for i in spec.items]
        updated = feed_moment(newest_change(spec.items, site_newest), library.settings)
        image = spec.image if spec.image and (out_dir / spec.image).is_file() else None
        written.append(_write(out_dir / spec.rss_path,
                              rss_bytes(library, spec, chosen, updated, image, stylesheet)))
        written.append(_write(out_dir / spec.atom_path,
                              atom_bytes(library, spec, chosen, updated, image, stylesheet)))
        if spec.json_path:
            written.append(_write(out_dir / spec.json_path, json_feed_bytes(library, spec,
                                                                            chosen)))
    written.append(_write(out_dir / MANIFEST_PATH, manifest_bytes(library, out_dir, [
        fmt.path for spec in specs for fmt in spec.formats])))
    written.append(_write(out_dir / OPML_PATH, opml_bytes(library, specs, env)))
    written.append(_write(out_dir / XSL_PATH, xsl_bytes(library, env)))
    for name, target in (("feed.css", CSS_PATH), ("feed-copy.js", COPY_SCRIPT_PATH)):
        (out_dir / target).parent.mkdir(parents=True, exist_ok=True)
        (out_dir / target).write_bytes(minified(ASSETS / name))
        written.append(out_dir / target)
    return sorted(written)


def manifest_bytes(library: Library, out_dir: Path, paths: list[str]) -> bytes:
    """``feeds-manifest.json``: every feed's address and the SHA-256 of its bytes, and the
    WebSub hub. ``ping-hub`` compares it with the site it replaces: a feed whose digest
    changed (or is new) is the one to announce. A feed's bytes change only with its
    content (its date is the newest entry's, never the clock)."""
    settings = library.settings
    feeds = {settings.site_url + path: hashlib.sha256((out_dir / path).read_bytes()).hexdigest()
             for path in sorted(paths)}
    data = {"version": 1, "site_url": settings.site_url, "hub": settings.websub_hub,
            "feeds": feeds}
    return (json.dumps(data, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _entry(library: Library, item: Item, html: str | None, transcript: str | None,
           entry_ids: Mapping[str, str], out_dir: Path, env: Environment) -> Entry:
    settings = library.settings
    content = entry_content(item, settings, env, article=html, transcript=transcript)
    return build_entry(item, library, entry_id=entry_ids.get(item.src) or
                       default_entry_id(item, settings), content_html=content,
                       picture=picture_of(item, settings, out_dir),
                       attachment=attachment_of(item, settings, out_dir))

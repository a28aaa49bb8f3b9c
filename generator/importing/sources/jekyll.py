"""A Jekyll site: ``_posts/YYYY-MM-DD-title.md`` (and ``_drafts/``), its ``_config.yml`` for
the site's address and ``permalink`` style (``date`` by default:
``/:categories/:year/:month/:day/:title.html``), and ``redirect_from`` of
jekyll-redirect-from."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..post import ImportedPost, Source, Trouble
from .static import KNOWN, moment, people, read_file, texts, truthy

_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+)$")
STYLES = {"date": "/:categories/:year/:month/:day/:title:output_ext",
          "pretty": "/:categories/:year/:month/:day/:title/",
          "ordinal": "/:categories/:year/:y_day/:title:output_ext",
          "none": "/:categories/:title:output_ext"}
SUFFIXES = (".md", ".markdown", ".mkd", ".html", ".htm")


def read(folder: Path) -> Source:
    site = folder.parent if folder.name == "_posts" else folder
    config: dict[str, object] = {}
    if (site / "_config.yml").is_file():
        try:
            loaded = yaml.load((site / "_config.yml").read_text("utf-8", errors="replace"),
                               Loader=yaml.BaseLoader)
            config = loaded if isinstance(loaded, dict) else {}
        except yaml.YAMLError:
            config = {}
    base = (str(config.get("url", "")).rstrip("/") + "/"
            + str(config.get("baseurl", "")).strip("/")).rstrip("/") + "/"
    style = str(config.get("permalink", "date"))
    notes: list[Trouble] = []
    posts = []
    for sub, draft in (("_posts", False), ("_drafts", True)):
        for path in sorted((site / sub).rglob("*")) if (site / sub).is_dir() else []:
            if not path.is_file() or path.suffix.lower() not in SUFFIXES:
                continue
            shown = path.relative_to(site).as_posix()
            meta, body, found = read_file(path, shown)
            notes += found
            m = _NAME.match(path.stem)
            slug = str(meta.get("slug") or (m.group(4) if m else path.stem))
            when = moment(meta.get("date")) or (moment(f"{m.group(1)}-{m.group(2)}-"
                                                       f"{m.group(3)}") if m else None)
            cats = texts(meta.get("categories") or meta.get("category"))
            url = None
            if not draft and when is not None and base != "/":
                pattern = str(meta.get("permalink") or STYLES.get(style, style))
                url = base.rstrip("/") + _permalink(pattern, cats, when.strftime("%Y %m %d %j"),
                                                    slug, path.suffix.lower())
            posts.append(ImportedPost(
                key=f"jekyll:{shown}", title=str(meta.get("title") or "").strip(),
                body=body, where=shown, url=url, date=when,
                updated=moment(meta.get("last_modified_at") or meta.get("updated")),
                excerpt=str(meta.get("excerpt") or meta.get("description") or ""),
                authors=people(meta.get("author") or meta.get("authors")),
                categories=cats, tags=texts(meta.get("tags")),
                draft=draft or str(meta.get("published", "true")).lower() == "false"
                or truthy(meta.get("draft")),
                slug=slug, markdown=path.suffix.lower() not in (".html", ".htm"),
                custom_fields=tuple(k for k in meta if k not in KNOWN),
                featured_image=str(meta.get("image") or "") or None,
                old_paths=texts(meta.get("redirect_from")),
            ))
    return Source("jekyll", tuple(posts), base if base != "/" else None, tuple(notes),
                  folder=str(site))


def _permalink(pattern: str, cats: tuple[str, ...], ymdj: str, slug: str, ext: str) -> str:
    year, month, day, yday = ymdj.split()
    out_ext = ".html" if ext in (".md", ".markdown", ".mkd", ".html", ".htm") else ext
    cat_path = "/".join(c.lower().replace(" ", "-") for c in cats)
    path = (pattern.replace(":categories", cat_path).replace(":year", year)
            .replace(":month", month).replace(":i_month", str(int(month)))
            .replace(":day", day).replace(":i_day", str(int(day))).replace(":y_day", yday)
            .replace(":title", slug).replace(":slug", slug).replace(":output_ext", out_ext))
    return re.sub(r"/{2,}", "/", "/" + path)

"""WordPress eXtended RSS (WXR 1.0 to 1.2): Tools → Export in WordPress.

An RSS 2.0 ``channel`` whose ``item`` elements carry the post in ``content:encoded``, its
excerpt in ``excerpt:encoded``, and WordPress's own fields in the ``wp:`` namespace
(``post_id``, ``post_name``, ``post_type``, ``status``, ``post_date_gmt``, ``postmeta``,
``comment``); categories and tags are ``category`` elements with ``domain="category"`` or
``"post_tag"``; authors are listed once in ``wp:author``. Only ``post_type`` ``post`` is
imported (pages, attachments, menu items and the rest are counted as skipped).
"""

from __future__ import annotations

from datetime import UTC, datetime

from lxml import etree

from ..post import ImportedPost, Person, Source

CONTENT = "http://purl.org/rss/1.0/modules/content/"
DC = "http://purl.org/dc/elements/1.1/"
# Fields of WordPress itself and of common plugins that say nothing a reader needs.
QUIET_META = ("_edit_last", "_edit_lock", "_wp_page_template", "_pingme", "_encloseme",
              "_thumbnail_id", "_wp_old_slug", "_wp_old_date", "_oembed_", "_yoast_wpseo_",
              "_wpcom_", "_jetpack_", "_publicize_", "_wp_trash_", "_last_editor")
_STATUS_DRAFT = ("draft", "pending", "private", "future", "auto-draft")


def _wp(root: etree._Element) -> str:
    for uri in (root.nsmap or {}).values():
        if uri and "wordpress.org/export/" in uri and "excerpt" not in uri:
            return str(uri)
    return "http://wordpress.org/export/1.2/"


def _excerpt_ns(root: etree._Element) -> str:
    for uri in (root.nsmap or {}).values():
        if uri and "wordpress.org/export/" in uri and "excerpt" in uri:
            return str(uri)
    return "http://wordpress.org/export/1.2/excerpt/"


def _text(el: etree._Element | None, path: str, ns: dict[str, str]) -> str:
    if el is None:
        return ""
    found = el.find(path, ns)
    return (found.text or "") if found is not None else ""


def _date(gmt: str, local: str) -> datetime | None:
    """``post_date_gmt`` (UTC) when set; a draft's is ``0000-00-00 00:00:00``, then the local
    ``post_date`` is taken as the site's zone."""
    for text, zone in ((gmt, UTC), (local, None)):
        text = text.strip()
        if not text or text.startswith("0000"):
            continue
        try:
            moment = datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
        except ValueError:
            continue
        return moment.replace(tzinfo=zone) if zone else moment
    return None


def read(root: etree._Element, source: str) -> Source:
    wp = _wp(root)
    ns = {"wp": wp, "content": CONTENT, "excerpt": _excerpt_ns(root), "dc": DC}
    channel = root.find("channel")
    base = (_text(channel, "wp:base_blog_url", ns) or _text(channel, "link", ns)).strip()
    names = {}
    for author in (channel.findall("wp:author", ns) if channel is not None else []):
        login = _text(author, "wp:author_login", ns).strip()
        names[login] = _text(author, "wp:author_display_name", ns).strip() or login
    attachments: dict[str, str] = {}
    items = channel.findall("item") if channel is not None else []
    for item in items:
        if _text(item, "wp:post_type", ns) == "attachment":
            attachments[_text(item, "wp:post_id", ns).strip()] = (
                _text(item, "wp:attachment_url", ns).strip())
    posts, skipped = [], 0
    for item in items:
        if _text(item, "wp:post_type", ns).strip() not in ("post", ""):
            skipped += 1
            continue
        status = _text(item, "wp:status", ns).strip()
        if status == "trash":
            skipped += 1
            continue
        post_id = _text(item, "wp:post_id", ns).strip()
        login = _text(item, "dc:creator", ns).strip()
        cats = tuple(dict.fromkeys((c.text or "").strip() for c in item.findall("category")
                                   if c.get("domain") == "category" and (c.text or "").strip()))
        tags = tuple(dict.fromkeys((c.text or "").strip() for c in item.findall("category")
                                   if c.get("domain") == "post_tag" and (c.text or "").strip()))
        meta, featured = [], None
        for pm in item.findall("wp:postmeta", ns):
            meta_key = _text(pm, "wp:meta_key", ns).strip()
            if meta_key == "_thumbnail_id":
                featured = attachments.get(_text(pm, "wp:meta_value", ns).strip())
            elif meta_key and not meta_key.startswith(QUIET_META):
                meta.append(meta_key)
        comments = sum(1 for c in item.findall("wp:comment", ns)
                       if _text(c, "wp:comment_approved", ns).strip() == "1")
        link = _text(item, "link", ns).strip()
        if "?p=" in link or "?page_id=" in link:
            link = link or _text(item, "guid", ns).strip()
        posts.append(ImportedPost(
            key=f"wxr:{post_id or link}",
            title=_text(item, "title", ns).strip(),
            body=_text(item, "content:encoded", ns),
            where=f"post {post_id}" if post_id else (link or "?"),
            url=link or None,
            date=_date(_text(item, "wp:post_date_gmt", ns), _text(item, "wp:post_date", ns)),
            updated=_date(_text(item, "wp:post_modified_gmt", ns),
                          _text(item, "wp:post_modified", ns)),
            excerpt=_text(item, "excerpt:encoded", ns),
            authors=(Person(login, names.get(login, login)),) if login else (),
            categories=cats, tags=tags,
            draft=status in _STATUS_DRAFT,
            slug=_text(item, "wp:post_name", ns).strip() or None,
            comments=comments,
            custom_fields=tuple(dict.fromkeys(meta)),
            featured_image=featured or None,
        ))
    return Source("wxr", tuple(posts), base or None, skipped=skipped)

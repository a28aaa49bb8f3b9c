"""A post's body as clean Markdown: HTML through markdownify (headings, lists, tables, links,
emphasis), with what a page of this site keeps in its own way:

- a picture's address points at the copy in ``site_src/images/`` when one was made;
- a figure keeps its caption (``<figure markdown="span">`` when the site has ``md_in_html``,
  else the picture and its caption in italics below it);
- a YouTube or Vimeo frame, or an oEmbed address alone in a paragraph, becomes the video's
  address alone on its own line (the site's click-to-load player);
- scripts, styles, forms and frames of unknown hosts are removed and counted;
- headings are renumbered from ``##`` down without gaps (the page's title is the h1; a blog
  that started its sections at ``<h3>`` or used ``<h1>`` would skip a level or repeat it).

Work happens in two steps so pictures can be fetched in between: :func:`prepare` parses and
finds pictures, videos and losses; :func:`render` writes the Markdown."""

from __future__ import annotations

import html as htmllib
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag
from markdownify import STRIP, MarkdownConverter

from ..content.embeds import watch_url
from ..content.videos import parse_video_url
from ..values.links import local_target

REMOVED = ("script", "style", "noscript", "template", "object", "embed", "applet", "form",
           "input", "button", "select", "textarea", "svg", "math", "link", "meta", "base",
           "head", "title")
_BLOCK = re.compile(r"<(p|div|h[1-6]|ul|ol|dl|table|blockquote|pre|figure|hr|section|"
                    r"article|aside|!--)\b", re.I)
_BARE_URL = re.compile(r"^https?://\S+$")
_MARK = "KSIMPORT{}Z"
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


@dataclass(frozen=True)
class Prepared:
    soup: BeautifulSoup
    pictures: tuple[str, ...]  # addresses as written, in order
    videos: tuple[str, ...]  # supported video addresses (watch form), in order
    lost: tuple[tuple[str, int], ...]
    text: str  # the visible text (for the kind rules)
    first_paragraph: str
    missing_alt: int  # pictures without a description


def autop(text: str) -> str:
    """WordPress keeps a classic post without ``<p>``: blank lines part paragraphs and a line
    end is a ``<br>`` (its ``wpautop``), done here for each chunk that is not already a block
    element."""
    chunks = [c.strip() for c in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if c.strip()]
    return "\n".join(c if _BLOCK.match(c) else f"<p>{c.replace(chr(10), '<br>' + chr(10))}</p>"
                     for c in chunks)


def video_address(url: str) -> str | None:
    """The watch address of a supported video (YouTube, Vimeo) from an embed or page address."""
    url = htmllib.unescape(url.strip())
    if url.startswith("//"):
        url = "https:" + url
    found = parse_video_url(url)
    if isinstance(found, str) or not hasattr(found, "provider"):
        return None
    if getattr(found, "provider", "") not in ("youtube", "vimeo"):
        return None
    return watch_url(found)  # type: ignore[arg-type]


def prepare(body: str, *, wordpress: bool = False) -> Prepared:
    lost: Counter[str] = Counter()
    soup = BeautifulSoup(autop(body) if wordpress else body, "lxml")
    for name in REMOVED:
        for el in soup.find_all(name):
            if name in ("script", "object", "embed", "form", "svg", "applet"):
                lost[f"<{name}>"] += 1
            el.decompose()
    videos: list[str] = []
    for frame in soup.find_all(["iframe", "video"]):
        src = str(frame.get("src") or "")
        if not src and isinstance(frame.find("source"), Tag):
            src = str(frame.find("source").get("src") or "")  # type: ignore[union-attr]
        address = video_address(src) if src else None
        if address is None and src.lower().split("?")[0].endswith((".mp4", ".webm")) \
                and src.startswith("https://"):
            address = src
        if address:
            videos.append(address)
            frame.replace_with(_para(soup, address))
        else:
            host = urlsplit(src).hostname or src[:40] or "?"
            lost[f"embed {host}"] += 1
            if src.startswith(("http://", "https://")):
                link = soup.new_tag("a", href=src)
                link.string = src
                frame.replace_with(_para(soup, link))
            else:
                frame.decompose()
    for p in soup.find_all("p"):
        text = p.get_text().strip()
        if _BARE_URL.match(text) and not p.find("img"):
            address = video_address(text)
            if address:
                videos.append(address)
            elif urlsplit(text).hostname and wordpress and p.find("a") is None:
                lost[f"embed {urlsplit(text).hostname}"] += 1
    pictures, missing = [], 0
    for img in soup.find_all("img"):
        src = str(img.get("src") or img.get("data-src") or "")
        if not src or src.startswith("data:"):
            img.decompose()
            continue
        img["src"] = src
        pictures.append(src)
        missing += not str(img.get("alt") or "").strip()
    for comment in soup.find_all(string=lambda s: type(s).__name__ == "Comment"):
        comment.extract()
    first = next((p.get_text(" ", strip=True) for p in soup.find_all("p")
                  if len(p.get_text(strip=True)) > 20 and not _BARE_URL.match(
                      p.get_text().strip())), "")
    return Prepared(soup, tuple(pictures), tuple(dict.fromkeys(videos)),
                    tuple(sorted(lost.items())), soup.get_text("\n", strip=True), first,
                    missing)


def _para(soup: BeautifulSoup, content: Any) -> Tag:
    p = soup.new_tag("p")
    if isinstance(content, str):
        p.string = content
    else:
        p.append(content)
    return p


class _Converter(MarkdownConverter):
    def __init__(self, pictures: dict[str, str], figures: bool, levels: dict[int, int],
                 held: list[str], **options: Any) -> None:
        super().__init__(**options)
        self.pictures, self.figures, self.levels, self.held = pictures, figures, levels, held

    def _hold(self, text: str) -> str:
        self.held.append(text)
        return _MARK.format(len(self.held) - 1)

    def convert_img(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        src = self.pictures.get(str(el.get("src")), str(el.get("src")))
        alt = " ".join(str(el.get("alt") or "").split()).replace("]", "\\]")
        return self._hold(f"![{alt}]({_address(src)})")

    def convert_figure(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        img = el.find("img")
        caption_el = el.find("figcaption")
        caption = " ".join(caption_el.get_text(" ").split()) if isinstance(caption_el, Tag) \
            else ""
        if not isinstance(img, Tag):
            return text
        picture = self.convert_img(img, "", parent_tags)
        if not caption:
            return f"\n\n{picture}\n\n"
        if self.figures:
            # One line: in span mode a line end inside the figure becomes a <br>.
            block = (f'<figure markdown="span">{self.held[-1]}<figcaption>'
                     f"{htmllib.escape(caption)}</figcaption></figure>")
            self.held[-1] = block
            return f"\n\n{picture}\n\n"
        return f"\n\n{picture}\n*{_escape(caption)}*\n\n"

    def convert_hN(self, n: int, el: Tag, text: str, parent_tags: set[str]) -> str:
        # markdownify's stubs leave out the convert_* methods it has.
        return str(super().convert_hN(self.levels.get(n, n), el, text,  # type: ignore[misc]
                                      parent_tags))

    def convert_a(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        href = str(el.get("href") or "")
        if href.lower().startswith(("javascript:", "vbscript:", "data:")):
            return text
        return str(super().convert_a(el, text, parent_tags))  # type: ignore[misc]

    def convert_p(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        plain = el.get_text().strip()
        if _BARE_URL.match(plain) and not el.find("img") and "_inline" not in parent_tags:
            shown = plain if video_address(plain) else f"<{plain}>"
            return f"\n\n{self._hold(shown)}\n\n"
        return str(super().convert_p(el, text, parent_tags))  # type: ignore[misc]


def _address(src: str) -> str:
    return f"<{src}>" if " " in src or ")" in src else src


def _escape(text: str) -> str:
    return re.sub(r"([*_`\[\]])", r"\\\1", text)


def render(prepared: Prepared, pictures: dict[str, str], *, figures: bool) -> str:
    """The Markdown of a prepared body; ``pictures`` maps an address as written to what the
    Markdown links to instead (a copy's relative path)."""
    held: list[str] = []
    used = sorted({int(h.name[1]) for h in prepared.soup.find_all(_HEADINGS)})
    levels = {n: min(6, 2 + rank) for rank, n in enumerate(used)}
    converter = _Converter(pictures, figures, levels, held, heading_style="ATX", bullets="-",
                           escape_misc=False, strip_document=STRIP, table_infer_header=True)
    text = converter.convert_soup(prepared.soup)
    text = re.sub(r"KSIMPORT(\d+)Z", lambda m: held[int(m.group(1))], text)
    # Two spaces at a line end are a line break (<br>); other trailing blanks go.
    text = re.sub(r"[ \t]+\n", lambda m: "  \n" if m.group(0).startswith("  ") else "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text + "\n" if text else ""


def markdown_pictures(text: str) -> list[tuple[int, int, str]]:
    """Pictures in a Markdown body (Jekyll, Hugo): (start, end, address) of each
    ``![…](address)`` and ``<img src>``, addresses of this site's files included."""
    out = []
    for m in re.finditer(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)", text):
        out.append((m.start(1), m.end(1), m.group(1)))
    for m in re.finditer(r"<img\b[^>]*?\bsrc=[\"']([^\"']+)[\"']", text, re.I):
        out.append((m.start(1), m.end(1), m.group(1)))
    return sorted(out)


def is_local(address: str) -> bool:
    return local_target(address) is not None and not address.startswith("#")

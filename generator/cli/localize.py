"""``knowledge-site localize-images``: pictures on other hosts, copied into the site.

A picture a body shows from another host is blocked by the site's Content-Security-Policy
(unless the library trusts the host in ``image_hosts``), and it would make patrons' browsers
ask another host anyway. This command downloads each such picture into
``site_src/images/remote/<host>/`` and points the body's link at the copy, touching nothing
else in the file. It changes nothing unless every picture could be fetched: a message per
picture says what went wrong.
"""

from __future__ import annotations

import hashlib
import posixpath
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from ..content.diagnostics import has_errors
from ..content.edits import apply_edits, body_offset, read_normal
from ..content.markdown_scan import scan_body
from ..library.check import Options, run
from .output import message_language, report, says

MAX_BYTES = 15_000_000
TIMEOUT = 30
_TYPES = {"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif", "image/webp": ".webp",
          "image/avif": ".avif", "image/svg+xml": ".svg"}


@dataclass(frozen=True)
class Remote:
    path: Path  # the file whose body shows it
    start: int  # the address's span in that file's text
    end: int
    url: str


def localize_images(root: Path, now: datetime, lang: str | None) -> int:
    result = run(root, now, Options(drafts=True, future=True))
    msg_lang = message_language(lang, result.library.settings.language if result.library
                                else None)
    if result.library is None or has_errors(result.diagnostics):
        report(result.diagnostics, msg_lang)
        print(says("localize.refused", msg_lang), file=sys.stderr)
        return 1
    library = result.library
    settings = library.settings
    docs = root / settings.docs_dir
    wanted: list[Remote] = []
    for item in library.all_items:
        scan = scan_body(item.body, settings.markdown_extensions)
        text, _, _ = read_normal(root / item.path)
        offset = body_offset(text)
        for found in scan.links:
            parts = urlsplit(found.target)
            picture = found.kind == "image" or found.tag in ("img", "source")
            if (picture and found.start >= 0 and parts.scheme in ("http", "https")
                    and (parts.hostname or "").lower() not in settings.image_hosts):
                wanted.append(Remote(root / item.path, offset + found.start,
                                     offset + found.end, found.target))
    if not wanted:
        print(says("localize.nothing", msg_lang), file=sys.stderr)
        return 0
    fetched: dict[str, tuple[str, bytes]] = {}  # url -> (docs-relative path, bytes)
    failed = False
    for url in dict.fromkeys(r.url for r in wanted):
        try:
            fetched[url] = _fetch(url)
        except _Failed as exc:
            failed = True
            print(says("localize.failed", msg_lang, url=url, why=str(exc)), file=sys.stderr)
    if failed:
        print(says("localize.unchanged", msg_lang), file=sys.stderr)
        return 1
    for rel, data in fetched.values():
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    edits: dict[Path, list[tuple[int, int, str]]] = {}
    for remote in wanted:
        rel = fetched[remote.url][0]
        here = posixpath.dirname(remote.path.relative_to(docs).as_posix())
        edits.setdefault(remote.path, []).append(
            (remote.start, remote.end, quote(posixpath.relpath(rel, here))))
    for path, changes in sorted(edits.items()):
        apply_edits(path, changes)
        print(says("localize.done", msg_lang, path=path.relative_to(root).as_posix(),
                   count=len(changes)), file=sys.stderr)
    return 0


class _Failed(Exception):
    pass


def _fetch(url: str) -> tuple[str, bytes]:
    request = urllib.request.Request(url, headers={"User-Agent": "knowledge-site"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            media = response.headers.get_content_type()
            data = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise _Failed(f"HTTP {exc.code}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise _Failed(str(getattr(exc, "reason", exc))) from None
    if len(data) > MAX_BYTES:
        raise _Failed(f"more than {MAX_BYTES // 1_000_000} MB")
    suffix = _TYPES.get(media)
    if suffix is None:
        raise _Failed(f"not a picture ({media})")
    parts = urlsplit(url)
    stem = Path(unquote(parts.path)).stem or "picture"
    safe = "".join(c if c.isalnum() or c in "-_." else "-" for c in stem)[:60].strip("-.")
    digest = hashlib.sha256(url.encode()).hexdigest()[:8]
    host = (parts.hostname or "host").lower()
    return f"images/remote/{host}/{safe or 'picture'}-{digest}{suffix}", data

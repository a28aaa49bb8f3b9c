"""``knowledge-site localize-images``: pictures on other hosts, copied into the site.

A picture a body shows from another host is blocked by the site's Content-Security-Policy
(unless the library trusts the host in ``image_hosts``), and it would make patrons' browsers
ask another host anyway. This command downloads each such picture into
``site_src/images/remote/<host>/`` and points the body's link at the copy, touching nothing
else in the file. It changes nothing unless every picture could be fetched: a message per
picture says what went wrong.
"""

from __future__ import annotations

import posixpath
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import quote, urlsplit

from ..content.diagnostics import has_errors
from ..content.edits import apply_edits, body_offset, read_normal
from ..content.markdown_scan import scan_body
from ..importing.download import FetchFailed, fetch_picture
from ..library.check import Options, run
from .output import message_language, report, says


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
            fetched[url] = fetch_picture(url)
        except FetchFailed as exc:
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

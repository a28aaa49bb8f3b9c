"""``knowledge-site ping-hub``: tell the WebSub hub which feeds changed (docs/feeds.md).

The new site's ``feeds-manifest.json`` lists every feed with the SHA-256 of its bytes and the
hub (the ``websub_hub`` setting). Compared with the manifest of the site it replaces, a feed
whose digest differs, or that is new, is announced to the hub: one HTTP POST per feed,
``application/x-www-form-urlencoded``, ``hub.mode=publish`` and ``hub.url=<the feed>``.
An unchanged feed is never announced. The previous manifest is a folder or file given with
``--previous`` (the deploy workflow saves the live site's before publishing); without one
every feed is announced. A hub that refuses or cannot be reached is a warning: the command
still exits 0, so a deploy never fails because of the hub.
"""

from __future__ import annotations

import json
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from ..feeds.scopes import MANIFEST_PATH
from .output import says

EXIT_OK = 0
TIMEOUT = 20  # seconds per request


def _manifest(path: Path) -> dict[str, Any] | None:
    """A manifest from a site folder or the file itself; None when missing or unreadable."""
    file = path / MANIFEST_PATH if path.is_dir() else path
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("feeds"), dict) else None


def changed_feeds(new: dict[str, Any], old: dict[str, Any] | None) -> list[str]:
    """The feeds of ``new`` whose digest differs from ``old``'s (all of them without one)."""
    before = old["feeds"] if old else {}
    return sorted(url for url, digest in new["feeds"].items() if before.get(url) != digest)


def publish(hub: str, feed: str) -> int | str:
    """One WebSub publish notification; the hub's status code, or why it was not reached."""
    body = urlencode({"hub.mode": "publish", "hub.url": feed}).encode("ascii")
    request = urllib.request.Request(hub, data=body, method="POST", headers={
        "Content-Type": "application/x-www-form-urlencoded", "User-Agent": "knowledge-site"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)
    except (urllib.error.URLError, OSError) as exc:
        return str(getattr(exc, "reason", exc))


def ping_hub(site_dir: Path, previous: Path | None, lang: str) -> int:
    new = _manifest(site_dir)
    if new is None:
        print(says("ping.no_manifest", lang, path=site_dir / MANIFEST_PATH), file=sys.stderr)
        return EXIT_OK
    hub = new.get("hub")
    if not hub:
        print(says("ping.no_hub", lang), file=sys.stderr)
        return EXIT_OK
    old = _manifest(previous) if previous is not None else None
    if previous is not None and old is None:
        print(says("ping.no_previous", lang, path=previous), file=sys.stderr)
    feeds = changed_feeds(new, old)
    if not feeds:
        print(says("ping.nothing", lang))
        return EXIT_OK
    told = 0
    for feed in feeds:
        answer = publish(hub, feed)
        if isinstance(answer, str):
            print(says("ping.unreachable", lang, hub=hub, why=answer), file=sys.stderr)
            return EXIT_OK  # the others would fail the same way
        if not 200 <= answer < 300:
            print(says("ping.refused", lang, hub=hub, feed=feed, status=answer),
                  file=sys.stderr)
            continue
        told += 1
    print(says("ping.done", lang, count=told, total=len(feeds), hub=hub))
    return EXIT_OK

"""Pictures from the web, copied into the site (``knowledge-site import`` and
``localize-images`` share this): one bounded download, checked to be a picture, named after
its address with a short digest so two pictures never share a file."""

from __future__ import annotations

import hashlib
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urlsplit

MAX_BYTES = 15_000_000
TIMEOUT = 30
TYPES = {"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif", "image/webp": ".webp",
         "image/avif": ".avif", "image/svg+xml": ".svg"}
SUFFIXES = tuple(dict.fromkeys((*TYPES.values(), ".jpeg")))


class FetchFailed(Exception):
    """Why a picture could not be fetched, in a few words (``HTTP 404``, a network reason)."""


def fetch_picture(url: str, folder: str = "images/remote") -> tuple[str, bytes]:
    """(the docs-relative path to keep it at, its bytes)."""
    request = urllib.request.Request(url, headers={"User-Agent": "knowledge-site"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            media = response.headers.get_content_type()
            data: bytes = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise FetchFailed(f"HTTP {exc.code}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise FetchFailed(str(getattr(exc, "reason", exc))) from None
    if len(data) > MAX_BYTES:
        raise FetchFailed(f"more than {MAX_BYTES // 1_000_000} MB")
    suffix = TYPES.get(media)
    if suffix is None:
        raise FetchFailed(f"not a picture ({media})")
    return picture_name(url, suffix, folder), data


def picture_name(url: str, suffix: str, folder: str) -> str:
    parts = urlsplit(url)
    stem = Path(unquote(parts.path)).stem or "picture"
    safe = "".join(c if c.isalnum() or c in "-_." else "-" for c in stem)[:60].strip("-.")
    digest = hashlib.sha256(url.encode()).hexdigest()[:8]
    host = (parts.hostname or "local").lower()
    return f"{folder}/{host}/{safe or 'picture'}-{digest}{suffix}"

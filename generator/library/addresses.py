"""Addresses from history: what the rest of the generator asks of ``History`` — the feed id
that never changes, the old addresses that redirect, and the deletions ``check`` refuses."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from urllib.parse import quote, urlsplit

from ..content.diagnostics import Diagnostic, diag
from ..content.models import Item
from .history import History, Redirect

# Characters RFC 4151 allows unescaped in a tag's specific part (pchar and "/").
_TAG_SAFE = "/:@!$&'()*+,;=-._~"


def _docs_relative(path: str, docs_dir: str) -> str:
    prefix = docs_dir.rstrip("/") + "/"
    return path[len(prefix):] if docs_dir not in ("", ".") and path.startswith(prefix) else path


def tag_uri(site_url: str, day: str, specific: str) -> str:
    """An RFC 4151 ``tag:`` URI: ``tag:example.org,2026-01-10:lib/tutorials/x.md``."""
    parts = urlsplit(site_url)
    host = (parts.hostname or "localhost").lower()
    base = parts.path.strip("/")
    spec = f"{base}/{specific}" if base else specific
    return f"tag:{host},{day}:{quote(spec, safe=_TAG_SAFE)}"


def stable_ids(history: History, items: Iterable[Item], site_url: str) -> dict[str, str]:
    """item.src -> an id that never changes once published (feed guids, short links).

    From the item's first path and the date it carried when first published, so
    renaming the file, changing ``slug`` or editing ``date`` later keeps the id. An
    item git knows nothing about yet (new, uncommitted, or no git) gets one from its
    current path and date — exactly what it will get from history once committed.
    """
    by_path = history.by_current_path() if history.available else {}
    out = {}
    for item in items:
        record = by_path.get(item.path)
        if record is None:
            out[item.src] = tag_uri(site_url, item.date.date().isoformat(), item.src)
            continue
        moment = record.first_published or item.date
        out[item.src] = tag_uri(site_url, moment.date().isoformat(),
                                _docs_relative(record.key, history.docs_dir))
    return out


def redirects(history: History, items: Iterable[Item], *, include_aliases: bool = True,
              live: Iterable[str] = ()) -> list[Redirect]:
    """Old addresses (and ``aliases``) -> each item's current address.

    ``items`` are the items this build publishes (retired ones included: their page
    says so); ``live`` any other page addresses of the site (ordinary pages,
    listings). A redirect never replaces a live page. When two identities both once
    had an address, the one that had it last wins; an ``aliases`` entry written now
    wins over history.
    """
    items = list(items)
    occupied = {i.url for i in items} | set(live)
    out: dict[str, str] = {}
    if include_aliases:
        for item in sorted(items, key=lambda i: i.path):
            for alias in item.aliases:
                if alias not in occupied and alias not in out:
                    out[alias] = item.url
    if history.available:
        by_path = {i.path: i for i in items}
        owners = dict(history.owners)
        for record in history.records:
            target = by_path.get(record.current_path or "")
            if target is None:
                continue
            for address in (*record.addresses, *record.aliases):
                if address in occupied or address in out or address == target.url:
                    continue
                if address in record.addresses and owners.get(address) not in (None, record.key):
                    continue  # another item had this address more recently
                out[address] = target.url
        # Addresses whose last owner is gone fall back to any earlier owner still here.
        for record in history.records:
            target = by_path.get(record.current_path or "")
            if target is None:
                continue
            for address in record.addresses:
                if address not in occupied and address not in out and address != target.url:
                    out[address] = target.url
    return sorted(Redirect(f, t) for f, t in out.items())


def output_path(url: str) -> str:
    """Where the page for a site-relative address is written in the built site.

    ``tutorials/old/`` -> ``tutorials/old/index.html`` (any static host serves it for
    ``/tutorials/old/`` and ``/tutorials/old``); an alias naming a file, such as
    ``2019/05/cari.html``, is written as that file.
    """
    return url if url and not url.endswith("/") else f"{url}index.html"


def check_history(history: History, items: Sequence[Item], *, live: Iterable[str] = (),
                  now: datetime | None = None) -> list[Diagnostic]:
    """Every published address that this version of the site would lose, as an error.

    ``items`` are every valid item (``Library.all_items``); ``live`` other page
    addresses (an address another page now serves does not disappear). A published
    item whose file is gone is an error on its last path, unless each of its
    addresses is still served (by another item, or an ``aliases`` entry). A
    published item made a draft or dated in the future is an error too: ``retired:
    true`` is the way to take one down.
    """
    if not history.available:
        return []
    out: list[Diagnostic] = []
    if history.shallow:
        out.append(diag("mkdocs.yml", 1, "history", "history.shallow", warning=True))
    moment = now or history.now or datetime.now(UTC)
    served = set(live)
    for item in items:
        if item.is_published(moment):
            served.add(item.url)
            served.update(item.aliases)
    by_path = {i.path: i for i in items}
    for record in history.records:
        if not record.addresses:
            continue
        if record.current_path is None:
            lost = [a for a in (*record.addresses, *record.aliases) if a not in served]
            if lost:
                out.append(diag(record.last_path, 1, "file", "history.deleted",
                                addresses=_listing(lost)))
            continue
        current = by_path.get(record.current_path)
        if current is None or current.is_published(moment):
            continue  # invalid (already reported) or live: old addresses redirect to it
        lost = [a for a in (*record.addresses, current.url) if a not in served]
        if lost:
            key = "draft" if current.draft else "date"
            out.append(diag(current.path, current.line_of(key), key, "history.unpublished",
                            addresses=_listing(dict.fromkeys(lost))))
    return out


def _listing(addresses: Iterable[str]) -> str:
    return ", ".join(f"/{a}" for a in addresses)

"""Old addresses kept: on the new site's own host (and under its path) an old address becomes
an ``aliases:`` entry, which the build turns into a redirect page; on another host it goes
into lists the old host's redirect settings take (docs/importing.md):

- ``redirects.csv`` — ``old,new``, every old address, for any tool;
- ``wordpress-redirection.csv`` — the Redirection plugin's import (Tools → Redirection →
  Import/Export): ``source,target,regex,code`` with the old path as source;
- ``htaccess.txt`` — ``RedirectMatch 301`` lines for WordPress on Apache;
- ``blogger-redirects.txt`` — path pairs for Blogger's Settings → Errors and redirects →
  Custom redirects (one pair at a time: "From" the old path, "To" the new address).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

_SEGMENT = re.compile(r"[A-Za-z0-9._~-]+")


def _host(name: str | None) -> str:
    host = (name or "").lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def alias_for(old: str, site_url: str) -> str | None:
    """The alias (``2019/05/cara.html``, ``2019/05/cara/``) an old address becomes on this
    site, or None when the address is on another host, outside the site's path, carries a
    query (``?p=12``), or has characters an alias cannot hold."""
    o, s = urlsplit(old), urlsplit(site_url)
    if _host(o.hostname) != _host(s.hostname) or o.query or o.fragment:
        return None
    base = s.path if s.path.endswith("/") else s.path + "/"
    path = o.path or "/"
    if not (path + ("" if path.endswith("/") else "/")).startswith(base):
        return None
    rest = path[len(base):]
    segments = [seg for seg in rest.split("/") if seg]
    if not segments or not all(_SEGMENT.fullmatch(unquote(seg)) for seg in segments) or any(
            unquote(seg) in (".", "..") for seg in segments):
        return None
    return "/".join(segments) + ("/" if path.endswith("/") or "." not in segments[-1] else "")


def _regex(path: str) -> str:
    return re.sub(r"([.^$*+?()\[\]{}|\\])", r"\\\1", path)


def old_path(old: str) -> str:
    parts = urlsplit(old)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def write_lists(folder: Path, pairs: Iterable[tuple[str, str]]) -> list[Path]:
    """The redirect lists for (old absolute address, new absolute address) pairs; files are
    rewritten only when their bytes change."""
    rows = sorted(set(pairs))
    if not rows:
        return []
    files: dict[str, str] = {}
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["old", "new"])
    w.writerows(rows)
    files["redirects.csv"] = out.getvalue()
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["source", "target", "regex", "code"])
    w.writerows([old_path(o), n, "0", "301"] for o, n in rows)
    files["wordpress-redirection.csv"] = out.getvalue()
    files["htaccess.txt"] = "".join(
        f"RedirectMatch 301 ^{_regex(urlsplit(o).path or '/')}$ {n}\n"
        for o, n in rows if not urlsplit(o).query)
    files["blogger-redirects.txt"] = "".join(
        f"From: {old_path(o)}\nTo:   {n}\n\n" for o, n in rows)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in files.items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written

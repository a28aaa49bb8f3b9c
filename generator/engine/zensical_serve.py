"""``serve`` on Zensical: a preview on this computer, rebuilt when a file changes.

Zensical's own server would rebuild its pages but not run the core (our pages, finishing,
feeds), so this serves the finished site itself: a small HTTP server on 127.0.0.1 under the
site's path, a watcher that rebuilds when ``mkdocs.yml`` or anything under the content
folder changes, and a script (added to each page as it is served) that reloads the page when
a new build is ready. The stage is kept between rebuilds, so Zensical's cache renders only
the pages whose text changed. Everything lives in one temporary folder, removed at the end.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Protocol

from ..content.diagnostics import format_text
from .base import Previous, SiteBuild, prepare_from_sources

RELOAD_SCRIPT = "__ks_reload.js"
VERSION_FILE = "__ks_version"
POLL_SECONDS = 1.0
_SCRIPT = """(function () {
  var seen = null;
  function check() {
    fetch("%s", {cache: "no-store"}).then(function (r) { return r.text(); }).then(function (v) {
      if (seen !== null && v !== seen) { location.reload(); }
      seen = v;
    }).catch(function () {});
  }
  check();
  setInterval(check, 1000);
})();
"""


class _Builds(Protocol):
    def build(self, site: SiteBuild, site_dir: Path, *, strict: bool,
              stage: Path | None = None) -> bool: ...


def serve(engine: _Builds, root: Path, dev_addr: str) -> int:
    host, _, port = dev_addr.rpartition(":")
    # Stopped from outside (an editor, a test): clean up as after Ctrl+C.
    signal.signal(signal.SIGTERM, _stop)
    work = Path(tempfile.mkdtemp(prefix="knowledge-site-serve-"))
    state = _State(work)
    try:
        state.rebuild(engine, root)
        if state.site_path is None:
            return 1
        handler = partial(_Handler, state=state)
        server = ThreadingHTTPServer((host.strip("[]"), int(port)), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        print(f"Serving on http://{dev_addr}{state.site_path}", file=sys.stderr, flush=True)
        seen = _snapshot(root, state.docs_dir)
        while True:
            time.sleep(POLL_SECONDS)
            now = _snapshot(root, state.docs_dir)
            if now != seen:
                seen = now
                state.rebuild(engine, root)
    except KeyboardInterrupt:
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


class _State:
    def __init__(self, work: Path) -> None:
        self.work = work
        self.site_dir = work / "site"
        self.stage = work / "stage"
        self.site_path: str | None = None
        self.docs_dir = "docs"
        self.version = 0
        self.lock = threading.Lock()
        self.validated: dict[str, Any] = {}

    def rebuild(self, engine: _Builds, root: Path) -> None:
        site, problems, lang = prepare_from_sources(
            root, serving=True, previous=Previous(self.site_dir if self.site_dir.is_dir()
                                                  else None), validated=self.validated)
        if problems:
            print(format_text(problems, lang), file=sys.stderr, flush=True)
        if site is None:
            return
        fresh = self.work / f"site-{self.version + 1}"
        if not engine.build(site, fresh, strict=False, stage=self.stage):
            shutil.rmtree(fresh, ignore_errors=True)
            return
        with self.lock:
            old = self.work / "old"
            if self.site_dir.exists():
                self.site_dir.replace(old)
            fresh.replace(self.site_dir)
            shutil.rmtree(old, ignore_errors=True)
            self.version += 1
            self.site_path = site.library.settings.site_path
            self.docs_dir = site.library.settings.docs_dir
        print(f"Rebuilt ({self.version})", file=sys.stderr, flush=True)


class _Handler(SimpleHTTPRequestHandler):
    def __init__(self, *args: Any, state: _State, **kwargs: Any) -> None:
        self.state = state
        super().__init__(*args, directory=str(state.site_dir), **kwargs)

    def log_message(self, format: str, *args: Any) -> None:  # quiet: the preview is local
        pass

    def do_GET(self) -> None:
        prefix = self.state.site_path or "/"
        path = self.path.split("?", 1)[0]
        if not path.startswith(prefix):
            self.send_response(302)
            self.send_header("Location", prefix)
            self.end_headers()
            return
        rest = path[len(prefix):]
        if rest == VERSION_FILE:
            return self._send(str(self.state.version).encode(), "text/plain")
        if rest == RELOAD_SCRIPT:
            script = _SCRIPT % (prefix + VERSION_FILE)
            return self._send(script.encode(), "text/javascript")
        with self.state.lock:
            target = self.state.site_dir / rest
            if target.is_dir():
                target = target / "index.html"
            if target.suffix == ".html" and target.is_file():
                html = target.read_text(encoding="utf-8")
                tag = f'<script src="{prefix}{RELOAD_SCRIPT}"></script>'
                return self._send(html.replace("</body>", tag + "</body>", 1).encode(),
                                  "text/html; charset=utf-8")
        self.path = "/" + rest
        super().do_GET()

    def _send(self, data: bytes, media_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)


def _snapshot(root: Path, docs_dir: str) -> tuple[tuple[str, int, int], ...]:
    """What the watcher compares: every file's path, size and modification time."""
    found = []
    for base in (root / "mkdocs.yml", root / docs_dir):
        paths = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for path in paths:
            try:
                st = os.stat(path)
            except OSError:
                continue
            found.append((str(path), st.st_size, st.st_mtime_ns))
    return tuple(found)

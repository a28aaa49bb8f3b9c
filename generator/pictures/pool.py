"""The pictures a build draws: a preview picture per item and one for the site, a QR code per
short link. Planned here as jobs and done in other processes while mkdocs renders the pages:
each picture is copied from the previous build's site when its stamp matches
(``previous_site``), else drawn — 5 to 10 ms of pure CPU a picture, the largest part of a build
into an empty folder, and a library of a thousand items has two thousand of them.

Every picture is drawn from its job alone, so the bytes do not depend on which process drew
it or in what order: the same input still gives the same site.
"""

from __future__ import annotations

import os
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from pathlib import Path

from ..library.library import Library
from .jobs import PictureJob, write_file
from .previews import HEIGHT, WIDTH, PreviewImage, preview_jobs, site_preview_job
from .previous import NOTHING, Previous

# Fewer pictures than this are drawn in the build's own process: starting a worker costs
# about half a second (a fresh interpreter importing Pillow).
_POOL_FROM = 64
_MAX_WORKERS = 4


def draw(job: PictureJob) -> bytes:
    # Imported here: a worker process imports only what drawing needs.
    if job.what == "preview":
        from .previews import render_preview

        title, label, library_name, lang = job.text
        return render_preview(title, label, library_name,
                              Path(job.cover) if job.cover else None, lang,
                              background=job.colour, stamp=job.stamp)
    from .qr import qr_svg

    return qr_svg(job.text[0], stamp=job.stamp)


def draw_into(out_dir: str, jobs: list[PictureJob], previous: Previous = NOTHING) -> None:
    """A worker's share: each job's picture copied from ``previous`` when its stamp matches,
    else drawn, under ``out_dir`` — while that still exists (a failed or killed build's
    folder is removed; it must not be made again)."""
    root = Path(out_dir)
    for job in jobs:
        if not root.is_dir():
            return
        if previous.has(job.rel, job.stamp):
            previous.copy(job.rel, root)
        else:
            write_file(root / job.rel, draw(job))


def default_workers() -> int:
    """One process fewer than the cores this process may use (that one renders the pages)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(0, min(cores - 1, _MAX_WORKERS))


class Drawing:
    """The pictures of one build: ``start()`` hands them to worker processes, which reuse
    what they can; ``finish()`` waits for them (and does here whatever they could not)."""

    def __init__(self, jobs: list[PictureJob], out_dir: Path, previous: Previous = NOTHING,
                 workers: int | None = None) -> None:
        self.jobs = jobs
        self.out_dir = out_dir
        self.previous = previous
        self.workers = default_workers() if workers is None else workers
        self._pending: list[PictureJob] = []
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[tuple[Future[None], list[PictureJob]]] = []

    def start(self) -> Drawing:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        if self.workers and len(self.jobs) >= _POOL_FROM:
            try:
                self._pool = ProcessPoolExecutor(self.workers, mp_context=get_context("spawn"))
                # Contiguous slices: previews sharing a cover stay together (tinted once).
                size = -(-len(self.jobs) // (self.workers * 4))
                for i in range(0, len(self.jobs), size):
                    chunk = self.jobs[i:i + size]
                    self._futures.append(
                        (self._pool.submit(draw_into, str(self.out_dir), chunk, self.previous),
                         chunk))
                return self
            except OSError:  # no processes to be had (a locked-down machine): draw here
                self._shutdown()
                self._futures = []
        self._pending = self.jobs
        return self

    def finish(self) -> None:
        try:
            for future, chunk in self._futures:
                try:
                    future.result()
                except (BrokenProcessPool, OSError):  # a worker died: do its share here
                    draw_into(str(self.out_dir), chunk, self.previous)
            draw_into(str(self.out_dir), self._pending, self.previous)
        finally:
            self._futures, self._pending = [], []
            self._shutdown()

    def abandon(self) -> None:
        """Draw nothing more; wait for what a worker is drawing now."""
        self._futures, self._pending = [], []
        self._shutdown()

    def _shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


# -- in this process (tests, and a site's few pictures) ---------------------------------------

def write_previews(library: Library, docs_dir: Path, out_dir: Path,
                   previous: Previous = NOTHING) -> dict[str, PreviewImage]:
    """Draw (or take from ``previous``) every item's preview picture, in this process."""
    jobs = preview_jobs(library, docs_dir)
    Drawing(list(jobs.values()), out_dir, previous, workers=0).start().finish()
    return {src: _written(out_dir, job.rel) for src, job in jobs.items()}


def write_site_preview(library: Library, out_dir: Path,
                       previous: Previous = NOTHING) -> PreviewImage:
    job = site_preview_job(library)
    Drawing([job], out_dir, previous, workers=0).start().finish()
    return _written(out_dir, job.rel)


def _written(out_dir: Path, rel: str) -> PreviewImage:
    return PreviewImage(rel, WIDTH, HEIGHT, (out_dir / rel).stat().st_size)

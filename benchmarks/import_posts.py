"""How long ``knowledge-site import`` takes for a large blog, without network (pictures not
fetched): a WordPress export (WXR 1.2, the fixture shape of tests/importing/) of N posts with
realistic bodies, imported into a fresh small site, then imported again (nothing to write).

    python benchmarks/import_posts.py                 # 1,000 posts
    python benchmarks/import_posts.py --posts 5000 --keep /tmp/imported

The goal (issue 21): 1,000 posts well under a minute. Exit 1 when the first import of
``--posts`` takes longer than ``--limit`` seconds (default 60).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from importing.fixtures.exports import wxr  # noqa: E402
from importing.fixtures.posts import FixturePost, posts  # noqa: E402
from sitekit import make_site  # noqa: E402

from generator.content.settings import load_settings  # noqa: E402
from generator.importing.run import Options, import_source  # noqa: E402
from generator.values.clock import build_time  # noqa: E402

BODY = ("<p>Paragraf {i} tentang layanan perpustakaan: katalog daring, peminjaman, dan "
        "<a href='https://example.net/{i}'>tautan</a> ke sumber lain &amp; referensi.</p>"
        "<h2>Langkah {i}</h2><ol><li>Buka katalog</li><li>Cari <strong>judul</strong></li>"
        "</ol><table><tr><th>Kolom</th><th>Arti</th></tr><tr><td>A</td><td>B</td></tr>"
        "</table><p><img src='https://old.example.net/wp-content/uploads/{i}.jpg' "
        "alt='Gambar {i}'></p>")


def blog(n: int) -> list[FixturePost]:
    """The fixture's few dozen posts (hostile ones included), then ordinary ones up to n."""
    out = posts()
    topics = ("Tips", "Resensi Buku", "Kegiatan", "Katalog", "Video", "Literasi")
    for i in range(len(out) + 1, n + 1):
        out.append(FixturePost(i, f"Tulisan Perpustakaan {i}", BODY.format(i=i) * 4,
                               f"tulisan-{i}", (topics[i % len(topics)],), (f"tag{i % 40}",),
                               comments=i % 4, excerpt=f"Ringkasan tulisan {i}."))
    return out[:n]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--limit", type=float, default=60.0)
    parser.add_argument("--keep", type=Path, help="keep the imported site here")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ks-import-bench-"))
    try:
        site = make_site(work / "site")
        source = wxr(work / "wordpress.xml", blog(args.posts))
        settings, _ = load_settings(site)
        assert settings is not None
        options = Options(str(source), pictures=False)
        timings = []
        for _ in range(2):
            start = time.perf_counter()
            result = import_source(site, settings, build_time(), options)
            timings.append(time.perf_counter() - start)
            print(f"{result.posts} posts, {result.outcomes}: {timings[-1]:.1f} s")
        size = source.stat().st_size / 1e6
        print(f"import of {args.posts} posts ({size:.1f} MB export): first {timings[0]:.1f} s, "
              f"again {timings[1]:.1f} s (limit {args.limit:.0f} s)")
        if args.keep:
            shutil.copytree(site, args.keep, dirs_exist_ok=True)
        return 0 if timings[0] <= args.limit else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

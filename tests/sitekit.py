"""Helpers for tests that build real sites: a tiny site repository in tmp_path, the CLI."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

MKDOCS_YML = """\
site_name: Perpustakaan Uji
site_url: https://example.org/lib/
docs_dir: site_src
theme:
  name: material
  language: id
  font: false
plugins:

  - knowledge-site:
      library_name: Perpustakaan Uji
      catalog_url: "https://opac.example.org/?q={isbn}"
"""

AUTHORS = """\
ani:
  name: Ani Lestari
  role: Pustakawan Referensi
budi:
  name: Budi Santoso
  role: Pustakawan Multimedia
"""

TOPICS = """\
literasi:
  name: Literasi Informasi
  description: Menemukan dan menilai informasi.
sastra:
  name: Sastra
  description: Buku-buku sastra pilihan.
"""

TUTORIAL = """\
---
title: Dasar OPAC
summary: Cara mencari buku di katalog daring.
date: 2026-01-10
authors: [ani]
topics: [literasi]
tags: [opac, katalog]
level: beginner
duration: 15
objectives:
  - Mencari buku berdasarkan judul
prerequisites:
  - Kartu anggota
---
## Langkah 1

Buka katalog. Lihat juga [resensi Dune](../reviews/dune.md).
"""

REVIEW = """\
---
title: "Dune: pasir dan kuasa"
summary: Novel fiksi ilmiah klasik tentang planet gurun.
date: 2026-01-12T10:00
authors:
  - budi
topics: [sastra]
book:
  title: Dune
  authors: [Frank Herbert]
  isbn: 0441172717
  publisher: Ace
  year: 1990
  call_number: 813.54 HER d
rating: 4
---
Bagus sekali.
"""

VIDEO = """\
---
title: Tur perpustakaan
summary: Berkeliling perpustakaan dalam dua menit.
date: 2026-01-13
authors: [ani]
topics: [literasi]
video:
  url: https://youtu.be/dQw4w9WgXcQ?t=42
  duration: "2:05"
---
Selamat datang.

## Transkrip

Halo semua, ini perpustakaan kami.
"""


DRAFT = """\
---
title: Draf rahasia
summary: Belum siap.
date: 2026-01-01
authors: [ani]
topics: [literasi]
draft: true
level: beginner
---
Isi draf.
"""


def make_site(root: Path, extra: dict[str, str | bytes] | None = None) -> Path:
    """A valid three-item site; ``extra`` adds or replaces files (paths relative to root)."""
    files: dict[str, str | bytes] = {
        "mkdocs.yml": MKDOCS_YML,
        "site_src/index.md": "# Beranda\n\nSelamat datang.\n",
        "site_src/authors.yml": AUTHORS,
        "site_src/topics.yml": TOPICS,
        "site_src/tutorials/dasar-opac.md": TUTORIAL,
        "site_src/reviews/dune.md": REVIEW,
        "site_src/videos/tur.md": VIDEO,
    }
    files.update(extra or {})
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def cli(*args: str, cwd: Path, epoch: int | None = 1790000000,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m generator`` as a librarian would; "now" fixed unless epoch is None."""
    full_env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    if epoch is not None:
        full_env["SOURCE_DATE_EPOCH"] = str(epoch)
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=600)


def tree_digest(root: Path) -> dict[str, str]:
    """Every file under root with the SHA-256 of its bytes."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}

"""A small library whose items the fixture exports (tests/reach/fixtures) counted: two
tutorials that moved from an old site (their old paths are aliases), three older items."""

from __future__ import annotations

from pathlib import Path

from sitekit import MKDOCS_YML, make_site
from sitekit import TOPICS as SITE_TOPICS

FIXTURES = Path(__file__).parent / "reach" / "fixtures"

JURNAL = """\
---
title: Cara Mencari Jurnal
summary: Mencari artikel jurnal ilmiah di basis data langganan perpustakaan.
date: 2026-03-12T09:00:00+07:00
authors: [ani]
topics: [literasi]
level: beginner
aliases: [/tutorial/cara-mencari-jurnal/]
---
Buka basis data jurnal, lalu ketik kata kunci.
"""

SITASI = """\
---
title: Sitasi Itu Apa?
summary: Mengapa dan bagaimana mengutip sumber dengan benar.
date: 2026-03-13T10:00:00+07:00
authors: [budi]
topics: [sitasi]
level: beginner
aliases: [/panduan/sitasi-apa/]
---
Sitasi menunjukkan dari mana sebuah gagasan berasal.
"""

TOPICS = SITE_TOPICS + """\
sitasi:
  name: Sitasi
  description: Mengutip sumber.
"""


def reach_site(root: Path, settings: str = "") -> Path:
    """The site at ``https://lib.example.ac.id/pustaka/`` (Matomo's fixtures carry that
    prefix); ``settings`` is added to the plugin block."""
    yml = MKDOCS_YML.replace("https://example.org/lib/", "https://lib.example.ac.id/pustaka/")
    yml = yml.replace("      library_name: Perpustakaan Uji\n",
                      "      library_name: Perpustakaan Uji\n" + settings)
    return make_site(root, {
        "mkdocs.yml": yml,
        "site_src/topics.yml": TOPICS,
        "site_src/tutorials/cara-mencari-jurnal.md": JURNAL,
        "site_src/tutorials/sitasi-apa.md": SITASI,
        "site_src/tentang.md": "# Tentang kami\n\nPerpustakaan uji.\n",
    })

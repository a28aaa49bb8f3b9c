"""A deterministic synthetic library for benchmarks: N items of the three types.

    python benchmarks/generate.py N OUT_DIR [--seed S] [--peer PEER_DIR]

OUT_DIR becomes a full site repository for knowledge-site (``mkdocs.yml`` made from the
example's, ``site_src/authors.yml``, ``topics.yml``, the items, a home and an about page,
and a small set of pictures drawn once with Pillow and reused by every item, so the corpus
stays small on disk). It passes ``python -m generator check --strict``.

``--peer PEER_DIR`` also writes the SAME items as the site a user would build instead:
Material for MkDocs with its blog and tags plugins and ``mkdocs-rss-plugin``
(``docs/blog/posts/<slug>.md`` with ``date``, ``categories`` from the topics, ``tags``,
``authors`` from ``docs/blog/.authors.yml`` and ``draft``; the body is the same Markdown,
with links re-pointed at the blog's files and a ``<!-- more -->`` excerpt separator after the
first paragraph, as a blog author would write it).

Same N and seed, same bytes (nothing reads the clock or the machine). Every date lies
before 2026-01-01, the ``SOURCE_DATE_EPOCH`` the benchmark builds with, so nothing is
scheduled for later; 1 % of the items are drafts.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import yaml
from PIL import Image, ImageDraw

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_CONFIG = REPO / "mkdocs.yml"
SITE_URL = "https://bench.perpustakaan.example.org/"
LIBRARY = "Perpustakaan Jaringan Nusantara"
BUILD_EPOCH = 1767225600  # 2026-01-01T00:00:00Z: every item is dated before this
FIRST_DAY = datetime(2016, 1, 1)
LAST_DAY = datetime(2025, 12, 20)

N_TOPICS = 30
N_AUTHORS = 24
N_COVERS = 20
N_BOOK_COVERS = 8
N_AVATARS = 6
DRAFT_EVERY = 100  # one item in a hundred is a draft

KIND_SHARE = (("tutorial", 0.45), ("review", 0.30), ("video", 0.25))
FOLDER = {"tutorial": "tutorials", "review": "reviews", "video": "videos"}

# -- words ---------------------------------------------------------------------------------

WORDS_ID = """
perpustakaan pustakawan katalog koleksi buku jurnal artikel skripsi tesis disertasi referensi
sitasi kutipan daftar pustaka repositori basis data pencarian kata kunci sumber informasi
literasi digital mahasiswa dosen peneliti ruang baca sirkulasi peminjaman pengembalian denda
anggota kartu layanan daring luring akses terbuka lisensi hak cipta penerbit edisi cetakan
halaman bab ringkasan abstrak metode penelitian data analisis hasil pembahasan kesimpulan
saran teori konsep bukti argumen fakta hoaks berita media sosial video rekaman webinar
pelatihan panduan langkah mudah cepat tepat benar lengkap singkat jelas penting berguna
baru lama terbaru pertama kedua ketiga terakhir setiap semua beberapa banyak sedikit lebih
kurang sangat cukup selalu sering jarang kadang biasanya misalnya terutama khususnya juga
hanya bahkan lalu kemudian sebelum sesudah ketika sambil agar supaya karena sehingga namun
tetapi atau dan dengan tanpa untuk dari ke di pada dalam luar atas bawah antara tentang
seperti menurut bagi oleh kita kami anda mereka ia dia kamu saya ini itu tersebut yang
adalah ialah merupakan menjadi memiliki mempunyai membaca menulis mencari menemukan
memilih menyimpan mengunduh mengunggah membuka menutup memeriksa menilai membandingkan
mengutip menyusun mengelola membagikan meminjam mengembalikan memesan mendaftar masuk keluar
klik tekan ketik pilih buka simpan salin tempel unduh unggah tampilan menu tombol kolom
halaman layar ponsel laptop komputer jaringan internet kampus fakultas program studi
semester tugas akhir makalah laporan presentasi diskusi kelompok kelas kuliah ujian nilai
""".split()  # noqa: SIM905 - a word list reads better as text

WORDS_EN = """
library librarian catalogue collection book journal article thesis reference citation
source information literacy digital student lecturer researcher reading room loan return
member card service online open access licence copyright publisher edition page chapter
summary abstract method research data analysis result discussion conclusion theory concept
evidence argument fact news social media video recording webinar training guide step easy
quick right complete short clear important useful new old latest first second last every
all several many few more less very often rarely usually for example especially also only
even then after before when while so because but or and with without from into on in at
about like by we you they it this that which is are has have read write search find choose
save download upload open close check compare cite manage share borrow register click type
""".split()  # noqa: SIM905

TOPIC_NAMES = [
    ("literasi-informasi", "Literasi Informasi"),
    ("penelusuran-jurnal", "Penelusuran Jurnal"),
    ("manajemen-referensi", "Manajemen Referensi"),
    ("layanan-perpustakaan", "Layanan Perpustakaan"),
    ("sastra-indonesia", "Sastra Indonesia"), ("sastra-dunia", "Sastra Dunia"),
    ("sejarah", "Sejarah"), ("sains-populer", "Sains Populer"),
    ("pengembangan-diri", "Pengembangan Diri"),
    ("akses-terbuka", "Akses Terbuka"), ("repositori", "Repositori Institusi"),
    ("menulis-ilmiah", "Menulis Ilmiah"), ("statistik", "Statistik dan Data"),
    ("hak-cipta", "Hak Cipta dan Lisensi"), ("e-book", "E-Book dan Koleksi Digital"),
    ("anak-dan-remaja", "Bacaan Anak dan Remaja"), ("kesehatan", "Informasi Kesehatan"),
    ("hukum", "Sumber Hukum"), ("ekonomi", "Ekonomi dan Bisnis"), ("teknologi", "Teknologi"),
    ("pendidikan", "Pendidikan"), ("budaya", "Seni dan Budaya"), ("lingkungan", "Lingkungan Hidup"),
    ("agama", "Agama dan Filsafat"), ("bahasa", "Bahasa dan Linguistik"),
    ("arsip", "Arsip dan Naskah Kuno"), ("peta", "Peta dan Geografi"),
    ("karier", "Karier dan Beasiswa"), ("keamanan-digital", "Keamanan Digital"),
    ("mahasiswa-baru", "Mahasiswa Baru"),
]
FIRST_NAMES = ["Siti", "Budi", "Ayu", "Rizky", "Maria", "Dewi", "Agus", "Rina", "Joko", "Lestari",
               "Hendra", "Putri", "Fajar", "Indah", "Bayu", "Nur", "Wahyu", "Sri", "Dimas", "Ratna",
               "Yusuf", "Kartika", "Andi", "Melati"]
LAST_NAMES = ["Rahmawati", "Santoso", "Wulandari", "Pratama", "Halim", "Lestari", "Saputra",
              "Hidayat", "Kusuma", "Nugroho", "Siregar", "Simanjuntak", "Wijaya", "Harahap",
              "Purnama", "Setiawan", "Utami", "Ramadhan", "Firmansyah", "Anggraini", "Gunawan",
              "Permata", "Sinaga", "Tanjung"]
ROLES = ["Pustakawan Referensi", "Pustakawan Sistem", "Pustakawan Layanan Sirkulasi",
         "Pustakawan Literasi Informasi", "Pustakawan Koleksi", "Pustakawan Anak"]
PUBLISHERS = ["Gramedia Pustaka Utama", "Bentang Pustaka", "Mizan", "Kepustakaan Populer Gramedia",
              "Lentera Dipantara", "Marjin Kiri", "Penerbit Buku Kompas", "Yayasan Obor Indonesia"]
TAG_STEMS = ["OPAC", "katalog", "jurnal", "Garuda", "SINTA", "DOAJ", "Google Scholar", "Zotero",
             "Mendeley", "sitasi", "APA", "plagiarisme", "skripsi", "tesis", "repositori",
             "e-book", "novel", "klasik", "sejarah", "biografi", "sains", "fiksi ilmiah",
             "puisi", "cerpen", "hoaks", "cek fakta", "literasi digital", "privasi", "kata sandi",
             "statistik", "SPSS", "Excel", "peta", "arsip", "naskah kuno", "beasiswa", "CV",
             "wawancara", "webinar", "video pendek", "tur", "mahasiswa baru", "dosen", "anak",
             "remaja", "dongeng", "kesehatan", "hukum", "ekonomi", "akses terbuka"]


@dataclass
class Spec:
    """One synthetic item, independent of how a site engine wants it written."""

    index: int
    kind: str
    slug: str
    title: str
    summary: str
    date: datetime
    authors: list[str]
    topics: list[str]
    tags: list[str]
    lang: str
    image: str | None
    image_alt: str | None
    draft: bool
    pin: bool
    updated: datetime | None = None
    extra: dict[str, object] = field(default_factory=dict)  # kind-specific front matter
    body: str = ""  # Markdown with {item:<folder>/<slug>} and {img:<path>} placeholders


# -- the corpus ----------------------------------------------------------------------------

class Corpus:
    def __init__(self, n: int, seed: int) -> None:
        self.n = n
        self.rng = random.Random(f"knowledge-site-bench:{seed}")
        self.topics = TOPIC_NAMES[:N_TOPICS]
        self.authors = [(f"{FIRST_NAMES[i].lower()}-{LAST_NAMES[i].lower()}",
                         f"{FIRST_NAMES[i]} {LAST_NAMES[i]}", ROLES[i % len(ROLES)])
                        for i in range(N_AUTHORS)]
        self.tags = self._tag_pool()
        self.specs = self._specs()
        for spec in self.specs:
            spec.body = self._body(spec)

    # - helpers -
    def words(self, n: int, lang: str = "id") -> list[str]:
        pool = WORDS_EN if lang == "en" else WORDS_ID
        return [self.rng.choice(pool) for _ in range(n)]

    def sentence(self, lang: str = "id", lo: int = 8, hi: int = 20) -> str:
        w = self.words(self.rng.randint(lo, hi), lang)
        return " ".join(w).capitalize() + "."

    def paragraph(self, lang: str = "id", sentences: tuple[int, int] = (3, 6)) -> str:
        text = " ".join(self.sentence(lang) for _ in range(self.rng.randint(*sentences)))
        # Some inline markup, as librarians write it.
        words = text.split(" ")
        for _ in range(self.rng.randint(0, 3)):
            i = self.rng.randrange(1, len(words) - 1)
            if words[i].isalpha():
                words[i] = self.rng.choice(("**{}**", "*{}*", "`{}`")).format(words[i])
        return _wrap(" ".join(words))

    def _tag_pool(self) -> list[str]:
        pool = list(TAG_STEMS)
        while len(pool) < 220:
            pool.append(" ".join(self.words(self.rng.choice((1, 2)))))
        seen: dict[str, str] = {}
        for tag in pool:
            seen.setdefault(re.sub(r"[^a-z0-9]+", "-", tag.lower()).strip("-"), tag)
        return list(seen.values())

    def _pick_tags(self) -> list[str]:
        # Zipf-like: a few tags are on many items, most on few.
        out: list[str] = []
        for _ in range(self.rng.randint(2, 5)):
            i = min(int(self.rng.paretovariate(1.1)) - 1, len(self.tags) - 1)
            j = (i * 7 + self.rng.randrange(len(self.tags) // 10 + 1)) % len(self.tags)
            tag = self.tags[j if self.rng.random() < 0.5 else i]
            if tag.lower() not in {t.lower() for t in out}:
                out.append(tag)
        return out

    def _specs(self) -> list[Spec]:
        specs = []
        span = (LAST_DAY - FIRST_DAY).total_seconds()
        slugs: set[str] = set()
        for i in range(self.n):
            r = self.rng.random()
            kind = "tutorial" if r < KIND_SHARE[0][1] else (
                "review" if r < KIND_SHARE[0][1] + KIND_SHARE[1][1] else "video")
            lang = "en" if self.rng.random() < 0.1 else "id"
            title, slug_words, extra = self._title_and_extra(kind, lang)
            slug = "-".join(slug_words)[:50].strip("-")
            if slug in slugs or slug in ("index", "page", "feed", "tags", "topics", "authors",
                                         "archive"):
                slug = f"{slug}-{i}"
            slugs.add(slug)
            date = FIRST_DAY + timedelta(seconds=int(span * self.rng.random()))
            date = date.replace(second=0, minute=(date.minute // 15) * 15)
            updated = None
            if self.rng.random() < 0.2:
                updated = min(date + timedelta(days=self.rng.randint(10, 400)), LAST_DAY)
                updated = updated.replace(hour=0, minute=0, second=0)
                if updated <= date:
                    updated = None
            summary = " ".join(self.words(self.rng.randint(14, 26), lang)).capitalize() + "."
            summary = summary[:190]
            has_image = self.rng.random() < 0.85 or kind == "video"
            cover = self.rng.randrange(N_COVERS)
            specs.append(Spec(
                index=i, kind=kind, slug=slug, title=title, summary=summary, date=date,
                authors=sorted(self.rng.sample([a[0] for a in self.authors],
                                               self.rng.choice((1, 1, 1, 2)))),
                topics=self.rng.sample([t[0] for t in self.topics], self.rng.choice((1, 1, 2))),
                tags=self._pick_tags(), lang=lang,
                image=f"images/covers/cover-{cover:02d}.jpg" if has_image else None,
                image_alt=(f"Ilustrasi sampul nomor {cover + 1}: bidang warna dan lingkaran."
                           if has_image else None),
                draft=(i % DRAFT_EVERY == DRAFT_EVERY - 1), pin=(i < 3),
                updated=updated, extra=extra))
        return specs

    def _title_and_extra(self, kind: str, lang: str) -> tuple[str, list[str], dict[str, object]]:
        rng = self.rng
        w = self.words(rng.randint(3, 6), lang)
        if kind == "tutorial":
            lead = "How to" if lang == "en" else rng.choice(("Cara", "Panduan", "Langkah Mudah"))
            title = f"{lead} {' '.join(w)}".capitalize()
            extra: dict[str, object] = {
                "level": rng.choice(("beginner", "intermediate", "advanced")),
                "duration": rng.choice((5, 10, 15, 20, 30, 45, 60)),
                "objectives": [" ".join(self.words(rng.randint(4, 8), lang)).capitalize()
                               for _ in range(rng.randint(2, 4))],
                "prerequisites": [" ".join(self.words(rng.randint(3, 6), lang)).capitalize()
                                  for _ in range(rng.randint(0, 2))],
            }
            if rng.random() < 0.2:
                extra["video"] = {"url": f"https://www.youtube.com/watch?v={self._yt_id()}",
                                  "duration": f"{rng.randint(1, 19)}:{rng.randint(0, 59):02d}"}
        elif kind == "review":
            book = " ".join(x.capitalize() for x in self.words(rng.randint(1, 3), lang))
            title = f"{book}: {' '.join(w[:4])}"
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            n_cover = rng.randrange(N_BOOK_COVERS)
            extra = {
                "book": {
                    "title": book,
                    "authors": [f"{first} {last}"],
                    "isbn": _isbn13(rng),
                    "publisher": rng.choice(PUBLISHERS),
                    "year": rng.randint(1950, 2025),
                    "pages": rng.randint(80, 900),
                    "cover": f"images/books/book-{n_cover:02d}.jpg",
                    "cover_alt": f"Sampul ilustrasi buatan perpustakaan nomor {n_cover + 1}.",
                    "call_number": f"{rng.randint(0, 999):03d}.{rng.randint(1, 99)} "
                                   f"{last[:3].upper()} {book[0].lower()}",
                },
                "rating": rng.randint(2, 5),
            }
            w = [book, *w[:4]]
        else:
            lead = rng.choice(("Video", "Tips 60 Detik", "Webinar", "Tur"))
            title = f"{lead}: {' '.join(w)}"
            url = (f"https://youtu.be/{self._yt_id()}" if rng.random() < 0.7
                   else f"https://vimeo.com/{rng.randint(10_000_000, 999_999_999)}")
            extra = {"video": {"url": url,
                               "duration": f"{rng.randint(0, 45)}:{rng.randint(0, 59):02d}"}}
        title = title[:68].rstrip(" :")
        slug_words = re.sub(r"[^a-z0-9]+", " ", title.lower()).split()[:7]
        return title, slug_words, extra

    def _yt_id(self) -> str:
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
        return "".join(self.rng.choice(alphabet) for _ in range(11))

    # - bodies -
    def _link_target(self, spec: Spec) -> Spec | None:
        """An earlier item that is published (a link to a draft is a warning)."""
        if spec.index == 0:
            return None
        for _ in range(5):
            other = self.specs[self.rng.randrange(spec.index)]
            if not other.draft:
                return other
        return None

    def _link(self, spec: Spec, lang: str) -> str:
        other = self._link_target(spec)
        if other is None:
            return ""
        text = " ".join(self.words(self.rng.randint(2, 4), lang))
        return f"[{text}]({{item:{FOLDER[other.kind]}/{other.slug}}})"

    def _body(self, spec: Spec) -> str:
        rng, lang = self.rng, spec.lang
        blocks = [self.paragraph(lang, (2, 4))]
        if spec.kind == "tutorial":
            for step in range(1, rng.randint(3, 6) + 1):
                heading = "Step" if lang == "en" else "Langkah"
                words = " ".join(self.words(rng.randint(2, 5), lang))
                blocks.append(f"## {heading} {step}: {words}")
                blocks.append(self.paragraph(lang))
                choice = rng.random()
                if choice < 0.35:
                    blocks.append("\n".join(f"{n}. {self.sentence(lang, 5, 12)}"
                                            for n in range(1, rng.randint(3, 6))))
                elif choice < 0.5:
                    cols = rng.randint(2, 4)
                    head = " | ".join(w.capitalize() for w in self.words(cols, lang))
                    rows = [f"| {head} |", "|" + "---|" * cols]
                    rows += ["| " + " | ".join(self.words(cols, lang)) + " |"
                             for _ in range(rng.randint(3, 7))]
                    blocks.append("\n".join(rows))
                elif choice < 0.62:
                    blocks.append(f'!!! tip "Tips"\n    {self.sentence(lang)}\n    '
                                  f"{self.sentence(lang)}")
                elif choice < 0.72:
                    blocks.append("```text\n" + "\n".join(
                        " ".join(self.words(rng.randint(2, 6), lang)) for _ in range(3)) + "\n```")
                elif choice < 0.8:
                    n = rng.randrange(N_COVERS)
                    blocks.append(f"![Gambar contoh nomor {n + 1}]({{img:images/covers/"
                                  f"cover-{n:02d}.jpg}})")
                if rng.random() < 0.4:
                    link = self._link(spec, lang)
                    if link:
                        blocks.append(f"{self.sentence(lang, 5, 10)[:-1]} {link}.")
        elif spec.kind == "review":
            heads = (["About", "Strengths", "Weaknesses", "Who should read it"] if lang == "en"
                     else ["Tentang apa", "Kelebihan", "Kekurangan", "Untuk siapa"])
            for head in heads:
                blocks.append(f"## {head}")
                for _ in range(rng.randint(1, 3)):
                    blocks.append(self.paragraph(lang))
                if rng.random() < 0.3:
                    blocks.append("> " + self.sentence(lang, 10, 20))
            link = self._link(spec, lang)
            if link:
                blocks.append(f"{self.sentence(lang, 5, 10)[:-1]} {link}.")
        else:
            blocks.append(self.paragraph(lang, (1, 3)))
            link = self._link(spec, lang)
            if link:
                blocks.append(f"{self.sentence(lang, 5, 10)[:-1]} {link}.")
            blocks.append("## Transcript" if lang == "en" else "## Transkrip")
            seconds = 0
            for _ in range(rng.randint(6, 14)):
                seconds += rng.randint(5, 60)
                blocks.append(_wrap(f"**[{seconds // 60:02d}:{seconds % 60:02d}]** "
                                    + " ".join(self.sentence(lang)
                                               for _ in range(rng.randint(1, 3)))))
        return "\n\n".join(blocks) + "\n"


def _wrap(text: str, width: int = 92) -> str:
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)


def _isbn13(rng: random.Random) -> str:
    digits = [9, 7, 8, 6, 0, 2] + [rng.randrange(10) for _ in range(6)]
    check = (10 - sum(d * (1 if i % 2 == 0 else 3) for i, d in enumerate(digits)) % 10) % 10
    return "".join(map(str, [*digits, check]))


def _q(value: object) -> str:
    """A YAML scalar that every YAML reader takes as the same text (JSON strings are YAML)."""
    return json.dumps(str(value), ensure_ascii=False)


# -- pictures (drawn once per corpus, reused by every item) ----------------------------------

def _palette(rng: random.Random) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    a = tuple(rng.randrange(30, 200) for _ in range(3))
    b = tuple(min(255, c + rng.randrange(30, 80)) for c in a)
    return a, b  # type: ignore[return-value]


def _cover(rng: random.Random, size: tuple[int, int]) -> Image.Image:
    w, h = size
    a, b = _palette(rng)
    img = Image.new("RGB", size, a)
    draw = ImageDraw.Draw(img)
    for y in range(0, h, 6):  # a soft vertical gradient, so JPEG has something to encode
        t = y / h
        draw.rectangle((0, y, w, y + 6), fill=tuple(round(a[k] + (b[k] - a[k]) * t)
                                                   for k in range(3)))
    for _ in range(rng.randint(3, 7)):
        x, y, r = rng.randrange(w), rng.randrange(h), rng.randrange(h // 10, h // 3)
        draw.ellipse((x - r, y - r, x + r, y + r),
                     fill=tuple(rng.randrange(256) for _ in range(3)))
    return img


def _jpeg(img: Image.Image) -> bytes:
    out = io.BytesIO()
    img.save(out, "JPEG", quality=80)
    return out.getvalue()


def _png(img: Image.Image) -> bytes:
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def pictures(seed: int) -> dict[str, bytes]:
    """Paths relative to the docs folder -> bytes (same seed, same bytes)."""
    rng = random.Random(f"knowledge-site-bench-pictures:{seed}")
    out = {}
    for i in range(N_COVERS):
        out[f"images/covers/cover-{i:02d}.jpg"] = _jpeg(_cover(rng, (1200, 630)))
    for i in range(N_BOOK_COVERS):
        out[f"images/books/book-{i:02d}.jpg"] = _jpeg(_cover(rng, (400, 600)))
    for i in range(N_AVATARS):
        out[f"images/authors/avatar-{i}.png"] = _png(_cover(rng, (96, 96)))
    return out


# -- writing: knowledge-site ---------------------------------------------------------------

def _item_markdown(spec: Spec) -> str:
    lines = ["---", f"title: {_q(spec.title)}", f"summary: {_q(spec.summary)}",
             f"date: {spec.date:%Y-%m-%dT%H:%M}"]
    if spec.updated:
        lines.append(f"updated: {spec.updated:%Y-%m-%d}")
    lines.append("authors:")
    lines += [f"  - {a}" for a in spec.authors]
    lines.append("topics:")
    lines += [f"  - {t}" for t in spec.topics]
    lines.append("tags:")
    lines += [f"  - {_q(t)}" for t in spec.tags]
    if spec.lang != "id":
        lines.append(f"lang: {spec.lang}")
    if spec.image:
        lines += [f"image: {spec.image}", f"image_alt: {_q(spec.image_alt)}"]
    if spec.draft:
        lines.append("draft: true")
    if spec.pin:
        lines.append("pin: true")
    lines += _yaml_block(spec.extra, 0)
    lines.append("---")
    body = _resolve(spec.body, link=lambda folder, slug: f"../{folder}/{slug}.md",
                    img=lambda path: f"../{path}")
    return "\n".join(lines) + "\n\n" + body


def _yaml_block(data: dict[str, object], indent: int) -> list[str]:
    pad = " " * indent
    out = []
    for key, value in data.items():
        if isinstance(value, dict):
            out.append(f"{pad}{key}:")
            out += _yaml_block(value, indent + 2)
        elif isinstance(value, list):
            if not value:
                continue
            out.append(f"{pad}{key}:")
            out += [f"{pad}  - {_q(v)}" for v in value]
        elif isinstance(value, int):
            out.append(f"{pad}{key}: {value}")
        else:
            out.append(f"{pad}{key}: {_q(value)}")
    return out


_PLACEHOLDER = re.compile(r"\{(item|img):([^}]+)\}")


def _resolve(body: str, link, img) -> str:  # type: ignore[no-untyped-def]
    def sub(m: re.Match[str]) -> str:
        if m.group(1) == "item":
            folder, slug = m.group(2).split("/", 1)
            return str(link(folder, slug))
        return str(img(m.group(2)))
    return _PLACEHOLDER.sub(sub, body)


def _our_config() -> str:
    text = EXAMPLE_CONFIG.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^site_name:.*$", f"site_name: {LIBRARY}", text)
    text = re.sub(r"(?m)^site_url:.*$", f"site_url: {SITE_URL}", text)
    text = re.sub(r"(?m)^(\s+library_name:).*$", rf"\1 {LIBRARY}", text)
    text = re.sub(r"(?m)^docs_dir:.*$", "docs_dir: site_src", text)
    return text


def write_ours(corpus: Corpus, out: Path, pics: dict[str, bytes]) -> None:
    docs = out / "site_src"
    (out / "mkdocs.yml").write_text(_our_config(), encoding="utf-8")
    for rel, data in pics.items():
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_bytes(data)
    authors = []
    for n, (ident, name, role) in enumerate(corpus.authors):
        authors += [f"{ident}:", f"  name: {_q(name)}", f"  role: {_q(role)}",
                    f"  avatar: images/authors/avatar-{n % N_AVATARS}.png", ""]
    (docs / "authors.yml").write_text("\n".join(authors), encoding="utf-8")
    topics = []
    for ident, name in corpus.topics:
        topics += [f"{ident}:", f"  name: {_q(name)}",
                   f"  description: {_q(f'Tulisan pustakawan tentang {name.lower()}.')}", ""]
    (docs / "topics.yml").write_text("\n".join(topics), encoding="utf-8")
    (docs / "index.md").write_text(
        f"---\ntitle: Beranda\nsummary: Tutorial, resensi buku dan video dari {LIBRARY}.\n---\n\n"
        f"# Selamat datang di {LIBRARY}\n\n{_wrap(HOME_TEXT)}\n\n"
        "- [Tutorial](tutorials/index.md)\n- [Resensi buku](reviews/index.md)\n"
        "- [Video](videos/index.md)\n- [Tentang kami](tentang.md)\n", encoding="utf-8")
    (docs / "tentang.md").write_text(f"# Tentang kami\n\n{_wrap(HOME_TEXT)}\n",
                                     encoding="utf-8")
    for spec in corpus.specs:
        path = docs / FOLDER[spec.kind] / f"{spec.slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_item_markdown(spec), encoding="utf-8")


HOME_TEXT = ("Ruang belajar daring para pustakawan jaringan perpustakaan: cara mencari buku dan "
             "artikel jurnal, cara mengutip dengan benar, cara mengenali hoaks, dan buku apa yang "
             "layak dibaca akhir pekan ini.")


# -- writing: the peer (Material blog + tags + mkdocs-rss-plugin) ---------------------------

def peer_config() -> dict[str, object]:
    """The peer's mkdocs.yml: the same theme and Markdown extensions as ours, Material's
    search (its default), blog and tags plugins, and mkdocs-rss-plugin for the blog with
    dates from the front matter (no git)."""
    ours = yaml.safe_load(EXAMPLE_CONFIG.read_text(encoding="utf-8"))
    return {
        "site_name": LIBRARY,
        "site_url": SITE_URL,
        "site_description": ours.get("site_description", LIBRARY),
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": ours["theme"],
        "markdown_extensions": ours.get("markdown_extensions", []),
        "plugins": [
            "search",
            {"blog": {
                "blog_dir": "blog",
                "post_url_format": "{slug}",
                "pagination_per_page": 24,  # as many entries a page as our listings
                "authors_profiles": True,  # a page per author, like ours
                "categories_allowed": [name for _, name in TOPIC_NAMES[:N_TOPICS]],
            }},
            {"tags": {}},
            {"rss": {
                "match_path": "blog/posts/.*",
                "use_git": False,
                "date_from_meta": {"as_creation": "date.created",
                                   "as_update": "date.updated",
                                   "default_timezone": "Asia/Jakarta"},
                "categories": ["categories", "tags"],
                "length": 50,  # our feed_size
                "feed_title": LIBRARY,
                "image": None,
            }},
        ],
    }


def _peer_post(spec: Spec, topic_names: dict[str, str]) -> str:
    meta: dict[str, object] = {
        "title": spec.title,
        "description": spec.summary,
        "date": {"created": spec.date},
        "authors": spec.authors,
        "categories": [topic_names[t] for t in spec.topics],
        "tags": spec.tags,
        "slug": spec.slug,
    }
    if spec.updated:
        meta["date"] = {"created": spec.date, "updated": spec.updated}
    if spec.draft:
        meta["draft"] = True
    if spec.pin:
        meta["pin"] = True
    if spec.lang != "id":
        meta["lang"] = spec.lang  # kept as metadata; Material reads no per-page language
    if spec.image:
        meta["image"] = spec.image
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=False)
    body = _resolve(spec.body, link=lambda folder, slug: f"{slug}.md",
                    img=lambda path: f"../../{path}")
    # A blog author marks the excerpt: after the opening paragraph.
    first, _, rest = body.partition("\n\n")
    return f"---\n{front}---\n\n{first}\n\n<!-- more -->\n\n{rest}"


def write_peer(corpus: Corpus, out: Path, pics: dict[str, bytes]) -> None:
    docs = out / "docs"
    config = yaml.safe_dump(peer_config(), allow_unicode=True, sort_keys=False)
    (out / "mkdocs.yml").write_text(config.replace("image: null\n", ""), encoding="utf-8")
    for rel, data in pics.items():
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_bytes(data)
    blog = docs / "blog"
    (blog / "posts").mkdir(parents=True, exist_ok=True)
    authors = {ident: {"name": name, "description": role,
                       "avatar": f"../images/authors/avatar-{n % N_AVATARS}.png"}
               for n, (ident, name, role) in enumerate(corpus.authors)}
    (blog / ".authors.yml").write_text(yaml.safe_dump({"authors": authors}, allow_unicode=True,
                                                       sort_keys=False), encoding="utf-8")
    (blog / "index.md").write_text("# Blog\n", encoding="utf-8")
    (docs / "index.md").write_text(
        f"# Selamat datang di {LIBRARY}\n\n{_wrap(HOME_TEXT)}\n\n- [Blog](blog/index.md)\n"
        "- [Tag](tags.md)\n- [Tentang kami](tentang.md)\n", encoding="utf-8")
    (docs / "tentang.md").write_text(f"# Tentang kami\n\n{_wrap(HOME_TEXT)}\n",
                                     encoding="utf-8")
    (docs / "tags.md").write_text("# Tag\n\n<!-- material/tags -->\n", encoding="utf-8")
    names = dict(corpus.topics)
    for spec in corpus.specs:
        (blog / "posts" / f"{spec.slug}.md").write_text(_peer_post(spec, names),
                                                        encoding="utf-8")


# -- command -------------------------------------------------------------------------------

def generate(n: int, out: Path, seed: int = 1, peer: Path | None = None) -> Corpus:
    corpus = Corpus(n, seed)
    pics = pictures(seed)
    for target in (out, peer):
        if target is not None and target.exists():
            shutil.rmtree(target)
    out.mkdir(parents=True)
    write_ours(corpus, out, pics)
    if peer is not None:
        peer.mkdir(parents=True)
        write_peer(corpus, peer, pics)
    return corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of items")
    parser.add_argument("out", type=Path, help="the site repository to write (replaced)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--peer", type=Path, help="also write the peer's site here (replaced)")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("N must be at least 1")
    corpus = generate(args.n, args.out, args.seed, args.peer)
    kinds = {k: sum(1 for s in corpus.specs if s.kind == k) for k in FOLDER}
    print(f"{args.n} items ({', '.join(f'{v} {k}s' for k, v in kinds.items())}) in {args.out}"
          + (f"; peer in {args.peer}" if args.peer else ""), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

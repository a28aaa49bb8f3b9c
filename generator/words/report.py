"""The words of ``knowledge-site report``, in Indonesian and English."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "report.title": {
        "id": "Laporan konten per {today}",
        "en": "Content report for {today}",
    },
    "report.held": {
        "id": "Belum terbit: {drafts} draf, {scheduled} terjadwal",
        "en": "Not published yet: {drafts} draft(s), {scheduled} scheduled",
    },
    "report.goes_out": {
        "id": "terbit {when}",
        "en": "goes out {when}",
    },
    "report.overdue": {
        "id": "Perlu ditinjau ulang (tanggal review_by sudah tiba): {n}",
        "en": "Due for review (review_by date reached): {n}",
    },
    "report.overdue.line": {
        "id": "tinjau paling lambat {day} ({days} hari lalu)",
        "en": "review by {day} ({days} days ago)",
    },
    "report.overdue.today": {
        "id": "tinjau paling lambat hari ini",
        "en": "review by today",
    },
    "report.no_transcript": {
        "id": "Halaman video tanpa transkrip: {n}",
        "en": "Video pages without a transcript: {n}",
    },
    "report.no_image": {
        "id": "Tanpa gambar sampul (`image`, juga untuk pratinjau tautan): {n}",
        "en": "Without a cover picture (`image`, also the link preview): {n}",
    },
    "report.no_book_cover": {
        "id": "Resensi tanpa foto sampul buku (`book.cover`): {n}",
        "en": "Reviews without a picture of the book's cover (`book.cover`): {n}",
    },
    "report.links": {
        "id": "Tautan ke situs lain, untuk diperiksa satu per satu: {count} tautan di {n} tulisan",
        "en": "Links to other websites, for a person to check: {count} links in {n} items",
    },
    "report.line": {
        "id": "baris {line}",
        "en": "line {line}",
    },
    "report.moved": {
        "id": "Alamat lama yang dialihkan ke alamat baru: {n}",
        "en": "Old addresses that redirect to the new one: {n}",
    },
    "report.no_history": {
        "id": "Riwayat git tidak tersedia, jadi alamat lama tidak diketahui.",
        "en": "No git history here, so old addresses are not known.",
    },
    "report.none": {
        "id": "tidak ada",
        "en": "none",
    },
    "report.state.draft": {
        "id": "draf",
        "en": "draft",
    },
    "report.state.scheduled": {
        "id": "terjadwal",
        "en": "scheduled",
    },
}

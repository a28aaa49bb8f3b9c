"""Every word the reach report prints (``report reach``), in Indonesian and English. Same
shape as ``pages.WORDS``; a test checks both exist."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "reach.title": {"id": "Jangkauan {library}", "en": "Reach of {library}"},
    "reach.from": {
        "id": "Dari ekspor {tool} ({file}), {period}.",
        "en": "From a {tool} export ({file}), {period}.",
    },
    "reach.period": {"id": "{start} sampai {end}", "en": "{start} to {end}"},
    "reach.period_unknown": {"id": "periode tidak tercatat di ekspor",
                             "en": "the export does not say which period"},
    "reach.unit.visits": {"id": "kunjungan", "en": "visits"},
    "reach.unit.pageviews": {"id": "tayangan halaman", "en": "page views"},
    "reach.unit.visitors": {"id": "pengunjung", "en": "visitors"},
    "reach.totals": {
        "id": "{total} {unit} seluruhnya; {campaign} datang lewat tautan yang dibagikan "
              "({share}).",
        "en": "{total} {unit} in all; {campaign} came through shared links ({share}).",
    },
    "reach.best": {"id": "Jam terbaik untuk mengunggah", "en": "The best hours to post"},
    "reach.best.arrival": {
        "id": "Jam ketika paling banyak pembaca datang dari tautan media sosial, dihitung dari "
              "{visits} {unit} (waktu {zone}).",
        "en": "The hours in which most readers arrived from social media links, counted from "
              "{visits} {unit} ({zone} time).",
    },
    "reach.best.posted": {
        "id": "Jadwal unggah yang tautannya paling banyak mendatangkan pembaca, dihitung dari "
              "{visits} {unit}.",
        "en": "The posting slots whose links brought the most readers, counted from {visits} "
              "{unit}.",
    },
    "reach.best.none": {
        "id": "Belum ada kunjungan lewat tautan yang dibagikan, jadi belum ada jam terbaik.",
        "en": "No visit came through a shared link yet, so there are no best hours yet.",
    },
    "reach.best.use": {
        "id": "Agar paket berbagi menyarankan jam ini, tambahkan di mkdocs.yml di bawah "
              "`knowledge-site:` baris `slots_from_report: {path}`. Jam ini baru dipakai bila "
              "sudah dihitung dari sedikitnya {minimum} {unit} (`slots_min_visits`).",
        "en": "For the share kit to suggest these hours, add the line "
              "`slots_from_report: {path}` under `knowledge-site:` in mkdocs.yml. They are "
              "used once they were counted from at least {minimum} {unit} "
              "(`slots_min_visits`).",
    },
    "reach.source.linkinbio": {"id": "Tautan di bio", "en": "Link in bio"},
    "reach.source.qr": {"id": "Kode QR", "en": "QR code"},
    "reach.source.shortlink": {"id": "Tautan pendek dan kode QR", "en": "Short link and QR code"},
    "reach.hour": {"id": "Jam (waktu {zone})", "en": "Hour ({zone} time)"},
    "reach.platforms": {"id": "Per platform", "en": "By platform"},
    "reach.slots": {"id": "Per jadwal unggah", "en": "By posting slot"},
    "reach.slots.none": {
        "id": "Tautan di ekspor ini tidak membawa jadwal unggah (utm_content).",
        "en": "The links in this export carry no posting slot (utm_content).",
    },
    "reach.topics": {"id": "Per topik", "en": "By topic"},
    "reach.items": {"id": "Per tulisan", "en": "By item"},
    "reach.items.more": {"id": "Semua tulisan ada di {file}.", "en": "Every item is in {file}."},
    "reach.col.item": {"id": "Tulisan", "en": "Item"},
    "reach.col.visits": {"id": "Semua", "en": "All"},
    "reach.col.campaign": {"id": "Lewat tautan", "en": "Via links"},
    "reach.col.platform": {"id": "Platform", "en": "Platform"},
    "reach.col.slot": {"id": "Jadwal", "en": "Slot"},
    "reach.col.topic": {"id": "Topik", "en": "Topic"},
    "reach.no_one": {"id": "Dibagikan, belum ada yang datang",
                     "en": "Shared, no one came yet"},
    "reach.no_one.text": {
        "id": "Paket berbagi menyarankan unggahan untuk tulisan ini pada periode ini, tetapi "
              "tidak ada yang datang lewat tautannya. Coba judul, gambar, atau jam lain.",
        "en": "The share kit suggested posts for these items in this period, but no one came "
              "through their links. Try another title, picture or hour.",
    },
    "reach.never": {"id": "Belum pernah dibagikan", "en": "Never shared"},
    "reach.never.text": {
        "id": "Terbit sebelum periode ini dan tidak ada yang datang lewat tautan yang "
              "dibagikan: pengetahuan lama yang layak diunggah lagi.",
        "en": "Published before this period and no one came through a shared link: older "
              "knowledge worth a post.",
    },
    "reach.none_listed": {"id": "Tidak ada.", "en": "None."},
    "reach.chart_alt": {"id": "Diagram batang: {what}. Angkanya ada di tabel di bawahnya.",
                        "en": "Bar chart: {what}. The numbers are in the table below it."},
    "reach.files": {
        "id": "Berkas untuk lembar kerja: {files}.",
        "en": "Files for a spreadsheet: {files}.",
    },
    "reach.other_pages": {
        "id": "{count} {unit} ke halaman yang bukan tulisan (beranda, daftar, halaman lain).",
        "en": "{count} {unit} to pages that are not items (home, listings, other pages).",
    },
    "reach.written": {
        "id": "Laporan jangkauan ditulis di {path}: buka index.html di peramban.",
        "en": "The reach report is written in {path}: open index.html in a browser.",
    },
    "reach.learned": {
        "id": "Jadwal unggah mengikuti laporan jangkauan ({path}): {slots}.",
        "en": "Posting slots follow the reach report ({path}): {slots}.",
    },
    "reach.learn_wait": {
        "id": "Laporan jangkauan ({path}) baru menghitung {visits} dari {minimum} kunjungan "
              "yang diperlukan; paket berbagi tetap memakai jadwal unggah yang ada.",
        "en": "The reach report ({path}) counted {visits} of the {minimum} visits needed; the "
              "share kit keeps the posting slots it has.",
    },
}

"""Every word the generated pages add, in Indonesian and English (a test checks both exist).
Say them through ``translate.translator``."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "kind.tutorial": {"id": "Tutorial", "en": "Tutorial"},
    "kind.review": {"id": "Resensi buku", "en": "Book review"},
    "kind.video": {"id": "Video", "en": "Video"},
    "kinds.tutorial": {"id": "Tutorial", "en": "Tutorials"},
    "kinds.review": {"id": "Resensi Buku", "en": "Book Reviews"},
    "kinds.video": {"id": "Video", "en": "Videos"},
    "kinds.intro.tutorial": {
        "id": "Panduan langkah demi langkah dari pustakawan kami.",
        "en": "Step-by-step guides from our librarians.",
    },
    "kinds.intro.review": {
        "id": "Buku pilihan pustakawan, lengkap dengan letaknya di rak.",
        "en": "Books our librarians recommend, with where to find them on the shelf.",
    },
    "kinds.intro.video": {
        "id": "Video singkat dengan transkrip lengkap.",
        "en": "Short videos with full transcripts.",
    },
    "topics": {"id": "Topik", "en": "Topics"},
    "topics.intro": {
        "id": "Semua topik di perpustakaan ini.",
        "en": "Every topic in this library.",
    },
    "tags": {"id": "Tagar", "en": "Tags"},
    "by": {"id": "Oleh", "en": "By"},
    "published": {"id": "Terbit", "en": "Published"},
    "updated": {"id": "Diperbarui", "en": "Updated"},
    "level": {"id": "Tingkat", "en": "Level"},
    "level.beginner": {"id": "Pemula", "en": "Beginner"},
    "level.intermediate": {"id": "Menengah", "en": "Intermediate"},
    "level.advanced": {"id": "Mahir", "en": "Advanced"},
    "duration": {"id": "Durasi", "en": "Duration"},
    "minutes": {"id": "{n} menit", "en": "{n} min"},
    "objectives": {"id": "Yang akan Anda kuasai", "en": "What you will learn"},
    "prerequisites": {"id": "Yang perlu disiapkan", "en": "Before you start"},
    "book": {"id": "Tentang buku", "en": "About the book"},
    "book.title": {"id": "Judul", "en": "Title"},
    "book.authors": {"id": "Penulis", "en": "Author(s)"},
    "book.publisher": {"id": "Penerbit", "en": "Publisher"},
    "book.year": {"id": "Tahun", "en": "Year"},
    "book.pages": {"id": "Halaman", "en": "Pages"},
    "book.isbn": {"id": "ISBN", "en": "ISBN"},
    "book.call_number": {"id": "Nomor panggil", "en": "Call number"},
    "rating": {"id": "Nilai", "en": "Rating"},
    "rating.of": {"id": "{n} dari 5", "en": "{n} out of 5"},
    "catalog": {"id": "Cari di katalog kami", "en": "Find it in our catalogue"},
    "video.watch": {"id": "Tonton video di {host}", "en": "Watch the video on {host}"},
    "video.own": {"id": "Video", "en": "Video"},
    "video.duration": {"id": "Durasi video", "en": "Video length"},
    "transcript": {"id": "Transkrip", "en": "Transcript"},
    "license": {"id": "Lisensi", "en": "Licence"},
    "license.reuse": {
        "id": "Konten ini boleh dipakai ulang dengan lisensi",
        "en": "You may reuse this content under the licence",
    },
    "draft": {
        "id": "DRAF — belum terbit; hanya terlihat di pratinjau.",
        "en": "DRAFT — not published; visible in previews only.",
    },
    "moment": {"id": "{date} pukul {time} {zone}", "en": "{date} at {time} {zone}"},
    "scheduled": {
        "id": "TERJADWAL — terbit {date}; hanya terlihat di pratinjau.",
        "en": "SCHEDULED — publishes {date}; visible in previews only.",
    },
    "listing.empty": {"id": "Belum ada tulisan.", "en": "Nothing here yet."},
    "items.count": {"id": "{n} tulisan", "en": "{n} items"},
    "tags.intro": {"id": "Semua tagar yang dipakai pustakawan kami.",
                   "en": "Every tag our librarians use."},
    "tag.description": {"id": "Tulisan dengan tagar #{tag}.", "en": "Items tagged #{tag}."},
    "authors": {"id": "Pustakawan", "en": "Librarians"},
    "authors.intro": {"id": "Pustakawan yang menulis di sini.",
                      "en": "The librarians who write here."},
    "archive": {"id": "Arsip", "en": "Archive"},
    "archive.intro": {"id": "Semua tulisan menurut tahun terbit.",
                      "en": "Every item by year of publication."},
    "archive.year": {"id": "Terbit tahun {year}", "en": "Published in {year}"},
    "search": {"id": "Cari", "en": "Search"},
    "search.intro": {"id": "Cari tutorial, resensi buku dan video.",
                     "en": "Search tutorials, book reviews and videos."},
    "search.label": {"id": "Kata yang dicari", "en": "Words to search for"},
    "search.button": {"id": "Cari", "en": "Search"},
    "search.nojs": {
        "id": "Pencarian memerlukan JavaScript. Telusuri juga daftar topik dan arsip.",
        "en": "Search needs JavaScript. You can also browse the topics and the archive.",
    },
    "search.none": {"id": "Tidak ada hasil untuk kata itu.", "en": "No results for that."},
    "search.count": {"id": "{n} hasil", "en": "{n} results"},
    "pager": {"id": "Halaman", "en": "Pages"},
    "pager.prev": {"id": "Sebelumnya", "en": "Previous"},
    "pager.next": {"id": "Berikutnya", "en": "Next"},
    "pager.position": {"id": "Halaman {n} dari {count}", "en": "Page {n} of {count}"},
    "home": {"id": "Beranda", "en": "Home"},
    "breadcrumbs": {"id": "Jejak navigasi", "en": "Breadcrumbs"},
    "reading": {"id": "{n} menit membaca", "en": "{n} min read"},
    "cite": {"id": "Kutip tulisan ini", "en": "Cite this"},
    "cite.apa": {"id": "APA", "en": "APA"},
    "cite.bibtex": {"id": "BibTeX", "en": "BibTeX"},
    "ask": {"id": "Tanya pustakawan", "en": "Ask a librarian"},
    "ask.text": {
        "id": "Ada pertanyaan tentang tulisan ini? Pustakawan kami siap membantu.",
        "en": "A question about this? Our librarians are happy to help.",
    },
    "ask.message": {
        "id": "Halo Pustakawan, saya ingin bertanya tentang \"{title}\" ({url}):",
        "en": "Hello, I have a question about \"{title}\" ({url}):",
    },
    "ask.text.page": {
        "id": "Tidak ada pertanyaan yang terlalu kecil. Pustakawan kami siap membantu.",
        "en": "No question is too small. Our librarians are happy to help.",
    },
    "ask.message.page": {
        "id": "Halo Pustakawan, saya ingin bertanya ({url}):",
        "en": "Hello, I have a question ({url}):",
    },
    "ask.hours": {"id": "Jam layanan:", "en": "Opening hours:"},
    "ask.whatsapp": {"id": "Chat WhatsApp", "en": "WhatsApp chat"},
    "ask.email": {"id": "Kirim e-mail", "en": "Send an e-mail"},
    "ask.url": {"id": "Obrolan daring", "en": "Online chat"},
    "related": {"id": "Baca juga", "en": "Read next"},
    "translation": {"id": "Tersedia juga dalam bahasa lain", "en": "Also available in"},
    "language.id": {"id": "Bahasa Indonesia", "en": "Indonesian"},
    "language.en": {"id": "Bahasa Inggris", "en": "English"},
    "follow.kind": {"id": "Ikuti jenis tulisan ini", "en": "Follow this type"},
    "follow.topic": {"id": "Ikuti topik ini", "en": "Follow this topic"},
    "follow.author": {"id": "Ikuti pustakawan ini", "en": "Follow this librarian"},
    "follow.text": {
        "id": "Tulisan baru di \u201c{name}\u201d langsung masuk ke aplikasi pembaca RSS Anda "
              "(misalnya Feedly). Salin alamat ini ke aplikasinya:",
        "en": "New posts in \u201c{name}\u201d arrive in your feed reader (Feedly, for "
              "example). Copy this address into it:",
    },
    "follow.how": {"id": "Cara berlangganan, dan feed lainnya",
                   "en": "How to subscribe, and other feeds"},
    "home.pinned": {"id": "Pilihan pustakawan", "en": "Librarians' picks"},
    "home.newest": {"id": "Terbaru", "en": "Newest"},
    "home.topics": {"id": "Jelajahi topik", "en": "Browse by topic"},
    "home.kinds": {"id": "Jenis konten", "en": "What we publish"},
    "home.all": {"id": "Lihat semua", "en": "See all"},
    "home.more": {"id": "Arsip, pustakawan dan tagar", "en": "Archive, librarians and tags"},
    "notfound.title": {"id": "Halaman tidak ditemukan", "en": "Page not found"},
    "notfound.text": {
        "id": "Alamat ini tidak ada atau sudah dipindahkan. Coba cari, atau pilih topik:",
        "en": "This address does not exist or has moved. Try searching, or pick a topic:",
    },
    "footnote.back": {"id": "Kembali ke rujukan catatan kaki {} di teks",
                      "en": "Jump back to footnote {} in the text"},
    "retired.kind": {"id": "Halaman diturunkan", "en": "Page retired"},
    "retired.note": {
        "id": "Halaman ini sudah diturunkan oleh pustakawan kami dan isinya tidak lagi tersedia.",
        "en": "This page was retired by our librarians and its content is no longer available.",
    },
    "retired.more": {"id": "Tulisan lain tentang topik yang sama:",
                     "en": "More on the same topics:"},
    "retired.home": {"id": "Kembali ke beranda", "en": "Back to the home page"},
    # What the visit counter counts (the ``analytics`` setting): the subscribe and about pages.
    "counted.heading": {"id": "Yang dihitung situs ini", "en": "What this site counts"},
    "counted.text": {
        "id": "Situs ini menghitung kunjungan dengan {tool} ({host}): halaman yang dibuka, "
              "situs atau tautan asal (termasuk kampanye media sosial kami), jenis peramban "
              "dan perangkat, serta negara. Tidak ada cookie yang dipasang, dan tidak ada yang "
              "dihitung bila peramban Anda meminta untuk tidak dilacak (Do Not Track atau "
              "Global Privacy Control).",
        "en": "This site counts visits with {tool} ({host}): the page opened, the site or link "
              "you came from (including our social media campaigns), the kind of browser and "
              "device, and the country. No cookie is set, and nothing is counted when your "
              "browser asks not to be tracked (Do Not Track or Global Privacy Control).",
    },
    "counted.feeds": {
        "id": "Membaca lewat feed tidak dihitung: pembaca feed Anda tidak memuat penghitungnya.",
        "en": "Reading through a feed is not counted: your feed reader does not load the "
              "counter.",
    },
}

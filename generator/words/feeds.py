"""Every word the feeds, the OPML file, the feed stylesheet and the subscribe page add.

Same shape as ``strings.STRINGS`` (key -> {"id": ..., "en": ...}); every key starts with
``feeds.`` so the two tables can be merged without a clash (a test checks both).
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    # Feed titles and descriptions (channel <title>/<description>, Atom <title>/<subtitle>).
    "feeds.title.site": {"id": "{site}", "en": "{site}"},
    "feeds.title.kind": {"id": "{kind} — {site}", "en": "{kind} — {site}"},
    "feeds.title.topic": {"id": "Topik {topic} — {site}", "en": "Topic {topic} — {site}"},
    "feeds.title.author": {"id": "Tulisan {author} — {site}", "en": "By {author} — {site}"},
    "feeds.description.site": {
        "id": "Tutorial, resensi buku dan video terbaru dari {library}.",
        "en": "The newest tutorials, book reviews and videos from {library}.",
    },
    "feeds.description.author": {
        "id": "Tulisan terbaru {author} ({role}) di {library}.",
        "en": "The newest items by {author} ({role}) at {library}.",
    },
    "feeds.format_title": {"id": "{title} ({format})", "en": "{title} ({format})"},
    "feeds.rights": {
        "id": "{library}. Isi berlisensi {license} ({url}), kecuali bila tulisan menyebut lain.",
        "en": "{library}. Content licensed {license} ({url}) unless an item says otherwise.",
    },
    # Inside entries.
    "feeds.read_more": {
        "id": "Baca selengkapnya di {site}",
        "en": "Read the whole article on {site}",
    },
    "feeds.embedded": {"id": "Buka konten tersemat", "en": "Open the embedded content"},
    "feeds.video.watch": {
        "id": "Tonton video “{title}” di {host}",
        "en": "Watch the video “{title}” on {host}",
    },
    "feeds.video.play": {"id": "Tonton video “{title}”", "en": "Watch the video “{title}”"},
    "feeds.captions": {
        "id": "Berkas teks video (WebVTT, {language})",
        "en": "Captions file (WebVTT, {language})",
    },
    "feeds.transcript.more": {
        "id": "Baca transkrip lengkap di {site}",
        "en": "Read the whole transcript on {site}",
    },
    # The subscribe page.
    "feeds.subscribe": {"id": "Berlangganan", "en": "Subscribe"},
    "feeds.subscribe.description": {
        "id": "Ikuti tulisan baru lewat RSS, Atom atau JSON Feed: untuk seluruh situs, "
              "per jenis, per topik atau per pustakawan.",
        "en": "Follow new items with RSS, Atom or JSON Feed: for the whole site, by type, "
              "by topic or by librarian.",
    },
    "feeds.subscribe.intro": {
        "id": "Feed adalah alamat yang dibaca oleh aplikasi pembaca feed (misalnya Feedly, "
              "Inoreader, NetNewsWire atau Thunderbird) dan oleh alat otomatisasi: setiap kali "
              "kami menerbitkan tulisan baru, tulisan itu muncul di aplikasi Anda tanpa perlu "
              "membuka situs ini, tanpa akun dan tanpa e-mail. Pilih feed di bawah, salin "
              "alamatnya, lalu tempelkan ke aplikasi Anda. RSS dan Atom berisi hal yang sama; "
              "pakai yang didukung aplikasi Anda.",
        "en": "A feed is an address that feed readers (such as Feedly, Inoreader, NetNewsWire "
              "or Thunderbird) and automation tools check for you: whenever we publish "
              "something new, it shows up in your reader without visiting this site, without "
              "an account and without e-mail. Pick a feed below, copy its address and paste it "
              "into your reader. RSS and Atom carry the same entries; use whichever your "
              "reader supports.",
    },
    "feeds.section.site": {"id": "Seluruh situs", "en": "The whole site"},
    "feeds.section.kind": {"id": "Per jenis", "en": "By type"},
    "feeds.section.topic": {"id": "Per topik", "en": "By topic"},
    "feeds.section.author": {"id": "Per pustakawan", "en": "By librarian"},
    "feeds.everything": {"id": "Semua tulisan", "en": "Everything"},
    "feeds.copy": {"id": "Salin", "en": "Copy"},
    "feeds.copy_label": {
        "id": "Salin alamat {format} untuk {name}",
        "en": "Copy the {format} address for {name}",
    },
    "feeds.copied": {"id": "Alamat feed sudah disalin.", "en": "Feed address copied."},
    "feeds.address": {"id": "Alamat {format}", "en": "{format} address"},
    "feeds.opml": {
        "id": "Semua feed dalam satu berkas (OPML)",
        "en": "All feeds in one file (OPML)",
    },
    "feeds.opml.help": {
        "id": "untuk diimpor sekaligus ke aplikasi pembaca feed.",
        "en": "to import into a feed reader in one go.",
    },
    "feeds.opml.title": {"id": "Semua feed {site}", "en": "All feeds of {site}"},
    # The stylesheet that makes a feed opened in a browser read as a page.
    "feeds.xsl.badge": {"id": "Feed", "en": "Feed"},
    "feeds.xsl.explain": {
        "id": "Ini adalah feed: halaman untuk aplikasi pembaca feed, bukan untuk dibaca "
              "langsung. Salin alamat di bawah ini ke aplikasi pembaca feed Anda untuk "
              "mendapat tulisan baru secara otomatis.",
        "en": "This is a feed: a page for feed readers rather than for reading directly. "
              "Copy the address below into your feed reader to get new items automatically.",
    },
    "feeds.xsl.address": {"id": "Alamat feed", "en": "Feed address"},
    "feeds.xsl.more": {
        "id": "Apa itu feed, dan feed lainnya",
        "en": "What feeds are, and more feeds",
    },
    "feeds.xsl.visit": {"id": "Buka halaman di situs", "en": "Open the page on the site"},
    "feeds.xsl.latest": {"id": "Tulisan terbaru", "en": "Newest items"},
}

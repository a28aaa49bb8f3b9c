"""Every word the social-media pieces add (share kit, share buttons, link-in-bio, short links),
in Indonesian and English. Same shape as ``pages.WORDS``; a test checks both exist."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    # Ready-to-paste posts.
    "post.read_more": {"id": "Baca selengkapnya:", "en": "Read more:"},
    "post.watch": {"id": "Tonton dan baca transkripnya:", "en": "Watch and read the transcript:"},
    "post.link_in_bio": {"id": "Tautan ada di bio kami.", "en": "Link in bio."},
    "post.video_page": {
        "id": "Transkrip lengkap dan bahan bacaan:",
        "en": "Full transcript and further reading:",
    },
    # Share buttons on item pages.
    "share.heading": {"id": "Bagikan", "en": "Share"},
    "share.whatsapp": {"id": "WhatsApp", "en": "WhatsApp"},
    "share.facebook": {"id": "Facebook", "en": "Facebook"},
    "share.x": {"id": "X", "en": "X"},
    "share.telegram": {"id": "Telegram", "en": "Telegram"},
    "share.email": {"id": "Surel", "en": "E-mail"},
    "share.copy": {"id": "Salin tautan", "en": "Copy link"},
    "share.copied": {"id": "Tautan disalin", "en": "Link copied"},
    "share.native": {"id": "Bagikan lewat…", "en": "Share via…"},
    # The staff page /share/.
    "kit.title": {"id": "Paket berbagi", "en": "Share kit"},
    "kit.intro": {
        "id": "Halaman staf: unggahan siap tempel untuk tulisan yang baru terbit, dengan tautan "
              "berpelacak dan jadwal saran. Ketuk judul untuk membuka unggahannya. Halaman ini "
              "tidak muncul di pencarian, peta situs, atau umpan.",
        "en": "Staff page: ready-to-paste posts for newly published items, with tracked links "
              "and suggested times. Tap a title to open its posts. This page is left out of "
              "search, the sitemap and the feeds.",
    },
    "kit.window.upcoming": {
        "id": "Hanya jadwal yang belum lewat saat situs terakhir dibangun (pengaturan "
              "share_kit_days_back: 0).",
        "en": "Only times still to come when the site was last built (setting "
              "share_kit_days_back: 0).",
    },
    "kit.window.days": {
        "id": "Jadwal yang belum lewat saat situs terakhir dibangun, dan yang lewat dalam {n} "
              "hari sebelumnya.",
        "en": "Times still to come when the site was last built, and those of the {n} days "
              "before.",
    },
    "kit.coming": {"id": "Akan datang", "en": "Coming up"},
    "kit.earlier": {"id": "Sudah lewat ({n} hari terakhir)", "en": "Earlier (last {n} days)"},
    "kit.now": {"id": "unggah sekarang", "en": "post now"},
    "kit.open": {"id": "Buka tulisan", "en": "Open the item"},
    "kit.files": {"id": "Unduh semuanya", "en": "Download everything"},
    "kit.csv": {"id": "Tabel (CSV)", "en": "Spreadsheet (CSV)"},
    "kit.json": {"id": "Data (JSON)", "en": "Data (JSON)"},
    "kit.ics": {"id": "Kalender (iCalendar)", "en": "Calendar (iCalendar)"},
    "kit.csv_note": {
        "id": "Di CSV, sel yang diawali = + - @ diberi tanda ' di depannya agar spreadsheet "
              "tidak menjalankannya sebagai rumus.",
        "en": "In the CSV, cells starting with = + - @ get a leading ' so spreadsheets never run "
              "them as formulas.",
    },
    "kit.copy": {"id": "Salin", "en": "Copy"},
    "kit.copied": {"id": "Tersalin", "en": "Copied"},
    "kit.preview": {"id": "Gambar pratinjau", "en": "Preview picture"},
    "kit.short": {"id": "Tautan pendek", "en": "Short link"},
    "kit.qr": {"id": "Kode QR", "en": "QR code"},
    "kit.more": {
        "id": "{n} tulisan lainnya ada di berkas unduhan di atas.",
        "en": "{n} more items are in the downloads above.",
    },
    "kit.empty": {
        "id": "Tidak ada unggahan yang menunggu. Tulisan baru muncul di sini begitu terbit.",
        "en": "No posts are waiting. New items appear here as soon as they are published.",
    },
    "kit.calendar": {"id": "Jadwal unggahan {library}", "en": "{library} posting schedule"},
    # Platforms (names are the same in both languages; kept here so pages say them one way).
    "platform.x": {"id": "X", "en": "X"},
    "platform.facebook": {"id": "Facebook", "en": "Facebook"},
    "platform.instagram": {"id": "Instagram", "en": "Instagram"},
    "platform.whatsapp": {"id": "WhatsApp", "en": "WhatsApp"},
    "platform.telegram": {"id": "Telegram", "en": "Telegram"},
    "platform.youtube": {"id": "YouTube", "en": "YouTube"},
    "platform.tiktok": {"id": "TikTok", "en": "TikTok"},
    "platform.email": {"id": "Surel", "en": "E-mail"},
    # The link-in-bio page /links/.
    "links.title": {"id": "Tautan", "en": "Links"},
    "links.intro": {"id": "Bacaan terbaru dari {library}.", "en": "The latest from {library}."},
    "links.pinned": {"id": "Pilihan", "en": "Featured"},
    "links.all": {"id": "Lihat semua tulisan", "en": "See everything"},
    "links.follow": {"id": "Ikuti kami", "en": "Follow us"},
    "links.ask": {"id": "Tanya pustakawan", "en": "Ask a librarian"},
    "links.empty": {"id": "Belum ada tulisan.", "en": "Nothing here yet."},
    # The subscribe page /subscribe/ and a feed opened in a browser (assets/feed.xsl).
    "subscribe.jump": {"id": "Lompat ke", "en": "Jump to"},
    "subscribe.other_formats": {"id": "Format lain", "en": "Other formats"},
    "subscribe.copied": {"id": "Tersalin", "en": "Copied"},
    "subscribe.how": {"id": "Cara berlangganan feed ini", "en": "How to subscribe to this feed"},
    "subscribe.read_on_site": {
        "id": "Baca tulisannya di situs",
        "en": "Read the items on the site",
    },
    # Short-link and other redirect pages.
    "redirect.title": {"id": "Dialihkan: {title}", "en": "Redirecting: {title}"},
    "redirect.text": {"id": "Halaman ini ada di:", "en": "This page is at:"},
}

"""What ``knowledge-site import`` says, in Indonesian and English, and the words it writes into
a library's files (a new author's role, a new topic's description) in the site's language."""

from __future__ import annotations

SAYINGS: dict[str, dict[str, str]] = {
    # -- the source as a whole: the import stops, nothing is written ---------------------
    "import.missing": {
        "id": "Sumber {source} tidak ditemukan. Periksa nama dan letak berkasnya.",
        "en": "The source {source} was not found. Check the file's name and folder.",
    },
    "import.unreadable": {
        "id": "Sumber {source} tidak bisa dibaca ({why}). Periksa izin berkasnya, atau salin "
              "ke folder lain lalu coba lagi.",
        "en": "The source {source} cannot be read ({why}). Check the file's permissions, or "
              "copy it to another folder and try again.",
    },
    "import.url_failed": {
        "id": "Alamat {source} tidak bisa diambil ({why}). Periksa alamatnya dan koneksi "
              "internet, atau unduh berkasnya lalu impor dari berkas itu.",
        "en": "The address {source} could not be fetched ({why}). Check the address and the "
              "connection, or download the file and import from it.",
    },
    "import.unknown_format": {
        "id": "Bentuk {source} tidak dikenali: bukan ekspor WordPress (WXR), ekspor Blogger, "
              "RSS, maupun Atom. Sebutkan bentuknya dengan --from wxr|blogger|feed, atau "
              "periksa bahwa berkas ini memang hasil ekspor.",
        "en": "{source} is not a format the import knows: not a WordPress export (WXR), a "
              "Blogger export, RSS or Atom. Name its format with --from wxr|blogger|feed, or "
              "check that the file is an export.",
    },
    "import.folder_unknown": {
        "id": "Folder {source} bukan situs Jekyll (tidak ada _posts/ atau _config.yml) maupun "
              "Hugo (tidak ada content/ dengan hugo.toml atau config.toml). Tunjuk folder "
              "situsnya, atau sebutkan --from jekyll|hugo.",
        "en": "The folder {source} is neither a Jekyll site (no _posts/ or _config.yml) nor a "
              "Hugo site (no content/ with hugo.toml or config.toml). Point at the site's "
              "folder, or say --from jekyll|hugo.",
    },
    "import.needs_folder": {
        "id": "Impor {format} membaca sebuah folder situs, bukan berkas: tunjuk folder "
              "situsnya, bukan {source}.",
        "en": "A {format} import reads a site's folder, not a file: point at the site's "
              "folder instead of {source}.",
    },
    "import.malformed": {
        "id": "{source} rusak di baris {line}: {why}. Ekspor ulang dari situs lama (berkas "
              "mungkin terpotong saat diunduh), lalu coba lagi.",
        "en": "{source} is broken at line {line}: {why}. Export it again from the old site "
              "(the download may have been cut off), then try again.",
    },
    "import.no_posts": {
        "id": "Tidak ada tulisan di {source}: hanya halaman, lampiran atau pengaturan. "
              "Periksa bahwa ekspornya memuat tulisan (WordPress: Alat → Ekspor → Semua isi).",
        "en": "There are no posts in {source}: only pages, attachments or settings. Check that "
              "the export holds the posts (WordPress: Tools → Export → All content).",
    },
    "import.mapping_bad": {
        "id": "Berkas pemetaan {path} tidak bisa dipakai ({why}). Bagiannya: kinds, posts, "
              "authors, topics; jenis: tutorial, review atau video (lihat docs/importing.md).",
        "en": "The mapping file {path} cannot be used ({why}). Its sections: kinds, posts, "
              "authors, topics; types: tutorial, review or video (see docs/importing.md).",
    },
    "import.registry_broken": {
        "id": "{path} berisi galat, jadi impor tidak menambahkan apa pun ke dalamnya. Jalankan "
              "`knowledge-site check`, perbaiki berkas itu, lalu impor lagi.",
        "en": "{path} has errors, so the import adds nothing to it. Run `knowledge-site "
              "check`, fix that file, then import again.",
    },
    "import.no_settings": {
        "id": "Impor dibatalkan: pengaturan situs (mkdocs.yml) perlu diperbaiki dulu (lihat "
              "di atas).",
        "en": "Import stopped: the site's settings (mkdocs.yml) need fixing first (see above).",
    },
    # -- notes: the import goes on ------------------------------------------------------
    "import.not_utf8": {
        "id": "Catatan: {source} bukan UTF-8; dibaca sebagai {encoding}. Periksa huruf "
              "beraksen dan tanda kutip di tulisan hasil impor.",
        "en": "Note: {source} is not UTF-8; read as {encoding}. Check accented letters and "
              "quotes in the imported posts.",
    },
    "import.front_matter": {
        "id": "Catatan: front matter {source} rusak ({why}); tulisan diimpor tanpa datanya. "
              "Lengkapi judul, tanggal dan kategorinya.",
        "en": "Note: the front matter of {source} is broken ({why}); the post was imported "
              "without it. Fill in its title, date and categories.",
    },
    "import.post.lost": {
        "id": "{path} ({where}): tidak ikut terbawa: {what}. Tambahkan sendiri bila perlu.",
        "en": "{path} ({where}): not brought along: {what}. Add them by hand if needed.",
    },
    "import.what.comments": {
        "id": "{count} komentar",
        "en": "{count} comment(s)",
    },
    "import.what.fields": {
        "id": "kolom khusus ({names})",
        "en": "custom fields ({names})",
    },
    "import.post.review_incomplete": {
        "id": "{path} ({where}) tampak seperti resensi buku, tetapi penulis buku atau nilainya "
              "tidak ditemukan; diimpor sebagai tutorial. Untuk menjadikannya resensi, "
              "pindahkan ke reviews/ dan isi book (title, authors) serta rating.",
        "en": "{path} ({where}) looks like a book review, but the book's author or its rating "
              "was not found; imported as a tutorial. To make it a review, move it to "
              "reviews/ and fill in book (title, authors) and rating.",
    },
    "import.post.no_alt": {
        "id": "{path}: {count} gambar tanpa deskripsi (teks alternatif). Tulis di dalam "
              "kurung siku ![…] apa yang tampak pada gambar.",
        "en": "{path}: {count} picture(s) without a description (alternative text). Write "
              "what the picture shows between the brackets ![…].",
    },
    "import.post.picture_failed": {
        "id": "{where}: gambar {url} tidak bisa diambil ({why}); tulisan tetap menautnya di "
              "situs lama. Unduh sendiri ke site_src/images/ bila masih ada.",
        "en": "{where}: the picture {url} could not be fetched ({why}); the post still links "
              "to it on the old site. Download it into site_src/images/ if it still exists.",
    },
    "import.post.untitled": {
        "id": "{where} tidak berjudul; diberi judul \"{title}\". Ganti dengan judul yang "
              "tepat.",
        "en": "{where} has no title; it was given \"{title}\". Replace it with a fitting one.",
    },
    "import.post.no_date": {
        "id": "{where} (\"{title}\") tidak bertanggal; diberi tanggal impor. Isi tanggal "
              "terbit aslinya.",
        "en": "{where} (\"{title}\") has no date; it was given the import's date. Fill in the "
              "date it was first published.",
    },
    "import.post.edited": {
        "id": "{path} sudah diubah pustakawan sejak impor sebelumnya; dibiarkan seperti "
              "adanya ({where}).",
        "en": "{path} was edited by a librarian since the previous import; kept as it is "
              "({where}).",
    },
    "import.post.gone": {
        "id": "{path} sudah dihapus atau dipindah sejak impor sebelumnya; tidak dibuat lagi "
              "({where}). Hapus barisnya dari .import-ledger.json untuk mengimpornya lagi.",
        "en": "{path} was deleted or moved since the previous import; not written again "
              "({where}). Remove its entry from .import-ledger.json to import it again.",
    },
    "import.post.kind_kept": {
        "id": "{path}: jenis tulisan ini kini ditentukan lain, tetapi berkasnya dibiarkan di "
              "foldernya ({where}). Pindahkan sendiri bila perlu.",
        "en": "{path}: this post's type would now be decided otherwise, but its file stays in "
              "its folder ({where}). Move it by hand if needed.",
    },
    # -- the summary ------------------------------------------------------------------
    "import.summary": {
        "id": "Impor {format}: {posts} tulisan — {new} baru, {updated} diperbarui, {unchanged} "
              "tidak berubah, {kept} dibiarkan (diubah atau dihapus pustakawan); {skipped} "
              "entri lain (halaman, lampiran, komentar, pengaturan) dilewati.",
        "en": "{format} import: {posts} posts — {new} new, {updated} updated, {unchanged} "
              "unchanged, {kept} kept (edited or deleted by a librarian); {skipped} other "
              "entries (pages, attachments, comments, settings) skipped.",
    },
    "import.pictures": {
        "id": "Gambar: {copied} disalin ke site_src/images/imported/, {failed} tidak bisa "
              "diambil.",
        "en": "Pictures: {copied} copied into site_src/images/imported/, {failed} could not "
              "be fetched.",
    },
    "import.registries": {
        "id": "Ditambahkan ke authors.yml: {authors}; ke topics.yml: {topics}.",
        "en": "Added to authors.yml: {authors}; to topics.yml: {topics}.",
    },
    "import.addresses": {
        "id": "Alamat lama: {aliases} tetap berlaku di situs ini (aliases); {redirects} ada di "
              "host lain — daftar pengalihannya di {folder} (lihat docs/importing.md).",
        "en": "Old addresses: {aliases} keep working on this site (aliases); {redirects} are "
              "on another host — their redirect lists are in {folder} (see "
              "docs/importing.md).",
    },
    "import.next": {
        "id": "Berikutnya: `knowledge-site check`, lalu `knowledge-site build`.",
        "en": "Next: `knowledge-site check`, then `knowledge-site build`.",
    },
    "import.none": {
        "id": "tidak ada",
        "en": "none",
    },
    # -- words written into the library's files, in the site's language -------------------
    "import.word.author_role": {
        "id": "Penulis blog lama",
        "en": "Author of the former blog",
    },
    "import.word.team_id": {
        "id": "tim-perpustakaan",
        "en": "library-team",
    },
    "import.word.team_name": {
        "id": "Tim Perpustakaan",
        "en": "Library team",
    },
    "import.word.topic_description": {
        "id": "Tulisan dari kategori \u201c{name}\u201d di blog lama.",
        "en": "Posts of the category \u201c{name}\u201d on the former blog.",
    },
    "import.word.archive_id": {
        "id": "arsip-blog",
        "en": "blog-archive",
    },
    "import.word.archive_name": {
        "id": "Arsip blog",
        "en": "Blog archive",
    },
    "import.word.archive_description": {
        "id": "Tulisan dari blog lama yang belum berkategori.",
        "en": "Posts from the former blog without a category.",
    },
}

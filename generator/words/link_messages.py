"""Messages about what a text points at: links, pictures and files of the site, pictures on
other hosts, footnotes, renamed or moved files, and tracking parameters in addresses."""

from __future__ import annotations

LINK_MESSAGES: dict[str, dict[str, str]] = {
    "image.body_alt": {
        "id": "gambar `{value}` di teks belum punya keterangan untuk pembaca tunanetra. Tulis "
              "isinya di antara kurung siku: `![Halaman depan OPAC dengan kotak pencarian]"
              "({value})`.",
        "en": "the picture `{value}` in the text has no description for blind readers. Write "
              "what it shows between the square brackets: `![The OPAC's front page with its "
              "search box]({value})`.",
    },
    "image.alt_missing": {
        "id": "gambar perlu teks alternatif untuk pembaca tunanetra. Tambahkan kolom alt "
              "(`image_alt:` atau `cover_alt:`) yang menjelaskan isi gambar.",
        "en": "the picture needs alternative text for blind readers. Add the alt field "
              "(`image_alt:` or `cover_alt:`) describing what the picture shows.",
    },
    "asset.missing": {
        "id": "berkas `{value}` tidak ditemukan. Periksa nama dan foldernya (huruf besar/kecil "
              "berpengaruh), relatif terhadap berkas ini atau terhadap folder konten.",
        "en": "the file `{value}` was not found. Check its name and folder (upper/lower case "
              "matters), relative to this file or to the content folder.",
    },
    "asset.missing_suggest": {
        "id": "berkas `{value}` tidak ditemukan. Maksud Anda {suggestion}? (Huruf besar/kecil "
              "berpengaruh.)",
        "en": "the file `{value}` was not found. Did you mean {suggestion}? (Upper/lower case "
              "matters.)",
    },
    "value.tracking": {
        "id": "alamat `{value}` membawa parameter pelacak (dari tombol bagikan). Situs "
              "memakainya tanpa parameter itu: `{new}`. Jalankan `knowledge-site fix` atau "
              "tulis alamat itu di sini.",
        "en": "the address `{value}` carries tracking parameters (from a share button). The site "
              "uses it without them: `{new}`. Run `knowledge-site fix` or write that address "
              "here.",
    },
    "asset.moved": {
        "id": "berkas `{value}` sudah diganti nama atau dipindah menjadi `{new}`. Situs tetap "
              "memakai berkas itu; tulis `{new}` di sini, atau jalankan `knowledge-site fix` "
              "yang menggantinya untuk Anda.",
        "en": "the file `{value}` was renamed or moved to `{new}`. The site uses it meanwhile; "
              "write `{new}` here, or run `knowledge-site fix`, which does it for you.",
    },
    "asset.outside": {
        "id": "`{value}` menunjuk ke luar folder konten. Simpan berkasnya di dalam folder "
              "konten, misalnya di `images/`.",
        "en": "`{value}` points outside the content folder. Keep the file inside the content "
              "folder, e.g. in `images/`.",
    },
    "asset.url": {
        "id": "`{value}` adalah alamat di situs lain. Unduh berkasnya ke folder `images/` dan "
              "tulis jalurnya, agar halaman tidak memuat dari situs lain.",
        "en": "`{value}` is on another website. Download the file into `images/` and write its "
              "path, so pages load nothing from other sites.",
    },
    "asset.type": {
        "id": "`{value}` bukan jenis berkas yang tepat di sini. Gunakan: {types}.",
        "en": "`{value}` is not the right kind of file here. Use: {types}.",
    },
    "image.remote": {
        "id": "gambar `{value}` ada di situs lain ({host}); peramban pembaca tidak akan "
              "menampilkannya karena situs ini hanya memuat gambar dari dirinya sendiri. "
              "Jalankan `knowledge-site localize-images` untuk menyalinnya ke `images/`, atau "
              "bila perpustakaan mempercayai situs itu, tambahkan `{host}` ke `image_hosts` di "
              "mkdocs.yml.",
        "en": "the picture `{value}` is on another site ({host}); readers' browsers will not "
              "show it, because this site only loads pictures from itself. Run "
              "`knowledge-site localize-images` to copy it into `images/`, or, if the library "
              "trusts that site, add `{host}` to `image_hosts` in mkdocs.yml.",
    },
    "footnote.missing": {
        "id": "catatan kaki `{value}` dirujuk di sini tetapi tidak ditulis. Tambahkan "
              "baris `{value}: isi catatan` di bawah tulisan, atau hapus rujukannya.",
        "en": "the footnote `{value}` is referred to here but never written. Add a line "
              "`{value}: the note` below the text, or remove the reference.",
    },
    "link.broken": {
        "id": "tautan ke `{value}` tidak menunjuk ke berkas mana pun. Periksa jalurnya.",
        "en": "the link to `{value}` points to no file. Check the path.",
    },
    "link.broken_item": {
        "id": "tautan ke `{value}` tidak menunjuk ke tulisan mana pun. Periksa nama berkasnya, "
              "misalnya `../tutorials/nama-berkas.md`.",
        "en": "the link to `{value}` points to no item. Check the file name, e.g. "
              "`../tutorials/file-name.md`.",
    },
    "link.moved": {
        "id": "tautan ke `{value}`: berkas itu sudah diganti nama atau dipindah menjadi "
              "`{new}`. Tautan tetap berfungsi; tulis `{new}` di sini, atau jalankan "
              "`knowledge-site fix` yang menggantinya untuk Anda.",
        "en": "the link to `{value}`: that file was renamed or moved to `{new}`. The link "
              "still works; write `{new}` here, or run `knowledge-site fix`, which does it "
              "for you.",
    },
    "link.old_address": {
        "id": "tautan ke `{value}` memakai alamat lama dari {other}. Tautan tetap berfungsi "
              "(dialihkan), tetapi lebih baik tulis `{new}`, atau jalankan "
              "`knowledge-site fix` yang menggantinya untuk Anda.",
        "en": "the link to `{value}` uses an old address of {other}. It still works (it "
              "redirects), but better write `{new}`, or run `knowledge-site fix`, which "
              "does it for you.",
    },
    "link.broken_suggest": {
        "id": "tautan ke `{value}` tidak menunjuk ke berkas mana pun. Maksud Anda {suggestion}? "
              "(Huruf besar/kecil berpengaruh.)",
        "en": "the link to `{value}` points to no file. Did you mean {suggestion}? (Upper/lower "
              "case matters.)",
    },
    "link.broken_item_suggest": {
        "id": "tautan ke `{value}` tidak menunjuk ke tulisan mana pun. Maksud Anda {suggestion}?",
        "en": "the link to `{value}` points to no item. Did you mean {suggestion}?",
    },
    "link.tracking": {
        "id": "alamat `{value}` membawa parameter pelacak (dari tombol bagikan). Situs "
              "menampilkannya tanpa parameter itu: `{new}`. Jalankan `knowledge-site fix` atau "
              "tulis alamat itu di sini.",
        "en": "the address `{value}` carries tracking parameters (from a share button). The site "
              "shows it without them: `{new}`. Run `knowledge-site fix` or write that address "
              "here.",
    },
    "link.unpublished": {
        "id": "tautan ini menuju {other}, yang belum terbit (draf atau terjadwal). Pembaca akan "
              "menemui halaman kosong sampai tulisan itu terbit.",
        "en": "this link goes to {other}, which is not published yet (draft or scheduled). "
              "Readers will hit a missing page until it is.",
    },
}

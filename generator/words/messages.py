"""Every message `check` can print, in Indonesian and English.

Each says what is wrong and what to write instead, in words a librarian uses.
Parameters in braces come from the Diagnostic; a test makes sure both languages
exist for every code and use the same parameters.
"""

from __future__ import annotations

import string

from .translate import pick

MESSAGES: dict[str, dict[str, str]] = {
    # -- files -------------------------------------------------------------------------
    "file.empty": {
        "id": "berkas ini kosong. Isi dengan front matter (diapit baris ---) dan isi tulisan, "
              "atau buat ulang dengan `knowledge-site new`.",
        "en": "this file is empty. Fill it with front matter (between --- lines) and the text, "
              "or create it again with `knowledge-site new`.",
    },
    "file.encoding": {
        "id": "berkas ini bukan UTF-8 (ada huruf yang tidak terbaca di baris ini). Simpan ulang "
              "berkas sebagai UTF-8 di editor Anda.",
        "en": "this file is not UTF-8 (a character on this line cannot be read). Save the file "
              "again as UTF-8 in your editor.",
    },
    "file.no_front_matter": {
        "id": "berkas harus diawali baris `---`, lalu data (title, summary, …), lalu `---` lagi. "
              "Contoh ada di README atau buat dengan `knowledge-site new`.",
        "en": "the file must start with a `---` line, then the data (title, summary, …), then "
              "`---` again. See the README, or create it with `knowledge-site new`.",
    },
    "file.unclosed_front_matter": {
        "id": "front matter dibuka dengan `---` di baris 1 tetapi tidak pernah ditutup. Tambahkan "
              "baris `---` setelah data terakhir, sebelum isi tulisan.",
        "en": "the front matter opens with `---` on line 1 but is never closed. Add a `---` line "
              "after the last field, before the text.",
    },
    "file.missing_data": {
        "id": "berkas ini wajib ada di folder konten. Buat berkas ini (lihat contoh di README).",
        "en": "this file is required in the content folder. Create it (see the example in the "
              "README).",
    },
    "file.symlink_outside": {
        "id": "tautan simbolik ini menunjuk ke luar folder konten dan tidak dipakai. Salin "
              "berkasnya ke dalam folder konten.",
        "en": "this symbolic link points outside the content folder and is not followed. Copy "
              "the file into the content folder instead.",
    },
    "file.symlink_folder": {
        "id": "tautan simbolik ke folder tidak dipakai (mkdocs akan membaca folder itu dua "
              "kali, atau berputar tanpa henti bila menunjuk ke folder di atasnya). Salin "
              "berkasnya ke sini, atau hapus tautan ini.",
        "en": "symbolic links to folders are not followed (mkdocs would read that folder "
              "twice, or loop forever when it points at a folder above it). Copy the files "
              "here instead, or remove the link.",
    },
    # -- fields ------------------------------------------------------------------------
    "field.missing": {
        "id": "kolom wajib ini belum ada. Tambahkan kolom ini ke front matter.",
        "en": "this required field is missing. Add it to the front matter.",
    },
    "field.empty": {
        "id": "kolom wajib ini kosong. Isi nilainya.",
        "en": "this required field is empty. Fill in a value.",
    },
    "field.unknown": {
        "id": "kolom ini tidak dikenal dan nilainya tidak akan dipakai. Periksa ejaannya atau "
              "hapus kolom ini.",
        "en": "this field is not known and its value will not be used. Check the spelling or "
              "remove it.",
    },
    "field.unknown_suggest": {
        "id": "kolom ini tidak dikenal dan nilainya tidak akan dipakai. Maksud Anda "
              "`{suggestion}`?",
        "en": "this field is not known and its value will not be used. Did you mean "
              "`{suggestion}`?",
    },
    "value.not_text_list": {
        "id": "di sini diharapkan satu teks, bukan daftar. Tulis nilainya di baris yang sama.",
        "en": "a single text is expected here, not a list. Write the value on the same line.",
    },
    "value.not_text_map": {
        "id": "di sini diharapkan satu teks. Jika teks mengandung titik dua, apit dengan tanda "
              "kutip.",
        "en": "a single text is expected here. If the text contains a colon, put it in quotes.",
    },
    "value.too_long": {
        "id": "teks ini {length} karakter; paling banyak {limit}. Persingkat.",
        "en": "this text is {length} characters long; at most {limit} are allowed. Shorten it.",
    },
    "value.long": {
        "id": "teks ini {length} karakter; di atas {limit} akan terpotong di pratinjau tautan "
              "media sosial. Sebaiknya dipersingkat.",
        "en": "this text is {length} characters long; above {limit} it gets cut off in social "
              "media link previews. Consider shortening it.",
    },
    "value.control_chars": {
        "id": "teks ini memuat {count} karakter kendali yang tidak terlihat (biasanya terbawa "
              "saat menyalin dari PDF atau Word); karakter itu dibuang dari halaman dan "
              "umpan. Ketik ulang teks ini untuk menghapusnya.",
        "en": "this text contains {count} invisible control character(s) (usually carried "
              "over when copying from a PDF or Word); they are left out of pages and feeds. "
              "Type the text again to remove them.",
    },
    "value.url": {
        "id": "`{value}` bukan alamat web lengkap. Tulis alamat yang diawali https://.",
        "en": "`{value}` is not a full web address. Write an address starting with https://.",
    },
    "value.boolean": {
        "id": "`{value}` bukan ya/tidak. Tulis `true` atau `false`.",
        "en": "`{value}` is not yes/no. Write `true` or `false`.",
    },
    "value.integer": {
        "id": "`{value}` harus bilangan bulat antara {minimum} dan {maximum}.",
        "en": "`{value}` must be a whole number between {minimum} and {maximum}.",
    },
    "value.minutes": {
        "id": "`{value}` harus jumlah menit sebagai bilangan bulat, misalnya `duration: 15`.",
        "en": "`{value}` must be a number of whole minutes, e.g. `duration: 15`.",
    },
    "value.rating": {
        "id": "nilai `{value}` harus bilangan bulat 1 sampai 5, misalnya `rating: 4`.",
        "en": "the rating `{value}` must be a whole number from 1 to 5, e.g. `rating: 4`.",
    },
    "value.year": {
        "id": "`{value}` bukan tahun. Tulis empat angka, misalnya `year: 2005`.",
        "en": "`{value}` is not a year. Write four digits, e.g. `year: 2005`.",
    },
    "value.pages": {
        "id": "`{value}` harus jumlah halaman sebagai bilangan bulat, misalnya `pages: 529`.",
        "en": "`{value}` must be the number of pages as a whole number, e.g. `pages: 529`.",
    },
    "value.choice": {
        "id": "`{value}` tidak termasuk pilihan. Pilih salah satu: {choices}.",
        "en": "`{value}` is not one of the choices. Use one of: {choices}.",
    },
    "value.date_format": {
        "id": "`{value}` bukan tanggal yang dikenali. Tulis TAHUN-BULAN-TANGGAL, misalnya "
              "`2026-03-14`, atau dengan jam: `2026-03-14T09:30`.",
        "en": "`{value}` is not a date we can read. Write YEAR-MONTH-DAY, e.g. `2026-03-14`, "
              "or with a time: `2026-03-14T09:30`.",
    },
    "value.day_format": {
        "id": "`{value}` bukan tanggal. Tulis TAHUN-BULAN-TANGGAL, misalnya `2027-01-31`.",
        "en": "`{value}` is not a date. Write YEAR-MONTH-DAY, e.g. `2027-01-31`.",
    },
    "value.date_impossible": {
        "id": "tanggal `{value}` tidak ada di kalender. Periksa bulan dan tanggalnya.",
        "en": "the date `{value}` does not exist in the calendar. Check the month and day.",
    },
    "value.updated_before": {
        "id": "tanggal pembaruan lebih awal dari tanggal terbit. Periksa kedua tanggal.",
        "en": "the update date is earlier than the publication date. Check both dates.",
    },
    "value.not_list": {
        "id": "di sini diharapkan daftar. Tulis setiap butir di baris sendiri diawali `- `, "
              "misalnya:\n  - {value}",
        "en": "a list is expected here. Write each entry on its own line starting with `- `, "
              "e.g.:\n  - {value}",
    },
    "value.not_list_map": {
        "id": "di sini diharapkan daftar, satu butir per baris diawali `- `.",
        "en": "a list is expected here, one entry per line starting with `- `.",
    },
    "value.list_item_text": {
        "id": "butir daftar ini kosong atau bukan teks biasa. Isi atau hapus butir ini.",
        "en": "this list entry is empty or not plain text. Fill it in or remove it.",
    },
    "value.list_empty": {
        "id": "daftar ini kosong; paling sedikit satu butir diperlukan.",
        "en": "this list is empty; at least one entry is needed.",
    },
    "value.not_mapping": {
        "id": "di sini diharapkan kolom-kolom yang menjorok di bawahnya (misalnya `  title: …`).",
        "en": "indented fields are expected below this one (e.g. `  title: …`).",
    },
    "value.lang": {
        "id": "`{value}` bukan kode bahasa. Gunakan kode seperti `id` (Indonesia), `en` "
              "(Inggris), `ar` (Arab), `jv` (Jawa).",
        "en": "`{value}` is not a language code. Use a code such as `id` (Indonesian), `en` "
              "(English), `ar` (Arabic), `jv` (Javanese).",
    },
    "value.license": {
        "id": "`{value}` bukan kode lisensi SPDX. Contoh yang benar: CC-BY-4.0, CC-BY-SA-4.0, "
              "CC0-1.0.",
        "en": "`{value}` is not an SPDX licence id. Correct examples: CC-BY-4.0, CC-BY-SA-4.0, "
              "CC0-1.0.",
    },
    "value.license_case": {
        "id": "tulis kode lisensi persis seperti SPDX: `{suggestion}`.",
        "en": "write the licence id exactly as SPDX does: `{suggestion}`.",
    },
    "value.email": {
        "id": "`{value}` bukan alamat e-mail.",
        "en": "`{value}` is not an e-mail address.",
    },
    # -- ids, slugs, addresses ---------------------------------------------------------
    "id.unknown": {
        "id": "`{value}` tidak ada di {registry}. Tambahkan ke {registry} atau perbaiki ejaannya.",
        "en": "`{value}` is not in {registry}. Add it to {registry} or fix the spelling.",
    },
    "id.unknown_suggest": {
        "id": "`{value}` tidak ada di {registry}. Maksud Anda `{suggestion}`?",
        "en": "`{value}` is not in {registry}. Did you mean `{suggestion}`?",
    },
    "registry.not_mapping": {
        "id": "berkas ini harus berisi daftar `id:` dengan kolom-kolom di bawahnya.",
        "en": "this file must list `id:` entries with their fields below them.",
    },
    "registry.bad_id": {
        "id": "id `{value}` hanya boleh berisi huruf kecil, angka dan tanda hubung, misalnya "
              "`siti-rahma`.",
        "en": "the id `{value}` may only contain lower-case letters, digits and hyphens, e.g. "
              "`siti-rahma`.",
    },
    "registry.entry_not_mapping": {
        "id": "di bawah id ini harus ada kolom yang menjorok (name, …).",
        "en": "indented fields (name, …) must follow this id.",
    },
    "slug.invalid": {
        "id": "`{value}` bukan slug yang sah: hanya huruf kecil a-z, angka dan tanda hubung. "
              "Misalnya `{suggestion}`.",
        "en": "`{value}` is not a valid slug: only lower-case a-z, digits and hyphens. For "
              "example `{suggestion}`.",
    },
    "slug.reserved": {
        "id": "`{value}` dipakai oleh situs sendiri dan tidak bisa menjadi slug. Pilih nama lain.",
        "en": "`{value}` is used by the site itself and cannot be a slug. Choose another name.",
    },
    "slug.file_name": {
        "id": "nama berkas `{value}` bukan slug yang sah; alamatnya menjadi `{suggestion}`. "
              "Ganti nama berkas menjadi `{suggestion}.md` agar jelas.",
        "en": "the file name `{value}` is not a valid slug; its address becomes `{suggestion}`. "
              "Rename the file to `{suggestion}.md` to make that clear.",
    },
    "address.duplicate": {
        "id": "alamat {address} juga dipakai oleh {other}. Ganti `slug` atau nama salah satu "
              "berkas.",
        "en": "the address {address} is also claimed by {other}. Change the `slug` or the file "
              "name of one of them.",
    },
    "alias.taken": {
        "id": "alamat lama {address} sudah dipakai oleh {other}. Hapus alias ini.",
        "en": "the old address {address} is already used by {other}. Remove this alias.",
    },
    "alias.outside": {
        "id": "`{value}` bukan alamat di dalam situs ini. Tulis jalur seperti "
              "`/tutorial-lama/` (tanpa https://, tanpa `..`).",
        "en": "`{value}` is not an address inside this site. Write a path such as "
              "`/old-tutorial/` (no https://, no `..`).",
    },
    "alias.chars": {
        "id": "`{value}` mengandung karakter yang tidak aman untuk alamat. Pakai huruf, angka, "
              "tanda hubung dan garis miring.",
        "en": "`{value}` contains characters that are unsafe in an address. Use letters, digits, "
              "hyphens and slashes.",
    },
    "translation.missing": {
        "id": "tidak ada tulisan dengan slug `{value}`. Periksa slug tulisan aslinya.",
        "en": "no item has the slug `{value}`. Check the original item's slug.",
    },
    # -- pictures, files, links --------------------------------------------------------
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
    "link.unpublished": {
        "id": "tautan ini menuju {other}, yang belum terbit (draf atau terjadwal). Pembaca akan "
              "menemui halaman kosong sampai tulisan itu terbit.",
        "en": "this link goes to {other}, which is not published yet (draft or scheduled). "
              "Readers will hit a missing page until it is.",
    },
    # -- books, videos -----------------------------------------------------------------
    "isbn.checksum": {
        "id": "ISBN `{value}` salah ketik (angka pemeriksanya tidak cocok). Salin ulang dari "
              "buku atau katalog.",
        "en": "the ISBN `{value}` has a typo (its check digit does not match). Copy it again "
              "from the book or the catalogue.",
    },
    "isbn.format": {
        "id": "`{value}` bukan ISBN: ISBN terdiri dari 10 atau 13 angka (tanda hubung boleh).",
        "en": "`{value}` is not an ISBN: an ISBN has 10 or 13 digits (hyphens allowed).",
    },
    "video.unsupported": {
        "id": "`{value}` bukan alamat video yang didukung. Gunakan tautan YouTube "
              "(youtube.com/watch?v=…, youtu.be/…, shorts), Vimeo (vimeo.com/…), atau berkas "
              ".mp4/.webm di dalam situs.",
        "en": "`{value}` is not a supported video address. Use a YouTube link "
              "(youtube.com/watch?v=…, youtu.be/…, shorts), Vimeo (vimeo.com/…), or a "
              ".mp4/.webm file inside the site.",
    },
    "video.scheme": {
        "id": "`{value}` bukan alamat web. Alamat video harus diawali https://.",
        "en": "`{value}` is not a web address. A video address must start with https://.",
    },
    "video.youtube_form": {
        "id": "`{value}` adalah alamat YouTube tetapi bukan tautan ke satu video. Salin tautan "
              "dari tombol Bagikan di YouTube.",
        "en": "`{value}` is a YouTube address but not a link to one video. Copy the link from "
              "YouTube's Share button.",
    },
    "video.youtube_id": {
        "id": "kode video di `{value}` tidak lengkap (harus 11 karakter). Salin ulang tautannya.",
        "en": "the video code in `{value}` is incomplete (it must be 11 characters). Copy the "
              "link again.",
    },
    "video.vimeo_id": {
        "id": "`{value}` tidak memuat nomor video Vimeo. Salin tautan seperti "
              "https://vimeo.com/123456789.",
        "en": "`{value}` has no Vimeo video number. Copy a link like https://vimeo.com/123456789.",
    },
    "video.start": {
        "id": "waktu mulai di `{value}` tidak terbaca. Tulis misalnya `t=90` atau `t=1m30s`.",
        "en": "the start time in `{value}` cannot be read. Write e.g. `t=90` or `t=1m30s`.",
    },
    "video.remote_file": {
        "id": "`{value}` adalah berkas video di situs lain. Simpan berkas .mp4/.webm di dalam "
              "situs, atau unggah ke YouTube/Vimeo.",
        "en": "`{value}` is a video file on another website. Keep the .mp4/.webm file inside "
              "the site, or upload it to YouTube/Vimeo.",
    },
    "video.duration": {
        "id": "`{value}` bukan durasi. Tulis MM:SS atau J:MM:SS dalam tanda kutip, misalnya "
              "`duration: \"12:05\"`.",
        "en": "`{value}` is not a duration. Write MM:SS or H:MM:SS in quotes, e.g. "
              "`duration: \"12:05\"`.",
    },
    "video.no_transcript": {
        "id": "halaman video ini belum punya transkrip. Tambahkan bagian `## Transkrip` di isi "
              "tulisan, atau kolom `transcript:` berisi jalur berkas transkrip.",
        "en": "this video page has no transcript. Add a `## Transcript` section to the text, "
              "or a `transcript:` field with the path of a transcript file.",
    },
}


# Messages of features kept in their own files join the one table here.
from .history_messages import HISTORY_MESSAGES  # noqa: E402
from .policy_messages import POLICY_MESSAGES  # noqa: E402
from .settings_messages import SETTINGS_MESSAGES  # noqa: E402
from .yaml_messages import YAML_MESSAGES  # noqa: E402

for _table in (YAML_MESSAGES, SETTINGS_MESSAGES, HISTORY_MESSAGES, POLICY_MESSAGES):
    assert not set(_table) & set(MESSAGES), "a message table must not reuse a code"
    MESSAGES.update(_table)


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


def render_message(code: str, lang: str, params: dict[str, str]) -> str:
    entry = MESSAGES[code]
    template = pick(entry, lang)
    return template.format_map(_Blank(params))


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}

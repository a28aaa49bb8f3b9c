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
        "id": "berkas ini bukan UTF-8: di kolom {column} baris ini (pada `{near}`) ada bita "
              "{bytes} yang tidak terbaca. Simpan ulang berkas sebagai UTF-8 di editor Anda.",
        "en": "this file is not UTF-8: at column {column} of this line (in `{near}`) the bytes "
              "{bytes} cannot be read. Save the file again as UTF-8 in your editor.",
    },
    "file.encoding_guess": {
        "id": "berkas ini bukan UTF-8: di kolom {column} baris ini (pada `{near}`) ada bita "
              "{bytes}, mungkin huruf `{guess}` yang disimpan dengan pengodean Windows. Simpan "
              "ulang berkas sebagai UTF-8 di editor Anda (Notepad: Simpan Sebagai → Pengodean: "
              "UTF-8), lalu periksa huruf itu.",
        "en": "this file is not UTF-8: at column {column} of this line (in `{near}`) there are "
              "the bytes {bytes}, probably `{guess}` saved in a Windows encoding. Save the file "
              "again as UTF-8 in your editor (Notepad: Save As → Encoding: UTF-8), then check "
              "that character.",
    },
    "file.utf16": {
        "id": "berkas ini disimpan sebagai UTF-16 (\"Unicode\" di Notepad), bukan UTF-8. Simpan "
              "ulang sebagai UTF-8 (Notepad: Simpan Sebagai → Pengodean: UTF-8).",
        "en": "this file is saved as UTF-16 (\"Unicode\" in Notepad), not UTF-8. Save it again "
              "as UTF-8 (Notepad: Save As → Encoding: UTF-8).",
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
    "value.choice_suggest": {
        "id": "`{value}` tidak termasuk pilihan. Maksud Anda {suggestion}? Pilihannya: "
              "{choices}.",
        "en": "`{value}` is not one of the choices. Did you mean {suggestion}? The choices: "
              "{choices}.",
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
        "id": "`{value}` tidak ada di {registry}. Maksud Anda {suggestion}?",
        "en": "`{value}` is not in {registry}. Did you mean {suggestion}?",
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
    "video.remote_http": {
        "id": "`{value}` adalah berkas video yang dimuat lewat http. Tulis alamatnya dengan "
              "https:// (peramban memblokir video http di halaman https).",
        "en": "`{value}` is a video file loaded over http. Write its address with https:// "
              "(browsers block an http video on an https page).",
    },
    "video.media_host": {
        "id": "berkas video `{value}` ada di situs lain ({host}); halaman hanya boleh memutar "
              "video dari situs yang disebut di `media_hosts`. Tambahkan `{host}` ke "
              "`media_hosts` di pengaturan knowledge-site dalam mkdocs.yml, atau video tidak "
              "akan diputar.",
        "en": "the video file `{value}` is on another site ({host}); pages play videos only "
              "from the sites listed in `media_hosts`. Add `{host}` to `media_hosts` in the "
              "knowledge-site settings in mkdocs.yml, or the video will not play.",
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
from .link_messages import LINK_MESSAGES  # noqa: E402
from .policy_messages import POLICY_MESSAGES  # noqa: E402
from .settings_messages import SETTINGS_MESSAGES  # noqa: E402
from .yaml_messages import YAML_MESSAGES  # noqa: E402

for _table in (YAML_MESSAGES, SETTINGS_MESSAGES, HISTORY_MESSAGES, POLICY_MESSAGES,
               LINK_MESSAGES):
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

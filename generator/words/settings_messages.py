"""What `check` says about mkdocs.yml and the generator's settings, in Indonesian and English."""

from __future__ import annotations

SETTINGS_MESSAGES: dict[str, dict[str, str]] = {
    # -- settings ----------------------------------------------------------------------
    "settings.missing_file": {
        "id": "mkdocs.yml tidak ditemukan. Jalankan perintah dari folder situs (yang berisi "
              "mkdocs.yml).",
        "en": "mkdocs.yml was not found. Run the command from the site's folder (the one that "
              "holds mkdocs.yml).",
    },
    "settings.not_mapping": {
        "id": "mkdocs.yml harus berisi pengaturan `nama: nilai`.",
        "en": "mkdocs.yml must contain `name: value` settings.",
    },
    "settings.plugin_missing": {
        "id": "plugin `knowledge-site` tidak ada di `plugins:`. Tambahkan `- knowledge-site:` "
              "di bawah `plugins:`.",
        "en": "the `knowledge-site` plugin is not listed under `plugins:`. Add "
              "`- knowledge-site:` below `plugins:`.",
    },
    "settings.host": {
        "id": "`{value}` bukan nama situs. Tulis nama situsnya saja, tanpa https:// dan "
              "tanpa jalur, misalnya `{suggestion}`.",
        "en": "`{value}` is not a site name. Write the site's name only, without https:// "
              "and without a path, e.g. `{suggestion}`.",
    },
    "settings.timezone": {
        "id": "`{value}` bukan zona waktu. Gunakan nama seperti `Asia/Jakarta`, `Asia/Makassar` "
              "atau `Asia/Jayapura`.",
        "en": "`{value}` is not a time zone. Use a name such as `Asia/Jakarta`, `Asia/Makassar` "
              "or `Asia/Jayapura`.",
    },
    "settings.websub_https": {
        "id": "`{value}` bukan alamat https. Hub WebSub harus diawali https://, misalnya "
              "`https://pubsubhubbub.appspot.com/`.",
        "en": "`{value}` is not an https address. A WebSub hub must start with https://, "
              "e.g. `https://pubsubhubbub.appspot.com/`.",
    },
    "settings.catalog_isbn": {
        "id": "alamat katalog harus memuat `{{isbn}}` di tempat ISBN dimasukkan.",
        "en": "the catalogue address must contain `{{isbn}}` where the ISBN goes.",
    },
    "settings.slot": {
        "id": "`{value}` bukan rentang waktu. Tulis JJ:MM-JJ:MM, misalnya \"06:00-08:00\".",
        "en": "`{value}` is not a time range. Write HH:MM-HH:MM, e.g. \"06:00-08:00\".",
    },
    "settings.docs_dir": {
        "id": "folder konten `{value}` tidak ditemukan. Periksa `docs_dir` di mkdocs.yml.",
        "en": "the content folder `{value}` was not found. Check `docs_dir` in mkdocs.yml.",
    },
    "settings.analytics_https": {
        "id": "`{value}` bukan alamat https. Alamat penghitung kunjungan harus diawali "
              "https://, misalnya `https://perpustakaan.goatcounter.com`.",
        "en": "`{value}` is not an https address. The visit counter's address must start "
              "with https://, e.g. `https://library.goatcounter.com`.",
    },
    "settings.analytics_address": {
        "id": "{provider} perlu alamat: tulis `address:` dengan alamat {provider} situs ini, "
              "misalnya `https://perpustakaan.goatcounter.com` atau alamat server Anda sendiri.",
        "en": "{provider} needs an address: write `address:` with this site's {provider} "
              "address, e.g. `https://library.goatcounter.com` or your own server's address.",
    },
    "settings.analytics_site": {
        "id": "{provider} perlu tahu situs mana yang dihitung: tulis `site:` dengan {what} "
              "situs ini di {provider} (tertera di pengaturan situs di {provider}).",
        "en": "{provider} needs to know which site it counts: write `site:` with this site's "
              "{what} at {provider} (shown in the site's settings there).",
    },
    "settings.analytics_site_form": {
        "id": "`{value}` bukan {what} {provider}. Salin nilainya dari pengaturan situs di "
              "{provider}.",
        "en": "`{value}` is not a {provider} {what}. Copy it from the site's settings at "
              "{provider}.",
    },
    "settings.analytics_no_site": {
        "id": "{provider} tidak memakai `site:`; alamatnya sudah menunjuk situs ini. Baris ini "
              "diabaikan; hapus saja.",
        "en": "{provider} does not use `site:`; its address already names this site. The line "
              "is ignored; you can remove it.",
    },
    "settings.slots_file": {
        "id": "Berkas `{value}` (laporan jangkauan) tidak ditemukan; paket berbagi memakai "
              "jadwal unggah yang ada. Buat dengan `knowledge-site report reach EKSPOR`, atau "
              "perbaiki nama berkasnya.",
        "en": "The file `{value}` (the reach report's) was not found; the share kit keeps its "
              "posting slots. Make it with `knowledge-site report reach EXPORT`, or correct "
              "the file name.",
    },
    "settings.slots_header": {
        "id": "Ini bukan slots.csv dari laporan jangkauan (baris pertama harus `{header}`); "
              "paket berbagi memakai jadwal unggah yang ada. Buat ulang dengan "
              "`knowledge-site report reach EKSPOR`.",
        "en": "This is not a reach report's slots.csv (its first line must be `{header}`); the "
              "share kit keeps its posting slots. Make it again with "
              "`knowledge-site report reach EXPORT`.",
    },
    "settings.slots_row": {
        "id": "Baris `{value}` tidak terbaca sebagai jadwal (JJ:MM-JJ:MM dan jumlah "
              "kunjungan); baris ini dilewati.",
        "en": "The line `{value}` cannot be read as a slot (HH:MM-HH:MM and a number of "
              "visits); it is skipped.",
    },
    "settings.analytics_about": {
        "id": "Situs ini menghitung kunjungan, tetapi halaman tentang `{value}` tidak ada, jadi "
              "hanya halaman Berlangganan yang menjelaskan apa yang dihitung. Buat halaman itu "
              "di site_src/ atau sebut halaman lain dengan `about_page:`.",
        "en": "This site counts visits, but the about page `{value}` does not exist, so only the "
              "Subscribe page says what is counted. Create that page in site_src/ or name "
              "another with `about_page:`.",
    },
}

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
}

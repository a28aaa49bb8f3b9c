"""What `check` says about YAML that cannot be read, in Indonesian and English."""

from __future__ import annotations

YAML_MESSAGES: dict[str, dict[str, str]] = {
    # -- YAML syntax -------------------------------------------------------------------
    "yaml.unclosed_quote": {
        "id": "tanda kutip yang dibuka di baris ini tidak pernah ditutup. Tambahkan tanda kutip "
              "penutup yang sama (\" atau ') di akhir teks.",
        "en": "the quote opened on this line is never closed. Add the same closing quote "
              "(\" or ') at the end of the text.",
    },
    "yaml.tab": {
        "id": "baris ini menjorok dengan karakter Tab. Ganti Tab dengan spasi (dua spasi per "
              "tingkat).",
        "en": "this line is indented with a Tab character. Replace the Tab with spaces (two "
              "spaces per level).",
    },
    "yaml.colon": {
        "id": "ada titik dua (:) di dalam nilai. Apit seluruh nilai dengan tanda kutip, misalnya "
              "title: \"Tips: cari jurnal\".",
        "en": "there is a colon (:) inside the value. Put the whole value in quotes, e.g. "
              "title: \"Tips: finding journals\".",
    },
    "yaml.missing_colon": {
        "id": "baris ini tidak punya titik dua setelah nama kolom. Tulis seperti `title: Judul`.",
        "en": "this line has no colon after the field name. Write it like `title: My title`.",
    },
    "yaml.flow": {
        "id": "daftar atau pemetaan dengan [ ] atau {{ }} di baris ini tidak ditutup dengan benar. "
              "Periksa tanda kurung dan koma, atau tulis satu butir per baris dengan `- `.",
        "en": "the [ ] or {{ }} list on this line is not closed properly. Check the brackets and "
              "commas, or write one entry per line starting with `- `.",
    },
    "yaml.list_position": {
        "id": "butir daftar (`- `) ini tidak pada tempatnya. Letakkan butir-butir di bawah nama "
              "kolom yang tidak berisi nilai, masing-masing menjorok dua spasi.",
        "en": "this list entry (`- `) is out of place. Put the entries below a field name that "
              "has no value of its own, each indented by two spaces.",
    },
    "yaml.reserved_char": {
        "id": "nilai tidak boleh diawali karakter `{detail}`. Apit nilai dengan tanda kutip.",
        "en": "a value cannot start with the character `{detail}`. Put the value in quotes.",
    },
    "yaml.duplicate_key": {
        "id": "kolom ini sudah ditulis di baris {first}. Hapus salah satunya (hanya satu yang "
              "boleh ada).",
        "en": "this field is already written on line {first}. Remove one of them (only one may "
              "stay).",
    },
    "yaml.tag": {
        "id": "tanda `{detail}` tidak dikenal di sini. Hapus tanda itu dan tulis nilainya saja.",
        "en": "the tag `{detail}` is not understood here. Remove it and write just the value.",
    },
    "yaml.complex_key": {
        "id": "nama kolom harus berupa teks biasa.",
        "en": "a field name must be plain text.",
    },
    "yaml.merge_key": {
        "id": "`<<` (penggabungan YAML) tidak didukung. Tulis setiap kolom secara langsung.",
        "en": "`<<` (YAML merge) is not supported. Write every field out directly.",
    },
    "yaml.not_mapping": {
        "id": "front matter harus berisi pasangan `kolom: nilai`, satu per baris.",
        "en": "the front matter must contain `field: value` pairs, one per line.",
    },
    "yaml.syntax": {
        "id": "penulisan YAML di sini tidak bisa dibaca ({detail}). Periksa titik dua, tanda "
              "kutip dan spasi di awal baris.",
        "en": "the YAML here cannot be read ({detail}). Check colons, quotes and the spaces at "
              "the start of the line.",
    },
}

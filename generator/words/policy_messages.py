"""Messages of the body policy (``body_policy.py``), shaped like ``messages.MESSAGES``.

To be merged into ``messages.MESSAGES`` (``MESSAGES.update(POLICY_MESSAGES)``): the same
rules hold — both languages, the same ``{parameters}``, and each says what happens and what
to write instead. All are warnings (errors under ``--strict``): the page is still built,
without the part named.
"""

from __future__ import annotations

POLICY_MESSAGES: dict[str, dict[str, str]] = {
    "body.script": {
        "id": "`<script>` tidak boleh ada di isi tulisan dan dibuang dari halaman. Bila Anda "
              "butuh fitur interaktif, minta pengelola situs menambahkannya ke tema.",
        "en": "`<script>` is not allowed in the text and is removed from the page. If you "
              "need something interactive, ask the site's maintainer to add it to the theme.",
    },
    "body.style": {
        "id": "gaya tulisan ({what}) dibuang dari halaman: tampilan situs diatur oleh "
              "temanya. Pakai Markdown (**tebal**, _miring_, `!!! note` untuk kotak catatan) "
              "sebagai gantinya.",
        "en": "styling ({what}) is removed from the page: the site's look comes from its "
              "theme. Use Markdown (**bold**, _italic_, `!!! note` for a note box) instead.",
    },
    "body.event": {
        "id": "atribut `{attribute}` menjalankan program dan dibuang dari halaman. Hapus "
              "atribut itu.",
        "en": "the `{attribute}` attribute runs a program and is removed from the page. "
              "Remove the attribute.",
    },
    "body.url_script": {
        "id": "alamat yang diawali `{scheme}` tidak boleh dipakai (bisa menjalankan program "
              "atau menyisipkan data tersembunyi) dan dibuang dari halaman. Tautkan ke alamat "
              "https://, atau simpan gambarnya di folder `images/` dan tautkan ke sana.",
        "en": "an address starting with `{scheme}` is not allowed (it can run a program or "
              "carry hidden data) and is removed from the page. Link to an https:// address, "
              "or save the picture in the `images/` folder and link to it there.",
    },
    "body.url_scheme": {
        "id": "alamat yang diawali `{scheme}` dibuang dari halaman: hanya alamat https://, "
              "http://, mailto:, tel: dan alamat di dalam situs ini yang dipertahankan.",
        "en": "an address starting with `{scheme}` is removed from the page: only https://, "
              "http://, mailto:, tel: and addresses inside this site are kept.",
    },
    "body.frame": {
        "id": "{tag} memuat situs lain di dalam halaman dan dibuang. Tulis tautan biasa ke "
              "alamat itu sebagai gantinya.",
        "en": "{tag} loads another site inside the page and is removed. Write an ordinary "
              "link to that address instead.",
    },
    "body.frame_video": {
        "id": "{tag} dibuang dari halaman (pemutar itu dimuat sebelum pembaca memintanya). "
              "Tulis alamat videonya sendirian di satu baris, diapit baris kosong: {suggestion} "
              "— situs menjadikannya pemutar yang baru dimuat saat diklik.",
        "en": "{tag} is removed from the page (it loads the player before the reader asks "
              "for it). Write the video's address alone on its own line, with a blank line "
              "before and after: {suggestion} — the site turns it into a player that loads "
              "when pressed.",
    },
    "body.form": {
        "id": "formulir ({tag}) tidak boleh ada di isi tulisan dan dibuang dari halaman "
              "(teksnya tetap tampil). Tautkan ke formulir di situs lain, misalnya Google "
              "Forms, sebagai gantinya.",
        "en": "forms ({tag}) are not allowed in the text and are removed from the page (their "
              "words stay). Link to a form on another site, such as Google Forms, instead.",
    },
    "body.head_element": {
        "id": "{tag} hanya boleh ada di bagian kepala halaman, yang diatur oleh situs, dan "
              "dibuang dari isi tulisan. Hapus baris itu.",
        "en": "{tag} belongs in the page's head, which the site writes itself, and is "
              "removed from the text. Remove it.",
    },
    "body.element": {
        "id": "elemen HTML {tag} tidak dipakai di situs ini dan dibuang dari halaman (teks "
              "di dalamnya tetap tampil). Pakai Markdown atau HTML biasa (tabel, gambar, "
              "`<details>`, `<kbd>`) sebagai gantinya.",
        "en": "the HTML element {tag} is not used on this site and is removed from the page "
              "(the words inside it stay). Use Markdown or ordinary HTML (tables, pictures, "
              "`<details>`, `<kbd>`) instead.",
    },
    "body.element_content": {
        "id": "elemen HTML {tag} dibuang dari halaman bersama seluruh isinya. Untuk gambar, "
              "simpan sebagai berkas di folder `images/` dan tampilkan dengan "
              "`![keterangan](../images/nama.png)`.",
        "en": "the HTML element {tag} is removed from the page with everything inside it. For "
              "a picture, save it as a file in the `images/` folder and show it with "
              "`![description](../images/name.png)`.",
    },
    "body.control_chars": {
        "id": "baris ini memuat {count} karakter kendali yang tidak terlihat (biasanya terbawa "
              "saat menyalin dari PDF atau Word); karakter itu dibuang dari halaman. Ketik "
              "ulang baris ini untuk menghapusnya.",
        "en": "this line contains {count} invisible control character(s) (usually carried "
              "over when copying from a PDF or Word); they are left out of the page. Type the "
              "line again to remove them.",
    },
}

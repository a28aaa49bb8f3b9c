"""What the commands say besides problem lists, in Indonesian and English."""

from __future__ import annotations

from . import importing

SAYINGS: dict[str, dict[str, str]] = {
    "build.refused": {
        "id": "Situs tidak dibangun karena ada galat di atas; situs sebelumnya tidak diubah.",
        "en": "The site was not built because of the errors above; the previous site is "
              "untouched.",
    },
    # Under plain `mkdocs build`/`serve` (and ProperDocs): the last line mkdocs prints.
    "plain.refused": {
        "id": "knowledge-site: situs tidak dibangun karena ada galat pada isi situs (lihat di "
              "atas). Perbaiki berkas yang disebut, periksa lagi dengan `knowledge-site check`, "
              "lalu bangun dengan `knowledge-site build`.",
        "en": "knowledge-site: the site was not built because the content has errors (listed "
              "above). Fix the files named, check again with `knowledge-site check`, then "
              "build with `knowledge-site build`.",
    },
    "plain.search_failed": {
        "id": "knowledge-site: indeks pencarian tidak bisa dibuat ({why}); situs belum lengkap. "
              "Jalankan `knowledge-site build` lagi; bila tetap gagal, teruskan pesan ini ke "
              "pengelola situs.",
        "en": "knowledge-site: the search index could not be built ({why}); the site is "
              "incomplete. Run `knowledge-site build` again; if it fails again, pass this "
              "message on to whoever looks after the site.",
    },
    "build.unsafe_target": {
        "id": "Folder keluaran {path} berisi sumber situs; pilih folder lain dengan -d.",
        "en": "The output folder {path} holds the site's sources; choose another with -d.",
    },
    "build.done": {
        "id": "Situs dibangun di {path} ({count} tulisan terbit).",
        "en": "Site built in {path} ({count} items published).",
    },
    "build.size": {
        "id": "Ukuran situs: {total} MB; terbesar: {parts}. {kept} berkas tidak berubah sejak "
              "pembangunan sebelumnya (waktu ubahnya dipertahankan).",
        "en": "Site size: {total} MB; largest: {parts}. {kept} files unchanged since the "
              "previous build (their modification times kept).",
    },
    "build.too_big": {
        "id": "Peringatan: situs berukuran {total} MB, melebihi batas {limit} MB tempat "
              "terbitnya (GitHub Pages menolak situs di atas 1 GB). Kurangi gambar besar, atau "
              "atur KS_SITE_SIZE_LIMIT_MB bila situs diterbitkan di tempat lain.",
        "en": "Warning: the site is {total} MB, over its host's limit of {limit} MB (GitHub "
              "Pages refuses sites over 1 GB). Shrink large pictures, or set "
              "KS_SITE_SIZE_LIMIT_MB when the site is published elsewhere.",
    },
    # ping-hub (WebSub): never an error, the deploy goes on.
    "ping.done": {
        "id": "Hub WebSub {hub} diberi tahu tentang {count} dari {total} feed yang berubah.",
        "en": "The WebSub hub {hub} was told of {count} of {total} changed feed(s).",
    },
    "ping.nothing": {
        "id": "Tidak ada feed yang berubah; hub WebSub tidak dihubungi.",
        "en": "No feed changed; the WebSub hub was not contacted.",
    },
    "ping.no_hub": {
        "id": "Peringatan: websub_hub tidak diatur di mkdocs.yml; tidak ada hub yang dihubungi.",
        "en": "Warning: websub_hub is not set in mkdocs.yml; no hub was contacted.",
    },
    "ping.no_manifest": {
        "id": "Peringatan: {path} tidak ada atau rusak; bangun situs dulu dengan "
              "`knowledge-site build`. Hub WebSub tidak dihubungi.",
        "en": "Warning: {path} is missing or unreadable; build the site first with "
              "`knowledge-site build`. The WebSub hub was not contacted.",
    },
    "ping.no_previous": {
        "id": "Peringatan: daftar feed situs sebelumnya ({path}) tidak terbaca; semua feed "
              "diumumkan ke hub.",
        "en": "Warning: the previous site's feed list ({path}) could not be read; every feed "
              "is announced to the hub.",
    },
    "ping.refused": {
        "id": "Peringatan: hub WebSub {hub} menolak pemberitahuan untuk {feed} (HTTP {status}). "
              "Situs tetap terbit; pembaca feed akan menemukan tulisan baru pada pemeriksaan "
              "berikutnya.",
        "en": "Warning: the WebSub hub {hub} refused the notice for {feed} (HTTP {status}). "
              "The site is published anyway; feed readers will find the new items when they "
              "next check.",
    },
    "ping.unreachable": {
        "id": "Peringatan: hub WebSub {hub} tidak bisa dihubungi ({why}). Situs tetap terbit; "
              "pembaca feed akan menemukan tulisan baru pada pemeriksaan berikutnya.",
        "en": "Warning: the WebSub hub {hub} could not be reached ({why}). The site is "
              "published anyway; feed readers will find the new items when they next check.",
    },
    "check.clean": {"id": "Semua berkas baik.", "en": "All files are fine."},
    "check.summary": {
        "id": "{errors} galat, {warnings} peringatan.",
        "en": "{errors} error(s), {warnings} warning(s).",
    },
    "new.exists": {
        "id": "{path} sudah ada; tidak ada yang ditimpa. Pilih judul lain.",
        "en": "{path} already exists; nothing was overwritten. Choose another title.",
    },
    "new.created": {
        "id": "Dibuat: {path}\nIsi bagian bertanda ISI, lalu jalankan `knowledge-site check`.",
        "en": "Created: {path}\nFill in the parts marked FILL IN, then run "
              "`knowledge-site check`.",
    },
    "export.replaced": {
        "id": "`export` sudah diganti: pilih mesin dengan `engine:` di mkdocs.yml atau "
              "`knowledge-site build --engine zensical` (lihat docs/engines.md).",
        "en": "`export` was replaced: choose the engine with `engine:` in mkdocs.yml or "
              "`knowledge-site build --engine zensical` (see docs/engines.md).",
    },
    "engine.missing": {
        "id": "Mesin `{engine}` belum terpasang (atau versinya tidak didukung). Pasang dengan: "
              "{command}",
        "en": "The `{engine}` engine is not installed (or not in a supported version). Install "
              "it with: {command}",
    },
    "build.engine_failed": {
        "id": "{engine} gagal membangun situs (lihat di atas); situs sebelumnya tidak diubah.",
        "en": "{engine} could not build the site (see above); the previous site is untouched.",
    },
    "build.search_failed": {
        "id": "Indeks pencarian tidak bisa dibuat ({why}); situs sebelumnya tidak diubah.",
        "en": "The search index could not be built ({why}); the previous site is untouched.",
    },
    "build.memory": {
        "id": "Membangun {items} tulisan dengan mesin {engine} butuh sekitar {need} MB memori, "
              "tetapi komputer ini hanya punya {free} MB yang bebas; situs tidak dibangun agar "
              "komputer tidak macet. Tutup program lain, pakai komputer yang lebih besar, atau "
              "pilih mesin yang lebih hemat (docs/engines.md). Situs sebelumnya tidak diubah.",
        "en": "Building {items} items with the {engine} engine needs about {need} MB of "
              "memory, but this computer has only {free} MB free; the site was not built, so "
              "the computer does not grind to a halt. Close other programs, use a bigger "
              "computer, or choose a lighter engine (docs/engines.md). The previous site is "
              "untouched.",
    },
    "localize.refused": {
        "id": "Gambar tidak diunduh karena ada galat di atas; tidak ada berkas yang diubah.",
        "en": "No picture was downloaded because of the errors above; no file was changed.",
    },
    "localize.nothing": {
        "id": "Tidak ada gambar dari situs lain yang perlu disalin.",
        "en": "No picture from another site needs copying.",
    },
    "localize.failed": {
        "id": "Gambar {url} tidak bisa diunduh: {why}.",
        "en": "The picture {url} could not be downloaded: {why}.",
    },
    "localize.unchanged": {
        "id": "Tidak ada berkas yang diubah. Periksa alamat gambar di atas, lalu coba lagi.",
        "en": "No file was changed. Check the addresses above, then try again.",
    },
    "localize.done": {
        "id": "{path}: {count} gambar kini disimpan di situs sendiri.",
        "en": "{path}: {count} picture(s) now kept on the site itself.",
    },
    "fix.nothing": {
        "id": "Tidak ada yang perlu dirapikan: tidak ada tautan ke berkas yang diganti nama "
              "atau dipindah, dan tidak ada alamat berparameter pelacak.",
        "en": "Nothing to tidy: no link names a renamed or moved file and no address carries "
              "tracking parameters.",
    },
    "fix.done": {
        "id": "{path}: {count} tautan atau alamat diperbarui.",
        "en": "{path}: {count} link(s) or address(es) updated.",
    },
    "fix.by_hand": {
        "id": "{path}:{line}: `{value}` tidak bisa diganti otomatis; tulis `{new}` sendiri.",
        "en": "{path}:{line}: `{value}` could not be changed automatically; write `{new}` "
              "yourself.",
    },
    "held.summary": {
        "id": "Belum terbit: {drafts} draf dan {scheduled} tulisan terjadwal.",
        "en": "Not published yet: {drafts} draft(s) and {scheduled} scheduled item(s).",
    },
    "held.included": {
        "id": "Ikut di pratinjau ini, dengan tanda: {drafts} draf dan {scheduled} tulisan "
              "terjadwal.",
        "en": "In this preview, marked as such: {drafts} draft(s) and {scheduled} scheduled "
              "item(s).",
    },
    "held.draft": {
        "id": "  draf: {path} ({title}) terbit setelah `draft: true` dihapus",
        "en": "  draft: {path} ({title}) goes out once `draft: true` is removed",
    },
    "held.scheduled": {
        "id": "  terjadwal: {path} ({title}) terbit {when}, pada pembangunan pertama sesudahnya",
        "en": "  scheduled: {path} ({title}) goes out {when}, with the first build after that",
    },
    "reach.no_export": {
        "id": "Sebutkan berkas ekspor penghitung kunjungan, misalnya "
              "`knowledge-site report reach ekspor-goatcounter.csv` (lihat docs/analytics.md).",
        "en": "Name the visit counter's export file, e.g. "
              "`knowledge-site report reach goatcounter-export.csv` (see docs/analytics.md).",
    },
    "reach.bad_date": {
        "id": "`{value}` bukan tanggal. Tulis TTTT-BB-HH, misalnya 2026-11-01.",
        "en": "`{value}` is not a date. Write YYYY-MM-DD, e.g. 2026-11-01.",
    },
}

# `knowledge-site import` keeps its own table (words/importing.py); one table for `says`.
_CLASH = set(SAYINGS) & set(importing.SAYINGS)
assert not _CLASH, f"two word tables use the same keys: {sorted(_CLASH)}"
SAYINGS.update(importing.SAYINGS)

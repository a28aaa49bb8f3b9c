"""Messages about published addresses (``history.py``), shaped like ``messages.MESSAGES``.

To be merged into ``messages.MESSAGES`` (``MESSAGES.update(HISTORY_MESSAGES)``):
the same rules hold — both languages, the same ``{parameters}``, and each says
what to do.
"""

from __future__ import annotations

HISTORY_MESSAGES: dict[str, dict[str, str]] = {
    "history.deleted": {
        "id": "tulisan ini sudah terbit di {addresses} dan berkasnya dihapus, jadi alamat itu "
              "akan mati (tautan di media sosial jadi rusak). Kembalikan berkasnya dan tulis "
              "`retired: true` bila memang ingin menurunkannya, atau tambahkan alamat lama itu "
              "ke `aliases:` tulisan penggantinya.",
        "en": "this item was published at {addresses} and its file has been deleted, so that "
              "address would stop working (links on social media would break). Restore the "
              "file and add `retired: true` if you mean to take it down, or add the old "
              "address to `aliases:` of the item that replaces it.",
    },
    "history.unpublished": {
        "id": "tulisan ini sudah terbit di {addresses}; menjadikannya draf atau memberinya "
              "tanggal yang akan datang membuat alamat itu mati. Untuk menurunkannya dengan "
              "sengaja, tulis `retired: true` (alamatnya tetap ada dan menjelaskannya).",
        "en": "this item is already published at {addresses}; making it a draft or giving it "
              "a date in the future would take that address down. To take it down on purpose, "
              "write `retired: true` (the address stays and says so).",
    },
    "history.shallow": {
        "id": "riwayat git di sini tidak lengkap (salinan dangkal), jadi alamat lama tidak bisa "
              "diperiksa. Di workflow, ambil repositori dengan `fetch-depth: 0`.",
        "en": "the git history here is incomplete (a shallow clone), so old addresses cannot "
              "be checked. In the workflow, check out the repository with `fetch-depth: 0`.",
    },
}

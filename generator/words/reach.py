"""The words of ``knowledge-site report reach``: what is wrong with an analytics export, in
Indonesian and English. Every key starts with ``reach.``; a test checks both languages."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "reach.missing": {
        "id": "Berkas ekspor {name} tidak ada. Periksa nama dan foldernya.",
        "en": "The export file {name} does not exist. Check its name and folder.",
    },
    "reach.unreadable": {
        "id": "Berkas ekspor {name} tidak bisa dibaca ({reason}).",
        "en": "The export file {name} cannot be read ({reason}).",
    },
    "reach.empty": {
        "id": "Berkas ekspor {name} kosong. Unduh ulang ekspornya dari alat analitik Anda.",
        "en": "The export file {name} is empty. Download the export again from your "
              "analytics tool.",
    },
    "reach.too_large": {
        "id": "Berkas ekspor {name} terlalu besar ({size} bita; paling besar {limit} bita). "
              "Ekspor rentang tanggal yang lebih pendek.",
        "en": "The export file {name} is too large ({size} bytes; at most {limit} bytes). "
              "Export a shorter date range.",
    },
    "reach.not_text": {
        "id": "Berkas ekspor {name} bukan CSV, JSON, atau zip: pada bita ke-{offset} ada isi "
              "yang bukan teks UTF-8/UTF-16. Unduh ekspornya sebagai CSV atau JSON.",
        "en": "The export file {name} is not CSV, JSON or zip: at byte {offset} it holds "
              "something that is not UTF-8/UTF-16 text. Download the export as CSV or JSON.",
    },
    "reach.bad_json": {
        "id": "Berkas ekspor {name} tampak seperti JSON tetapi rusak di baris {line} kolom "
              "{column}: {reason}.",
        "en": "The export file {name} looks like JSON but is broken at line {line} column "
              "{column}: {reason}.",
    },
    "reach.bad_csv": {
        "id": "Berkas ekspor {name} tampak seperti CSV tetapi rusak di baris {line}: {reason}.",
        "en": "The export file {name} looks like CSV but is broken at line {line}: {reason}.",
    },
    "reach.bad_zip": {
        "id": "Berkas ekspor {name} tampak seperti zip tetapi tidak bisa dibuka: {reason}.",
        "en": "The export file {name} looks like a zip but cannot be opened: {reason}.",
    },
    "reach.zip_too_large": {
        "id": "Zip {name} berisi {size} bita setelah dibuka (paling besar {limit} bita); "
              "zip ini tidak dibuka.",
        "en": "The zip {name} unpacks to {size} bytes (at most {limit} bytes); it was not "
              "unpacked.",
    },
    "reach.unknown_shape": {
        "id": "Berkas ekspor {name} tidak berbentuk ekspor GoatCounter, Plausible, Umami, "
              "maupun Matomo. Yang dikenali: {expected}.",
        "en": "The export file {name} has the shape of no GoatCounter, Plausible, Umami or "
              "Matomo export. Recognised: {expected}.",
    },
    "reach.wrong_tool": {
        "id": "Berkas ekspor {name} disebut ekspor {tool}, tetapi bentuknya seperti ekspor "
              "{looks_like}. Sebutkan alat yang benar atau pilih berkas lain.",
        "en": "The export file {name} was named a {tool} export, but it looks like a "
              "{looks_like} export. Name the right tool or choose another file.",
    },
    "reach.not_tool_shape": {
        "id": "Berkas ekspor {name} bukan ekspor {tool} yang dikenali. Untuk {tool} yang "
              "dikenali: {expected}.",
        "en": "The export file {name} is not a {tool} export we know. For {tool} we read: "
              "{expected}.",
    },
    "reach.bad_number": {
        "id": "Berkas ekspor {name}, baris {row}, kolom {column}: `{value}` bukan bilangan "
              "cacah.",
        "en": "The export file {name}, row {row}, column {column}: `{value}` is not a whole "
              "number.",
    },
    "reach.bad_date": {
        "id": "Berkas ekspor {name}, baris {row}, kolom {column}: `{value}` bukan tanggal atau "
              "waktu yang terbaca.",
        "en": "The export file {name}, row {row}, column {column}: `{value}` is not a date or "
              "time we can read.",
    },
    "reach.tool_error": {
        "id": "Berkas ekspor {name} berisi pesan galat dari alat analitik, bukan data: "
              "{message}",
        "en": "The export file {name} holds an error from the analytics tool, not data: "
              "{message}",
    },
}

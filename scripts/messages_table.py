"""Print (or write) the list of every `check` message as Markdown, for the librarian guides.

    python3 scripts/messages_table.py id          # print the Indonesian list
    python3 scripts/messages_table.py --write     # rewrite docs/messages-id.md and -en.md

The lists are generated from generator/messages.py (and the messages still kept
beside it, such as generator/history_messages.py), so they never drift from what
`check` prints; tests/test_librarian_docs.py fails when they are out of date.
"""

from __future__ import annotations

import argparse
import importlib
import string
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

# The marks around a placeholder: single angle quotation marks, never mistaken for YAML.
OPEN, CLOSE = "\u2039", "\u203a"

# Message tables merged into messages.MESSAGES by the lead (listed until then).
EXTRA_TABLES = (("generator.words.history_messages", "HISTORY_MESSAGES"),)

GROUPS = {
    "file": ("Berkas", "Files"),
    "yaml": ("Penulisan YAML", "Writing YAML"),
    "field": ("Kolom", "Fields"),
    "value": ("Nilai", "Values"),
    "id": ("Penulis dan topik", "Authors and topics"),
    "registry": ("authors.yml dan topics.yml", "authors.yml and topics.yml"),
    "slug": ("Alamat (slug)", "Addresses (slug)"),
    "address": ("Alamat ganda", "Addresses claimed twice"),
    "alias": ("Alamat lama (aliases)", "Old addresses (aliases)"),
    "translation": ("Terjemahan", "Translations"),
    "image": ("Gambar", "Pictures"),
    "asset": ("Berkas pendukung", "Pictures and other files"),
    "link": ("Tautan", "Links"),
    "body": ("HTML di isi tulisan", "HTML in the text"),
    "isbn": ("ISBN", "ISBN"),
    "video": ("Video", "Videos"),
    "history": ("Alamat yang sudah terbit", "Addresses already published"),
    "settings": ("Pengaturan (mkdocs.yml)", "Settings (mkdocs.yml)"),
}

INTRO = {
    "id": ("# Daftar pesan `knowledge-site check`\n\n"
           "Dibuat otomatis dari `generator/messages.py` dengan "
           "`python3 scripts/messages_table.py --write` — jangan disunting dengan tangan.\n"
           f"Tanda {OPEN}…{CLOSE} diganti dengan nilai sebenarnya dari berkas Anda. "
           "Penjelasan cara membaca pesan ada di [panduan pustakawan](panduan-pustakawan.md).\n"),
    "en": ("# Every `knowledge-site check` message\n\n"
           "Generated from `generator/messages.py` by "
           "`python3 scripts/messages_table.py --write` — do not edit by hand.\n"
           f"{OPEN}…{CLOSE} stands for the actual value from your file. How to read a message is "
           "explained in the [librarian's guide](librarian-guide.md).\n"),
}
HEADER = {"id": "| kode | pesan |\n|---|---|", "en": "| code | message |\n|---|---|"}


def all_messages() -> dict[str, dict[str, str]]:
    from generator.words.messages import MESSAGES

    merged = dict(MESSAGES)
    for module, name in EXTRA_TABLES:
        try:
            table = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):
            continue
        for code, texts in table.items():
            merged.setdefault(code, texts)
    return merged


def readable(template: str) -> str:
    """``{value}`` -> the name in angle marks; ``{{`` -> ``{``; pipes escaped for a table."""
    out = []
    for literal, name, _, _ in string.Formatter().parse(template):
        out.append(literal)
        if name is not None:
            out.append(f"{OPEN}{name}{CLOSE}")
    return "".join(out).replace("|", "\\|").replace("\n", " ")


def table(lang: str) -> str:
    messages = all_messages()
    groups: dict[str, list[str]] = {}
    for code in messages:
        groups.setdefault(code.split(".")[0], []).append(code)
    index = 0 if lang == "id" else 1
    parts = [INTRO[lang]]
    order = [g for g in GROUPS if g in groups] + sorted(g for g in groups if g not in GROUPS)
    for group in order:
        title = GROUPS.get(group, (group, group))[index]
        parts.append(f"\n## {title}\n\n{HEADER[lang]}")
        for code in sorted(groups[group]):
            text = messages[code].get(lang) or messages[code]["en"]
            parts.append(f"| `{code}` | {readable(text)} |")
    return "\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("lang", nargs="?", choices=("id", "en"), default="id")
    parser.add_argument("--write", action="store_true",
                        help="rewrite docs/messages-id.md and docs/messages-en.md")
    args = parser.parse_args(argv)
    if args.write:
        for lang in ("id", "en"):
            (REPO / "docs" / f"messages-{lang}.md").write_text(table(lang), encoding="utf-8")
        return 0
    sys.stdout.write(table(args.lang))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

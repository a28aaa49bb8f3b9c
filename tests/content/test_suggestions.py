"""Messages that find what was meant (issue 17): ids by prefix, word and spelling; Indonesian
words for every enumeration; paths that differ in case, extension or folder; a file that is not
UTF-8 shown by line, column and bytes — each case in Indonesian and English, through the real
``check`` command on a small site."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from checkkit import check_here
from sitekit import AUTHORS, TUTORIAL, make_site

AUTHORS_PLUS = AUTHORS + "siti-rahma:\n  name: Siti Rahma\n  role: Pustakawan Referensi\n"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082")
TUTORIAL_PATH = "site_src/tutorials/dasar-opac.md"


def tutorial(**changes: str) -> str:
    """The base tutorial with front matter lines replaced (``key: value``) or added."""
    text = TUTORIAL
    for key, value in changes.items():
        line = next((ln for ln in text.split("\n") if ln.startswith(f"{key}:")), None)
        text = (text.replace(line, f"{key}: {value}", 1) if line is not None
                else text.replace("\n---\n", f"\n{key}: {value}\n---\n", 1))
    return text


def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str,
        files: dict[str, str | bytes]) -> tuple[int, list[dict[str, Any]], str]:
    site = make_site(tmp_path / "site", {"site_src/authors.yml": AUTHORS_PLUS,
                                         "site_src/images/cover.jpg": PNG, **files})
    proc = check_here(site, monkeypatch, "--format", "json", "--lang", lang)
    text = check_here(site, monkeypatch, "--lang", lang)
    return proc.returncode, json.loads(proc.stdout), text.stderr


# (case, files, expected code at TUTORIAL_PATH or None for "accepted", what the message names)
SUGGESTIONS: list[tuple[str, dict[str, str | bytes], str | None, str]] = [
    ("id by its start", {TUTORIAL_PATH: tutorial(authors="[siti]")}, "id.unknown_suggest",
     "`siti-rahma`"),
    ("id by one word", {TUTORIAL_PATH: tutorial(authors="[rahma]")}, "id.unknown_suggest",
     "`siti-rahma`"),
    ("id by the person's name", {TUTORIAL_PATH: tutorial(authors="[Siti Rahma]")},
     "id.unknown_suggest", "`siti-rahma`"),
    ("id by spelling", {TUTORIAL_PATH: tutorial(authors="[siti-rahmah]")}, "id.unknown_suggest",
     "`siti-rahma`"),
    ("level in Indonesian", {TUTORIAL_PATH: tutorial(level="pemula")}, None, ""),
    ("level as the page shows it", {TUTORIAL_PATH: tutorial(level="Menengah")}, None, ""),
    ("level, another Indonesian word", {TUTORIAL_PATH: tutorial(level="lanjutan")}, None, ""),
    ("level misspelt", {TUTORIAL_PATH: tutorial(level="pemulaa")}, "value.choice_suggest",
     "`pemula`"),
    ("picture in the wrong case", {TUTORIAL_PATH: tutorial(
        image="../images/COVER.JPG", image_alt="Sampul")}, "asset.missing_suggest",
     "`../images/cover.jpg`"),
    ("picture with another extension", {TUTORIAL_PATH: tutorial(
        image="images/cover.jpeg", image_alt="Sampul")}, "asset.missing_suggest",
     "`images/cover.jpg`"),
    ("picture without its folder", {TUTORIAL_PATH: tutorial(
        image="cover.jpg", image_alt="Sampul")}, "asset.missing_suggest",
     "`../images/cover.jpg`"),
    ("link in the wrong case", {TUTORIAL_PATH: TUTORIAL.replace("../reviews/dune.md",
                                                                "../reviews/Dune.md")},
     "link.broken_item_suggest", "`../reviews/dune.md`"),
    ("link to an address misspelt", {TUTORIAL_PATH: TUTORIAL.replace("../reviews/dune.md",
                                                                     "/reviews/dunes/")},
     "link.broken_item_suggest", "`/reviews/dune/`"),
    ("a field named in Indonesian", {TUTORIAL_PATH: tutorial(durasi="15")},
     "field.unknown_suggest", "`duration`"),
]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(("case", "files", "code", "named"), SUGGESTIONS,
                         ids=[c[0] for c in SUGGESTIONS])
def test_suggestions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, case: str,
                     files: dict[str, str | bytes], code: str | None, named: str) -> None:
    _, messages, _ = run(tmp_path, monkeypatch, lang, files)
    mine = [m for m in messages if m["path"] == TUTORIAL_PATH]
    if code is None:
        assert mine == []
        return
    assert [m["code"] for m in mine] == [code], mine
    assert named in mine[0]["message"]
    question = {"id": "Maksud Anda", "en": "Did you mean"}[lang]
    assert question in mine[0]["message"]


# (case, bytes, line, code, what the message shows)
ENCODINGS = [
    ("é from Windows-1252", b"Kafe\xe9 dan buku\n", "file.encoding_guess",
     ("column 5 ", "E9", "`\xe9`", "`Kafe\xe9`")),
    ("curly quotes from Word", b"Kata \x93kutip\x94 di sini\n", "file.encoding_guess",
     ("column 6 ", "93", "`\u201c`", "`\u201ckutip\u201d`")),
    ("apostrophe from Word", b"Jum\x92at pagi\n", "file.encoding_guess",
     ("column 4 ", "92", "`\u2019`", "`Jum\u2019at`")),
    ("a byte nothing maps", b"ab\x81cd\n", "file.encoding", ("column 3 ", "81")),
]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(("case", "line", "code", "shows"), ENCODINGS,
                         ids=[c[0] for c in ENCODINGS])
def test_a_file_that_is_not_utf8(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str,
                                 case: str, line: bytes, code: str, shows: tuple[str, ...]
                                 ) -> None:
    data = TUTORIAL.encode() + b"Baris biasa.\n" + line
    code_line = data.count(b"\n")
    exit_code, messages, _ = run(tmp_path, monkeypatch, lang, {TUTORIAL_PATH: data})
    assert exit_code == 1
    mine = [m for m in messages if m["path"] == TUTORIAL_PATH]
    assert [(m["line"], m["code"]) for m in mine] == [(code_line, code)]
    for text in shows:
        assert text.replace("column", {"id": "kolom", "en": "column"}[lang]) in mine[0]["message"]
    assert "UTF-8" in mine[0]["message"]


def test_a_file_saved_as_utf16(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, messages, _ = run(tmp_path, monkeypatch, "en",
                         {TUTORIAL_PATH: TUTORIAL.encode("utf-16")})
    assert [(m["path"], m["code"]) for m in messages] == [(TUTORIAL_PATH, "file.utf16")]


SCHEDULED = TUTORIAL.replace("date: 2026-01-10", "date: 2026-10-05T09:30").replace(
    "title: Dasar OPAC", "title: Nanti")
DRAFT = TUTORIAL.replace("title: Dasar OPAC", "title: Belum siap").replace(
    "date: 2026-01-10", "date: 2026-01-10\ndraft: ya")
HELD = {
    "id": ["Belum terbit: 1 draf dan 1 tulisan terjadwal.",
           "  draf: site_src/tutorials/belum.md (Belum siap) terbit setelah `draft: true` dihapus",
           "  terjadwal: site_src/tutorials/nanti.md (Nanti) terbit 5 Oktober 2026 pukul 09.30 "
           "WIB, pada pembangunan pertama sesudahnya"],
    "en": ["Not published yet: 1 draft(s) and 1 scheduled item(s).",
           "  draft: site_src/tutorials/belum.md (Belum siap) goes out once `draft: true` is "
           "removed",
           "  scheduled: site_src/tutorials/nanti.md (Nanti) goes out October 5, 2026 at "
           "9:30\u202fAM WIB, with the first build after that"],
}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_check_says_what_was_held_back_and_until_when(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    exit_code, _, stderr = run(tmp_path, monkeypatch, lang, {
        "site_src/tutorials/nanti.md": SCHEDULED, "site_src/tutorials/belum.md": DRAFT})
    assert exit_code == 0
    assert stderr.splitlines()[-3:] == HELD[lang]


def test_nothing_held_back_says_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, _, stderr = run(tmp_path, monkeypatch, "en", {})
    assert stderr.strip() == "All files are fine."


@pytest.mark.slow
def test_the_preview_banner_of_a_scheduled_item_shows_its_time(tmp_path: Path) -> None:
    from sitekit import cli

    site = make_site(tmp_path / "site", {"site_src/tutorials/nanti.md": SCHEDULED})
    built = cli("build", "--future", "-d", str(tmp_path / "out"), cwd=site)
    assert built.returncode == 0, built.stderr
    assert "Ikut di pratinjau ini, dengan tanda: 0 draf dan 1 tulisan terjadwal." in built.stderr
    page = (tmp_path / "out/tutorials/nanti/index.html").read_text(encoding="utf-8")
    assert "TERJADWAL — terbit 5 Oktober 2026 pukul 09.30 WIB" in page

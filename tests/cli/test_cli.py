"""The command as a librarian meets it: exit codes, languages, `new`, no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

from sitekit import cli, make_site


def test_clean_site_checks_clean(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    result = cli("check", cwd=root)
    assert (result.returncode, result.stdout) == (0, "")
    assert "Semua berkas baik." in result.stderr


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    assert cli("check", "--format", "xml", cwd=root).returncode == 2
    assert cli("new", "poem", "Judul", cwd=root).returncode == 2
    assert cli(cwd=root).returncode == 2


def test_messages_in_indonesian_by_default_and_english_on_request(tmp_path: Path) -> None:
    root = make_site(tmp_path, {"site_src/reviews/dune.md": "---\nsummary: x\n---\n"})
    default = cli("check", cwd=root)
    english = cli("check", "--lang", "en", cwd=root)
    assert default.returncode == english.returncode == 1
    assert "kolom wajib ini belum ada" in default.stdout
    assert "this required field is missing" in english.stdout
    assert "Traceback" not in default.stderr + english.stderr


def test_json_and_github_formats(tmp_path: Path) -> None:
    root = make_site(tmp_path, {"site_src/reviews/dune.md": "---\ntitle: Dune\n---\n"})
    data = json.loads(cli("check", "--format", "json", cwd=root).stdout)
    assert {"path", "line", "field", "severity", "message", "code"} <= set(data[0])
    assert {(d["path"], d["field"]) for d in data} >= {("site_src/reviews/dune.md", "summary")}
    github = cli("check", "--format", "github", cwd=root).stdout.splitlines()
    assert github and all(line.startswith("::error file=site_src/reviews/dune.md,line=")
                          for line in github)


def test_bad_source_date_epoch_is_a_usage_error(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    result = cli("check", cwd=root, epoch=None, env={"SOURCE_DATE_EPOCH": "kemarin"})
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_missing_mkdocs_yml_is_a_message(tmp_path: Path) -> None:
    result = cli("check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("mkdocs.yml:1: error: file:")


def _fill(text: str, values: dict[str, str]) -> str:
    """Fill the marked fields of a `new` file the way a librarian would, line by line."""
    out: list[str] = []
    key = ""
    for line in text.split("\n"):
        if line and not line.startswith((" ", "#")) and ":" in line:
            key = line.split(":", 1)[0]
            if line.rstrip().endswith(":") and key in values and key not in ("authors",
                                                                              "topics"):
                line = f"{key}: {values[key]}"
        elif line.strip() == "-" and key in values:
            line = f"{line.rstrip()} {values[key]}"
        out.append(line)
    return "\n".join(out)


def test_new_then_check_then_fill_then_clean(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    created = cli("new", "tutorial", "Cara Cari Jurnal: Panduan", cwd=root)
    assert created.returncode == 0, created.stderr
    path = root / "site_src/tutorials/cara-cari-jurnal-panduan.md"
    text = path.read_text(encoding="utf-8")
    assert 'title: "Cara Cari Jurnal: Panduan"' in text
    assert "ISI" in text

    check = json.loads(cli("check", "--format", "json", cwd=root).stdout)
    fields = {d["field"] for d in check if d["path"].endswith("cara-cari-jurnal-panduan.md")}
    assert fields == {"summary", "authors", "topics", "level"}

    path.write_text(_fill(text, {"summary": "Menemukan artikel jurnal.", "authors": "ani",
                                 "topics": "literasi", "level": "beginner"}),
                    encoding="utf-8")
    result = cli("check", "--strict", cwd=root)
    assert result.returncode == 0, result.stdout


def test_new_never_overwrites(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    existing = root / "site_src/reviews/dune.md"
    before = existing.read_bytes()
    result = cli("new", "review", "Dune", cwd=root)
    assert result.returncode == 1
    assert "sudah ada" in result.stderr
    assert existing.read_bytes() == before


def test_new_in_english_and_any_script(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    result = cli("new", "video", "مكتبة 📚", "--lang", "en", cwd=root)
    assert result.returncode == 0
    [made] = [p for p in (root / "site_src/videos").iterdir() if p.name != "tur.md"]
    assert made.name.endswith(".md") and made.stem.replace("-", "").isalnum()
    assert "FILL IN" in made.read_text(encoding="utf-8")

"""Helpers for the check fixture cases (tests/content/fixtures): a case's site, ``check``
run in this process or as a separate one, and its JSON output read strictly."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import pytest

from generator.cli.main import main

FIXTURES = Path(__file__).parent / "content" / "fixtures"
BASE_SITE = FIXTURES / "base-site"
CASES_DIR = FIXTURES / "check"
CASES = sorted(p.name for p in CASES_DIR.iterdir() if p.is_dir())
DELETE_SUFFIX = ".delete"
NOW = "1790000000"  # 2026-09-21T14:13:20Z: a fixed "now" for every run
KEYS = ("path", "line", "field", "severity")

Message = tuple[str, int, str, str]


# -- helpers ------------------------------------------------------------------------------------


def expected_of(case: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CASES_DIR / case / "expected.json").read_text("utf-8"))
    return data


def expected_set(case: str) -> set[Message]:
    return {tuple(m[k] for k in KEYS) for m in expected_of(case)["messages"]}  # type: ignore[misc]


def overlay_files(case: str) -> list[Path]:
    """The overlay's files, relative to the case folder (expected.json excluded)."""
    folder = CASES_DIR / case
    return sorted(
        p.relative_to(folder)
        for p in folder.rglob("*")
        if p.is_file() and p.relative_to(folder) != Path("expected.json")
    )


def make_site(tmp_path: Path, case: str | None = None) -> Path:
    """A fresh copy of the base site with the case's overlay applied."""
    site = tmp_path / "site"
    shutil.copytree(BASE_SITE, site)
    if case is None:
        return site
    for rel in overlay_files(case):
        source = CASES_DIR / case / rel
        if rel.name.endswith(DELETE_SUFFIX):
            target = site / rel.with_name(rel.name[: -len(DELETE_SUFFIX)])
            assert target.is_file(), f"{case}: {rel} deletes a file the base site does not have"
            target.unlink()
        else:
            target = site / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)  # byte for byte: BOM, CRLF, Latin-1 survive
    return site


def run_check(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SOURCE_DATE_EPOCH=NOW)
    env.pop("PYTHONSTARTUP", None)
    return subprocess.run(
        [sys.executable, "-m", "generator", "check", *args],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def check_here(site: Path, monkeypatch: pytest.MonkeyPatch, *args: str
               ) -> subprocess.CompletedProcess[str]:
    """``knowledge-site check`` in this process: the same command, no interpreter start."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOW)
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["-C", str(site), "check", *args])
    return subprocess.CompletedProcess(["check", *args], code, out.getvalue(), err.getvalue())


def describe(proc: subprocess.CompletedProcess[str]) -> str:
    return f"exit {proc.returncode}\n--- stdout ---\n{proc.stdout}\n--- stderr ---\n{proc.stderr}"


def json_messages(proc: subprocess.CompletedProcess[str]) -> list[dict[str, Any]]:
    """stdout of ``check --format json``: a list of message objects, each well formed."""
    assert "Traceback" not in proc.stderr, describe(proc)
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        pytest.fail(f"stdout is not JSON ({exc})\n{describe(proc)}")
    assert isinstance(data, list), describe(proc)
    for m in data:
        assert isinstance(m, dict), describe(proc)
        missing = {"path", "line", "field", "severity", "message", "code"} - m.keys()
        assert not missing, f"message without {sorted(missing)}: {m}"
        assert isinstance(m["path"], str) and "\\" not in m["path"], m
        assert not m["path"].startswith(("/", "./")), m
        assert isinstance(m["line"], int) and not isinstance(m["line"], bool), m
        assert m["line"] >= 1, m
        assert isinstance(m["field"], str) and m["field"], m
        assert m["severity"] in ("error", "warning"), m
        assert isinstance(m["message"], str) and m["message"].strip(), m
    return data


def as_set(messages: list[dict[str, Any]]) -> set[Message]:
    return {tuple(m[k] for k in KEYS) for m in messages}  # type: ignore[misc]


def show(messages: set[Message]) -> str:
    return "\n".join(f"  {p}:{ln}: {sev}: {fld}" for p, ln, fld, sev in sorted(messages)) or "  -"

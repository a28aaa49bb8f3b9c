"""Every validation rule of ``knowledge-site check``, one fixture folder per case.

``tests/content/fixtures/base-site/`` is a tiny valid site repository. Each folder in
``tests/content/fixtures/check/`` is an overlay: its files are copied over a fresh copy of
the base site (added, or replacing a base file), a file named ``<name>.delete``
removes ``<name>`` from the copy, and ``expected.json`` says what ``check`` must
report::

    {"exit": 1, "strict_exit": 1,
     "messages": [{"path": "site_src/tutorials/x.md", "line": 3, "field": "title",
                   "severity": "error"}]}

The set of (path, line, field, severity) that ``check --format json`` prints must
equal the expected set exactly: nothing missing, nothing extra. Each case runs the
command's own ``main()`` in this process (a subprocess per case cost a second each), with a
fixed "now" (SOURCE_DATE_EPOCH = 2026-09-21); a few cases and the output formats also run
as a librarian's CI would: in the site folder, as a separate process, against the
installed package (``test_cases_end_to_end``, ``test_github_annotations``, ...).

To add a case: make a folder, put in it only the files that differ from the base
site (keep them tiny), write expected.json, and count the lines by hand (the
opening ``---`` is line 1).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from checkkit import (
    CASES,
    DELETE_SUFFIX,
    KEYS,
    Message,
    as_set,
    check_here,
    describe,
    expected_of,
    expected_set,
    json_messages,
    make_site,
    overlay_files,
    run_check,
    show,
)

# -- the fixtures themselves (these pass without the generator) ---------------------------------


def test_there_are_cases() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize("case", CASES)
def test_fixture_is_well_formed(case: str, tmp_path: Path) -> None:
    expected = expected_of(case)
    assert set(expected) == {"exit", "strict_exit", "messages"}, case
    messages = expected["messages"]
    for m in messages:
        assert set(m) == set(KEYS), (case, m)
        assert m["severity"] in ("error", "warning"), (case, m)
        assert isinstance(m["line"], int) and m["line"] >= 1, (case, m)
    has_error = any(m["severity"] == "error" for m in messages)
    assert expected["exit"] == (1 if has_error else 0), case
    assert expected["strict_exit"] == (1 if messages else 0), case
    assert len(expected_set(case)) == len(messages), f"{case}: a message is listed twice"
    assert overlay_files(case), f"{case}: the overlay changes nothing"
    # Every message names a file that exists in the site (or that the case deleted), and its
    # line exists in that file.
    site = make_site(tmp_path, case)
    deleted = {
        str(rel.with_name(rel.name[: -len(DELETE_SUFFIX)]))
        for rel in overlay_files(case)
        if rel.name.endswith(DELETE_SUFFIX)
    }
    for m in messages:
        if m["path"] in deleted:
            assert m["line"] == 1, (case, m)
            continue
        target = site / m["path"]
        assert target.is_file(), (case, m)
        lines = max(1, target.read_bytes().count(b"\n"))
        assert m["line"] <= lines, (case, m, lines)


# -- check against the fixtures -----------------------------------------------------------------


def test_base_site_is_clean(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    for args in (("--format", "json"), ("--format", "json", "--strict")):
        proc = run_check(site, *args)
        assert json_messages(proc) == [], describe(proc)
        assert proc.returncode == 0, describe(proc)


def assert_case(case: str, site: Path, run: Any) -> None:
    expected = expected_of(case)
    want = expected_set(case)

    proc = run("--format", "json")
    got = as_set(json_messages(proc))
    assert got == want, (
        f"{case}: messages differ\nmissing:\n{show(want - got)}\nunexpected:\n{show(got - want)}"
        f"\n{describe(proc)}"
    )
    assert proc.returncode == expected["exit"], describe(proc)

    # --strict turns warnings into errors: the same problems, reported at the same places.
    strict = run("--format", "json", "--strict")
    strict_got = {m[:3] for m in as_set(json_messages(strict))}
    assert strict_got == {m[:3] for m in want}, describe(strict)
    assert strict.returncode == expected["strict_exit"], describe(strict)


@pytest.mark.parametrize("case", CASES)
def test_check(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = make_site(tmp_path, case)
    assert_case(case, site, lambda *args: check_here(site, monkeypatch, *args))


# A file that is not UTF-8, a YAML error, a link between items, settings: as CI runs them.
END_TO_END = ("not-utf8", "yaml-duplicate-key", "body-link-broken", "settings-bad-timezone")


@pytest.mark.parametrize("case", END_TO_END)
def test_cases_end_to_end(case: str, tmp_path: Path) -> None:
    site = make_site(tmp_path, case)
    assert_case(case, site, lambda *args: run_check(site, *args))


# -- output formats and languages ---------------------------------------------------------------
# These compare one output with another for the same site, so they test the formats and the
# languages, not the placement rules (test_check does that).

MIXED_CASE = "unknown-key-typo"  # one error (title missing) and one warning (tittle)


def test_messages_follow_the_language(tmp_path: Path) -> None:
    """Default = the site's language (id); ``--lang en`` gives English for the same problems."""
    site = make_site(tmp_path, "missing-shared-fields")
    texts: dict[str, dict[Message, str]] = {}
    for name, extra in (("default", ()), ("id", ("--lang", "id")), ("en", ("--lang", "en"))):
        proc = run_check(site, "--format", "json", *extra)
        messages = json_messages(proc)
        assert proc.returncode == 1, describe(proc)
        assert len(messages) >= 5, describe(proc)  # title, summary, date, authors, topics
        texts[name] = {tuple(m[k] for k in KEYS): m["message"] for m in messages}  # type: ignore[misc]
    assert texts["default"] == texts["id"]
    assert texts["en"].keys() == texts["id"].keys()
    for place, text in texts["en"].items():
        assert text != texts["id"][place], (place, text)


def test_github_annotations(tmp_path: Path) -> None:
    site = make_site(tmp_path, MIXED_CASE)
    reference = json_messages(run_check(site, "--format", "json"))
    proc = run_check(site, "--format", "github")
    assert "Traceback" not in proc.stderr, describe(proc)
    assert proc.returncode == 1, describe(proc)
    annotation = re.compile(r"^::(error|warning) file=([^,]+),line=(\d+)(?:,[^:]*)?::(.+)$")
    got = set()
    for line in proc.stdout.splitlines():
        if not line.startswith("::"):
            continue
        m = annotation.match(line)
        assert m, f"not a workflow annotation: {line!r}"
        got.add((m[2], int(m[3]), m[1]))
    assert got == {(m["path"], m["line"], m["severity"]) for m in reference}, describe(proc)
    lines = proc.stdout.splitlines()
    assert any(
        ln.startswith("::error file=site_src/tutorials/salah-ketik.md,line=") for ln in lines
    )
    assert any(
        ln.startswith("::warning file=site_src/tutorials/salah-ketik.md,line=2") for ln in lines
    ), describe(proc)


def test_text_format(tmp_path: Path) -> None:
    """``path:line: severity: field: message``, one line per problem."""
    site = make_site(tmp_path, MIXED_CASE)
    reference = json_messages(run_check(site, "--format", "json"))
    assert reference
    proc = run_check(site)
    assert "Traceback" not in proc.stderr, describe(proc)
    assert proc.returncode == 1, describe(proc)
    lines = (proc.stdout + "\n" + proc.stderr).splitlines()  # either stream will do
    for m in reference:
        line = f"{m['path']}:{m['line']}: {m['severity']}: {m['field']}: {m['message']}"
        assert line in lines, (line, describe(proc))

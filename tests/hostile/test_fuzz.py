"""Fuzzing ``check`` and ``build`` with generated front matter and bodies (Hypothesis).

The only outcomes allowed: a clean result, or messages naming a file under ``site_src/``
and a line of it — never a traceback. When a build succeeds, every published item's title
and summary are in its page and in ``feed.xml``, as text (after the documented cleaning of
the characters XML 1.0 forbids: ``feed_entries.clean_text``).

Generated files start from a valid item of each type and mutate it: values replaced by
YAML's traps (``1984``, ``no``, ``0441172717``, ``1:30``, ``2024-02-30``), lists where
text is expected and the reverse, mappings, any Unicode (right-to-left override,
combining marks, emoji, control characters as escapes), unknown and duplicated keys,
broken YAML (unclosed quotes and brackets, tabs, anchors, tags), a missing closing
``---``, a byte-order mark, CRLF line ends; bodies mix Markdown, raw HTML (dangerous
included), links to other items and video URLs.

Bounded for CI: ``HYPOTHESIS_PROFILE`` picks the number of examples — ``default`` (and
``ci``): 25 checks and 3 builds; ``dev``: 300 checks and 20 builds. Builds are slow
(a real ``knowledge-site build`` each) and marked ``slow``.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import lxml.html
import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from sitekit import cli, make_site

from generator.content.diagnostics import Diagnostic
from generator.feeds.entries import clean_text
from generator.library.check import run
from generator.words.messages import MESSAGES

EPOCH = 1790000000
NOW = datetime.fromtimestamp(EPOCH, UTC)

_COMMON = {"deadline": None, "database": None, "print_blob": True,
           "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large,
                                     HealthCheck.function_scoped_fixture]}
settings.register_profile("default", max_examples=25, **_COMMON)
settings.register_profile("ci", max_examples=25, derandomize=True, **_COMMON)
settings.register_profile("dev", max_examples=300, **_COMMON)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "default")
CHECKS = settings(settings.get_profile(PROFILE))
BUILDS = settings(CHECKS, max_examples={"dev": 20}.get(PROFILE, 3))


# -- text a librarian (or a clipboard) might produce ---------------------------------------------

SPECIAL = ["1984", "no", "yes", "on", "off", "0441172717", "1:30", "0x1F", "1e3", ".inf",
           "~", "null", "true", "-", "2024-02-30", "2024-13-01", "2026-01-10",
           "2026-01-10T09:30", "2026-01-10T25:00", "2026-01-10 09:30:00+07:00", "12:30:45",
           "\u202etxt.exe", "e\u0301\u0338", "👩🏽‍🏫📚", "</title><script>alert(1)</script>",
           "\"onerror=alert(1) x='", "]]>", "& &amp; &lt;", "=SUM(A1)", "{{ 7*7 }}",
           "*em* _u_ [l](javascript:x)", "a\tb", "   ", "", "#", "@x", "%", "|", ">"]
# YAML 1.1 "printable" (what PyYAML reads unescaped); everything else is written escaped.
_PRINTABLE = re.compile("[\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def yq(text: str) -> str:
    """A YAML double-quoted scalar holding exactly ``text``."""
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch in "\"\\":
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif code < 0x20 or 0x7F <= code <= 0x9F or ch in "\u2028\u2029\ufeff" or (
                not _PRINTABLE.match(ch)):
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
        else:
            out.append(ch)
    return "".join(out) + '"'


texts = st.one_of(
    st.sampled_from(SPECIAL),
    st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1,
            max_size=130),
)


def plain_or_quoted(text: str) -> st.SearchStrategy[str]:
    """As written in YAML: plain (YAML decides what it is) or double-quoted (text)."""
    plain = text if "\n" not in text else text.replace("\n", " ")
    return st.sampled_from([yq(text), plain])


scalars = texts.flatmap(plain_or_quoted)
BROKEN = ['"unclosed', "'unclosed", "[a, b", "{a: 1", "!!int 3", "*nowhere", "&a x",
          "a: b: c", "- x", "|", ">-", "\t", ": x", "@x", "`x`", "!ENV X", "? x"]
lists = st.lists(scalars, max_size=3).map(
    lambda xs: "[" + ", ".join(xs) + "]" if xs and len("".join(xs)) < 60 else
    "".join(f"\n  - {x}" for x in xs) or "[]")
maps = st.dictionaries(st.sampled_from(["title", "authors", "isbn", "url", "duration", "x"]),
                       scalars, max_size=3).map(
    lambda d: "".join(f"\n  {k}: {v}" for k, v in d.items()) or "{}")
values = st.one_of(scalars, scalars, lists, maps, st.sampled_from(BROKEN))

BASE = {
    "tutorials": {"title": "Tutorial uji", "summary": "Ringkasan tutorial.",
                  "date": "2026-01-15", "authors": "[ani]", "topics": "[literasi]",
                  "level": "beginner"},
    "reviews": {"title": "Resensi uji", "summary": "Ringkasan resensi.", "date": "2026-01-16",
                "authors": "[budi]", "topics": "[sastra]",
                "book": "\n  title: Buku\n  authors: [Penulis]\n  isbn: 0441172717",
                "rating": "4"},
    "videos": {"title": "Video uji", "summary": "Ringkasan video.", "date": "2026-01-17",
               "authors": "[ani]", "topics": "[literasi]",
               "video": "\n  url: https://youtu.be/dQw4w9WgXcQ\n  duration: \"1:30\"",
               "transcript": "../transkrip.txt"},
}
KEYS = ["title", "summary", "date", "updated", "authors", "topics", "tags", "lang", "image",
        "image_alt", "license", "draft", "slug", "aliases", "review_by", "retired", "pin",
        "translation_of", "level", "duration", "objectives", "prerequisites", "video", "book",
        "rating", "transcript"]
keys = st.one_of(st.sampled_from(KEYS), st.sampled_from(KEYS), st.text(
    st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=12).map(
        lambda k: re.sub(r"[:#\s\-\[\]{},&*!|>'\"%@`?]", "x", k) or "k"))

SNIPPETS = ["<script>alert(1)</script>", "<img src=a.png onerror=alert(1)>",
            "[x](javascript:alert(1))", "<iframe src='https://www.youtube.com/embed/x'>",
            "<b>tebal</b>", "[dune](../reviews/dune.md)", "[hilang](../reviews/tidak-ada.md)",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "```\n<script>\n```", "`<b>`",
            "## Transkrip\n\nHalo.", "| a | b |\n|---|---|\n| 1 | 2 |", "!!! note\n    isi",
            "<details><summary>s</summary>x</details>", "{: onclick=x }", "\u202e", "&amp;"]
bodies = st.lists(st.one_of(st.sampled_from(SNIPPETS), texts), max_size=6).map("\n\n".join)


valid_texts = texts.filter(lambda t: bool(t.strip()))


@st.composite
def item_files(draw: st.DrawFn, valid: bool | None = None) -> tuple[str, str]:
    """(path under site_src, text) of one item: valid but full of odd text (``valid``), or
    mutated in any way (broken YAML included); either at random when ``valid`` is None."""
    folder = draw(st.sampled_from(sorted(BASE)))
    fields = dict(BASE[folder])
    if valid is None:
        valid = draw(st.booleans())
    if valid:
        fields["title"] = yq(draw(valid_texts.filter(lambda t: len(t.strip()) <= 120)))
        fields["summary"] = yq(draw(valid_texts.filter(lambda t: len(t.strip()) <= 300)))
        fields["tags"] = "[" + ", ".join(yq(t) for t in draw(st.lists(valid_texts,
                                                                      max_size=3))) + "]"
        if folder == "tutorials":
            fields["objectives"] = "".join(f"\n  - {yq(t)}" for t in draw(
                st.lists(valid_texts, min_size=1, max_size=2)))
        fields["date"] = draw(st.sampled_from(["2026-01-15", "2025-12-31T23:59",
                                               "2026-02-01T08:00+08:00", "2027-01-01"]))
    else:
        for key in draw(st.lists(st.sampled_from(sorted(fields)), max_size=3)):
            fields.pop(key, None)
        for key, value in draw(st.lists(st.tuples(keys, values), max_size=5)):
            fields[key] = value
    lines = [f"{k}: {v}" if not v.startswith("\n") else f"{k}:{v}" for k, v in fields.items()]
    if not valid and draw(st.booleans()) and lines:  # a key written twice
        lines.append(draw(st.sampled_from(lines)))
    if not valid and draw(st.integers(0, 9)) == 0:
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(BROKEN)))
    closing = [] if not valid and draw(st.integers(0, 14)) == 0 else ["---"]
    text = "\n".join(["---", *lines, *closing, draw(bodies)]) + "\n"
    if draw(st.integers(0, 9)) == 0:
        text = text.replace("\n", "\r\n")
    if draw(st.integers(0, 9)) == 0:
        text = "\ufeff" + text
    name = draw(st.sampled_from(["fuzz", "Fuzz Berkas", "ab-c", "ülke", "x" * 90]))
    return f"{folder}/{name}.md", text


def write_site(root: Path, files: list[tuple[str, str]]) -> Path:
    extra: dict[str, str | bytes] = {f"site_src/{rel}": text.encode("utf-8")
                                     for rel, text in files}
    extra["site_src/transkrip.txt"] = "Halo semua, ini transkrip.\n"
    return make_site(root, extra)


def line_count(path: Path) -> int:
    data = path.read_bytes().replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return data.count(b"\n") + 1


def assert_well_formed(root: Path, diagnostics: list[Diagnostic]) -> None:
    for d in diagnostics:
        assert d.path == "mkdocs.yml" or d.path.startswith("site_src/"), d
        assert (root / d.path).exists() or (root / d.path).is_symlink(), d
        assert d.line >= 1, d
        if (root / d.path).is_file():
            assert d.line <= line_count(root / d.path), (d, line_count(root / d.path))
        assert d.field, d
        assert d.code in MESSAGES, d
        for lang in ("id", "en"):
            text = d.message(lang)
            unfilled = set(re.findall(r"\{([a-z_]+)\}", text)) - {"isbn"}
            assert text.strip() and not unfilled, (d, text)


# -- check ----------------------------------------------------------------------------------------

@CHECKS
@given(st.lists(item_files(), min_size=1, max_size=3))
@example([("tutorials/fuzz.md", "---\ntitle: 1984\nsummary: no\ndate: 2024-02-30\n"
                                "authors: ani\ntopics: [literasi]\nlevel: beginner\n---\n")])
@example([("reviews/fuzz.md", "\ufeff---\r\ntitle: \"\\u202e\\x01\"\r\nbook: [x]\r\n")])
def test_check_never_raises_and_names_file_and_line(files: list[tuple[str, str]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = write_site(Path(tmp), files)
        result = run(root, NOW)
        event(f"check ok: {result.ok}")
        assert_well_formed(root, result.diagnostics)
        if result.ok:
            assert result.library is not None


@CHECKS
@given(st.binary(max_size=400))
def test_check_survives_any_bytes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = make_site(Path(tmp), {"site_src/tutorials/bytes.md": b"---\n" + data})
        result = run(root, NOW)
        assert_well_formed(root, result.diagnostics)


# -- build ----------------------------------------------------------------------------------------

def visible(text: str) -> str:
    """What lxml gives back of a text (it drops C0 controls) and how whitespace shows."""
    return " ".join(re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]", "", text).split())


@pytest.mark.slow
@BUILDS
@given(st.lists(item_files(valid=True), min_size=1, max_size=3)
       | st.lists(item_files(), min_size=1, max_size=2))
def test_build_succeeds_or_says_why_and_keeps_every_title(files: list[tuple[str, str]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = write_site(Path(tmp), files)
        result = cli("build", cwd=root, epoch=EPOCH)
        assert "Traceback" not in result.stderr, result.stderr
        assert result.returncode in (0, 1), result.stderr
        checked = run(root, NOW)
        assert_well_formed(root, checked.diagnostics)
        assert (result.returncode == 0) == checked.ok, (result.stderr, checked.diagnostics)
        event(f"build exit {result.returncode}")
        if result.returncode != 0:
            assert not (root / "site").exists()
            return
        assert checked.library is not None
        site = root / "site"
        feed = feedparser.parse((site / "feed.xml").read_bytes())
        assert not feed.bozo, feed.get("bozo_exception")
        feed_titles = {e.title for e in feed.entries}
        json_titles = {i["title"] for i in json.loads((site / "feed.json").read_text("utf-8"))
                       ["items"]}
        for item in checked.library.items:
            page = lxml.html.fromstring((site / item.url / "index.html").read_bytes())
            h1 = [visible(h.text_content()) for h in page.xpath("//article//h1")]
            assert visible(item.title) in h1, (item.title, h1)
            summary = page.xpath("//p[@class='ks-summary']")
            assert summary and visible(summary[0].text_content()) == visible(item.summary)
            assert clean_text(item.title) in feed_titles, (item.title, feed_titles)
            assert clean_text(item.title) in json_titles

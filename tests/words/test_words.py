"""Every word the site and the commands say: both languages for every key, the same
placeholders in both, and one rule for pages in other languages (English)."""

from __future__ import annotations

import string

import pytest

from generator.words import (
    citation,
    feeds,
    importing,
    pages,
    player,
    reach,
    reach_report,
    report,
    search,
    social,
)
from generator.words.cli import SAYINGS
from generator.words.messages import MESSAGES, render_message
from generator.words.translate import WORDS, Translator, pick, translator, words_language

TABLES = {"pages": pages.WORDS, "feeds": feeds.WORDS, "social": social.WORDS,
          "player": player.WORDS, "report": report.WORDS, "search": search.WORDS,
          "citation": citation.WORDS, "reach_report": reach_report.WORDS, "reach": reach.WORDS,
          "messages": MESSAGES, "cli": SAYINGS,
          "importing": importing.SAYINGS}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize(("table", "key"), [(name, key) for name, table in TABLES.items()
                                            for key in sorted(table)])
def test_every_key_in_both_languages_with_the_same_placeholders(table: str, key: str) -> None:
    entry = TABLES[table][key]
    assert set(entry) == {"id", "en"}
    assert entry["id"].strip() and entry["en"].strip()
    assert _fields(entry["id"]) == _fields(entry["en"])


def test_feature_tables_keep_their_own_prefix() -> None:
    """A feature's words cannot take over another's key in the merged table."""
    for prefix, table in (("feeds.", feeds.WORDS), ("player.", player.WORDS),
                          ("report.", report.WORDS), ("reach.", reach_report.WORDS),
                          ("reach.", reach.WORDS)):
        assert all(key.startswith(prefix) for key in table), prefix
    assert len(WORDS) == sum(len(t) for t in (pages.WORDS, feeds.WORDS, social.WORDS,
                                              player.WORDS, report.WORDS, search.WORDS,
                                              citation.WORDS, reach_report.WORDS, reach.WORDS))


@pytest.mark.parametrize(("tag", "expected"), [
    ("id", "id"), ("id-ID", "id"), ("ID", "id"), ("en", "en"), ("en-GB", "en"),
    ("jv", "en"), ("ar", "en"), (None, "en"), ("", "en"),
])
def test_one_rule_for_the_language_of_the_words(tag: str | None, expected: str) -> None:
    assert words_language(tag) == expected
    assert translator(tag or "en").lang == expected


def test_translator_fills_placeholders_and_refuses_unknown_keys() -> None:
    t = Translator("id")
    assert t("minutes", n=5) == "5 menit"
    assert translator("jv")("player.play") == "Play video"
    assert translator("id-ID")("player.play") == "Putar video"
    with pytest.raises(KeyError):
        t("no.such.word")


def test_messages_and_sayings_follow_the_same_rule() -> None:
    assert render_message("file.empty", "jv", {}) == render_message("file.empty", "en", {})
    assert pick(SAYINGS["check.clean"], "id-ID") == SAYINGS["check.clean"]["id"]


def test_the_import_words_are_said_through_the_commands_table() -> None:
    """words/importing.py is merged into SAYINGS (one `says` for every command); every
    message code the import can raise has words, and the words it writes into a library's
    files (a role, a topic's description) exist in both languages."""
    import re
    from pathlib import Path

    assert set(importing.SAYINGS) <= set(SAYINGS)
    assert all(key.startswith("import.") for key in importing.SAYINGS)
    package = Path(__file__).resolve().parents[2] / "generator" / "importing"
    used = set()
    for path in package.rglob("*.py"):
        used |= set(re.findall(r'Trouble\.of\(\s*"([a-z_.]+)"', path.read_text("utf-8")))
    used |= {"import.post.edited", "import.post.gone"}  # f"import.post.{state}"
    assert used and used <= set(importing.SAYINGS), sorted(used - set(importing.SAYINGS))

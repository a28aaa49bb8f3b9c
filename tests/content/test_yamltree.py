"""The YAML traps of design.md §2: nothing a librarian wrote may silently change."""

from __future__ import annotations

import pytest

from generator.content import yamltree
from generator.content.yamltree import YamlError, YList, YMap


def parse(text: str) -> yamltree.YValue:
    return yamltree.parse(text, first_line=2)


def test_plain_scalars_stay_text() -> None:
    tree = parse("title: 1984\ntags:\n  - no\n  - on\nisbn: 0441172717\nduration: 1:30\n"
                 "rate: 4.50\nwhen: 2024-01-01\n")
    assert isinstance(tree, YMap)
    assert tree == {"title": "1984", "tags": ["no", "on"], "isbn": "0441172717",
                    "duration": "1:30", "rate": "4.50", "when": "2024-01-01"}
    assert all(type(v) is not int for v in tree.values())


def test_lines_are_file_lines() -> None:
    tree = parse("title: a\nbook:\n  title: b\n  isbn: c\ntags:\n  - x\n  - y\n")
    assert isinstance(tree, YMap)
    assert tree.key_lines == {"title": 2, "book": 3, "tags": 6}
    book = tree["book"]
    assert isinstance(book, YMap) and book.key_lines == {"title": 4, "isbn": 5}
    tags = tree["tags"]
    assert isinstance(tags, YList) and tags.item_lines == [7, 8]


def test_nulls_and_quoted_null() -> None:
    tree = parse("a:\nb: ~\nc: null\nd: 'null'\n")
    assert tree == {"a": None, "b": None, "c": None, "d": "null"}


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ('title: "Abc\nsummary: x\n', "yaml.unclosed_quote", 2),
        ("summary: x\ntitle: 'Abc\ndate: y\n", "yaml.unclosed_quote", 3),
        ("title: x\nbook:\n\ttitle: y\n", "yaml.tab", 4),
        ("title: Tips: cari jurnal\n", "yaml.colon", 2),
        ("title x\nsummary: y\n", "yaml.missing_colon", 2),
        ("tags: [a, b\nsummary: y\n", "yaml.flow", 2),
        ("title: @x\n", "yaml.reserved_char", 2),
        ("x: !foo bar\n", "yaml.tag", 2),
    ],
)
def test_syntax_problems_named_with_their_line(text: str, code: str, line: int) -> None:
    with pytest.raises(YamlError) as exc:
        parse(text)
    [problem] = exc.value.problems
    assert (problem.code, problem.line) == (code, line)


def test_duplicate_key_is_an_error_on_the_second_line() -> None:
    with pytest.raises(YamlError) as exc:
        parse("title: a\nsummary: b\ntitle: c\n")
    [problem] = exc.value.problems
    assert (problem.code, problem.line, problem.key, problem.detail) == (
        "yaml.duplicate_key", 4, "title", "2")


def test_application_tags_allowed_for_settings() -> None:
    tree = yamltree.parse("emoji: !!python/name:material.extensions.emoji.twemoji\n"
                          "site_name: !ENV SITE_NAME\n", allow_tags=True)
    assert isinstance(tree, YMap) and tree["site_name"] == "SITE_NAME"
    with pytest.raises(YamlError):
        parse("site_name: !ENV SITE_NAME\n")

"""YAML as a librarian wrote it: every scalar stays text, every value keeps its line.

PyYAML's own constructors silently turn ``1984`` into a number, ``no`` into
False, ``0441172717`` into an octal number and ``1:30`` into 90, and keep the last
of two duplicated keys. Here we only *compose* the document (PyYAML's parser,
which knows the syntax) and build the values ourselves: scalars become ``YStr``
(text with its line), mappings ``YMap`` and lists ``YList``. The typed
validators decide what a value means, so nothing changes behind anybody's back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

# Plain scalars YAML means as "nothing": they become None, not the text "null".
_NULLS = {"", "~", "null", "Null", "NULL"}


class YStr(str):
    """Text from the YAML source; ``line`` is 1-based within the document."""

    line: int
    quoted: bool

    def __new__(cls, value: str, line: int, quoted: bool = False) -> YStr:
        obj = super().__new__(cls, value)
        obj.line = line
        obj.quoted = quoted
        return obj


class YMap(dict[str, "YValue"]):
    """A mapping that remembers the line of each key and its own line."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.key_lines: dict[str, int] = {}


class YList(list["YValue"]):
    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.item_lines: list[int] = []


YValue = YStr | YMap | YList | None


@dataclass(frozen=True)
class YamlProblem:
    """Why a YAML text could not be read: a message code and the 1-based line."""

    code: str
    line: int
    detail: str = ""
    key: str = ""


class YamlError(Exception):
    def __init__(self, problems: list[YamlProblem]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{p.line}: {p.code}" for p in problems))


def parse(text: str, *, first_line: int = 1, allow_tags: bool = False) -> YValue:
    """Parse one YAML document. ``first_line`` is the file line of the text's first line.

    ``allow_tags`` keeps values with application tags (mkdocs.yml's ``!ENV`` or
    ``!!python/name:``) as text instead of refusing them.
    """
    offset = first_line - 1
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        raise YamlError([_explain(exc, text, offset)]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - composer errors are all marked
        raise YamlError([YamlProblem("yaml.syntax", first_line, str(exc))]) from None
    if node is None:
        return None
    problems: list[YamlProblem] = []
    value = _build(node, offset, problems, allow_tags, "")
    if problems:
        raise YamlError(problems)
    return value


# libyaml (PyYAML's C parser) composes a front matter ~10x faster than the pure-Python one:
# at 1,000 items that was 15 % of ``check``. Its error texts differ, and the problems a
# librarian sees are worded from the pure-Python ones (``_explain``): a document libyaml
# refuses is composed again with the pure-Python parser, so the message stays the same.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def _compose(text: str) -> Node | None:
    if _FAST_LOADER is not None:
        try:
            return yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _line(node: Node, offset: int) -> int:
    return node.start_mark.line + 1 + offset


def _build(node: Node, offset: int, problems: list[YamlProblem], allow_tags: bool,
           path: str) -> YValue:
    line = _line(node, offset)
    if isinstance(node, ScalarNode):
        if not allow_tags and not node.tag.startswith("tag:yaml.org,2002:"):
            problems.append(YamlProblem("yaml.tag", line, node.tag))
        plain = not node.style  # plain scalars: None from PyYAML, "" from libyaml
        if plain and node.value in _NULLS:
            return None
        return YStr(node.value, line, quoted=not plain)
    if isinstance(node, SequenceNode):
        seq = YList(line)
        for child in node.value:
            seq.append(_build(child, offset, problems, allow_tags, path))
            seq.item_lines.append(_line(child, offset))
        return seq
    if isinstance(node, MappingNode):
        mapping = YMap(line)
        for key_node, value_node in node.value:
            key_line = _line(key_node, offset)
            if not isinstance(key_node, ScalarNode):
                problems.append(YamlProblem("yaml.complex_key", key_line))
                continue
            if key_node.value == "<<":
                problems.append(YamlProblem("yaml.merge_key", key_line))
                continue
            key = key_node.value
            if key in mapping:
                problems.append(
                    YamlProblem("yaml.duplicate_key", key_line, key=f"{path}{key}",
                                detail=str(mapping.key_lines[key]))
                )
                continue
            mapping[key] = _build(value_node, offset, problems, allow_tags, f"{path}{key}.")
            mapping.key_lines[key] = key_line
        return mapping
    raise TypeError(f"unknown YAML node {node!r}")  # pragma: no cover




def _explain(exc: yaml.MarkedYAMLError, text: str, offset: int) -> YamlProblem:
    """Turn PyYAML's parser jargon into one of a few problems a librarian recognises."""
    problem = exc.problem or ""
    context = exc.context or ""
    mark = exc.problem_mark
    local = (mark.line + 1) if mark else 1  # 1-based line within ``text``
    ctx_local = (exc.context_mark.line + 1) if exc.context_mark else local
    if "while scanning a quoted scalar" in context:
        return YamlProblem("yaml.unclosed_quote", ctx_local + offset)
    if "'\\t'" in problem:
        return YamlProblem("yaml.tab", local + offset)
    if "mapping values are not allowed here" in problem:
        here = _line_text(text, local)
        if _SECOND_COLON.search(here):
            return YamlProblem("yaml.colon", local + offset)
        before = _previous_content_line(text, local)
        if before and ":" not in before[1]:
            return YamlProblem("yaml.missing_colon", before[0] + offset)
        return YamlProblem("yaml.colon", local + offset)
    if "could not find expected ':'" in problem:
        return YamlProblem("yaml.missing_colon", ctx_local + offset)
    if "found character" in problem and "cannot start any token" in problem:
        return YamlProblem("yaml.reserved_char", local + offset, problem.split("'")[1])
    if "expected <block end>, but found '<block sequence start>'" in problem or (
        "expected <block end>, but found '-'" in problem
    ):
        return YamlProblem("yaml.list_position", local + offset)
    if "while parsing a flow" in context:
        return YamlProblem("yaml.flow", ctx_local + offset)
    return YamlProblem("yaml.syntax", local + offset, problem)


# "key: value: more" — a second ": " after the first one, outside quotes.
_SECOND_COLON = re.compile(r"^\s*(?:- )?[^\s:#'\"][^:#]*:\s+[^'\"].*?:(\s|$)")


def _line_text(text: str, line: int) -> str:
    lines = text.split("\n")
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _previous_content_line(text: str, line: int) -> tuple[int, str] | None:
    for n in range(line - 1, 0, -1):
        raw = _line_text(text, n)
        if raw.strip() and not raw.lstrip().startswith("#"):
            return n, raw
    return None

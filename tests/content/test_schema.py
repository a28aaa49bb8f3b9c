"""The front-matter JSON Schemas: valid, complete, and in agreement with ``check``."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from sitekit import REPO, REVIEW, TUTORIAL, VIDEO, make_site

from generator.content import fields, yamltree
from generator.content.kinds.review import BOOK_KEYS
from generator.content.kinds.table import KINDS
from generator.content.models import KIND_BY_FOLDER, Kind
from generator.content.readers import VIDEO_KEYS
from generator.content.schema import REQUIRED, YES_NO, front_matter_schemas, write_schemas
from generator.content.source import discover, load_item
from generator.content.validate import COMMON_KEYS
from generator.library.check import run

SCHEMAS = front_matter_schemas()
LATER = datetime(2026, 9, 1, tzinfo=UTC)
EXAMPLES = {Kind.TUTORIAL: TUTORIAL, Kind.REVIEW: REVIEW, Kind.VIDEO: VIDEO}


def plain(value: yamltree.YValue) -> Any:
    """yamltree's values (all text, with lines) -> plain JSON-like Python."""
    if isinstance(value, yamltree.YMap):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, yamltree.YList):
        return [plain(v) for v in value]
    return None if value is None else str(value)


def front_matter(text: str) -> Any:
    lines = text.split("\n")
    close = lines.index("---", 1)
    return plain(yamltree.parse("\n".join(lines[1:close])))


def errors(kind: Kind, data: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator(SCHEMAS[kind.value])
    return sorted(e.message for e in validator.iter_errors(data))


@pytest.mark.parametrize("kind", list(Kind), ids=lambda k: k.value)
def test_each_schema_is_a_valid_draft_2020_12_schema(kind: Kind) -> None:
    schema = SCHEMAS[kind.value]
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    for prop in schema["properties"].values():
        en, _, id_ = prop["description"].partition(" — ")
        assert en and id_, "descriptions in English and Indonesian"


@pytest.mark.parametrize("kind", list(Kind), ids=lambda k: k.value)
def test_every_key_check_reads_is_described(kind: Kind) -> None:
    props = SCHEMAS[kind.value]["properties"]
    assert set(props) == set(COMMON_KEYS) | set(KINDS[kind].keys)
    if "book" in props:
        assert set(props["book"]["properties"]) == set(BOOK_KEYS)
    if "video" in props:
        video = props["video"]
        obj = video if "properties" in video else video["anyOf"][0]
        assert set(obj["properties"]) == set(VIDEO_KEYS)


def test_the_example_library_validates() -> None:
    docs = REPO / "site_src"
    found = discover(docs)
    assert len(found.items) >= 3
    for kind, src in found.items:
        source, problems = load_item(docs, REPO, kind, src)
        assert source is not None, problems
        assert errors(kind, plain(source.meta)) == [], src


@pytest.mark.parametrize("kind", list(Kind), ids=lambda k: k.value)
def test_the_test_site_validates(kind: Kind) -> None:
    assert errors(kind, front_matter(EXAMPLES[kind])) == []


def test_what_an_editor_reads_as_yaml_1_2_is_accepted_too() -> None:
    """Editors see `title: 1984` as a number and `draft: true` as a boolean: not an error."""
    data = front_matter(REVIEW)
    data.update(title=1984, draft=True, pin="ya", tags=["no", 2024])
    data["book"].update(isbn=441172717, year=1990, pages="412")
    data["rating"] = 4
    assert errors(Kind.REVIEW, data) == []


@pytest.mark.parametrize(("kind", "change"), [
    (Kind.TUTORIAL, {"level": "expert"}),
    (Kind.TUTORIAL, {"duration": "1:30"}),
    (Kind.TUTORIAL, {"tittle": "typo"}),
    (Kind.TUTORIAL, {"date": "14/03/2026"}),
    (Kind.TUTORIAL, {"slug": "Cara Cari"}),
    (Kind.TUTORIAL, {"slug": "index"}),
    (Kind.TUTORIAL, {"authors": "ani"}),
    (Kind.TUTORIAL, {"topics": []}),
    (Kind.TUTORIAL, {"image": "https://example.org/x.png", "image_alt": "x"}),
    (Kind.TUTORIAL, {"image": "images/x.png"}),
    (Kind.TUTORIAL, {"draft": "maybe"}),
    (Kind.TUTORIAL, {"aliases": ["https://example.org/old/"]}),
    (Kind.REVIEW, {"rating": "6"}),
    (Kind.REVIEW, {"rating": 4.5}),
    (Kind.REVIEW, {"book": {"title": "Dune"}}),
    (Kind.REVIEW, {"review_by": "2026-3-1"}),
    (Kind.VIDEO, {"video": {"url": "https://youtu.be/x", "duration": "ninety"}}),
    (Kind.VIDEO, {"transcript": "transkrip.pdf"}),
    (Kind.VIDEO, {"video": {"url": "https://youtu.be/x", "duration": 90}}),
], ids=lambda v: v.value if isinstance(v, Kind) else ",".join(v))
def test_broken_front_matter_is_refused(kind: Kind, change: dict[str, Any]) -> None:
    data = front_matter(EXAMPLES[kind])
    data.update(change)
    assert errors(kind, data) != []


@pytest.mark.parametrize("kind", list(Kind), ids=lambda k: k.value)
def test_missing_required_keys_are_refused(kind: Kind) -> None:
    for key in SCHEMAS[kind.value]["required"]:
        data = front_matter(EXAMPLES[kind])
        del data[key]
        assert errors(kind, data), key


@pytest.mark.parametrize(("kind", "key"), [
    (kind, key) for kind in Kind for key in (*REQUIRED[""], *REQUIRED[f"{kind.value}:"])
], ids=lambda v: v.value if isinstance(v, Kind) else v)
def test_what_the_schema_requires_check_requires(tmp_path: Path, kind: Kind, key: str) -> None:
    """The table of required keys agrees with the checker: removing one is a check error."""
    text = EXAMPLES[kind]
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    end = start + 1
    while lines[end].startswith((" ", "- ")):
        end += 1
    folder = kind.folder
    name = {Kind.TUTORIAL: "dasar-opac", Kind.REVIEW: "dune", Kind.VIDEO: "tur"}[kind]
    make_site(tmp_path, {f"site_src/{folder}/{name}.md": "\n".join(lines[:start] + lines[end:])})
    result = run(tmp_path, LATER)
    assert any(d.code == "field.missing" and d.field == key for d in result.diagnostics), key


def test_nested_required_keys_agree_with_check(tmp_path: Path) -> None:
    review = REVIEW.replace("  authors: [Frank Herbert]\n", "")
    video = VIDEO.replace("  url: https://youtu.be/dQw4w9WgXcQ?t=42\n", "")
    make_site(tmp_path, {"site_src/reviews/dune.md": review, "site_src/videos/tur.md": video})
    found = {(d.field, d.code) for d in run(tmp_path, LATER).diagnostics}
    assert ("book.authors", "field.missing") in found
    assert ("video.url", "field.missing") in found
    assert set(REQUIRED["book."]) == {"title", "authors"} and REQUIRED["video."] == ("url",)


def test_known_ids_become_choices() -> None:
    schemas = front_matter_schemas(authors=["ani", "budi"], topics=["literasi", "sastra"])
    schema = schemas["tutorial"]
    data = front_matter(TUTORIAL)
    validator = jsonschema.Draft202012Validator(schema)
    assert list(validator.iter_errors(data)) == []
    data["authors"] = ["ani", "citra"]
    errors = list(validator.iter_errors(data))
    assert [(list(e.absolute_path), e.validator, e.instance) for e in errors] == [
        (["authors", 1], "enum", "citra")]
    assert errors[0].validator_value == ["ani", "budi"]


def test_yes_no_words_match_the_checker() -> None:
    assert set(YES_NO) == fields._TRUE | fields._FALSE


def test_write_schemas_is_deterministic(tmp_path: Path) -> None:
    first = write_schemas(tmp_path / "a", base_url="https://example.org/lib/schemas/")
    second = write_schemas(tmp_path / "b", base_url="https://example.org/lib/schemas/")
    assert [p.name for p in first] == ["tutorial.schema.json", "review.schema.json",
                                       "video.schema.json"]
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes()
        schema = json.loads(a.read_text(encoding="utf-8"))
        assert schema["$id"] == f"https://example.org/lib/schemas/{a.name}"
    assert set(KIND_BY_FOLDER.values()) == set(Kind)

"""A content type, described once: what a type is made of and everything that differs
between types (its keys and how they are read, its schema words, its picture colour, its
schema.org data). ``table.py`` lists the types; adding one (an "event") is a module like
``tutorial.py``, a line there, its templates (``item/<type>.md.j2``, ``new/<type>.md.j2``),
its words, and its Kind and details class in models.py (docs/architecture.md).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from ..fields import FieldReader
from ..models import Details, Kind, Video
from ..readers import Context
from ..source import SourceFile

JsonObject = dict[str, Any]
# key -> (English description, Indonesian description, extra JSON Schema keywords)
SchemaFields = Mapping[str, tuple[str, str, dict[str, Any]]]


class LinkedData(Protocol):
    """What a type's schema.org data needs from the page it is on."""

    def absolute(self, path: str) -> str: ...

    def video(self, video: Video) -> JsonObject:
        """A schema.org VideoObject for ``video`` (without @context)."""


@dataclass(frozen=True)
class KindSpec:
    kind: Kind
    keys: tuple[str, ...]  # front-matter keys of this type, besides the common ones
    required: tuple[str, ...]  # those a file of this type must have
    details: type  # the models.py class its own values become
    # (reader of the front matter, the file, the site) -> its details, or None when invalid
    # (the reader has added the diagnostics).
    read: Callable[[FieldReader, SourceFile, Context], Details | None]
    schema_title: tuple[str, str]  # the JSON Schema's title, in English and Indonesian
    schema_fields: SchemaFields  # its own keys (and of mappings it holds: ``book.title``)
    colour: tuple[int, int, int]  # the background of its preview pictures
    # Adds the type's own schema.org data to an item's JSON-LD (``data["@type"]`` …).
    linked_data: Callable[[Details, JsonObject, LinkedData], None]

    @property
    def folder(self) -> str:
        return self.kind.folder

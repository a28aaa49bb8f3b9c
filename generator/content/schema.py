"""JSON Schemas (draft 2020-12) of the front matter of each kind, for editors and tools.

An editor with YAML support can check a front matter while the librarian types
(wrong type, a value not in the list, a missing required field, a misspelt key)
— ``check`` stays the authority; the schema only helps earlier.

Generated, not written by hand: the keys come from ``validate.py`` (the lists the
checker reads), the kind of each value from the typed models (``models.py``:
``str`` is text, ``int`` a whole number, ``bool`` yes/no, ``datetime`` a date or
date-time, ``tuple[str, ...]`` a list of text, a nested dataclass an object).
What a type cannot say — limits, patterns, the words of each description —
comes from the small table below, and a test fails when a key has no entry.

Editors read YAML 1.2, where ``title: 1984`` is a number and ``isbn: 0441172717``
an integer; knowledge-site reads both as the text written. So a text field here
also accepts numbers and true/false, a whole number also accepts its digits as
text, and a yes/no field also accepts ``yes``/``no``/``ya``/``tidak`` — the
schema never flags what ``check`` accepts.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..values.slugs import MAX_SLUG, SLUG
from .kinds.review import BOOK_KEYS
from .kinds.table import KINDS
from .models import Book, Item, Kind, Video
from .readers import IMAGE_SUFFIXES, VIDEO_KEYS, any_case, suffix_pattern
from .validate import COMMON_KEYS, RESERVED_SLUGS, SUMMARY_MAX, TITLE_MAX

DIALECT = "https://json-schema.org/draft/2020-12/schema"
YES_NO = ("true", "false", "yes", "no", "ya", "tidak")  # fields._TRUE | fields._FALSE
# Required keys, by the prefix of their table key (see FIELDS).
REQUIRED = {
    "": ("title", "summary", "date", "authors", "topics"),
    **{f"{kind.value}:": spec.required for kind, spec in KINDS.items()},
    "book.": ("title", "authors"),
    "video.": ("url",),
}
# Table key -> the model attribute the value becomes, where the names differ.
MODEL_ATTRIBUTE = {"book.isbn": "isbn_written", "video.duration": "duration_text",
                   "video:transcript": "transcript_path"}
# Values whose model type says too little about what is written: the URL becomes a parsed
# VideoSource; a duration is text such as "4:35" (a bare number is refused); an ISBN may
# read as an integer in YAML 1.2.
VALUE_SCHEMA: dict[str, dict[str, Any]] = {"video.url": {"type": "string"},
                                           "video.duration": {"type": "string"},
                                           "book.isbn": {"type": ["string", "integer"]}}

_DATE = r"^\d{4}-\d{2}-\d{2}$"
_MOMENT = (r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*"
           r"(Z|[+-]\d{2}:?\d{2})?)?$")
_LANG = r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|\d{3}))?(-[A-Za-z0-9]{5,8})*$"
_SITE_PATH = r"^(?![A-Za-z][A-Za-z0-9+.-]*:)(?!//)[^?#\\]*[A-Za-z0-9]"


# key (``title``; ``<kind>:<key>`` for a kind's own keys; ``book.<key>``/``video.<key>``
# inside those mappings) ->
#   (English description, Indonesian description, extra JSON Schema keywords)
FIELDS: dict[str, tuple[str, str, dict[str, Any]]] = {
    "title": ("Title, 1-120 characters (more than 70 are cut off in link previews).",
              "Judul, 1-120 karakter (lebih dari 70 terpotong di pratinjau tautan).",
              {"minLength": 1, "maxLength": TITLE_MAX}),
    "summary": ("One or two sentences, 1-300 characters: page description, feed text, social "
                "caption.",
                "Satu atau dua kalimat, 1-300 karakter: deskripsi halaman, teks umpan, "
                "keterangan media sosial.", {"minLength": 1, "maxLength": SUMMARY_MAX}),
    "date": ("Publication date: YYYY-MM-DD or YYYY-MM-DDTHH:MM (site time zone unless given). "
             "A future date schedules the item.",
             "Tanggal terbit: YYYY-MM-DD atau YYYY-MM-DDTHH:MM (zona waktu situs bila tidak "
             "ditulis). Tanggal yang akan datang menjadwalkan tulisan.", {"pattern": _MOMENT}),
    "updated": ("Last meaningful revision, written like `date`.",
                "Revisi penting terakhir, ditulis seperti `date`.", {"pattern": _MOMENT}),
    "authors": ("Author ids from authors.yml.", "Id penulis dari authors.yml.",
                {"minItems": 1}),
    "topics": ("Topic ids from topics.yml (at least one).",
               "Id topik dari topics.yml (minimal satu).", {"minItems": 1}),
    "tags": ("Free keywords (hashtags in the share kit).",
             "Kata kunci bebas (menjadi tagar di paket berbagi).", {}),
    "lang": ("Language of the item (BCP 47: id, en, jv, ...). Default: the site's language.",
             "Bahasa tulisan (BCP 47: id, en, jv, ...). Bawaan: bahasa situs.",
             {"pattern": _LANG}),
    "image": ("Cover picture (also the link-preview picture): a path relative to this file "
              "or to site_src/, not a web address.",
              "Gambar sampul (juga gambar pratinjau tautan): jalur relatif dari berkas ini "
              "atau dari site_src/, bukan alamat web.",
              {"pattern": suffix_pattern(IMAGE_SUFFIXES)}),
    "image_alt": ("Alternative text of the picture (required with `image`).",
                  "Teks alternatif gambar (wajib bila ada `image`).", {"maxLength": 300}),
    "license": ("SPDX licence id, e.g. CC-BY-4.0. Default from the settings.",
                "Id lisensi SPDX, misalnya CC-BY-4.0. Bawaan dari pengaturan.",
                {"pattern": r"^[A-Za-z0-9][A-Za-z0-9.+-]*$"}),
    "draft": ("true: published nowhere yet.", "true: belum diterbitkan di mana pun.", {}),
    "slug": ("The address: lower-case letters, digits and hyphens. Default: the file name.",
             "Alamat: huruf kecil, angka dan tanda hubung. Bawaan: nama berkas.",
             {"pattern": SLUG.pattern, "maxLength": MAX_SLUG,
              "not": {"enum": sorted(RESERVED_SLUGS)}}),
    "aliases": ("Old addresses of this item (site paths such as /tutorial-lama/); they "
                "redirect here.",
                "Alamat lama tulisan ini (jalur situs seperti /tutorial-lama/); dialihkan ke "
                "sini.", {"items": {"pattern": _SITE_PATH}}),
    "review_by": ("Date (YYYY-MM-DD) by which a librarian should re-check the content.",
                  "Tanggal (YYYY-MM-DD) paling lambat pustakawan memeriksa ulang isinya.",
                  {"pattern": _DATE}),
    "retired": ("true: taken down on purpose; the address stays and says so.",
                "true: sengaja diturunkan; alamatnya tetap ada dan menjelaskannya.", {}),
    "pin": ("true: shown first on the home page and the link-in-bio page.",
            "true: tampil paling atas di beranda dan halaman tautan-di-bio.", {}),
    "translation_of": ("Slug of the item this one translates.",
                       "Slug tulisan yang diterjemahkan oleh tulisan ini.",
                       {"pattern": SLUG.pattern}),
    "video.url": ("Address of the video: YouTube, Vimeo, or an .mp4/.webm file in the site.",
                  "Alamat video: YouTube, Vimeo, atau berkas .mp4/.webm di dalam situs.",
                  {"minLength": 1}),
    "video.duration": ("Length as MM:SS or H:MM:SS, in quotes.",
                       "Durasi MM:SS atau J:MM:SS, dalam tanda kutip.",
                       {"pattern": r"^(\d{1,2}:)?\d{1,2}:\d{2}$"}),
    "video.captions": ("Captions file (.vtt).", "Berkas teks terjemahan/takarir (.vtt).",
                       {"pattern": suffix_pattern((".vtt",))}),
    "video.poster": ("Picture shown before the video plays.",
                     "Gambar yang tampil sebelum video diputar.",
                     {"pattern": suffix_pattern(IMAGE_SUFFIXES)}),
}
# Each type's own keys (``<type>:<key>``) and the keys of the mappings it holds (``book.*``).
for _kind, _spec in KINDS.items():
    for _key, _words in _spec.schema_fields.items():
        FIELDS[_key if "." in _key else f"{_kind.value}:{_key}"] = _words
_TEXT: dict[str, Any] = {"type": ["string", "number", "boolean"]}


def _annotation(owner: type, attribute: str) -> Any:
    hints = typing.get_type_hints(owner)
    if attribute not in hints:
        raise KeyError(f"{owner.__name__} has no field {attribute!r}: update schema.FIELDS")
    hint = hints[attribute]
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        hint = args[0] if len(args) == 1 else hint
    return hint


def _value_schema(hint: Any, extra: dict[str, Any], nested: dict[str, Any] | None
                  ) -> dict[str, Any]:
    """A model type -> the schema of the value a librarian writes for it."""
    extra = dict(extra)
    if hint is bool:
        return {"anyOf": [{"type": "boolean"},
                          {"type": "string", "pattern": "^(" + "|".join(
                              any_case(w) for w in YES_NO) + ")$"}]}
    if hint is int:
        digits = extra.pop("digits", r"^[0-9]+$")
        return {"anyOf": [{"type": "integer", **extra}, {"type": "string", "pattern": digits}]}
    if hint in (datetime, date):
        return {"type": "string", **extra}
    if typing.get_origin(hint) is tuple:
        items = {**_TEXT, **extra.pop("items", {})}
        return {"type": "array", "items": items, **extra}
    if dataclasses.is_dataclass(hint):
        assert nested is not None, hint
        return {**nested, **extra}
    if hint is str:
        return {**_TEXT, **extra}
    raise TypeError(f"no schema for {hint!r}")  # pragma: no cover - a new model type


def _property(owner: type, key: str, table_key: str, *, required: bool,
              nested: dict[str, Any] | None = None) -> dict[str, Any]:
    if table_key not in FIELDS:
        raise KeyError(f"schema.FIELDS has no entry for {table_key!r}")
    en, id_, extra = FIELDS[table_key]
    if table_key in VALUE_SCHEMA:
        schema = {**VALUE_SCHEMA[table_key], **extra}
    else:
        hint = _annotation(owner, MODEL_ATTRIBUTE.get(table_key, key))
        schema = _value_schema(hint, extra, nested)
    meta = {"title": key, "description": f"{en} — {id_}"}
    if required:
        return {**meta, **schema}
    # `key:` left empty counts as not given
    if set(schema) == {"anyOf"}:
        return {**meta, "anyOf": [*schema["anyOf"], {"type": "null"}]}
    return {**meta, "anyOf": [schema, {"type": "null"}]}


def _without_meta(schema: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in schema.items() if k not in ("title", "description")}


def _object(owner: type, keys: tuple[str, ...], prefix: str,
            nested: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    required = REQUIRED[prefix]
    props = {key: _property(owner, key, f"{prefix}{key}", required=key in required,
                            nested=(nested or {}).get(key)) for key in keys}
    return {"type": "object", "properties": props,
            "required": [k for k in keys if k in required], "additionalProperties": False}


def _video_object() -> dict[str, Any]:
    return _object(Video, VIDEO_KEYS, "video.")


def _book_object() -> dict[str, Any]:
    obj = _object(Book, BOOK_KEYS, "book.")
    obj["dependentRequired"] = {"cover": ["cover_alt"]}
    return obj


def front_matter_schema(kind: Kind, *, authors: Iterable[str] | None = None,
                        topics: Iterable[str] | None = None,
                        base_url: str | None = None) -> dict[str, Any]:
    """The JSON Schema of one kind's front matter.

    ``authors``/``topics``: the ids a library knows (editors then offer them);
    ``base_url``: where the schemas are published (gives each its ``$id``).
    """
    common = _object(Item, COMMON_KEYS, "")
    spec = KINDS[kind]
    nested = {"video": _video_object(), "book": _book_object()}
    own = _object(spec.details, spec.keys, f"{kind.value}:", nested)
    properties = {**common["properties"], **own["properties"]}
    for key, ids in (("authors", authors), ("topics", topics)):
        if ids is not None:
            properties[key]["items"] = {"enum": sorted(set(ids))}
    en, id_ = spec.schema_title
    head: dict[str, Any] = {"$schema": DIALECT}
    if base_url:
        head["$id"] = f"{base_url.rstrip('/')}/{kind.value}.schema.json"
    return {
        **head,
        "title": en,
        "description": f"{en} for knowledge-site (site_src/{kind.folder}/*.md). — {id_} "
                       f"untuk knowledge-site (site_src/{kind.folder}/*.md).",
        "type": "object",
        "properties": properties,
        "required": [*common["required"], *own["required"]],
        "additionalProperties": False,
        "dependentRequired": {"image": ["image_alt"]},
    }


def front_matter_schemas(*, authors: Iterable[str] | None = None,
                         topics: Iterable[str] | None = None,
                         base_url: str | None = None) -> dict[str, dict[str, Any]]:
    """``{"tutorial": {...}, "review": {...}, "video": {...}}``."""
    a = None if authors is None else tuple(authors)
    t = None if topics is None else tuple(topics)
    return {k.value: front_matter_schema(k, authors=a, topics=t, base_url=base_url)
            for k in Kind}


def write_schemas(out_dir: Path, *, authors: Iterable[str] | None = None,
                  topics: Iterable[str] | None = None,
                  base_url: str | None = None) -> list[Path]:
    """``<kind>.schema.json`` for each kind into ``out_dir`` (deterministic bytes)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, schema in front_matter_schemas(authors=authors, topics=topics,
                                             base_url=base_url).items():
        path = out_dir / f"{kind}.schema.json"
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n",
                        encoding="utf-8")
        written.append(path)
    return written

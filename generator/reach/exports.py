"""Read an analytics export — GoatCounter, Plausible, Umami or Matomo, in the format the tool
writes it — into one shape: ``read_export(path) -> Export``.

The file is opened with limits first (its size; a zip's or gzip's unpacked size), then decoded
(UTF-8 with or without a byte order mark, or UTF-16 with one, as Matomo's CSV is), then parsed as
JSON, CSV or a zip of CSVs, then recognised by its columns or keys, then read by that tool's
reader (exports_<tool>.py; each says where its format is documented). Anything wrong is an
ExportProblem with a words key (words/reach.py), never another exception.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, tzinfo
from pathlib import Path
from typing import Any

from . import exports_goatcounter as goatcounter
from . import exports_matomo as matomo
from . import exports_plausible as plausible
from . import exports_umami as umami
from .model import TOOL_NAMES, Export, ExportProblem, Table, Tool, Visits, shorten

__all__ = ["DEFAULT_MAX_BYTES", "Export", "ExportProblem", "Tool", "Visits", "read_export"]

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
MAX_ZIP_MEMBERS = 200


@dataclass(frozen=True)
class Parsed:
    """A file's content before the tool is known: one CSV table, a JSON value, or a zip's
    CSV tables by member name."""

    kind: str                        # "csv" | "json" | "zip"
    name: str
    table: Table | None = None
    data: Any = None
    tables: dict[str, Table] | None = None


@dataclass(frozen=True)
class Reader:
    tool: Tool
    shape: str
    recognise: Callable[[Parsed], bool]
    read: Callable[[Parsed, tzinfo], Export]


def _csv(recognise: Callable[[tuple[str, ...]], bool]) -> Callable[[Parsed], bool]:
    return lambda parsed: parsed.table is not None and recognise(parsed.table.header)


def _json(recognise: Callable[[Any], bool]) -> Callable[[Parsed], bool]:
    return lambda parsed: parsed.kind == "json" and recognise(parsed.data)


def _table(parsed: Parsed) -> Table:
    assert parsed.table is not None
    return parsed.table


READERS = (
    Reader(Tool.GOATCOUNTER, goatcounter.SHAPE, _csv(goatcounter.recognise_csv),
           lambda p, tz: goatcounter.read_csv(_table(p), tz)),
    Reader(Tool.PLAUSIBLE, plausible.ZIP_SHAPE,
           lambda p: p.tables is not None and plausible.recognise_zip(set(p.tables)),
           lambda p, tz: plausible.read_tables(p.tables or {}, p.name)),
    Reader(Tool.PLAUSIBLE, plausible.ZIP_SHAPE.replace(" zip", " CSV (one file of it)"),
           lambda p: p.table is not None and plausible.recognise_table(p.table),
           lambda p, tz: plausible.read_tables({p.name: _table(p)}, p.name)),
    Reader(Tool.PLAUSIBLE, plausible.API_SHAPE, _json(plausible.recognise_json),
           lambda p, tz: plausible.read_json(p.data, p.name)),
    Reader(Tool.UMAMI, umami.CSV_SHAPE, _csv(umami.recognise_csv),
           lambda p, tz: umami.read_csv(_table(p), tz)),
    Reader(Tool.UMAMI, umami.API_SHAPE, _json(umami.recognise_json),
           lambda p, tz: umami.read_json(p.data, p.name, tz)),
    Reader(Tool.MATOMO, matomo.LIVE_SHAPE, _json(matomo.recognise_live),
           lambda p, tz: matomo.read_live(p.data, p.name, tz)),
    Reader(Tool.MATOMO, matomo.REPORT_SHAPE, _json(matomo.recognise_report_json),
           lambda p, tz: matomo.read_report_json(p.data, p.name)),
    Reader(Tool.MATOMO, matomo.REPORT_SHAPE, _csv(matomo.recognise_report_csv),
           lambda p, tz: matomo.read_report_csv(_table(p))),
)


def shapes(tool: Tool | None = None) -> str:
    seen: list[str] = []
    for reader in READERS:
        if (tool is None or reader.tool == tool) and reader.shape not in seen:
            seen.append(reader.shape)
    return "; ".join(seen)


def read_export(path: Path, tool: Tool | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES,
                tz: tzinfo = UTC) -> Export:
    """The export at ``path``, of ``tool`` or of the tool its shape shows. Times become days
    and hours in ``tz`` (the site's zone). Raises ExportProblem, nothing else, for any file."""
    name = path.name
    raw = _read_bytes(path, name, max_bytes)
    parsed = _parse(raw, name, max_bytes)
    _tool_error(parsed)
    matches = [reader for reader in READERS if _recognises(reader, parsed)]
    if tool is not None:
        own = [reader for reader in matches if reader.tool == tool]
        if own:
            matches = own
        elif matches:
            raise ExportProblem("reach.wrong_tool", name=name, tool=TOOL_NAMES[tool],
                                looks_like=TOOL_NAMES[matches[0].tool])
        else:
            raise ExportProblem("reach.not_tool_shape", name=name, tool=TOOL_NAMES[tool],
                                expected=shapes(tool))
    if not matches:
        raise ExportProblem("reach.unknown_shape", name=name, expected=shapes())
    if parsed.table is not None and matches[0].tool == Tool.GOATCOUNTER:
        problem = goatcounter.version_problem(parsed.table)
        if problem is not None:
            raise problem
    try:
        return matches[0].read(parsed, tz)
    except ExportProblem:
        raise
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as err:
        # A reader met a value of a type its format never holds: the file is not what its
        # shape promised. Said as a shape problem rather than a traceback.
        raise ExportProblem("reach.not_tool_shape", name=name,
                            tool=TOOL_NAMES[matches[0].tool],
                            expected=f"{matches[0].shape} ({shorten(repr(err), 60)})") from err


def _recognises(reader: Reader, parsed: Parsed) -> bool:
    try:
        return reader.recognise(parsed)
    except (KeyError, TypeError, AttributeError, IndexError):
        return False


def _read_bytes(path: Path, name: str, max_bytes: int) -> bytes:
    try:
        if not path.exists():
            raise ExportProblem("reach.missing", name=name)
        if not path.is_file():
            raise ExportProblem("reach.unreadable", name=name, reason="not a file")
        size = path.stat().st_size
        if size > max_bytes:
            raise ExportProblem("reach.too_large", name=name, size=size, limit=max_bytes)
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as err:
        raise ExportProblem("reach.unreadable", name=name,
                            reason=err.strerror or type(err).__name__) from err
    if len(raw) > max_bytes:
        raise ExportProblem("reach.too_large", name=name, size=len(raw), limit=max_bytes)
    if not raw.strip():
        raise ExportProblem("reach.empty", name=name)
    return raw


def _parse(raw: bytes, name: str, max_bytes: int) -> Parsed:
    if raw.startswith(b"PK\x03\x04") or raw.startswith(b"PK\x05\x06"):
        return _parse_zip(raw, name, max_bytes)
    if raw.startswith(b"\x1f\x8b"):
        raw = _gunzip(raw, name, max_bytes)
    return _parse_text(_decode(raw, name), name)


def _gunzip(raw: bytes, name: str, max_bytes: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(raw)) as handle:
            out = handle.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error, ValueError) as err:
        raise ExportProblem("reach.bad_zip", name=name, reason=f"gzip: {err}") from err
    if len(out) > max_bytes:
        raise ExportProblem("reach.zip_too_large", name=name, size=f"> {max_bytes}",
                            limit=max_bytes)
    if not out.strip():
        raise ExportProblem("reach.empty", name=name)
    return out


def _parse_zip(raw: bytes, name: str, max_bytes: int) -> Parsed:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            members = [info for info in archive.infolist() if not info.is_dir()]
            if len(members) > MAX_ZIP_MEMBERS:
                raise ExportProblem("reach.bad_zip", name=name,
                                    reason=f"{len(members)} files (at most {MAX_ZIP_MEMBERS})")
            unpacked = sum(info.file_size for info in members)
            if unpacked > max_bytes:
                raise ExportProblem("reach.zip_too_large", name=name, size=unpacked,
                                    limit=max_bytes)
            contents: dict[str, bytes] = {}
            budget = max_bytes
            for info in members:
                with archive.open(info) as handle:
                    data = handle.read(budget + 1)
                budget -= len(data)
                if budget < 0:  # the sizes the zip declares were lies
                    raise ExportProblem("reach.zip_too_large", name=name,
                                        size=f"> {max_bytes}", limit=max_bytes)
                contents[info.filename] = data
    except ExportProblem:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError,
            OSError, EOFError, zlib.error, ValueError) as err:
        raise ExportProblem("reach.bad_zip", name=name, reason=shorten(str(err), 80)) from err
    if not contents:
        raise ExportProblem("reach.empty", name=name)
    if len(contents) == 1:  # a single export someone zipped
        ((member, data),) = contents.items()
        return _parse_text(_decode(data, f"{name}:{member}"), name)
    tables = {}
    for member, data in contents.items():
        if not member.lower().endswith(".csv"):
            continue
        inner = f"{name}:{member}"
        text = _decode(data, inner)
        tables[member] = _table_of(text, inner) if text.strip() else Table(inner, (), ())
    return Parsed("zip", name, tables=tables)


def _decode(raw: bytes, name: str) -> str:
    try:
        if raw.startswith(b"\xef\xbb\xbf"):
            text = raw[3:].decode("utf-8")
        elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = raw.decode("utf-16")
        else:
            text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ExportProblem("reach.not_text", name=name, offset=err.start) from err
    nul = text.find("\x00")
    if nul >= 0:
        raise ExportProblem("reach.not_text", name=name, offset=len(text[:nul].encode()))
    return text


def _parse_text(text: str, name: str) -> Parsed:
    stripped = text.lstrip()
    if not stripped:
        raise ExportProblem("reach.empty", name=name)
    if stripped[0] in "[{":
        try:
            return Parsed("json", name, data=json.loads(text))
        except json.JSONDecodeError as err:
            raise ExportProblem("reach.bad_json", name=name, line=err.lineno, column=err.colno,
                                reason=err.msg) from err
        except (ValueError, RecursionError) as err:
            raise ExportProblem("reach.bad_json", name=name, line=1, column=1,
                                reason=shorten(str(err) or type(err).__name__, 80)) from err
    return Parsed("csv", name, table=_table_of(text, name))


def _table_of(text: str, name: str) -> Table:
    reader = csv.reader(io.StringIO(text, newline=""))
    header: tuple[str, ...] = ()
    rows: list[tuple[int, dict[str, str]]] = []
    try:
        for record in reader:
            if not any(cell.strip() for cell in record):
                continue
            if not header:
                header = tuple(cell.strip() for cell in record)
                continue
            values = {column: "" for column in header}
            values.update(zip(header, record, strict=False))
            rows.append((reader.line_num, values))
    except csv.Error as err:
        raise ExportProblem("reach.bad_csv", name=name, line=reader.line_num,
                            reason=shorten(str(err), 80)) from err
    if not header:
        raise ExportProblem("reach.empty", name=name)
    return Table(name, header, tuple(rows))


def _tool_error(parsed: Parsed) -> None:
    """Matomo answers {"result": "error", "message": …}, Plausible {"error": …}: an export
    saved from a failed request."""
    data = parsed.data
    if parsed.kind != "json" or not isinstance(data, dict):
        return
    if data.get("result") == "error" or (set(data) == {"error"}):
        message = data.get("message") or data.get("error")
        raise ExportProblem("reach.tool_error", name=parsed.name,
                            message=shorten(str(message), 200))

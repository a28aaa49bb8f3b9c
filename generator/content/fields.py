"""Reading typed values out of a YAML mapping, one field at a time, collecting problems.

Each method returns the typed value or None, and records a Diagnostic naming the
field and its own line instead of raising, so one run reports everything.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from ..values.suggest import code_list, suggest
from ..values.tracking import without_tracking
from .diagnostics import Diagnostic, diag
from .yamltree import YList, YMap, YStr, YValue

_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DATETIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$"
)
# C0 controls but tab and line ends, DEL, C1 controls: invisible, forbidden in HTML and XML;
# pasted from PDFs and word processors. Removed from text values, with a warning.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Field names written in Indonesian: not read (one name per field keeps files alike), but
# the message names the field that was meant.
_KEYS_IN_INDONESIAN = {
    "judul": "title", "ringkasan": "summary", "tanggal": "date", "penulis": "authors",
    "topik": "topics", "label": "tags", "bahasa": "lang", "gambar": "image",
    "sampul": "image", "lisensi": "license", "draf": "draft", "tingkat": "level",
    "durasi": "duration", "tujuan": "objectives", "prasyarat": "prerequisites",
    "buku": "book", "nilai": "rating", "transkrip": "transcript", "diperbarui": "updated",
}
_TRUE = {"true", "yes", "ya"}
_FALSE = {"false", "no", "tidak"}


class FieldReader:
    def __init__(
        self,
        path: str,
        mapping: YMap,
        *,
        prefix: str = "",
        known: Iterable[str] | None = (),
        diagnostics: list[Diagnostic] | None = None,
        line: int | None = None,
    ) -> None:
        self.path = path
        self.map = mapping
        # Where a missing key is reported: the parent key's line, or line 1 for a whole file.
        self.line = mapping.line if line is None else line
        self.prefix = prefix
        self.known = None if known is None else frozenset(known)
        self.diagnostics: list[Diagnostic] = [] if diagnostics is None else diagnostics

    # -- bookkeeping -------------------------------------------------------------------
    def add(self, d: Diagnostic) -> None:
        self.diagnostics.append(d)

    def name(self, key: str) -> str:
        return f"{self.prefix}{key}"

    def line_of(self, key: str) -> int:
        return self.map.key_lines.get(key, self.line)

    def error(self, key: str, code: str, *, line: int | None = None, warning: bool = False,
              **params: object) -> None:
        self.add(diag(self.path, line or self.line_of(key), self.name(key), code,
                      warning=warning, **params))

    def _present(self, key: str, required: bool) -> YValue | None:
        if key not in self.map:
            if required:
                self.add(diag(self.path, self.line, self.name(key), "field.missing"))
            return None
        value = self.map[key]
        if value is None or (isinstance(value, str) and not value.strip()) or (
            isinstance(value, YList | YMap) and not value
        ):
            if required:
                self.error(key, "field.empty")
            return None
        return value

    def unknown_keys(self) -> None:
        """Warn about keys nobody reads: usually a typo (``tittle``) that would drop a value."""
        if self.known is None:
            return
        for key in self.map:
            if key not in self.known:
                close = difflib.get_close_matches(key, sorted(self.known), n=1, cutoff=0.7)
                said = _KEYS_IN_INDONESIAN.get(str(key).strip().lower())
                if said in self.known:
                    close = [said]
                if close:
                    self.error(key, "field.unknown_suggest", warning=True, suggestion=close[0])
                else:
                    self.error(key, "field.unknown", warning=True)

    # -- scalars -----------------------------------------------------------------------
    def raw_text(self, key: str, *, required: bool = False) -> YStr | None:
        value = self._present(key, required)
        if value is None:
            return None
        if not isinstance(value, str):
            self.error(key, "value.not_text_list" if isinstance(value, YList)
                       else "value.not_text_map")
            return None
        return value

    def text(self, key: str, *, required: bool = False, max_len: int | None = None,
             warn_len: int | None = None) -> str | None:
        value = self.raw_text(key, required=required)
        if value is None:
            return None
        text = self._without_controls(key, str(value).strip(), value.line)
        if not text:
            if required:
                self.error(key, "field.empty")
            return None
        if max_len is not None and len(text) > max_len:
            self.error(key, "value.too_long", limit=max_len, length=len(text))
        elif warn_len is not None and len(text) > warn_len:
            self.error(key, "value.long", warning=True, limit=warn_len, length=len(text))
        return text

    def url(self, key: str, *, required: bool = False) -> str | None:
        value = self.text(key, required=required)
        if value is None:
            return None
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            self.error(key, "value.url", value=value)
            return None
        return self.untracked(key, value)

    def untracked(self, key: str, url: str) -> str:
        """``url`` without tracking parameters (values/tracking.py), saying so when any."""
        clean = without_tracking(url)
        if clean != url:
            self.error(key, "value.tracking", warning=True, value=url, new=clean)
        return clean

    def boolean(self, key: str) -> bool:
        value = self.raw_text(key)
        if value is None:
            return False
        word = value.strip().lower()
        if word in _TRUE:
            return True
        if word not in _FALSE:
            self.error(key, "value.boolean", value=value)
        return False

    def integer(self, key: str, *, required: bool = False, minimum: int | None = None,
                maximum: int | None = None, code: str = "value.integer") -> int | None:
        value = self.raw_text(key, required=required)
        if value is None:
            return None
        text = value.strip()
        if not re.fullmatch(r"[0-9]+", text):
            self.error(key, code, value=text, minimum=minimum or 0, maximum=maximum or "")
            return None
        number = int(text)
        if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
            self.error(key, code, value=text, minimum=minimum or 0, maximum=maximum or "")
            return None
        return number

    def choice(self, key: str, choices: tuple[str, ...], *, required: bool = False,
               words: Mapping[str, str] | None = None) -> str | None:
        """One of ``choices``, in any letter case, or one of ``words`` (other words for them,
        such as the Indonesian ``pemula`` for ``beginner``): the choice it stands for."""
        value = self.text(key, required=required)
        if value is None:
            return None
        table = {c.lower(): c for c in choices} | {w.lower(): c for w, c in (words or {}).items()}
        found = table.get(value.strip().lower())
        if found is None:
            close = suggest(value, table)
            listed = ", ".join("/".join(f"`{w}`" for w in (c, *[w for w, to in (words or {}).items()
                                                             if to == c])) for c in choices)
            self.error(key, "value.choice_suggest" if close else "value.choice", value=value,
                       choices=listed, suggestion=code_list(close))
        return found

    def moment(self, key: str, tz: ZoneInfo, *, required: bool = False) -> datetime | None:
        """A date or date-time; without a zone it is the site's local time."""
        value = self.raw_text(key, required=required)
        if value is None:
            return None
        text = value.strip()
        if m := _DATE.match(text):
            day = self._day(key, text, int(m[1]), int(m[2]), int(m[3]))
            return datetime.combine(day, time(0, 0), tz) if day else None
        if m := _DATETIME.match(text):
            day = self._day(key, text, int(m[1]), int(m[2]), int(m[3]))
            if not day:
                return None
            try:
                moment = datetime.fromisoformat(text.replace(" ", "T", 1))
            except ValueError:
                self.error(key, "value.date_impossible", value=text)
                return None
            return moment if moment.tzinfo else moment.replace(tzinfo=tz)
        self.error(key, "value.date_format", value=text)
        return None

    def day(self, key: str) -> date | None:
        value = self.raw_text(key)
        if value is None:
            return None
        text = value.strip()
        m = _DATE.match(text)
        if not m:
            self.error(key, "value.day_format", value=text)
            return None
        return self._day(key, text, int(m[1]), int(m[2]), int(m[3]))

    def _day(self, key: str, text: str, y: int, mo: int, d: int) -> date | None:
        try:
            return date(y, mo, d)
        except ValueError:
            self.error(key, "value.date_impossible", value=text)
            return None

    # -- collections -------------------------------------------------------------------
    def text_list_with_lines(self, key: str, *, required: bool = False,
                             min_items: int = 0) -> list[tuple[YStr, int]]:
        value = self._present(key, required)
        if value is None:
            if key in self.map and min_items and required is False:
                self.error(key, "value.list_empty")
            return []
        if isinstance(value, str):
            self.error(key, "value.not_list", value=value)
            return []
        if not isinstance(value, YList):
            self.error(key, "value.not_list_map")
            return []
        out = []
        for item, line in zip(value, value.item_lines, strict=True):
            if not isinstance(item, str) or not item.strip():
                self.error(key, "value.list_item_text", line=line)
                continue
            out.append((item, line))
        if len(out) < min_items and not self.diagnostics_for(key):
            self.error(key, "value.list_empty")
        return out

    def text_list(self, key: str, *, required: bool = False) -> tuple[str, ...]:
        out = []
        for item, line in self.text_list_with_lines(key, required=required):
            text = self._without_controls(key, str(item).strip(), line)
            if text:
                out.append(text)
        return tuple(out)

    def _without_controls(self, key: str, text: str, line: int) -> str:
        cleaned = _CONTROLS.sub("", text)
        if cleaned != text:
            self.error(key, "value.control_chars", line=line, warning=True,
                       count=len(text) - len(cleaned))
        return cleaned.strip()

    def diagnostics_for(self, key: str) -> bool:
        name = self.name(key)
        return any(d.field == name and d.path == self.path for d in self.diagnostics)

    def mapping(self, key: str, *, required: bool = False, known: Iterable[str] = ()
                ) -> FieldReader | None:
        value = self._present(key, required)
        if value is None:
            return None
        if not isinstance(value, YMap):
            self.error(key, "value.not_mapping")
            return None
        return FieldReader(self.path, value, prefix=f"{self.name(key)}.", known=known,
                           diagnostics=self.diagnostics, line=self.line_of(key))

    def string_map(self, key: str, keys: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
        sub = self.mapping(key, known=keys)
        if sub is None:
            return ()
        out = []
        for k in keys:
            text = sub.text(k)
            if text:
                out.append((k, text))
        sub.unknown_keys()
        return tuple(out)

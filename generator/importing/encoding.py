"""Exports are not always UTF-8: an old WordPress with Windows-1252 text pasted from Word, a
Jekyll post saved by Notepad. Text is recovered, and the import says which encoding it used."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start:error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("ks-import-cp1252", _cp1252_fallback)


def decode(data: bytes) -> tuple[str, str | None]:
    """Text from bytes, and the encoding used when it was not UTF-8. Stray bytes in a mostly
    UTF-8 file (a pasted Windows quote) are read as Windows-1252, one by one; a file that is
    not UTF-8 at all is read in the encoding charset-normalizer finds."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    strict_bad = _bad_bytes(data)
    if strict_bad * 200 < len(data):  # a few stray bytes in UTF-8 text
        return data.decode("utf-8", errors="ks-import-cp1252"), "utf-8+windows-1252"
    best = from_bytes(data).best()
    if best is None:
        return data.decode("utf-8", errors="replace"), "utf-8?"
    return str(best), best.encoding


def _bad_bytes(data: bytes) -> int:
    count = 0

    def handler(error: UnicodeError) -> tuple[str, int]:
        nonlocal count
        assert isinstance(error, UnicodeDecodeError)
        count += error.end - error.start
        return "", error.end

    codecs.register_error("ks-import-count", handler)
    data.decode("utf-8", errors="ks-import-count")
    return count

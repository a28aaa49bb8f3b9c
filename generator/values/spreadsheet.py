"""CSV cells a spreadsheet will not run: a cell starting with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return gets a leading ``'`` so Excel, LibreOffice and Sheets show it as text
(OWASP "CSV injection"). Used by every CSV a librarian opens: the share kit's posts and the
reach report."""

from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """``value`` as a spreadsheet shows it: text that would be a formula with a ``'`` first;
    anything else as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value

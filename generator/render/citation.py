""""Cite this": APA (7th edition, web page) and BibTeX for an item, as plain text."""

from __future__ import annotations

import re
from datetime import datetime

from ..content.models import Author

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
_BIBTEX_SPECIAL = re.compile(r"([&%$#_{}])")


def apa_name(name: str) -> str:
    """"Siti Rahmawati" -> "Rahmawati, S."; one-word Indonesian names stay whole."""
    parts = name.split()
    if len(parts) < 2:
        return name
    initials = " ".join(f"{p[0]}." for p in parts[:-1])
    return f"{parts[-1]}, {initials}"


def apa(authors: list[Author], title: str, published: datetime, library: str, url: str) -> str:
    names = [apa_name(a.name) for a in authors]
    if len(names) == 1:
        who = names[0]
    elif len(names) == 2:
        who = f"{names[0]}, & {names[1]}"
    else:
        who = ", ".join(names[:-1]) + f", & {names[-1]}"
    when = f"{published.year}, {_MONTHS_EN[published.month - 1]} {published.day}"
    end = "" if who.endswith(".") else "."
    return f"{who}{end} ({when}). {title}. {library}. {url}"


def _bib(text: str) -> str:
    text = text.replace("\\", r"\textbackslash{}").replace("~", r"\textasciitilde{}")
    text = text.replace("^", r"\textasciicircum{}")
    return _BIBTEX_SPECIAL.sub(r"\\\1", text)


def bibtex(key: str, authors: list[Author], title: str, published: datetime, library: str,
           url: str, lang: str) -> str:
    names = " and ".join(
        "{" + _bib(a.name) + "}" if len(a.name.split()) < 2
        else _bib(f"{a.name.split()[-1]}, {' '.join(a.name.split()[:-1])}") for a in authors)
    fields = [
        ("author", names),
        ("title", "{" + _bib(title) + "}"),
        ("year", str(published.year)),
        ("month", str(published.month)),
        ("publisher", _bib(library)),
        ("url", url),
        ("langid", lang),
    ]
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields)
    return f"@online{{{key},\n{body}\n}}"

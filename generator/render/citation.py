""""Cite this": APA (7th edition) and BibTeX for an item.

APA 7 in the page's language, month names from CLDR (babel):

- tutorials and reviews are web pages:
  ``Rahmawati, S. (2026, 23 Juni). *Judul*. Perpustakaan. https://…``
- videos carry the descriptor: ``Rahmawati, S. (2026, June 23). *Title* [Video]. Library. https://…``
  (APA cites a YouTube video under its channel; we cite the library's page, which holds the
  video and its transcript, so the library is the site and its page the address).

The page shows the title in italics (``html``); the copy for the clipboard stays plain
(``text``). BibTeX is an ``@online`` entry whatever the item's type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from babel import Locale, UnknownLocaleError
from babel.dates import get_month_names
from markupsafe import Markup

from ..content.models import Author
from ..values.languages import base_language
from ..words.translate import translator, words_language

_BIBTEX_SPECIAL = re.compile(r"([&%$#_{}\\~^])")
_BIBTEX_ESCAPES = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}",
                   "^": r"\textasciicircum{}"}
# APA: a title that ends in its own punctuation takes no period after it.
_ENDS_SENTENCE = ("?", "!", ".")


def apa_name(name: str) -> str:
    """"Siti Rahmawati" -> "Rahmawati, S."; "Jean-Paul Sartre" -> "Sartre, J.-P.";
    one-word Indonesian names stay whole."""
    parts = name.split()
    if len(parts) < 2:
        return name
    initials = " ".join("-".join(f"{p[0]}." for p in given.split("-") if p)
                        for given in parts[:-1])
    return f"{parts[-1]}, {initials}"


def apa_authors(authors: list[Author]) -> str:
    """APA's author element, with its closing period: "Rahmawati, S., & Putra, A."."""
    names = [apa_name(a.name) for a in authors]
    if len(names) == 1:
        who = names[0]
    elif len(names) == 2:
        who = f"{names[0]}, & {names[1]}"  # APA 7 keeps the comma before "&"
    else:
        who = ", ".join(names[:-1]) + f", & {names[-1]}"
    return who if who.endswith(".") else who + "."


def apa_date(published: datetime, lang: str) -> str:
    """"2026, 23 Juni" in Indonesian, "2026, June 23" in English (other languages: English)."""
    locale = words_language(lang)
    month = get_month_names("wide", context="format", locale=locale)[published.month]
    return translator(locale)("citation.date", year=published.year, month=month,
                              day=published.day)


@dataclass(frozen=True)
class ApaReference:
    """An item's APA 7 reference, said in a page's language by ``text`` or ``html``."""

    authors: tuple[Author, ...]
    title: str
    published: datetime
    library: str
    url: str

    def _parts(self, lang: str, kind: str) -> tuple[str, str]:
        """What comes before the title (authors, date) and after it (descriptor, site)."""
        before = f"{apa_authors(list(self.authors))} ({apa_date(self.published, lang)}). "
        descriptor = f" {translator(lang)('citation.video')}" if kind == "video" else ""
        stop = "" if self.title.endswith(_ENDS_SENTENCE) and not descriptor else "."
        site = self.library if self.library.endswith(_ENDS_SENTENCE) else f"{self.library}."
        return before, f"{descriptor}{stop} {site} "

    def text(self, lang: str, kind: str) -> str:
        """Plain text for the clipboard: no markup, the title as written."""
        before, after = self._parts(lang, kind)
        return f"{before}{self.title}{after}{self.url}"

    def html(self, lang: str, kind: str) -> Markup:
        """For the page: every part escaped, the title in italics, the address a link.
        Its text is ``text`` exactly (the copy button copies what the reader sees)."""
        before, after = self._parts(lang, kind)
        return Markup('{}<em>{}</em>{}<a href="{}">{}</a>').format(
            before, self.title, after, self.url, self.url)


def apa(authors: list[Author], title: str, published: datetime, library: str,
        url: str) -> ApaReference:
    """The item's reference; the page's template says it in the page's language and with
    the item's type: ``cite_apa.html(lang, item.kind.value)``."""
    return ApaReference(tuple(authors), title, published, library, url)


def bibtex_language(lang: str) -> str:
    """biblatex's ``langid`` is a babel/polyglossia language name: ``id`` -> "indonesian"."""
    base = base_language(lang or "en")
    try:
        name = Locale(base).get_display_name("en")
    except (UnknownLocaleError, ValueError):
        name = None
    return name.lower().replace(" ", "") if name else base


def _bib(text: str) -> str:
    """Every character LaTeX reads as a command, in one pass (escaping the braces of
    ``\\textbackslash{}`` afterwards would print "\\{}")."""
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_ESCAPES.get(m[1], "\\" + m[1]), text)


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
        ("langid", bibtex_language(lang)),
    ]
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields)
    return f"@online{{{key},\n{body}\n}}"


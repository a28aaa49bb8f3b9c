"""Which type an imported post becomes, by rules a librarian can predict (docs/importing.md):

1. ``--kind``, then the mapping file (per post, then per category or tag), decide first;
2. a post that embeds a supported video (YouTube, Vimeo) becomes a video page;
3. a post with a valid ISBN, or in a category or tag that says "review" ("resensi",
   "ulasan buku", "book review", …), becomes a book review — when the post also says who wrote
   the book and how it rates it, which a review must have; otherwise it stays a tutorial and
   the import says what to add;
4. everything else is a tutorial (level ``beginner`` until a librarian says otherwise).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..content.models import Kind
from ..values import isbn as isbns

REVIEW_WORDS = ("resensi", "review", "ulasan", "timbangan buku", "book review", "bedah buku")
_ISBN = re.compile(r"\bISBN(?:-1[03])?\s*:?\s*((?:97[89][\s-]?)?(?:\d[\s-]?){9}[\dXx])\b")
_BOOK_AUTHOR = re.compile(
    r"\b(?i:penulis|pengarang|karya|author|written by|by)\s*:?\s+"
    r"([A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,4})")
_RATING = re.compile(r"\b(?:rating|nilai|skor|score|bintang)\s*:?\s*([1-5])(?:[.,]\d)?\s*"
                     r"(?:/\s*5|dari\s+5|out of 5|bintang|stars?)?", re.I)
_STARS = re.compile(r"(★{1,5})(☆*)")
_PUBLISHER = re.compile(r"\b(?:penerbit|publisher)\s*:?\s+([^\n,;|]{2,80})", re.I)
_YEAR = re.compile(r"\b(?:tahun terbit|terbit|published)\s*:?\s*((?:1[5-9]|20)\d\d)\b", re.I)


@dataclass(frozen=True)
class BookFacts:
    title: str
    authors: tuple[str, ...]
    isbn: str | None
    rating: int | None
    publisher: str | None
    year: int | None


def find_isbn(text: str) -> str | None:
    for m in _ISBN.finditer(text):
        candidate = re.sub(r"\s", "", m.group(1)).strip("-")
        if isbns.problem(candidate) is None:
            return candidate
    return None


def is_review_label(label: str) -> bool:
    low = label.lower()
    return any(word in low for word in REVIEW_WORDS)


def book_facts(title: str, text: str) -> BookFacts:
    """What the post says about the book it reviews: its title (the post's, without
    "Resensi:"), who wrote it, an ISBN, a rating (``Nilai: 4/5``, ``★★★★☆``)."""
    book_title = re.sub(r"^\s*(resensi|review|ulasan)( buku)?\s*[:\-\u2013\u2014]\s*", "", title,
                        flags=re.I).strip() or title
    authors = tuple(dict.fromkeys(m.group(1).strip() for m in _BOOK_AUTHOR.finditer(text)))[:3]
    rating = None
    if m := _RATING.search(text):
        rating = int(m.group(1))
    elif m := _STARS.search(text):
        rating = len(m.group(1))
    publisher = m.group(1).strip() if (m := _PUBLISHER.search(text)) else None
    year = int(m.group(1)) if (m := _YEAR.search(text)) else None
    return BookFacts(book_title, authors, find_isbn(text), rating, publisher, year)


@dataclass(frozen=True)
class Decision:
    kind: Kind
    why: str  # "option", "mapping", "video", "isbn", "category", "default"
    book: BookFacts | None = None
    review_incomplete: bool = False  # looked like a review, but the book's facts are missing


def decide(title: str, text: str, labels: tuple[str, ...], videos: tuple[str, ...],
           forced: Kind | None, mapped: Kind | None) -> Decision:
    if forced is not None or mapped is not None:
        kind = forced or mapped
        assert kind is not None
        book = book_facts(title, text) if kind is Kind.REVIEW else None
        if kind is Kind.VIDEO and not videos:
            return Decision(Kind.TUTORIAL, "default")
        if book is not None and not (book.authors and book.rating):
            return Decision(Kind.TUTORIAL, "default", book, review_incomplete=True)
        return Decision(kind, "option" if forced else "mapping", book)
    if videos:
        return Decision(Kind.VIDEO, "video")
    labelled = any(is_review_label(label) for label in labels)
    isbn = find_isbn(text)
    if labelled or isbn:
        book = book_facts(title, text)
        if book.authors and book.rating:
            return Decision(Kind.REVIEW, "category" if labelled else "isbn", book)
        return Decision(Kind.TUTORIAL, "default", book, review_incomplete=True)
    return Decision(Kind.TUTORIAL, "default")

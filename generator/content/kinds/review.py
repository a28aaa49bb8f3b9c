"""Book reviews: the book (title, authors, ISBN, …, cover, call number) and a rating."""

from __future__ import annotations

from ...values import isbn as isbns
from ..fields import FieldReader
from ..models import Book, Details, Kind, ReviewDetails
from ..readers import IMAGE_SUFFIXES, Context, asset, suffix_pattern
from ..source import SourceFile
from .spec import JsonObject, KindSpec, LinkedData, SchemaFields

KEYS = ("book", "rating")
BOOK_KEYS = ("title", "authors", "isbn", "publisher", "year", "pages", "cover", "cover_alt",
             "call_number")


def read(r: FieldReader, source: SourceFile, ctx: Context) -> ReviewDetails | None:
    book = _book(r, source, ctx)
    rating = r.integer("rating", required=True, minimum=1, maximum=5, code="value.rating")
    if book is None or rating is None:
        return None
    return ReviewDetails(book, rating)


def _book(r: FieldReader, source: SourceFile, ctx: Context) -> Book | None:
    b = r.mapping("book", required=True, known=BOOK_KEYS)
    if b is None:
        return None
    title = b.text("title", required=True, max_len=300)
    authors = b.text_list("authors", required=True)
    isbn_text = b.text("isbn")
    isbn13 = None
    if isbn_text is not None:
        problem = isbns.problem(isbn_text)
        if problem:
            b.error("isbn", problem, value=isbn_text)
        else:
            isbn13 = isbns.to_isbn13(isbn_text)
    publisher = b.text("publisher", max_len=200)
    year = b.integer("year", minimum=1000, maximum=2100, code="value.year")
    pages = b.integer("pages", minimum=1, maximum=100_000, code="value.pages")
    cover = asset(b, "cover", source, ctx, IMAGE_SUFFIXES)
    cover_alt = b.text("cover_alt", max_len=300)
    if cover is not None and not cover_alt:
        b.error("cover_alt", "image.alt_missing", line=b.line_of("cover"))
    call_number = b.text("call_number", max_len=100)
    b.unknown_keys()
    if title is None or not authors:
        return None
    return Book(title, authors, isbn13, isbn_text, publisher, year, pages, cover, cover_alt,
                call_number)


def linked_data(details: Details, data: JsonObject, page: LinkedData) -> None:
    assert isinstance(details, ReviewDetails)
    book = details.book
    reviewed: JsonObject = {
        "@type": "Book",
        "name": book.title,
        "author": [{"@type": "Person", "name": name} for name in book.authors],
    }
    if book.isbn13:
        reviewed["isbn"] = book.isbn13
    if book.publisher:
        reviewed["publisher"] = {"@type": "Organization", "name": book.publisher}
    if book.year:
        reviewed["datePublished"] = str(book.year)
    if book.pages:
        reviewed["numberOfPages"] = book.pages
    if book.cover:
        reviewed["image"] = page.absolute(book.cover)
    data["@type"] = "Review"
    data["itemReviewed"] = reviewed
    data["reviewRating"] = {"@type": "Rating", "ratingValue": details.rating,
                            "bestRating": 5, "worstRating": 1}


FIELDS: SchemaFields = {
    "book": ("The book reviewed.", "Buku yang diresensi.", {}),
    "rating": ("Rating, a whole number from 1 to 5.", "Nilai, bilangan bulat 1 sampai 5.",
               {"minimum": 1, "maximum": 5, "digits": r"^[1-5]$"}),
    "book.title": ("Title of the book.", "Judul buku.", {"minLength": 1, "maxLength": 300}),
    "book.authors": ("Authors of the book, as printed.", "Penulis buku, seperti tercetak.",
                     {"minItems": 1}),
    "book.isbn": ("ISBN-10 or ISBN-13, hyphens allowed (checksum verified).",
                  "ISBN-10 atau ISBN-13, boleh dengan tanda hubung (digit pemeriksa dicek).",
                  {"pattern": r"^[0-9][0-9 -]*[0-9Xx]$"}),
    "book.publisher": ("Publisher.", "Penerbit.", {"maxLength": 200}),
    "book.year": ("Year of publication.", "Tahun terbit.", {"minimum": 1000, "maximum": 2100}),
    "book.pages": ("Number of pages.", "Jumlah halaman.", {"minimum": 1, "maximum": 100_000}),
    "book.cover": ("Picture of the book's cover (a path, like `image`).",
                   "Gambar sampul buku (jalur, seperti `image`).",
                   {"pattern": suffix_pattern(IMAGE_SUFFIXES)}),
    "book.cover_alt": ("Alternative text of the cover (required with `cover`).",
                       "Teks alternatif sampul (wajib bila ada `cover`).", {"maxLength": 300}),
    "book.call_number": ("Call number: where the book stands in the library.",
                         "Nomor panggil: letak buku di rak perpustakaan.", {"maxLength": 100}),
}

SPEC = KindSpec(Kind.REVIEW, KEYS, ("book", "rating"), ReviewDetails, read,
                ("Book review front matter", "Front matter resensi buku"), FIELDS,
                (112, 36, 60), linked_data)

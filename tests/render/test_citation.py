""""Cite this" in the page's language (APA 7: web page for tutorials and reviews, [Video] for
videos; BibTeX), its copy buttons, the footer's credit in the site's language, and a
review's cover shown once."""

from __future__ import annotations

import io
import re
import string
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import lxml.html
import pytest
from jinja2 import Environment, FileSystemLoader
from PIL import Image
from sitekit import REVIEW, make_site

from generator.content.models import Author
from generator.engine.base import THEME_OVERRIDES
from generator.library.check import run
from generator.render import citation
from generator.render.items import Renderer
from generator.words import citation as citation_words
from generator.words.translate import WORDS

JAKARTA = ZoneInfo("Asia/Jakarta")
SITI = Author("siti", "Siti Rahmawati", "Pustakawan")
ANI = Author("ani", "Ani Lestari", "Pustakawan")
BUDI = Author("budi", "Budi Santoso", "Pustakawan")
SUKARNO = Author("sukarno", "Sukarno", "Pustakawan")
PUBLISHED = datetime(2026, 6, 23, 9, 30, tzinfo=JAKARTA)
LIB = "Perpustakaan Uji"
URL = "https://example.org/lib/tutorials/x/"


@pytest.mark.parametrize(("lang", "kind", "expected"), [
    ("id", "tutorial", "Rahmawati, S. (2026, 23 Juni). Mencari jurnal. Perpustakaan Uji. " + URL),
    ("id", "review", "Rahmawati, S. (2026, 23 Juni). Mencari jurnal. Perpustakaan Uji. " + URL),
    ("id", "video",
     "Rahmawati, S. (2026, 23 Juni). Mencari jurnal [Video]. Perpustakaan Uji. " + URL),
    ("en", "tutorial", "Rahmawati, S. (2026, June 23). Mencari jurnal. Perpustakaan Uji. " + URL),
    ("en", "review", "Rahmawati, S. (2026, June 23). Mencari jurnal. Perpustakaan Uji. " + URL),
    ("en", "video",
     "Rahmawati, S. (2026, June 23). Mencari jurnal [Video]. Perpustakaan Uji. " + URL),
    # A page in another language gets English (the one rule of words/translate.py).
    ("jv", "tutorial", "Rahmawati, S. (2026, June 23). Mencari jurnal. Perpustakaan Uji. " + URL),
    ("id-ID", "video",
     "Rahmawati, S. (2026, 23 Juni). Mencari jurnal [Video]. Perpustakaan Uji. " + URL),
    ("en-GB", "review", "Rahmawati, S. (2026, June 23). Mencari jurnal. Perpustakaan Uji. " + URL),
])
def test_apa_in_the_pages_language_for_each_type(lang: str, kind: str, expected: str) -> None:
    ref = citation.apa([SITI], "Mencari jurnal", PUBLISHED, LIB, URL)
    assert ref.text(lang, kind) == expected
    html = ref.html(lang, kind)
    doc = lxml.html.fragment_fromstring(f"<p>{html}</p>")
    assert doc.text_content() == expected  # what the copy button copies is what is shown
    assert [e.text for e in doc.iter("em")] == ["Mencari jurnal"]  # the title, in italics
    assert doc.xpath("//a/@href") == [URL]


@pytest.mark.parametrize(("month", "id_name", "en_name"), [
    (1, "Januari", "January"), (2, "Februari", "February"), (3, "Maret", "March"),
    (4, "April", "April"), (5, "Mei", "May"), (6, "Juni", "June"), (7, "Juli", "July"),
    (8, "Agustus", "August"), (9, "September", "September"), (10, "Oktober", "October"),
    (11, "November", "November"), (12, "Desember", "December"),
])
def test_every_month_in_both_languages(month: int, id_name: str, en_name: str) -> None:
    day = datetime(2025, month, 5, tzinfo=JAKARTA)
    assert citation.apa_date(day, "id") == f"2025, 5 {id_name}"
    assert citation.apa_date(day, "en") == f"2025, {en_name} 5"


@pytest.mark.parametrize(("authors", "expected"), [
    ([SITI], "Rahmawati, S."),
    ([SUKARNO], "Sukarno."),  # one-word names stay whole, then APA's period
    ([SITI, ANI], "Rahmawati, S., & Lestari, A."),  # APA 7 keeps the comma before "&"
    ([SITI, ANI, BUDI], "Rahmawati, S., Lestari, A., & Santoso, B."),
    ([Author("jp", "Jean-Paul Sartre", "x")], "Sartre, J.-P."),
    ([Author("m", "Muhammad Ali Akbar", "x")], "Akbar, M. A."),
])
def test_apa_authors(authors: list[Author], expected: str) -> None:
    assert citation.apa_authors(authors) == expected


@pytest.mark.parametrize(("title", "kind", "expected"), [
    ("Kenapa harus mengutip?", "tutorial", "Kenapa harus mengutip? Perpustakaan Uji."),
    ("Kenapa harus mengutip?", "video", "Kenapa harus mengutip? [Video]. Perpustakaan Uji."),
    ("Hebat!", "review", "Hebat! Perpustakaan Uji."),
])
def test_a_title_ending_in_its_own_punctuation_takes_no_period(title: str, kind: str,
                                                                expected: str) -> None:
    text = citation.apa([SITI], title, PUBLISHED, LIB, URL).text("id", kind)
    assert expected in text


def test_a_site_name_ending_in_a_period_takes_no_second_one() -> None:
    text = citation.apa([SITI], "Judul", PUBLISHED, "Yayasan Pustaka, Inc.", URL).text("en",
                                                                                     "review")
    assert text.endswith(f"Judul. Yayasan Pustaka, Inc. {URL}")


def test_apa_html_escapes_every_part() -> None:
    hostile = '</em><script>alert(1)</script> "Kutip" & Co'
    ref = citation.apa([Author("x", "<b>Ani</b> Lestari", "x")], hostile, PUBLISHED,
                       "Lib & <i>Co</i>", URL)
    html = str(ref.html("id", "video"))
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html
    doc = lxml.html.fragment_fromstring(f"<p>{html}</p>")
    assert doc.text_content() == ref.text("id", "video")
    assert [e.text for e in doc.iter("em")] == [hostile]


def _balanced(text: str) -> bool:
    depth = 0
    for i, ch in enumerate(text):
        if ch in "{}" and (i == 0 or text[i - 1] != "\\"):
            depth += 1 if ch == "{" else -1
            if depth < 0:
                return False
    return depth == 0


@pytest.mark.parametrize(("lang", "langid"), [
    ("id", "indonesian"), ("en", "english"), ("en-GB", "english"), ("jv", "javanese"),
])
def test_bibtex_stays_valid(lang: str, langid: str) -> None:
    entry = citation.bibtex("x-2026", [SITI, SUKARNO], "50% {off} & #1_a\\b ~^", PUBLISHED,
                            "Lib & Co", URL, lang)
    assert entry.startswith("@online{x-2026,\n") and entry.endswith("\n}")
    assert _balanced(entry)
    fields = dict(re.findall(r"^  (\w+) = \{(.*)\},?$", entry, flags=re.M))
    assert fields["author"] == "Rahmawati, Siti and {Sukarno}"
    # LaTeX's specials escaped, the commands' own braces left as they are
    assert fields["title"] == ("{50\\% \\{off\\} \\& \\#1\\_a\\textbackslash{}b "
                               "\\textasciitilde{}\\textasciicircum{}}")
    assert fields["year"] == "2026" and fields["month"] == "6"
    assert fields["publisher"] == "Lib \\& Co" and fields["url"] == URL
    assert fields["langid"] == langid  # a babel/polyglossia name, what biblatex expects


# -- words ---------------------------------------------------------------------------------


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(citation_words.WORDS))
def test_citation_words_in_both_languages(key: str) -> None:
    entry = citation_words.WORDS[key]
    assert set(entry) == {"id", "en"} and entry["id"].strip() and entry["en"].strip()
    assert _fields(entry["id"]) == _fields(entry["en"])
    assert key.startswith(("citation.", "credit."))
    assert WORDS[key] is entry  # merged into the translator's table


# -- the footer's credit (theme partial, Material and Zensical) ----------------------------

COPYRIGHT = THEME_OVERRIDES / "partials" / "copyright.html"


def test_the_credit_holds_the_words_of_the_table() -> None:
    """The theme has no translator: its words are the table's, in both languages."""
    template = COPYRIGHT.read_text(encoding="utf-8")
    for key in ("credit.made_with", "credit.and"):
        for lang in ("id", "en"):
            assert citation_words.WORDS[key][lang] in template, (key, lang)


def _credit(**config: object) -> lxml.html.HtmlElement:
    env = Environment(loader=FileSystemLoader(str(THEME_OVERRIDES)))  # as the theme: no escape
    context = {"config": {"theme": {"language": "id"}, "extra": {}, "copyright": None, **config}}
    html = env.get_template("partials/copyright.html").render(**context)
    return lxml.html.fragment_fromstring(html)


@pytest.mark.parametrize(("language", "made_with", "joiner"), [
    ("id", "Dibuat dengan", "dan"), ("en", "Made with", "and"), (None, "Made with", "and"),
])
def test_the_credit_in_the_sites_language(language: str | None, made_with: str,
                                          joiner: str) -> None:
    div = _credit(theme={"language": language} if language else {})
    words = " ".join(div.text_content().split())
    assert words == f"{made_with} knowledge-site {joiner} Material for MkDocs"
    assert div.xpath("//a/@href") == ["https://pypi.org/project/knowledge-site/",
                                      "https://squidfunk.github.io/mkdocs-material/"]
    assert set(div.xpath("//a/@rel")) == {"noopener"}


def test_the_credit_keeps_the_sites_copyright_and_its_switch() -> None:
    div = _credit(copyright="&copy; 2026 Perpustakaan Uji", extra={"generator": False})
    assert " ".join(div.text_content().split()) == "© 2026 Perpustakaan Uji"
    assert not div.xpath("//a")


# -- the item pages ------------------------------------------------------------------------


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (60, 90), (200, 120, 40)).save(buffer, "PNG")
    return buffer.getvalue()


def _review(slug: str, *, cover: bool) -> str:
    head, rest = REVIEW.split("book:\n", 1)
    head = head.replace('title: "Dune: pasir dan kuasa"', f"title: Resensi {slug}")
    picture = "image: images/header.png\nimage_alt: Gambar kepala\n"
    book = "  cover: images/cover.png\n  cover_alt: Sampul buku\n" if cover else ""
    return f"{head}{picture}book:\n{book}{rest}"


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, lxml.html.HtmlElement]:
    root = make_site(tmp_path_factory.mktemp("cite") / "repo", {
        "site_src/images/header.png": _png(),
        "site_src/images/cover.png": _png(),
        "site_src/reviews/dengan-sampul.md": _review("dengan-sampul", cover=True),
        "site_src/reviews/tanpa-sampul.md": _review("tanpa-sampul", cover=False),
    })
    result = run(root, datetime(2026, 6, 1, tzinfo=UTC))
    assert result.ok, result.diagnostics
    assert result.library is not None
    renderer = Renderer(result.library)
    return {i.slug: lxml.html.fragment_fromstring(renderer.item_page(i).markdown,
                                                  create_parent="div")
            for i in result.library.items}


def test_a_review_with_a_cover_shows_it_once(pages: dict[str, lxml.html.HtmlElement]) -> None:
    page = pages["dengan-sampul"]
    assert not page.xpath("//figure[@class='ks-cover']")
    assert page.xpath("//img[@class='ks-book-cover']/@src") == ["../../images/cover.png"]
    assert page.xpath("//header[@class='ks-item-header']/h1/text()") == [
        "Resensi dengan-sampul"]


def test_a_review_without_a_cover_keeps_its_picture(
        pages: dict[str, lxml.html.HtmlElement]) -> None:
    page = pages["tanpa-sampul"]
    assert page.xpath("//figure[@class='ks-cover']/img/@src") == ["../../images/header.png"]
    assert not page.xpath("//img[@class='ks-book-cover']")


@pytest.mark.parametrize(("slug", "summary", "apa"), [
    ("dasar-opac", "Kutip tulisan ini",
     "Lestari, A. (2026, 10 Januari). Dasar OPAC. Perpustakaan Uji. "
     "https://example.org/lib/tutorials/dasar-opac/"),
    ("dune", "Kutip tulisan ini",
     "Santoso, B. (2026, 12 Januari). Dune: pasir dan kuasa. Perpustakaan Uji. "
     "https://example.org/lib/reviews/dune/"),
    ("tur", "Kutip tulisan ini",
     "Lestari, A. (2026, 13 Januari). Tur perpustakaan [Video]. Perpustakaan Uji. "
     "https://example.org/lib/videos/tur/"),
])
def test_the_cite_block_on_every_item_page(pages: dict[str, lxml.html.HtmlElement], slug: str,
                                            summary: str, apa: str) -> None:
    page = pages[slug]
    (block,) = page.xpath("//details[contains(@class, 'ks-cite')]")
    assert "no-copy" in block.classes  # no Material copy button over the text
    assert block.xpath("./summary/text()") == [summary]
    (text,) = block.xpath(".//*[@id='ks-cite-apa']")
    assert text.tag == "p" and text.text_content() == apa
    assert len(text.xpath(".//em")) == 1
    (code,) = block.xpath(".//pre/code[@id='ks-cite-bibtex']")
    assert code.text_content().startswith("@online{") and "langid = {indonesian}" in (
        code.text_content())
    buttons = block.xpath(".//button")
    assert [b.get("data-ks-copy-from") for b in buttons] == ["ks-cite-apa", "ks-cite-bibtex"]
    assert [b.text for b in buttons] == ["Salin kutipan APA", "Salin BibTeX"]
    for button in buttons:  # below its text, hidden until share.js finds a clipboard
        holder = button.getparent()
        assert holder.get("data-ks-needs") == "clipboard" and holder.get("hidden") is not None


def test_an_english_item_is_cited_in_english(tmp_path: Path) -> None:
    english = (_review("english", cover=True).replace("topics: [sastra]",
                                                      "topics: [sastra]\nlang: en"))
    root = make_site(tmp_path / "repo", {"site_src/images/header.png": _png(),
                                         "site_src/images/cover.png": _png(),
                                         "site_src/reviews/english.md": english})
    result = run(root, datetime(2026, 6, 1, tzinfo=UTC))
    assert result.library is not None
    (item,) = [i for i in result.library.items if i.slug == "english"]
    page = lxml.html.fragment_fromstring(Renderer(result.library).item_page(item).markdown,
                                         create_parent="div")
    assert page.xpath("//*[@id='ks-cite-apa']")[0].text_content() == (
        "Santoso, B. (2026, January 12). Resensi english. Perpustakaan Uji. "
        "https://example.org/lib/reviews/english/")
    assert page.xpath("//details[contains(@class, 'ks-cite')]/summary/text()") == ["Cite this"]
    assert [b.text for b in page.xpath("//details//button")] == ["Copy APA citation",
                                                                  "Copy BibTeX"]

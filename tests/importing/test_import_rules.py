"""The import's small rules, case by case: HTML to Markdown, shortcodes, the type rules, old
addresses to aliases, text that is not UTF-8."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from generator.content.models import Kind
from generator.importing import convert, kinds, shortcodes
from generator.importing.addresses import alias_for
from generator.importing.encoding import decode


def md(html: str, figures: bool = False, wordpress: bool = False) -> str:
    return convert.render(convert.prepare(html, wordpress=wordpress), {}, figures=figures)


@pytest.mark.parametrize(("html", "expected"), [
    ("<h2>Langkah</h2><p>Teks</p>", "## Langkah\n\nTeks\n"),
    ("<h1>Judul</h1><h2>Sub</h2>", "## Judul\n\n### Sub\n"),  # the page's title is the h1
    ("<h3>A</h3><h5>B</h5><h3>C</h3>", "## A\n\n### B\n\n## C\n"),  # no level skipped
    ("<ul><li>a</li><li>b</li></ul>", "- a\n- b\n"),
    ("<p><a href='https://x.org/a_b'>x_y</a></p>", "[x\\_y](https://x.org/a_b)\n"),
    ("<p><a href='javascript:alert(1)'>klik</a></p>", "klik\n"),
    ('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?start=42"></iframe>',
     "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s\n"),
    ('<iframe src="//player.vimeo.com/video/76979871"></iframe>', "https://vimeo.com/76979871\n"),
    ('<iframe src="https://maps.example.com/embed?x=1"></iframe>',
     "<https://maps.example.com/embed?x=1>\n"),
    ("<p>https://youtu.be/dQw4w9WgXcQ</p>", "https://youtu.be/dQw4w9WgXcQ\n"),
    ("<script>alert(1)</script><p>ok</p><style>p{}</style>", "ok\n"),
    ("<p>&amp; &lt;b&gt; &#8211;</p>", "& <b> \u2013\n"),
])
def test_html_becomes_markdown(html: str, expected: str) -> None:
    assert md(html) == expected


def test_a_figure_keeps_its_caption() -> None:
    html = '<figure><img src="a.png" alt="Rak"><figcaption>Rak baru</figcaption></figure>'
    assert md(html) == "![Rak](a.png)\n*Rak baru*\n"
    assert md(html, figures=True) == (
        '<figure markdown="span">![Rak](a.png)<figcaption>Rak baru</figcaption></figure>\n')


def test_wordpress_paragraphs_without_p_tags() -> None:
    assert md("Satu\nbaris\n\nDua", wordpress=True) == "Satu  \nbaris\n\nDua\n"


def test_wordpress_shortcodes() -> None:
    lost: Counter[str] = Counter()
    out = shortcodes.wordpress(
        '[caption id="a" width="300"]<img src="x.jpg" alt="X"> Keterangan[/caption] '
        '[gallery ids="1,2"] [embed]https://youtu.be/dQw4w9WgXcQ[/embed] '
        "[youtube https://www.youtube.com/watch?v=dQw4w9WgXcQ] [Baca] [1]", lost)
    assert '<figure><img src="x.jpg" alt="X"><figcaption>Keterangan</figcaption></figure>' in out
    assert "<p>https://youtu.be/dQw4w9WgXcQ</p>" in out
    assert "[Baca] [1]" in out  # brackets in text are not shortcodes
    assert lost == Counter({"[gallery]": 1})


def test_hugo_and_liquid_shortcodes() -> None:
    lost: Counter[str] = Counter()
    assert "https://www.youtube.com/watch?v=abc" in shortcodes.hugo("{{< youtube abc >}}", lost)
    assert 'figcaption>Cap<' in shortcodes.hugo('{{< figure src="a.png" caption="Cap" >}}', lost)
    assert shortcodes.hugo("{{< tweet 1 >}}", lost) == ""
    assert shortcodes.liquid("{% highlight python %}\nx\n{% endhighlight %}", lost) == (
        "```python\nx\n```")
    assert shortcodes.liquid("{{ site.baseurl }}/x", lost) == "/x"
    assert lost == Counter({"{{< tweet >}}": 1, "{{ site.baseurl }}": 1})


@pytest.mark.parametrize(("title", "text", "labels", "videos", "kind"), [
    ("A", "Teks biasa.", (), (), Kind.TUTORIAL),
    ("A", "Lihat ini.", (), ("https://youtu.be/dQw4w9WgXcQ",), Kind.VIDEO),
    ("Resensi: Dune", "Penulis: Frank Herbert\nNilai: 4/5", ("Resensi Buku",), (), Kind.REVIEW),
    ("Dune", "karya Frank Herbert. ISBN 0441172717. ★★★★☆", (), (), Kind.REVIEW),
    ("Dune", "ISBN 0441172718 (checksum wrong). Nilai: 4", (), (), Kind.TUTORIAL),
    ("Dune", "ISBN 0441172717 tanpa penulis dan nilai", (), (), Kind.TUTORIAL),
])
def test_the_type_rules(title: str, text: str, labels: tuple[str, ...],
                        videos: tuple[str, ...], kind: Kind) -> None:
    assert kinds.decide(title, text, labels, videos, None, None).kind is kind


def test_the_option_and_the_mapping_come_first() -> None:
    video = ("https://youtu.be/dQw4w9WgXcQ",)
    assert kinds.decide("A", "", (), video, Kind.TUTORIAL, None).kind is Kind.TUTORIAL
    assert kinds.decide("A", "", (), video, None, Kind.TUTORIAL).why == "mapping"
    facts = kinds.book_facts("Resensi: Dune", "Penulis: Frank Herbert\nPenerbit: Ace\n"
                                              "Tahun terbit: 1990\nRating: 4 dari 5")
    assert (facts.title, facts.authors, facts.rating, facts.publisher, facts.year) == (
        "Dune", ("Frank Herbert",), 4, "Ace", 1990)


@pytest.mark.parametrize(("old", "alias"), [
    ("https://example.org/lib/2019/05/cara/", "2019/05/cara/"),
    ("https://www.example.org/lib/2019/05/cara.html", "2019/05/cara.html"),
    ("https://example.org/lib/?p=12", None),  # a query: only the old host can redirect it
    ("https://example.org/other/2019/x/", None),  # outside the site's path
    ("https://old.example.net/lib/2019/05/cara/", None),  # another host
    ("https://example.org/lib/2019/%E0%B8%81/", None),  # not what an alias may hold
])
def test_old_addresses_that_become_aliases(old: str, alias: str | None) -> None:
    assert alias_for(old, "https://example.org/lib/") == alias


def test_text_that_is_not_utf8() -> None:
    assert decode("caf\u00e9".encode()) == ("caf\u00e9", None)
    mostly = ("Teks panjang " * 50 + "\u201ckutip\u201d").encode().replace(
        "\u201c".encode(), b"\x93")
    text, used = decode(mostly)
    assert "\u201ckutip\u201d" in text and used == "utf-8+windows-1252"
    latin = ("Perpustakaan \u00e0 la carte, caf\u00e9 et r\u00e9sum\u00e9s. " * 20).encode(
        "latin-1")
    text, used = decode(latin)
    assert "caf\u00e9" in text and used


def test_an_export_declared_in_another_encoding_is_read_and_noted() -> None:
    from generator.importing.reading import parse_xml

    data = ('<?xml version="1.0" encoding="ISO-8859-1"?>\n<rss><channel><title>Caf\u00e9'
            "</title></channel></rss>").encode("latin-1")
    root, notes = parse_xml(data, "lama.xml")
    assert root.findtext("channel/title") == "Caf\u00e9"
    assert [n.code for n in notes] == ["import.not_utf8"]


def test_an_old_address_where_a_page_of_the_site_lives_is_no_alias(tmp_path: Path) -> None:
    from generator.importing.run import _page_at

    (tmp_path / "tentang.md").write_text("# Tentang\n", encoding="utf-8")
    assert _page_at(tmp_path, "tentang/") and _page_at(tmp_path, "tentang.html")
    assert _page_at(tmp_path, "tutorials/cara/")  # an item's own kind of address
    assert not _page_at(tmp_path, "2019/01/cara/")

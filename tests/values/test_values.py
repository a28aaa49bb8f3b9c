"""Small value rules: ISBNs, slugs, language tags, SPDX licences, and both message languages."""

from __future__ import annotations

import pytest

from generator.values import isbn
from generator.values.languages import is_language_tag
from generator.values.licenses import check_license, license_url
from generator.values.slugs import is_slug, slugify
from generator.words.messages import MESSAGES, placeholders


@pytest.mark.parametrize("value", ["0441172717", "0-441-17271-7", "978-0-441-17271-9",
                                   "9780441172719", "0 8044 2957 X", "080442957x"])
def test_valid_isbns(value: str) -> None:
    assert isbn.problem(value) is None


@pytest.mark.parametrize(("value", "code"), [("0441172718", "isbn.checksum"),
                                             ("9780441172718", "isbn.checksum"),
                                             ("12345", "isbn.format"),
                                             ("ISBN 0441172717", "isbn.format")])
def test_invalid_isbns(value: str, code: str) -> None:
    assert isbn.problem(value) == code


def test_isbn10_shown_as_isbn13() -> None:
    assert isbn.to_isbn13("0-441-17271-7") == "9780441172719"
    assert isbn.to_isbn13("080442957X") == "9780804429573"


@pytest.mark.parametrize(
    ("title", "slug"),
    [("Cara Cari Jurnal", "cara-cari-jurnal"), ("Tips & Trik: OPAC!", "tips-trik-opac"),
     ("Ngôn ngữ", "ngon-ngu"), ("  --Judul--  ", "judul")],
)
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug


@pytest.mark.parametrize("title", ["مرحبا بالعالم", "🎉📚", "图书馆", "!!!", "ईमेल"])
def test_slugify_any_script_is_sane(title: str) -> None:
    slug = slugify(title)
    assert is_slug(slug), slug
    assert slugify(title) == slug  # stable


def test_emoji_only_titles_do_not_share_a_slug() -> None:
    assert slugify("🎉") != slugify("📚")


@pytest.mark.parametrize("value", ["../etc", "Judul", "a_b", "a--b", "-a", "", "a" * 81])
def test_not_slugs(value: str) -> None:
    assert not is_slug(value)


@pytest.mark.parametrize("tag", ["id", "en", "en-GB", "jv", "ar", "zh-Hant"])
def test_language_tags(tag: str) -> None:
    assert is_language_tag(tag)


@pytest.mark.parametrize("tag", ["indonesia", "zz", "en_GB", "", "e"])
def test_not_language_tags(tag: str) -> None:
    assert not is_language_tag(tag)


def test_licences() -> None:
    assert check_license("CC-BY-4.0") is None
    assert check_license("CC0-1.0") is None
    assert check_license("cc-by-sa-4.0") == ("value.license_case", "CC-BY-SA-4.0")
    assert check_license("CC-BY-5.0") == ("value.license", "")
    assert license_url("CC-BY-SA-4.0") == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert license_url("CC0-1.0") == "https://creativecommons.org/publicdomain/zero/1.0/"


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_message_in_both_languages(code: str) -> None:
    entry = MESSAGES[code]
    assert set(entry) == {"id", "en"}
    assert entry["id"].strip() and entry["en"].strip()
    assert entry["id"] != entry["en"]
    assert placeholders(entry["id"]) == placeholders(entry["en"])

"""What the repository remembers was published: real git repositories in tmp_path.

Timing note (not a timed test): a synthetic repository of 1,000 commits touching
300 items (70 renames, ~700 body edits) loads in 0.33-0.54 s on the development
machine (0.8 s before front matters seen before were cached) — one ``git log``
and one ``git cat-file --batch`` process whatever the history's size.
"""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sitekit import TUTORIAL, make_site

from generator.content.models import Item
from generator.library.addresses import check_history, redirects, stable_ids
from generator.library.check import run
from generator.library.history import History, Redirect, load_history
from generator.words.history_messages import HISTORY_MESSAGES
from generator.words.messages import MESSAGES, placeholders

NOW = datetime(2026, 3, 1, tzinfo=UTC)
SITE_URL = "https://example.org/lib/"
OPAC_ID = "tag:example.org,2026-01-10:lib/tutorials/dasar-opac.md"

pytestmark = pytest.mark.skipif(
    subprocess.run(["git", "--version"], capture_output=True).returncode != 0,
    reason="git is not installed")


def git(root: Path, *args: str, date: str = "2026-02-01T10:00:00+07:00") -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}
    return subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True,
                          text=True).stdout


def commit(root: Path, message: str, date: str) -> None:
    git(root, "add", "-A", date=date)
    git(root, "commit", "-q", "-m", message, date=date)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The three-item site, committed on 2026-02-01 (after every item's date: published)."""
    make_site(tmp_path)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.name", "Pustakawan Uji")
    git(tmp_path, "config", "user.email", "uji@example.org")
    commit(tmp_path, "first", "2026-02-01T10:00:00+07:00")
    return tmp_path


def items_of(root: Path) -> list[Item]:
    result = run(root, NOW)
    assert result.library is not None, result.diagnostics
    return list(result.library.all_items)


def published_items(root: Path) -> list[Item]:
    """Everything this build shows at an address: listed items and retired ones."""
    result = run(root, NOW)
    assert result.library is not None
    return [*result.library.items, *result.library.retired]


def history(root: Path) -> History:
    return load_history(root, "site_src", now=NOW)


def codes(diagnostics: list) -> list[tuple[str, str, str]]:  # type: ignore[type-arg]
    return [(d.path, d.code, dict(d.params).get("addresses", "")) for d in diagnostics]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# -- renames and slugs --------------------------------------------------------------------
def test_rename_and_slug_change_keep_every_address_and_the_identity(repo: Path) -> None:
    ids_before = stable_ids(history(repo), items_of(repo), SITE_URL)
    git(repo, "mv", "site_src/tutorials/dasar-opac.md", "site_src/tutorials/opac-dasar.md")
    commit(repo, "rename", "2026-02-02T10:00:00+07:00")
    edit(repo / "site_src/tutorials/opac-dasar.md", "level: beginner",
         "slug: katalog-daring\nlevel: beginner")
    commit(repo, "slug", "2026-02-03T10:00:00+07:00")

    h = history(repo)
    assert h.available and not h.shallow
    record = h.by_current_path()["site_src/tutorials/opac-dasar.md"]
    assert record.key == "site_src/tutorials/dasar-opac.md"
    assert record.kind == "tutorial"
    assert record.first_slug == "dasar-opac"
    assert record.addresses == ("tutorials/dasar-opac/", "tutorials/opac-dasar/",
                                "tutorials/katalog-daring/")
    assert record.paths == ("site_src/tutorials/dasar-opac.md",
                            "site_src/tutorials/opac-dasar.md")
    assert record.first_published == datetime.fromisoformat("2026-01-10T00:00:00+07:00")

    items = items_of(repo)
    ids_after = stable_ids(h, items, SITE_URL)
    assert ids_after["tutorials/opac-dasar.md"] == ids_before["tutorials/dasar-opac.md"]
    assert ids_after["tutorials/opac-dasar.md"] == OPAC_ID
    assert ids_after["reviews/dune.md"] == ids_before["reviews/dune.md"]

    assert redirects(h, published_items(repo)) == [
        Redirect("tutorials/dasar-opac/", "tutorials/katalog-daring/"),
        Redirect("tutorials/opac-dasar/", "tutorials/katalog-daring/"),
    ]
    assert check_history(h, items) == []


def test_a_date_edit_after_publication_keeps_the_stable_id(repo: Path) -> None:
    before = stable_ids(history(repo), items_of(repo), SITE_URL)
    edit(repo / "site_src/reviews/dune.md", "date: 2026-01-12T10:00", "date: 2026-01-20")
    commit(repo, "redate", "2026-02-02T10:00:00+07:00")
    assert stable_ids(history(repo), items_of(repo), SITE_URL) == before


def test_moving_an_item_to_another_type_folder_redirects(repo: Path) -> None:
    git(repo, "mv", "site_src/tutorials/dasar-opac.md", "site_src/videos/dasar-opac.md")
    edit(repo / "site_src/videos/dasar-opac.md", "level: beginner\n",
         "video:\n  url: https://youtu.be/dQw4w9WgXcQ\n")
    edit(repo / "site_src/videos/dasar-opac.md", "## Langkah 1", "## Transkrip")
    commit(repo, "to video", "2026-02-02T10:00:00+07:00")
    h = history(repo)
    record = h.by_current_path()["site_src/videos/dasar-opac.md"]
    assert record.kind == "video"
    assert record.addresses == ("tutorials/dasar-opac/", "videos/dasar-opac/")
    assert Redirect("tutorials/dasar-opac/", "videos/dasar-opac/") in redirects(
        h, published_items(repo))


def test_a_rename_not_yet_committed_is_still_a_rename(repo: Path) -> None:
    """The pre-commit hook runs before the commit: a plain move must not look like a delete."""
    (repo / "site_src/reviews/dune.md").rename(repo / "site_src/reviews/dune-herbert.md")
    edit(repo / "site_src/reviews/dune-herbert.md", "Bagus sekali.", "Bagus sekali, sungguh.")
    h = history(repo)
    record = h.by_current_path()["site_src/reviews/dune-herbert.md"]
    assert record.key == "site_src/reviews/dune.md"
    items = items_of(repo)
    assert check_history(h, items) == []
    assert redirects(h, published_items(repo)) == [
        Redirect("reviews/dune/", "reviews/dune-herbert/")]


def test_a_slug_change_not_yet_committed_redirects(repo: Path) -> None:
    edit(repo / "site_src/reviews/dune.md", "rating: 4", "rating: 4\nslug: dune-1965")
    assert redirects(history(repo), published_items(repo)) == [
        Redirect("reviews/dune/", "reviews/dune-1965/")]


# -- deleting -----------------------------------------------------------------------------
def test_deleting_a_published_item_is_an_error_naming_the_address(repo: Path) -> None:
    git(repo, "rm", "-q", "site_src/reviews/dune.md")
    edit(repo / "site_src/tutorials/dasar-opac.md", "[resensi Dune](../reviews/dune.md)",
         "resensi Dune")
    commit(repo, "delete", "2026-02-02T10:00:00+07:00")
    h = history(repo)
    record = next(r for r in h.records if r.key == "site_src/reviews/dune.md")
    assert record.current_path is None and record.last_path == "site_src/reviews/dune.md"
    problems = check_history(h, items_of(repo))
    assert codes(problems) == [("site_src/reviews/dune.md", "history.deleted", "/reviews/dune/")]
    assert problems[0].line == 1 and problems[0].field == "file"
    assert redirects(h, published_items(repo)) == []


def test_deleting_in_the_working_tree_is_caught_before_the_commit(repo: Path) -> None:
    (repo / "site_src/videos/tur.md").unlink()
    problems = check_history(history(repo), items_of(repo))
    assert codes(problems) == [("site_src/videos/tur.md", "history.deleted", "/videos/tur/")]


def test_a_retired_item_keeps_its_address_and_is_no_error(repo: Path) -> None:
    edit(repo / "site_src/reviews/dune.md", "rating: 4", "rating: 4\nretired: true")
    commit(repo, "retire", "2026-02-02T10:00:00+07:00")
    h = history(repo)
    items = items_of(repo)
    assert check_history(h, items) == []
    assert any(i.retired and i.url == "reviews/dune/" for i in published_items(repo))


def test_an_alias_on_the_replacement_keeps_the_old_address(repo: Path) -> None:
    git(repo, "rm", "-q", "site_src/reviews/dune.md")
    edit(repo / "site_src/tutorials/dasar-opac.md", "[resensi Dune](../reviews/dune.md)",
         "resensi Dune")
    edit(repo / "site_src/tutorials/dasar-opac.md", "level: beginner",
         "aliases:\n  - /reviews/dune/\nlevel: beginner")
    commit(repo, "replace", "2026-02-02T10:00:00+07:00")
    h = history(repo)
    assert check_history(h, items_of(repo)) == []
    assert redirects(h, published_items(repo)) == [
        Redirect("reviews/dune/", "tutorials/dasar-opac/")]


def test_an_ordinary_page_at_the_old_address_keeps_it_alive(repo: Path) -> None:
    (repo / "site_src/videos/tur.md").unlink()
    h = history(repo)
    assert check_history(h, items_of(repo), live=["videos/tur/"]) == []
    assert redirects(h, published_items(repo), live=["videos/tur/"]) == []


def test_making_a_published_item_a_draft_is_an_error(repo: Path) -> None:
    edit(repo / "site_src/videos/tur.md", "date: 2026-01-13", "date: 2026-01-13\ndraft: true")
    problems = check_history(history(repo), items_of(repo))
    assert codes(problems) == [("site_src/videos/tur.md", "history.unpublished", "/videos/tur/")]
    assert problems[0].field == "draft"


def test_deleting_a_draft_that_was_never_published_is_fine(repo: Path) -> None:
    draft = TUTORIAL.replace("date: 2026-01-10", "date: 2026-01-10\ndraft: true")
    (repo / "site_src/tutorials/rahasia.md").write_text(draft, encoding="utf-8")
    commit(repo, "draft", "2026-02-02T10:00:00+07:00")
    git(repo, "rm", "-q", "site_src/tutorials/rahasia.md")
    commit(repo, "drop draft", "2026-02-03T10:00:00+07:00")
    h = history(repo)
    record = next(r for r in h.records if r.key == "site_src/tutorials/rahasia.md")
    assert record.addresses == () and record.first_published is None
    assert check_history(h, items_of(repo)) == []


def test_a_future_item_is_not_published_before_its_date(repo: Path) -> None:
    later = TUTORIAL.replace("date: 2026-01-10", "date: 2026-02-20T08:00")
    (repo / "site_src/tutorials/nanti.md").write_text(later, encoding="utf-8")
    (repo / "site_src/tutorials/besok.md").write_text(later, encoding="utf-8")
    commit(repo, "schedule", "2026-02-02T10:00:00+07:00")
    # Removed before its moment: never published, nothing lost.
    git(repo, "rm", "-q", "site_src/tutorials/nanti.md")
    commit(repo, "unschedule", "2026-02-10T10:00:00+07:00")
    # Removed after its moment, with no commit in between: the hourly rebuild published it.
    git(repo, "rm", "-q", "site_src/tutorials/besok.md")
    commit(repo, "too late", "2026-02-25T10:00:00+07:00")
    h = history(repo)
    nanti = next(r for r in h.records if r.key == "site_src/tutorials/nanti.md")
    assert nanti.addresses == ()
    assert codes(check_history(h, items_of(repo))) == [
        ("site_src/tutorials/besok.md", "history.deleted", "/tutorials/besok/")]


def test_the_version_at_head_is_judged_at_now(repo: Path) -> None:
    later = TUTORIAL.replace("date: 2026-01-10", "date: 2099-01-01")
    (repo / "site_src/tutorials/kelak.md").write_text(later, encoding="utf-8")
    commit(repo, "far future", "2026-02-02T10:00:00+07:00")
    h = history(repo)
    record = next(r for r in h.records if r.key == "site_src/tutorials/kelak.md")
    assert record.addresses == () and record.current_path == "site_src/tutorials/kelak.md"
    (repo / "site_src/tutorials/kelak.md").unlink()
    assert check_history(history(repo), items_of(repo)) == []


def test_a_restored_file_is_the_same_item(repo: Path) -> None:
    text = (repo / "site_src/videos/tur.md").read_text(encoding="utf-8")
    git(repo, "rm", "-q", "site_src/videos/tur.md")
    commit(repo, "oops", "2026-02-02T10:00:00+07:00")
    (repo / "site_src/videos").mkdir(exist_ok=True)
    (repo / "site_src/videos/tur.md").write_text(text, encoding="utf-8")
    commit(repo, "restore", "2026-02-02T11:00:00+07:00")
    h = history(repo)
    assert [r.key for r in h.records if "tur" in r.key] == ["site_src/videos/tur.md"]
    assert check_history(h, items_of(repo)) == []


def test_a_path_reused_after_a_rename_is_a_new_identity(repo: Path) -> None:
    git(repo, "mv", "site_src/reviews/dune.md", "site_src/reviews/dune-lama.md")
    commit(repo, "rename", "2026-02-02T10:00:00+07:00")
    other = (repo / "site_src/reviews/dune-lama.md").read_text(encoding="utf-8")
    new = other.replace("Dune: pasir dan kuasa", "Dune Messiah").replace(
        "Bagus sekali.", "Lanjutan yang lebih gelap.\n" * 5).replace("rating: 4", "rating: 5")
    (repo / "site_src/reviews/dune.md").write_text(new, encoding="utf-8")
    commit(repo, "new dune", "2026-02-03T10:00:00+07:00")
    h = history(repo)
    keys = sorted(r.key for r in h.records if "dune" in r.key)
    assert keys[0] == "site_src/reviews/dune.md" and keys[1].startswith("site_src/reviews/dune.md@")
    ids = stable_ids(h, items_of(repo), SITE_URL)
    assert ids["reviews/dune.md"] != ids["reviews/dune-lama.md"]
    # The address /reviews/dune/ is a live page again: no redirect over it.
    assert all(r.from_url != "reviews/dune/" for r in redirects(h, published_items(repo)))


# -- merges: the main line only -----------------------------------------------------------
def test_a_merged_branch_counts_as_one_change(repo: Path) -> None:
    git(repo, "switch", "-q", "-c", "tulisan")
    git(repo, "mv", "site_src/reviews/dune.md", "site_src/reviews/dune-a.md")
    commit(repo, "a", "2026-02-02T10:00:00+07:00")
    git(repo, "mv", "site_src/reviews/dune-a.md", "site_src/reviews/dune-b.md")
    commit(repo, "b", "2026-02-02T11:00:00+07:00")
    git(repo, "switch", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", "-m", "merge", "tulisan",
        date="2026-02-03T10:00:00+07:00")
    record = history(repo).by_current_path()["site_src/reviews/dune-b.md"]
    assert record.addresses == ("reviews/dune/", "reviews/dune-b/")


# -- without git --------------------------------------------------------------------------
def test_not_a_git_repository(tmp_path: Path) -> None:
    make_site(tmp_path)
    h = load_history(tmp_path, "site_src", now=NOW)
    assert not h.available and h.records == ()
    assert check_history(h, items_of(tmp_path)) == []
    items = items_of(tmp_path)
    ids = stable_ids(h, items, SITE_URL)
    assert ids["tutorials/dasar-opac.md"] == OPAC_ID
    assert redirects(h, items) == []


def test_an_uncommitted_item_gets_the_id_it_will_keep(tmp_path: Path) -> None:
    make_site(tmp_path)
    git(tmp_path, "init", "-q", "-b", "main")
    h = load_history(tmp_path, "site_src", now=NOW)
    assert h.available and h.records == () and h.head is None
    before = stable_ids(h, items_of(tmp_path), SITE_URL)
    git(tmp_path, "config", "user.name", "U")
    git(tmp_path, "config", "user.email", "u@example.org")
    commit(tmp_path, "first", "2026-02-01T10:00:00+07:00")
    assert stable_ids(history(tmp_path), items_of(tmp_path), SITE_URL) == before


def test_a_shallow_clone_is_reported(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    edit(repo / "site_src/reviews/dune.md", "Bagus sekali.", "Bagus.")
    commit(repo, "second", "2026-02-02T10:00:00+07:00")
    clone = tmp_path_factory.mktemp("clone") / "site"
    git(repo, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    h = history(clone)
    assert h.shallow
    assert [d.code for d in check_history(h, items_of(clone))] == ["history.shallow"]


# -- messages -----------------------------------------------------------------------------
def test_history_messages_have_both_languages_and_the_same_parameters() -> None:
    for code, texts in HISTORY_MESSAGES.items():
        assert code not in MESSAGES or MESSAGES[code] == texts
        assert set(texts) == {"id", "en"}
        assert placeholders(texts["id"]) == placeholders(texts["en"]), code
        assert texts["en"].format(addresses="/x/")


def test_reserved_slugs_match_validate() -> None:
    from generator.content import validate
    from generator.library import history

    assert history.RESERVED_SLUGS == validate.RESERVED_SLUGS


# -- pages --------------------------------------------------------------------------------
def test_output_path() -> None:
    from generator.library.addresses import output_path

    assert output_path("tutorials/old/") == "tutorials/old/index.html"
    assert output_path("2019/05/cari.html") == "2019/05/cari.html"


@pytest.mark.parametrize(("lang", "words"), [("id", "sudah diturunkan"), ("en", "was retired")])
def test_retired_page(tmp_path: Path, lang: str, words: str) -> None:
    from lxml import html

    from generator.content.models import Topic
    from generator.render.environment import environment
    from generator.values.links import relative
    from generator.words.translate import translator

    item = next(i for i in items_of(make_site(tmp_path)) if i.slug == "dune")
    page = environment().get_template("pages/retired.md.j2").render(
        item=item, topics=[Topic("sastra", "Sastra <pilihan>", "x")], t=translator(lang),
        url=lambda target: relative(target, item.url))
    tree = html.fragment_fromstring(page, create_parent="div")
    assert words in tree.text_content()
    assert tree.xpath("//h1")[0].text_content() == item.title
    hrefs = [a.get("href") for a in tree.xpath("//a")]
    assert hrefs == ["../../topics/sastra/", "../../"]
    assert "Sastra <pilihan>" in tree.text_content()  # escaped, not markup


"""Renaming or moving a file never stops the site (issue 17): on a real git repository holding
the example library, a linked tutorial is renamed and a linked picture moved the way the git
host's web editor does it (one commit, nothing else edited). The build publishes, the old
address redirects, the feed ids stay, check warns at each linking line, and ``fix`` rewrites
exactly those links."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import feedparser
import lxml.html
import pytest
from sitekit import REPO, cli

pytestmark = pytest.mark.slow

OLD, NEW = "tutorials/menggunakan-opac.md", "tutorials/cara-memakai-opac.md"
OLD_PICTURE, NEW_PICTURE = "images/cover-opac.jpg", "images/sampul/opac.jpg"


def git(repo: Path, *args: str, env: dict[str, str] | None = None) -> str:
    env = (env or {}) | {"GIT_AUTHOR_NAME": "Pustakawan", "GIT_AUTHOR_EMAIL": "p@example.org",
           "GIT_COMMITTER_NAME": "Pustakawan", "GIT_COMMITTER_EMAIL": "p@example.org",
           "GIT_AUTHOR_DATE": "2026-02-01T10:00:00+07:00",
           "GIT_COMMITTER_DATE": "2026-02-01T10:00:00+07:00", "PATH": "/usr/bin:/bin"}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True,
                          text=True).stdout


def web_editor_rename(repo: Path, old: str, new: str) -> None:
    """What the web editor's "rename" commits: the same blob under a new path, one commit,
    made in an index of its own, away from the working tree (so nothing else slips in)."""
    mode, _, blob = git(repo, "ls-tree", "HEAD", old).split("\t")[0].split()
    index = repo.parent / "web-editor-index"
    env = {"GIT_INDEX_FILE": str(index)}
    git(repo, "read-tree", "HEAD", env=env)
    git(repo, "update-index", "--force-remove", old, env=env)
    git(repo, "update-index", "--add", "--cacheinfo", f"{mode},{blob},{new}", env=env)
    tree = git(repo, "write-tree", env=env).strip()
    index.unlink()
    commit = git(repo, "commit-tree", tree, "-p", "HEAD", "-m", f"Rename {old}").strip()
    git(repo, "update-ref", "HEAD", commit)
    git(repo, "checkout", "-q", "-f", "HEAD")  # the librarian's next pull
    git(repo, "clean", "-q", "-f", "-d", "site_src")


def feed_ids(site: Path) -> set[str]:
    parsed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not parsed.bozo
    return {e.id for e in parsed.entries}


def linking_lines(repo: Path, written: re.Pattern[str]) -> set[tuple[str, int]]:
    """Every (file, line) that names the old path, found with grep-like plainness."""
    out = set()
    for path in sorted((repo / "site_src").rglob("*.md")):
        for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
            if written.search(line):
                out.add((path.relative_to(repo).as_posix(), n))
    return out


@pytest.fixture()
def library(tmp_path: Path) -> Path:
    repo = tmp_path / "library"
    repo.mkdir()
    shutil.copytree(REPO / "site_src", repo / "site_src")
    shutil.copy(REPO / "mkdocs.yml", repo / "mkdocs.yml")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "The library")
    return repo


def test_a_renamed_item_and_a_moved_picture_keep_the_site_publishing(library: Path) -> None:
    before = cli("build", "-d", str(library.parent / "before"), cwd=library)
    assert before.returncode == 0, before.stderr
    linked = linking_lines(library, re.compile(r"menggunakan-opac\.md|cover-opac\.jpg"))
    assert len(linked) >= 10  # links from items and from the librarians' own pages
    linked = {(path.replace(OLD, NEW), line) for path, line in linked}  # the item's picture

    web_editor_rename(library, f"site_src/{OLD}", f"site_src/{NEW}")
    web_editor_rename(library, f"site_src/{OLD_PICTURE}", f"site_src/{NEW_PICTURE}")
    assert git(library, "log", "--format=%s").count("Rename") == 2

    # The build publishes, with the picture and the page at its new address.
    after = library.parent / "after"
    built = cli("build", "-d", str(after), cwd=library)
    assert built.returncode == 0, built.stderr
    assert (after / "tutorials/cara-memakai-opac/index.html").is_file()
    page = lxml.html.parse(str(after / "tutorials/cara-memakai-opac/index.html")).getroot()
    assert page.xpath("//meta[@property='og:image']/@content")
    # The old address redirects to the new one.
    old = lxml.html.parse(str(after / "tutorials/menggunakan-opac/index.html")).getroot()
    assert old.xpath("//link[@rel='canonical']/@href") == [
        "https://perpustakaan-cendekia.example.org/tutorials/cara-memakai-opac/"]
    # Every page that linked the old file now links the new page directly.
    for html in after.rglob("*.html"):
        if html.parent.name == "menggunakan-opac":
            continue
        hrefs = lxml.html.parse(str(html)).getroot().xpath("//a/@href")
        assert not [h for h in hrefs if "menggunakan-opac" in h], html
    assert "cara-memakai-opac/" in (after / "tanya-pustakawan/index.html").read_text("utf-8")
    # Subscribers see nothing new: every feed id is the one it was.
    assert feed_ids(after) == feed_ids(library.parent / "before")

    # check: a warning at each linking line (the item's own picture included), no error.
    checked = cli("check", "--format", "json", "--lang", "en", cwd=library)
    assert checked.returncode == 0, checked.stdout
    problems = json.loads(checked.stdout)
    assert {p["severity"] for p in problems} == {"warning"}
    assert {(p["path"], p["line"]) for p in problems} == linked
    assert {p["code"] for p in problems} == {"link.moved", "asset.moved"}
    for p in problems:
        assert "knowledge-site fix" in p["message"]
        assert "cara-memakai-opac.md" in p["message"] or "sampul/opac.jpg" in p["message"]
    annotations = cli("check", "--format", "github", cwd=library).stdout
    assert annotations.count("::warning file=") == len(linked)

    # fix: check is clean, and the diff changes exactly those lines, each only in its path.
    fixed = cli("fix", "--lang", "en", cwd=library)
    assert fixed.returncode == 0, fixed.stderr
    assert json.loads(cli("check", "--format", "json", cwd=library).stdout) == []
    diff = git(library, "diff", "-U0", "--no-color")
    removed = re.findall(r"^-(?!--)(.*)$", diff, re.M)
    added = re.findall(r"^\+(?!\+\+)(.*)$", diff, re.M)
    assert len(removed) == len(added) == len(linked)
    for minus, plus in zip(removed, added, strict=True):
        assert plus == (minus.replace("menggunakan-opac.md", "cara-memakai-opac.md")
                        .replace("images/cover-opac.jpg", "images/sampul/opac.jpg"))
    changed = set(re.findall(r"^\+\+\+ b/(.*)$", diff, re.M))
    assert changed == {path for path, _ in linked}
    assert git(library, "status", "--porcelain") == "".join(
        f" M {path}\n" for path in sorted(changed))


def test_a_rename_not_yet_committed_is_seen_by_the_pre_commit_check(library: Path) -> None:
    """The pre-commit hook runs check before the commit: a plain move is a move."""
    (library / "site_src/images/sampul").mkdir()
    (library / f"site_src/{OLD_PICTURE}").rename(library / f"site_src/{NEW_PICTURE}")
    (library / f"site_src/{OLD}").rename(library / f"site_src/{NEW}")
    checked = cli("check", "--format", "json", cwd=library)
    assert checked.returncode == 0, checked.stdout
    codes = [p["code"] for p in json.loads(checked.stdout)]
    assert codes.count("asset.moved") == 1 and codes.count("link.moved") >= 9
    assert cli("fix", cwd=library).returncode == 0
    assert json.loads(cli("check", "--format", "json", cwd=library).stdout) == []


def test_links_to_an_old_address_work_and_fix_points_them_at_the_new_one(library: Path) -> None:
    web_editor_rename(library, f"site_src/{OLD}", f"site_src/{NEW}")
    review = library / "site_src/reviews/atomic-habits.md"
    text = review.read_text(encoding="utf-8")
    review.write_text(text + "\nLihat [OPAC](/tutorials/menggunakan-opac/#langkah), "
                      "[juga](../tutorials/menggunakan-opac/) dan `../tutorials/menggunakan-opac/`"
                      ".\n", encoding="utf-8")
    line = text.count("\n") + 2
    checked = json.loads(cli("check", "--format", "json", "--lang", "en", cwd=library).stdout)
    old_address = [p for p in checked if p["code"] == "link.old_address"]
    assert [(p["path"], p["line"]) for p in old_address] == [
        ("site_src/reviews/atomic-habits.md", line)] * 2
    assert all("redirects" in p["message"] for p in old_address)
    site = library.parent / "site"
    assert cli("build", "-d", str(site), cwd=library).returncode == 0
    hrefs = lxml.html.parse(str(site / "reviews/atomic-habits/index.html")).getroot().xpath(
        "//a/@href")
    assert "../../tutorials/cara-memakai-opac/#langkah" in hrefs
    assert "../../tutorials/cara-memakai-opac/" in hrefs
    assert cli("fix", cwd=library).returncode == 0
    last = review.read_text(encoding="utf-8").split("\n")[line - 1]
    assert last == ("Lihat [OPAC](/tutorials/cara-memakai-opac/#langkah), "
                    "[juga](../tutorials/cara-memakai-opac/) dan "
                    "`../tutorials/menggunakan-opac/`.")  # code is no link: untouched

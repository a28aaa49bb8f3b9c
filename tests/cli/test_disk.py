"""Files on disk: nothing read from outside ``site_src/``, nothing written outside the output
folder, nothing served from outside the site, nothing lost when a build dies.

- Symbolic links under ``site_src/`` that point outside it are errors naming the link; a link
  that loops inside it is not followed.
- Slugs, aliases and tags written to escape (``../``, ``%2e%2e``, backslashes, absolute
  paths, look-alike dots) never make a build write a file outside its output folder: the
  whole test folder is listed before and after.
- A 5 MB body builds, and its feed entry stays small (summary and link above
  ``feed_content_limit``); the check of 10,000 items stays within a memory budget.
- ``serve`` listens on 127.0.0.1 only and answers no request with a file from outside the
  site.
- A build killed halfway (SIGKILL) leaves the previous ``site/`` byte for byte, and the next
  build works.
- Two items claiming one address, an alias on another item's address, a slug edited to
  collide: errors naming *both* files (the fixture cases of ``content/test_check_fixtures.py``,
  read here for the message text).
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import checkkit as fixtures
import feedparser
import pytest
from sitekit import REVIEW, TUTORIAL, VIDEO, cli, make_site, tree_digest


def listing(root: Path) -> dict[str, tuple[int, int]]:
    """Every path under ``root`` (links not followed) with its size and change time."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            st = path.lstat()
            # A folder's own times change when something is added inside it: only its
            # existence counts; files and links by size and change time.
            key = (0, 0) if path.is_dir() and not path.is_symlink() else (
                st.st_size, st.st_mtime_ns)
            out[path.relative_to(root).as_posix()] = key
    return out


def changed_outside(before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]],
                    inside: str) -> list[str]:
    return sorted(p for p in set(after) | set(before)
                  if before.get(p) != after.get(p) and p != inside
                  and not p.startswith(inside + "/"))


# -- symbolic links ---------------------------------------------------------------------------

def test_links_pointing_outside_are_errors_naming_the_link(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "secret.md").write_text(TUTORIAL, "utf-8")
    (outside / "folder" / "x.png").write_bytes(b"\x89PNG secret")
    root = make_site(tmp_path / "repo")
    docs = root / "site_src"
    (docs / "tutorials" / "luar.md").symlink_to(outside / "secret.md")
    (docs / "images").mkdir()
    (docs / "images" / "pw.png").symlink_to("/etc/passwd")
    (docs / "images" / "luar").symlink_to(outside / "folder", target_is_directory=True)
    (docs / "relatif.md").symlink_to("../../outside/secret.md")
    result = cli("check", "--format", "json", cwd=root)
    assert result.returncode == 1
    errors = {(m["path"], m["code"]) for m in json.loads(result.stdout)
              if m["severity"] == "error"}
    assert errors == {(f"site_src/{p}", "file.symlink_outside") for p in (
        "tutorials/luar.md", "images/pw.png", "images/luar", "relatif.md")}
    before = listing(tmp_path)
    build = cli("build", cwd=root)
    assert build.returncode == 1 and "Traceback" not in build.stderr
    assert not (root / "site").exists()
    assert changed_outside(before, listing(tmp_path), "repo/site") == []


def test_links_to_folders_inside_are_errors_too(tmp_path: Path) -> None:
    """mkdocs walks folder links (``os.walk(followlinks=True)``): ``loop -> .`` would make it
    read the content 40 times over and crash; two such links, 2**40 times. So ``check``
    refuses every folder link, and the build stops before mkdocs walks anything."""
    root = make_site(tmp_path)
    docs = root / "site_src"
    (docs / "loop").symlink_to(".", target_is_directory=True)
    (docs / "images").mkdir()
    (docs / "gambar").symlink_to("images", target_is_directory=True)
    (docs / "images" / "cover.png").write_bytes(b"\x89PNG")
    (docs / "images" / "sampul.png").symlink_to("cover.png")  # a file link inside: fine
    check = cli("check", "--format", "json", cwd=root)
    assert check.returncode == 1, check.stdout + check.stderr
    errors = {(m["path"], m["code"]) for m in json.loads(check.stdout)
              if m["severity"] == "error"}
    assert errors == {("site_src/loop", "file.symlink_folder"),
                      ("site_src/gambar", "file.symlink_folder")}
    build = cli("build", cwd=root)
    assert build.returncode == 1 and "Traceback" not in build.stderr, build.stderr
    assert not (root / "site").exists()


def test_a_broken_link_is_no_traceback(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    (root / "site_src" / "hilang.png").symlink_to("tidak-ada.png")
    (root / "site_src" / "hilang-luar.png").symlink_to("/tidak/ada.png")
    for command in ("check", "build"):
        result = cli(command, cwd=root)
        assert "Traceback" not in result.stderr, (command, result.stderr)
        assert result.returncode in (0, 1), (command, result.stderr)


def test_a_broken_link_is_named_as_the_librarian_wrote_it(tmp_path: Path) -> None:
    """Even when the path leaves site_src/, the message quotes what is in the file."""
    root = make_site(tmp_path)
    source = root / "site_src/tutorials/dasar-opac.md"
    source.write_text(source.read_text(encoding="utf-8") + "\n![x](../../gambar/hilang.png)\n"
                      '<img src="../gambar/juga-hilang.png" alt="y">\n', encoding="utf-8")
    result = cli("check", "--lang", "en", cwd=root)
    assert result.returncode == 1
    assert "`../../gambar/hilang.png`" in result.stderr + result.stdout
    assert "`../gambar/juga-hilang.png`" in result.stderr + result.stdout


# -- nothing written outside the output folder ----------------------------------------------

# Accepted by check (they stay inside the site, however odd they look) …
ODD_ALIASES = ["/etc/passwd", "/lama/.../", "/lama/a..b/"]
ODD_TAGS = ["../../escape", "..\\..\\escape", "/etc/passwd", "%2e%2e/%2e%2e", "\u2025",
            "\uff0e\uff0e/escape", "..", ".", "a/../../b", "C:\\escape", "~/escape", "\x00x"]
# … and refused, with the field named.
BAD_ALIASES = ["/../../escape/", "/lama/..%2f..%2fescape/", "..\\..\\escape", "C:\\escape\\",
               "//evil.example/x/", "/\u2025/escape/", "/\uff0e\uff0e/escape/",
               "/lama/%2fescape/", "/lama/%00/", "/lama/./x/", "/lama/%5c..%5cescape/",
               "file:///etc/passwd", "https://evil.example/x/"]
BAD_SLUGS = ["../escape", "..%2fescape", "/abs", "a\\b", "\uff45scape", "a/b", ".."]
# Percent-encoded dots: a browser reads "%2e%2e" as "..", so these leave the site's
# address space (they are written inside site/, under a folder no browser can reach).
ENCODED_DOT_ALIASES = ["/%2e%2e/%2e%2e/escape/", "/lama/%2E%2E/%2E%2E/escape.html"]


def yaml_list(values: list[str]) -> str:
    return "".join(f"\n  - {json.dumps(v)}" for v in values)


def tutorial(*, aliases: list[str] | None = None, tags: list[str] | None = None,
             slug: str | None = None) -> str:
    head = TUTORIAL.replace("tags: [opac, katalog]\n", "")
    extra = ""
    if tags:
        extra += f"tags:{yaml_list(tags)}\n"
    if aliases:
        extra += f"aliases:{yaml_list(aliases)}\n"
    if slug is not None:
        extra += f"slug: {json.dumps(slug)}\n"
    return head.replace("level: beginner\n", "level: beginner\n" + extra)


@pytest.mark.slow
def test_odd_aliases_and_tags_stay_inside_the_output_folder(tmp_path: Path) -> None:
    root = make_site(tmp_path / "repo", {
        "site_src/tutorials/dasar-opac.md": tutorial(aliases=ODD_ALIASES, tags=ODD_TAGS)})
    (tmp_path / "repo" / "escape").mkdir()  # a target that a traversal would fill
    before = listing(tmp_path)
    result = cli("build", cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    after = listing(tmp_path)
    assert changed_outside(before, after, "repo/site") == []
    site = root / "site"
    for path in site.rglob("*"):
        assert path.resolve().is_relative_to(site.resolve()), path
        assert ".." not in path.relative_to(site).parts, path
    assert (site / "etc/passwd/index.html").is_file(), "the alias is a page inside the site"
    assert not [p for p in (site / "tags").iterdir() if not p.name.replace("-", "").isalnum()
                and p.name != "index.html"], sorted(p.name for p in (site / "tags").iterdir())


def test_escaping_aliases_and_slugs_are_refused(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "site_src/tutorials/dasar-opac.md": tutorial(aliases=BAD_ALIASES)}
    for n, slug in enumerate(BAD_SLUGS):
        files[f"site_src/tutorials/slug-{n}.md"] = tutorial(slug=slug).replace(
            "title: Dasar OPAC", f"title: Slug {n}")
    root = make_site(tmp_path / "repo", files)
    before = listing(tmp_path)
    result = cli("check", "--format", "json", cwd=root)
    assert result.returncode == 1
    errors = [m for m in json.loads(result.stdout) if m["severity"] == "error"]
    alias_lines = {m["line"] for m in errors if m["path"].endswith("dasar-opac.md")
                   and m["field"] == "aliases"}
    assert len(alias_lines) == len(BAD_ALIASES), errors
    slug_files = {m["path"] for m in errors if m["field"] == "slug"}
    assert slug_files == {f"site_src/tutorials/slug-{n}.md" for n in range(len(BAD_SLUGS))}
    build = cli("build", cwd=root)
    assert build.returncode == 1
    assert changed_outside(before, listing(tmp_path), "repo/site") == []


def test_percent_encoded_dots_in_aliases_are_refused(tmp_path: Path) -> None:
    """``/%2e%2e/`` is ``/../`` to every browser: such an alias leaves the site."""
    root = make_site(tmp_path, {
        "site_src/tutorials/dasar-opac.md": tutorial(aliases=ENCODED_DOT_ALIASES)})
    result = cli("check", "--format", "json", cwd=root)
    errors = [m for m in json.loads(result.stdout) if m["field"] == "aliases"]
    assert len(errors) == len(ENCODED_DOT_ALIASES), result.stdout
    assert {m["code"] for m in errors} == {"alias.outside"}


def test_registry_ids_that_escape_are_refused(tmp_path: Path) -> None:
    root = make_site(tmp_path, {
        "site_src/topics.yml": "literasi:\n  name: L\n  description: D\n"
                               "\"../escape\":\n  name: E\n  description: D\n",
        "site_src/authors.yml": "ani:\n  name: A\n  role: R\n\"..\\\\x\":\n  name: B\n"
                                "  role: R\n",
    })
    result = cli("check", "--format", "json", cwd=root)
    codes = {(m["path"], m["code"]) for m in json.loads(result.stdout)}
    assert ("site_src/topics.yml", "registry.bad_id") in codes
    assert ("site_src/authors.yml", "registry.bad_id") in codes


# -- size ------------------------------------------------------------------------------------

def big_body(size: int) -> str:
    para = ("Perpustakaan menyediakan koleksi buku, jurnal dan *sumber daring* untuk semua "
            "anggota; lihat [katalog](https://opac.example.org/) atau tanya `pustakawan`. ")
    blocks, total, n = [], 0, 0
    while total < size:
        block = f"## Bagian {n}\n\n{para * 4}\n\n- butir satu\n- butir dua\n"
        blocks.append(block)
        total += len(block.encode("utf-8"))
        n += 1
    return "\n".join(blocks)


@pytest.mark.slow
def test_a_5_mb_body_builds_and_its_feed_entry_stays_small(tmp_path: Path) -> None:
    text = TUTORIAL.split("---\n## Langkah")[0] + "---\n" + big_body(5_000_000)
    assert len(text.encode("utf-8")) >= 5_000_000
    root = make_site(tmp_path, {"site_src/tutorials/besar.md": text})
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=root,
                            env={**os.environ, "SOURCE_DATE_EPOCH": "1790000000"},
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 300
    site = root / "site"
    page = (site / "tutorials/besar/index.html").read_text("utf-8")
    assert "Bagian 0" in page and "Bagian 9" in page
    limit = 100_000  # feed_content_limit's default
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    entry = next(e for e in feed.entries if e.link.endswith("/tutorials/besar/"))
    content = entry.content[0].value if "content" in entry else entry.summary
    assert len(content) <= limit
    assert "Bagian 0" not in content and "/tutorials/besar/" in content
    assert (site / "feed.xml").stat().st_size < 4 * limit
    data = json.loads((site / "feed.json").read_text("utf-8"))
    item = next(i for i in data["items"] if i["url"].endswith("/tutorials/besar/"))
    assert len(item["content_html"]) <= limit


def generated_library(tmp_path: Path, count: int) -> Path:
    """A site with ``count`` items (the three types in turn, varied text, links between
    them), written directly: the base site of ``sitekit`` plus generated files."""
    kinds = [("tutorials", TUTORIAL), ("reviews", REVIEW), ("videos", VIDEO)]
    files: dict[str, str | bytes] = {}
    for n in range(count):
        folder, template = kinds[n % 3]
        day = f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}"
        lines = template.split("\n")
        lines[1] = f'title: "Tulisan {n}: {lines[1][7:].strip(chr(34))}"'
        lines[3] = f"date: {day}"
        text = "\n".join(lines)
        text += f"\nBagian {n}: lihat [tutorial](../tutorials/t-{3 * max(0, (n - 1) // 3)}.md).\n"
        files[f"site_src/{folder}/{folder[0]}-{n}.md"] = text
    return make_site(tmp_path / f"library-{count}", files)


def peak_rss_kb(args: list[str], cwd: Path, epoch: str) -> tuple[int, int, str]:
    """(exit code, peak resident memory in kB, stderr) of ``knowledge-site ARGS`` run in a
    process of its own, which reports its own peak (ru_maxrss) on its last stderr line."""
    script = ("import resource, sys\n"
              "from generator.cli.main import main\n"
              f"code = main({args!r})\n"
              "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
              "sys.exit(code)\n")
    result = subprocess.run([sys.executable, "-c", script], cwd=cwd,
                            env={**os.environ, "SOURCE_DATE_EPOCH": epoch},
                            capture_output=True, text=True, timeout=7200)
    last = result.stderr.strip().splitlines()[-1]
    return result.returncode, int(last), result.stderr


@pytest.mark.slow
def test_checking_10000_items_stays_within_memory(tmp_path: Path) -> None:
    """``check`` reads every file once and keeps no more than the model: 10,000 items in
    well under 400 MB (measured about 115 MB for the whole process)."""
    root = generated_library(tmp_path, 10_000)
    code, peak_kb, stderr = peak_rss_kb(["check"], root, "1790000000")
    assert code == 0, stderr[-2000:]
    assert peak_kb < 400_000, f"peak {peak_kb / 1e3:.0f} MB"


@pytest.mark.skipif(not os.environ.get("KS_HEAVY_TESTS"),
                    reason="a whole 10,000-item build takes many minutes; set KS_HEAVY_TESTS=1")
def test_building_10000_items(tmp_path: Path) -> None:
    root = generated_library(tmp_path, 10_000)
    code, peak_kb, stderr = peak_rss_kb(["build"], root, "1790000000")
    assert code == 0, stderr[-2000:]
    assert peak_kb < 4_000_000, f"peak {peak_kb / 1e6:.1f} GB"
    feed = (root / "site" / "feed.xml").stat().st_size
    assert feed < 50 * 100_000  # feed_size entries, each within feed_content_limit


# -- serve ---------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def listening(port: int) -> set[str]:
    """Local addresses (hex, as /proc/net/tcp{,6} writes them) listening on ``port``."""
    out = set()
    for name in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(name).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            address, state = fields[1], fields[3]
            host, _, hex_port = address.rpartition(":")
            if state == "0A" and int(hex_port, 16) == port:
                out.add(host)
    return out


def raw_get(port: int, path: str) -> tuple[int, bytes]:
    """GET ``path`` exactly as written: no client-side normalisation of ``..``."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        conn.putrequest("GET", path, skip_accept_encoding=True)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


@pytest.mark.slow
def test_serve_listens_on_loopback_and_serves_nothing_outside_the_site(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("RAHASIA-DI-LUAR-SITUS", "utf-8")
    root = make_site(tmp_path / "repo")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "-a",
                             f"127.0.0.1:{port}"], cwd=root,
                            env={**os.environ, "SOURCE_DATE_EPOCH": "1790000000"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                status, _ = raw_get(port, "/lib/")
                if status == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "serve did not start"
            time.sleep(0.3)
        if Path("/proc/net/tcp").exists():
            assert listening(port) == {"0100007F"}, listening(port)
        up = "/.." * 12
        dots = "/%2e%2e" * 12
        for path in [
            f"/lib{up}/etc/passwd", f"/lib{dots}/etc/passwd", f"/lib{up}{secret}",
            f"/lib{dots}{secret}", f"/lib/..%2f..%2f..%2f..%2f..%2f..%2f..%2f..{secret}",
            f"{up}{secret}", f"/{secret}", f"//{secret}", f"/lib/{secret}",
            f"/lib/%252e%252e/%252e%252e{secret}", f"/lib/..\\..\\..\\..\\..\\..{secret}",
            "/lib/../mkdocs.yml", "/lib/%2e%2e/mkdocs.yml", "/lib/tutorials/dasar-opac.md",
            "/lib/authors.yml", "/lib/../site_src/authors.yml",
        ]:
            status, body = raw_get(port, path)
            assert status != 200, (path, status)
            assert b"RAHASIA-DI-LUAR-SITUS" not in body and b"root:x:0:0" not in body, path
            assert b"Ani Lestari\n" not in body, path
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=30)


@pytest.mark.parametrize("address", [":8000", "[::]:8000", "::", "127.0.0.2:8000",
                                     "localhost.example.org:8000", "8000"])
def test_serve_refuses_addresses_other_than_this_computer(tmp_path: Path, address: str) -> None:
    root = make_site(tmp_path)
    result = cli("serve", "-a", address, cwd=root)
    assert result.returncode == 2, result.stderr
    assert "127.0.0.1" in result.stderr


# -- a build killed halfway -----------------------------------------------------------------

@pytest.mark.slow
def test_a_killed_build_leaves_the_previous_site_whole(tmp_path: Path) -> None:
    root = generated_library(tmp_path, 60)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1790000000"}
    first = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=root, env=env,
                           capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr
    site = root / "site"
    before = tree_digest(site)
    # Change something every page shows, then kill the next build while it writes.
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("site_name:", "site_name: Baru", 1),
                      "utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "generator", "build"], cwd=root, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    staging: list[Path] = []
    while proc.poll() is None and time.monotonic() < deadline:
        staging = [p for p in root.glob(".site.building-*") if any(p.rglob("*.html"))]
        if staging:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the build finished before it could be interrupted"
    assert staging, "the build never started writing"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert tree_digest(site) == before, "the previous site changed"
    # The next build works, whatever the killed one left behind …
    again = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=root, env=env,
                           capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert tree_digest(site) != before
    # … and cleans up what a killed build left next to the site.
    leftovers = sorted(p.name for p in root.iterdir() if p.name.startswith(".site."))
    assert leftovers == [], leftovers


# -- two files, one address: errors naming both --------------------------------------------

@pytest.mark.parametrize(("case", "pairs"), [
    ("slug-clash-explicit", [("jurnal-a.md", "jurnal-b.md"), ("jurnal-b.md", "jurnal-a.md")]),
    ("slug-clash-with-file-name", [("opac-baru.md", "dasar-opac.md"),
                                   ("dasar-opac.md", "opac-baru.md")]),
    ("alias-other-item", [("alias-bentrok.md", "laskar-pelangi.md"),
                          ("laskar-pelangi.md", "alias-bentrok.md")]),
])
def test_address_clashes_name_both_files(tmp_path: Path, case: str,
                                         pairs: list[tuple[str, str]]) -> None:
    site = fixtures.make_site(tmp_path, case)
    messages = fixtures.json_messages(fixtures.run_check(site, "--format", "json",
                                                         "--lang", "en"))
    errors = [m for m in messages if m["severity"] == "error"]
    for own, other in pairs:
        mine = [m for m in errors if m["path"].endswith("/" + own)]
        assert mine, (own, errors)
        assert any(other in m["message"] for m in mine), (own, other, mine)

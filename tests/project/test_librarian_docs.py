"""The librarian guides (Indonesian and English) and the generated lists of messages."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml
from sitekit import REPO

DOCS = REPO / "docs"
GUIDES = {"id": DOCS / "panduan-pustakawan.md", "en": DOCS / "librarian-guide.md"}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_message_lists_are_up_to_date(lang: str) -> None:
    """Regenerate with `python3 scripts/messages_table.py --write` when this fails."""
    printed = subprocess.run([sys.executable, str(REPO / "scripts" / "messages_table.py"), lang],
                             capture_output=True, text=True, check=True).stdout
    assert (DOCS / f"messages-{lang}.md").read_text(encoding="utf-8") == printed


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_message_code_is_listed(lang: str) -> None:
    from generator.words.history_messages import HISTORY_MESSAGES
    from generator.words.messages import MESSAGES

    listed = set(re.findall(r"^\| `([a-z_]+\.[a-z_0-9.]+)` \|",
                            (DOCS / f"messages-{lang}.md").read_text(encoding="utf-8"), re.M))
    assert listed == set(MESSAGES) | set(HISTORY_MESSAGES)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_guides_cover_the_workflow(lang: str) -> None:
    text = GUIDES[lang].read_text(encoding="utf-8")
    for needle in ("site_src/tutorials/", "Create pull request", "Files changed", "draft: true",
                   "retired: true", "aliases:", f"messages-{lang}.md", "knowledge-site report",
                   "knowledge-site-check", "Run workflow", "Asia/Jakarta"):
        assert needle in text, needle
    other = "librarian-guide.md" if lang == "id" else "panduan-pustakawan.md"
    assert other in text


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_schedule_in_the_guides_is_the_workflows(lang: str) -> None:
    deploy = yaml.safe_load((REPO / ".github/workflows/deploy.yml").read_text(encoding="utf-8"))
    cron = deploy[True]["schedule"][0]["cron"]  # YAML 1.1 reads `on` as true
    assert f'cron: "{cron}"' in GUIDES[lang].read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_codes_named_in_the_guides_exist(lang: str) -> None:
    from generator.words.history_messages import HISTORY_MESSAGES
    from generator.words.messages import MESSAGES

    named = set(re.findall(r"`((?:yaml|field|value|id|image|link|video|history)\.[a-z_]+)`",
                           GUIDES[lang].read_text(encoding="utf-8")))
    assert named and named <= set(MESSAGES) | set(HISTORY_MESSAGES)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_in_page_links_point_at_headings(lang: str) -> None:
    text = GUIDES[lang].read_text(encoding="utf-8")
    slugs = {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-")
             for h in re.findall(r"^#+ (.+)$", text, re.M)}
    for anchor in re.findall(r"\]\(#([^)]+)\)", text):
        assert anchor in slugs, anchor


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_sample_message_is_what_check_prints(lang: str) -> None:
    from generator.content import yamltree
    from generator.content.fields import FieldReader
    from generator.content.kinds.tutorial import LEVEL_WORDS, LEVELS

    reader = FieldReader("site_src/tutorials/cara-cari-jurnal.md",
                         yamltree.parse("level: expert\n", first_line=2), line=1)
    reader.choice("level", LEVELS, words=LEVEL_WORDS)
    (problem,) = reader.diagnostics
    sample = f"{problem.path}:9: error: level: {problem.message(lang)}"
    assert sample in GUIDES[lang].read_text(encoding="utf-8").splitlines()

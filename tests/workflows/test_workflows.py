"""The GitHub Actions workflows: actionlint finds nothing, every action is pinned, permissions are least."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.y*ml"))
DEPLOY = REPO / ".github" / "workflows" / "deploy.yml"
CHECKS = REPO / ".github" / "workflows" / "checks.yml"
ZENSICAL = REPO / ".github" / "workflows" / "zensical.yml"
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")
USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(.+?)\s*$")


def _actionlint() -> str:
    beside_python = Path(sys.executable).parent / "actionlint"
    found = str(beside_python) if beside_python.exists() else shutil.which("actionlint")
    if not found:
        pytest.fail("actionlint is not installed: run scripts/setup.sh --tests (tests/requirements.txt pins it)")
    return found


def _run_actionlint(*files: Path) -> subprocess.CompletedProcess[str]:
    # shellcheck and pyflakes are turned off because set-up does not install them, and a check
    # that runs only on machines that happen to have them would pass here and fail elsewhere.
    return subprocess.run(
        [_actionlint(), "-no-color", "-shellcheck=", "-pyflakes=", *map(str, files)],
        cwd=REPO, capture_output=True, text=True, check=False,
    )


def _load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as true.
    data["on"] = data.pop(True, data.get("on"))
    return data


SOURCES = REPO / ".github" / "workflows" / "sources.yml"


def test_the_weekly_sources_check_never_runs_on_a_pull_request_nor_gates_a_deploy() -> None:
    """A source site down for an hour must never stop a change or an urgent fix from going out."""
    triggers = _load(SOURCES)["on"]
    assert set(triggers) == {"schedule", "workflow_dispatch"}
    for workflow in WORKFLOWS:
        data = _load(workflow)
        assert "Sources" not in str(data["on"].get("workflow_run", "")) if isinstance(data["on"], dict) else True
        assert not any(job.get("uses", "").endswith("sources.yml") for job in data["jobs"].values())


def test_there_are_workflows_to_check() -> None:
    assert {path.name for path in WORKFLOWS} >= {"checks.yml", "deploy.yml"}


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_actionlint_finds_no_problem(workflow: Path) -> None:
    result = _run_actionlint(workflow)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_actionlint_reports_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / ".github" / "workflows" / "broken.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(
        "on: push\njobs:\n  fixture:\n    runs-on: ubuntu-24.04\n    steps:\n"
        "      - run: echo ${{ github.no_such_context_value }}\n      - nonsense_key: 1\n",
        encoding="utf-8",
    )
    result = _run_actionlint(broken)
    assert result.returncode == 1
    assert "nonsense_key" in result.stdout


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_full_commit_with_its_version(workflow: Path) -> None:
    references = [
        match.group(1) for line in workflow.read_text(encoding="utf-8").splitlines()
        if (match := USES.match(line))
    ]
    assert references, f"{workflow.name} uses no actions"
    unpinned = [ref for ref in references if not ref.startswith("./") and not PINNED.match(ref)]
    assert not unpinned, f"pin each action to a 40-character commit SHA with a '# vX.Y.Z' comment: {unpinned}"


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_top_level_permissions_are_read_only(workflow: Path) -> None:
    assert _load(workflow).get("permissions") == {"contents": "read"}


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_only_the_pages_deploy_job_may_write(workflow: Path) -> None:
    for name, job in _load(workflow)["jobs"].items():
        permissions = job.get("permissions") or {}
        writes = {scope for scope, level in permissions.items() if level == "write"}
        if not writes:
            continue
        if writes == {"issues"}:
            # The weekly sources job writes only its one issue, with the gh command line, through no other action.
            uses = [step.get("uses", "") for step in job.get("steps", []) if step.get("uses")]
            assert all(ref.startswith(("actions/checkout@", "actions/setup-python@")) for ref in uses), uses
            continue
        assert writes == {"pages", "id-token"}, f"job {name} asks to write {sorted(writes)}"
        if job.get("uses"):
            # A job that runs the Deploy workflow passes it just what its deploy job needs.
            assert job["uses"] == "./.github/workflows/deploy.yml", f"job {name} passes write access to {job['uses']}"
            continue
        uses = [step.get("uses", "") for step in job.get("steps", [])]
        assert any(ref.startswith("actions/deploy-pages@") for ref in uses), f"job {name} does not deploy Pages"


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_checkouts_do_not_keep_the_token(workflow: Path) -> None:
    for job in _load(workflow)["jobs"].values():
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False


def test_a_broken_page_or_events_file_stops_the_pull_requests_build_and_tests() -> None:
    """The check of what officers edit runs first; the build and the long test run wait for it."""
    steps = _load(CHECKS)["jobs"]["checks"]["steps"]
    runs = [step.get("run", "") for step in steps]
    check = runs.index(".venv/bin/python scripts/website.py check")
    build = runs.index(".venv/bin/python scripts/website.py build --preview")
    tests = runs.index("scripts/test.sh")
    assert check < build < tests
    assert "steps.check.outcome == 'success'" in steps[build]["if"]
    assert "steps.build.outcome == 'success'" in steps[tests]["if"]


def test_deploy_builds_only_a_checked_site_and_deploys_it_separately() -> None:
    jobs = _load(DEPLOY)["jobs"]
    runs = [step.get("run", "") for step in jobs["build"]["steps"]]
    uses = [step.get("uses", "") for step in jobs["build"]["steps"]]
    checks = [runs.index(".venv/bin/python scripts/website.py check")]
    build = runs.index(".venv/bin/python scripts/website.py build")
    upload = next(i for i, ref in enumerate(uses) if ref.startswith("actions/upload-pages-artifact@"))
    assert max(checks) < build < upload
    build_step = jobs["build"]["steps"][build]
    assert build_step["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}"
    assert jobs["deploy"]["needs"] == "build"
    assert jobs["deploy"]["environment"] == {
        "name": "github-pages", "url": "${{ steps.deployment.outputs.page_url }}",
    }


def test_dependabot_updates_python_packages_and_actions_weekly() -> None:
    config = yaml.safe_load((REPO / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    schedules = {update["package-ecosystem"]: update["schedule"]["interval"] for update in config["updates"]}
    assert schedules["pip"] == "weekly"
    assert schedules["github-actions"] == "weekly"


def test_code_that_runs_at_build_time_has_owners() -> None:
    owned = {
        line.split()[0] for line in (REPO / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert {"/mkdocs.yml", "/overrides/", "/scripts/", "/.github/"} <= owned


def test_zensical_is_built_weekly_not_on_pull_requests() -> None:
    """The second builder is a weekly smoke build (README.md, "The second builder"), not a second CI pass."""
    workflow = _load(ZENSICAL)
    assert set(workflow["on"]) == {"schedule", "workflow_dispatch"}
    runs = [step.get("run", "") for step in workflow["jobs"]["zensical"]["steps"]]
    assert ".venv/bin/python -m pytest -m zensical" in runs

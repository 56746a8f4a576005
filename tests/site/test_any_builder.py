"""The build steps run as plain scripts give the same site as MkDocs' hooks, so any builder can build it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import build_site
import site_config

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TODAY = "2027-03-01"


def _files(site: Path) -> dict[str, bytes]:
    # sitemap.xml.gz carries the time it was compressed, whichever way the site is built.
    return {
        file.relative_to(site).as_posix(): file.read_bytes()
        for file in sorted(site.rglob("*"))
        if file.is_file() and file.name != "sitemap.xml.gz"
    }


def _run(copy: Path, *args: str) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, *args], cwd=copy, env=env, check=True, capture_output=True)


def test_scripts_without_hooks_build_the_same_site(site_copy: Callable[..., Path]) -> None:
    """The page-part scripts, a builder that ignores hooks, then the built-page scripts: the same files as the hooks give."""
    events = FIXTURES / "events" / "good.yml"
    hook_env = {"EVENTS_TODAY": TODAY, "EVENTS_DATA": str(events)}
    with_hooks = site_copy("with-hooks")
    build_site.build(with_hooks / "site", config=with_hooks / "mkdocs.yml", extra_env=hook_env,
                     builder="mkdocs")

    without_hooks = site_copy("without-hooks")
    config = without_hooks / "mkdocs.yml"
    # Each hook's plain script, in the order mkdocs.yml lists the hooks (as a builder without hooks runs them).
    settings = site_config.load(config)
    steps = [build_site.HOOK_SCRIPTS[hook] for hook in settings.hooks if build_site.HOOK_SCRIPTS[hook]]
    config.write_text(re.sub(r"(?m)^hooks:\n(?:  .*\n)+", "", config.read_text()))
    assert "hooks:" not in config.read_text()
    for step in (step for step in steps if step.when == "before"):
        _run(without_hooks, step.script, *build_site.step_arguments(step, Path("site"), settings, hook_env))
    _run(without_hooks, "-m", "mkdocs", "build", "--strict", "--site-dir", "site")
    for step in (step for step in steps if step.when == "after"):
        _run(without_hooks, step.script, *build_site.step_arguments(step, Path("site"), settings, hook_env))

    built_with_hooks, built_without = _files(with_hooks / "site"), _files(without_hooks / "site")
    assert sorted(built_without) == sorted(built_with_hooks)
    different = [name for name in built_with_hooks if built_with_hooks[name] != built_without[name]]
    assert different == []
    assert "events/calendar/all-events.ics" in built_with_hooks

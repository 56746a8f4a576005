"""Builds the site into site/, all or nothing, with MkDocs (the default) or Zensical: for publication, or as a preview.

Usage: SITE_URL=https://... python scripts/build_site.py [--site-dir DIR] [--builder mkdocs|zensical]
       python scripts/build_site.py --preview [--site-dir DIR] [--builder mkdocs|zensical]

For publication (the default), SITE_URL must be the address the site is published at: the sitemap,
the calendar links and each event's calendar entry are made from it. --preview builds for
http://127.0.0.1:8000/ instead: for a pull request's preview download, the tests, and a look on
this machine.

SITE_BUILDER=zensical in the environment chooses Zensical when --builder is not given. The steps,
each of which must pass before the next runs:
1. the plain script of each hook in mkdocs.yml that makes page parts before the build (the phone
   numbers page and contact texts, scripts/build_facts.py, then the events,
   scripts/build_events.py); MkDocs runs these through the hooks themselves;
2. the builder, in strict mode, into a staging folder beside the site;
3. the plain script of each hook that works on the built pages (links marked with their language,
   scripts/mark_languages.py; the folded sources, scripts/finish_site.py; the packed static files,
   scripts/pack_assets.py; then the security tags, scripts/secure_site.py); again MkDocs runs
   these through the hooks;
4. the link check over the staged site and the nav (scripts/check_links.py).
Only then is the staging folder swapped into place: if any step fails, the previous site/ is left
exactly as it was.
"""

from __future__ import annotations

import argparse
import os
import ipaddress
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from builders import BUILDERS, DEFAULT

if TYPE_CHECKING:
    import site_config

# site_config and the link check are loaded inside build(): a builder that runs the steps itself
# (MkDocs) is started first, and they load while it builds.

REPO = Path(__file__).resolve().parent.parent
CONFIG = REPO / "mkdocs.yml"
# Where `python3 -m http.server 8000` (CONTRIBUTING.md) and scripts/serve.sh show a preview; mkdocs.yml's default.
PREVIEW_URL = "http://127.0.0.1:8000/"


@dataclass(frozen=True)
class Step:
    """The plain script that does a hook's job: before the builder (on docs/) or after it (on the site)."""

    when: str
    script: str
    # {site} is the staged site, {config} the mkdocs.yml being built, {root} the folder it is in.
    arguments: tuple[str, ...] = ()
    # Environment variables the hook reads, and the script option that takes the same value.
    options_from_env: dict[str, str] = field(default_factory=dict)


# Each hook in mkdocs.yml and its plain script, for builders that ignore hooks (Zensical). A hook
# missing here stops such a build, so nothing the site needs is silently skipped. To add a step
# that generates a page part: a hook in mkdocs.yml that calls a script, and one line here.
HOOK_SCRIPTS: dict[str, Step | None] = {
    "scripts/hooks/facts.py": Step("before", "scripts/build_facts.py",
                                    ("--data", "{root}/data/facts.yml", "--config", "{config}")),
    "scripts/hooks/events.py": Step("before", "scripts/build_events.py",
                                     options_from_env={"EVENTS_TODAY": "--today", "EVENTS_DATA": "--data"}),
    "scripts/hooks/languages.py": Step("after", "scripts/mark_languages.py", ("{site}", "--config", "{config}")),
    "scripts/hooks/finish.py": Step("after", "scripts/finish_site.py", ("{site}",)),
    "scripts/hooks/assets.py": Step("after", "scripts/pack_assets.py", ("{site}", "--config", "{config}")),
    "scripts/hooks/security.py": Step("after", "scripts/secure_site.py", ("{site}",)),
    # Speed only, for MkDocs: a builder that ignores hooks needs nothing in its place.
    "scripts/hooks/template_cache.py": None,
}


class BuildFailed(Exception):
    """A build step failed; its own messages have already been printed."""


def default_builder() -> str:
    """The builder named by SITE_BUILDER, else MkDocs."""
    return os.environ.get("SITE_BUILDER") or DEFAULT


def build(site_dir: Path, config: Path = CONFIG, extra_env: dict[str, str] | None = None,
          builder: str | None = None, site_url: str = PREVIEW_URL) -> None:
    """Builds for site_url (a preview unless told otherwise) into a sibling folder, checks it, then swaps it into place."""
    builder_name = builder or default_builder()
    if builder_name not in BUILDERS:
        raise BuildFailed(f"the builder must be one of {', '.join(BUILDERS)}; found {builder_name!r}")
    chosen = BUILDERS[builder_name]
    site_dir = Path(site_dir).resolve()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {}), "SITE_URL": site_url}
    staging = site_dir.with_name(f".{site_dir.name}.building")
    shutil.rmtree(staging, ignore_errors=True)
    failed = f"the site was not built with {chosen.NAME} (see the messages above), so {site_dir} was left as it was"
    # MkDocs runs every step through its hooks, so nothing has to come first: on two cores, this
    # process loads mkdocs.yml and its checks while MkDocs builds.
    running = chosen.start(Path(config).resolve(), staging, env) if chosen.RUNS_HOOKS else None
    try:
        import site_config
        from links import check_site, check_sources, report

        settings = site_config.load(config)
        steps = [] if chosen.RUNS_HOOKS else _steps_for(settings)
        for step, home in steps:
            if step.when == "before" and not _run_step(step, home, settings, staging, env):
                raise BuildFailed(failed)
        result = chosen.finish(running, settings) if running else chosen.build(settings, staging, env)
        for line in result.lines:
            print(line, file=sys.stderr)
        problems = result.problems
        if result.ok:
            for step, home in steps:
                if step.when == "after" and not _run_step(step, home, settings, staging, env):
                    raise BuildFailed(failed)
            problems = check_sources(settings) + check_site(staging, settings, shown_site=site_dir)
        if problems:
            print(report(problems, github=env.get("GITHUB_ACTIONS") == "true"), file=sys.stderr)
        if not result.ok or problems:
            raise BuildFailed(failed)
        _swap_into_place(staging, site_dir)
    finally:
        if running and running.poll() is None:  # stopped by an error here: stop the build too
            running.kill()
            running.communicate()
        shutil.rmtree(staging, ignore_errors=True)


def _steps_for(settings: site_config.SiteConfig) -> list[tuple[Step, Path]]:
    """Each hook's plain script, with the repository it comes from (a test site's hooks are this one's)."""
    steps = []
    for hook in settings.hooks:
        path = (settings.root / hook).resolve()
        name = f"scripts/hooks/{path.name}" if path.parent.name == "hooks" else None
        if name not in HOOK_SCRIPTS:
            raise BuildFailed(
                f"{settings.path.name} lists the hook {hook}, which has no plain script for builders that "
                "ignore hooks: add its script to HOOK_SCRIPTS in scripts/build_site.py"
            )
        if HOOK_SCRIPTS[name] is not None:
            steps.append((HOOK_SCRIPTS[name], path.parents[2]))
    return steps


def step_arguments(step: Step, site: Path, settings: site_config.SiteConfig, env: dict[str, str]) -> list[str]:
    """The script's command-line arguments for this build, options read from the environment included."""
    arguments = [argument.format(site=site, config=settings.path, root=settings.root) for argument in step.arguments]
    for variable, option in step.options_from_env.items():
        if env.get(variable):
            arguments += [option, env[variable]]
    return arguments


def _run_step(step: Step, home: Path, settings: site_config.SiteConfig, staging: Path, env: dict[str, str]) -> bool:
    completed = subprocess.run([sys.executable, str(home / step.script), *step_arguments(step, staging, settings, env)],
                               cwd=settings.root, env=env)
    return completed.returncode == 0


def _swap_into_place(staging: Path, site_dir: Path) -> None:
    old = site_dir.with_name(f".{site_dir.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def publication_address(value: str | None) -> str:
    """SITE_URL as given, if a published site can use it; raises BuildFailed saying how to set it."""
    value = (value or "").strip()
    if not value:
        raise BuildFailed(
            "SITE_URL is not set, so the site does not know the address it will be published at (the sitemap "
            "and the calendar links are made from it). Set it to that address, like "
            "SITE_URL=https://www.example.org/ scripts/build.sh, or build a preview to look at on this "
            "machine with scripts/build.sh --preview")
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.hostname:
        raise BuildFailed(f"SITE_URL must be the site's whole address, starting with https://, like "
                          f"https://www.example.org/; found {value!r}")
    if parts.hostname == "localhost" or _is_local(parts.hostname):
        raise BuildFailed(f"SITE_URL must be the address the site is published at, not this machine's; "
                          f"found {value!r} (to look at the site here, build with --preview)")
    return value


def _is_local(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback or ipaddress.ip_address(host).is_private
    except ValueError:
        return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preview", action="store_true",
                        help=f"build to look at on this machine, at {PREVIEW_URL}, instead of for publication")
    parser.add_argument("--site-dir", type=Path, default=REPO / "site")
    parser.add_argument("--builder", choices=sorted(BUILDERS), default=None,
                        help=f"the builder (default: $SITE_BUILDER, else {DEFAULT})")
    args = parser.parse_args(argv)
    builder = args.builder or default_builder()
    try:
        site_url = PREVIEW_URL if args.preview else publication_address(os.environ.get("SITE_URL"))
        build(args.site_dir, builder=builder, site_url=site_url)
    except BuildFailed as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    what = f"a preview for {PREVIEW_URL}" if args.preview else f"the site for {site_url}"
    print(f"Built {what} into {args.site_dir} with {BUILDERS[builder].NAME}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

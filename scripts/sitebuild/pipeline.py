"""The build: the same steps for either builder, all or nothing.

1. generate(): the page parts and files made from data/ (the facts register, then the events);
2. the builder, strict, into a staging folder beside the site;
3. sitebuild.postbuild.finish(): languages, folded sources, packed files, the link check, the policy;
4. only then the staging folder is swapped into place: if any step fails, the site is left as it was.

MkDocs runs steps 1 and 3 itself, through scripts/mkdocs_hook.py (so `mkdocs build` and
`mkdocs serve` run them too); Zensical ignores hooks, so build() runs them around it.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

from sitebuild import config as site_config
from sitebuild import events, facts
from sitebuild.config import PREVIEW_URL, SiteConfig
from sitebuild.events.fields import is_example_host
from sitebuild.postbuild import finish, put_files
from sitebuild.problems import Failed, Problem, report, shown

BUILDERS = ("mkdocs", "zensical")
# The events file is judged on this date (YYYY-MM-DD) instead of today in London: previews and tests.
TODAY = "EVENTS_TODAY"
# Build from another events file (the tests' example events), which may use the example's placeholders.
DATA = "EVENTS_DATA"


class BuildFailed(Exception):
    """A build step failed; its messages have been printed."""


def events_today() -> date:
    """The date the events are judged on: EVENTS_TODAY, else today in London."""
    text = os.environ.get(TODAY)
    try:
        return date.fromisoformat(text) if text else events.london_today()
    except ValueError:
        raise Failed([Problem(TODAY, 1, None, f"{TODAY} must be a date written YYYY-MM-DD, like 2027-03-14; "
                                              f"found {text!r}")]) from None


def events_data(config: SiteConfig) -> tuple[Path, bool]:
    """The events file, and whether it is the site's own (whose example placeholders are refused)."""
    own = config.root / "data" / "events.yml"
    chosen = Path(os.environ.get(DATA) or own)
    return chosen, chosen.resolve() == own.resolve()


def generate(config: SiteConfig, site_url: str, serving: bool = False) -> tuple[dict[str, bytes], list[Problem]]:
    """Makes every page part into the generated folder; raises Failed with every problem in data/ and mkdocs.yml.

    Returns the files to put in the built site (the calendars), and the problems: only warnings,
    unless serving: `mkdocs serve` must go on showing the site while someone fixes their file, so a
    step with errors keeps the parts it made last time, and the errors are returned, not raised.
    """
    problems: list[Problem] = []
    parts: dict[str, dict[str, str]] = {}  # by step: its folder in the generated folder
    files: dict[str, bytes] = {}
    try:
        # A site for publication must also say who runs it; a preview, served or built, is for this machine.
        parts["facts"] = facts.build(config, publication=site_url != PREVIEW_URL and not serving)
    except Failed as error:
        problems += error.problems
    data, own = events_data(config)
    if data.exists() or not own:  # a site with no events file (a test site) has no events
        try:
            made = events.build(data, shown(data), events_today(), site_url, placeholders=own)
            parts["events"], files = made.parts, made.files
            problems += made.warnings
        except Failed as error:
            problems += error.problems
    failed = any(problem.is_error for problem in problems)
    if failed and not serving:
        raise Failed(problems)
    # Each part is written whole (a temporary file, then a rename) and only when it changed, and stale
    # parts go afterwards: a second build of the same checkout at the same time, such as a preview while
    # the tests run, never finds a part missing or half-written. While serving with errors, a step that
    # failed keeps its old parts.
    wanted = {config.generated / step / name: text for step, made in parts.items() for name, text in made.items()}
    for path, text in wanted.items():
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.{os.getpid()}")
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, path)
    for folder in [config.generated / step for step in parts] if failed else [config.generated]:
        stale = [path for path in folder.rglob("*") if path.is_file() and path not in wanted
                 and not path.name.startswith(".")] if folder.is_dir() else []
        for path in stale:
            path.unlink(missing_ok=True)
    return files, sorted(set(problems))


def build(config_path: Path, site_dir: Path, builder: str = "mkdocs", site_url: str = PREVIEW_URL) -> None:
    """Builds for site_url into a sibling folder, checks it, then swaps it into place; raises BuildFailed."""
    if builder not in BUILDERS:
        raise BuildFailed(f"the builder must be one of {', '.join(BUILDERS)}; found {builder!r}")
    site_dir = Path(site_dir).resolve()
    staging = site_dir.with_name(f".{site_dir.name}.building")
    shutil.rmtree(staging, ignore_errors=True)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    try:
        if builder == "mkdocs":
            _mkdocs(Path(config_path), staging, site_dir, site_url)
        else:
            _zensical(Path(config_path), staging, site_dir, site_url)
        _swap_into_place(staging, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _mkdocs(config_path: Path, staging: Path, site_dir: Path, site_url: str) -> None:
    """MkDocs in this process; its hook (scripts/mkdocs_hook.py) runs generate() and finish()."""
    # MkDocs' warnings and errors, printed as its own command line prints them.
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    os.environ["SITE_DIR_SHOWN"] = shown(site_dir)
    try:
        mkdocs_build(load_config(str(config_path), site_dir=str(staging), site_url=site_url, strict=True))
    except (Abort, ConfigurationError) as error:
        raise BuildFailed(f"the site was not built ({error}), so {shown(site_dir)} was left as it was") from None
    finally:
        logger.removeHandler(handler)
        os.environ.pop("SITE_DIR_SHOWN", None)


def _zensical(config_path: Path, staging: Path, site_dir: Path, site_url: str) -> None:
    """Zensical, which ignores hooks: generate() before it, finish() after it.

    It has no --site-dir option and writes only inside the folder of mkdocs.yml, so it is given a
    small config that inherits mkdocs.yml and names a folder there; the result is moved to staging.
    """
    config = site_config.load(config_path)
    own = f".zensical-{os.getpid()}"
    inherit, output = config.root / f"{own}.yml", config.root / f"{own}.site"
    cache = config.root / ".cache"
    cache_was_there = cache.exists()
    try:
        files, _ = generate(config, site_url)
        inherit.write_text(f"INHERIT: {config.path.name}\nsite_dir: {output.name}\n", encoding="utf-8")
        try:
            completed = subprocess.run([sys.executable, "-m", "zensical", "build", "--strict", "--clean",
                                        "--config-file", str(inherit)], cwd=config.root,
                                       env={**os.environ, "NO_COLOR": "1", "SITE_URL": site_url})
            if completed.returncode != 0 or not output.is_dir():
                raise BuildFailed(f"Zensical could not build the site, so {shown(site_dir)} was left as it was")
            shutil.move(output, staging)
        finally:
            inherit.unlink(missing_ok=True)
            shutil.rmtree(output, ignore_errors=True)
            if not cache_was_there:
                shutil.rmtree(cache, ignore_errors=True)
        import zensical  # installed only for this builder (scripts/setup.sh --zensical)

        put_files(staging, files)
        theme_dirs = [path for path in (config.custom_dir, Path(zensical.__file__).parent / "templates") if path]
        finish(staging, site_config.load(config_path), theme_dirs, shown_site=site_dir)
    except Failed as error:  # generate() or finish() found problems
        print(report(error.problems), file=sys.stderr)
        raise BuildFailed(f"the site was not built, so {shown(site_dir)} was left as it was") from None


def _swap_into_place(staging: Path, site_dir: Path) -> None:
    old = site_dir.with_name(f".{site_dir.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


# Where a maintainer finds the address to give SITE_URL.
_WHERE_THE_ADDRESS_IS = "for GitHub Pages, the one under the repository's Settings, Pages"


def publication_address(value: str | None) -> str:
    """SITE_URL as given, if a published site can use it; raises BuildFailed saying how to set it.

    Refused: no address, one that is not https://, this machine's, and one that can never be a real
    site's (the README's https://the-sites-address/, example.org and the other names kept for examples).
    """
    value = (value or "").strip()
    if not value:
        raise BuildFailed(
            "SITE_URL is not set, so the site does not know the address it will be published at (the sitemap "
            "and the calendar links are made from it). Set SITE_URL to that address, starting with https:// "
            f"({_WHERE_THE_ADDRESS_IS}), or build a preview to look at on this machine with scripts/build.sh --preview")
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.hostname:
        raise BuildFailed(f"SITE_URL must be the site's whole address, starting with https://; found {value!r}")
    if parts.hostname == "localhost" or _is_local(parts.hostname):
        raise BuildFailed(f"SITE_URL must be the address the site is published at, not this machine's; "
                          f"found {value!r} (to look at the site here, build with --preview)")
    if not re.fullmatch(r"[a-z0-9.-]+", parts.hostname) or is_example_host(parts.hostname):
        raise BuildFailed(f"SITE_URL must be the site's real address, but {value!r} is a placeholder or an example "
                          f"address, which leads nowhere; set SITE_URL to the address the site is published at "
                          f"({_WHERE_THE_ADDRESS_IS})")
    return value


def _is_local(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback or ipaddress.ip_address(host).is_private
    except ValueError:
        return False

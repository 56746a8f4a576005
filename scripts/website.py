"""The site's command line: check what officers edit, build the site, or serve it while editing.

  python scripts/website.py check [FILE ...] [--today YYYY-MM-DD]
      The pull request's quick checks, in seconds, with nothing built: the events file, the facts
      register, every page and nav (or only the files given: a page, a folder of pages,
      data/events.yml or data/facts.yml). Errors exit with status 1; warnings do not.
  python scripts/website.py build [--preview] [--builder mkdocs|zensical] [--site-dir DIR]
      Builds the site into site/, all or nothing: for publication at $SITE_URL, or with --preview
      to look at on this machine (scripts/build.sh).
  python scripts/website.py serve [--port N]
      Serves the site at http://127.0.0.1:8000/ and rebuilds it as you edit (scripts/serve.sh).
  python scripts/website.py due [--today YYYY-MM-DD]
      The register's numbers due to be checked against their sources again.
  python scripts/website.py source-version PAGE
      The code a translated page's source_version must hold now (give the translated page, like docs/tr.md).
  python scripts/website.py sources [--addresses | --report LINKCHECKER_CSV]
      Every web address the pages and the register cite as a source, with where (file:line); or only
      the addresses, one a line, for LinkChecker; or, from LinkChecker's CSV results, the text of the
      weekly issue that lists the sources that died or moved (nothing when every source is fine).

Every problem is printed as `file:line:column: error: message` (or warning), then a count; under
GitHub Actions also as annotations on the pull request's changed lines.
"""

from __future__ import annotations

import argparse
import datetime
import os
import socket
import sys
from pathlib import Path

from mkdocs.__main__ import cli

from sitebuild import config as site_config
from sitebuild import events, facts
from sitebuild.checks import check_site, translation_version
from sitebuild.checks.links import cited_sources, dead_report
from sitebuild.checks.numbers import due_report
from sitebuild.pipeline import BUILDERS, BuildFailed, build, events_data, events_today, publication_address
from sitebuild.problems import Failed, Problem, report, shown

REPO = Path(__file__).resolve().parent.parent
CONFIG = REPO / "mkdocs.yml"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n".join(__doc__.splitlines()[2:]))
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser("check", help="the pull request's quick checks")
    check.add_argument("files", nargs="*", type=Path, help="pages, folders, data/events.yml or data/facts.yml (default: everything)")
    check.add_argument("--today", type=_date, help="the date to judge events and review dates against (default: today in London)")
    make = commands.add_parser("build", help="build the site into site/")
    make.add_argument("--preview", action="store_true", help=f"build to look at on this machine, at {site_config.PREVIEW_URL}")
    make.add_argument("--builder", choices=BUILDERS, default=os.environ.get("SITE_BUILDER") or "mkdocs")
    make.add_argument("--site-dir", type=Path, default=REPO / "site")
    serve = commands.add_parser("serve", help="serve the site while editing")
    serve.add_argument("--port", type=int, default=8000)
    due = commands.add_parser("due", help="numbers due to be checked again")
    due.add_argument("--today", type=_date)
    version = commands.add_parser("source-version", help="the source_version code for a translated page")
    version.add_argument("page", type=Path)
    cited = commands.add_parser("sources", help="every source address cited, and which have died or moved")
    output = cited.add_mutually_exclusive_group()
    output.add_argument("--addresses", action="store_true", help="only the addresses, one a line")
    output.add_argument("--report", type=Path, metavar="LINKCHECKER_CSV", help="the weekly issue's text from LinkChecker's CSV")
    for command in (check, make, due, cited, version):
        # Another site's mkdocs.yml (the tests' example sites), with its data/ beside it.
        command.add_argument("--config", type=Path, default=CONFIG, help=argparse.SUPPRESS)
    for command in (check, due, cited):
        # Another register than the one beside mkdocs.yml (the tests' made-up one).
        command.add_argument("--facts", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        return {"check": _check, "build": _build, "serve": _serve, "due": _due, "source-version": _version,
                "sources": _sources}[args.command](args)
    except Failed as error:  # a file every command reads, like mkdocs.yml, cannot be read: say where, as the checks do
        print(report(error.problems))
        return 1


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a date written YYYY-MM-DD, like 2027-03-14; found {text!r}") from None


def _check(args: argparse.Namespace) -> int:
    config = site_config.load(args.config)
    today = args.today or events.london_today()
    missing = [path for path in args.files if not path.exists()]
    if missing:
        for path in missing:
            print(f"error: {path}: no such page, folder or file", file=sys.stderr)
        return 1
    data, own = events_data(config)
    register = (args.facts or facts.register_path(config)).resolve()
    targets = [path.resolve() for path in args.files]
    # Any YAML file given but the register is an events file: the site's own, or another to try.
    event_files = [path for path in targets if path.suffix in (".yml", ".yaml") and path != register]
    if not targets and (data.exists() or not own):
        event_files = [data.resolve()]
    problems: list[Problem] = []
    checked = []
    for file in event_files:
        checked.append(shown(file))
        try:
            problems += events.build(file, shown(file), today, config.site_url,
                                     placeholders=file == data.resolve() and own).warnings
        except Failed as error:
            problems += error.problems
    pages = [path for path in targets if path.suffix == ".md" or path.is_dir()]
    if not targets or pages or register in targets:
        pages = _pages(pages) if pages else None
        count = len(pages) if pages is not None else len(config.pages)
        checked.append(f"{count} page{'' if count == 1 else 's'} and the register")
        events_file = data if pages is None and data.exists() else None  # the whole site: the events it shows too
        problems += check_site(config, today, pages, args.facts, events_file)
    print(report(problems) if problems else f"No problems found in {' and '.join(checked)}.")
    return 1 if any(problem.is_error for problem in problems) else 0


def _pages(targets: list[Path]) -> list[Path]:
    found: set[Path] = set()
    for target in targets:
        found.update(target.rglob("*.md") if target.is_dir() else [target])
    return sorted(found)


def _build(args: argparse.Namespace) -> int:
    try:
        site_url = site_config.PREVIEW_URL if args.preview else publication_address(os.environ.get("SITE_URL"))
        build(args.config, args.site_dir, builder=args.builder, site_url=site_url)
    except BuildFailed as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if args.preview:
        print(f"Built a preview into {shown(args.site_dir)}. To look at it: python3 -m http.server 8000 "
              f"--directory {shown(args.site_dir)}, then open {site_config.PREVIEW_URL}")
    else:
        print(f"Built the site for {site_url} into {shown(args.site_dir)}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", args.port)) == 0:
            print(f"error: port {args.port} is busy (is the site already being served?); choose another with "
                  f"scripts/serve.sh --port {args.port + 1}", file=sys.stderr)
            return 1
    return cli(["serve", "--config-file", str(CONFIG), "--dev-addr", f"127.0.0.1:{args.port}"], standalone_mode=True)


def _due(args: argparse.Namespace) -> int:
    config = site_config.load(args.config)
    try:
        register = facts.load_register(args.facts or facts.register_path(config))
    except Failed as error:
        print(report(error.problems), file=sys.stderr)
        return 1
    print("\n".join(due_report(register, args.today or events_today())))
    return 0


def _version(args: argparse.Namespace) -> int:
    if not args.page.is_file():
        print(f"error: {args.page}: no such page", file=sys.stderr)
        return 1
    try:
        print(translation_version(site_config.load(args.config), args.page))
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


def _sources(args: argparse.Namespace) -> int:
    try:
        citations = cited_sources(site_config.load(args.config), args.facts)
    except Failed as error:
        print(report(error.problems), file=sys.stderr)
        return 1
    if args.report:
        print(dead_report(citations, args.report.read_text(encoding="utf-8")), end="")
    elif args.addresses:
        print("\n".join(dict.fromkeys(citation.address for citation in citations)))
    else:
        print("\n".join(f"{c.path}:{c.line}: {c.address}" for c in sorted(citations, key=lambda c: (c.path, c.line))))
    return 0


if __name__ == "__main__":
    sys.exit(main())

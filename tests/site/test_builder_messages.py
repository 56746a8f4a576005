"""Each builder's own warnings about links reach an officer in the link check's words, at the right line;
anything else a builder says is passed on as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

import site_config
from builders import mkdocs_build, zensical_build


@pytest.fixture()
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> site_config.SiteConfig:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mkdocs.yml").write_text("site_name: Example\nnav:\n  - Home: index.md\n  - Gone: gone.md\n")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n\nIntro.\n\nSee [the contact page](contact-us.md).\n")
    (tmp_path / "docs" / "extra.md").write_text("# Extra\n")
    (tmp_path / "docs" / "more.md").write_text("# More\n")
    return site_config.load(tmp_path / "mkdocs.yml")


def test_mkdocs_link_and_nav_warnings_are_reworded(config) -> None:
    output = [
        "INFO    -  Building documentation to directory: /tmp/example/site",
        "WARNING -  A reference to 'gone.md' is included in the 'nav' configuration, which is not found in the "
        "documentation files.",
        'WARNING -  The following pages exist in the docs directory, but are not included in the "nav" configuration:',
        "  - extra.md",
        "  - more.md",
        "WARNING -  Doc file 'index.md' contains a link 'contact-us.md', but the target is not found among "
        "documentation files. Did you mean 'contact.md'?",
        "WARNING -  Something else entirely.",
        "",
        "Aborted with 4 warnings in strict mode!",
    ]
    result = mkdocs_build.read_output(output, config)
    assert [problem.as_text() for problem in result.problems] == [
        "mkdocs.yml:4: every page in nav must be a file in the docs folder; 'gone.md' is not",
        "docs/extra.md:1: every page must be listed in nav in mkdocs.yml, so visitors can find it; 'extra.md' is not",
        "docs/more.md:1: every page must be listed in nav in mkdocs.yml, so visitors can find it; 'more.md' is not",
        "docs/index.md:5: a link must go to a page or file that exists; 'contact-us.md' does not (did you mean "
        "'contact.md'?)",
    ]
    assert result.lines == [output[0], "WARNING -  Something else entirely."]


def test_zensical_link_warnings_are_reworded_and_the_rest_passed_on(config) -> None:
    output = [
        "Build started",
        "\x1b[33mWarning:\x1b[0m page does not exist",
        "   ╭─[ index.md:5:27 ]",
        "   │",
        " 5 │ See [the contact page](contact-us.md).",
        "   │                        ──────┬──────  ",
        "   │                              ╰──────── page does not exist",
        "───╯",
        "Warning: something new",
        "   ╭─[ index.md:1:1 ]",
        "───╯",
        "2 issues found",
        "Traceback (most recent call last):",
        '  File "zensical/main.py", line 81, in execute_build',
        "    build(os.path.abspath(config_file), kwargs)",
        "RuntimeError: Aborted because --strict flag is set",
    ]
    result = zensical_build.read_output(output, config)
    assert [problem.as_text() for problem in result.problems] == [
        "docs/index.md:5: a link must go to a page or file that exists; 'contact-us.md' does not",
    ]
    assert result.lines == ["Build started", "Warning: something new", "   ╭─[ index.md:1:1 ]", "───╯"]


def test_a_zensical_template_error_keeps_its_last_line(config) -> None:
    output = [
        "Build started",
        "Traceback (most recent call last):",
        '  File "zensical/main.py", line 81, in execute_build',
        "RuntimeError: could not render block: unknown method: string has no method named split "
        "(in partials/page-reviewed.html:6)",
    ]
    result = zensical_build.read_output(output, config)
    assert result.problems == []
    assert result.lines == ["Build started", output[-1]]

"""The Content-Security-Policy step: each page allows only the theme's own inline scripts, by hash; a page
that brings a script, an inline handler, a style attribute or a javascript: link is refused (made-up pages)."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest

from sitebuild.postbuild import pages as csp
from sitebuild.postbuild import pages as html

# Made-up pages: they can never be mistaken for the real site.
PAGE = """<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width">
    <title>Test page</title>
    <script>var testPage = 1;</script>
    <script id="__config" type="application/json">{{"not": "run"}}</script>
    <script src="assets/test.js"></script>
  </head>
  <body>{body}</body>
</html>
"""


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


@pytest.fixture
def theme(tmp_path: Path) -> set[str]:
    """A made-up theme whose template writes the test page's inline script: the only one allowed."""
    (tmp_path / "base.html").write_text("<script>var testPage = 1;</script>\n<script>{{ not_plain }}</script>\n")
    return csp.theme_scripts([tmp_path])


def _secured(body: str, allowed: set[str]) -> tuple[str, list[str]]:
    page = html.read("index.html", PAGE.format(body=body))
    policy, problems = csp.page_policy(page, allowed)
    csp.secure(page, policy)
    return page.edited(), problems


def test_the_policy_follows_charset_and_allows_the_themes_script_by_hash(theme: set[str]) -> None:
    text, problems = _secured("<p>Test page</p>", theme)
    assert problems == []
    assert (
        '    <meta charset="utf-8">\n'
        '    <meta http-equiv="Content-Security-Policy" content="default-src \'self\'; '
        f"script-src 'self' {_hash('var testPage = 1;')}; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'none'\">\n"
        '    <meta name="referrer" content="no-referrer">\n'
        '    <meta name="viewport"'
    ) in text


def test_only_scripts_written_plainly_in_the_templates_are_the_themes(theme: set[str]) -> None:
    assert theme == {_hash("var testPage = 1;")}


@pytest.mark.parametrize("body, message", [
    ("<script>document.querySelectorAll('a[href^=tel]').forEach(a => a.href = 'tel:000')</script>",
     "a page must not carry a script of its own: an inline <script> that is not one of the theme's is never "
     "allowed by the policy; take it out of the page"),
    ('<button onclick="go()">Go</button>', "inline event handlers (onclick=) are blocked by the policy: use a script file"),
    ('<p style="color: red">Hi</p>', "style attributes are blocked by the policy: use a class and the stylesheet"),
    ('<a href="javascript:go()">Go</a>', "javascript: links are blocked by the policy: use a script file"),
])
def test_code_a_page_brings_is_refused(theme: set[str], body: str, message: str) -> None:
    assert _secured(body, theme)[1] == [message]


def test_a_page_without_charset_is_refused(theme: set[str]) -> None:
    page = html.read("bare.html", "<p>Test fragment</p>")
    assert csp.page_policy(page, theme)[1] == ['a page must declare <meta charset="utf-8">, so the policy can follow it']


def test_the_headers_file_allows_every_pages_scripts_forbids_framing_and_keeps_hashed_files_a_year() -> None:
    policy = csp.union([csp.Policy((_hash("one"),)), csp.Policy((_hash("two"),))])
    assert csp.headers(policy, ["assets/site.0123456789.css"]).splitlines()[1:] == [
        "/*",
        "  Content-Security-Policy: default-src 'self'; script-src 'self' "
        + " ".join(sorted([_hash("one"), _hash("two")]))
        + "; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
        "form-action 'none'; frame-ancestors 'none'",
        "  Referrer-Policy: no-referrer",
        "  X-Content-Type-Options: nosniff",
        "  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
        "# Named after a hash of their content, so they never change: browsers may keep them a year.",
        "/assets/site.0123456789.css",
        "  Cache-Control: public, max-age=31536000, immutable",
    ]


def test_a_page_that_brings_a_script_fails_the_build_at_its_line_and_the_policy_never_allows_it(
    tmp_path: Path, fixture_site, capfd: pytest.CaptureFixture[str],
) -> None:
    """A script added to a page in a pull request never reaches the public site."""
    from sitebuild import pipeline

    config = fixture_site("broken-link", tmp_path)
    page = config.parent / "docs" / "broken-link.md"
    page.write_text("# Example\n\nText.\n\n<script>document.body.hidden = true</script>\n")
    with pytest.raises(pipeline.BuildFailed):
        pipeline.build(config, tmp_path / "site")
    assert ("docs/broken-link.md:5: error: a page must not carry a script of its own: an inline <script> that is "
            "not one of the theme's is never allowed by the policy; take it out of the page") in \
        [line.replace(str(config.parent) + "/", "") for line in capfd.readouterr().err.splitlines()]
    assert not (tmp_path / "site").exists()

"""scripts/secure_site.py: hashes each page's inline scripts, is idempotent, and refuses code the policy would block."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest

import secure_site
from security import SecurityCheckFailed, secure_site as secure

# Made-up pages: they can never be mistaken for the real site.
PAGE = """<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width">
    <title>Test page {n}</title>
    <script>var testPage = {n};</script>
    <script id="__config" type="application/json">{{"not": "run"}}</script>
    <script src="assets/test.js"></script>
  </head>
  <body><p>Test page {n}</p></body>
</html>
"""


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


@pytest.fixture(autouse=True)
def theme(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A made-up theme whose templates write the test pages' inline scripts, the only ones allowed."""
    folder = tmp_path / "theme"
    folder.mkdir()
    (folder / "base.html").write_text("<script>var testPage = 1;</script>\n<script>var testPage = 2;</script>\n",
                                      encoding="utf-8")
    monkeypatch.setattr("security.scripts.default_theme_dirs", lambda: [folder])
    return folder


def test_a_script_a_page_brings_is_refused_and_never_hashed(tmp_path: Path) -> None:
    """A <script> written in a page, not in the theme, fails the step; nothing is written."""
    site = _site(tmp_path, ("bad.html", PAGE.format(n=3)))
    before = (site / "bad.html").read_text(encoding="utf-8")
    with pytest.raises(SecurityCheckFailed) as failure:
        secure(site)
    assert failure.value.problems == [
        "bad.html: a page must not carry a script of its own: an inline <script> that is not one of the theme's "
        "is never allowed by the policy; take it out of the page"]
    assert (site / "bad.html").read_text(encoding="utf-8") == before


def _site(tmp_path: Path, *extra: tuple[str, str]) -> Path:
    site = tmp_path / "site"
    (site / "two").mkdir(parents=True)
    (site / "index.html").write_text(PAGE.format(n=1), encoding="utf-8")
    (site / "two" / "index.html").write_text(PAGE.format(n=2), encoding="utf-8")
    for name, text in extra:
        (site / name).write_text(text, encoding="utf-8")
    return site


def test_policy_follows_charset_and_allows_only_that_pages_scripts(tmp_path: Path) -> None:
    site = _site(tmp_path)
    secure(site)
    one = (site / "index.html").read_text(encoding="utf-8")
    two = (site / "two" / "index.html").read_text(encoding="utf-8")
    expected = (
        '    <meta charset="utf-8">\n'
        '    <meta http-equiv="Content-Security-Policy" content="default-src \'self\'; '
        f"script-src 'self' {_hash('var testPage = 1;')}; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'none'\">\n"
        '    <meta name="referrer" content="no-referrer">\n'
        '    <meta name="viewport"'
    )
    assert expected in one
    assert _hash("var testPage = 2;") in two and _hash("var testPage = 2;") not in one


def test_headers_file_allows_every_pages_scripts_and_forbids_framing(tmp_path: Path) -> None:
    site = _site(tmp_path)
    secure(site)
    headers = (site / "_headers").read_text(encoding="utf-8")
    assert headers.splitlines()[1:] == [
        "/*",
        "  Content-Security-Policy: default-src 'self'; script-src 'self' "
        + " ".join(sorted([_hash("var testPage = 1;"), _hash("var testPage = 2;")]))
        + "; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
        "form-action 'none'; frame-ancestors 'none'",
        "  Referrer-Policy: no-referrer",
        "  X-Content-Type-Options: nosniff",
        "  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    ]


def test_running_twice_gives_the_same_files(tmp_path: Path) -> None:
    site = _site(tmp_path)
    first = secure(site)
    before = {path: path.read_bytes() for path in site.rglob("*") if path.is_file()}
    second = secure(site)
    after = {path: path.read_bytes() for path in site.rglob("*") if path.is_file()}
    assert (first.changed_files, second.changed_files) == (3, 0)
    assert before == after


@pytest.mark.parametrize(
    "markup, message",
    [
        ('<button onclick="go()">Go</button>', "bad.html: inline event handlers (onclick=) are blocked by the policy: use a script file"),
        ('<p style="color: red">Hi</p>', "bad.html: style attributes are blocked by the policy: use a class and the stylesheet"),
        ('<a href="javascript:go()">Go</a>', "bad.html: javascript: links are blocked by the policy: use a script file"),
    ],
)
def test_code_the_policy_would_block_fails_and_nothing_is_written(tmp_path: Path, markup: str, message: str) -> None:
    bad = PAGE.format(n=2).replace("<p>Test page 2</p>", markup)
    site = _site(tmp_path, ("bad.html", bad))
    before = {path: path.read_bytes() for path in site.rglob("*") if path.is_file()}
    with pytest.raises(SecurityCheckFailed) as failure:
        secure(site)
    assert failure.value.problems == [message]
    assert before == {path: path.read_bytes() for path in site.rglob("*") if path.is_file()}


def test_a_page_without_charset_is_refused(tmp_path: Path) -> None:
    site = _site(tmp_path, ("bare.html", "<p>Test fragment</p>"))
    with pytest.raises(SecurityCheckFailed) as failure:
        secure(site)
    assert failure.value.problems == [
        'bare.html: a page must declare <meta charset="utf-8">, so the policy can follow it'
    ]


def test_cli_reports_success_and_failure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path)
    assert secure_site.main([str(site)]) == 0
    assert capsys.readouterr().out == f"Secured 2 pages in {site} (2 inline scripts allowed by hash, 3 files changed)\n"
    (site / "bad.html").write_text(PAGE.format(n=2).replace("<body>", '<body onload="x()">'), encoding="utf-8")
    assert secure_site.main([str(site)]) == 1
    assert capsys.readouterr().err == (
        f"{site}/bad.html: inline event handlers (onload=) are blocked by the policy: use a script file\n"
        "1 error; no file was changed\n"
    )
    assert secure_site.main([str(tmp_path / "missing")]) == 1
    assert "the built site must be a folder; it does not exist" in capsys.readouterr().err

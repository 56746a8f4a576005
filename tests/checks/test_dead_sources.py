"""The weekly sources check: every cited address comes from the same list as the source rule, LinkChecker
opens each one, and the issue names each dead or moved source with where it is cited, in officers' words.
Run against a made-up site and a server on this machine (no network)."""

from __future__ import annotations

import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


class _Pages(http.server.BaseHTTPRequestHandler):
    """A page that opens, one that has moved for good, one that moved for now, and anything else gone."""

    def do_GET(self) -> None:
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/open")
        elif self.path == "/for-now":
            self.send_response(302)
            self.send_header("Location", "/open")
        else:
            self.send_response(200 if self.path == "/open" else 404)
            self.send_header("Content-Type", "text/html")
        self.end_headers()
        if self.path == "/open":
            self.wfile.write(b"<p>Fixture page.</p>")

    do_HEAD = do_GET

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def server():
    pages = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    threading.Thread(target=pages.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{pages.server_address[1]}"
    pages.shutdown()
    pages.server_close()


def _website(site: Path, *args: str, stdin: str | None = None) -> str:
    return subprocess.run([sys.executable, str(REPO / "scripts" / "website.py"), "sources", "--config",
                           str(site / "mkdocs.yml"), *args], input=stdin, capture_output=True, text=True,
                          check=True, cwd=site).stdout


def _site(tmp_path: Path, address: str) -> Path:
    """A made-up site: one page citing three sources, and a register citing two."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: Fixture\nnav:\n  - Home: index.md\n")
    (tmp_path / "docs" / "index.md").write_text(
        "---\ntitle: Fixture\n---\n\n# Fixture\n\n[Not a source](https://example.org/elsewhere)\n\n## Sources\n\n"
        f"- [A page that opens]({address}/open)\n- [A page that has gone]({address}/gone)\n"
        f"- [A page that has moved]({address}/moved)\n- [A page moved for now]({address}/for-now)\n"
        "- [Another page of this site](other.md)\n")
    register = (REPO / "tests/fixtures/facts/register.yml").read_text()
    register = register.replace("https://www.example.org/example-helpline", f"{address}/gone", 1)
    (tmp_path / "data" / "facts.yml").write_text(register)
    return tmp_path


def test_the_list_of_sources_says_where_each_is_cited(tmp_path: Path, server: str) -> None:
    site = _site(tmp_path, server)
    listed = _website(site).splitlines()
    assert listed[0] == f"data/facts.yml:16: {server}/gone"
    assert listed[-4:] == [f"docs/index.md:11: {server}/open", f"docs/index.md:12: {server}/gone",
                           f"docs/index.md:13: {server}/moved", f"docs/index.md:14: {server}/for-now"]
    assert "https://example.org/elsewhere" not in "\n".join(listed)


def test_linkchecker_finds_the_dead_and_moved_sources_and_the_issue_says_what_to_do(tmp_path: Path, server: str) -> None:
    site = _site(tmp_path, server)
    addresses = _website(site, "--addresses")
    environment = {name: value for name, value in os.environ.items() if "proxy" not in name.lower()}
    checked = subprocess.run(
        [str(Path(sys.executable).parent / "linkchecker"), "--stdin", "--no-status", "--recursion-level=0",
         "--check-extern", "--verbose", "--output=csv", "--timeout=10"],
        input="\n".join(line for line in addresses.splitlines() if line.startswith(server)),
        capture_output=True, text=True, cwd=tmp_path, env={**environment, "HOME": str(tmp_path)}, timeout=120)
    (tmp_path / "results.csv").write_text(checked.stdout)
    report = _website(site, "--report", str(tmp_path / "results.csv"))
    assert report == (
        "Some sources the site cites no longer open, or have moved. Each one is listed with the page or register "
        "entry that cites it. A source that has gone can no longer back up what the page says.\n"
        "\n"
        "## Sources that no longer open\n"
        "\n"
        "Open the link. If the page has gone, find the same fact on the service's own website or an official page, "
        "check the page still says it, and replace the link (add the new site to `data/sources.yml` if the check "
        "asks you to). If the fact cannot be found any more, change or remove it.\n"
        "\n"
        f"- {server}/gone (the site answered: 404 Not Found)\n"
        "  - cited in `data/facts.yml`, line 16: example-helpline\n"
        "  - cited in `docs/index.md`, line 12: A page that has gone\n"
        "\n"
        "## Sources that have moved\n"
        "\n"
        "The site now sends readers to a new address. Open the new address, check it still says what the page says, "
        "then replace the old address with the new one.\n"
        "\n"
        f"- {server}/moved (now at {server}/open)\n"
        "  - cited in `docs/index.md`, line 13: A page that has moved\n"
        "\n"
        "This issue is updated each week by the Sources workflow (.github/workflows/sources.yml). It closes by "
        "itself once every source opens where it should.\n")


def test_when_every_source_opens_there_is_nothing_to_report(tmp_path: Path) -> None:
    (tmp_path / "results.csv").write_text(
        "# created by LinkChecker\nurlname;parentname;base;result;warningstring;infostring;valid;url\n"
        "https://www.example.org/a;;;200 OK;;;True;https://www.example.org/a\n")
    site = _site(tmp_path, "https://www.example.org")
    assert _website(site, "--report", str(tmp_path / "results.csv")) == ""

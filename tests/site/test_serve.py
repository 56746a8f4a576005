"""Previewing while editing: a busy port is said in one line, at once; a broken data file is shown in the browser.

While serving, a mistake in data/ must not stop the preview (the browser would wait for a page that
never comes, and the message would be only in the terminal): every page shows the messages at the
top, and the page reloads once the file is fixed. A build for the site still fails.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import website

REPO = Path(__file__).resolve().parents[2]


def _busy(port: int) -> str:
    return (f"error: port {port} is busy (is the site already being served?); choose another with "
            f"scripts/serve.sh --port {port + 1}\n")


@pytest.fixture()
def listening() -> Iterator[int]:
    """A port something is already listening on."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        yield taken.getsockname()[1]


@pytest.mark.parametrize("form", ["--port N", "--port=N"])
def test_a_busy_port_is_one_line_saying_how_to_choose_another_before_set_up(listening: int, tmp_path: Path,
                                                                            form: str) -> None:
    (tmp_path / "scripts").mkdir()
    shutil.copy(REPO / "scripts" / "serve.sh", tmp_path / "scripts" / "serve.sh")
    # Set-up is the slow part: a stand-in that says if it ran.
    (tmp_path / "scripts" / "setup.sh").write_text("#!/bin/sh\ntouch set-up-ran\n", encoding="utf-8")
    (tmp_path / "scripts" / "setup.sh").chmod(0o755)
    arguments = form.replace("N", str(listening)).split()
    result = subprocess.run(["bash", "scripts/serve.sh", *arguments], cwd=tmp_path, capture_output=True, text=True,
                            timeout=30)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", _busy(listening))
    assert not (tmp_path / "set-up-ran").exists()


def test_website_serve_says_the_same_when_run_itself(listening: int, capsys: pytest.CaptureFixture[str]) -> None:
    assert website.main(["serve", "--port", str(listening)]) == 1
    assert capsys.readouterr().err == _busy(listening)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _page(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(condition: Callable[[], str | None], what: str, server: subprocess.Popen[str]) -> str:
    """Polls until condition gives a page, failing with the server's output if it never does."""
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        found = condition()
        if found is not None:
            return found
        assert server.poll() is None, f"the server stopped while waiting for {what}"
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


BOX = ("Fix this before the site can be published",
       "The pages show the last version that worked. They reload by themselves when you save the fix.",
       "data/events.yml:{line}:1: error: this line is indented with a tab; indent it with spaces instead")


def test_a_broken_events_file_is_shown_on_every_page_while_serving_and_fails_a_build(
        site_copy: Callable[[str], Path], tmp_path: Path) -> None:
    copy = site_copy("serving")
    events = copy / "data" / "events.yml"
    good = events.read_text(encoding="utf-8")
    good = good if good.endswith("\n") else good + "\n"
    line = good.count("\n") + 1
    events.write_text(good + "\tstatus: scheduled\n", encoding="utf-8")
    build = subprocess.run([sys.executable, "scripts/website.py", "build", "--preview", "--site-dir",
                            str(tmp_path / "site")], cwd=copy, capture_output=True, text=True, timeout=300)
    assert build.returncode == 1
    assert f"data/events.yml:{line}:1: error: this line is indented with a tab" in build.stderr

    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("EVENTS_DATA", None)
    server = subprocess.Popen([sys.executable, "scripts/website.py", "serve", "--port", str(port)], cwd=copy, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        for address in ("", "events/", "get-help/"):
            page = _wait_for(lambda: _page(f"http://127.0.0.1:{port}/{address}"), f"/{address}", server)
            assert [text.format(line=line) for text in BOX if text.format(line=line) in page] == [
                text.format(line=line) for text in BOX], page[:2000]
        events.write_text(good, encoding="utf-8")
        fixed = _wait_for(lambda: (lambda page: page if page and "admonition failure" not in page else None)(
            _page(f"http://127.0.0.1:{port}/events/")), "the page without the box once the file is fixed", server)
        assert "data-events-upcoming" in fixed  # the events' parts, made once the file is fixed
    finally:
        server.terminate()
        server.communicate(timeout=30)

"""The benchmark's static server answers like the host the site is published on (no browser)."""

from __future__ import annotations

import gzip
import http.client
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from benchmark.server import serve


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A two-page fixture site: clearly not the real one."""
    (tmp_path / "example-page").mkdir()
    (tmp_path / "index.html").write_text("<p>Fixture home page</p>" * 50, encoding="utf-8")
    (tmp_path / "example-page" / "index.html").write_text("<p>Fixture page</p>", encoding="utf-8")
    (tmp_path / "404.html").write_text("<p>Fixture: not found</p>", encoding="utf-8")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG fixture bytes")
    return tmp_path


def get(base_url: str, path: str, gzip_ok: bool = True) -> http.client.HTTPResponse:
    address = urlsplit(base_url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=5)
    connection.request("GET", path, headers={"Accept-Encoding": "gzip, deflate, br"} if gzip_ok else {})
    return connection.getresponse()


def test_text_is_gzipped_with_its_compressed_length_when_the_browser_accepts_gzip(site):
    with serve(site) as base_url:
        response = get(base_url, "/")
        body = response.read()
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert int(response.getheader("Content-Length")) == len(body)
    assert gzip.decompress(body) == (site / "index.html").read_bytes()


def test_text_is_sent_plain_to_a_browser_that_does_not_accept_gzip(site):
    with serve(site) as base_url:
        response = get(base_url, "/", gzip_ok=False)
        body = response.read()
    assert response.getheader("Content-Encoding") is None
    assert body == (site / "index.html").read_bytes()


def test_images_are_never_gzipped(site):
    with serve(site) as base_url:
        response = get(base_url, "/picture.png")
        response.read()
    assert response.getheader("Content-Encoding") is None
    assert response.getheader("Content-Type") == "image/png"


def test_a_page_without_its_final_slash_redirects_and_a_missing_page_gets_the_404_page(site):
    with serve(site) as base_url:
        redirect = get(base_url, "/example-page")
        redirect.read()
        missing = get(base_url, "/no-such-page/", gzip_ok=False)
        missing_body = missing.read()
    assert (redirect.status, redirect.getheader("Location")) == (301, "/example-page/")
    assert (missing.status, missing_body) == (404, b"<p>Fixture: not found</p>")

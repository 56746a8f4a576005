"""Serves a built site on 127.0.0.1 the way a static host does: gzip for text, Content-Length, 404 page."""

from __future__ import annotations

import gzip
import mimetypes
import threading
from contextlib import contextmanager
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator
from urllib.parse import unquote, urlsplit

# Types GitHub Pages compresses; fonts and images are already compressed.
COMPRESSIBLE = (
    "text/", "application/javascript", "application/json", "application/xml",
    "image/svg+xml", "application/manifest+json",
)
# GitHub Pages, where the site is published, sends max-age=600 for every file and lets no one change it.
CACHE_CONTROL = "max-age=600"

mimetypes.add_type("text/javascript", ".js")
mimetypes.add_type("text/calendar", ".ics")
mimetypes.add_type("application/manifest+json", ".webmanifest")


class GzipHandler(SimpleHTTPRequestHandler):
    """Answers GET and HEAD from the site folder, gzipping text when the browser accepts it."""

    def do_GET(self) -> None:
        body = self._respond()
        if body:
            self.wfile.write(body)

    def do_HEAD(self) -> None:
        self._respond()

    def _respond(self) -> bytes:
        path = Path(self.translate_path(unquote(urlsplit(self.path).path)))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                # Static hosts redirect /page to /page/ so relative links keep working.
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", urlsplit(self.path).path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return b""
            path = path / "index.html"
        status = HTTPStatus.OK
        if not path.is_file():
            status, path = HTTPStatus.NOT_FOUND, Path(self.directory) / "404.html"
        body = path.read_bytes() if path.is_file() else b"Not found"
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self.send_response(status)
        self.send_header("Content-Type", content_type + ("; charset=utf-8" if content_type.startswith("text/") else ""))
        self.send_header("Cache-Control", CACHE_CONTROL)
        if content_type.startswith(COMPRESSIBLE):
            self.send_header("Vary", "Accept-Encoding")
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body, compresslevel=6, mtime=0)
                self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return body

    def log_message(self, format: str, *args: object) -> None:
        """Keeps the benchmark's output to its figures."""


@contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serves site_dir on a free port of 127.0.0.1 for the length of the with-block; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(GzipHandler, directory=str(site_dir)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()

"""A hostile HTTP server on 127.0.0.1 for the crawl-bounds tests (tests/test_bounds.py).

It answers like the loopback TenderNed API (``tenderarchive.apiserver.TenderNedAPI``), except
on the paths given a behaviour, which answer the way the open web sometimes does:

- ``("big", n)``: a 200 of ``n`` bytes (valid JSON padding) with a Content-Length;
- ``("big-chunked", n)``: the same without a Content-Length (read until the connection closes);
- ``("drip", seconds[, length])``: the headers (a Content-Length of ``length``, default 100 MB),
  then the body one byte every ``seconds`` (the default: for as long as a test lasts);
- ``("loop",)``: a 302 redirect to itself;
- ``("status", code)``: always that status;
- ``("reset", seconds, times)``: the first ``times`` requests get the headers and the first bytes of
  the API's answer, then nothing for ``seconds``, then a TCP reset (a server that answers slowly,
  then drops); the later ones the API's answer.

The behaviours below change the normal answer (the API's, or a fixture site's: ``SiteAnswers``):

- ``("truncated", n)``: its first ``n`` bytes under the whole body's Content-Length, then the
  connection closed (a FIN: a transfer broken off, not a reset);
- ``("short-length", n)``: the whole body under a Content-Length ``n`` bytes short (the client reads
  a cut body that looks whole), then the connection closed;
- ``("trailing", data)``: the answer under its own Content-Length, then ``data`` after it on the same write, the
  connection kept open (a body running on past its length, or a stray CRLF after it);
- ``("gzip",)``: the answer sent gzip-compressed, as it says (``Content-Encoding: gzip``);
- ``("gzip-bomb", n)``: ``Content-Encoding: gzip`` over ``n`` bytes of spaces compressed (a few KB on
  the wire for megabytes unpacked);
- ``("bad-gzip",)``: ``Content-Encoding: gzip`` over a body that is not gzip;
- ``("charset", name)``: the answer under ``Content-Type: …; charset=name`` (a charset that is not the
  body's, or none Python knows);
- ``("content-type", value)``: the answer under another ``Content-Type`` (``application/octet-stream``, none
  parseable, an image type);
- ``("huge-header", n)``: the answer with one header of ``n`` bytes;
- ``("garbage",)``: bytes that are no HTTP at all, then the connection closed;
- ``("padded", n)``: an HTML page made ``n`` bytes larger (paragraphs of text before its ``</body>``), under its
  Content-Length;
- ``("inline-images", n)``: an HTML page made ``n`` bytes larger by images inline (``data:`` URIs, ``<svg>``);
- ``("drawn-photo", n)``: an HTML page made ``n`` bytes larger by text (as ``padded``) and carrying a drawing
  (``<svg>``) whose picture is a ``data:`` URI of ``2n`` bytes;
- ``("redirect", location[, status])``: a redirect (302 unless told) to ``location``, where ``{base}`` is the server's own
  address (another host name for the same loopback server: ``http://localhost:{port}/…``);
- ``("retry-after", status, value)``: that status (429, 503) with ``Retry-After: value``, whatever its absurdity.
- ``("answer", status, content_type, body)``: that answer whatever was asked (a CMS's maintenance page with status
  200 where a JSON file or endpoint is asked).

Hand-written because the point is to misbehave in precise ways no ready server offers.
"""

from __future__ import annotations

import gzip
import socket
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit


class SiteAnswers:
    """A synthetic news fixture site (tests/fixtures/news/fixtures.yaml) answering as ``TenderNedAPI.handle`` does,
    ``(status, headers, body)`` per path and query, so ``HostileServer`` serves a news site with some paths
    misbehaving. A file templated with the site's address (robots.txt, sitemaps, feeds) takes ``base_url``, set
    once the server is listening."""

    def __init__(self, site: str):
        from tests.fixtures.news.serve import SITES_DIR, _content_type, load_manifest

        self.folder = SITES_DIR / site
        self.routes = {r["path"]: r for r in load_manifest()["sites"][site]["routes"]}
        self.content_type = _content_type
        self.base_url = ""

    def handle(self, path: str, query: str, accept=None) -> tuple[int, dict, bytes]:
        route = self.routes.get(path + (f"?{query}" if query else ""))
        if route is None:
            return 404, {"Content-Type": "text/html; charset=utf-8"}, b"<html><body>Niet gevonden</body></html>"
        body = (self.folder / route["file"]).read_bytes()
        if route.get("templated"):
            body = body.replace(b"{base_url}", self.base_url.encode())
        return 200, {"Content-Type": self.content_type(route)}, body


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):  # noqa: N802
        server = self.server
        parts = urlsplit(self.path)
        behaviour = server.behaviours.get(parts.path)
        with server.lock:
            server.log.append(parts.path)
        if behaviour is None:
            status, headers, body = server.api.handle(parts.path, parts.query)
            self._send(status, body, headers)
            return
        kind = behaviour[0]
        try:
            if kind in CHANGED_ANSWERS:
                status, headers, body = server.api.handle(parts.path, parts.query)
                body = body.read_bytes() if isinstance(body, Path) else body
                self._changed(kind, behaviour, status, dict(headers), body)
            elif kind == "big":
                self._send(200, b'{"pad": "' + b"x" * behaviour[1] + b'"}')
            elif kind == "big-chunked":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Connection", "close")
                self.end_headers()
                chunk = b"<p>" + b"x" * 65536 + b"</p>"
                for _ in range(behaviour[1] // len(chunk) + 1):
                    self.wfile.write(chunk)
                self.close_connection = True
            elif kind == "drip":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                length = behaviour[2] if len(behaviour) > 2 else 100_000_000
                self.send_header("Content-Length", str(length))
                self.end_headers()
                for _ in range(length):   # the body as declared, one byte at a time
                    if server.stopping.is_set():
                        break
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(behaviour[1])
            elif kind == "loop":
                self.send_response(302)
                self.send_header("Location", self.path)
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif kind == "reset":
                with server.lock:
                    server.resets[parts.path] = server.resets.get(parts.path, 0) + 1
                    again = server.resets[parts.path] > behaviour[2]
                status, headers, body = server.api.handle(parts.path, parts.query)
                if again:
                    self._send(status, body, headers)
                    return
                self.send_response(status)
                self.send_header("Content-Type", "application/json;charset=UTF-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body[:len(body) // 2])
                self.wfile.flush()
                time.sleep(behaviour[1])
                # SO_LINGER 0: close() sends a RST, not a FIN
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.connection.close()
                self.close_connection = True
            elif kind == "status":
                self._send(behaviour[1], b'{"message": "hostile"}')
            elif kind == "redirect":
                location = behaviour[1].replace("{port}", str(server.server_address[1]))
                self._send(behaviour[2] if len(behaviour) > 2 else 302, b"", {"Location": location})
            elif kind == "answer":
                self._send(behaviour[1], behaviour[3], {"Content-Type": behaviour[2]})
            elif kind == "retry-after":
                self._send(behaviour[1], b'{"message": "slow down"}', {"Retry-After": behaviour[2]})
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _send(self, status, body: bytes, headers=None):
        body = body.read_bytes() if isinstance(body, Path) else body
        headers = dict(headers or {})
        self.send_response(status)
        self.send_header("Content-Type", headers.pop("Content-Type", "application/json;charset=UTF-8"))
        self.send_header("Content-Length", headers.pop("Content-Length", str(len(body))))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _changed(self, kind, behaviour, status, headers, body):
        """The normal answer, changed as ``kind`` says (module docstring)."""
        if kind == "garbage":
            self.wfile.write(b"\x00\xffnot http at all\r\n\r\n" + body[:100])
            self.close_connection = True
            return
        content_type = headers.pop("Content-Type", "application/json;charset=UTF-8")
        length = len(body)
        if kind == "truncated":
            body = body[:behaviour[1]]
        elif kind == "short-length":
            length = max(0, length - behaviour[1])
        elif kind == "trailing":
            length, body = len(body), body + behaviour[1]
        elif kind == "gzip":
            body = gzip.compress(body)
            length = len(body)
            headers["Content-Encoding"] = "gzip"
        elif kind == "gzip-bomb":
            body = gzip.compress(b" " * behaviour[1], compresslevel=9)
            length = len(body)
            headers["Content-Encoding"] = "gzip"
        elif kind == "bad-gzip":
            headers["Content-Encoding"] = "gzip"
        elif kind == "content-type":
            content_type = behaviour[1]
        elif kind == "charset":
            content_type = content_type.split(";")[0] + f"; charset={behaviour[1]}"
        elif kind == "huge-header":
            headers["X-Padding"] = "x" * behaviour[1]
        elif kind == "inline-images":
            # photographs carried in the page as base64 data: URIs (and a drawing as inline SVG), as a CMS's editor
            # pastes them: megabytes of markup, no text to read
            photo = b'<p><img alt="Foto" src="data:image/jpeg;base64,' + b"/9j/4AAQSkZJRgABAQAAAQABAAD" * 4096 + b'"></p>\n'
            drawing = b'<svg viewBox="0 0 10 10"><path d="' + b"M0 0L10 10 " * 4096 + b'"/></svg>\n'
            end = body.rfind(b"</body>")
            end = len(body) if end < 0 else end
            body = body[:end] + (photo + drawing) * (behaviour[1] // len(photo + drawing) + 1) + body[end:]
            length = len(body)
        elif kind == "drawn-photo":
            paragraph = b"<p>" + b"De gemeente koopt jeugdhulp in bij Stichting Eikenrode. " * 16 + b"</p>\n"
            uri = b"data:image/png;base64," + b"iVBORw0KGgo" * (2 * behaviour[1] // 11 + 1)
            drawing = b'<svg viewBox="0 0 10 10"><image width="10" height="10" href="' + uri + b'"/></svg>\n'
            end = body.rfind(b"</body>")
            end = len(body) if end < 0 else end
            body = body[:end] + paragraph * (behaviour[1] // len(paragraph) + 1) + drawing + body[end:]
            length = len(body)
        elif kind == "padded":
            paragraph = b"<p>" + b"De gemeente koopt jeugdhulp in bij Stichting Eikenrode. " * 16 + b"</p>\n"
            end = body.rfind(b"</body>")
            end = len(body) if end < 0 else end
            body = body[:end] + paragraph * (behaviour[1] // len(paragraph) + 1) + body[end:]
            length = len(body)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(length))
        for name, value in headers.items():
            self.send_header(name, value)
        if kind in ("truncated", "short-length"):
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()

    def log_message(self, *args):
        pass


CHANGED_ANSWERS = ("content-type", "gzip", "truncated", "short-length", "trailing", "gzip-bomb", "bad-gzip", "charset",
                   "huge-header", "garbage", "padded", "inline-images", "drawn-photo")


class HostileServer:
    def __init__(self, api, behaviours: dict):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.api = api
        self.httpd.behaviours = behaviours
        self.httpd.log = []
        self.httpd.resets = {}
        self.httpd.lock = threading.Lock()
        self.httpd.stopping = threading.Event()
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    @property
    def log(self) -> list[str]:
        return self.httpd.log

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()

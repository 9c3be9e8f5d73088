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

Hand-written because the point is to misbehave in precise ways no ready server offers.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


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
            if kind == "big":
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
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _send(self, status, body: bytes, headers=None):
        self.send_response(status)
        self.send_header("Content-Type", "application/json;charset=UTF-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


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

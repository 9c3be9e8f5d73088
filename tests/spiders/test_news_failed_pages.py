"""A news page whose request failed is asked again by the next crawl, also once its site's feed no
longer lists it (spiders/news.py ``failed_pages``, tenderarchive/store/queries.py
``failed_news_pages``). A loopback site of SYNTHETIC pages, crawled with ``tenderarchive crawl news``."""

from __future__ import annotations

import json
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import SYNTHETIC_HEAD, registry

PAGE = ("<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>{title}</title>" + SYNTHETIC_HEAD +
        "<meta property=\"article:published_time\" content=\"2026-11-{day}T10:00:00+01:00\"></head><body><article>"
        "<h1>{title}</h1><p>De gemeente Leiden heeft de aanbesteding van specialistische jeugdhulp gegund aan drie "
        "aanbieders. De contracten gaan op 1 januari in en lopen vier jaar.</p></article></body></html>")


@contextmanager
def site(state: dict):
    """``state``: ``feed`` (the paths the RSS feed lists) and ``down`` (paths that answer 500)."""
    asked: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            asked.append(self.path)
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path in state["down"]:
                self.send_error(500)
                return
            if self.path == "/robots.txt":
                body, kind = b"User-agent: *\nAllow: /\n", "text/plain"
            elif self.path == "/feed.xml":
                items = "".join(f"<item><title>{p}</title><link>{base}{p}</link></item>" for p in state["feed"])
                body, kind = f"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>{items}</channel></rss>".encode(), "application/rss+xml"
            elif self.path.startswith("/nieuws/"):
                name = self.path.rsplit("/", 1)[-1]
                body = PAGE.format(title=f"Jeugdhulp gegund ({name})", day=10 + len(name)).encode()
                kind = "text/html; charset=utf-8"
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", asked
    finally:
        server.shutdown()


def test_a_failed_page_is_asked_again_after_it_left_the_feed(tmp_path):
    state = {"feed": ["/nieuws/a", "/nieuws/bb"], "down": {"/nieuws/a"}}
    db_path = tmp_path / "archive.db"
    with site(state) as (base, asked):
        sources = registry(tmp_path, base_url=base, discovery={"feeds": ["feed.xml"]})
        first = crawl_news(sources, db_path)
        assert first.returncode == 3, first.stderr[-2000:]   # partial: the page failed
        db = sqlite_utils.Database(db_path)
        errors = json.loads(next(db.query("select errors from crawls order by crawl_id desc"))["errors"])
        assert any(e["url"].endswith("/nieuws/a") for e in errors), errors

        state["feed"], state["down"] = ["/nieuws/bb", "/nieuws/ccc"], set()   # the page left the feed
        asked.clear()
        second = crawl_news(sources, db_path)
        assert second.returncode == 0, second.stderr[-2000:]
        assert "/nieuws/a" in asked
        urls = {r["url"] for r in db.query("select url from articles")}
        assert {base + "nieuws/a", base + "nieuws/bb", base + "nieuws/ccc"} <= urls, urls

        asked.clear()
        third = crawl_news(sources, db_path)   # archived now: not asked again
        assert third.returncode == 0 and "/nieuws/a" not in asked, asked

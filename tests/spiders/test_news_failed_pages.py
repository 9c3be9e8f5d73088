"""A news page whose request failed is asked again by the next crawl, also once its site's feed no
longer lists it (spiders/news.py ``failed_pages``, tenderarchive/store/queries.py
``failed_news_pages``). A loopback site of SYNTHETIC pages, crawled with ``tenderarchive crawl news``."""

from __future__ import annotations

import json

import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import SYNTHETIC_HEAD, registry, serve

PAGE = ("<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>{title}</title>" + SYNTHETIC_HEAD +
        "<meta property=\"article:published_time\" content=\"2026-11-{day}T10:00:00+01:00\"></head><body><article>"
        "<h1>{title}</h1><p>De gemeente Leiden heeft de aanbesteding van specialistische jeugdhulp gegund aan drie "
        "aanbieders. De contracten gaan op 1 januari in en lopen vier jaar.</p></article></body></html>")


def routes(state: dict) -> dict:
    """``state``: ``feed`` (the paths the RSS feed lists) and ``down`` (paths that answer 500)."""
    def feed(base):
        items = "".join(f"<item><title>{p}</title><link>{base}{p[1:]}</link></item>" for p in state["feed"])
        return ("application/rss+xml", f"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
                                       f"{items}</channel></rss>".encode())

    def page(name):
        def answer(base):
            body = PAGE.format(title=f"Jeugdhulp gegund ({name})", day=10 + len(name)).encode()
            return ("text/html; charset=utf-8", body, 500 if f"/nieuws/{name}" in state["down"] else 200)
        return answer

    return {"/robots.txt": ("text/plain", b"User-agent: *\nAllow: /\n"), "/feed.xml": feed,
            **{f"/nieuws/{name}": page(name) for name in ("a", "bb", "ccc")}}


def test_a_failed_page_is_asked_again_after_it_left_the_feed(tmp_path):
    state = {"feed": ["/nieuws/a", "/nieuws/bb"], "down": {"/nieuws/a"}}
    db_path = tmp_path / "archive.db"
    asked: list[str] = []
    with serve(routes(state), asked) as base:
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

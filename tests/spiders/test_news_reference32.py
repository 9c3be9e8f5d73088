"""The news spider, thirty-second pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive
crawl news`` into a real archive."""

from __future__ import annotations

import contextlib
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry
from tests.spiders.test_news_reference8 import iprox_item
from tests.spiders.test_news_reference9 import sitemap_of
from tests.spiders.test_news_reference14 import news_overview
from tests.spiders.test_news_reference17 import rss_feed

#: Two items of a SYNTHETIC iprox site (news-sites.md §2.1, §2.2 ``/Informatie_en_nieuws/Nieuwsberichten/…``).
ITEMS = {"/nieuws/Gunning_jeugdhulp": iprox_item("Voorlopige gunning jeugdhulp"),
         "/nieuws/Inkoop_jeugdhulp": iprox_item("Inkoop jeugdhulp gestart",
                                                "Het inkooptraject voor de jeugdhulp in de regio is gestart. " * 6)}

#: The site's discovery, as its registry entry names it: a sitemap, a feed (WordPress's ``/feed/``) or a listing
#: (§2.1), each naming the items on the host it is asked on.
DISCOVERY = {"sitemap": ({"sitemaps": ["sitemap.xml"]}, ("/sitemap.xml", sitemap_of(*ITEMS))),
             "feed": ({"feeds": ["feed/"]}, ("/feed/", lambda base: rss_feed(
                 base, dict.fromkeys(ITEMS, "Thu, 14 Oct 2021 10:00:00 +0200")))),
             "listing": ({"listing": {"urls": ["nieuws"]}}, ("/nieuws", news_overview(list(ITEMS))))}


@contextlib.contextmanager
def moving_site(routes: dict, moved: dict):
    """A loopback site answering on ``127.0.0.1`` and on ``localhost`` (one port: two hosts); a route may be a
    callable of the base URL it is asked on. While ``moved["to"]`` names a host, every request to the other host
    answers ``301`` to the same path on that one (a whole site moved to a new domain). Yields the port."""
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            host = (self.headers.get("Host") or "").split(":")[0]
            if moved.get("to") and host != moved["to"]:
                self.send_response(301)
                self.send_header("Location", f"http://{moved['to']}:{port}{self.path}")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            route = routes.get(self.path)
            route = route(f"http://{host}:{port}/") if callable(route) else route
            if route is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", route[0])
            self.send_header("Content-Length", str(len(route[1])))
            self.end_headers()
            self.wfile.write(route[1])

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield port
    finally:
        server.shutdown()


@pytest.mark.parametrize("discovery", sorted(DISCOVERY))
def test_a_site_moved_to_a_new_domain_is_an_error_naming_both_addresses_then_kept_once_at_its_new_one(
        tmp_path, discovery):
    """§2.1 (a site moved to another CMS or host), redirects, and how a user keeps the registry: a whole site moves
    to a new domain, every old address answering ``301`` to the same path there. Its sitemap (feed, listing) followed
    there names only the new host's items, each refused as another site's: the crawl was "complete", nothing found,
    no error, every crawl after, the site's news no longer archived and no one told. It is an error of the crawl
    naming the old address and the new one (once), and nothing archived is lost or rewritten. With its registry entry
    moved to the new domain, the items read there are the archived pages (one each, their URLs kept, the new
    address their provenance), not archived a second time."""
    where, route = DISCOVERY[discovery]
    routes = {"/robots.txt": ROBOTS, **ITEMS, route[0]: route[1]}
    moved: dict = {}
    db_path = tmp_path / "archive.db"
    with moving_site(routes, moved) as port:
        old, new = f"http://127.0.0.1:{port}/", f"http://localhost:{port}/"
        crawls = [crawl_news(registry(tmp_path, base_url=old, discovery=where), db_path)]
        archived = sorted((r["url"], r["text"], r["content_sha256"])
                          for r in sqlite_utils.Database(db_path)["articles"].rows)
        moved["to"] = "localhost"
        crawls.append(crawl_news(registry(tmp_path, base_url=old, discovery=where), db_path))
        after_move = sorted((r["url"], r["text"], r["content_sha256"])
                            for r in sqlite_utils.Database(db_path)["articles"].rows)
        crawls.append(crawl_news(registry(tmp_path, base_url=new, discovery=where), db_path))
    assert crawls[0].returncode == 0 and crawls[2].returncode == 0, crawls[2].stderr[-3000:]
    db = sqlite_utils.Database(db_path)
    first, moving, updated = db.query("select status, errors from crawls order by crawl_id")
    assert first["status"] == updated["status"] == "complete"
    assert moving["status"] != "complete" and crawls[1].returncode != 0
    errors = json.loads(moving["errors"])
    assert len(errors) == 1 and errors[0]["url"] == old + route[0][1:]
    assert f"moved to {new}{route[0][1:]}" in errors[0]["error"]
    assert len(archived) == 2 and after_move == archived
    assert sorted((r["url"], r["source_url"]) for r in db["articles"].rows) == sorted(
        (old + path[1:], new + path[1:]) for path in ITEMS)
    assert db["versions"].count == 0


def test_a_page_dated_only_in_utc_json_ld_just_before_midnight_is_in_the_window_of_its_dutch_day(tmp_path):
    """§2.3 (a date with its time of day), ``--from-date`` windows: a page whose only date is its JSON-LD, in UTC,
    published at 23:30 UTC on 13 December (00:30 on the 14th in the Netherlands) and drafted that evening
    (``dateCreated`` 21:05 UTC, written first). The page took its day from the publication and its time from the
    draft: dated 13 December 22:05, it fell out of a ``--from-date 2020-12-14`` crawl and was not archived. It is
    archived, dated 14 December 00:30."""
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
          '"headline": "Voorlopige gunning jeugdhulp", "dateCreated": "2020-12-13T21:05:00Z", '
          '"datePublished": "2020-12-13T23:30:00Z"}</script>')
    title, body = "Voorlopige gunning jeugdhulp", ITEMS["/nieuws/Gunning_jeugdhulp"][1].decode()
    undated = body.replace("<div class='iprox-content iprox-date date'>14 oktober 2021</div>", "")
    routes = {"/robots.txt": ROBOTS, "/sitemap.xml": sitemap_of("/nieuws/Gunning_jeugdhulp"),
              "/nieuws/Gunning_jeugdhulp": ("text/html; charset=utf-8", undated.replace("</head>", f"{ld}</head>")
                                            .encode())}
    with moving_site(routes, {}) as port:
        crawl = crawl_news(registry(tmp_path, base_url=f"http://127.0.0.1:{port}/",
                                    discovery={"sitemaps": ["sitemap.xml"]}),
                           tmp_path / "archive.db", "--from-date", "2020-12-14")
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    article, = sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows
    assert (article["title"], article["published"][:16]) == (title, "2020-12-14T00:30")

"""The news spider, fifty-eighth pass against docs/reference/news-sites.md as an evaluator would test it: a listing's
"Meer laden" JSON endpoint that counts its pages instead of naming the next one, on a real loopback crawl of
SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

import json

import pytest
import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry, serve
from tests.spiders.test_news_reference31 import load_more_listing
from tests.spiders.test_news_reference5 import undated_page

LAST = 3


def items(number: int) -> list[dict]:
    return [{"title": f"Inkoop jeugdhulp {number}-{k}", "url": f"/nieuws/bericht-{number}-{k}",
             "date": "2026-11-30"} for k in range(2)]


def crawl_load_more(tmp_path, control: str, endpoints: dict, **site) -> tuple[sqlite_utils.Database, list[str]]:
    """Crawl a SYNTHETIC listing whose "Meer laden" button is ``control`` and whose endpoint answers are
    ``endpoints`` (path → route), beside the articles of every page (``site``: more of its registry entry, its
    ``cms``); the archive and the paths asked, in order."""
    log: list[str] = []
    routes = {"/robots.txt": ROBOTS, "/nieuws": load_more_listing(control), **endpoints,
              **{f"/nieuws/bericht-{n}-{k}": undated_page(f"Inkoop jeugdhulp {n}-{k}")
                 for n in range(1, LAST + 1) for k in range(2)}}
    with serve(routes, log) as base:
        crawl = crawl_news(registry(tmp_path, base_url=base, allow=[r"^/nieuws/bericht"],
                                    discovery={"listing": {"urls": ["nieuws"], "max_pages": 10}}, **site),
                           tmp_path / "archive.db")
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    return sqlite_utils.Database(tmp_path / "archive.db"), log


def titles(db: sqlite_utils.Database) -> list[str]:
    return sorted(r["title"] for r in db["articles"].rows)


def every_title(pages=range(1, LAST + 1)) -> list[str]:
    return sorted(f"Inkoop jeugdhulp {n}-{k}" for n in pages for k in range(2))


#: How a "meer laden" endpoint's JSON counts its pages, with no next address and no "more follow" flag: a headless
#: CMS's meta (Strapi's ``meta.pagination.pageCount``), a theme's handler (``total_pages``, ``max_num_pages`` of
#: WordPress's query), a paginator's ``currentPage``/``lastPage``.
COUNTED = {
    "strapi": lambda n: {"data": items(n), "meta": {"pagination": {"page": n, "pageSize": 2, "pageCount": LAST,
                                                                     "total": 2 * LAST}}},
    "total_pages": lambda n: {"posts": items(n), "page": n, "total_pages": LAST},
    "max_num_pages": lambda n: {"success": True, "data": {"items": items(n), "max_num_pages": LAST}},
    "last_page": lambda n: {"items": items(n), "currentPage": n, "lastPage": LAST},
}


@pytest.mark.parametrize("shape", sorted(COUNTED))
def test_a_meer_laden_endpoint_that_counts_its_pages_is_read_to_its_last_page(tmp_path, shape):
    """§2.1 listing pages and paging ("load-more JSON"): a listing's "Meer laden" endpoint answers its items with
    the count of its pages (``pageCount: 3``, ``total_pages``, ``lastPage``) and no next address or "more follow"
    flag: the crawl read its first page only and stopped, the items of its later pages never archived. The count
    says more follow while the page asked is below it: the endpoint is read to its last page, each page once, no page
    past it."""
    control = "<button class='load-more' data-url='/nieuws/meer?page=2'>Meer laden</button>"
    db, log = crawl_load_more(tmp_path, control, {
        **{f"/nieuws/meer?page={n}": ("application/json", json.dumps(COUNTED[shape](n)).encode())
           for n in range(2, LAST + 1)}})
    assert titles(db) == every_title()
    endpoints = sorted(p for p in log if p.startswith("/nieuws/meer"))
    assert endpoints == [f"/nieuws/meer?page={n}" for n in range(2, LAST + 1)]
    assert next(db.query("select status, error_count from crawls")) == {"status": "complete", "error_count": 0}


#: How a "meer laden" endpoint asked by the offset of its first item counts its items, with no next address and no
#: "more follow" flag (a theme's ``found_posts`` of WordPress's query, a search API's ``total``/``totalCount``).
TOTALS = {
    "total": lambda offset: {"items": items(offset // 2 + 1), "total": 2 * LAST},
    "found_posts": lambda offset: {"success": True, "data": {"posts": items(offset // 2 + 1),
                                                             "found_posts": 2 * LAST}},
    "totalCount": lambda offset: {"results": items(offset // 2 + 1), "meta": {"totalCount": 2 * LAST}},
}


@pytest.mark.parametrize("shape", sorted(TOTALS))
def test_a_meer_laden_endpoint_asked_by_offset_that_counts_its_items_is_read_to_its_end(tmp_path, shape):
    """§2.1 listing pages and paging ("load-more JSON"), Joomla's and a theme's ``?offset=``: an endpoint asked by
    the offset of its first item (``/nieuws/meer?offset=2``) answers its items with the count of all of them
    (``total: 6``) and no next address or "more follow" flag: the crawl read its first answer only. While the items
    read so far are fewer than the count, the next offset is asked: every item is archived, no offset past the end."""
    control = "<button class='load-more' data-url='/nieuws/meer?offset=2'>Meer laden</button>"
    db, log = crawl_load_more(tmp_path, control, {
        **{f"/nieuws/meer?offset={o}": ("application/json", json.dumps(TOTALS[shape](o)).encode())
           for o in range(2, 2 * LAST, 2)}})
    assert titles(db) == every_title()
    endpoints = sorted(p for p in log if p.startswith("/nieuws/meer"))
    assert endpoints == [f"/nieuws/meer?offset={o}" for o in range(2, 2 * LAST, 2)]
    assert next(db.query("select status, error_count from crawls")) == {"status": "complete", "error_count": 0}


def wp_posts(number: int) -> bytes:
    """Page ``number`` of WordPress's REST API ``/wp-json/wp/v2/posts``: a bare list of posts (``link``,
    ``title.rendered``, ``date``), as PHP's ``json_encode`` writes it."""
    return json.dumps([{"id": 10 * number + k, "date": "2026-11-30T10:00:00", "link": f"/nieuws/bericht-{number}-{k}",
                        "title": {"rendered": f"Inkoop jeugdhulp {number}-{k}"}} for k in range(2)]).replace(
        "/", "\\/").encode()


def wp_headers(number: int, how: str) -> dict:
    """The headers WordPress's REST API pages its answers by: its total (``X-WP-Total``, ``X-WP-TotalPages``) and an
    RFC 8288 ``Link`` to the next page while there is one; ``how`` the one a test keeps."""
    headers = {"X-WP-Total": str(2 * LAST), "X-WP-TotalPages": str(LAST)}
    if number < LAST:
        headers["Link"] = lambda base: (f'<{base}wp-json/wp/v2/posts?page={number - 1}>; rel="prev", '
                                        f'<{base}wp-json/wp/v2/posts?page={number + 1}>; rel="next"')
    return {k: v for k, v in headers.items() if k == how or (how == "X-WP-TotalPages" and k == "X-WP-Total")}


@pytest.mark.parametrize("how", ["Link", "X-WP-TotalPages"])
def test_a_meer_laden_endpoint_paged_by_its_http_headers_is_read_to_its_last_page(tmp_path, how):
    """§2.1 WordPress (and "load-more JSON"): a theme's "Meer laden" button asks WordPress's REST API
    (``/wp-json/wp/v2/posts?page=2``), which answers a bare list of posts and pages it in its HTTP headers: the next
    page by an RFC 8288 ``Link: <…?page=3>; rel="next"``, the count of pages by ``X-WP-TotalPages``. Nothing in the
    JSON names a next page: the crawl read the endpoint's first page only. The headers are read as the body's keys
    are: every post archived, each page asked once, none past the last."""
    control = "<button class='load-more' data-url='/wp-json/wp/v2/posts?page=2'>Meer laden</button>"
    db, log = crawl_load_more(tmp_path, control, {
        **{f"/wp-json/wp/v2/posts?page={n}": ("application/json; charset=UTF-8", wp_posts(n), 200,
                                              wp_headers(n, how)) for n in range(2, LAST + 1)}})
    assert titles(db) == every_title()
    endpoints = sorted(p for p in log if p.startswith("/wp-json"))
    assert endpoints == [f"/wp-json/wp/v2/posts?page={n}" for n in range(2, LAST + 1)]
    assert next(db.query("select status, error_count from crawls")) == {"status": "complete", "error_count": 0}


def test_a_meer_laden_endpoint_that_says_no_more_follow_is_its_last_page_whatever_it_counts(tmp_path):
    """A "Meer laden" endpoint that says no more items follow (``hasMore: false``) is the last page asked, though the
    count of pages it gives (``total_pages``, stale in a cache) or its headers (``X-WP-TotalPages``) would have more:
    the page after it is not asked."""
    control = "<button class='load-more' data-url='/nieuws/meer?page=2'>Meer laden</button>"
    answer = {"items": items(2), "page": 2, "total_pages": LAST, "hasMore": False}
    db, log = crawl_load_more(tmp_path, control, {
        "/nieuws/meer?page=2": ("application/json", json.dumps(answer).encode(), 200,
                                {"X-WP-TotalPages": str(LAST)}),
        "/nieuws/meer?page=3": ("application/json", json.dumps({"items": items(3)}).encode())})
    assert titles(db) == every_title((1, 2))
    assert sorted(p for p in log if p.startswith("/nieuws/meer")) == ["/nieuws/meer?page=2"]

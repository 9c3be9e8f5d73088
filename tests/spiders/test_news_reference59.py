"""The news spider, fifty-ninth pass against docs/reference/news-sites.md as an evaluator would test it: a listing's
"Meer laden" JSON endpoint numbered from 0 or naming its next page by number, and cookie walls whose buttons say only
"Ok" or "Accept all", on real loopback crawls of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with
``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

import json

import pytest

from tests.spiders.test_news_reference58 import LAST, crawl_load_more, every_title, items, titles


#: How a zero-based "meer laden" endpoint (Drupal's ``?page=0,1,2``, news-sites.md §2.1) counts its pages.
ZERO_BASED = {
    "total_pages": lambda n: {"posts": items(n + 1), "page": n, "total_pages": LAST},
    "strapi": lambda n: {"data": items(n + 1), "meta": {"pagination": {"page": n, "pageCount": LAST}}},
}


@pytest.mark.parametrize("shape", sorted(ZERO_BASED))
def test_a_zero_based_meer_laden_endpoint_is_read_to_its_last_page_and_no_further(tmp_path, shape):
    """§2.1 (Drupal: zero-based ``?page=``) and "load-more JSON": a listing's "Meer laden" endpoint numbered from 0
    (its button names ``?page=0``) answers its items with the count of its pages (``total_pages: 3``: pages 0, 1 and
    2). Its page 2 was read as below the count, so ``?page=3``, one past its end, was asked every crawl. The pages
    are counted from the 0 the endpoint was first asked with: each asked once, none past the last."""
    control = "<button class='load-more' data-url='/nieuws/meer?page=0'>Meer laden</button>"
    db, log = crawl_load_more(tmp_path, control, {
        **{f"/nieuws/meer?page={n}": ("application/json", json.dumps(ZERO_BASED[shape](n)).encode())
           for n in range(LAST)}})
    assert titles(db) == every_title()
    assert sorted(p for p in log if p.startswith("/nieuws/meer")) == [f"/nieuws/meer?page={n}" for n in range(LAST)]
    assert next(db.query("select status, error_count from crawls")) == {"status": "complete", "error_count": 0}


#: How a "meer laden" endpoint names its next page by its number, not its address (a paginator's ``"next": 3``, in
#: its object or its ``pagination``/``meta``; JSON written by PHP from a string: ``"3"``).
NEXT_NUMBER = {
    "next": lambda n: {"items": items(n), "next": n + 1 if n < LAST else None},
    "next as a string": lambda n: {"items": items(n), "next": str(n + 1) if n < LAST else ""},
    "pagination.next": lambda n: {"data": items(n), "pagination": {"current": n, "next": n + 1 if n < LAST else None}},
}


@pytest.mark.parametrize("shape", sorted(NEXT_NUMBER))
def test_a_meer_laden_endpoint_naming_its_next_page_by_number_is_read_to_its_last_page(tmp_path, shape):
    """§2.1 listing pages and paging ("load-more JSON"): a "Meer laden" endpoint answers ``"next": 3``, the number of
    its next page, not its address (``null`` on its last page): an address was looked for there, none found, and the
    crawl read the endpoint's first page only, the items of its later pages never archived. The number is its next
    page: every item archived, each page asked once, none past the last."""
    control = "<button class='load-more' data-url='/nieuws/meer?page=2'>Meer laden</button>"
    db, log = crawl_load_more(tmp_path, control, {
        **{f"/nieuws/meer?page={n}": ("application/json", json.dumps(NEXT_NUMBER[shape](n)).encode())
           for n in range(2, LAST + 1)}})
    assert titles(db) == every_title()
    assert sorted(p for p in log if p.startswith("/nieuws/meer")) == [f"/nieuws/meer?page={n}" for n in range(2, LAST + 1)]
    assert next(db.query("select status, error_count from crawls")) == {"status": "complete", "error_count": 0}


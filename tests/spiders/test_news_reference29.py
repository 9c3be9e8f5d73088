"""The news spider, twenty-ninth pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive
crawl news`` into a real archive. This pass: OpenPub items dated by a Unix timestamp; a listing paged by a bare number in its path."""

from __future__ import annotations

import urllib.parse

from tests.spiders.test_news_reference import ARTICLE, ROBOTS, assert_three_decisions_archived
from tests.spiders.test_news_reference17 import OPENPUB, openpub_item
from tests.spiders.test_news_reference28 import crawl_openpub, openpub_answer

#: 2021-10-14 14:05:00 UTC, 16:05 in Amsterdam
OCT_14_1605 = 1634220300
#: 2021-10-15 22:30:00 UTC: 16 October, 00:30 in Amsterdam (the Dutch day, not UTC's)
OCT_16_0030 = 1634337000


def test_an_openpub_item_dated_by_a_unix_timestamp_is_archived_with_that_date(tmp_path):
    """§2.1 OpenPub ``items`` on WordPress: a site's filter (or a proxy's serialiser) that gives an item's ``date``
    as PHP's ``get_post_timestamp()``, a Unix timestamp (a number, or its digits as a string; in milliseconds
    where a JavaScript layer wrote it), or as PHP's ``DateTime`` object (``{"date": "…", "timezone": "…"}``), had
    the item archived undated: its date was read as no date at all, and a ``--from-date`` window could not judge it.
    The timestamp is the moment it names, on Amsterdam's day; the object its date in its zone."""
    items = [openpub_item(41, "2021-10-14"), openpub_item(42, "2021-10-16"), openpub_item(43, "2021-10-14"),
             openpub_item(44, "2021-10-14"), openpub_item(45, "2021-10-14")]
    items[0]["date"] = OCT_14_1605
    items[1]["date"] = OCT_16_0030
    items[2]["date"] = str(OCT_14_1605)
    items[3]["date"] = OCT_14_1605 * 1000
    items[4]["date"] = {"date": "2021-10-15 23:30:00.000000", "timezone_type": 3, "timezone": "Europe/Amsterdam"}
    db = crawl_openpub(tmp_path, {f"{OPENPUB}?page=1": openpub_answer(items)})
    published = {urllib.parse.urlsplit(r["url"]).path: r["published"] for r in db["articles"].rows}
    assert {path: (day or "")[:10] for path, day in published.items()} == {
        f"{OPENPUB}/41": "2021-10-14", f"{OPENPUB}/42": "2021-10-16", f"{OPENPUB}/43": "2021-10-14",
        f"{OPENPUB}/44": "2021-10-14", f"{OPENPUB}/45": "2021-10-15"}
    assert next(db.query("select status, error_count from crawls")) == {"status": "complete", "error_count": 0}


def test_a_from_date_crawl_skips_openpub_items_and_pages_whose_timestamps_are_before_the_window(tmp_path):
    """§2.3 ``--from-date`` over OpenPub ``items`` (newest first, paged with ``page``): items dated by Unix
    timestamps before the window were read as undated, so every one of them was archived (an undated page passes a
    window) and every later page was asked, up to ``NEWS_OPENPUB_MAX_PAGES``. Dated by their timestamps, they are
    outside the window: none is archived, and the pages after the first one wholly before it are not asked."""
    routes, log = {}, []
    for page in (1, 2, 3):
        items = [openpub_item(50 + 3 * page + k, "2021-10-14") for k in (0, 1, 2)]
        for k, item in enumerate(items):
            item["date"] = OCT_16_0030 - 86400 * (3 * page + k)
        routes[f"{OPENPUB}?page={page}"] = openpub_answer(items, page, pages=3)
    db = crawl_openpub(tmp_path, routes, "--from-date", "2021-10-16", log=log)
    assert list(db["articles"].rows) == []
    assert [path for path in log if path.startswith(OPENPUB)] == [f"{OPENPUB}?page=1"]
    assert next(db.query("select status, error_count from crawls")) == {"status": "complete", "error_count": 0}


def test_a_listing_paged_by_a_bare_number_in_its_path_is_read_to_its_last_page(tmp_path):
    """§2.1 listings and their pagers: a listing whose pager numbers its pages as a bare path segment
    (``/nieuws/2``, ``/nieuws/3`` in a ``nav.pagination``: a Laravel or custom CMS's route, as WordPress writes
    ``/nieuws/page/2/``) was read on its first page only: the pager's links were no pages of it, and no ``rel="next"``
    stood beside them. They are pages of the listing; an entry under ``/nieuws/<number>`` linked under its
    title is an entry, not a page."""
    slugs = ["inkoop-jeugdhulp", "gunning-jeugdhulp", "verlenging-jeugdhulp"]

    def listing(n: int) -> tuple[str, bytes]:
        pager = "".join(f"<li><a href='/nieuws/{k}'>{k}</a></li>" for k in (1, 2, 3))
        return ("text/html; charset=utf-8", (
            "<!doctype html><html><head><meta name='tenderarchive-fixture' content='synthetic'></head><body><main>"
            f"<article><h2><a href='/nieuws/{slugs[n - 1]}'>Besluit {slugs[n - 1]}</a></h2></article>"
            f"<nav class='pagination' aria-label='Paginering'><ul>{pager}</ul></nav></main></body></html>").encode())

    log: list[str] = []
    page = lambda title: ("text/html; charset=utf-8", ARTICLE.format(title=title, extra="Besluit.").encode())  # noqa: E731
    routes = {"/robots.txt": ROBOTS, "/nieuws": listing(1), **{f"/nieuws/{n}": listing(n) for n in (1, 2, 3)},
              **{f"/nieuws/{slug}": page("Besluit " + slug.replace("-", " ")) for slug in slugs}}
    assert_three_decisions_archived(tmp_path, routes, log, allow=["^/nieuws/"],
                                    discovery={"listing": {"urls": ["nieuws"], "max_pages": 5}})
    assert {"/nieuws/2", "/nieuws/3"} <= set(log)

"""The news spider, sixty-first pass against docs/reference/news-sites.md as an evaluator would test it: a consent
banner inside a site's configured body, an article paragraph that links the cookie policy, a "Meer laden" button
naming ``?page=1`` from the listing's unnumbered first page, and a JSON listing naming its next page by number on an
address with no page number, on real loopback crawls of SYNTHETIC pages (labelled like tests/fixtures/news), crawled
with ``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

import json

import pytest
import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry, serve
from tests.spiders.test_news_reference5 import undated_page
from tests.spiders.test_news_reference58 import (LAST, crawl_load_more, every_title, items, titles, wp_headers,
                                                 wp_posts)
from tests.spiders.test_news_reference59 import ZERO_BASED
from tests.spiders.test_news_reference60 import ARTICLE, BANNERS, crawl_site, page


def crawl_article(tmp_path, main: str, **site) -> list[dict]:
    """Crawl a SYNTHETIC site whose listing names one article of ``main`` (its ``<main>``): its archived rows."""
    from tests.spiders.test_news_reference6 import listing_of

    article = ("text/html; charset=utf-8", page("Inkoop jeugdhulp gestart", main))
    return crawl_site(tmp_path, {"/nieuws": listing_of("/nieuws/inkoop"), "/nieuws/inkoop": article}, **site)


def assert_only_the_article(rows: list[dict], absent: tuple[str, ...] = (), kept: tuple[str, ...] = (),
                            title: str | None = "Inkoop jeugdhulp gestart") -> str:
    """The three checks of a crawled :data:`ARTICLE` (``rows``: the archive's rows): one article, titled ``title``
    (None: not checked), its sentences kept (and ``kept``), none of the ``absent`` words (a banner's, compared
    case-insensitively) in its text; its text."""
    if title is not None:
        assert [r["title"] for r in rows] == [title]
    text = rows[0]["text"]
    for sentence in ("Aanbieders kunnen zich tot 6 juli inschrijven via TenderNed.", *kept):
        assert sentence in text
    for word in absent:
        assert word.casefold() not in text.casefold(), word
    return text


@pytest.mark.parametrize("banner", sorted(BANNERS))
def test_a_consent_banner_inside_the_configured_body_is_not_archived_as_the_article(tmp_path, banner):
    """§2.4's cookie boilerplate: a site whose registry entry names its article's body (``selectors.body``), the
    consent banner sitting inside that body (a CMS's template puts it in the content column). Round 60 dropped banners
    by their shape only where trafilatura read the page: the configured body's text was archived with "We use
    cookies…", "Accept all". The banner leaves the configured body's text too; the article's sentences stay."""
    main = f"<div class='inhoud'>{ARTICLE}{BANNERS[banner]}</div>"
    rows = crawl_article(tmp_path, main, selectors={"body": "div.inhoud"})
    assert_only_the_article(rows, absent=("cookie", "accept"), kept=("starten op 2 juni 2025 de inkoop van jeugdhulp",))


#: SYNTHETIC paragraphs of an article's own that link the site's cookie policy and privacy statement (no control
#: giving or refusing consent: a link named after a policy is no consent button).
POLICY_PARAGRAPHS = {
    "cookiebeleid": "<p>Wij gebruiken analytische cookies voor statistieken over deze inkoop; zie ons "
                    "<a href='/cookiebeleid'>Cookiebeleid</a> en de <a href='/privacy'>Privacyverklaring</a>.</p>",
    "cookie-instellingen": "<p>Toestemming voor cookies en privacy: <a href='/cookies'>Cookie-instellingen</a></p>",
}


@pytest.mark.parametrize("selectors", [None, {"body": "div.inhoud"}], ids=["trafilatura", "selector"])
@pytest.mark.parametrize("paragraph", sorted(POLICY_PARAGRAPHS))
def test_an_article_paragraph_linking_the_cookie_policy_is_kept(tmp_path, paragraph, selectors):
    """The guard of the banner rule: an article's own paragraph that speaks of cookies and links the cookie policy
    ("Cookiebeleid", "Privacyverklaring", "Cookie-instellingen": a link's words the consent controls' pattern took for
    a button) is no banner (a banner gives or refuses consent with a control of its own): it is archived, in the
    configured body and where trafilatura reads the page."""
    main = f"<div class='inhoud'>{ARTICLE}{POLICY_PARAGRAPHS[paragraph]}</div>"
    rows = crawl_article(tmp_path, main, **({"selectors": selectors} if selectors else {}))
    words = " ".join(POLICY_PARAGRAPHS[paragraph].split("<a")[0].removeprefix("<p>").split()[:4])
    assert_only_the_article(rows, kept=(words,))


@pytest.mark.parametrize("shape", sorted(ZERO_BASED))
def test_a_meer_laden_button_naming_page_1_from_the_first_page_is_read_to_its_last_page_and_no_further(
        tmp_path, shape):
    """§2.1 listing pages and paging ("load-more JSON"), zero-based: a listing's unnumbered first page (its page 0)
    has a "Meer laden" button naming ``?page=1``, the endpoint counting its pages (``total_pages: 3``: pages 0, 1 and
    2) on a site not registered as Drupal. Only an endpoint first asked with ``?page=0`` was read as numbered from 0:
    ``?page=3``, one past its end, was asked every crawl. A button naming page 1 from page 0 numbers from 0: pages 1
    and 2 are asked, none past the last."""
    control = "<button class='load-more' data-url='/nieuws/meer?page=1'>Meer laden</button>"
    db, log = crawl_load_more(tmp_path, control, {
        f"/nieuws/meer?page={n}": ("application/json", json.dumps(ZERO_BASED[shape](n)).encode())
        for n in range(1, LAST)})
    assert titles(db) == every_title()
    assert sorted(p for p in log if p.startswith("/nieuws/meer")) == [f"/nieuws/meer?page={n}" for n in range(1, LAST)]
    assert next(db.query("select status, error_count from crawls")) == {"status": "complete", "error_count": 0}


def crawl_json_listing(tmp_path, path: str, answer) -> tuple[sqlite_utils.Database, list[str]]:
    """Crawl a SYNTHETIC site whose registry's listing is a JSON endpoint at ``path``, its first page asked with no page
    number, its page ``n`` answered ``answer(n)`` (a route) at ``?page=n`` (n from 2), beside the articles of every
    page; the archive and the paths of the endpoint asked."""
    log: list[str] = []
    routes = {"/robots.txt": ROBOTS, path: answer(1), **{f"{path}?page={n}": answer(n) for n in range(2, LAST + 1)},
              **{f"/nieuws/bericht-{n}-{k}": undated_page(f"Inkoop jeugdhulp {n}-{k}")
                 for n in range(1, LAST + 1) for k in range(2)}}
    with serve(routes, log) as base:
        crawl = crawl_news(registry(tmp_path, base_url=base, allow=[r"^/nieuws/bericht"],
                                    discovery={"listing": {"urls": [path.lstrip("/")], "max_pages": 10}}),
                           tmp_path / "archive.db")
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    return sqlite_utils.Database(tmp_path / "archive.db"), [p for p in log if p.startswith(path)]


#: A JSON listing naming its next page by number (``"next": 2``, in its ``pagination``), its first page asked with no
#: page number.
UNNUMBERED_NEXT = {
    "next": lambda n: {"items": items(n), "next": n + 1 if n < LAST else None},
    "pagination.next": lambda n: {"data": items(n), "pagination": {"current": n, "next": n + 1 if n < LAST else None}},
}


@pytest.mark.parametrize("shape", sorted(UNNUMBERED_NEXT))
def test_a_json_listing_without_a_page_number_naming_its_next_page_by_number_is_read_to_its_end(tmp_path, shape):
    """§2.1 listing pages ("load-more JSON"): a registry's listing that answers JSON at an address with no page
    number (``/nieuws/api``), naming its next page by number (``"next": 2``). The number was read only where the
    address had a page parameter to set: the listing's first page alone was read. Its next page is asked with
    ``?page=2``, and so on to the last (``"next": null``), each once."""
    db, asked = crawl_json_listing(tmp_path, "/nieuws/api", lambda n: (
        "application/json", json.dumps(UNNUMBERED_NEXT[shape](n)).encode()))
    assert titles(db) == every_title()
    assert sorted(asked) == ["/nieuws/api", *(f"/nieuws/api?page={n}" for n in range(2, LAST + 1))]
    assert next(db.query("select status, error_count from crawls")) == {"status": "complete", "error_count": 0}


#: A JSON listing that says more follow (``hasMore``) or counts its pages (``total_pages``; WordPress's REST API in its
#: ``X-WP-TotalPages`` header, news-sites.md §2.1 WordPress), its first page asked with no page number.
UNNUMBERED_MORE = {
    "hasMore": lambda n: ("application/json", json.dumps({"items": items(n), "hasMore": n < LAST}).encode()),
    "total_pages": lambda n: ("application/json", json.dumps({"posts": items(n), "total_pages": LAST}).encode()),
    "X-WP-TotalPages": lambda n: ("application/json; charset=UTF-8", wp_posts(n), 200,
                                  wp_headers(n, "X-WP-TotalPages")),
}


@pytest.mark.parametrize("shape", sorted(UNNUMBERED_MORE))
def test_a_json_listing_without_a_page_number_that_says_more_follow_is_read_to_its_end(tmp_path, shape):
    """§2.1 WordPress (``/wp-json/wp/v2/posts``) and listing pages: a registry's listing that answers JSON at an
    address with no page number, saying more follow (``hasMore: true``) or counting its pages (``total_pages: 3``,
    ``X-WP-TotalPages: 3``), names no next address. Only an address with a page number was counted on: the first
    page alone was read. Asked with none, it is page 1: ``?page=2`` and ``?page=3`` follow, none past the last."""
    db, asked = crawl_json_listing(tmp_path, "/wp-json/wp/v2/posts", UNNUMBERED_MORE[shape])
    assert titles(db) == every_title()
    assert sorted(asked) == ["/wp-json/wp/v2/posts", *(f"/wp-json/wp/v2/posts?page={n}" for n in range(2, LAST + 1))]
    assert next(db.query("select status, error_count from crawls")) == {"status": "complete", "error_count": 0}


@pytest.mark.parametrize("marks", [1, 2], ids=["one BOM", "two BOMs"])
def test_a_meer_laden_endpoint_answering_json_behind_a_byte_order_mark_as_html_is_read(tmp_path, marks):
    """§2.4 (an encoding damaged upstream) and "load-more JSON": a "Meer laden" endpoint written in PHP answers its
    JSON as ``text/html`` (PHP's default type) behind UTF-8 byte-order marks (one per included file saved with one).
    Not opening with ``{``, it was read as an HTML page, its items and next page lost. The marks are no part of the
    JSON: the endpoint is read to its last page."""
    control = "<button class='load-more' data-url='/nieuws/meer?page=2'>Meer laden</button>"
    db, log = crawl_load_more(tmp_path, control, {
        f"/nieuws/meer?page={n}": ("text/html; charset=UTF-8", b"\xef\xbb\xbf" * marks + json.dumps(
            {"items": items(n), "hasMore": n < LAST}).encode()) for n in range(2, LAST + 1)})
    assert titles(db) == every_title()
    asked = sorted(p for p in log if p.startswith("/nieuws/meer"))
    assert asked == [f"/nieuws/meer?page={n}" for n in range(2, LAST + 1)]
    assert next(db.query("select status, error_count from crawls")) == {"status": "complete", "error_count": 0}

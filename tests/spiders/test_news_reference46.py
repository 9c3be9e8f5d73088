"""The news spider, forty-sixth pass against docs/reference/news-sites.md as an evaluator would test it: relative URLs
on pages that set their own base URL. Older TYPO3 sites (§2.1) write ``<base href="https://www.gemeente.nl/">``
(``config.baseURL``) in every page's head and every link relative to the site's root (``actueel/nieuws/detail/…``):
a browser, and Scrapy's ``response.urljoin``, resolve such a link against that base, not against the page's own
address. A loopback site of SYNTHETIC pages (labelled like tests/fixtures/news) around real texts, crawled with
``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry, serve
from tests.spiders.test_news_reference42 import PAGES as REAL

#: A real text (verbatim, with its address, tests/spiders/test_news_reference42.py) split over the two pages of an item.
SLUG = "zeeuwse-gemeenten-zetten-mes-in-jeugdzorgaanbieders"
TITLE, _, TEXT, _ = REAL[f"/nieuws/{SLUG}"]
FIRST, SECOND = TEXT.split(". ", 1)
#: The item's path, and the same path written relative to the site's root as the base-URL template writes it.
ITEM = f"/actueel/nieuws/detail/{SLUG}"


def typo3(title: str, body: str, head: str = ""):
    """A page of the site as its template writes it: ``<base href>`` the site's root, given the loopback base URL."""
    return lambda base: ("text/html; charset=utf-8", (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="tenderarchive-fixture" '
        f'content="synthetic"><base href="{base}"><title>{title}</title>{head}</head><body>{body}</body></html>'
    ).encode())


def site(feed: bool = False) -> dict:
    """The news overview ``/actueel/nieuws`` (naming its RSS feed when ``feed``), its item on two pages (the item's
    canonical URL and its pager relative to the base), and the feed listing the item."""
    routes = {"/robots.txt": ROBOTS}
    routes["/actueel/nieuws"] = typo3(
        "Nieuws", f'<main><ul class="news-list"><li><a href="{ITEM[1:]}">{TITLE}</a></li></ul></main>',
        '<link rel="alternate" type="application/rss+xml" title="Nieuws" href="actueel/nieuws/rss.xml">' if feed else "")
    pager = f'<ul class="pagination"><li>1</li><li><a href="{ITEM[1:]}?page=2">2</a></li></ul>'
    routes[ITEM] = typo3(TITLE, f"<main><article><h1>{TITLE}</h1><p>{FIRST}.</p>{pager}</article></main>",
                         f'<link rel="canonical" href="{ITEM[1:]}">')
    routes[f"{ITEM}?page=2"] = typo3(TITLE, f"<main><article><h1>{TITLE}</h1><p>{SECOND}</p></article></main>",
                                     f'<link rel="canonical" href="{ITEM[1:]}?page=2">')
    routes["/actueel/nieuws/rss.xml"] = lambda base: ("application/rss+xml; charset=utf-8", (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Nieuws (synthetic)</title>'
        f"<link>{base}actueel/nieuws</link><item><title>{TITLE}</title><link>{base}{ITEM[1:]}</link>"
        "<pubDate>Mon, 16 Dec 2019 09:00:00 +0100</pubDate></item></channel></rss>").encode())
    return routes


def archived(archive) -> list[dict]:
    return list(sqlite_utils.Database(archive)["articles"].rows)


def test_an_item_on_a_page_with_a_base_url_is_archived_at_its_address_with_all_its_pages(tmp_path):
    """The item's relative canonical URL and its pager's link to its second page are read against the page's
    ``<base href>``: the item is archived under its own address (not ``/actueel/nieuws/detail/actueel/nieuws/…``,
    an address the site never had) with the text of both its pages; the next crawl finds it archived."""
    archive, asked = tmp_path / "archive.db", []
    with serve(site(), asked) as base:
        sources = registry(tmp_path, base_url=base, allow=["^/actueel/nieuws/detail/"], discovery={
            "listing": {"urls": ["actueel/nieuws"]}})
        done = crawl_news(sources, archive)
        assert done.returncode == 0, done.stderr[-3000:]
        [article] = archived(archive)
        again = crawl_news(sources, archive)
    assert again.returncode == 0, again.stderr[-3000:]
    assert article["url"] == base.rstrip("/") + ITEM
    assert FIRST in article["text"] and SECOND in article["text"]
    assert f"{ITEM}?page=2" in asked
    assert not [path for path in asked if path.count("/actueel/") > 1]
    assert archived(archive) == [article] and sqlite_utils.Database(archive)["versions"].count == 0


def test_a_feed_a_news_page_with_a_base_url_names_is_read_at_its_address(tmp_path):
    """The registry gives the news overview as the site's feed; the page names its RSS feed (autodiscovery) by a
    link relative to its ``<base href>``: the feed is read there and its item archived."""
    archive, asked = tmp_path / "archive.db", []
    with serve(site(feed=True), asked) as base:
        done = crawl_news(registry(tmp_path, base_url=base, allow=["^/actueel/nieuws/detail/"], discovery={
            "feeds": ["actueel/nieuws"]}), archive)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "/actueel/nieuws/rss.xml" in asked
    assert [a["url"] for a in archived(archive)] == [base.rstrip("/") + ITEM]

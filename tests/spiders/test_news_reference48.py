"""The news spider, forty-eighth pass against docs/reference/news-sites.md as an evaluator would test it: one host's
feed and sitemap read by two registry entries (§1 [S0], a "Leidse Regio" item on the gemeente Leiderdorp site; §2.1,
WordPress's RSS at ``/feed/`` and its sitemap named in robots.txt); an iprox item split over pages with its
``?pager_page=N`` (§2.1). Loopback sites of SYNTHETIC pages (labelled like
tests/fixtures/news) around real texts, crawled with ``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

import pytest

from tests.spiders.test_news_reference47 import SHARED, SLUG, TITLE, crawl_split_item, crawl_two_entries

#: The municipality's item and the region's item under ``/regio/`` (tests/spiders/test_news_reference47.py).
ITEMS = {f"/regio/{SLUG}": TITLE, "/nieuws/raad": "Raad vergadert"}


def feed(base: str):
    return ("application/rss+xml; charset=utf-8", (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Nieuws (synthetic)</title>'
        + "".join(f"<item><title>{title}</title><link>{base}{path.lstrip('/')}</link>"
                  "<pubDate>Mon, 16 Dec 2019 09:00:00 +0100</pubDate></item>" for path, title in ITEMS.items())
        + "</channel></rss>").encode())


def sitemap(base: str):
    return ("application/xml", (
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(f"<url><loc>{base}{path.lstrip('/')}</loc><lastmod>2019-12-16</lastmod></url>" for path in ITEMS)
        + "</urlset>").encode())


def robots(base: str):
    return ("text/plain", f"User-agent: *\nAllow: /\nSitemap: {base}sitemap.xml\n".encode())


ROUTES = {**SHARED, "/robots.txt": robots, "/feed/": feed, "/sitemap.xml": sitemap}


@pytest.mark.parametrize("region_first", [False, True], ids=["municipality first", "region first"])
@pytest.mark.parametrize("discovery", [{"feeds": ["feed/"]}, {"robots_sitemaps": True}, {"sitemaps": ["sitemap.xml"]}],
                         ids=["feed", "robots.txt's sitemap", "sitemap"])
def test_a_page_of_a_feed_or_sitemap_two_entries_read_goes_to_the_entry_whose_address_serves_it(
        tmp_path, region_first, discovery):
    """Two registry entries read one host's feed, its robots.txt's sitemap or one sitemap: the municipality's (its
    base the site's root, every page its own) and its region's (its base ``/regio/``, its pages under it). The
    region's item goes to the region's entry, the municipality's to the municipality's, in either order of the
    registry and of the answers, as a listing's do (``NewsSpider.listing_owner``)."""
    # the addresses at the host's root, written in full (a relative one resolves under /regio/)
    sites = crawl_two_entries(tmp_path, ROUTES, lambda base: {
        key: [base + u for u in value] if isinstance(value, list) else value for key, value in discovery.items()},
        region_first)
    assert sites == {f"/regio/{SLUG}": "regio", "/nieuws/raad": "gemeente"}


def test_an_iprox_item_split_over_pages_with_pager_page_is_archived_whole(tmp_path):
    """iprox numbers pages with ``?pager_page=N`` (§2.1, "What a scraper can rely on: ... ``pager_page``
    pagination"): an item whose text goes on at ``?pager_page=2`` is archived with the text of both pages, without
    its pager's words (tests/spiders/test_news_reference47.py's item, a real text, body ``div.iprox-rich-content``)."""
    article = crawl_split_item(tmp_path, "pager_page", neighbours=False, cms="iprox")
    assert "Pagina 1 van 2" not in article["text"] and "Volgende" not in article["text"]

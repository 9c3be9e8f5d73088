"""The news spider, forty-eighth pass against docs/reference/news-sites.md as an evaluator would test it: one host's
feed and sitemap read by two registry entries (§1 [S0], a "Leidse Regio" item on the gemeente Leiderdorp site; §2.1,
WordPress's RSS at ``/feed/`` and its sitemap named in robots.txt); an iprox item split over pages with its
``?pager_page=N`` (§2.1). Loopback sites of SYNTHETIC pages (labelled like
tests/fixtures/news) around real texts, crawled with ``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import sqlite_utils
import yaml

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import serve
from tests.spiders.test_news_reference47 import SHARED, SLUG, TITLE

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
    with serve(ROUTES) as base:
        entries = [{"name": "gemeente", "title": "Gemeente (synthetic)", "base_url": base,
                    "municipalities": ["Leiderdorp"], "allow": ["^/"]},
                   {"name": "regio", "title": "Regio (synthetic)", "base_url": base + "regio/",
                    "municipalities": ["Leiden", "Leiderdorp", "Oegstgeest", "Zoeterwoude"], "allow": ["^/"]}]
        for entry in entries:
            # the addresses at the host's root, written in full (a relative one resolves under /regio/)
            entry.update(discovery={key: [base + u for u in value] if isinstance(value, list) else value
                                    for key, value in discovery.items()},
                         politeness={"download_delay": 0, "concurrency": 4})
        path = tmp_path / "sources.yaml"
        path.write_text(yaml.safe_dump({"version": 1, "sites": entries[::-1] if region_first else entries},
                                       allow_unicode=True), encoding="utf-8")
        done = crawl_news(str(path), tmp_path / "archive.db")
    assert done.returncode == 0, done.stderr[-3000:]
    rows = sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows
    sites = {urlsplit(r["url"]).path: r["site"] for r in rows}
    assert sites == {f"/regio/{SLUG}": "regio", "/nieuws/raad": "gemeente"}


#: An iprox item (news-sites.md §2.1: body ``div.iprox-rich-content``, pages numbered with ``pager_page``) split over
#: two pages (tests/spiders/test_news_reference47.py's item, a real text).
ITEM = f"/actueel/nieuws/{SLUG}"


def test_an_iprox_item_split_over_pages_with_pager_page_is_archived_whole(tmp_path):
    """iprox numbers pages with ``?pager_page=N`` (§2.1, "What a scraper can rely on: ... ``pager_page``
    pagination"): an item whose text goes on at ``?pager_page=2`` is archived with the text of both pages, without
    its pager's words."""
    from tests.spiders.test_news_reference import ROBOTS, registry
    from tests.spiders.test_news_reference47 import FIRST, SECOND, iprox

    def pager(page: int) -> str:
        other = 2 if page == 1 else 1
        return (f'<div class="paginering"><p>Pagina {page} van 2</p><a href="{ITEM}?pager_page={other}">{other}</a> '
                f'<a href="{ITEM}?pager_page={other}">{"Volgende" if page == 1 else "Vorige"}</a></div>')

    routes = {"/robots.txt": ROBOTS,
              "/actueel/nieuws": ("text/html; charset=utf-8", (
                  '<!doctype html><html><head><meta name="tenderarchive-fixture" content="synthetic"></head><body>'
                  f'<div id="results"><div class="grid-element"><a class="siteLink" href="{ITEM}">{TITLE}</a></div>'
                  '</div></body></html>').encode()),
              ITEM: iprox(TITLE, f"<p>{FIRST}.</p>{pager(1)}"),
              f"{ITEM}?pager_page=2": iprox(TITLE, f"<p>{SECOND}</p>{pager(2)}")}
    asked: list[str] = []
    with serve(routes, asked) as base:
        done = crawl_news(registry(tmp_path, base_url=base, cms="iprox", allow=[f"^{ITEM}$"], discovery={
            "listing": {"urls": ["actueel/nieuws"]}}, selectors={"body": ".iprox-rich-content"}),
            tmp_path / "archive.db")
    assert done.returncode == 0, done.stderr[-3000:]
    [article] = sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows
    assert f"{ITEM}?pager_page=2" in asked
    assert FIRST in article["text"] and SECOND in article["text"]
    assert "Pagina 1 van 2" not in article["text"] and "Volgende" not in article["text"]

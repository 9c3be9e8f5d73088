"""News and project pages of municipal and regional youth-care sites.

Driven by the source registry (``tenderarchive/sources.yaml``; another file with
``-a sources=FILE`` or the setting ``NEWS_SOURCES``). Living pages are re-checked
when the archived copy is older than ``NEWS_LIVING_RECHECK_HOURS``, a slower cycle
than news. For every enabled site it
discovers article URLs through the configured methods:

- ``feeds``: RSS ``<item><link>`` and Atom ``<entry><link href>``;
- ``sitemaps`` and ``robots_sitemaps`` (the ``Sitemap:`` lines of robots.txt):
  Scrapy's own sitemap parser, sitemap indexes followed, ``<lastmod>`` kept;
- ``listing`` pages: links on the page that the site's allow/deny rules accept,
  and the next page through the ``next`` selector, at most ``max_pages`` pages;
- ``living_pages``: project or FAQ pages updated in place, fetched every crawl.

It obeys robots.txt and is polite per site (each site gets its own download slot
with the registry's ``politeness`` delay and concurrency). Article URLs already in
the archive are not fetched again unless a sitemap ``lastmod`` says they changed
since; living pages are always re-checked (the archive pipeline writes them only
when their content changed). ``from_date``/``until_date`` filter on the sitemap or
feed date before fetching and on the page's own date after; pages without a date
are kept. ``sample=N`` stops after N pages.

The spider yields raw HTML (``ArticleItem``); extraction and analysis are pipelines.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import scrapy
from lxml import etree
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots

from spiders.base import BaseSpider
from tenderarchive.arguments import SpiderArgumentError
from tenderarchive.items import ArticleItem
from tenderarchive.sources import SourceRegistryError, load_sources


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


class NewsSpider(BaseSpider):
    name = "news"
    default_window_days = None  # no lower date bound unless asked for
    custom_settings = {"ROBOTSTXT_OBEY": True, "DOWNLOAD_DELAY": 1.0, "CONCURRENT_REQUESTS_PER_DOMAIN": 1}

    def __init__(self, *args, sources=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.sources_path = sources
        self.pages = 0
        self.requested: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        path = spider.sources_path or crawler.settings.get("NEWS_SOURCES")
        try:
            spider.sites = [s for s in load_sources(path) if s.enabled]
        except (SourceRegistryError, OSError) as exc:
            raise SpiderArgumentError("sources", str(exc)) from None
        spider.source_description = path or "tenderarchive/sources.yaml"
        from tenderarchive.sources import SHIPPED_REGISTRY
        spider.registry_text = (Path(path) if path else SHIPPED_REGISTRY).read_text(encoding="utf-8")
        slots = dict(crawler.settings.getdict("DOWNLOAD_SLOTS"))
        for site in spider.sites:
            politeness = dict(site.politeness)
            slot = {}
            if "download_delay" in politeness:
                slot["delay"] = float(politeness["download_delay"])
            if "concurrency" in politeness:
                slot["concurrency"] = int(politeness["concurrency"])
            if slot:
                slots[site.host] = slot
        crawler.settings.set("DOWNLOAD_SLOTS", slots, priority="spider")
        spider.known = {}
        hours = crawler.settings.getfloat("NEWS_LIVING_RECHECK_HOURS")
        spider.living_recheck_after = (datetime.now(timezone.utc) - timedelta(hours=hours)).isoformat(timespec="seconds")
        return spider

    def use_archive_state(self, state: dict) -> None:
        """``{url: fetched_at}`` of the archived pages, from the ``CrawlState`` extension."""
        self.known = state["known_articles"]

    def crawl_arguments(self) -> dict:
        return {**super().crawl_arguments(), "sources": self.source_description,
                "sites": [s.name for s in self.sites]}

    # --- discovery -------------------------------------------------------------------
    async def start(self):
        for site in self.sites:
            meta = {"site": site}
            for url in site.living_pages:
                request = self.page_request(site, url, "living_page", living=True)
                if request:
                    yield request
            for url in site.discovery.feeds:
                yield scrapy.Request(url, self.parse_feed, errback=self.errback, meta=meta)
            for url in site.discovery.sitemaps:
                yield scrapy.Request(url, self.parse_sitemap, errback=self.errback, meta=meta)
            if site.discovery.robots_sitemaps:
                yield scrapy.Request(site.robots_url, self.parse_robots, errback=self.errback, meta=meta)
            if site.discovery.listing:
                for url in site.discovery.listing.urls:
                    yield scrapy.Request(url, self.parse_listing, errback=self.errback,
                                         meta={**meta, "listing_page": 1})

    def parse_robots(self, response):
        site = response.meta["site"]
        for url in sitemap_urls_from_robots(response.body, base_url=response.url):
            yield scrapy.Request(url, self.parse_sitemap, errback=self.errback, meta={"site": site})

    def parse_sitemap(self, response):
        site = response.meta["site"]
        try:
            sitemap = Sitemap(response.body)
        except Exception as exc:  # lxml raises several types on broken XML
            self.record_error(response.url, f"malformed sitemap: {exc}")
            return
        for entry in sitemap:
            url = entry.get("loc")
            if not url:
                continue
            if sitemap.type == "sitemapindex":
                yield scrapy.Request(url, self.parse_sitemap, errback=self.errback, meta={"site": site})
            else:
                request = self.page_request(site, url, "sitemap", lastmod=entry.get("lastmod"))
                if request:
                    yield request

    def parse_feed(self, response):
        site = response.meta["site"]
        try:
            root = etree.fromstring(response.body, parser=etree.XMLParser(recover=False, resolve_entities=False))
        except etree.XMLSyntaxError as exc:
            self.record_error(response.url, f"malformed feed: {exc}")
            return
        atom = "{http://www.w3.org/2005/Atom}"
        for item in root.iter("item", f"{atom}entry"):
            link = item.findtext("link") or next(
                (l.get("href") for l in item.iter(f"{atom}link") if l.get("rel", "alternate") == "alternate"), None)
            when = item.findtext("pubDate") or item.findtext(f"{atom}updated") or item.findtext(f"{atom}published")
            if link:
                request = self.page_request(site, response.urljoin(link.strip()), "feed", lastmod=when)
                if request:
                    yield request

    def parse_listing(self, response):
        site = response.meta["site"]
        for href in response.css("a::attr(href)").getall():
            request = self.page_request(site, response.urljoin(href), "listing")
            if request:
                yield request
        listing = site.discovery.listing
        page = response.meta["listing_page"]
        if listing.next and page < listing.max_pages:
            rule = listing.next.strip()
            nodes = response.xpath(rule) if rule.startswith(("/", "./", "(")) else response.css(rule)
            next_href = nodes.xpath("@href").get() or (nodes.get() if nodes and "@href" in rule else None)
            if next_href:
                yield scrapy.Request(response.urljoin(next_href), self.parse_listing, errback=self.errback,
                                     meta={"site": site, "listing_page": page + 1})

    def page_request(self, site, url, via, lastmod=None, living=False):
        url = url.split("#")[0]
        living = living or site.is_living_page(url)
        if url in self.requested or not (living or site.allows(url)):
            return None
        if site.discovery.listing and url in site.discovery.listing.urls:
            return None
        if self.sample and len(self.requested) >= self.sample:
            return None
        changed = _day(lastmod)
        if not living and url in self.known:
            if changed is None or changed.isoformat() <= self.known[url][:10]:
                self.crawler.stats.inc_value("news/skipped_known")
                return None
        if living and url in self.known and self.known[url] > self.living_recheck_after:
            self.crawler.stats.inc_value("news/living_not_due")
            return None
        if changed and not self.in_window(changed) and not living:
            self.crawler.stats.inc_value("news/skipped_out_of_window")
            return None
        self.requested.add(url)
        return scrapy.Request(url, self.parse_page, errback=self.errback,
                              meta={"site": site, "via": via, "living": living})

    def in_window(self, day: date) -> bool:
        return self.arguments.from_date <= day <= self.arguments.until_date

    # --- pages -----------------------------------------------------------------------------
    def parse_page(self, response):
        if not isinstance(response, scrapy.http.TextResponse):
            self.record_error(response.url, "not an HTML page")
            return
        site = response.meta["site"]
        yield ArticleItem(
            url=response.url, site=site.name, body=response.body, site_config=site.to_dict(),
            is_living_page=response.meta["living"], discovered_via=response.meta["via"],
            **self.provenance(response),
        )

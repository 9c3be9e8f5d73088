"""Hostile input to the OCDS spider's datasets page, reduced from ``make fuzz`` findings (branch fuzz1).

The callback gets a real Scrapy response built in-process (tests/fuzz/harness.py): a link the page cannot lead to
is skipped, a package whose name gives an impossible period is still read (its releases' dates select), and the
page's other packages are asked as before.
"""

from __future__ import annotations

from spiders.tenderned_ocds import TenderNedOCDSSpider
from tests.fuzz.harness import SITE, _spider, response

FILES = SITE + "cms/sites/default/files/2026-07/"


def asked(page: str) -> list[str]:
    spider = _spider(TenderNedOCDSSpider, {}, from_date="2021-06-01", until_date="2021-12-31")
    spider.crawl_errors.clear()
    requests = list(spider.parse_page(response(SITE + "datasets", page.encode(), {}, html=True)))
    return [r.url for r in requests] + list(spider.packages_waiting)


def page(*hrefs: str) -> str:
    return "<html><body><article><ul>" + "".join(f'<li><a href="{h}">JSON</a></li>' for h in hrefs) + \
        "</ul></article></body></html>"


def test_a_package_named_with_an_impossible_period_is_read_not_fatal():
    """"…-2021-13-01-2021-12-31.json" names no period: the whole page raised ValueError (month must be in 1..12)."""
    urls = asked(page(FILES + "Dataset_Tenderned-2021-13-01-2021-12-31.json",
                      FILES + "Dataset_Tenderned-2021-01-01-2021-12-31.json"))
    assert sorted(urls) == [FILES + "Dataset_Tenderned-2021-01-01-2021-12-31.json",
                            FILES + "Dataset_Tenderned-2021-13-01-2021-12-31.json"]


def test_links_that_lead_to_no_http_address_are_skipped():
    """A link Python cannot split ("http://[::1…", ValueError: Invalid IPv6 URL) raised; one of another scheme
    (a typo "httpq:", "javascript:") was asked, and failed at the downloader."""
    good = FILES + "Dataset_Tenderned-2021-01-01-2021-12-31.json"
    assert asked(page("http://[::1/2021.json", "httpq://www.tenderned.nl/x/2021.json", "javascript:x.json", good)) == [good]

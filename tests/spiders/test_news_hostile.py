"""Hostile input to the news spider's callbacks, reduced from ``make fuzz`` findings (branch fuzz1).

Callbacks get real Scrapy responses built in-process (tests/fuzz/harness.py); the contract is issue 13's:
the bad part is skipped or recorded as a crawl error, nothing else raises, and what is kept can be stored.
"""

from __future__ import annotations

import json

import pytest

from tests.fuzz import harness
from tests.fuzz.harness import SITE, news_spider, response

#: an anchor whose mangled markup leaves an attribute *name* holding a control character (lxml's HTML parser keeps
#: it; parsel's ``Selector.attrib`` then raised ValueError while copying every attribute)
BAD_ATTRIBUTE_NAME = b'<html><body><a href="/nieuws/echt" x\x0fy>Bericht</a><a href="/nieuws/twee">Twee</a></body></html>'


@pytest.fixture
def news():
    spider = news_spider()
    spider.crawl_errors.clear()
    spider.requested.clear()
    spider.listing_pages.clear()
    return spider


def test_listing_with_a_control_character_in_an_attribute_name_keeps_its_links(news):
    requests = list(news.parse_listing(response(SITE + "inwoner/nieuws", BAD_ATTRIBUTE_NAME,
                                                {"site": news.sites[0], "listing_page": 1}, html=True)))
    assert sorted(r.url for r in requests) == [SITE + "nieuws/echt", SITE + "nieuws/twee"]

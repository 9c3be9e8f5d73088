"""The spiders' ``Request`` (``spiders/base.py``) is Scrapy's, made without w3lib's ``safe_url_string`` when
the URL is already its own safe form (issue 14: ≈ 4 % of a reparse). Whatever the URL, it gives the URL
Scrapy's ``Request`` gives, and the same error for a URL Scrapy refuses."""

import itertools
import random

import pytest
import scrapy
import scrapy.http.request as scrapy_request
from w3lib.url import safe_url_string

from spiders.base import Request, already_safe

#: The URLs the TenderNed spider asks (list page, detail, /html, /pdf, /gerelateerd), at a loopback port
#: and at TenderNed's own address.
SPIDER_URLS = [
    f"{api}/publicaties{tail}"
    for api in ("http://127.0.0.1:8080/papi/tenderned-rs-tns/v2", "https://www.tenderned.nl/papi/tenderned-rs-tns/v2")
    for tail in ("?page=0&size=100&publicatieDatumVanaf=2021-03-01&publicatieDatumTot=2021-03-30&cpvCodes=85311300-5",
                 "/331203", "/331203/html", "/331203/pdf", "/331203/gerelateerd")
]

SCHEMES = ["http", "https", "HTTP", "ftp", "file", ""]
LABELS = ["a", "www", "tenderned", "nl", "xn--p1ai", "0x7f", "127", "256", "01", "0", "-a", "a-", "", "A", "ß",
          "a_b", "1a", "255", "a" * 64]
PORTS = ["", ":", ":0", ":80", ":443", ":8080", ":08080", ":65535", ":65536", ":99999", ":x"]
SEGMENTS = ["", "/", "/a", "/.", "/..", "/%2e", "/A_b~c-d", "/ä", "/a b", "//", "/a;b", "/a%20b", "/a|b", "/~"]
QUERIES = ["", "?", "?a=1", "?a=1&b=2", "?a", "?a=ü", "?a='", "?a=b c", "?a=%41", "?a=1;b", "?&", "?a+b=1"]
FRAGMENTS = ["", "#", "#x", "#x y"]


def random_urls(count: int, seed: int = 17):
    rng = random.Random(seed)
    for _ in range(count):
        host = ".".join(rng.choice(LABELS) for _ in range(rng.randint(1, 4)))
        if rng.random() < 0.3:
            host = ".".join(str(rng.choice([0, 1, 9, 10, 99, 127, 199, 255, 256, 300])) for _ in range(rng.choice([3, 4, 4, 5])))
        scheme = rng.choice(SCHEMES)
        if rng.random() < 0.5:  # near the shortcut's edges: each part safe, or one step beside it
            near = lambda safe, edges: rng.choice(edges) if rng.random() < 0.15 else rng.choice(safe)  # noqa: E731
            yield rng.choice(["http", "https"]) + "://" + host + near(["", ":8080", ":1", ":65535"], PORTS) \
                + "".join(near(["/a", "/A_b~c-d", "/", "/~", "/a.b", "/.a", "/a..", "/-"], SEGMENTS)
                          for _ in range(rng.randint(1, 3))) \
                + near(["", "?", "?a=1", "?a=1&b=2", "?a", "?&", "?a==b", "?=~"], QUERIES) + near([""], FRAGMENTS)
            continue
        yield (f"{scheme}://" if scheme else rng.choice(["", "//"])) + host + rng.choice(PORTS) \
            + "".join(rng.choice(SEGMENTS) for _ in range(rng.randint(0, 3))) + rng.choice(QUERIES) + rng.choice(FRAGMENTS)


def made(cls, url):
    try:
        return cls(url).url
    except Exception as exc:  # noqa: BLE001 — the error is part of what is compared
        return (type(exc), str(exc))


def test_the_spiders_urls_are_taken_as_they_are():
    for url in SPIDER_URLS:
        assert already_safe(url), url
        assert Request(url).url == safe_url_string(url) == url


def test_a_safe_url_is_not_parsed_again(monkeypatch):
    calls = []

    def counting(url, *args, **kwargs):
        calls.append(url)
        return safe_url_string(url, *args, **kwargs)

    monkeypatch.setattr(scrapy_request, "safe_url_string", counting)
    for url in SPIDER_URLS:
        Request(url)
    assert calls == []
    Request("http://127.0.0.1:8080/a b")  # not of the safe shape: Scrapy's own path
    assert calls == ["http://127.0.0.1:8080/a b"]


@pytest.mark.parametrize("url", ["http://A.com/", "http://a.com?x=1", "http://a.com:80/", "https://a.com:443/",
                                 "http://a.com:08080/", "http://a.com/./b", "http://a.com/a/../b", "http://1.2.3/",
                                 "http://0x7f.1/", "http://a.com/ä", "http://a.com/?q=a b", "http://a.com/#x",
                                 "http://a.com:65536/", "a.com/x", "http://xn--p1ai/"])
def test_a_url_of_another_shape_goes_through_scrapy(url):
    assert not already_safe(url)
    assert made(Request, url) == made(scrapy.Request, url)


def test_every_url_gives_what_scrapys_request_gives():
    urls = list(itertools.chain(SPIDER_URLS, random_urls(20000)))
    fast = 0
    for url in urls:
        assert made(Request, url) == made(scrapy.Request, url), url
        if already_safe(url):
            fast += 1
            assert safe_url_string(url) == url, url
    assert fast > 500  # the shortcut is tried on many of them, not only on the spiders' own


def test_a_request_keeps_its_class_through_replace_and_a_disk_queue_and_the_tenderned_spider_asks_with_it():
    from spiders.tenderned import TenderNedSpider

    from scrapy.utils.request import request_from_dict

    request = Request(SPIDER_URLS[1], meta={"a": 1})
    copy = request.replace(url=SPIDER_URLS[2])
    assert type(copy) is Request and copy.url == SPIDER_URLS[2] and copy.meta == {"a": 1}
    queued = request_from_dict(request.to_dict())  # as a JOBDIR queue keeps it (crawl --jobdir)
    assert type(queued) is Request and queued.url == request.url and queued.meta == {"a": 1}
    spider = TenderNedSpider(from_date="2020-01-01", until_date="2020-01-01")
    spider.api_url = "http://127.0.0.1:8080/papi/tenderned-rs-tns/v2"
    related = spider.related("331203")
    assert type(related) is Request and related.url == f"{spider.api_url}/publicaties/331203/gerelateerd"


@pytest.mark.parametrize("spider", ["tenderned", "tenderned_ocds", "news"])
def test_a_note_that_is_no_utf8_is_a_bad_argument(spider):
    """`scrapy crawl tenderned -a note=café` in a Latin-1 terminal (Python keeps the byte as a lone surrogate): the
    crawl started, then its record could not be stored (UnicodeEncodeError in CrawlRecorder, the crawl lost). It is
    refused as the spider is made, naming the argument, before any request."""
    from tenderarchive.arguments import SpiderArgumentError
    from tests.fuzz.harness import run_spider_arguments

    with pytest.raises(SpiderArgumentError, match="note"):
        from tests.fuzz.harness import FIXTURES, _spider
        from scrapy.spiderloader import SpiderLoader
        from tenderarchive.cli import project_settings

        cls = SpiderLoader.from_settings(project_settings()).load(spider)
        _spider(cls, {"NEWS_SOURCES": str(FIXTURES / "sources.yaml"), "ARCHIVE_DB": "/nonexistent/archive.db"},
                note="caf\udce9")
    run_spider_arguments(f"{spider}\0note=caf\udce9".encode("utf-8", "surrogateescape"))  # the fuzz target's oracle

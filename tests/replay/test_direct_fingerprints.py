"""The direct replay's duplicate filter fingerprints simple URLs itself (issue 14:
tenderarchive/replay/direct.py, QuickFingerprinter); every fingerprint must be Scrapy's, or a
reparse would filter other requests than the crawl did."""

import itertools
from pathlib import Path

from scrapy import Request
from scrapy.utils.request import RequestFingerprinter

import tenderarchive
from tenderarchive.rawstore import ResponseIndex
from tenderarchive.replay.direct import QuickFingerprinter, _SIMPLE_URL

SNAPSHOT = Path(tenderarchive.__file__).parent / "snapshot" / "warc"

#: URLs (synthetic) in shapes canonicalize_url changes or the fast path must refuse.
TRICKY = [
    "http://127.0.0.1:8080/papi/v2/publicaties?page=2&size=100&publicatieDatumVanaf=2021-03-01",
    "http://127.0.0.1/papi/v2/publicaties?size=100&page=2", "http://a.nl", "http://a.nl/", "http://a.nl/x?",
    "http://a.nl/x?b=&a=", "http://a.nl/x?a=&b", "http://a.nl/x?a=1;b=2", "http://a.nl/x?a-b=1&a=2&a=1",
    "http://a.nl/x?=v", "http://a.nl/./x/../y", "http://a.nl//x", "http://a.nl/.well-known/x", "http://a.nl/x/.",
    "http://A.nl/x", "HTTP://a.nl/x", "https://a.nl:443/x", "http://a.nl:80/x?z=1&y=2", "http://a.nl/x#frag",
    "http://a.nl/x?q=a+b", "http://a.nl/x?q=a%20b", "http://a.nl/x%7Ey", "http://a.nl/x~y", "http://a.nl/ä",
    "http://a.nl/x?q=ä", "http://a.nl/x?a=1&&b=2", "http://a.nl/x?a==1", "http://a.nl/x?a=1&a=1",
    "http://a.nl/x?A=1&a=1&_=1&-=1&.=1&~=1", "http://a.nl/x y", "ftp://a.nl/x", "data:,x", "http://user@a.nl/x",
    "http://-a.nl/x", "http://a..nl/x", "http://.a.nl/x", "http://a.nl./x", "http://xn--bcher-kva.nl/x",
    "http://a.nl:/x", "http://a.nl:0080/x", "http://a.nl/x/", "http://a.nl/~x", "http://a.nl/a/.",
]


def requests():
    urls = sorted(ResponseIndex(SNAPSHOT).by_url) + TRICKY
    for url, method, body in itertools.product(urls, ("GET", "POST"), (b"", b"a=1")):
        yield Request(url, method=method, body=body)
    yield Request("http://a.nl/x?b=1&a=2", meta={"verbatim_url": True})


def test_quick_fingerprints_are_scrapys():
    scrapy, quick = RequestFingerprinter(), QuickFingerprinter(RequestFingerprinter())
    assert QuickFingerprinter.applies(scrapy)
    fast = 0
    for request in requests():
        assert quick.fingerprint(request) == scrapy.fingerprint(request), (request.method, request.url, request.body)
        fast += _SIMPLE_URL.fullmatch(request.url) is not None
    assert fast > 100  # most of the snapshot's URLs take the fast path, and were checked


def test_a_custom_fingerprinter_is_left_alone():
    class Custom(RequestFingerprinter):
        pass

    assert not QuickFingerprinter.applies(Custom())


def test_a_method_json_would_escape_still_gets_scrapys_fingerprint():
    scrapy, quick = RequestFingerprinter(), QuickFingerprinter(RequestFingerprinter())
    for method in ("M-SEARCH", 'GE"T', "GETÄ", "PROPFIND"):
        request = Request("http://a.nl/x?b=1&a=2", method=method, body=b"x")
        assert quick.fingerprint(request) == scrapy.fingerprint(request), method

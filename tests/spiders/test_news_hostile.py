"""Hostile input to the news spider's callbacks, reduced from ``make fuzz`` findings (branch fuzz1).

Callbacks get real Scrapy responses built in-process (tests/fuzz/harness.py); the contract is issue 13's:
the bad part is skipped or recorded as a crawl error, nothing else raises, and what is kept can be stored.
"""

from __future__ import annotations

import json

import pytest
from scrapy import Request

from tests.fuzz import harness
from tests.fuzz.harness import SITE, news_spider, response
from tests.speed import cpu_time, linear_time


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


def openpub(news, data) -> list:
    body = data if isinstance(data, bytes) else json.dumps(data).encode()  # json.dumps writes "\ud800" as an escape
    return [i for i in news.parse_openpub(response(harness.OPENPUB_ROOT + "?page=1", body, {
        "site": news.sites[0], "openpub_page": 1, "openpub_root": harness.OPENPUB_ROOT})) if not isinstance(i, Request)]


def test_openpub_response_nested_past_pythons_stack_is_one_recorded_error(news):
    assert openpub(news, b'{"data": ' + b"[" * 100_000 + b"]" * 100_000 + b"}") == []
    [error] = news.crawl_errors
    assert "malformed OpenPub response" in error["error"]


def test_openpub_item_with_a_lone_surrogate_is_archived_with_a_replacement_character(news):
    """JSON may escape half a UTF-16 pair ("\\ud800"); the page built of the item could not be encoded."""
    [item] = openpub(news, {"data": [{"id": 11, "title": "Jeugdhulp \ud800 gegund", "content": "<p>x\udfffy</p>",
                                      "date": "2021-10-14 16:05:00"}]})
    page = item.body.decode("utf-8")
    assert "Jeugdhulp \ufffd gegund" in page and "x\ufffdy" in page
    harness.run_pipelines(item, harness.article_pipelines())


def test_openpub_date_with_an_unreadable_zone_keeps_the_date(news):
    """PHP DateTime's ``timezone`` naming no zone the system has (a name longer than a file name may be, raised OSError)."""
    [item] = openpub(news, {"data": [{"id": 11, "title": "Jeugdhulp", "content": "<p>Gegund.</p>",
                                      "date": {"date": "2021-10-14 16:05:00.000000", "timezone_type": 3,
                                               "timezone": "Europe/" + "x" * 400}}]})
    assert b'content="2021-10-14T16:05:00"' in item.body


def test_json_listing_with_a_lone_surrogate_keeps_its_links(news):
    """A "load more" endpoint's JSON rows read as a listing page; one escaping half a UTF-16 pair raised."""
    body = json.dumps({"html": "<li><a href='/nieuws/een'>Een \ud800</a></li><li><a href='/nieuws/twee'>Twee</a></li>"})
    requests = list(news.parse_listing(response(SITE + "inwoner/nieuws", body.encode(),
                                                {"site": news.sites[0], "listing_page": 1},
                                                headers={"Content-Type": "application/json"})))
    assert {SITE + "nieuws/een", SITE + "nieuws/twee"} <= {r.url for r in requests}


SITEMAP_TEXT = ('<?xml version="1.0" encoding="{declared}"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                "<url><loc>http://127.0.0.1:8123/nieuws/jeugdhulp-gegund</loc></url>"
                "<url><loc>http://127.0.0.1:8123/index.php?id=12&L=0</loc></url></urlset>")


@pytest.mark.parametrize("encoding, declared", [("utf-16", "UTF-16"), ("utf-32", "UTF-32"), ("utf-16", "UTF-8")])
def test_sitemap_saved_as_utf16_or_utf32_with_its_byte_order_mark_is_read(news, encoding, declared):
    """A sitemap saved by a Windows editor as "Unicode" (UTF-16 with its mark): mending the XML's bytes (mend_xml) took
    every NUL byte out of it, and the crawl recorded "malformed sitemap: " (an empty reason) and asked none of its
    pages, every crawl. It is read in the encoding its mark names, mended as a UTF-8 one is (the bare "&")."""
    body = SITEMAP_TEXT.format(declared=declared).encode(encoding)
    requests = list(news.parse_sitemap(response(SITE + "sitemap.xml", body, {"site": news.sites[0]})))
    assert [r.url for r in requests] == [SITE + "nieuws/jeugdhulp-gegund", SITE + "index.php?id=12&L=0"]
    assert news.crawl_errors == []


def test_feed_saved_as_utf16_with_a_bare_ampersand_is_read(news):
    feed = ('<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>Nieuws & zo</title>'
            "<item><title>Jeugdhulp gegund</title><link>http://127.0.0.1:8123/nieuws/jeugdhulp-gegund</link>"
            "<pubDate>Thu, 14 Oct 2021 16:05:00 +0200</pubDate></item></channel></rss>").encode("utf-16")
    requests = list(news.parse_feed(response(SITE + "rss", feed, {"site": news.sites[0]})))
    assert [r.url for r in requests] == [SITE + "nieuws/jeugdhulp-gegund"]
    assert news.crawl_errors == []


def test_sitemap_without_an_element_is_an_error_that_says_so(news):
    assert list(news.parse_sitemap(response(SITE + "sitemap.xml", b'<?xml version="1.0"?>\n', {"site": news.sites[0]}))) == []
    [error] = news.crawl_errors
    assert error["error"] == "malformed sitemap: no XML element in it"  # it read "malformed sitemap: "


CUT_SITEMAP = (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
               b"<url><loc>http://127.0.0.1:8123/nieuws/een</loc></url><url><loc>http://127.0.0.1:8123/nieuws/twee</loc>"
               b"</url><url><loc>http://127.0.0.1:8123/nieuws/dr")


@pytest.mark.parametrize("body, index", [(CUT_SITEMAP, False), (CUT_SITEMAP.replace(b"urlset", b"sitemapindex")
                                                                  .replace(b"<url>", b"<sitemap>")
                                                                  .replace(b"</url>", b"</sitemap>"), True)])
def test_a_sitemap_cut_short_is_read_as_far_as_it_goes_and_recorded(news, body, index):
    """A sitemap whose bytes end before its closing tag (a transfer cut under a Content-Length too short, a generator
    that died half way) was read by lxml's recover as if whole, the entries after the cut lost and no error: the crawl
    complete. Its entries before the cut are followed, and the cut is an error of the crawl (found by
    tests/test_hostile_answers.py's short Content-Length)."""
    requests = list(news.parse_sitemap(response(SITE + "sitemap.xml", body, {"site": news.sites[0]})))
    assert [r.url for r in requests] == [SITE + "nieuws/een", SITE + "nieuws/twee"]   # not the cut ".../dr"
    root = "sitemapindex" if index else "urlset"
    assert [e["error"] for e in news.crawl_errors] == [
        f"sitemap cut short: it ends before its closing </{root}>; the 2 entries before the cut are read"]


@pytest.mark.parametrize("tail", [b"</urlset>", b"</urlset >\n\n", b"</urlset><!-- 0.12 s -->\n<!-- cache -->  ",
                                  b"</sm:urlset>"])
def test_a_whole_sitemap_ending_in_white_space_or_comments_is_no_cut(news, tail):
    body = CUT_SITEMAP[:CUT_SITEMAP.rindex(b"<url>")] + tail
    if b"sm:" in tail:
        body = body.replace(b"<urlset xmlns=", b"<sm:urlset xmlns:sm=").replace(b"<url>", b"<sm:url>") \
            .replace(b"</url>", b"</sm:url>").replace(b"<loc>", b"<sm:loc>").replace(b"</loc>", b"</sm:loc>")
    requests = list(news.parse_sitemap(response(SITE + "sitemap.xml", body, {"site": news.sites[0]})))
    assert [r.url for r in requests] == [SITE + "nieuws/een", SITE + "nieuws/twee"]
    assert news.crawl_errors == []


def test_a_listing_entrys_text_pieces_cost_no_more_deep_in_a_page_than_flat():
    """A listing whose markup nests deeply (a fuzzed page of 35 KB: a chunk with an unclosed ``<ul>`` and quote, repeated)
    took 14 s of CPU: each text piece of each entry looked up its ancestors to the root to know if it was in the link."""

    import lxml.html

    from spiders.news import _text_pieces

    def cpu(markup: str) -> float:
        body = lxml.html.fromstring(f"<html><body>{markup}</body></html>").find("body")
        anchors = body.xpath(".//a")[:40]
        pieces, seconds = cpu_time(lambda: [piece for anchor in anchors for piece in _text_pieces(body, anchor)])
        assert len(pieces) > 10_000 and any(in_link for _, _, in_link in pieces)
        return seconds / len(pieces)

    # the fuzzed page's chunk: "<a href="/nieuws/twee class=" opens a quote that swallows the closing tags, so each
    # chunk's <ul> nests in the one before
    chunk = ('<ul>\n<li><a href="/nieuws/een">Een</a></li>\n<li><a href="/nieuws/twee class="x">Twee</h2>\n'
             '<button type="button">Menu</button>\n')
    closed = ('<ul>\n<li><a href="/nieuws/een">Een</a></li>\n<li><a href="/nieuws/twee">Twee</a></li></ul>\n'
              '<button type="button">Menu</button>\n')
    deep, flat = cpu(chunk * 200), cpu(closed * 200)
    assert deep < 3 * flat  # per piece; the ancestors' walk made it the page's depth (~200 levels) times the flat one's


def test_a_deeply_nested_listing_costs_about_what_a_flat_one_of_its_size_does(news):
    """A listing whose markup nests deeply (a fuzzed page of 35 KB: a chunk with an unclosed ``<ul>`` and a quote that
    swallows the link's end, repeated, so each link holds the rest of the page) still took ≈ 4 s of CPU after the text
    pieces were mended: each entry's date was read from the whole rest of the page (its text twice, every link and
    date element in it, a sibling's links, a "load more" control's words, the listing's anchors found twice). An
    entry is read for its first elements and characters, a link's others up to the first other article: the deep
    page costs a few times the flat one, not tens."""

    def cpu(markup: str) -> tuple[float, list]:
        body = f"<html><body>{markup}</body></html>".encode()
        news.requested.clear()
        news.listing_pages.clear()
        requests, seconds = cpu_time(lambda: list(news.parse_listing(response(
            SITE + "inwoner/nieuws", body, {"site": news.sites[0], "listing_page": 1}, html=True))))
        return seconds, requests

    chunk = ('<ul>\n<li><a href="/nieuws/een">Een</a></li>\n<li><a href="/nieuws/twee class="x">Twee</h2>\n'
             '<button type="button">Menu</button>\n')
    closed = ('<ul>\n<li><a href="/nieuws/een">Een</a></li>\n<li><a href="/nieuws/twee">Twee</a></li></ul>\n'
              '<button type="button">Menu</button>\n')
    assert len(chunk * 280) > 34_000
    (flat, _), (deep, requests) = cpu(closed * 280), cpu(chunk * 280)
    assert {r.url for r in requests} == {SITE + "nieuws/een", SITE + "nieuws/twee%20class="}  # its links still read
    assert deep < 6 * flat + 0.3, (deep, flat)


#: A listing page with every part of the template whose links are no listing's (news-sites.md §2.4): a menu, a
#: breadcrumb, a cookie banner, the page's header and footer, and cards each with their own header and footer.
TEMPLATE_PAGE = """<html><body>
<header><a href="/home">Home</a><nav><a href="/menu">Menu</a></nav></header>
<div class="breadcrumb-trail"><a href="/kruimel">Kruimel</a></div><div id="cookie-bar"><a href="/cookies">Cookies</a></div>
<div role="navigation"><a href="/rol">Rol</a></div><div role="banner"><a href="/banier">Banier</a></div>
<main><header><a href="/main-kop">Kop in main</a></header>
<div class="cards"><div class="card"><header><a href="/nieuws/kaart-een-kop">Kop</a></header><a href="/nieuws/kaart-een">Een</a>
<footer><a href="/nieuws/kaart-een-meer">Lees meer</a></footer></div>
<div class="card"><header><a href="/nieuws/kaart-twee-kop">Kop</a></header><a href="/nieuws/kaart-twee">Twee</a>
<footer><a href="/nieuws/kaart-twee-meer">Lees meer</a></footer></div></div>
<article><footer><a href="/nieuws/artikel-voet">Voet</a></footer><a href="/nieuws/artikel">Artikel</a></article>
<a name="anker">geen adres</a></main>
<footer><a href="/privacy">Privacy</a><div><a href="/contact">Contact</a></div></footer>
</body></html>"""


def test_listing_anchors_walk_selects_what_the_listing_xpath_does():
    """:func:`spiders.news.listing_anchors` (one walk down the page) is :data:`LISTING_ANCHORS` (an XPath testing each
    link's ancestors): the same links in the same order, the template's left out, a card's own header and footer
    kept."""
    from scrapy.http import HtmlResponse

    from spiders.news import LISTING_ANCHORS, listing_anchors

    for page in (TEMPLATE_PAGE, TEMPLATE_PAGE.replace("<main>", "<div>").replace("</main>", "</div>"), "<p>x</p>"):
        page_response = HtmlResponse(SITE + "nieuws", body=page.encode(), encoding="utf-8")
        walked = [a.get("href") for a in listing_anchors(page_response.selector.root)]
        assert walked == [a.root.get("href") for a in page_response.xpath(LISTING_ANCHORS)]
    walked = [a.get("href") for a in listing_anchors(HtmlResponse(SITE, body=TEMPLATE_PAGE.encode()).selector.root)]
    assert walked == ["/main-kop", "/nieuws/kaart-een-kop", "/nieuws/kaart-een", "/nieuws/kaart-een-meer", "/nieuws/kaart-twee-kop",
                      "/nieuws/kaart-twee", "/nieuws/kaart-twee-meer", "/nieuws/artikel-voet", "/nieuws/artikel", None]


def test_a_deeply_nested_listings_links_are_found_in_linear_time():
    """The listing's links (:data:`LISTING_ANCHORS`) tested each link's ancestors up to the root: on a deeply nested
    page (each link holding the rest of the page, 75 KB) ≈ 1.5 s, four times the time of half the page. Found in one
    walk down the page, twice the page costs about twice the time, and a blink."""

    from scrapy.http import HtmlResponse

    from spiders.news import listing_anchors

    chunk = ('<ul>\n<li><a href="/nieuws/een">Een</a></li>\n<li><a href="/nieuws/twee class="x">Twee</h2>\n'
             '<button type="button">Menu</button>\n')

    def page(n: int):
        return HtmlResponse(SITE + "nieuws", body=f"<html><body>{chunk * n}</body></html>".encode(),
                            encoding="utf-8").selector.root

    assert len(chunk * 600) > 75_000
    assert len(listing_anchors(page(600))) == 2 * 600
    assert linear_time(lambda root: [listing_anchors(root) for _ in range(3)], page, 600) < 8  # (linear: 4)


@pytest.mark.parametrize("declared, body, html", [
    ("application/octet-stream", b"\n  <!DOCTYPE html><html><body><p>x</p></body></html>", True),
    ("x", b"\xef\xbb\xbf<html lang='nl'><p>x</p></html>", True),
    ("", b"<p>Bericht</p>", True),
    ("application/octet-stream", b"%PDF-1.7\n<html>", False),           # a document
    ("application/octet-stream", b"<abbr>x</abbr>", False),            # no HTML signature: a tag name must end
    ("image/png", b"<html><body>x</body></html>", False),              # a known type: not sniffed
    ("application/pdf", b"<!doctype html>", False),
])
def test_a_page_of_no_known_type_is_html_by_its_first_tag(declared, body, html):
    from spiders.news import sniffed_html

    assert sniffed_html(declared, body) is html


def crowded(attributes: int) -> bytes:
    """The synthetic article with one ``<div>`` of that many attributes before its body (1.1 MB for 100,000)."""
    page = harness.ARTICLE_SEEDS[0].read_bytes()
    tag = b"<div " + b" ".join(b"data-x%d='x'" % i for i in range(attributes)) + b">x</div>"
    return page.replace(b"<body", tag + b"<body", 1)


def test_a_page_or_listing_with_a_tag_of_100000_attributes_is_an_error_not_minutes_of_parsing(news):
    """libxml2's HTML parser checks each attribute of a tag against all before it: a 1 MB page holding one tag of
    100,000 attributes took minutes per parse (several per page), the crawl stalled; now it is an error of the page,
    not read, not archived (asked again by the next crawl, what the archive holds of it kept)."""
    url = SITE + "inwoner/nieuws/voorlopige_gunning_gemeentelijke_toegang_jeugdhulp_bekend.html"
    meta = {"site": news.sites[0], "via": "listing", "living": False}
    items, seconds = cpu_time(lambda: list(news.parse_page(response(url, crowded(100_000), meta, html=True))))
    assert items == [] and seconds < 5, seconds
    assert [e["url"] for e in news.crawl_errors] == [url]
    assert "page not read: a tag of more than 1,000 attributes" in news.crawl_errors[0]["error"]
    requests, seconds = cpu_time(lambda: list(news.parse_listing(response(
        SITE + "inwoner/nieuws", crowded(100_000), {"site": news.sites[0], "listing_page": 1}, html=True))))
    assert requests == [] and seconds < 5, seconds
    assert news.crawl_errors[1]["url"] == SITE + "inwoner/nieuws"
    assert "listing page not read: a tag of more than 1,000 attributes" in news.crawl_errors[1]["error"]


def test_a_page_with_a_tag_of_a_thousand_attributes_is_read_as_before(news):
    from tenderarchive.items import ArticleItem

    url = SITE + "inwoner/nieuws/voorlopige_gunning_gemeentelijke_toegang_jeugdhulp_bekend.html"
    meta = {"site": news.sites[0], "via": "listing", "living": False}
    items = list(news.parse_page(response(url, crowded(1000), meta, html=True)))
    assert [type(item) for item in items] == [ArticleItem] and news.crawl_errors == []
